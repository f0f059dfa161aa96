"""`words` takes a shortcut for ASCII text (lower-case the whole text once): the same words as folding
each word's case, for any text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factcheck.model.words import _QUOTED, _WORD, STOPWORDS, _unquoted, content_words, stem, words


def plain_words(text: str) -> tuple[str, ...]:
    found = (w.casefold().replace("’", "'") for w in _WORD.findall(_QUOTED.sub(" ", text)))
    return tuple(w for w in found if w not in STOPWORDS and len(w) > 1)


PIECES = [*"aZ zQ'-’\"“”9_.ßİΣé", "The", "Monday", "it's", "won't", "TALKS"]
texts = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


@given(texts)
def test_words_are_each_words_case_folded(text: str) -> None:
    words.cache_clear()
    assert words(text) == plain_words(text)
    assert content_words(text) == frozenset(stem(w) for w in plain_words(text))


def test_ascii_and_other_text_alike() -> None:
    assert words('The "quoted words" Talks, talked; won\'t X') == ("talks", "talked", "won't")
    assert words("İstanbul TALKS") == plain_words("İstanbul TALKS")



@given(st.text(alphabet="ab .\"“”«»'\t\n\u00a0é", max_size=40) | st.text(max_size=40))
def test_unquoted_masks_as_the_pattern(text: str) -> None:
    """An ASCII text without a double quote is left unsearched: the pattern masks nothing there either."""
    assert _unquoted(text) == _QUOTED.sub(" ", text)

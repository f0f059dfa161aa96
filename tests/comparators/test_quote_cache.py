"""The quote comparator's caches give what computing afresh gives: the wording of each pair of texts,
each word's key, the translation cue found in a text, and the comparison of quotes told alike."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from factcheck.comparators import quote as quote_module
from factcheck.comparators.quote import TRANSLATION_CUES, Params, _cue_in, compare_quotes
from factcheck.comparators.wording import _matched_window, _window, compare_wording, word_key
from factcheck.load import load_corpus
from factcheck.model.values import QuoteValue

from .comparator_claims import CONTEXT
from .test_quote import quote

ROOT = Path(__file__).resolve().parents[2]


def _variants(text: str) -> list[str]:
    """A quote, and what sources make of it: a word changed, a fragment, an ellipsis, a number added."""
    words = text.split()
    middle = len(words) // 2
    return [text, " ".join([*words[:middle], "deep", *words[middle + 1:]]), " ".join(words[1:-1]),
            f"{' '.join(words[:3])}... {' '.join(words[-4:])}", f"{text} 17 times"]


def _seed_quotes() -> list[str]:
    corpus = load_corpus([ROOT / "claims"])
    return [item.claim.value.text for item in corpus.claims() if isinstance(item.claim.value, QuoteValue)]


def test_a_cached_wording_is_the_wording_made_afresh() -> None:
    seeds = _seed_quotes()
    assert len(seeds) >= 10
    texts = list(dict.fromkeys(variant for text in seeds[:8] for variant in _variants(text)))
    params = Params()
    differences = set()
    for shorter, longer in itertools.product(texts, repeat=2):
        for translated in (False, True):
            measures = dict(min_words=params.min_words, run_words=params.run_words,
                            near_verbatim_at=params.near_verbatim_at, reworded_at=params.reworded_at,
                            translated=translated, changes_at_most=params.misquote_changes_at_most)
            cached = compare_wording(shorter, longer, **measures)
            assert compare_wording(shorter, longer, **measures) is cached  # the second call is a hit
            assert cached == compare_wording.__wrapped__(shorter, longer, **measures)
            differences.add(cached.difference if cached else None)
    # The pairs reach every kind of answer, so each was compared with a fresh one.
    assert {"identical", "fragment", "ellipsis", "misquote", "unrelated"} <= differences


def test_one_pair_of_texts_from_other_sources_is_explained_with_their_names() -> None:
    """The wording is shared by every pair of claims with the same texts; the explanation is not."""
    text = _seed_quotes()[0]
    changed = _variants(text)[1]
    first = compare_quotes(quote(text, "dave-eastburn", source="bloomberg-2019-08-22"),
                           quote(changed, "dave-eastburn", source="diplomat-2019-08"), Params(), CONTEXT)
    second = compare_quotes(quote(text, "dave-eastburn", source="reuters-2019-08-22"),
                            quote(changed, "dave-eastburn", source="yonhap-2019-08-22"), Params(), CONTEXT)
    assert first is not None and second is not None
    assert first.facts["difference"] == second.facts["difference"] == "misquote"
    assert "bloomberg-2019-08-22's quote" in first.explanation and "diplomat-2019-08's" in first.explanation
    assert "reuters-2019-08-22's quote" in second.explanation and "yonhap-2019-08-22's" in second.explanation
    assert first.explanation.replace("bloomberg", "reuters").replace("diplomat-2019-08", "yonhap-2019-08-22") \
        == second.explanation


@given(st.text(alphabet="abcdefgilnorstuyz'-ABDE0123456789", min_size=1, max_size=14))
def test_a_cached_word_key_is_the_key_made_afresh(word: str) -> None:
    assert word_key(word) == word_key.__wrapped__(word)


def _first_cue(text: str, cues: tuple[str, ...]) -> str | None:
    """What `_translation` found before the cache: the first cue that matches, searched cue by cue."""
    found = next((m for cue in cues if (m := re.search(cue, text, re.IGNORECASE))), None)
    return found.group() if found else None


CUE_SETS = [
    TRANSLATION_CUES,
    (r"(x)", r"(a)\1"),  # a back-reference: its group's number would shift in a joined pattern
    (r"(?i)said in korean", r"\btranslat\w*"),  # flags of its own
    (r"z*",),  # matches nothing at all, even in an empty note: still found, as ''
]


@given(st.sampled_from(["", "Translated from the Korean", "aa", "xaa", "He said in Korean:", "In a statement "
                        "in Japanese, the minister", "carried by state media", "no cue here"]),
       st.sampled_from(CUE_SETS))
def test_a_cached_cue_is_the_cue_found_cue_by_cue(text: str, cues: tuple[str, ...]) -> None:
    assert _cue_in(text, cues) == _first_cue(text, cues)


def test_a_translation_cue_in_a_note_that_says_nothing_is_found_as_nothing() -> None:
    assert _cue_in("", (r"z*",)) == ""
    assert _cue_in("", TRANSLATION_CUES) is None
    assert _cue_in("aa", (r"(x)", r"(a)\1")) == "aa"


def test_quotes_told_alike_are_told_as_each_pair_would_be(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two quotes of one speaker whose words agree are compared once a pair of texts (`_told_alike`):
    every pair of the seeds' quotes and their variants, by one speaker and by two, translated or not,
    is compared as the comparator does pair by pair, and the shortcut is taken for some."""
    texts = list(dict.fromkeys(variant for text in _seed_quotes()[:6] for variant in _variants(text)))
    claims = [quote(text, speaker, source=source, evidence=evidence)
              for text in texts for speaker, source, evidence in (
                  ("dave-eastburn", "bloomberg-2019-08-22", "(test)"),
                  ("dave-eastburn", "reuters-2019-08-22", "(test)"),
                  ("mark-esper", "diplomat-2019-08", "(test)"),
                  ("dave-eastburn", "yonhap-2019-08-22", "Translated (test)"))]
    pairs = [(a, b) for a, b in itertools.permutations(claims, 2) if a.source_id != b.source_id]
    found = [compare_quotes(a, b, Params(), CONTEXT) for a, b in pairs]
    shortcut = quote_module._told_alike.cache_info().hits
    monkeypatch.setattr(quote_module, "_told_alike", lambda *args: quote_module._PARTED)
    assert found == [compare_quotes(a, b, Params(), CONTEXT) for a, b in pairs]
    assert shortcut > 0 and sum(f is not None and f.facts["difference"] == "identical" for f in found) > 0


@given(st.lists(st.sampled_from(["the", "a", "concern", "strong", "2"]), min_size=1, max_size=12), st.integers(0, 4))
def test_a_piece_that_is_the_rest_of_the_quote_is_aligned_as_the_matcher_does(words: list[str], start: int) -> None:
    keys = [*words[:start], *words]  # the piece is keys[start:] when start <= len(words)
    start = min(start, len(words))
    piece = keys[start:]
    assert _window(piece, keys, start) == _matched_window(piece, keys, start)

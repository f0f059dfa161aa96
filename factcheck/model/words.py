"""Content words: the few lines of text handling that the model, the rules and the engine share.

A crude suffix stripper and a stop list are enough to tell that "talks" and "talked", or "killed"
and "killing", are one word, and that "the", "said" and "Monday" carry nothing about which fact a
sentence states. Values are masked: digits never form words, and quoted words are someone's speech,
not the sentence's own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

_QUOTED = re.compile(r"[\"“”«»][^\"“”«»]*[\"“”«»]")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
STOPWORDS = frozenset("""
a an the and or but if of to in on at by for from with without into onto over under about after before
during since until as than that this these those it its it's is are was were be been being has have had
do does did will would shall should can could may might must not no nor so such there their them they he
she his her him we our us you your i me my who whom whose which what when where why how all any both each
few more most other some own same only very just also said says say saying told tell tells according
while though although because per via again further then once here up down out off own too s t
mr mrs ms dr monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
today yesterday tomorrow week weeks month months year years day days last next earlier later ago
""".split())


_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")


def _unquoted(text: str) -> str:
    """`text` with its quoted words masked (`_QUOTED`); an ASCII text without a double quote, which
    `_QUOTED` cannot match, as it is, unsearched (a quote's text is read so when blocking quotes)."""
    return text if text.isascii() and '"' not in text else _QUOTED.sub(" ", text)


@lru_cache(maxsize=262144)  # called for every word of every quote when blocking: most of its cost at 1M claims
def stem(word: str) -> str:
    """A crude suffix stripper: enough to meet "talks"/"talked", "capsized"/"capsizing"."""
    for suffix in ("ings", "ing", "edly", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=131072)
def words(text: str) -> tuple[str, ...]:
    """The content words of `text` in order, casefolded, with quoted words left out."""
    text = _unquoted(text)
    found: Iterable[str] | None = _ascii_words(text)
    if found is None:
        found = (w.casefold().replace("’", "'") for w in _WORD.findall(text))
    return tuple(w for w in found if len(w) > 1 and w not in STOPWORDS)


def _ascii_words(text: str) -> list[str] | None:
    """Every word of an ASCII text, case folded; None for any other text. Lower case is case folding
    in ASCII, and lowering the whole text moves no word's bounds."""
    return _WORD.findall(text.lower()) if text.isascii() else None


def content_words(text: str) -> frozenset[str]:
    """The stems of the content words of `text`. An ASCII text's are found as sets (its one-letter
    words are the 26 letters): what stemming `words` gives, without its list (one speaker's quotes
    are read this way when blocking, 200,000 texts at a million claims)."""
    found = _ascii_words(_unquoted(text))
    if found is None:
        return frozenset(map(stem, words(text)))
    return frozenset(map(stem, set(found).difference(STOPWORDS, _LETTERS)))


def word_stems(text: str) -> frozenset[str]:
    """The stems of every word of `text`, stop words included ("since", "so far" count here)."""
    return frozenset(stem(w.casefold()) for w in _WORD.findall(text))

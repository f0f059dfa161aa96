"""Quotes: are two sources quoting the same words, and from the same speaker?

Sources quote more or less of a sentence. Bloomberg gives the Pentagon's whole sentence, "The
Department of Defense expresses our strong concern and disappointment that the Moon administration
has withheld its renewal", from "Dave Eastburn, a Pentagon spokesman"; The Diplomat writes that "A
U.S. Department of Defense official expressed 'strong concern and disappointment'". The shorter
quote is contained in the longer one, so the texts `agree`; and the attributions are compatible,
because the entity file says Eastburn speaks for the Department of Defense.

Texts are compared after `normalize_quote` (case, typographic quotes and dashes, spacing do not
matter). A quote with an ellipsis is compared piece by piece, each piece found in order: The
Diplomat's Pompeo quote "...important to the United States of America…We hope each of those two
countries can begin to put that relationship back in exactly the right place." contains Bloomberg's
"can begin to put that relationship back in exactly the right place."

Verdicts: a fragment shorter than `min_words` is not compared (two words in common say nothing);
a match scoring `agree_at` or more agrees, `compatible_at` or more is compatible (small wording
differences); below `related_at` the quotes are different quotes. In between, the same speaker's
words given differently are a conflict. Matching words attributed to speakers the entity file does
not link are a conflict.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from pydantic import Field
from rapidfuzz import fuzz

from factcheck.comparators.base import Comparator, Comparison, Context, Params as BaseParams, Verdict
from factcheck.model.sourced import SourcedClaim
from factcheck.model.values import QuoteValue

_TYPOGRAPHIC = str.maketrans({
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "ʼ": "'", "′": "'", "`": "'", "´": "'",
    "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-", "⁃": "-",
})
_ELLIPSIS = re.compile(r"\s*\.(?:\s?\.){2,}\s*")
_SURROUNDING = " \t\n\"'.,;:!?-()[]"
ELLIPSIS = "..."


class Params(BaseParams):
    """Parameters of the `quote` comparator (scores are 0..100)."""

    min_words: int = Field(default=3, ge=1, description="A shorter quote (or ellipsis piece) is not compared.")
    agree_at: float = Field(default=95, ge=0, le=100, description="Contained or identical after normalisation.")
    compatible_at: float = Field(default=85, ge=0, le=100, description="Near-verbatim: small wording differences.")
    related_at: float = Field(default=65, ge=0, le=100, description="Below this, two different quotes.")


@lru_cache(maxsize=65536)
def normalize_quote(text: str) -> str:
    """The form quotes are compared in: NFKC, straight quotes, `-` for every dash, casefolded, single
    spaces, no surrounding quote marks or punctuation; an ellipsis becomes a separate `...` word."""
    text = unicodedata.normalize("NFKC", text).translate(_TYPOGRAPHIC)
    text = _ELLIPSIS.sub(f" {ELLIPSIS} ", text)
    return " ".join(text.casefold().split()).strip(_SURROUNDING)


@lru_cache(maxsize=65536)
def quote_pieces(text: str) -> tuple[str, ...]:
    """The normalised pieces of a quote between its ellipses."""
    pieces = (piece.strip(_SURROUNDING) for piece in normalize_quote(text).split(ELLIPSIS))
    return tuple(piece for piece in pieces if piece)


@dataclass(frozen=True)
class TextMatch:
    """How the shorter quote (`fragment`) is found in the longer one."""

    score: float  # 0..100: the worst piece
    fragment_words: int
    quote_words: int
    piece_scores: tuple[float, ...]
    pieces: int
    same_length: bool
    skipped: int = 0  # ellipsis pieces shorter than min_words, not compared

    @property
    def coverage(self) -> float:
        return min(1.0, self.fragment_words / self.quote_words) if self.quote_words else 0.0


def _words(pieces: tuple[str, ...]) -> int:
    return sum(len(piece.split()) for piece in pieces)


def match_texts(fragment: tuple[str, ...], longer: tuple[str, ...], min_words: int) -> TextMatch | None:
    """Find each piece of `fragment` (of at least `min_words` words) in order in `longer`; None when
    no piece is long enough to compare."""
    kept = tuple(piece for piece in fragment if len(piece.split()) >= min_words)
    if not kept:
        return None
    target = " ".join(longer)
    if len(kept) == 1 and len(kept[0]) >= 0.9 * len(target):  # about the same length: compare whole
        score = fuzz.ratio(kept[0], target)
        return TextMatch(score, _words(kept), _words(longer), (score,), 1, True,
                         len(fragment) - len(kept))
    scores: list[float] = []
    position = 0
    for piece in kept:
        remaining = target[position:]
        if len(piece) >= len(remaining):
            scores.append(fuzz.ratio(piece, remaining))
            position = len(target)
            continue
        alignment = fuzz.partial_ratio_alignment(piece, remaining)
        scores.append(alignment.score if alignment is not None else 0.0)
        position += alignment.dest_end if alignment is not None else 0
    return TextMatch(min(scores), _words(kept), _words(longer), tuple(scores), len(kept), False,
                     len(fragment) - len(kept))


def _ordered(a: SourcedClaim, b: SourcedClaim) -> tuple[SourcedClaim, SourcedClaim]:
    """(shorter, longer), the same whichever order the claims come in."""
    def key(item: SourcedClaim) -> tuple[int, tuple[str, ...], str, str]:
        value = item.claim.value
        assert isinstance(value, QuoteValue)
        pieces = quote_pieces(value.text)
        return (_words(pieces), pieces, value.speaker, item.key)
    return (a, b) if key(a) <= key(b) else (b, a)


def _voices(item: SourcedClaim, context: Context) -> dict[str, str]:
    """Who a quote's speaker speaks for, each with how we know it."""
    value = item.claim.value
    assert isinstance(value, QuoteValue)
    entities = context.entities
    speaker = entities.get(value.speaker)
    verb = "is part of" if speaker is not None and speaker.kind.value != "person" else "speaks for"
    voices = {org: f"{entities.name_of(value.speaker)} {verb} {entities.name_of(org)} (entity file)"
              for org in entities.organisations_of(value.speaker, item.as_of) if org != value.speaker}
    if value.organisation:
        for org in entities.ancestors(value.organisation):
            voices.setdefault(org, f"{item.source_id} names {entities.name_of(value.speaker)} as speaking for "
                                   f"{entities.name_of(org)}")
    return voices


def attribution(a: SourcedClaim, b: SourcedClaim, context: Context) -> tuple[str, str]:
    """(`same` | `linked` | `unrelated`, a sentence naming both attributions and why)."""
    va, vb = a.claim.value, b.claim.value
    assert isinstance(va, QuoteValue) and isinstance(vb, QuoteValue)
    name = context.entities.name_of

    def who(value: QuoteValue, item: SourcedClaim) -> str:
        return f"{name(value.speaker)}{f' ({value.role})' if value.role else ''} by {item.source_id}"

    if va.speaker == vb.speaker:
        return "same", f"Both sources attribute it to {name(va.speaker)}."
    both = f"attributed to {who(va, a)} and to {who(vb, b)}"
    for speaker, other in ((vb.speaker, a), (va.speaker, b)):
        reason = _voices(other, context).get(speaker)
        if reason:
            return "linked", f"It is {both}: compatible, since {reason}."
    return "unrelated", f"It is {both}, and nothing links the two speakers: conflict."


def _describe_match(vf: QuoteValue, vl: QuoteValue, match: TextMatch, min_words: int, context: Context) -> str:
    short = vf.text if len(vf.text) <= 90 else vf.text[:87] + "..."
    speaker = context.entities.name_of(vl.speaker)
    if match.same_length:
        if match.score == 100:
            return f"The two quotes are identical after normalisation ({match.quote_words} words): 100/100."
        return (f"'{short}' and the {match.quote_words}-word quote by {speaker} are the same length and "
                f"match at {match.score:.0f}/100.")
    pieces = "" if match.pieces == 1 else f", {match.pieces} pieces around ellipses, each found in order"
    scores = "" if match.pieces == 1 else f" (pieces: {', '.join(f'{s:.0f}' for s in match.piece_scores)})"
    if match.skipped:
        pieces += f"; {match.skipped} ellipsis piece(s) under {min_words} words not compared"
    if match.score == 100:
        return (f"'{short}' ({match.fragment_words} words{pieces}) is contained in the {match.quote_words}-word "
                f"quote by {speaker}: covers {match.coverage:.0%}.")
    return (f"'{short}' ({match.fragment_words} words{pieces}) matches the {match.quote_words}-word quote by "
            f"{speaker} at {match.score:.0f}/100{scores}, covering {match.coverage:.0%}.")


def compare_quotes(a: SourcedClaim, b: SourcedClaim, params: Params, context: Context) -> Comparison | None:
    """Compare two quotes' words (containment, piece by piece) and their attributions."""
    va, vb = a.claim.value, b.claim.value
    if not isinstance(va, QuoteValue) or not isinstance(vb, QuoteValue):
        return None
    fragment, longer = (va, vb) if _ordered(a, b)[0] is a else (vb, va)
    match = match_texts(quote_pieces(fragment.text), quote_pieces(longer.text), params.min_words)
    if match is None or match.score < params.related_at:
        return None
    link, who = attribution(a, b, context)
    text = _describe_match(fragment, longer, match, params.min_words, context)
    facts = {"score": round(match.score, 2), "coverage": round(match.coverage, 4),
             "fragment_words": match.fragment_words, "quote_words": match.quote_words,
             "piece_scores": [round(score, 2) for score in match.piece_scores], "attribution": link,
             "speakers": [va.speaker, vb.speaker]}
    if match.score >= params.compatible_at:
        words = Verdict.agree if match.score >= params.agree_at else Verdict.compatible
        if link == "unrelated":
            return Comparison(Verdict.conflict, f"{text} {who}", match.score / 100, facts)
        level = "agree" if words is Verdict.agree else f"compatible (near-verbatim, >= {params.compatible_at:g})"
        return Comparison(words, f"{text} The words {level}. {who}", match.score / 100, facts)
    if link == "unrelated":
        return None  # different speakers, different words: different quotes
    return Comparison(Verdict.conflict, f"{text} {who} The same speaker, worded differently: "
                                        f"{match.score:.0f}/100 (below {params.compatible_at:g}): conflict.",
                      match.score / 100, facts)


COMPARATOR = Comparator(
    name="quote",
    params=Params,
    compare=compare_quotes,
    summary="Quoted words (contained, piece by piece around ellipses) and their attribution.",
)

"""Quotes: are two sources quoting the same words, and from the same speaker?

Sources quote more or less of a sentence. Bloomberg gives the Pentagon's whole sentence, "The
Department of Defense expresses our strong concern and disappointment that the Moon administration
has withheld its renewal", from "Dave Eastburn, a Pentagon spokesman"; The Diplomat writes that "A
U.S. Department of Defense official expressed 'strong concern and disappointment'". The shorter
quote is contained in the longer one, so the texts `agree`; and the attributions are compatible,
because the entity file says Eastburn speaks for the Department of Defense.

Words are compared word by word (`factcheck.comparators.wording`), after `normalize_quote` (case,
typographic quotes and dashes, spacing do not matter), and the difference is named in the facts
(`difference`). A quote with an ellipsis is compared piece by piece, each piece found in order: The
Diplomat's Pompeo quote "...important to the United States of America…We hope each of those two
countries can begin to put that relationship back in exactly the right place." contains Bloomberg's
"can begin to put that relationship back in exactly the right place."

Verdicts: a quote (or ellipsis piece) shorter than `min_words` is not compared (two words in common
say nothing). `identical`, `case_or_punctuation`, `fragment` and `ellipsis` agree. A `misquote`
(one passage, at least `near_verbatim_at` of the shorter quote's words in shared runs of
`run_words` or more, with a content word, number, negation or name changed) is a conflict, with the
word diff: "expresses our [-strong-] {+deep+} concern". `worded_differently` (only stop words or
spellings changed; words put for others at two places or more with no number, negation or other name
changed and no word added or dropped, "[-carry-] {+bear+} the deficit [-by themselves-] {+on their
own+}", as two renderings of one statement are; or a rewording throughout, as translations are, with
at least `reworded_at` of the content-word lemmas shared and every number and name kept) is compatible. When a claim's
evidence or note says the quote is translated (`translation_cues`: "translated", "carried by state
media", "in a statement in Korean", "speaking in Zavrenian" but not "in English"), changed content words
in one passage are a translation's, not a misquote; a changed number, unit of time ("within [-weeks-]
{+days+}"), negation or name is a misquote all the same. Anything else is `unrelated`: not compared.

Defaults, measured on the seeds' 190 pairs of quotes: different quotes share at most 21% of their
words in runs of 3 and 42% of their content lemmas; a one-word change in an 18-word quote keeps 94%
in runs, a translation of one sentence 0-35% in runs and 60-80% of lemmas. So 50% in runs makes one
passage, and 60% of lemmas one statement.

Attribution: the same words (or one passage) from speakers the entity file does not link are a
conflict; different words from unlinked speakers are different quotes.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pydantic import Field, field_validator

from factcheck.comparators.base import Comparator, Comparison, Context, Params as BaseParams, Verdict
from factcheck.comparators.wording import AGREEING, Edit, Wording, compare_wording, plain_text, quote_words
from factcheck.model.sourced import SourcedClaim
from factcheck.model.values import QuoteValue

_SURROUNDING = " \t\n\"'.,;:!?-()[]"
TRANSLATION_CUES = (
    r"\btranslat(?:ed|ion|ions|ing|or)\b", r"\bcarried by state media\b",
    r"\b(?:statement|remarks|interview|speech|message|post|broadcast) in (?:Korean|Japanese|Chinese|Mandarin|"
    r"Russian|Arabic|Persian|Farsi|Turkish|Ukrainian|Hebrew|French|German|Spanish|Portuguese|Italian)\b",
    # "told reporters, speaking in Zavrenian", "said in Castavian": a language by its name's ending
    r"\b(?:speaking|spoke|said|says|wrote|writing|statement|remarks|interview|speech|message|post|broadcast|"
    r"address)\s+in\s+(?!English\b)(?-i:[A-Z][a-z]+(?:ian|ese|ish|ic))\b",
    r"\b(?:through|via)\s+an?\s+interpreter\b",
)


class Params(BaseParams):
    """Parameters of the `quote` comparator (shares are 0..1)."""

    min_words: int = Field(default=3, ge=1, description="A shorter quote (or ellipsis piece) is not compared.")
    run_words: int = Field(default=3, ge=1, description="A run of this many shared words or more is verbatim.")
    near_verbatim_at: float = Field(
        default=0.5, ge=0, le=1,
        description="Share of the shorter quote's words in verbatim runs from which two quotes are one passage, "
                    "so a changed content word is a misquote.")
    reworded_at: float = Field(
        default=0.6, ge=0, le=1,
        description="Share of content-word lemmas in common (Dice) from which two quotes that are not one passage "
                    "are one statement worded differently (a translation).")
    misquote_changes_at_most: float = Field(
        default=0.25, ge=0, le=1,
        description="Share of the shorter quote's content words that its changed content words may reach for a "
                    "misquote; past it, one passage rewritten (a paraphrase or translation) is worded differently. "
                    "A changed number, negation or name is a misquote whatever the share.")
    translation_cues: tuple[str, ...] = Field(
        default=TRANSLATION_CUES,
        description="Patterns (regular expressions, any case) that, in a claim's evidence or note, say the quote "
                    "is translated: its changed words are then a rewording, not a misquote.")

    @field_validator("translation_cues")
    @classmethod
    def _compiles(cls, cues: tuple[str, ...]) -> tuple[str, ...]:
        for cue in cues:
            try:
                re.compile(cue)
            except re.error as error:
                raise ValueError(f"translation cue {cue!r} is not a regular expression: {error}") from None
        return cues


@lru_cache(maxsize=65536)
def normalize_quote(text: str) -> str:
    """The form quotes are compared in: NFKC, straight quotes, `-` for every dash, casefolded, single
    spaces, no surrounding quote marks or punctuation; an ellipsis becomes a separate `...` word."""
    return " ".join(plain_text(text).casefold().split()).strip(_SURROUNDING)


@lru_cache(maxsize=65536)
def _length_key(text: str) -> tuple[int, tuple[str, ...]]:
    """How quotes are ordered by length: their number of words, then the words' keys (read once a text)."""
    words = tuple(w.key for piece in quote_words(text) for w in piece)
    return len(words), words


def _ordered(a: SourcedClaim, b: SourcedClaim) -> tuple[SourcedClaim, SourcedClaim]:
    """(shorter, longer), the same whichever order the claims come in."""
    def key(item: SourcedClaim) -> tuple[int, tuple[str, ...], str, str]:
        value = item.claim.value
        assert isinstance(value, QuoteValue)
        return (*_length_key(value.text), value.speaker, item.key)
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
        return "same", _one_speaker(name(va.speaker))
    both = f"attributed to {who(va, a)} and to {who(vb, b)}"
    for speaker, other in ((vb.speaker, a), (va.speaker, b)):
        reason = _voices(other, context).get(speaker)
        if reason:
            return "linked", f"It is {both}: compatible, since {reason}."
    return "unrelated", f"It is {both}, and nothing links the two speakers: conflict."


def _one_speaker(speaker: str) -> str:
    """What `attribution` says of two quotes both sources give to one speaker (by name)."""
    return f"Both sources attribute it to {speaker}."


def _translation(items: tuple[SourcedClaim, ...], cues: tuple[str, ...]) -> str | None:
    """Which claim's evidence or note says the quote is translated, in words a reader can find."""
    for item in items:
        for where, text in (("evidence", item.claim.evidence.text), ("note", item.claim.note or "")):
            found = _cue_in(text, cues)
            if found is not None:
                return f"{item.source_id}'s {where} says '{found}'"
    return None


@lru_cache(maxsize=16384)
def _cue_in(text: str, cues: tuple[str, ...]) -> str | None:
    """The words of the first cue (in the order of `cues`) that `text` holds; looked up once a text,
    since a claim's evidence is read again for each quote it is paired with (and sources that give
    one quote often give one sentence). Not one joined pattern: a cue's group numbers would shift."""
    found = next((m for cue in cues if (m := re.search(cue, text, re.IGNORECASE))), None)
    return found.group() if found else None


def _change(edit: Edit) -> str:
    """`'strong' -> 'deep'`, or the words only one quote has."""
    longer, shorter = " ".join(edit.longer), " ".join(edit.shorter)
    if longer and shorter:
        return f"'{longer}' -> '{shorter}'"
    return f"'{longer}' only in the longer quote" if longer else f"'{shorter}' only in the shorter quote"


def _describe(shorter: str, speaker: str, sources: tuple[str, str] | None, wording: Wording, params: Params,
              translated: str | None) -> str:
    """What the words have in common and where they part, in sentences a reader can check: the shorter
    quote's text, the longer quote's speaker by name, and the sources (shorter, longer) named where the
    words part (never for words that agree, `_told_alike`)."""
    text = shorter if len(shorter) <= 90 else shorter[:87] + "..."
    n, m = wording.shorter_words, wording.longer_words
    difference = wording.difference
    if difference == "identical":
        return f"The two quotes are identical after normalisation ({m} words)."
    if difference == "case_or_punctuation":
        return f"The two quotes have the same {m} words; only case or punctuation differs."
    if difference in ("fragment", "ellipsis"):
        pieces = "" if wording.pieces == 1 else f", {wording.pieces} pieces around ellipses, each found in order"
        if wording.skipped:
            pieces += f"; {wording.skipped} ellipsis piece(s) under {params.min_words} words not compared"
        return (f"'{text}' ({n} words{pieces}) is contained in the {m}-word quote by {speaker}: "
                f"covers {min(1, n / m):.0%}.")
    both = f"'{text}' ({n} words) and the {m}-word quote by {speaker}"
    passage = (f"are one passage ({wording.verbatim:.0%} of the shorter quote's words in shared runs of "
               f"{params.run_words} or more; {params.near_verbatim_at:.0%} make one passage)")
    assert sources is not None
    diff = f"{wording.alignment.diff} ([-...-] in {sources[1]}'s quote, {{+...+}} in {sources[0]}'s)"
    if difference == "misquote":
        edits = wording.alignment.edits
        changed = "; ".join(f"{_change(e)} ({e.kind})" for e in edits if e.kind not in ("stop", "spelling"))
        note = f" ({translated}, but a translation keeps numbers, names and negations)" if translated else ""
        return f"{both} {passage}, but words differ: {diff}. Changed: {changed}{note}: a misquote."
    if wording.near_verbatim:
        why = f"{translated}, so they are a translation's words" if translated else "only stop words or spellings"
        return f"{both} {passage} and differ in {diff}: {why}."
    cue = f" ({translated})" if translated else ""
    return (f"{both} are worded differently{cue}: {wording.overlap:.0%} of their content-word lemmas are shared "
            f"(from {params.reworded_at:.0%}), and every number and name of each is in the other.")


def compare_quotes(a: SourcedClaim, b: SourcedClaim, params: Params, context: Context) -> Comparison | None:
    """Compare two quotes word by word (see `wording`) and their attributions. Two quotes of one speaker
    whose words agree with no word changed, neither said to be translated, are told without naming their
    sources: that comparison is made once a pair of texts (`_told_alike`), as sources repeat a quote."""
    va, vb = a.claim.value, b.claim.value
    if not isinstance(va, QuoteValue) or not isinstance(vb, QuoteValue):
        return None
    short, long = _ordered(a, b)
    translated = _translation((short, long), params.translation_cues)
    shorter, longer = short.claim.value.text, long.claim.value.text  # type: ignore[union-attr]
    if translated is None and va.speaker == vb.speaker:
        alike = _told_alike(shorter, longer, va.speaker, context.entities.name_of(va.speaker), params)
        if alike is not _PARTED:
            return alike  # type: ignore[return-value]
    wording = _wording(shorter, longer, params, translated is not None)
    if wording is None or wording.difference == "unrelated":
        return None
    link, who = attribution(a, b, context)
    if link == "unrelated" and not wording.near_verbatim:
        return None  # different speakers, different words: different quotes
    speaker = context.entities.name_of(long.claim.value.speaker)  # type: ignore[union-attr]
    return _judged(wording, link, who, shorter, speaker, (short.source_id, long.source_id), translated,
                   [va.speaker, vb.speaker], params)


_PARTED = object()  # `_told_alike`: the words part, or one changed, and the sources must be named


@lru_cache(maxsize=65536)
def _told_alike(shorter: str, longer: str, speaker_id: str, speaker: str, params: Params) -> Comparison | None | object:
    """The comparison of two quotes of one speaker, neither said to be translated, when their words agree
    and no word is changed (`identical`, `case_or_punctuation`, `fragment`, `ellipsis` with no edit):
    it names no source, so it is the same for every pair of claims of these texts. `_PARTED` otherwise."""
    wording = _wording(shorter, longer, params, False)
    if wording is None or wording.difference == "unrelated":
        return None
    if wording.difference not in AGREEING or wording.alignment.edits:
        return _PARTED
    return _judged(wording, "same", _one_speaker(speaker), shorter, speaker, None, None,
                   [speaker_id, speaker_id], params)


def _wording(shorter: str, longer: str, params: Params, translated: bool) -> Wording | None:
    return compare_wording(shorter, longer, min_words=params.min_words, run_words=params.run_words,
                           near_verbatim_at=params.near_verbatim_at, reworded_at=params.reworded_at,
                           translated=translated, changes_at_most=params.misquote_changes_at_most)


def _judged(wording: Wording, link: str, who: str, shorter: str, speaker: str, sources: tuple[str, str] | None,
            translated: str | None, speakers: list[str], params: Params) -> Comparison:
    """The verdict, its explanation and facts, from the wording and the attribution (`sources`: the
    shorter and the longer quote's, named where the words part or a word changed)."""
    text = _describe(shorter, speaker, sources, wording, params, translated)
    edits = wording.alignment.edits
    shorter_source, longer_source = sources or ("", "")  # no edit when the sources are not named
    assert sources is not None or not edits
    facts = {"difference": wording.difference, "verbatim": round(wording.verbatim, 4),
             "content_overlap": round(wording.overlap, 4), "diff": wording.alignment.diff,
             "changed_words": [{"words": {longer_source: " ".join(e.longer), shorter_source: " ".join(e.shorter)},
                                "kind": e.kind} for e in edits],
             "missing": list(wording.missing), "translation": translated,
             "fragment_words": wording.shorter_words, "quote_words": wording.longer_words,
             "attribution": link, "speakers": speakers}
    score = wording.verbatim if wording.near_verbatim else wording.overlap
    if link == "unrelated":
        return Comparison(Verdict.conflict, f"{text} {who}", score, facts)
    if wording.difference in AGREEING:
        return Comparison(Verdict.agree, f"{text} The words agree. {who}", score, facts)
    if wording.difference == "misquote":
        return Comparison(Verdict.conflict, f"{text} {who} Misquoted: conflict.", score, facts)
    return Comparison(Verdict.compatible, f"{text} {who} Worded differently: compatible.", score, facts)


COMPARATOR = Comparator(
    name="quote",
    params=Params,
    compare=compare_quotes,
    summary="Quoted words aligned word by word (fragment, ellipsis, misquote, rewording) and their attribution.",
)

"""From the dates of a sentence to findings: which property each date is of, about which entity.

`dates.py` says what a date expression means; this says what the sentence uses it for, from the cue
lexicon: the cue nearest to the date picks the property ("will expire" -> expires_on, "signed in" ->
signed_on, "since" -> started_on, "said" -> announced_on) and the tense of the clause (the tense word
nearest to the date, else the tense of the cue) sends a year-less date forward or back. The subject is
the nearest mention of an entity of the kind the cue expects ("The pact will expire Nov. 23": the
agreement, via the alias "the pact"). A year range ("1910-45") gives started_on and ended_on.
"""

from __future__ import annotations

import re

from factcheck.extract.cues import Cues, PropertyCue
from factcheck.extract.dates import DateExpression, find_dates
from factcheck.extract.entities import Mention
from factcheck.extract.findings import Finding, choose_subject, nearest_cue
from factcheck.extract.text import Sentence
from factcheck.model import DateValue, PartialDate

_QUALIFIER = re.compile(r"\b(?:if not|unless|if)\b[^,.;:]*", re.IGNORECASE)
_RANGE_PROPERTY = {"start": "started_on", "end": "ended_on"}


def clause_tense(text: str, sentence: Sentence, span: tuple[int, int], cues: Cues,
                 quoted: tuple[tuple[int, int], ...] = ()) -> str | None:
    """`future`, `past` or None. The tense word nearest before the date decides ("will resume ... on
    Sept. 1, officials said" looks forward); only without one, the nearest after it. Words inside
    quote marks are someone else's tense, not the sentence's."""
    before: tuple[str | None, int] = (None, 1 << 30)
    after: tuple[str | None, int] = (None, 1 << 30)
    for tense, pattern in (("future", cues.future), ("past", cues.past)):
        for match in pattern.finditer(text, sentence.start, sentence.end):
            if any(a <= match.start() < b for a, b in quoted) and not any(a <= span[0] < b for a, b in quoted):
                continue
            if match.end() <= span[0] and span[0] - match.end() < before[1]:
                before = (tense, span[0] - match.end())
            elif match.start() >= span[1] and match.start() - span[1] < after[1]:
                after = (tense, match.start() - span[1])
    return before[0] or after[0]


def date_findings(text: str, sentence: Sentence, published: PartialDate, mentions: list[Mention], cues: Cues,
                  vocabulary: frozenset[str], fallback_subject: Mention | None,
                  quoted: tuple[tuple[int, int], ...] = ()) -> list[Finding]:
    """Every date and duration claim of one sentence."""
    findings: list[Finding] = []
    candidates = find_dates(text, sentence.start, sentence.end, published, tense=None)
    for expression in candidates:
        if expression.duration is not None:
            finding = _duration(text, sentence, expression, mentions, cues, vocabulary, fallback_subject)
        else:
            finding = _date(text, sentence, published, expression, mentions, cues, vocabulary, fallback_subject,
                            quoted)
        if finding is not None:
            findings.append(finding)
    return findings


def _date(text: str, sentence: Sentence, published: PartialDate, expression: DateExpression,
          mentions: list[Mention], cues: Cues, vocabulary: frozenset[str],
          fallback_subject: Mention | None, quoted: tuple[tuple[int, int], ...]) -> Finding | None:
    span = (expression.start, expression.end)
    cue, distance = nearest_cue(text, sentence.start, sentence.end, span, cues.date_properties, vocabulary)
    confidence = expression.certainty
    if expression.role:
        prop = _RANGE_PROPERTY[expression.role]
        cue = next((c for c in cues.date_properties if c.property == prop), cue)
    elif cue is not None:
        prop = cue.property
        confidence -= min(0.2, distance / 400)
    elif cues.default_date_property in vocabulary:
        prop = cues.default_date_property
        confidence -= 0.25
    else:
        return None
    if expression.form in ("month_day", "month", "weekday"):  # the year depends on the tense: read again
        tense = clause_tense(text, sentence, span, cues, quoted) or (cue.tense if cue else None)
        again = [e for e in find_dates(text, expression.start, expression.end, published, tense)
                 if e.form == expression.form]
        if again:
            expression = again[0]
    subject = _subject(mentions, span, cue, fallback_subject)
    if subject is None or expression.date is None:
        return None
    return Finding(kind="date", property=prop, subject=subject.entity_id, value=DateValue(date=expression.date),
                   evidence=(sentence.start, sentence.end), confidence=round(max(0.05, confidence), 2),
                   qualifier=_qualifier(text, sentence, span), note=f"date written as {text[span[0]:span[1]]!r}",
                   proposed=(subject.entity_id,) if subject.proposed else ())


def _duration(text: str, sentence: Sentence, expression: DateExpression, mentions: list[Mention], cues: Cues,
              vocabulary: frozenset[str], fallback_subject: Mention | None) -> Finding | None:
    span = (expression.start, expression.end)
    assert expression.duration is not None
    if expression.form == "age":
        cue = next((c for c in cues.duration_properties if c.property == "age"), None)
    else:
        cue, _ = nearest_cue(text, sentence.start, sentence.end, span, cues.duration_properties, vocabulary)
        if cue is None and expression.form == "ago":
            cue, _ = nearest_cue(text, sentence.start, sentence.end, span, cues.date_properties, vocabulary)
    if cue is None or cue.property not in vocabulary:
        return None
    value = expression.duration
    if expression.form != "ago" and value.direction != cue.direction and expression.form != "age":
        value = value.model_copy(update={"direction": cue.direction})
    subject = _subject(mentions, span, cue, fallback_subject)
    if subject is None:
        return None
    return Finding(kind="duration", property=cue.property, subject=subject.entity_id, value=value,
                   evidence=(sentence.start, sentence.end), confidence=round(expression.certainty, 2),
                   qualifier=_qualifier(text, sentence, span), note=f"duration written as {text[span[0]:span[1]]!r}",
                   proposed=(subject.entity_id,) if subject.proposed else ())


def _subject(mentions: list[Mention], span: tuple[int, int], cue: PropertyCue | None,
             fallback: Mention | None) -> Mention | None:
    kinds = cue.subject_kinds if cue else ()
    chosen = choose_subject(mentions, span, kinds, first=bool(cue and cue.first))
    if chosen is not None and kinds and chosen.kind not in kinds and fallback is not None and fallback.kind in kinds:
        return fallback
    return chosen or fallback


def _qualifier(text: str, sentence: Sentence, span: tuple[int, int]) -> str | None:
    """A condition right after the date in its clause: "Nov. 23 if not renewed" -> "if not renewed"."""
    match = _QUALIFIER.search(text, span[1], sentence.end)
    if match and not text[span[1]:match.start()].strip(" ,"):
        return match.group().strip()
    return None

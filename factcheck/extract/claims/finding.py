"""A `Finding` is a claim before it has an id, and the two choices every kind of claim shares.

A finding has a kind, a value, the exact span of its evidence, a confidence, and what makes it one fact:
subject, property, event, modality (and for quantities `counted` in the value, `as_of`). The subject
comes from the entity mentions (`choose_subject`), or for figures and event lengths from the event the
sentence names, else a side event whose own actors the clause names and none of the story's (a rival's
order), else the story's event (`topic_subject`); a quantity's finer property from the cue nearest
to it (`nearest_cue`, for "per dollar", "strengthened").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from factcheck.extract.cues import EventCue, PropertyCue
from factcheck.extract.document import Clause, Document, Mention, Value


@dataclass(frozen=True)
class Finding:
    kind: str
    property: str
    subject: str
    value: Any  # a value model of factcheck.model.values
    evidence: tuple[int, int]
    confidence: float
    qualifier: str | None = None
    note: str | None = None
    proposed: tuple[str, ...] = field(default=())
    event: str | None = None
    modality: str | None = None
    as_of: Any = None  # a PartialDate


def nearest_cue(text: str, start: int, end: int, span: tuple[int, int], cues: tuple[PropertyCue | EventCue, ...],
                vocabulary: set[str] | frozenset[str]) -> tuple[PropertyCue | EventCue | None, int]:
    """The property cue closest to `span` within `text[start:end]` (only properties the vocabulary
    knows), and its distance in characters."""
    best: tuple[PropertyCue | EventCue | None, int] = (None, 1 << 30)
    for cue in cues:
        if cue.property not in vocabulary:
            continue
        for match in cue.pattern.finditer(text, start, end):
            if match.start() < span[1] and span[0] < match.end():
                distance = 0
            else:
                distance = span[0] - match.end() if match.end() <= span[0] else match.start() - span[1]
            if distance < best[1]:
                best = (cue, distance)
    return best


def choose_subject(mentions: list[Mention], span: tuple[int, int], kinds: tuple[str, ...] = (),
                   *, first: bool = False) -> Mention | None:
    """The mention a finding is about: of the first preferred kind that occurs, the nearest to the
    finding (or the first in the sentence when `first`, for "X said Thursday"); else the nearest."""
    usable = mentions  # a mention around the finding ("a 1965 treaty") is the nearest of all
    if not usable:
        return None
    for kind in kinds:
        of_kind = [m for m in usable if m.kind == kind]
        if of_kind:
            return of_kind[0] if first else min(of_kind, key=lambda m: _distance(m, span))
    return usable[0] if first else min(usable, key=lambda m: _distance(m, span))


def _distance(mention: Mention, span: tuple[int, int]) -> int:
    if mention.end <= span[0]:
        return span[0] - mention.end
    if mention.start >= span[1]:
        return mention.start - span[1]
    return 0


def topic_subject(document: Document, value: Value) -> Mention | None:
    """The event (else agreement) named in the value's clause, else the article's main event, else the one
    its sentence names nearest: an event another clause names is seldom what the figure is about."""
    mentions = [m for m in document.mentions.get(value.sentence, []) if not m.proposed]
    clause = document.clause_at(value.start)
    for kind in ("event", "agreement"):
        inside = [m for m in mentions if m.kind == kind and clause and clause.start <= m.start < clause.end]
        if inside:
            return inside[0]
    side = _side_event(document, mentions, clause)
    if side is not None:
        return Mention(value.start, value.start, "", side, "event")
    if document.main_event:  # "The storm cut power to 121,000 homes, and a state of emergency ...": the story's
        return Mention(value.start, value.start, "", document.main_event, "event")
    for kind in ("event", "agreement"):
        named = [m for m in mentions if m.kind == kind]
        if named:
            return min(named, key=lambda m: abs(m.start - value.start))
    if document.main_event:
        return Mention(value.start, value.start, "", document.main_event, "event")
    return None


def _side_event(document: Document, mentions: list[Mention], clause: Clause | None) -> str | None:
    """The one side event of the story whose own actors the clause names while it names none of the
    story's: "Talvik Airlines ordered 25 Haldane H-7 jets worth 2.9 billion" is the rival's order
    ("Talvik Airlines order for Haldane H-7 jets"), not the story's ("Veldran Air order for Corvane jets")."""
    if clause is None or document.main_event is None:
        return None
    story_actors = document.actors.get(document.main_event, frozenset())
    named = {m.entity_id for m in mentions if clause.start <= m.start < clause.end}
    if not story_actors or not named or {m.entity_id for m in mentions} & story_actors:
        return None  # a story told by no actor (a crush, a storm) has no rival whose actors set it apart
    sides = [event for event, actors in document.actors.items() if event != document.main_event and named & actors]
    return sides[0] if len(sides) == 1 else None


# "No one was hurt in that incident, which closed the airport for seven hours", "Then, Tervala devalued by 40
# percent": a sentence that points back at an event ("that incident", "the earlier storm", "Then,") right after
# one dated to a past year is about that event.
_POINTS_BACK = re.compile(r"\b(?:that|the\s+earlier|the\s+previous|this\s+earlier|the\s+same)\s+(?:[a-z-]+\s+)?"
                          r"(?:incident|accident|crash|collision|overrun|spill|storm|cyclone|hurricane|typhoon|flood|"
                          r"floods|quake|earthquake|eruption|fire|blaze|attack|outbreak|disaster|collapse|derailment|"
                          r"explosion|strike)\b"
                          r"|^\W*(?:then|at\s+the\s+time|back\s+then|on\s+that\s+occasion)\b", re.IGNORECASE)
_PAST = re.compile(r"\b(?:was|were|had|did)\b")
_NOW = re.compile(r"\b(?:now|this|today|currently|still|so far|is|are|has|have|will)\b", re.IGNORECASE)
_BACK = 2  # sentences of the same paragraph looked back at


def earlier_event_year(document: Document, value: Value) -> int | None:
    """The past year of the event the value's sentence points back at ("that incident"), or simply goes on
    telling in the past tense with no date or "now" of its own ("The border stayed closed for four months"
    after "... once before, in 2014."), found in the one or two sentences before it in its paragraph; None
    when nothing there is dated to a past year."""
    sentence = document.sentences[value.sentence]
    text = document.text[sentence.start:sentence.end]
    if not _POINTS_BACK.search(text):  # "^" is the sentence's start
        own_dates = [v for v in document.values_in(sentence.index) if v.kind == "date"]
        if own_dates or not _PAST.search(text) or _NOW.search(text):
            return None
    for earlier in document.sentences[max(0, value.sentence - _BACK):value.sentence]:
        if earlier.line != sentence.line:
            continue
        for other in document.values_in(earlier.index):
            date = other.reading.date if other.kind == "date" else None
            if date is not None and date.year < document.published.year - 1 \
                    and not _COMPARED.search(document.text, max(earlier.start, other.start - 60), other.start):
                return date.year
    return None


# A past year the sentence only measures against ("a smaller cut than the 58% imposed after the 2009 default",
# "the worst since 2009"): the sentence tells the story, and the one after it goes on with the story.
_COMPARED = re.compile(r"\b(?:than|since)\b[^.;]*$", re.IGNORECASE)

"""A named person's age: "Dusan Vinsk, 34, a machine operator", "Paolo Ferrandi, aged 34", "Ana Brel (52)",
"the 34-year-old firefighter Paolo Ferrandi", "Vinsk is a 43-year-old machine operator", and "The 43-year-old
father of two was killed ..." right after a paragraph that names one person only.

An age is the `age` of the person (a duration counted back from the publication date; FC101 compares two
ages of one person as the spans of birth dates they allow), so "Dusan V., 34" and "a 43-year-old machine
operator" of the same man are a conflict a reader must see. Of the people no entity names, only a suspect
held for a crime gets one ("arrested a 47-year-old man": the story's, event `suspect-man`); which of several
unnamed victims or witnesses an age belongs to is guesswork.
"""

from __future__ import annotations

import re
from collections import Counter

from factcheck.extract.claims.finding import Finding
from factcheck.extract.document import Document, Mention, Sentence
from factcheck.model import DurationValue
from factcheck.model.numbers import parse_number
from factcheck.model.vocabulary import AGE_PROPERTY

_YEARS = r"(?P<n>\d{1,3}|[a-z]+(?:-[a-z]+)?)"
# After the name: "Vinsk, 34, a machine operator", "Ferrandi, aged 34", "Brel (52)", "Ferrandi, a 34-year-old
# from ...", "Vinsk is a 43-year-old machine operator". A bare number must end its phrase (", 34," or "34.")
# so "Kim, 2019 and 2020" or "Brel, 34 percent" are not ages.
_AFTER = (
    re.compile(r",\s+(?:aged\s+)?(?P<n>\d{1,3})(?=\s*[,.;)]|\s+(?:and|who|was|is|has|had|said|says|told|from|of)\b)"),
    re.compile(r",\s+aged\s+" + _YEARS + r"\b"),
    re.compile(r"\s+\((?:aged\s+)?(?P<n>\d{1,3})\)"),
    re.compile(rf"(?:,|\s+(?:is|was))\s+(?:now\s+)?an?\s+{_YEARS}-year-old\b"),
)
# Before the name, with no more than a few lower-case words (a role) between: "the 34-year-old firefighter
# Paolo Ferrandi", "34-year-old Ana Brel".
_BEFORE = re.compile(rf"\b{_YEARS}-year-old\s+(?:[a-z]+\s+){{0,3}}$")
# A sentence that opens with "The 43-year-old ...": the person the sentences just before name.
_OPENS = re.compile(rf"\s*The\s+{_YEARS}-year-old\b")
# Someone no entity names, held for a crime: "arrested a 47-year-old man on suspicion of arson", "The 57-year-old
# man arrested on suspicion of starting the fire", "A 47-year-old man accused of starting the wildfire". The age
# is the story's, its event the suspect's noun ("suspect-man"): the man arrested is one person however told,
# a tutor and a student detained are two.
_UNNAMED = re.compile(rf"\b(?:a|an|the)\s+{_YEARS}-year-old\s+(?:[a-z]+\s+)?(?P<noun>man|woman|boy|girl|suspect|"
                      r"teenager|driver|student|worker|employee|nurse|doctor|farmer|tutor|teacher|officer|soldier)\b",
                      re.IGNORECASE)
_HELD = re.compile(r"\b(?:arrested|detained|held|charged|accused|suspected|remanded|questioned|convicted|"
                   r"sentenced|jailed|indicted)\b", re.IGNORECASE)
_PERSON = "person"
# "The 24-year-old arrived", "The 24-year-old has": a person who acts, not a thing ("The 40-year-old bridge").
_ACTS = re.compile(r"\s+(?:[a-z]+ed|was|is|has|had|said|says|will|would|told|made|left|came|went|took|won|"
                   r"signed|joined|spent)\b")
_BACK = 2  # sentences looked back for the person a "The 43-year-old ..." sentence means


def age_findings(document: Document) -> tuple[list[Finding], frozenset[int]]:
    """Every named person's age in the document, and the starts of the `N-year-old` values they used
    (not the age of a thing, which `time` reads)."""
    findings: list[Finding] = []
    used: set[int] = set()
    for sentence in document.sentences:
        people = [m for m in document.mentions.get(sentence.index, []) if m.kind == _PERSON]
        for mention in people:
            found = _age_around(document.text, sentence, mention)
            if found is not None:
                findings.append(_finding(sentence, mention, *found))
                used.add(found[1])
        opening = _OPENS.match(document.text, sentence.start)
        if opening and not _named_at(people, opening.end()) and not _held(document, sentence, opening.start()):
            named = _named_before(document, sentence)
            years = _years(opening.group("n"))
            acts = _ACTS.match(document.text, opening.end())
            if not named and acts:  # "He's here. The 24-year-old arrived at ...": the story's one person
                named = _main_person(document)
            if len({m.entity_id for m in named}) == 1 and years is not None:
                findings.append(_finding(sentence, named[-1], years, opening.start("n")))
            if named or acts:  # one person: theirs; several or none: a guess, and no thing's either
                used.add(opening.start("n"))
        for unnamed in _UNNAMED.finditer(document.text, sentence.start, sentence.end):
            if unnamed.start("n") in used or document.main_event is None:
                continue
            years = _years(unnamed.group("n"))
            if years is not None and _held(document, sentence, unnamed.start()):
                story = Mention(unnamed.start(), unnamed.start(), "", document.main_event, "event")
                findings.append(_finding(sentence, story, years, unnamed.start("n"),
                                         event=f"suspect-{unnamed.group('noun').casefold()}"))
                used.add(unnamed.start("n"))
    return findings, frozenset(used)


def _age_around(text: str, sentence: Sentence, mention: Mention) -> tuple[float, int] | None:
    """The age written right after or right before the mention: (years, where the number starts)."""
    for pattern in _AFTER:
        found = pattern.match(text, mention.end, sentence.end)
        if found:
            years = _years(found.group("n"))
            return (years, found.start("n")) if years is not None else None
    found = _BEFORE.search(text, max(sentence.start, mention.start - 60), mention.start)
    if found:
        years = _years(found.group("n"))
        return (years, found.start("n")) if years is not None else None
    return None


def _years(written: str) -> float | None:
    """A plausible age in years ("34", "thirty-four"), else None."""
    number = parse_number(written)
    return float(number) if number is not None and 0 < number < 120 and number == int(number) else None


def _held(document: Document, sentence: Sentence, position: int) -> bool:
    """An unnamed person held for a crime is described at `position` ("arrested a 47-year-old man", "The
    57-year-old man arrested on suspicion of ...")."""
    unnamed = _UNNAMED.match(document.text, position)
    if unnamed is None:
        return False
    clause = document.clause_at(position)
    start, end = (clause.start, clause.end) if clause else (sentence.start, sentence.end)
    return bool(_HELD.search(document.text, max(start, position - 60), min(end, unnamed.end() + 40)))


def _named_at(people: list[Mention], position: int) -> bool:
    """Whether a person is named within a few words after `position` ("The 34-year-old firefighter Paolo
    Ferrandi"): then that name is the one the age belongs to, read by `_age_around`."""
    return any(position <= m.start <= position + 40 for m in people)


def _main_person(document: Document) -> list[Mention]:
    """The person a story is about, when one is: named at least twice and twice as often as
    anyone else (a transfer's player, a trial's defendant); else no one."""
    counts = Counter(m.entity_id for mentions in document.mentions.values() for m in mentions if m.kind == _PERSON)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return []
    return [next(m for mentions in document.mentions.values() for m in mentions if m.entity_id == ranked[0][0])]


def _named_before(document: Document, sentence: Sentence) -> list[Mention]:
    """The people the sentences just before (same or previous paragraph) name, in text order. When they
    name several, "The 43-year-old" would be a guess."""
    earlier = [s for s in document.sentences if sentence.index - _BACK <= s.index < sentence.index
               and sentence.line - s.line <= 2]
    return [m for s in earlier for m in document.mentions.get(s.index, []) if m.kind == _PERSON]


def _finding(sentence: Sentence, person: Mention, years: float, start: int, event: str | None = None) -> Finding:
    return Finding(kind="duration", property=AGE_PROPERTY, subject=person.entity_id,
                   value=DurationValue(amount=years, unit="year", direction="before"),
                   evidence=(sentence.start, sentence.end), confidence=0.8 if event is None else 0.7,
                   note=f"a person's age, written at {start - sentence.start} in its sentence",
                   proposed=(person.entity_id,) if person.proposed else (), event=event)

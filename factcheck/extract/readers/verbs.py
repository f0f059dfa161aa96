"""Open predicates: the past-tense verbs of a clause the event lexicon says nothing about.

The lexicon (`data/events.yaml`) turns known predicates into properties and events ("notified" ->
`notified_on`, `notice`). News uses many more verbs than any lexicon lists: "the agency approved a new
vaccine on Wednesday", "the board on Thursday unanimously rejected the approach". Without a predicate such
a date is no claim at all, and the disagreement of two outlets about that day is never seen. So a clause
with no lexicon word offers its past-tense verbs as open predicates: property `happened_on`, event the
verb's key and the head noun of its object when it has one (`approve-vaccine`, `reject`). Two claims meet only when they name the same verb, and the engine's
context test decides whether they are one fact. Words ending in "-ed" that mostly describe a noun
("the expected vote", "so-called talks") are not verbs here; neither is a speech verb (an attribution
dates the statement, which the lexicon handles).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from factcheck.extract.cues import EventCue
from factcheck.extract.document import Predicate
from factcheck.extract.readers.events import STATE_VERBS, head_after, head_before
from factcheck.extract.readers.verb_keys import IRREGULAR, verb_key
from factcheck.model.numbers import NUMBER
from factcheck.model.vocabulary import ONCE_PROPERTY, OPEN_PROPERTY


# "-ed" words that mostly describe a noun, or are nouns, or say nothing that happened.
_NOT_VERBS = frozenset((
    "expected scheduled planned proposed called named based related used united detailed concerned interested "
    "armed advanced suspected alleged estimated unexpected unprecedented unnamed unidentified so-called "
    "hundred need speed seed shed feed breed creed greed bleed indeed red bed embed "
    "said reported added warned noted stated claimed insisted confirmed announced declared disclosed revealed "
    "asked quoted explained argued replied answered commented cited described "
    "needed seemed appeared looked sounded remained existed belonged mattered wanted wished "
    "hoped liked loved hated preferred believed considered supposed intended tried failed managed "
    "continued started ended finished stopped tended happened occurred followed preceded "
    "involved included contained affected reached listed ranked rated valued priced "
    "dated aged sized shaped skilled talented gifted renowned famed respected retired wounded injured "
    "recorded counted registered logged tallied numbered totalled totaled measured "
    # states, not happenings: "Riot police waited outside the ministry on Tuesday" dates nothing that happened
    "waited stayed lived gathered crowded lined queued watched").split())
_PAST = re.compile(r"\b(?:[a-z]{3,}ed|" + "|".join(sorted(IRREGULAR, key=len, reverse=True)) + r")\b")
_COUNT_AFTER = re.compile(r"\s+(?:(?:about|around|nearly|almost|some|more\s+than|at\s+least|over)\s+)?\d")
_COUNT_BEFORE = re.compile(rf"(?<![\w.,])(?:{NUMBER})\s+(?:[a-z-]+\s+){{0,2}}$", re.IGNORECASE)
_PASSIVE = re.compile(r"\b(?:was|were)\s+(?:[a-z]+ly\s+)?$", re.IGNORECASE)
_BEFORE_ADJECTIVE = re.compile(r"\b(?:the|a|an|its|their|his|her|our|this|that|these|those|newly|recently|"
                               rf"well|long|once|twice|be|been|being|was|were|get|got|{STATE_VERBS})\s+$",
                               re.IGNORECASE)  # "the approved vaccine", "remained closed": a state


def is_past_verb(word: str) -> bool:
    """A past-tense verb ("took", "approved"), as open predicates are read: the tense a date's own verb gives it."""
    return bool(_PAST.fullmatch(word.casefold())) and word.casefold() not in _NOT_VERBS


_WORD = re.compile(r"[A-Za-z][\w’'-]*")


def first_past_verb(text: str, start: int, end: int, *, within: int = 6) -> re.Match[str] | None:
    """The first past-tense verb among the next `within` words of `text[start:end]`: "On 8 March, Finance
    Minister Kranvik picked up the phone" -> "picked". A name is none, nor a participle after a determiner or
    an auxiliary ("the revised plan", `_BEFORE_ADJECTIVE`)."""
    for count, word in enumerate(_WORD.finditer(text, start, end)):
        if count >= within:
            return None
        if not word.group()[0].isupper() and is_past_verb(word.group()) \
                and not _BEFORE_ADJECTIVE.search(text, max(0, word.start() - 12), word.start()):
            return word
    return None


def open_predicates(text: str, start: int, end: int, skip: tuple[tuple[int, int], ...],
                    dates: list[tuple[int, int]], verbs: Mapping[str, str] | None = None,
                    objects: Mapping[str, str] | None = None, once: Mapping[str, str] | None = None,
                    occurring: Mapping[str, str] | None = None) -> tuple[Predicate, ...]:
    """The past-tense verbs of `text[start:end]` (outside quote marks and dates) as predicates; `verbs`
    and `objects` map a verb key or object noun to the one kept for its synonyms (`open_synonyms`, by
    verb key: `Cues.open_verbs`).
    A verb of an event that takes place once (`once`: the `dated_nouns`, "arrested", "collapsed",
    "exchanged") dates that event: property `took_place_on`, event its key, as "the arrest on Thursday".
    A passive is what was done to its subject ("A urine sample was collected" -> `collect-sample`), unless
    a number counts the subject ("97 flights were cancelled": the count's day, read with the count).
    A verb that tells the story's own event happened (`occurring`: "the bridge dropped into the river" in a
    story of its collapse) dates it too, when it is a verb of its own clause: not an adjective ("the grounded
    tanker"), a passive or a count's verb."""
    verbs, objects, once, occurring = verbs or {}, objects or {}, once or {}, occurring or {}
    found: list[Predicate] = []
    for match in _PAST.finditer(text, start, end):
        word = match.group()
        if word in _NOT_VERBS or any(a <= match.start() < b for a, b in (*skip, *dates)):
            continue
        key = verbs.get(verb_key(word), verb_key(word))
        passive = _PASSIVE.search(text, max(start, match.start() - 12), match.start())
        if passive and key not in once:  # "A urine sample was collected on 10 March", "the sample was taken":
            subject = head_before(text, passive.start(), start)  # what was done to what, as the active voice
            noun = text[subject[0]:subject[1]].casefold() if subject else None
            counted = subject is not None and _COUNT_BEFORE.search(text, max(start, subject[0] - 40), subject[0])
            if noun and noun.isalpha() and not counted:  # "97 flights were cancelled on Thursday": a count's day
                found.append(_predicate(match, OPEN_PROPERTY, f"{key}-{objects.get(noun, noun)}"))
            continue
        if _BEFORE_ADJECTIVE.search(text, max(start, match.start() - 12), match.start()) and key not in once:
            continue  # "the approved vaccine" (an adjective)
        if _COUNT_AFTER.match(text, match.end()) and key not in once:
            continue  # "recorded 146 aftershocks", "rejected 3 appeals": a count, whose date is its as-of
            # ("exchanged 55 detainees on October 9", "was arrested on Monday" still date the exchange, the arrest)
        if key in once or key in occurring and not _ANOTHER.search(text, start, match.start()):
            prop, event = ONCE_PROPERTY, once.get(key) or occurring[key]
        else:
            prop, event = OPEN_PROPERTY, _verb_and_object(text, match.end(), end, key, objects, staged=True)
        found.append(_predicate(match, prop, event))
    return tuple(found)


def not_until_predicates(text: str, start: int, end: int, skip: tuple[tuple[int, int], ...],
                         verbs: Mapping[str, str] | None = None,
                         objects: Mapping[str, str] | None = None) -> tuple[Predicate, ...]:
    """"did not reopen until March 7": the verb, which happened on the date "until" gives (its event the verb
    and object, as an open predicate's), not an end of anything."""
    verbs, objects = verbs or {}, objects or {}
    found: list[Predicate] = []
    for match in _NOT_UNTIL.finditer(text, start, end):
        verb = match.group("verb")
        if any(a <= match.start("verb") < b for a, b in skip) or verb.casefold() in _NOT_VERBS:
            continue
        key = verbs.get(verb_key(verb), verb_key(verb))
        event = _verb_and_object(text, match.end("verb"), end, key, objects)
        found.append(_predicate(re.compile(re.escape(verb)).match(text, match.start("verb")), OPEN_PROPERTY, event))
    return tuple(found)


def _verb_and_object(text: str, verb_end: int, end: int, key: str, objects: Mapping[str, str], *,
                     staged: bool = False) -> str:
    """An open predicate's event: its verb key and the head of its object in lower case ("rejected the offer" ->
    `reject-offer`), the verb alone when the object is a name or none; with `staged`, a step written before the
    object ("gave first-reading approval", "gave final approval": two steps, two events)."""
    head = head_after(text, verb_end, min(end, verb_end + 60))
    noun = text[head[0]:head[1]].casefold() if head and text[head[0]].islower() else None
    if not (head and noun and noun.isalpha()):
        return key
    event = f"{key}-{objects.get(noun, noun)}"
    stage = _STAGE.search(text, verb_end, head[0]) if staged else None
    return f"{event}-{stage.group().casefold()}" if stage else event


# A base verb after "did not" with "until" ahead: "did not reopen until March 7" tells when it reopened.
_NOT_UNTIL = re.compile(r"\b(?:did\s+not|didn[’']t)\s+(?P<verb>[a-z]{3,})\b(?=[^.;]{0,80}?\b(?:until|till)\b)",
                        re.IGNORECASE)


# Words before a verb that tell another occurrence than the story's own: "a strong aftershock struck on Friday",
# "another section fell in 2019".
_ANOTHER = re.compile(r"\b(?:aftershocks?|another|second|earlier|previous|similar|last|other)\b", re.IGNORECASE)


# A step of a thing done more than once, written before its noun: "first-reading approval", "final approval".
_STAGE = re.compile(r"\b(?:first|second|third|final|preliminary|initial|interim|provisional)\b", re.IGNORECASE)


def _predicate(match: re.Match[str], prop: str, event: str) -> Predicate:
    word = match.group()
    cue = EventCue(prop, re.compile(re.escape(word)), event=event, words=(word,),
                   subject_kinds=("event", "agreement", "organisation", "country", "person"))
    return Predicate(match.start(), match.end(), word, cue)

"""Read the event lexicon against a text: predicate words, the noun a predicate is about, event keys.

An event key names what happened, so that two claims with the same subject and property but about
different happenings are different facts: "announced tariffs" -> `tariff`, "decided to scrap the pact"
-> `decision-to-end`, "the 35-minute call" -> `phone-call`. Keys are id-like: lower case, hyphens,
singular (`floods` -> `flood`); a noun phrase that is an alias of a known entity is that entity's id;
a noun that is a word of a fixed-event entry of the lexicon is that event ("call" -> `phone-call`,
"meeting" -> `talks`), so "the call lasted 35 minutes" and "the 35-minute phone call" agree.
"""

from __future__ import annotations

import re

from factcheck.extract.cues import Cues, EventCue
from factcheck.extract.document import Mention
from factcheck.extract.readers.entities import slug
from factcheck.extract.readers.quantities import singular

_WORD = re.compile(r"[A-Za-z][\w’'\-]*|\d[\d,.]*")
_LEADING = frozenset("the a an its their his her our this that these those new further more some all another it they "
                     "he she we who which what itself themselves himself herself "
                     "any each both first second latest last earlier previous planned proposed so-called".split())
# Words that end a noun phrase: prepositions, conjunctions, relative pronouns, auxiliaries and common verbs.
_STOP = frozenset((
    "of for to from with without on in at by over against into onto about under between among during after before "
    "since "
    "until while when as than that which who whom whose and or but nor so because if unless though although was "
    "were is are be been being has have had will would could should may might must shall can said says say told "
    "did do does lasted ran took went began ended started held set planned expected scheduled due meant supposed "
    "designed intended across through throughout around near beside along behind inside outside via amid despite "
    "toward towards upon within beyond late early earlier later yesterday today tomorrow overnight tonight").split())
# Particles of a phrasal verb ("knocked out computer systems", "called off the strike"): skipped before the noun
# phrase, they end it after its head.
_PARTICLES = frozenset("out off up down away back".split())
STATE_AFTER = re.compile(r"\s+(?:dead|killed|missing|injured|alive|infected|safe)\b", re.IGNORECASE)
# An end word after "is", "are", "remained", "stay", "still" tells how a thing is on a day, not that it ended then:
# "four of the six schools are closed today", "remained closed on Wednesday" (the closure ends later).
STATE_VERBS = r"is|are|remain|remains|remained|stay|stays|stayed"  # a participle after them is a state (also verbs.py)
_STATE_BEFORE = re.compile(rf"\b(?:{STATE_VERBS}|still)\s+$", re.IGNORECASE)
_SUFFIX_NOUN = ("-minute", "-hour", "-day", "-long")
# What "last" dates when it is no verb: "last Thursday", "last week", "last October", "last night".
_TIME_AFTER_LAST = re.compile(
    r"\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend|month|year|night|time|season|"
    r"summer|winter|spring|autumn|january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b", re.IGNORECASE)


def predicates_in(text: str, start: int, end: int, cues: Cues, vocabulary: frozenset[str],
                  skip: tuple[tuple[int, int], ...] = ()) -> list[tuple[int, int, EventCue]]:
    """Event-lexicon words in `text[start:end]` (not inside `skip` spans), longest at each place, in
    text order; only properties the vocabulary knows."""
    found: list[tuple[int, int, EventCue]] = []
    for cue in cues.events:
        if cue.property not in vocabulary:
            continue
        for match in cue.pattern.finditer(text, start, end):
            if any(a <= match.start() < b for a, b in skip) or STATE_AFTER.match(text, match.end()):
                continue  # "confirmed dead" says how people are, not that anyone confirmed anything
            if cue.property == "ended_on" and _STATE_BEFORE.search(text, max(start, match.start() - 10), match.start()):
                continue  # "are closed today": a state on a day
            if match.group().casefold() == "last" and _TIME_AFTER_LAST.match(text, match.end()):
                continue  # "arrested the owner last Thursday": a date, not the verb "to last"
            found.append((match.start(), match.end(), cue))
    found.sort(key=lambda item: (item[0], -(item[1] - item[0])))
    kept: list[tuple[int, int, EventCue]] = []
    for item in found:
        if kept and item[0] < kept[-1][1]:
            continue
        kept.append(item)
    return kept


# Nouns that measure or portion out what follows "of": "two days of talks", "a series of strikes".
_MEASURE_NOUNS = frozenset(("minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
                            "year", "years", "round", "rounds", "series", "wave", "waves", "spate", "number", "couple"))


def head_after(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the head noun of the noun phrase starting at `start`: "the 2014 floods hit" ->
    "floods"; leading determiners and numbers are skipped, a stop word ends the phrase."""
    head: tuple[int, int] | None = None
    taken = 0
    for word in _WORD.finditer(text, start, end):
        between = text[head[1] if head else start:word.start()]
        if any(mark in between for mark in ",;:()“”\"."):
            break
        lowered = word.group().casefold()
        if lowered == "of" and head is not None and text[head[0]:head[1]].casefold() in _MEASURE_NOUNS:
            head, taken = None, 0  # "two days of talks", "a round of talks": the head is what follows "of"
            continue
        if lowered in _STOP or lowered in _PARTICLES and head is not None:
            break
        if (lowered in _LEADING or lowered in _PARTICLES or word.group()[0].isdigit()
                or lowered.endswith(("’s", "'s"))) and head is None:
            continue
        if lowered in _LEADING:
            break  # "dark across the network": a determiner starts another phrase
        if head is not None and word.group()[0].isupper() and text[head[0]].islower():
            break  # "the agreement Argentina and Chile signed": a name after a common noun starts anew
        head = (word.start(), word.end())
        taken += 1
        if taken >= 4:
            break
    return head


def head_before(text: str, position: int, floor: int) -> tuple[int, int] | None:
    """The last content word before `position` ("the call lasted" -> "call"; "talks that ran" -> "talks")."""
    words = [w for w in _WORD.finditer(text, floor, position)]
    for word in reversed(words):
        lowered = word.group().casefold()
        proper = word.group()[0].isupper() and word.start() > floor  # a sentence's first word is capitalised anyway
        if lowered in _STOP or lowered in _LEADING or word.group()[0].isdigit() or proper:
            continue
        return (word.start(), word.end())
    return None


def event_key(cues: Cues, noun: str, mentions: list[Mention] = (), span: tuple[int, int] | None = None) -> str | None:
    """The key for a noun as written: a known entity's id, the fixed event whose word it is, else its
    normalised singular form ("Floods" -> `flood`, "phone call" -> `phone-call`)."""
    if span is not None:
        for mention in mentions:
            if mention.start <= span[0] and span[1] <= mention.end and not mention.proposed:
                return mention.entity_id
    lowered = noun.casefold().strip(" -")
    for suffix in _SUFFIX_NOUN:
        lowered = lowered.removesuffix(suffix)
    for cue in cues.events:
        if cue.event and "{" not in cue.event and cue.property in ("met_on",) and lowered in cue.words:
            return cue.event
    for action, pattern in cues.actions:
        if pattern.fullmatch(lowered):
            return action  # "a 60-day truce" is the `pause` that "suspended for 90 days" names
    key = slug(" ".join(singular(w) if len(w) > 3 else w for w in lowered.split()))
    return key if len(key) > 2 and key not in _LEADING and key not in _STOP else None


def action_in(cues: Cues, text: str, spans: list[tuple[int, int]], exclude: frozenset[str] = frozenset()) -> str | None:
    """The first action of the lexicon's `actions` in the spans, tried in order ("scrap the pact" -> `end`);
    `exclude` leaves some out (what happens is not what is announced: "said ... in the earthquake")."""
    for start, end in spans:
        if end <= start:
            continue
        best: tuple[int, str] | None = None
        for key, pattern in cues.actions:
            if key in exclude:
                continue
            for match in pattern.finditer(text, start, end):
                if match.group()[:1].isupper() and match.start() > 0 and text[match.start() - 1] == " " \
                        and not re.search(r"[.!?]\s*$", text[max(0, match.start() - 3):match.start()]):
                    continue  # "the National Renewal Party": a word of a name is no action
                if best is None or match.start() < best[0]:
                    best = (match.start(), key)
                break
        if best:
            return best[1]
    return None

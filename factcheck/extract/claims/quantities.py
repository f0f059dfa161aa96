"""Quantity claims: the property, what is counted, which poll, and as of when.

- **Property**: the nearest `quantity_properties` cue of the same measure within 60 characters
  ("strengthened 0.4%" -> `appreciation`, "106.25 per dollar" -> `exchange_rate`), else by measure
  (`share`, `amount`, `count`).
- **Counted** (`counted.py`): the noun phrase the number counts; "12 people were killed" -> "dead" (unit
  `dead` too: the dead, bodies and deaths are one thing counted); whose share it is and at which stage
  ("the NRP had 41.2 percent" in the preliminary count -> "nrp preliminary", event `result-preliminary`);
  the role of a sum of money ("fined Haldan 2 million crowns" -> "fine viktor-haldan").
- **Not claims**: the value before a change ("from 9.25% to 9.75%", "from 2.50 dalen to 3.00 dalen"), a progress figure ("with 98.6 percent
  of polling stations counted"), a whole (the 150 of "67 of the 150 seats", whose 67 is a count), a figure
  of a past year (background).
- **Polls** (`polls.py`): a figure in a sentence about a poll or survey, or in the
  paragraph of one, is a poll figure: its event is `poll-<pollster>` ("a Realmeter poll" -> `poll-realmeter`,
  `poll` when unnamed) and its subject the pollster when named. The poll's fieldwork dates ("conducted
  Aug. 20-22") are its figures' `as_of`, and no date claims of their own.
- **Whose figure**: a count of staff is its employer's ("KCC employs about 2,100 people"); a count a
  party gives as its own estimate has the event `estimate-<party>` (`quantities.estimators`: "police
  estimated 8,000", "the organisers said 25,000"), so two parties' estimates are two facts.
- **As of**: a count said on a date ("told the committee Aug. 5 that there had been 26 instances")
  is as of that date.
"""

from __future__ import annotations

import re

from factcheck.extract.claims.finding import Finding, choose_subject, earlier_event_year, nearest_cue, topic_subject
from factcheck.extract.claims.counted import (BULK_UNITS, MOVE_WORDS, TEMPERATURE_UNITS, attributive, change_counted,
                                             change_day, change_of, counted_phrase, level_counted, normal_counted,
                                             power_of, synonym_counted, warning_scale)
from factcheck.extract.claims.governing import govern
from factcheck.extract.claims.polls import fieldwork_dates, poll_of_sentences
from factcheck.extract.readers.clock import PART_OF_DAY
from factcheck.extract.document import Clause, Document, Mention, Value
from factcheck.model import PartialDate, QuantityValue
from factcheck.model.numbers import parse_number
from factcheck.model.vocabulary import COUNTER_ESTIMATE


def quantity_findings(document: Document, skip: frozenset[int] = frozenset()) -> tuple[list[Finding], frozenset[int]]:
    """Every quantity claim of the document (but those starting in `skip`), and the starts of the date
    values that are a poll's fieldwork."""
    polls = poll_of_sentences(document)
    fieldwork, poll_dates = fieldwork_dates(document, polls)
    findings = []
    for value in document.values:
        if value.kind != "quantity" or value.start in skip:
            continue
        finding = _quantity(document, value, polls.get(value.sentence), poll_dates)
        if finding is not None:
            findings.append(finding)
    return findings, frozenset(fieldwork)


_PER = re.compile(r"\bper\s+$", re.IGNORECASE)


def _quantity(document: Document, value: Value, poll: tuple[str, Mention | None] | None,
              poll_dates: dict[str, PartialDate]) -> Finding | None:
    text, sentence, cues = document.text, document.sentences[value.sentence], document.cues
    if _PER.search(text, max(sentence.start, value.start - 6), value.start):
        return None  # "412 orsins per 1,000 cubic metres", "9 deaths per 100,000 people": a rate's denominator
    fitting = tuple(c for c in cues.quantity_properties if value.measure in c.measures)
    cue, distance = nearest_cue(text, sentence.start, sentence.end, value.span, fitting, document.vocabulary)
    cue = cue if cue is not None and distance <= 60 else None
    prop = cue.property if cue else cues.quantity_property.get(value.measure or "")
    if prop is None or prop not in document.vocabulary:
        return None
    change = None
    if cue is None and value.measure == "percent" and poll is None:
        change = change_of(text, sentence.start, value)
        if change == "previous" or _BASELINE_BEFORE.search(text, max(sentence.start, value.start - 24), value.start) \
                and _quantity_between(document, value.sentence, max(sentence.start, value.start - 80), value.start):
            return None  # "from 9.25% to 9.75%", "6.42%, up from 5.9%", "rose to 7.1% from 6.8%": the former value
            # is not what the sentence reports
    if value.measure != "percent" and (_PREVIOUS_BEFORE.search(text, max(sentence.start, value.start - 8), value.start)
                                       and _PREVIOUS_AFTER.match(text, value.end)
                                       or _PREVIOUS_AFTER_CHANGE.search(text, max(sentence.start, value.start - 60), value.start)):
        return None  # "go from 2.50 dalen to 3.00 dalen", "raised it to 3,900 tonnes, from 3,500": the figure before
    governed = govern(document, value)
    # a size written as a noun's adjective ("the 4.5km route") is given, not what the clause plans or forecasts
    # ("could still be delivered within the 4.5km route")
    modality = None if value.measure == "measure" and attributive(document, value) else governed.modality
    if modality == "reported" and governed.clause and governed.clause.modality_cue == "reportedly" \
            and _hedges_another(document, value, governed.clause):
        modality = None  # "from $1 billion to reportedly $5 billion": the hedge is the other figure's
    if modality is None and _TARGET_BEFORE.search(text, max(sentence.start, value.start - 50), value.start):
        modality = "planned"  # "have 90 days to gather 25,000 signatures", "needs 25,000 signatures": a target
    if modality is None and _by_a_later_date(document, value, governed.clause):
        modality = "planned"  # "a fleet of 70 aircraft by 2033": a target for a time still to come
    if value.measure in ("votes", "score"):
        counted = value.reading.counted  # "voted 5-2": the votes for, the votes against; a score's two sides
    elif change:
        counted = change_counted(document, value, change)
    else:
        counted = synonym_counted(document, level_counted(document, value, counted_phrase(document, value,
                                                                                          poll is not None)))
    if value.measure == "percent" and _PROGRESS.search(text, max(sentence.start, value.start - 12), value.end + 60) \
            and _PROGRESS.search(text, max(sentence.start, value.start - 12), value.end + 60).start() <= value.start:
        return None  # "with 98.6 percent of polling stations counted": how far a count has got, not a fact
    has_owner = value.measure == "percent" or value.measure == "count" and value.reading.unit in cues.result_units
    owner = _owner(document, value, poll[1] if poll else None) if has_owner and not change else None
    stage = None
    if owner is not None:  # "the NRP had 41.2 percent", "29.4 percent for the Civic Alliance": whose share, when
        stages = list(dict.fromkeys(_STAGE.findall(sentence.text.casefold())))
        if _PROGRESS.search(sentence.text):
            stages = [*stages, "partial"]  # "with 98.6 percent of polling stations counted": not yet final
        if not stages:  # the stage a paragraph opened with: "In the final results, ... The Civic Alliance took"
            earlier = [s for s in document.sentences if s.line == sentence.line and s.index < sentence.index]
            stages = next((_STAGE.findall(s.text.casefold()) for s in reversed(earlier)
                           if _STAGE.search(s.text.casefold())), [])
        stage = stages[0] if stages else None
        # a party's or a candidate's percentage is of the vote unless its text says of what else ("of the seats")
        of_other = value.measure == "percent" and re.match(
            r"\s*(?:percent|per\s+cent|%)?\s+of\s+(?!(?:the\s+)?(?:valid\s+|popular\s+)?(?:vote|votes|ballots)\b)[a-z]",
            text[value.end:value.end + 40])
        counted = normal_counted([owner, *stages, *(["vote"] if value.measure == "percent" and not of_other else [])])
    if value.measure == "measure" and not counted and value.reading.unit not in BULK_UNITS:
        return None  # a length that measures no dimension of the story's thing
    event, as_of = None, None
    subject = _subject(document, value, cue)
    if poll is not None and value.measure == "percent":
        event, pollster = poll
        as_of = poll_dates.get(event)
        subject = pollster or subject
    else:
        as_of = _dated_by(document, value) or _said_on(document, value) or _market_level(document, value) \
            or _state_level(document, value)
        event = _past_year(document, value)
        if event is not None and value.measure in ("percent", "count", "money", "measure", "score"):
            return None  # "At the 2019 election the Civic Alliance won 44.1 percent": background, not the story
        if value.measure == "score":
            event = _match(document, value)
        if change:
            event = change_day(document, value)  # "rose 1.4% on Thursday": that day's change
        elif owner is not None and event is None:
            event = f"result-{stage}" if stage else "result"  # a result, never a poll's figure
        elif value.measure == "percent" and event is None and as_of is not None:
            event = f"as-of-{as_of}"  # "40% contained on Friday", "7.8% in August": the figure of that day
        if event is None and value.measure in ("percent", "count", "money"):
            event = _period(document, value)
        if event is None and value.measure == "count":
            event = _estimated_by(document, value)  # "police estimated 8,000": the police's estimate
        if event is None and value.measure in ("count", "measure"):
            # "the operator has put the loss at 2,100 tonnes", "the institute measured winds of 205 km/h"
            event = _estimated_by_entity(document, value)
        if event is None and value.measure in ("count", "measure", "money") and _counter_estimate(document, value):
            event = COUNTER_ESTIMATE  # "puts the real cost closer to 350 million": against the figure given
        if value.reading.unit in TEMPERATURE_UNITS:
            # a temperature is a fact of one day (and place): "recorded 45.3C on Tuesday"; one with no day of
            # its own ("For Halvost, 44C", "temperatures of 39 to 42C") says too little to compare
            day = _temperature_day(document, value)
            if day is None or _RANGE_END.search(text, max(sentence.start, value.start - 16), value.start):
                return None
            event, as_of = None, day
        if event is None and as_of is None:
            day = _dated_on(document, value) or (_vote_day(document, value) if value.measure == "votes" else None)
            # "cancelled 79 percent of trains on Wednesday": that day's figure; "approved it on May 5 by 29 votes
            # to 12": that day's vote
            event = f"on-{day}" if day is not None else None
    if subject is None:
        return None
    reading: QuantityValue = value.reading
    dead = _people_counted_as(document, value, counted) if value.measure == "count" and \
        reading.unit in ("people", "person") else None
    if dead:  # "147 people confirmed dead", "killing two people": the dead, counted once
        reading, counted = reading.model_copy(update={"unit": dead}), dead
    employer = _employer(document, value) if value.measure == "count" else None
    if employer:  # "KCC employs about 2,100 people", "Grivna Deep, which employs about 680": whose staff
        counted = normal_counted(["staff", employer, *[w for w in (counted or "").split() if w != "staff"]])
    if value.measure == "money":
        counted = _money_role(document, value)  # what a sum is, when a word says: a fine, an embezzled sum
        counted = _with_or_without(document, value, counted)  # "5.6 billion including debt": another sum
    if counted and event and event.startswith("estimate-"):  # "12,000, police said": whose figure is the event's
        counted = _without_estimator(document, counted)
    if value.measure in ("money", "count") and _FURTHER.search(text, max(sentence.start, value.start - 24), value.start):
        counted = normal_counted([*(counted or "").split(), "increment"])  # "a further 37 flights": more, not all
    if value.measure == "money" and (_PART_OF.match(text, value.end) or _PART_BEFORE.search(
            text, max(sentence.start, value.start - 24), value.start)):
        counted = normal_counted([*(counted or "").split(), "part"])  # "3.9 million of the 4.1 million fund": a part
    if value.measure in ("count", "measure") and _EVERY.search(text, max(sentence.start, value.start - 12), value.start):
        counted = normal_counted([*(counted or "").split(), "interval"])  # "inspections every 3,000 cycles": how often
    version = _version(document, value) if value.measure in ("percent", "money", "count") else None
    if version:
        counted = normal_counted([*(counted or "").split(), version])  # "the new offer ... a premium of 45%"
    if counted and (prop in ("share", "count", "amount")):
        reading = reading.model_copy(update={"counted": counted})
    confidence = 0.8 if cue else 0.65
    return Finding(kind="quantity", property=prop, subject=subject.entity_id, value=reading,
                   evidence=(sentence.start, sentence.end), confidence=confidence,
                   note=f"{value.measure} written as {text[value.start:value.end]!r}",
                   proposed=(subject.entity_id,) if subject.proposed else (), event=event,
                   modality=modality, as_of=as_of)


# A figure added to an earlier one ("A further 37 flights were cancelled", "another 97 flights"): the increment,
# never the running total.
_FURTHER = re.compile(r"\b(?:a\s+further|another|an\s+additional|an\s+extra|additional)\s+"
                      r"(?:about\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+)?$", re.IGNORECASE)


# A sum that is a part of another the sentence gives: "3.9 million lentas of the 4.1 million fund", "of which
# about 186 million is outstanding", "the first $1.2 billion from the fund": not the whole.
_PART_OF = re.compile(r"\s+(?:[a-z]+\s+){0,2}?of\s+(?:the|its|their|a|an)\s+(?:total\s+)?(?:about\s+|some\s+|nearly\s+)?"
                      r"[$€£]?\d", re.IGNORECASE)
_PART_BEFORE = re.compile(r"(?:\bof\s+which\s+(?:about\s+|some\s+|nearly\s+|only\s+)?|\bthe\s+first\s+)[$€£]?$",
                          re.IGNORECASE)
# A figure that says how often ("inspections every 3,000 cycles", "a check every 500 km"): an interval, not a count.
_EVERY = re.compile(r"\bevery\s+$", re.IGNORECASE)


def _version(document: Document, value: Value) -> str | None:
    """The version of what the figure's sentence speaks of ("the new offer", "its initial estimate"),
    by the version word nearest to the figure (`quantities.versions`), or None."""
    sentence = document.sentences[value.sentence]
    clause = document.clause_at(value.start)
    own = (clause.start, clause.end) if clause is not None else (sentence.start, sentence.end)
    found = [(abs(match.start() - value.start), version) for version, pattern in document.cues.versions
             for match in pattern.finditer(document.text, sentence.start, sentence.end)
             if match.start() < value.start or own[0] <= match.start() < own[1]]
    return min(found)[1] if found else None


def _hedges_another(document: Document, value: Value, clause) -> bool:  # noqa: ANN001
    """Whether "reportedly" in the clause is the approximation of another figure, not of this one."""
    if value.reading.approximation is not None and value.reading.approximation.value == "reportedly":
        return False
    return any(v.kind == "quantity" and v is not value and clause.start <= v.start < clause.end
               and v.reading.approximation is not None and v.reading.approximation.value == "reportedly"
               for v in document.values)


def _subject(document: Document, value: Value, cue) -> Mention | None:  # noqa: ANN001
    """With a cue of its own ("106.25 per dollar": a currency), the nearest mention of its kinds; else the
    event or agreement the figure's sentence names, else the article's main event: figures are facts
    about what happened, and the actor nearest to a number is seldom what it measures."""
    mentions = document.mentions.get(value.sentence, [])
    recent = document.recent.get(value.sentence, {})
    kinds = cue.subject_kinds if cue else ()
    if not kinds:
        topic = topic_subject(document, value)
        if topic is not None:
            return topic
    chosen = choose_subject(mentions, value.span, kinds)
    if kinds and (chosen is None or chosen.kind not in kinds):
        for kind in kinds:
            if kind in recent:
                return recent[kind]
    return chosen or next(iter(recent.values()), None)


_BASELINE = re.compile(r"\b(?:from|since|than|over|on)\s+the\s+$", re.IGNORECASE)


def _figure_between(document: Document, value: Value, date: Value) -> bool:
    """Another quantity of the sentence stands between the figure and the date after it."""
    return _quantity_between(document, value.sentence, value.end, date.start)


def _quantity_between(document: Document, sentence: int, start: int, end: int) -> bool:
    """A quantity of the sentence starts in `text[start:end]`."""
    return any(v.kind == "quantity" and start <= v.start < end for v in document.values_in(sentence))


# A date that opens its sentence ("In 2022 the board ordered ... and later fined it 1.9 million") dates all of it.
_OPENING_IN = re.compile(r"\s*(?:Back\s+)?[Ii]n\s+")
# A sentence about an earlier one of the story's kind, dated in an appositive after its subject: "The last
# increase, in April 2025, took the minimum from 10.60 lerins to 11.40", "The last comprehensive reform of the
# tax system, adopted in November 2019, reduced the VAT rate from 20 to 18 per cent", "Tesvaria's last major
# outbreak, in February 2021, led to the culling of 1.1 million birds".
_EARLIER_ONE = re.compile(r"\s*(?:The|A|An|Its|Their|[A-Z][\w-]*[’']s)\s+(?:last|previous|earlier|former|prior)\s+"
                          r"(?:[\w-]+\s+){0,6}?[\w-]+,\s+(?:[a-z]+\s+)?(?:in|on)\s+")


def _past_year(document: Document, value: Value) -> str | None:
    """"The region was last hit in 1963, when more than 1,000 people died": a figure in a sentence about a
    past year is about that year's event (`in-1963`), not the story's. "since 2019" is not of 2019."""
    for other in document.values_in(value.sentence):  # only a date of the figure's own sentence can say
        date = other.reading.date if other.kind == "date" else None
        lead = document.text[max(0, other.start - 8):other.start].casefold()
        when = other.end <= value.start and re.match(r",?\s+when\b", document.text[other.end:other.end + 8])
        sentence_start = document.sentences[value.sentence].start
        opening = other.end <= value.start and _OPENING_IN.fullmatch(document.text, sentence_start, other.start)
        if date is not None and other.end <= value.start and not other.reading.role \
                and _EARLIER_ONE.fullmatch(document.text, sentence_start, other.start) \
                and date.first_day() < document.published.first_day():
            return f"in-{date.year}"  # "The last increase, in April 2025, took the minimum to 11.40": that one's
        if abs(other.start - value.end) > 50 and abs(value.start - other.end) > 50 and not when and not opening:
            continue  # "54.2 percent, the CEC says, up from 51.6 percent at the same hour in 2019": 51.6's year
        if other.start > value.end and _figure_between(document, value, other):
            continue  # "4.18 million inhabitants, down 3.1 percent from the 2020 census": the year is 3.1's
        if other.start > value.end and _BASELINE.search(document.text, max(0, other.start - 12), other.start):
            continue  # "down 3.1 percent from the 2020 census": a change since a past year, told now
        if (date is not None and other.sentence == value.sentence and not other.reading.role
                and _a_past_year(date, document.published) and date.year != _story_year(document)
                and (re.search(r"\b(?:in|of|during|the|on)\s+$", lead) or when)):
            return f"in-{date.year}"  # "since 2021, when the price went from 2.20 to 2.50": of 2021 too
    year_back = _year_back(document, value)
    if year_back is not None:
        return f"in-{year_back}"
    earlier = earlier_event_year(document, value)  # "That storm killed 14 people" after a sentence about 2019
    return f"in-{earlier}" if earlier is not None else None


# The words before the level a figure told first moved from: "6.42 percent, up from 5.9 percent", "rose to 7.1
# percent in February from 6.8 percent", "4.2 percent, compared with 3.9 percent".
_BASELINE_BEFORE = re.compile(r"\b(?:(?:up|down|higher|lower)\s+)?(?:from|compared\s+(?:with|to))\s+"
                              r"(?:(?:about|around|nearly|almost|some|just)\s+)?$", re.IGNORECASE)
# A year told back from the report's: "Last year 83.1 per cent passed", "A year earlier the fund held ...".
_YEAR_BACK = re.compile(r"\b(?:(?:last|past)\s+year\b(?!['’]s)|(?:a|one)\s+year\s+(?:earlier|before|ago)\b|"
                        r"the\s+(?:previous|prior|preceding)\s+year\b(?!['’]s))", re.IGNORECASE)
_CHANGE_SINCE = re.compile(r"\b(?:from|since|than|over|on|with|against|compared\s+(?:with|to))\s+(?:the\s+)?$", re.IGNORECASE)


def _year_back(document: Document, value: Value) -> int | None:
    """The year before the report's, when the figure's own clause is told of it ("Last year 83.1 per cent of
    candidates passed"), not when it is the baseline of a change told now ("up from 76.8 per cent last year"
    dates 76.8, not the figure before it; "up 4% on last year" is this year's change)."""
    sentence = document.sentences[value.sentence]
    published = document.published
    if not _a_past_year(PartialDate(published.year - 1), published):
        return None  # in January a story may still tell last year's figures as its own
    if _story_year(document) == published.year - 1:
        return None  # a report on last year's results tells their figures as "last year"
    for back in _YEAR_BACK.finditer(document.text, sentence.start, sentence.end):
        if abs(back.start() - value.end) > 50 and abs(value.start - back.end()) > 50:
            continue
        if _CHANGE_SINCE.search(document.text, max(sentence.start, back.start() - 16), back.start()):
            continue
        if back.start() > value.end and _quantity_between(document, value.sentence, value.end, back.start()):
            continue  # "72.5 per cent passed, against 76.8 per cent last year": the year is 76.8's
        if back.end() <= value.start and _quantity_between(document, value.sentence, back.end(), value.start) \
                and not _OPENING_YEAR.fullmatch(document.text, sentence.start, back.start()):
            continue  # another figure is nearer the year; but "Last year 83.1 per cent of 60,215 candidates
            # passed": a year that opens its sentence dates all of it
        return published.year - 1
    return None


_OPENING_YEAR = re.compile(r"\s*(?:And\s+|But\s+)?")


def _story_year(document: Document) -> int | None:
    """The year the story's event is of, when its id says ("merrovia-fund-loss-2026"): figures of that year
    are the story's, however far back it lies."""
    found = re.search(r"(?<!\d)(20\d\d|19\d\d)(?!\d)", document.main_event or "")
    return int(found.group(1)) if found else None


def _a_past_year(date: PartialDate, published: PartialDate) -> bool:
    """A year before the report's: two years back, or last year once the report is past February ("reached 1.6
    million in 2025", said in November 2026; in January a story may still be last year's)."""
    return date.year < published.year - 1 or (date.year == published.year - 1 and date.month is None
                                               and published.month is not None and published.month > 2)


_PROGRESS = re.compile(r"\b[Ww]ith\s+(?:about\s+|nearly\s+|some\s+)?[\d.]+\s*(?:percent|per\s+cent|%)\s+of\s+"
                       r"(?:the\s+)?[\w\s]{0,30}?\b(?:counted|reporting|tallied|processed|in(?=\s*(?:[,.;:)]|$)))\b")
_OWNER_VERBS = re.compile(r"^\s*(?:[’']s\s+)?(?:(?:has|had|have|would|will|won|wins|took|takes|got|gets|received|receives|secured|"
                          r"polled|scored|was|is|stood|stands|at|on|with|of)\s+){0,3}"
                          # "Anna Lind won the by-election with 8,112 votes"
                          r"(?:(?:won|wins|took|takes|finished|came|topped|led)\s+(?:[a-z-]+\s+){0,3}?with\s+)?"
                          r"(?:about\s+|nearly\s+|some\s+)?$")
_POSSESSIVE = re.compile(r"[’']s\s+$")
# Words that say at which stage a running figure was given: a preliminary count and the final one differ.
_STAGE = re.compile(r"\b(preliminary|partial|provisional|final|official|exit|early|first|latest|projected|estimated|"
                    r"unofficial|full|complete)\b")


def _owner(document: Document, value: Value, pollster: Mention | None) -> str | None:
    """Whose share a percentage is: the party, person or country named right before it through a verb of
    having ("the NRP had 41.2 percent", "put the NRP on 36 percent") or right after it ("29.4 percent for
    the Civic Alliance")."""
    clause = document.clause_at(value.start)
    sentence = document.sentences[value.sentence]
    floor = clause.start if clause else sentence.start
    kinds = ("organisation", "person", "country", "group", "list")  # a party may be an electoral list
    named = [m for m in document.mentions.get(value.sentence, []) if m.kind in kinds
             and (pollster is None or m.entity_id != pollster.entity_id)]
    before = [m for m in named if floor <= m.start and m.end <= value.start
              and _OWNER_VERBS.match(document.text[m.end:value.start])]
    if before:
        return before[-1].entity_id
    after = re.match(r"\s*(?:of\s+the\s+vote\s+)?(?:for|to)\s+(?:the\s+)?", document.text[value.end:value.end + 40])
    if after:
        start = value.end + after.end()
        following = [m for m in named if start <= m.start <= start + 40]
        while len(following) > 1 and _POSSESSIVE.match(document.text, following[0].end, following[1].start):
            following = following[1:]  # "29.4 percent for Prime Minister Teodor Vasko's Civic Alliance": the party's
        if following and document.text[following[0].end:following[0].end + 2] not in ("'s", "’s"):
            return following[0].entity_id  # not "a premium of 31% to Ambrell's closing price": a price, no owner
    return None


_EMPLOYS = re.compile(r"\b(?:employ|employs|employed|employing|employment\s+to|staff\s+of|workforce\s+of)\s+"
                      r"(?:(?:about|around|some|nearly|almost|roughly|more\s+than|over|fewer\s+than|just\s+under)\s+)?$",
                      re.IGNORECASE)


def _employer(document: Document, value: Value) -> str | None:
    """Whose staff a count is: the entity named last before "employs" in the figure's sentence
    ("Kolvar Coal Company (KCC) ... employs about 2,100 people"; "Grivna Deep, which employs about
    680 people"). A company's staff and one site's are two figures, never one misreported."""
    sentence = document.sentences[value.sentence]
    lead = _EMPLOYS.search(document.text, sentence.start, value.start)
    if lead is None:
        return None
    named = [m for m in document.mentions.get(value.sentence, []) if m.end <= lead.start() and m.entity_id
             and m.kind != "currency"]
    employers = [m for m in named if m.kind in ("organisation", "group")] or named  # not "in the Kolvar Highlands"
    return employers[-1].entity_id if employers else None


_ESTIMATE_VERBS = r"(?:estimated|estimates|estimate|counted|counts|put|puts|putting|gave|gives|said|say|says|reported|claimed|claims)"


def _estimator_patterns(cues) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:  # noqa: ANN001
    """Compiled once per lexicon: the party before its verb, after the figure, and "according to"."""
    cached = cues.compiled.get("estimators")
    if cached is None:
        who = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(cues.estimators, key=len, reverse=True))
        cached = (
            re.compile(rf"\b(?P<who>{who})(?:[’']s?)?(?:[^;]{{0,40}}?\b{_ESTIMATE_VERBS}\b|\s+(?:figure|estimate|count|tally)\b|\s+$)",
                       re.IGNORECASE),
            re.compile(rf"^[^;]{{0,80}}?,\s*(?:the\s+)?(?P<who>{who})\s+{_ESTIMATE_VERBS}\b", re.IGNORECASE),
            re.compile(rf"\baccording\s+to\s+(?:the\s+)?(?P<who>{who})\b", re.IGNORECASE))
        cues.compiled["estimators"] = cached
    return cached


def _estimated_by(document: Document, value: Value) -> str | None:
    """Whose own estimate a count is (`quantities.estimators`), as the event `estimate-<party>`: "Police
    estimated 8,000 people took part; the organisers put the number at 25,000" gives two parties'
    estimates, which are two facts; "25,000 people marched, organisers said" is the organisers' figure."""
    cues = document.cues
    if not cues.estimators:
        return None
    text, sentence = document.text, document.sentences[value.sentence]
    start = text.rfind(";", sentence.start, value.start) + 1 or sentence.start  # a semicolon ends a party's clause
    semicolon = text.find(";", value.end, sentence.end)
    end = semicolon if semicolon >= 0 else sentence.end
    before, after, according = _estimator_patterns(cues)
    found = [m for m in before.finditer(text, start, value.start) if value.start - m.end() <= 60]
    match = (found[-1] if found else None) or after.match(text, value.end, end) or according.search(text, start, end)
    if match is None:
        return None
    return f"estimate-{cues.estimators[' '.join(match.group('who').casefold().split())]}"


_SIDES = frozenset(("organisation", "country", "group", "place"))  # who plays: clubs, national sides, towns


def _match(document: Document, value: Value) -> str | None:
    """Which match a score is of, by the two sides its sentence names ("Castavia were beaten 3-0 by
    Istrelia": `match-castavia-istrelia`, in either order); None when it names fewer than two."""
    sides = sorted({m.entity_id for m in document.mentions.get(value.sentence, []) if m.kind in _SIDES})
    return f"match-{sides[0]}-{sides[1]}" if len(sides) == 2 else None


def _without_estimator(document: Document, counted: str) -> str | None:
    """`counted` without the words naming who estimated it: "people police" -> "people"."""
    names = {word for written in document.cues.estimators for word in written.casefold().split()}
    return normal_counted([word for word in counted.split() if word not in names])


def _estimated_by_entity(document: Document, value: Value) -> str | None:
    """A named party's own estimate, told by a verb of estimating between the name and the figure: "the
    operator, Halcyra Maritime, has put the loss at about 2,100 tonnes", "the coastguard estimates that
    3,500 tonnes ...", "the operator's own estimate of 1,200 tonnes". Saying is not estimating: "officials
    said 45 people died" stays comparable with any other source's toll."""
    text = document.text
    parties = [m for m in document.mentions.get(value.sentence, [])
               if m.kind in _ESTIMATING_KINDS and m.end <= value.start and value.start - m.end <= 80]
    for party in reversed(parties):  # the party named last before the figure, under any of its names
        between = text[party.end:value.start]
        if party.entity_id != parties[-1].entity_id or ";" in between:
            break
        if _ESTIMATING.search(between):
            return f"estimate-{party.entity_id}"
    return None


# A figure told as the real one against another: "puts the real cost closer to 350 million", "the true bill is
# nearer 600 million", "the actual death toll". It is someone's counter-estimate, a fact of its own.
_COUNTER_NOUN = (r"(?:cost|costs|bill|figure|price|value|number|toll|total|loss|losses|damage|amount|size|count|"
                 r"tally|scale|sum)")
_COUNTER_BEFORE = re.compile(rf"\b(?:real|true|actual)\s+(?:[a-z-]+\s+)?{_COUNTER_NOUN}\b[^.;]{{0,60}}$"
                             r"|\b(?:closer|nearer)\s+(?:to\s+)?(?:[A-Z$€£¥]{1,3}\s?)?$", re.IGNORECASE)


def _counter_estimate(document: Document, value: Value) -> bool:
    """Whether the figure is given as the real one against another (`_COUNTER_BEFORE`), in its clause."""
    clause = document.clause_at(value.start)
    start = clause.start if clause else document.sentences[value.sentence].start
    return bool(_COUNTER_BEFORE.search(document.text, max(start, value.start - 90), value.start))


_ESTIMATING_KINDS = frozenset(("organisation", "person", "group"))
_ESTIMATING = re.compile(r"\b(?:estimated|estimates|estimating|estimate\s+of|puts?\s+(?:the|its|their)\s+[a-z]+\s+at|"
                         r"putting\s+(?:the|its|their)\s+[a-z]+\s+at|has\s+put\s+(?:the|its|their)\s+[a-z]+\s+at|"
                         r"reckons|reckoned|calculated|calculates|measured|measures|recorded|records)\b", re.IGNORECASE)


_PREVIOUS_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_PREVIOUS_AFTER = re.compile(r"\s+to\s+(?:about\s+|around\s+|nearly\s+)?(?:[A-Z$€£¥]{1,3}\s?|(?i:level|category)[\s-]+)?"
                             r"(?:\d|(?i:zero|one|two|three|four|five)\b)")
# "raised its estimate to 3,900 tonnes, from 3,500 tonnes": the figure after ", from" is the one before the change
_PREVIOUS_AFTER_CHANGE = re.compile(r"\bto\s+(?:about\s+|around\s+|nearly\s+)?(?:[A-Z$€£¥]{1,3}\s?)?\d[\d.,]*"
                                    r"(?:\s+[a-z]+){0,2},?\s+(?:up\s+|down\s+)?from\s+$", re.IGNORECASE)


# A figure that is a target, not a count of what there is: the object of a time allowed ("have 90 days to gather
# 25,000 valid signatures") or of a need ("needs 25,000 signatures", "required 600 votes").
_TARGET_BEFORE = re.compile(r"(?:\b(?:minutes?|hours?|days?|weeks?|months?|years?)\s+to\s+[a-z]+"
                            r"|\b(?:need|needs|needed|require|requires|required)(?:\s+to\s+[a-z]+)?)\s+"
                            r"(?:(?:at\s+least|about|around|some|another|a\s+further)\s+)?$", re.IGNORECASE)


def _by_a_later_date(document: Document, value: Value, clause: Clause | None) -> bool:
    """Whether "by" and a date after publication follow the figure in its clause ("wants a fleet of 70
    aircraft by 2033", "to cut emissions 40% by 2030"): a figure to be reached, not one that holds."""
    published = document.published
    for other in document.values_in(value.sentence):
        if other.kind != "date" or other.start < value.end or other.reading.date is None \
                or (clause is not None and other.start >= clause.end) or other.start - value.end > 60:
            continue
        if _BY_BEFORE.search(document.text, max(value.end, other.start - 4), other.start) \
                and other.reading.date.first_day() > published.last_day():
            return True
    return False


_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+end\s+of\s+)?$", re.IGNORECASE)


def _money_role(document: Document, value: Value) -> str | None:
    """The role of a sum from the lexicon's `money_roles`, by the nearest role word before it in its clause
    ("fined Haldan 2 million crowns" -> "fine"), else right after it ("2 million crowns in fines")."""
    clause = document.clause_at(value.start)
    start = max(clause.start if clause else 0, value.start - 90)
    sentence = document.sentences[value.sentence]
    if _FACT_LABEL.match(document.text, sentence.start, value.start):  # "- Net profit: 4,212 million": the label names it
        start = sentence.start
    best: tuple[int, str] | None = None
    best_end = 0
    stocks = document.cues.money_stocks
    for role, pattern in document.cues.money_roles:
        for match in pattern.finditer(document.text, start, value.start):
            stock = role in stocks  # "of reserves ... and a further $400 million": the sale, not the stock
            inside = best is not None and match.start() < best_end  # "profit" of "pre-tax profit": the longer names it
            longer = best is not None and match.start() <= best[0] and match.end() >= best_end
            if best is None or longer or (match.start() > best[0] and not stock and not inside) \
                    or best[1] in stocks and not stock:
                best, best_end = (match.start(), role), match.end()
    if best is not None:
        kind = _ROLE_KIND.search(document.text, max(start, best[0] - 25), best[0])
        if kind:  # "the maximum fine ... is 5 million dalers": the cap, not the fine imposed
            best = (best[0], f"{kind.group(1).casefold()} {best[1]}")
        elif _CAP_BEFORE.search(document.text, best[0], value.start):  # "the fine is below the legal maximum of 250,000"
            best = (best[0], f"maximum {best[1]}")
        elif _MAY_BEFORE.search(document.text, max(start, best[0] - 25), best[0]):  # "it can fine a zoo up to 250,000"
            best = (best[0], f"possible {best[1]}")
        if _TO_ECONOMY.search(document.text, best[0], value.start):  # "would cost the economy 1.3 billion"
            best = (best[0], f"{best[1]} economy")  # a loss to everyone, not what the payer pays
        floor = clause.start if clause else sentence.start
        people = [m for m in document.mentions.get(value.sentence, []) if m.kind == "person"
                  and floor <= m.start < value.start]
        if people:  # "Brandt was ... fined 1.5 million crowns": whose fine
            return f"{best[1]} {people[-1].entity_id}"
        pronoun = re.search(r"\b(?:he|she|him|her)\b", document.text[floor:value.start], re.IGNORECASE)
        named = document.recent.get(value.sentence, {}).get("person")
        if pronoun and named is not None:  # "it fined him 3 million crowns", "he had siphoned": the person named last
            return f"{best[1]} {named.entity_id}"
    if best is None:
        after = document.text[value.end:value.end + 30]
        if re.match(r"\s+(?:maximum|minimum)\b", after, re.IGNORECASE):
            return None  # "the 5 million-daler maximum": a cap, whatever it caps
        offered = _FOR_PERSON.match(document.text, value.end)
        if offered:  # "the 100,000 marks offered for Velchik": a sum for that person, not for another
            named = [m for m in document.mentions.get(value.sentence, []) if m.kind == "person" and m.start == offered.end()]
            if named:
                return named[0].entity_id
        for role, pattern in document.cues.money_roles:
            if pattern.match(document.text, value.end + 1, value.end + 20) or \
                    re.match(rf"\s+(?:of|in)\s+(?:{pattern.pattern})", after, re.IGNORECASE):
                return role
    return best[1] if best else None


# What a sum takes in or leaves out, right after it ("about 5.6 billion including debt", "1.84bn orsins, including
# penalties") or leading its sentence ("Including Sylvacom's debt, the transaction values the company at 5.6 billion").
_WITH_AFTER = re.compile(r"\s*,?\s*\(?(?P<which>including|excluding)\s+"
                         r"(?:the\s+|its\s+|their\s+|[A-Z][\w-]*[’']s\s+)?(?P<what>[a-z][a-z -]{0,40}?)"
                         r"(?=\s*[,.;:)]|\s+(?:and|but|from|to|in|on|at|for|over)\b|\s*$)")
_WITH_BEFORE = re.compile(r"\b(?P<which>including|excluding)\s+(?:the\s+|its\s+|their\s+|[A-Z][\w-]*[’']s\s+)?"
                          r"(?P<what>[a-z][a-z -]{0,40}?)\s*,", re.IGNORECASE)


def _with_or_without(document: Document, value: Value, counted: str | None) -> str | None:
    """A sum told with what it includes or excludes is another sum than the plain one: the role, then
    "incl" or "excl" and the head noun of what ("about 5.6 billion including debt": `value incl debt`)."""
    sentence = document.sentences[value.sentence]
    found = _WITH_AFTER.match(document.text, value.end, sentence.end) \
        or _WITH_BEFORE.match(document.text, sentence.start, value.start)
    if found is None:
        return counted
    which = "incl" if found.group("which").casefold() == "including" else "excl"
    return normal_counted([*(counted or "").split(), which, found.group("what").split()[-1]])


# A fact-box line's label, up to the sum it names: "- Net profit for January-September: ".
_FACT_LABEL = re.compile(r"[-•*–]\s+[^:.\n]{1,60}:\s*\S{0,4}$")

# A sum for a person, right after it: "the 100,000 marks offered for Velchik", "$5 million for Gresh".
_FOR_PERSON = re.compile(r"\s+(?:(?:offered|posted|put\s+up|paid|promised)\s+)?for\s+(?:information\s+on\s+)?")

# Words before a role that make it another sum than the one paid: a cap, a proposal.
_ROLE_KIND = re.compile(r"\b(maximum|minimum|possible|potential|proposed|draft|planned)\s+(?:[a-z-]+\s+)?$", re.IGNORECASE)
# A cap named between the role word and the sum ("the fine is well below the legal maximum of 250,000"), and a
# power rather than a deed ("it can fine a zoo up to 250,000", "may impose fines of up to"): what could be, not what was.
_CAP_BEFORE = re.compile(r"\b(?:maximum|ceiling|cap|limit)\s+(?:of\s+)?(?:up\s+to\s+)?$", re.IGNORECASE)
_TO_ECONOMY = re.compile(r"\b(?:to\s+)?the\s+(?:\w+\s+)?economy\b(?!\s+(?:ministry|minister|department|committee))",
                         re.IGNORECASE)  # not "would cost the economy ministry 41 million"
_MAY_BEFORE = re.compile(r"\b(?:can|could|may|might)\s+(?:[a-z]+\s+)?$", re.IGNORECASE)


# A state going on at the time, not something that happened then: "were waiting", "are still stranded".
_ONGOING = re.compile(r"\b(?:were|was|are|is|remained|remain)\s+(?:still\s+)?[a-z]+ing\b", re.IGNORECASE)
_PART_OF_DAY = re.compile(rf"\s+{PART_OF_DAY}\b", re.IGNORECASE)


def _dated_by(document: Document, value: Value) -> PartialDate | None:
    """"By Wednesday evening, 23 bodies ...", "rose to 32 by Wednesday", "7.8% in August": as of that date."""
    clause = document.clause_at(value.start)
    sentence = document.sentences[value.sentence]
    dates = sorted((v for v in document.values if v.kind == "date" and v.sentence == value.sentence
                    and v.reading.date is not None), key=lambda v: (v.start < value.start, v.start))
    for other in dates:  # the date after the figure first: "rose to 112 by Thursday morning"
        lead = document.text[max(sentence.start, other.start - 20):other.start].casefold()
        if document.text[other.end:other.end + 2] in ("’s", "'s"):
            continue  # "killed by Tuesday's earthquake" dates the earthquake, not the count
        if re.search(r"\b(?:by|as of|as at|up to|until)\s+(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?\s+)?)?$", lead) and (
                clause is None or clause.start <= other.start < clause.end or other.start < clause.start):
            return other.reading.date
        if (other.start > value.end and _PART_OF_DAY.match(document.text, other.end)
                and (clause is None or other.start < clause.end)
                and _ONGOING.search(document.text, value.end, other.start)):
            return other.reading.date  # "31 ships were waiting at anchor on Wednesday evening": that evening's count
        if (other.form == "month" and document.text[other.start:other.start + 3].casefold() == "in "
                and 0 <= other.start - value.end < 40 and (clause is None or other.start < clause.end)
                and not _quantity_between(document, value.sentence, value.end, other.start)):
            return other.reading.date  # "rose to 7.8% in August": the figure of August; not "6.4%, up from 5.9% in
            # January", whose month is the other figure's
    return None


_LEVEL_LEAD = re.compile(
    rf"(?:(?:[+\-\u2212]|\b(?:{'|'.join(MOVE_WORDS)}|rising|falling|slipped|edged\s+(?:up|down)|added|shed)\s+"
    r"(?:another\s+|a\s+further\s+|as\s+much\s+as\s+|nearly\s+|almost\s+|about\s+|some\s+)?)[\d.,]+\s*(?:%|percent|per\s+cent)"
    r"[^.;]{0,60}?\b(?:to|at)\s+(?:close\s+at\s+|end\s+at\s+|a\s+record\s+)?"
    r"|\b[\d.,]+\s*(?:%|percent|per\s+cent)\s+(?:higher|lower|up|down|stronger|weaker)\s+(?:at|to)\s+"  # "closed 65% higher at"
    r"|\b(?:closed|close|closing|opened|traded|trading|trades|ended|finished|settled)\s+(?:the\s+day\s+)?"
    r"(?:on\s+\w+\s+)?at\s+"  # "closed on Friday at 5.31 veskas"
    r"|\b(?:traded|trading|trades|trade|hovered|hovering|little\s+changed|changed\s+hands)\s+"
    r"(?:near|around|about|at)\s+"
    r"|\b(?:touch(?:es|ed)|(?:goes|went)\s+through\s+at)\s+)$",  # "VLMR touches 5.62", "the first trade goes through"
    re.IGNORECASE)


def _market_level(document: Document, value: Value) -> PartialDate | None:
    """A price or level after a move ("shares jumped 24% to 390 crowns", "Kestrel +1.8% at 1,206 crowns",
    "closed at 371 crowns", a currency that "trades near 40.2 to the dollar"), and a sum per unit of a traded
    good (`quantities.traded_units`: "$81.90 a barrel", not a wage per hour or an offer per share) is the
    level of one day: the day the text names, else the day it was published. Two outlets' levels of two
    days are two facts, not a disagreement."""
    if value.measure not in ("money", "rate"):
        return None
    sentence = document.sentences[value.sentence]
    traded = value.measure == "money" and value.reading.unit.rpartition("/")[2] in document.cues.traded_units
    if not traded and not _LEVEL_LEAD.search(document.text, sentence.start, value.start):
        return None
    if value.measure == "rate" and _FIXED_RATE.search(document.text, sentence.start, sentence.end):
        return None  # "trades at 22 to the dollar at the official rate": a rate set, not a day's market
    return _day_told(document, value)


def _day_told(document: Document, value: Value) -> PartialDate:
    """The day a level is of: the day said right before it ("closed on Friday at 5.31"), else the first day
    its sentence names, else the day the text was published."""
    named = [v for v in document.values if v.kind == "date" and v.sentence == value.sentence
             and v.reading.date is not None and v.reading.date.day is not None and not v.reading.role]
    close = [v for v in named if v.end <= value.start and value.start - v.end <= 8]
    return (close or named)[0].reading.date if named else document.published


def _state_level(document: Document, value: Value) -> PartialDate | None:
    """A warning level ("raised its alert to Level 4", "danger level 3") and a grid's demand, imports or
    shortfall in megawatts are states that move as events unfold, so each is the level of one day, as a market
    level is: the day its sentence names, else the day the text was published. A rating given to an event
    ("rated Level 1 on the INES scale") is not: it is one fact, however late it is told."""
    if value.measure != "measure":
        return None
    if value.reading.unit == "MW" and power_of(document, value) != "capacity":
        return _day_told(document, value)  # "demand peaked at 12,050 MW", "imports of 700 MW": that day's
    return _day_told(document, value) if warning_scale(document, value) is not None else None


def _people_counted_as(document: Document, value: Value, counted: str | None) -> str | None:
    """The unit a count of people is (`quantities.count_synonyms`), by a word of what it counts ("147 people
    confirmed dead") or by the verb right before it ("killing two people", "that killed six people")."""
    synonyms = document.cues.count_synonyms
    words = (counted or "").split()
    word = next((w for w in words if w in synonyms), None)
    if word is None and "lost live" in " ".join(words):  # "11 people lost their lives": the dead
        word = "lives"
    if word is None:
        sentence = document.sentences[value.sentence]
        verb = _VERB_BEFORE.search(document.text, max(sentence.start, value.start - 40), value.start)
        word = verb.group(1).casefold() if verb else None
    return synonyms.get(word) if word else None


# The verb right before a count of people: "killing at least 12 people" counts the dead.
_VERB_BEFORE = re.compile(r"\b([a-z]+)\s+(?:at\s+least\s+|more\s+than\s+|about\s+|some\s+|nearly\s+|almost\s+|around\s+|"
                          r"an\s+estimated\s+)?$", re.IGNORECASE)

_FIXED_RATE = re.compile(r"\b(?:official|fixed|pegged)\s+(?:exchange\s+)?rate\b|\bpeg\b", re.IGNORECASE)

_PERIOD = re.compile(
    r"\b(?:(?:in|over|during|for|across|within)\s+(?:the|its)\s+(?:first\s+|initial\s+|opening\s+)?"
    r"(?P<n1>[\w.-]+\s+)?(?P<u1>day|week|month|year)s?\b(?:\s+(?:after|since|following|of))?"
    r"|(?P<n2>[\w.-]+)[\s-]+(?P<u2>day|week|month|year)s?\s+of\s+follow[\s-]?up)", re.IGNORECASE)
# A company's or a state's reporting period: a quarter, a half, nine months, a full year, a span of months.
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_REPORTING_PERIOD = re.compile(
    r"\b(?:(?P<quarter>(?:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter|q[1-4]|(?:the|this|last|per|each)\s+"
    r"quarter(?![\s-]+(?:of|point|points|percentage)\b)|quarterly)"
    r"|(?P<half>(?:first|second)[\s-]+half|h[12]|half[\s-]+year(?:ly)?)"
    r"|(?P<year>full[\s-]+year|whole[\s-]+year)"
    rf"|(?P<from>{'|'.join(_MONTHS)})\s*[-–]\s*(?P<to>{'|'.join(_MONTHS)}))\b", re.IGNORECASE)
_PERIOD_MONTHS = {"month": 1, "year": 12}
_PERIOD_DAYS = {"day": 1, "week": 7}


def _reporting_months(match: re.Match[str]) -> int:
    """How many months a reporting period spans: 3 for a quarter, 9 for "January-September"."""
    if match.group("quarter"):
        return 3
    if match.group("half"):
        return 6
    if match.group("year"):
        return 12
    return (_MONTHS.index(match.group("to").casefold()) - _MONTHS.index(match.group("from").casefold())) % 12 + 1


def _period(document: Document, value: Value) -> str | None:
    """The period a rate or a tally covers, as its event: "cut cases by 74% in the first 12 months" and
    "prevented 64% of cases in the first year" are `period-12-month`; "58% over 30 months of follow-up"
    is `period-30-month`, another fact. A figure of one period and a figure of another are two facts."""
    sentence = document.sentences[value.sentence]
    reported = min(_REPORTING_PERIOD.finditer(document.text, sentence.start, sentence.end), default=None,
                   key=lambda match: min(abs(match.start() - value.end), abs(value.start - match.end())))
    if reported is not None:  # the nearest: "fell to 6.4% in April-June from 6.7% in the first three months"
        return f"period-{_reporting_months(reported):g}-month"
    for match in _PERIOD.finditer(document.text, sentence.start, sentence.end):
        written = (match.group("n1") or match.group("n2") or "one").strip()
        amount = 1.0 if written.casefold() in ("a", "the", "one") else parse_number(written)
        unit = (match.group("u1") or match.group("u2")).casefold()
        if amount is None or amount <= 0:
            continue
        if unit in _PERIOD_MONTHS:
            return f"period-{amount * _PERIOD_MONTHS[unit]:g}-month"
        return f"period-{amount * _PERIOD_DAYS[unit]:g}-day"
    return None


# A date of a figure's own clause that dates it, to the day: "on Tuesday", "Its first, on September 12, drew
# 21,000", "On Saturday, a rally drew 38,000". Not a date that bounds a span ("since", "until", "from") or
# names another thing ("Tuesday's quake", "the march of 12 September"), nor one a longer form holds.
_DAY_FORMS = frozenset({"weekday", "month_day", "day_month", "dayword"})
_NOT_ITS_DAY = re.compile(r"\b(?:since|from|until|till|through|between|before|after|by|of|to|and|or|than|"
                          r"ago|as\s+of|as\s+at|up\s+to|starting|beginning|ending)\s+(?:the\s+)?$", re.IGNORECASE)
# A word that opens a clause of its own inside the figure's: the date beyond it dates that clause's verb
# ("the train that derailed on Tuesday was travelling at 121 km/h").
_INNER_CLAUSE = re.compile(r"\b(?:that|which|who|whom|whose|where|when|while|after|before|since|until)\b",
                           re.IGNORECASE)


# A preposition after the figure that brings in another thing, which a date after it may date ("a premium of
# 31% to Ambrell's closing price on Friday"); "of" names what the figure counts ("79 percent of trains on ...").
_OTHER_THING = re.compile(r"\b(?:to|at|from|against|than|over|with|for|in|into|per|above|below|versus|compared)\b",
                          re.IGNORECASE)
# A date set off before the clause's verb ("On Saturday, a rally drew", "Its first, on September 12, drew"),
# not one that closes a noun phrase ("The derailment near Dunmere on Tuesday has killed 12").
_SET_OFF = re.compile(rf"(?:\s+{PART_OF_DAY})?\s*,", re.IGNORECASE)


def _dated_on(document: Document, value: Value) -> PartialDate | None:
    """The day the figure's own clause gives it: a date known to the day, after the figure and before the
    next one ("cancelled 79 percent on Wednesday and 64 percent on Thursday"), else one set off before it,
    with no clause of its own between the date and the figure."""
    clause = document.clause_at(value.start)
    if clause is None:
        return None
    text = document.text
    figures = [v.start for v in document.values
               if v.kind == "quantity" and clause.start <= v.start < clause.end and v is not value]
    following = min((start for start in figures if start > value.start), default=clause.end)
    days = [v for v in document.values if clause.start <= v.start < clause.end and _a_day(text, v)
            and not _NOT_ITS_DAY.search(text, max(clause.start, v.start - 16), v.start)]
    after = [v for v in days if value.end <= v.start < following
             and not _INNER_CLAUSE.search(text, value.end, v.start) and not _OTHER_THING.search(text, value.end, v.start)]
    before = [v for v in days if v.start < value.start and _SET_OFF.match(text, v.end)
              and not _INNER_CLAUSE.search(text, clause.start, value.start)]
    if after:
        return after[0].reading.date
    return before[-1].reading.date if before else None


# The high end of a range: "39 to 42C", "between 40 and 45 degrees", "40-45C".
_RANGE_END = re.compile(r"\d\s*(?:to|and|-|–)\s*(?:minus\s+)?$", re.IGNORECASE)


def _temperature_day(document: Document, value: Value) -> PartialDate | None:
    """The day a temperature was measured: its clause's day, else the nearest day its sentence names before
    it ("On Tuesday the thermometer climbed to 45.8 degrees, and by Wednesday ..."), else the one after it."""
    day = _dated_on(document, value)
    if day is not None:
        return day
    sentence = document.sentences[value.sentence]
    days = [v for v in document.values if sentence.start <= v.start < sentence.end and _a_day(document.text, v)]
    before = [v for v in days if v.end <= value.start]
    if before:
        return before[-1].reading.date
    after = {v.reading.date for v in days}
    return after.pop() if len(after) == 1 else None


def _a_day(text: str, value: Value) -> bool:
    """A date told to the day on its own: no range's end, no "Tuesday's" naming an event."""
    date = value.reading.date if value.kind == "date" else None
    return date is not None and value.form in _DAY_FORMS and date.day is not None and not value.reading.role \
        and text[value.end:value.end + 2] not in ("’s", "'s")


def _vote_day(document: Document, value: Value) -> PartialDate | None:
    """The day a vote's sentence gives, nearest before the tally, else after it: "approved the bid on May 5 by
    29 votes to 12", "On May 14, after five hours of debate, its council voted 31-17". Votes of two days are two
    votes (a city's and its rival's, a first and a final reading)."""
    days = [v for v in document.values_in(value.sentence) if _a_day(document.text, v)]
    before = [v for v in days if v.end <= value.start]
    after = [v for v in days if v.start >= value.end]
    chosen = before[-1] if before else (after[0] if after else None)
    return chosen.reading.date if chosen else None


def _said_on(document: Document, value: Value) -> PartialDate | None:
    """The date a figure was given on: a date in the attribution its clause depends on."""
    clause = document.clause_at(value.start)
    if clause is None or clause.parent is None:
        return None
    parent = document.clauses[clause.parent]
    if parent.role != "attribution":
        return None
    dates = [v for v in document.values if v.kind == "date" and parent.start <= v.start < parent.end
             and v.reading.date is not None and not v.reading.role]
    return dates[0].reading.date if dates else None

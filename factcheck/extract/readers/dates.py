"""Dates and durations in a sentence, resolved against the publication date, each with its precision.

Date libraries fill missing fields from a reference date and hide how much was known: "November 2016"
comes back as 2016-11-22. So the expressions are found here (one compiled regex per form), dateparser
(languages=['en'], RELATIVE_BASE = publication date) reads the month and day of absolute forms, and the
rest is ours: the precision of each form ("November 2016" is `2016-11`), the year of a month-day with no
year (the tense decides: "will expire Nov. 23" looks forward, "said on Dec. 20" in a January article
looks back), weekdays ("said Thursday" is the Thursday on or before publication), relative dates that
can be no more precise than the publication date (a month-precision source gives "Thursday" month
precision, and "three days ago" becomes a `duration` anchored at `published`), durations and ages
("for 90 days", "three-year-old"), and year ranges ("1910-45": started_on and ended_on).

Clock times (`readers/clock.py`: "at about 3:40 a.m.", "04:52 local time", "at noon") are no values of
their own: a time next to a date known to the day ("3:40 a.m. on Sept. 8", "on 13 October at 03:17",
"Tuesday at 10:15") goes into that date (`DateExpression.time`), and a time next to "this morning",
"this afternoon" or "tonight" dates itself on the publication day; a time with none of these takes the day
said before it in its sentence ("The power failure on Friday stopped the train at 2:07 p.m."), else the last
one said in its paragraph (`day`, given by the values annotator), else it dates nothing. A time after a
bound ("by 8 a.m.", "until 11:00", "between 3 and 4 a.m.") is no point in time and is left out.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

import dateparser

from factcheck.extract.readers.clock import ClockTime, find_times
from factcheck.model import Approximation, DurationUnit, DurationValue, PartialDate, Precision
from factcheck.model.numbers import NUMBER, parse_number
from factcheck.model.time_of_day import TimeOfDay

_MONTH = (r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
# The names as patterns, for readers that must know a date's words when they see them ("In June").
MONTH_NAME = _MONTH.replace("(?P<month>", "(?:")
WEEKDAY_NAME = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_UNIT = r"(?P<unit>day|week|month|year)s?"
_EVENT_UNIT = r"(?P<unit>minute|hour|day|week|month|year)"
_APPROX = r"(?:(?P<approx>about|around|roughly|approximately|nearly|almost|more than|over|less than|under|at least|at most|up to|just under|some)\s+)?"

# "three hours and 50 minutes": the minutes after the hours (read with an hour only, by `_length`)
# A verb that moves a date: "delayed", "postponed", "extended" (by or for a length); "pushed back", "brought
# forward", "moved up", with the thing moved between its words ("moved the start forward"); "moved" or
# "rescheduled" before a length "earlier" or "later".
_DELAY_VERB = r"\b(?i:(?:delay|extend|prolong)(?:ed|s|ing)?|postpone[ds]?|postponing)"
# Of these, the verbs whose object is the thing moved ("moved the start"); "put" and "set" also make other
# verbs with their particles ("set off", "put out"), so their object says nothing of what was moved.
_MOVE_OBJECT_VERB = r"mov(?:ed|es|e|ing)|brought|bring(?:s|ing)?|push(?:ed|es|ing)?|reschedul(?:ed|es|e|ing)"
_MOVE_VERB = rf"\b(?i:{_MOVE_OBJECT_VERB}|put(?:s|ting)?|set)"
# A verb that moved a date and takes the thing moved as its object or passive subject (claims/time.py).
SHIFT_VERB_WORD = re.compile(rf"(?:{_DELAY_VERB}|\b(?i:{_MOVE_OBJECT_VERB}))\b")
_SHIFT_VERB = rf"(?:{_DELAY_VERB}|{_MOVE_VERB}(?:\s+[\w’'-]+){{0,5}}?\s+(?i:forward|back|up))"
_SHIFT_LENGTH = (rf"(?i:{_APPROX})(?P<n>{NUMBER}|an?)(?P<half>\s+and\s+a\s+half)?\s+{_EVENT_UNIT}s?"
                 rf"(?P<half2>\s+and\s+a\s+half)?")
_AND_MINUTES = r"(?:\s+and\s+(?P<minutes>\d{1,2})\s+minutes?)?"
_ORDINAL = r"(?:st|nd|rd|th)?"  # "4th", "16th": a day number's suffix
# (form, pattern), most specific first; a span taken by one form is not read again by a later one.
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("range", re.compile(rf"(?<![\d.$])\b(?P<y1>{_YEAR})\s*[-–]\s*(?P<y2>\d{{2}}|{_YEAR})\b(?![\d%])")),
    # A range of days in one month: "from 4 to 16 August 2034", "7-13 September", "Aug. 4-16, 2034": its first day
    # starts it and its last ends it (as "2019-2021" does for years).
    ("day_range", re.compile(rf"\b(?P<d1>\d{{1,2}}){_ORDINAL}\s*(?:-|–|to|and|until|till)\s*(?P<d2>\d{{1,2}})"
                             rf"{_ORDINAL}\s+(?:of\s+)?{_MONTH}(?:,?\s+(?P<year>{_YEAR})\b)?")),
    ("day_range", re.compile(rf"\b{_MONTH}\s+(?P<d1>\d{{1,2}}){_ORDINAL}\s*(?:-|–|to)\s*(?P<d2>\d{{1,2}})"
                             rf"{_ORDINAL}\b(?![-–:.]?\d)(?:,?\s+(?P<year>{_YEAR})\b)?")),
    ("month_day", re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}}){_ORDINAL}\b(?:,?\s+(?P<year>{_YEAR})\b)?")),
    ("day_month", re.compile(rf"\b(?P<day>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?{_MONTH}(?:,?\s+(?P<year>{_YEAR})\b)?")),
    ("month_year", re.compile(rf"\b{_MONTH}\s+(?:of\s+)?(?P<year>{_YEAR})\b")),
    ("month", re.compile(rf"\b(?i:in|since|until|till|by|from|during|on|of|last|next|this|early|late|mid|"
                         rf"end\s+of|beginning\s+of)[\s-]+{_MONTH}(?!\s*\d)\b")),
    ("age", re.compile(rf"\b(?P<n>{NUMBER})[-\s]{_UNIT.replace('s?', '')}s?[-\s]old\b")),
    ("ago", re.compile(rf"\b(?P<n>{NUMBER})\s+{_UNIT}\s+ago\b", re.IGNORECASE)),
    # A notice period: "ends six months after the other party receives that notice", "stays in force for twelve
    # months after notice is received", "on six months' notice", "a 90-day notice period": how long after notice.
    ("notice", re.compile(rf"\b(?P<n>{NUMBER})\s+(?i:(?P<unit>day|week|month|year))s?\s+(?i:after|following|from)\s+"
                          rf"(?:[\w’'-]+\s+){{0,10}}?(?i:notice|notification|note)\b")),
    ("notice", re.compile(rf"\b(?P<n>{NUMBER})[-\s](?i:(?P<unit>day|week|month|year))s?[’']?\s+(?i:written\s+|formal\s+)?"
                          rf"(?i:notice)\b")),
    # How long an agreement runs: "the 25-year accord", "a 99-year lease", "for a term of twenty years".
    ("agreement_term", re.compile(rf"\b(?P<n>{NUMBER})-(?i:(?P<unit>year|month))\s+(?:[a-z-]+\s+)?(?i:accord|treaty|"
                                  rf"agreement|deal|pact|contract|lease|concession|licen[cs]e)s?\b")),
    ("agreement_term", re.compile(rf"\b(?i:for\s+a\s+(?:term|period)\s+of|(?:remain|remains|stay|stays)\s+in\s+force\s+"
                                  rf"for|valid\s+for)\s+(?i:{_APPROX})(?P<n>{NUMBER})\s+(?i:(?P<unit>year|month))s?\b")),
    # A prison term by its noun: "serving an 18-year sentence", "a 15-year prison term", "a ten-year jail term".
    ("sentence", re.compile(rf"\b(?P<n>{NUMBER})-(?i:(?P<unit>year|month))\s+(?:(?i:prison|jail)\s+)?(?i:sentence|term)\b")),
    # How far something was moved in time: "delayed by 18 months", "pushed back the deadline by nine days",
    # "moved the start forward by an hour", "just 30 minutes earlier", "18 months later than scheduled", "a delay of
    # eighteen months", "a nine-day extension". Its length, not a date: see `_SHIFT_*` below.
    ("shift", re.compile(rf"{_SHIFT_VERB}(?:\s+[\w’'-]+){{0,8}}?\s+(?i:by)\s+{_SHIFT_LENGTH}\b")),
    ("shift", re.compile(rf"{_DELAY_VERB}\s+(?i:for)\s+{_SHIFT_LENGTH}\b")),
    ("shift", re.compile(rf"(?:{_DELAY_VERB}|{_MOVE_VERB})(?:\s+[\w’'-]+){{0,6}}?\s+(?i:just\s+|only\s+)?{_SHIFT_LENGTH}\s+"
                         rf"(?i:earlier|later)\b")),
    ("shift", re.compile(rf"\b{_SHIFT_LENGTH}\s+(?i:later|earlier)\s+than\s+(?i:originally\s+|first\s+)?"
                         rf"(?i:planned|scheduled|expected|intended|foreseen|announced)\b")),
    ("shift", re.compile(rf"\b(?i:a|an|the)\s+(?i:delay|postponement|extension)\s+of\s+{_SHIFT_LENGTH}\b")),
    ("shift", re.compile(rf"\b(?P<n>{NUMBER})-{_EVENT_UNIT}\s+(?i:delay|postponement|extension)\b")),
    # The length of an event: "the 35-minute call", "a two-hour meeting", "lasted 90 minutes", "day-long".
    ("length", re.compile(rf"\b(?P<n>{NUMBER})-{_EVENT_UNIT}(?:-long)?\b(?![-\s]old\b)")),
    ("length_word", re.compile(rf"\b(?i:{_EVENT_UNIT})(?P<plural>s)?-long\b")),
    ("lasted", re.compile(rf"\b(?i:lasted|lasting|last|lasts|took|take|takes|ran\s+for|run\s+for|runs\s+for|"
                          rf"went\s+on\s+for|dragged\s+on\s+for|spent|spends|spending|"
                          rf"(?:spread|phased(?:\s+in)?|staggered|completed|carried\s+out|rolled\s+out)\s+over)\s+"
                          rf"(?i:{_APPROX})(?P<n>{NUMBER})(?P<half>\s+and\s+a\s+half)?\s+"
                          rf"(?i:{_EVENT_UNIT})s?{_AND_MINUTES}\b")),
    ("lasted", re.compile(rf"\b(?i:within|for|after)\s+(?i:{_APPROX})(?P<n>{NUMBER})\s+(?i:(?P<unit>minute|hour))s?"
                          rf"{_AND_MINUTES}\b")),
    # A prison term: "sentenced Viktor Haldan to nine years in prison", "jailed for six years".
    ("sentence", re.compile(rf"\b(?i:sentenced|sentences|sentencing|jailed|jailing|jails|imprisoned)\b[^.;]{{0,80}}?\b(?i:to|for)\s+"
                            rf"(?P<n>{NUMBER})\s+(?i:(?P<unit>year|month))s?\b")),
    # A further term in a sentence about sentencing: "... and his deputy Kim to six years" (see _resolve).
    ("term", re.compile(rf"\b(?i:to|given)\s+(?P<n>{NUMBER})\s+(?i:(?P<unit>year|month))s?\b(?!\s+(?:of|ago|old)\b|-)")),
    # A term received or given, in a sentence about sentencing or its paragraph: "Farkas received five years".
    ("sentence", re.compile(rf"\b(?i:received|receives|got|gets|was\s+given|were\s+given|drew|draws)\s+(?P<n>{NUMBER})\s+"
                            rf"(?i:(?P<unit>year|month))s?\b(?!\s+(?:of|ago|earlier|later|before|after)\b)")),
    ("lasted", re.compile(rf"\b(?P<n>{NUMBER})(?P<half>\s+and\s+a\s+half)?\s+(?i:(?P<unit>minute|hour|day))s?\s+after\s+"
                          rf"(?:it|they|he|she|the\s+\w+)\s+(?:began|started|opened)\b", re.IGNORECASE)),
    # The time between two events: "landed 17 minutes after the engine failed", "reopened 19 hours after the
    # crash", "27 minutes passed between the failure and the landing" (claims/time.py `_elapsed` keys it by both).
    ("elapsed", re.compile(rf"\b(?i:{_APPROX})(?P<n>{NUMBER})(?P<half>\s+and\s+a\s+half)?\s+"
                           rf"(?i:(?P<unit>minute|hour|day|week))s?\s+(?i:after)\s+(?=(?i:the|its|their|his|her)\s)")),
    ("elapsed", re.compile(rf"\b(?i:{_APPROX})(?P<n>{NUMBER})\s+(?i:(?P<unit>minute|hour|day|week))s?\s+"
                           r"(?i:had\s+|have\s+)?(?i:passed|elapsed|went\s+by)\s+(?i:between)\s+"
                           r"(?=(?i:the|its|their)\s)")),
    ("lasted", re.compile(r"\b(?i:lasted|lasting|took|ran\s+for|went\s+on\s+for|within|for|after)\s+(?i:(?P<approx>about|"
                          r"around|nearly|almost|more\s+than|over|less\s+than|under|just\s+under)\s+)?"
                          r"(?P<n>half\s+an?|an?)\s+(?P<unit>minute|hour|day|week|month|year)"
                          r"(?P<half>\s+and\s+a\s+half)?(?:\s+and\s+(?P<minutes>\d{1,2})\s+minutes)?\b",
                          re.IGNORECASE)),
    # The length of an event told by its noun after "of": "three days of national mourning", "after four days of
    # talks", "18 months of negotiations" (not "within 30 days of the notice": what follows "of" is a thing).
    # Hours are read by "lasted" ("after nine hours of questioning"); as "of" lengths they cost dev and hold-out.
    ("length_of", re.compile(rf"\b(?i:{_APPROX})(?P<n>{NUMBER})\s+(?:[a-z]+\s+)?(?i:(?P<unit>day|week|month))s"
                             r"(?=\s+of\s+(?!(?:the|a|an|its|their|his|her|this|that|these|those|our|my|your)\b)[a-z])")),
    ("span", re.compile(rf"\b(?i:for|within|in|after|over|another)\s+(?i:the\s+(?:next|past|coming)\s+)?"
                        rf"(?i:{_APPROX})(?P<n>{NUMBER})\s+(?i:{_UNIT})\b")),
    # A time allowed: "gave Korvel 60 days to put its security in order", "were given 48 hours to pack up".
    ("allowed", re.compile(rf"\b(?i:given|gave|gives|giving|has|have|had)\s+(?:(?:[A-Z][\w’'-]*|them|him|her|it|us|"
                           rf"the\s+(?:two\s+)?\w+|[a-z]{{3,}}s)\s+){{0,2}}"
                           rf"(?P<n>{NUMBER}|an?)\s+(?i:(?P<unit>minute|hour|day|week|month|year))s?\b"
                           rf"(?=\s+(?:to|in\s+which\s+to)\s+[a-z])")),
    # "set an 18-month deadline", "a 72-hour ultimatum": the time allowed, told as the deadline's length
    ("allowed", re.compile(rf"\b(?P<n>{NUMBER})[-\s](?i:(?P<unit>minute|hour|day|week|month|year))s?"
                           rf"(?=\s+(?:deadline|ultimatum|grace\s+period|time\s+limit|window)\b)")),
    # "The application window is four weeks", "a window of 60 days": the time allowed, told as a window's length
    ("allowed", re.compile(rf"\b(?i:window)\s+(?i:is|was|of|will\s+be|lasts|runs\s+for)\s+(?i:{_APPROX})"
                           rf"(?P<n>{NUMBER})\s+(?i:(?P<unit>minute|hour|day|week|month|year))s?\b")),
    ("relative", re.compile(r"\b(?P<which>last|this|next|past)\s+(?P<unit>year|month|week)\b", re.IGNORECASE)),
    ("dayword", re.compile(r"\b(?P<word>yesterday|today|tomorrow|last\s+night)\b", re.IGNORECASE)),
    ("weekday", re.compile(rf"\b(?P<weekday>{WEEKDAY_NAME[3:-1]})\b")),
    ("year", re.compile(rf"(?<![\d.,$])\b(?P<year>{_YEAR})\b(?![.,]?\d|\s*(?:%|percent|per\s*cent))")),
)


@dataclass(frozen=True)
class DateExpression:
    """One date or duration found in a sentence, resolved; `role` is `start`/`end` for a range's ends."""

    start: int
    end: int
    form: str
    date: PartialDate | None = None
    duration: DurationValue | None = None
    role: str | None = None
    certainty: float = 0.9
    time: TimeOfDay | None = None  # the clock time written next to a date known to the day


def find_dates(text: str, start: int, end: int, published: PartialDate, tense: str | None,
               day: PartialDate | None = None) -> list[DateExpression]:
    """The dates and durations in `text[start:end]`, in text order, each date known to the day with the
    clock time written next to it. `tense` ("past", "future" or None) decides which way a year-less date
    goes from publication."""
    taken: list[tuple[int, int]] = []
    found: list[DateExpression] = []
    times = find_times(text, start, end)
    for form, pattern in PATTERNS:
        for match in pattern.finditer(text, start, end):
            if any(a < match.end() and match.start() < b for a, b in taken) or \
                    any(t.start <= match.start() < t.end for t in times):  # "03:40" holds no duration or year
                continue
            expressions = _resolve(form, match, published, tense)
            if expressions:
                taken.append((match.start(), match.end()))
                found.extend(expressions)
    found = _weekdays_with_their_dates(text, found)
    if times:
        found = _timed(text, found, times, published, day)
    return sorted(found, key=lambda e: (e.start, e.role or ""))


# Between a weekday and the date that names the same day: "Monday 26 October", "Tuesday, February 23".
_WEEKDAY_THEN_DAY = re.compile(r"\s*,?\s*(?:the\s+)?")
_DAY_FORMS = frozenset(("day_month", "month_day"))


def _weekdays_with_their_dates(text: str, found: list[DateExpression]) -> list[DateExpression]:
    """A weekday written just before a date ("on Monday 26 October", "Tuesday, February 23") is that date's
    weekday, not a day of its own: one expression, the date's, over both. Read apart, "Monday" went to the
    Monday nearest publication and "26 October" to the year its tense gives, two days where the text says
    one. When the date has no year of its own, its weekday picks the year (26 October 2026 is a Monday,
    2025's a Sunday); a weekday that fits no year near it is a slip, and the date stands."""
    weekdays = [e for e in found if e.form == "weekday"]
    if not weekdays:
        return found
    named: set[int] = set()  # the weekdays that name a date's day
    result: list[DateExpression] = []
    for expression in found:
        weekday = None
        if expression.form in _DAY_FORMS and expression.role is None and expression.date is not None:
            weekday = next((w for w in weekdays if w.end <= expression.start
                            and _WEEKDAY_THEN_DAY.fullmatch(text, w.end, expression.start)), None)
        if weekday is None:
            result.append(expression)
            continue
        named.add(id(weekday))
        date = expression.date
        if not re.search(r"\d{4}", text[expression.start:expression.end]):  # no year written: the weekday's
            date = _year_of_weekday(date, _WEEKDAYS.index(text[weekday.start:weekday.end].casefold()))
        result.append(replace(expression, start=weekday.start, date=date))
    return [e for e in result if id(e) not in named]


def _year_of_weekday(date: PartialDate, weekday: int) -> PartialDate:
    """The date in the year, of its own and the two around it, in which it falls on `weekday`; its own
    year first, then the nearer. Unchanged when it falls on `weekday` in none of them."""
    assert date.month is not None and date.day is not None
    for year in (date.year, date.year - 1, date.year + 1):
        try:
            if dt.date(year, date.month, date.day).weekday() == weekday:
                return PartialDate(year, date.month, date.day)
        except ValueError:  # 29 February
            continue
    return date


# The words between a time and the date after it: "3:40 a.m. on Sept. 8", "02:15 on Tuesday, 8 September" (a weekday
# before a date is part of the date: `_weekdays_with_their_dates`).
_TIME_THEN_DATE = re.compile(rf"\s*(?:\([^()]{{0,30}}\)\s*)?,?\s*(?:(?i:on)\s+)?(?:(?i:the\s+(?:morning|afternoon|evening|night)\s+of)\s+)?$")
# The words between a date and the time after it: "on 13 October 2026 at 03:17", "Tuesday morning at 10:15".
_DATE_THEN_TIME = re.compile(r"\s*,?\s*(?:(?:(?i:in\s+the)\s+)?(?i:morning|afternoon|evening|night)\s*,?\s*)?"
                             r"(?:(?i:at)\s+)?$")
# "At approximately 03:40 this morning", "at 9:40 this morning", "at 11 p.m. tonight": the publication day.
_THIS_PART = re.compile(r"\s*,?\s*(?:(?i:at)\s+)?\b(?P<part>(?i:this\s+(?:morning|afternoon|evening)|tonight))\b")
_PART_THEN_TIME = re.compile(r"\b(?P<part>(?i:this\s+(?:morning|afternoon|evening)|tonight))\s*,?\s*(?:(?i:at)\s+)?$")


def _timed(text: str, found: list[DateExpression], times: list[ClockTime], published: PartialDate,
           day: PartialDate | None = None) -> list[DateExpression]:
    """Each date known to the day with the time written next to it; a time next to "this morning" or
    "tonight" dates itself on the publication day (when that is known to the day)."""
    days = sorted((e for e in found if e.date is not None and e.date.day is not None and e.role is None),
                  key=lambda e: e.start)
    timed: dict[int, ClockTime] = {}
    used: set[int] = set()
    for clock in times:
        after = [e for e in days if e.start >= clock.end and _TIME_THEN_DATE.fullmatch(text, clock.end, e.start)]
        before = [e for e in days if e.end <= clock.start and _DATE_THEN_TIME.fullmatch(text, e.end, clock.start)]
        for expression in after[:1] + before[-1:]:
            timed.setdefault(id(expression), clock)
            used.add(clock.start)
    result = [_with_time(e, timed[id(e)]) if id(e) in timed else e for e in found]
    for clock in times:
        if clock.start in used:
            continue
        part = _THIS_PART.match(text, clock.end) or _PART_THEN_TIME.search(text, max(0, clock.start - 30), clock.start)
        if part is None:
            # "The power failure on Friday stopped the train at 2:07 p.m.": the day said before it in its sentence,
            # else in its paragraph (`day`); a time with no day said anywhere before it dates nothing
            earlier = [e for e in days if e.end <= clock.start]
            known = earlier[-1].date if earlier else day
            if known is not None and not any(e.start < clock.end and clock.start < e.end for e in found):
                result.append(DateExpression(clock.start, clock.end, "clock", known, certainty=0.7, time=clock.time))
            continue
        if published.day is None or any(e.start < part.end("part") and part.start("part") < e.end for e in found):
            continue
        result.append(DateExpression(min(clock.start, part.start("part")), max(clock.end, part.end("part")), "dayword",
                                     published, certainty=0.85, time=clock.time))
    return result


def _with_time(expression: DateExpression, clock: ClockTime) -> DateExpression:
    """The date with its time, its span widened over the time: "shortly before 5 a.m. on Tuesday" is one
    value, so no word of the time is read as what the clause is about."""
    return replace(expression, start=min(expression.start, clock.start), end=max(expression.end, clock.end),
                   time=clock.time)


_NIGHT_OF = re.compile(r"\bnight\s+(?:of\s+)?(?:the\s+)?$", re.IGNORECASE)


def _resolve(form: str, match: re.Match[str], published: PartialDate, tense: str | None) -> list[DateExpression]:
    span = (match.start(), match.end())
    groups = match.groupdict()
    if form == "range":
        first, second = int(groups["y1"]), groups["y2"]
        last = int(second) if len(second) == 4 else (first // 100) * 100 + int(second)
        if not first < last <= first + 200:
            return []
        return [DateExpression(*span, form, PartialDate(first), role="start"),
                DateExpression(*span, form, PartialDate(last), role="end")]
    if form == "day_range":
        month = _MONTHS[groups["month"][:3].casefold()]
        first, last = int(groups["d1"]), int(groups["d2"])
        if not 1 <= first < last <= 31 or _NIGHT_OF.search(match.string, max(0, match.start() - 16), match.start()):
            return []  # "in the night of 12 to 13 October" is one night, no range that starts on the 12th
        year = int(groups["year"]) if groups.get("year") else infer_year(month, first, published, tense)
        try:
            dt.date(year, month, last)
        except ValueError:
            return []  # "30-31 February"
        return [DateExpression(*span, form, PartialDate(year, month, first), role="start", certainty=0.8),
                DateExpression(*span, form, PartialDate(year, month, last), role="end", certainty=0.8)]
    if form in ("month_day", "day_month", "month_year"):
        month, day = _month_day(match.group(), published)
        if month is None:
            return []
        if form == "month_year":
            return [DateExpression(*span, form, PartialDate(int(groups["year"]), month))]
        year = int(groups["year"]) if groups.get("year") else infer_year(month, day, published, tense)
        try:
            return [DateExpression(*span, form, PartialDate(year, month, day),
                                   certainty=0.9 if groups.get("year") else 0.8)]
        except ValueError:
            return []
    if form == "month":
        month = _MONTHS[groups["month"][:3].casefold()]
        lead = match.group().split(None, 1)[0].casefold()
        tense = {"last": "past", "next": "future"}.get(lead, tense)  # "last October" lies behind, whatever the verb
        return [DateExpression(*span, form, PartialDate(infer_year(month, None, published, tense), month), certainty=0.75)]
    if form == "year":
        return [DateExpression(*span, form, PartialDate(int(groups["year"])), certainty=0.7)]
    if form == "term":
        before = match.string[max(0, match.start() - 200):match.start()].rsplit(".", 1)[-1]
        if not re.search(r"\b(?:sentenced|sentences|sentencing|jailed|jailing|convicted)\b", before, re.IGNORECASE):
            return []
        form = "sentence"
    if form == "sentence":
        amount = parse_number(groups["n"] or "")
        if not amount:
            return []
        value = DurationValue(amount=amount, unit=DurationUnit(groups["unit"].casefold()))
        return [DateExpression(match.start("n"), match.end(), form, duration=value, certainty=0.8)]
    if form in ("length", "length_word", "lasted", "length_of", "elapsed"):
        return _length(form, span, groups)
    if form == "shift":
        return _shift(match, groups)
    if form == "allowed":  # the time allowed starts at its number: "given" is the cue before it
        span = (match.start("n"), match.end())
        if groups["n"].casefold() in ("a", "an"):  # "gave the two governments a year to agree"
            groups = {**groups, "n": "one"}
    if form in ("agreement_term", "notice"):  # the length alone: "the 25-year accord" stays a mention
        span = (match.start("n"), match.end("unit"))
    if form in ("age", "ago", "span", "allowed", "agreement_term", "notice"):
        amount = parse_number(groups["n"])
        if not amount or amount <= 0:
            return []
        unit = DurationUnit(groups["unit"].casefold().rstrip("s"))
        if form == "ago":
            return [_ago(span, amount, unit, published)]
        direction = "before" if form == "age" else "after"
        written = re.sub(r"\s+", " ", groups.get("approx") or "").casefold()  # "for at least three weeks"
        approximation = Approximation(written) if written in {a.value for a in Approximation} else None
        return [DateExpression(*span, form, duration=DurationValue(amount=amount, unit=unit, direction=direction,
                                                                   approximation=approximation),
                               certainty=0.8 if form == "age" else 0.7)]
    if form == "relative":
        return _relative(span, groups["which"].casefold(), groups["unit"].casefold(), published, tense)
    if form == "dayword":
        shift = {"yesterday": -1, "today": 0, "tomorrow": 1, "last night": -1}[" ".join(groups["word"].casefold().split())]
        return [_shifted(span, form, published, dt.timedelta(days=shift))]
    if form == "weekday":
        expression = _weekday(span, _WEEKDAYS.index(groups["weekday"].casefold()), published, tense)
        last = re.search(r"\blast\s+$", match.string[max(0, match.start() - 6):match.start()], re.IGNORECASE)
        if last and expression.date == published and published.day is not None:  # "last Saturday", said on one
            return [_shifted(span, form, published, dt.timedelta(days=-7))]
        return [expression]
    return []


def _shift(match: re.Match[str], groups: dict[str, str | None]) -> list[DateExpression]:
    """How far a date was moved, as a length from its number on ("by [18 months]"): "an hour" is one hour,
    "a year and a half" 1.5 years."""
    written = (groups["n"] or "").casefold()
    amount = 1.0 if written in ("a", "an") else parse_number(written)
    if not amount or amount <= 0:
        return []
    amount += 0.5 if groups.get("half") or groups.get("half2") else 0.0
    approx = re.sub(r"\s+", " ", groups.get("approx") or "").casefold()
    approximation = Approximation(approx) if approx in {a.value for a in Approximation} else None
    value = DurationValue(amount=amount, unit=DurationUnit(groups["unit"].casefold()), approximation=approximation)
    return [DateExpression(match.start("n"), match.end(), "shift", duration=value, certainty=0.7)]


@lru_cache(maxsize=4096)
def _month_day(written: str, published: PartialDate) -> tuple[int | None, int | None]:
    """Month and day of an absolute date as dateparser reads it against the publication date."""
    base = dt.datetime.combine(published.first_day(), dt.time())
    parsed = dateparser.parse(written, languages=["en"], settings={"RELATIVE_BASE": base})
    if parsed is not None:
        has_day = any(ch.isdigit() for ch in re.sub(rf"\b{_YEAR}\b", "", written))
        return parsed.month, (parsed.day if has_day else None)
    month = re.search(_MONTH, written)
    day = re.search(r"\b(\d{1,2})\b", written)
    if not month:
        return None, None
    return _MONTHS[month.group("month")[:3].casefold()], int(day.group(1)) if day else None


def infer_year(month: int, day: int | None, published: PartialDate, tense: str | None) -> int:
    """The year of a date written without one: in a future-tense clause the first such date on or after
    publication, in a past-tense clause the last one on or before it, else the nearest. Publication
    dates known only to the month compare months; known only to the year, the year is the same."""
    year = published.year
    if published.month is None:
        return year
    precise = published.day is not None and day is not None
    here = (published.month, published.day or 0) if precise else (published.month, 0)
    def key(candidate: int) -> tuple[int, int, int]:
        return (candidate, month, day or 0) if precise else (candidate, month, 0)
    pivot = (year, *here)
    candidates = [year - 1, year, year + 1]
    if tense == "future":
        return min(c for c in candidates if key(c) >= pivot)
    if tense == "past":
        return max(c for c in candidates if key(c) <= pivot)
    return min(candidates, key=lambda c: abs((key(c)[0] - year) * 12 + month - published.month))


def _weekday(span: tuple[int, int], weekday: int, published: PartialDate, tense: str | None) -> DateExpression:
    if published.day is None:  # which Thursday is unknown: the publication's own precision at best
        return DateExpression(*span, "weekday", published, certainty=0.5)
    day = published.first_day()
    if tense == "future":
        offset = (weekday - day.weekday()) % 7
    else:
        offset = -((day.weekday() - weekday) % 7)
    return DateExpression(*span, "weekday", PartialDate.from_date(day + dt.timedelta(days=offset)), certainty=0.8)


def _shifted(span: tuple[int, int], form: str, published: PartialDate, shift: dt.timedelta) -> DateExpression:
    if published.day is None:
        return DateExpression(*span, form, published, certainty=0.5)
    return DateExpression(*span, form, PartialDate.from_date(published.first_day() + shift), certainty=0.85)


def _relative(span: tuple[int, int], which: str, unit: str, published: PartialDate,
              tense: str | None) -> list[DateExpression]:
    step = {"last": -1, "past": -1, "this": 0, "next": 1}[which]
    if unit == "year":
        return [DateExpression(*span, "relative", PartialDate(published.year + step), certainty=0.8)]
    if unit == "month" and published.month is not None:
        month_index = published.year * 12 + published.month - 1 + step
        return [DateExpression(*span, "relative", PartialDate(month_index // 12, month_index % 12 + 1), certainty=0.8)]
    if unit == "week" and published.day is not None:
        day = published.first_day() + dt.timedelta(weeks=step)
        return [DateExpression(*span, "relative", PartialDate(day.year, day.month), certainty=0.6)]
    return []


def _length(form: str, span: tuple[int, int], groups: dict[str, str | None]) -> list[DateExpression]:
    """How long an event lasted: "35-minute" is 35 minutes; "day-long" one day; "days-long" at least two."""
    approximation = None
    if form == "length_word":
        amount = 2.0 if groups.get("plural") else 1.0
        approximation = Approximation.at_least if groups.get("plural") else None
    else:
        written_number = (groups.get("n") or "").casefold()
        amount = 0.5 if written_number.startswith("half") else 1.0 if written_number in ("a", "an") else \
            parse_number(written_number)
        if amount and groups.get("half"):
            amount += 0.5  # "an hour and a half"
        if amount and groups.get("minutes") and (groups["unit"] or "").casefold() == "hour":
            minutes = amount * 60 + int(groups["minutes"])  # "an hour and 15 minutes"
            return [DateExpression(*span, form, duration=DurationValue(amount=minutes, unit=DurationUnit.minute),
                                   certainty=0.75)]
        written = re.sub(r"\s+", " ", groups.get("approx") or "").casefold()
        approximation = Approximation(written) if written in {a.value for a in Approximation} else None
    if not amount or amount <= 0:
        return []
    unit = DurationUnit((groups["unit"] or "").casefold())
    value = DurationValue(amount=amount, unit=unit, approximation=approximation)
    return [DateExpression(*span, form, duration=value, certainty=0.75)]


def _ago(span: tuple[int, int], amount: float, unit: DurationUnit, published: PartialDate) -> DateExpression:
    """"three days ago": a date when the publication day is known and the amount is in days or weeks;
    otherwise a duration before publication, which keeps what is known without inventing a day."""
    if published.day is not None and unit in (DurationUnit.day, DurationUnit.week) and amount == int(amount):
        days = int(amount) * (7 if unit is DurationUnit.week else 1)
        return DateExpression(*span, "ago", PartialDate.from_date(published.first_day() - dt.timedelta(days=days)))
    if unit is DurationUnit.year and amount == int(amount):
        return DateExpression(*span, "ago", PartialDate(published.year - int(amount)), certainty=0.7)
    return DateExpression(*span, "ago", duration=DurationValue(amount=amount, unit=unit, direction="before"))


def precision_of(expression: DateExpression) -> Precision | None:
    return expression.date.precision if expression.date else None

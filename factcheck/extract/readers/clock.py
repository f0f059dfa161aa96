"""Clock times in a sentence: "at about 3:40 a.m.", "04:52 local time", "shortly before 5 a.m.", "at noon".

A time is read here as what it says (hour and minute on a 24-hour clock, the word that makes it
approximate, the zone when written); which date it belongs to is `readers/dates.py`'s question. Only
times that name a point are kept: a time after a bound ("by 8 a.m.", "until 11:00", "no later than 5
p.m.", "between 3 and 4 a.m.") or a length written as a clock ("won in 2:05:33") is none, and neither is
a time in parentheses, which restates the one before it in another zone ("5 p.m. (14:00 GMT)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.model.time_of_day import TimeApproximation, TimeOfDay

# The parts of a day a text names beside a date ("on Wednesday afternoon", "the evening of 8 June"): a time,
# part of the date, never what a figure counts.
PART_OF_DAY = r"(?:morning|afternoon|evening|night)"


@dataclass(frozen=True)
class ClockTime:
    """A clock time as written, with its approximation word and zone: "about 3:40 a.m." (03:40)."""

    start: int
    end: int
    time: TimeOfDay


_TIME_APPROX = r"about|around|approximately|roughly|shortly\s+before|just\s+before|shortly\s+after|just\s+after|soon\s+after"
_ZONE = r"(?i:local\s+time)|GMT|UTC|(?:[ECMP][SD]T|BST|CES?T|EES?T|WES?T|[ECMP]T)\b|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+time"
_CLOCK = re.compile(
    rf"(?<![\w:.(])(?:(?P<approx>(?i:{_TIME_APPROX}))\s+)?"
    r"(?:(?P<h12>1[0-2]|0?[1-9])(?:[:.](?P<m12>[0-5]\d))?\s*(?P<ampm>[aApP])\.?\s?[mM]\b\.?"
    r"|(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?::[0-5]\d)?(?![\d:])(?:\s*(?:hrs|hours|h)\b)?"
    r"|(?P<word>(?i:noon|midday|midnight))\b)"
    rf"(?:\s+(?P<zone>{_ZONE}))?")
# A bound is no point in time: "by 8 a.m.", "until 11:00", "no later than 5 p.m.", "between 3 and 4 a.m.";
# nor is a length written as a clock ("finished in 2:05:33", "a record of 1:59").
_BOUND_BEFORE = re.compile(r"\b(?i:before|after|by|until|till|from|since|between|than|to|and|or|past|in|for|within|"
                           r"of|under|over)\s+$")


def find_times(text: str, start: int, end: int) -> list[ClockTime]:
    """The clock times in `text[start:end]` that name a point in time, in text order: 12-hour ("3:40
    a.m.", "5 p.m.", "5.00 p.m."), 24-hour ("04:52", "03:17:42", "19:10 hrs"), "noon", "midday",
    "midnight"; with the approximation before ("about", "shortly before") and the zone after ("local
    time", "GMT", "Kaldorian time")."""
    found: list[ClockTime] = []
    for match in _CLOCK.finditer(text, start, end):
        if _BOUND_BEFORE.search(text, max(start, match.start() - 20), match.start()):
            continue
        groups = match.groupdict()
        if groups["word"]:
            hour, minute = (0 if groups["word"].casefold() == "midnight" else 12), 0
        elif groups["h12"]:
            hour, minute = int(groups["h12"]) % 12 + (12 if groups["ampm"].casefold() == "p" else 0), int(groups["m12"] or 0)
        else:
            hour, minute = int(groups["h24"]), int(groups["m24"])
        written = re.sub(r"\s+", " ", groups["approx"] or "").casefold()
        zone = re.sub(r"\s+", " ", groups["zone"]).strip() if groups["zone"] else None
        time = TimeOfDay(hour=hour, minute=minute, approximation=TimeApproximation(written) if written else None,
                         zone=zone.casefold() if zone and zone.casefold() == "local time" else zone)
        found.append(ClockTime(match.start(), match.end(), time))
    return found

"""Dates and durations that place one event: do their intervals of possible days meet?

Every `date` or `duration` claim is first turned into the interval of days it may stand for, with
the arithmetic written out (`resolve_interval`), because sources give dates at every precision and
durations relative to dates that are themselves imprecise. The Diplomat (published some day in
August 2019) writes "GSOMIA itself does not expire for 90 days": 2019-08-01 + 90 days ..
2019-08-31 + 90 days = 2019-10-30..2019-11-29. Bloomberg writes "The pact will expire Nov. 23",
which lies inside: `compatible`. A third source saying 2019-12-31 would `conflict`.

An age is rounded by news writers: Bloomberg's "the three-year-old framework" (2019-08-22) means an
age of 2.5 up to 3.5 years with `age_rounding: nearest`, so a signing between 2016-02-23 and
2017-02-22, which meets "signed in November 2016" (an age of about 2 years 9 months).

Times of day: two dates known to the day that both give a clock time are compared by their times,
each widened by its approximation word (`time_tolerance_minutes` either side for "about 3:40 a.m.",
`shortly_minutes` before or after for "shortly before 5 a.m." = 04:30..05:00, `exact_time_tolerance_minutes`
for a time written without one): "about 03:40" and "shortly before 05:00" on 2026-09-08 are 35 min
apart, a conflict. A time without a zone is local time; times in two zones are compared only when both
zones are fixed offsets from UTC (GMT, CET, EST, ...), else only their days are. A date with a time
against one without is compared by day, as any date.

Verdicts: the same date (or the same single day) `agree`; intervals that overlap are `compatible`
("2016" and "November 2016"); intervals apart by at most `tolerance_days` are `compatible`; any
other pair is a `conflict`.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Literal

from pydantic import Field

from factcheck.comparators.base import Comparator, Comparison, Context, Params as BaseParams, Verdict
from factcheck.model.partial_date import PartialDate
from factcheck.model.sourced import SourcedClaim
from factcheck.model.time_of_day import TimeOfDay
from factcheck.model.values import DateValue, DurationUnit, DurationValue

DAYS_PER_YEAR = 365.2425
DAYS_PER_MONTH = DAYS_PER_YEAR / 12
MINUTES_PER_UNIT = {
    DurationUnit.minute: 1.0, DurationUnit.hour: 60.0, DurationUnit.day: 1440.0, DurationUnit.week: 10080.0,
    DurationUnit.month: DAYS_PER_MONTH * 1440, DurationUnit.year: DAYS_PER_YEAR * 1440,
}


class Params(BaseParams):
    """Parameters of the `date` comparator."""

    tolerance_days: int = Field(
        default=0, ge=0, description="Intervals that are apart by at most this many days are compatible.")
    age_rounding: Literal["nearest", "floor"] = Field(
        default="nearest",
        description="How a stated age of N years is read: `nearest` = N-0.5 up to N+0.5 years (news "
                    "rounds), `floor` = N up to N+1 years.")
    age_properties: list[str] = Field(
        default_factory=lambda: ["age"], description="Duration properties that state an age, read with `age_rounding`.")
    time_tolerance_minutes: int = Field(
        default=15, ge=0, le=720,
        description='How far either side of a time "about", "around", "approximately" or "roughly" reaches.')
    exact_time_tolerance_minutes: int = Field(
        default=0, ge=0, le=720, description="How far either side of a time written without an approximation reaches.")
    shortly_minutes: int = Field(
        default=30, ge=0, le=720,
        description='How far "shortly before", "just before", "shortly after", "just after" or "soon after" reach.')


@dataclass(frozen=True)
class DateInterval:
    """The days a claim may stand for, with the arithmetic that gave them."""

    label: str  # the claim's value as written: `2016-11`, `90 days after publication (2019-08)`
    earliest: dt.date
    latest: dt.date
    derivation: str  # `2019-08-01 + 90 days .. 2019-08-31 + 90 days = 2019-10-30..2019-11-29`

    @property
    def span(self) -> str:
        return str(self.earliest) if self.earliest == self.latest else f"{self.earliest}..{self.latest}"

    def contains(self, day: dt.date) -> bool:
        return self.earliest <= day <= self.latest

    def as_facts(self) -> dict[str, str]:
        return {"label": self.label, "earliest": str(self.earliest), "latest": str(self.latest),
                "derivation": self.derivation}


def _number(amount: float) -> str:
    return str(int(amount)) if float(amount).is_integer() else f"{amount:g}"


def _units(amount: float, unit: DurationUnit) -> str:
    return f"{_number(amount)} {unit.value}{'' if amount == 1 else 's'}"


def add_months(day: dt.date, months: int) -> dt.date:
    """Calendar month arithmetic; the day is clamped to the end of a shorter month (Jan 31 + 1 month = Feb 28)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def shift(day: dt.date, amount: float, unit: DurationUnit, sign: int) -> dt.date:
    """`day` moved by `amount` units forward (sign 1) or back (sign -1); months and years by calendar,
    a fraction of a month as days (30.44 a month); minutes and hours to the nearest whole day, so a
    35-minute call is on the anchor's day itself."""
    try:
        if unit in (DurationUnit.minute, DurationUnit.hour, DurationUnit.day, DurationUnit.week):
            days = amount * MINUTES_PER_UNIT[unit] / MINUTES_PER_UNIT[DurationUnit.day]
            return day + dt.timedelta(days=sign * round(days))
        months = amount * (12 if unit is DurationUnit.year else 1)
        whole = int(months)
        moved = add_months(day, sign * whole)
        return moved + dt.timedelta(days=sign * round((months - whole) * DAYS_PER_MONTH))
    except (OverflowError, ValueError):  # past year 9999 or before year 1: as far as the calendar goes
        return dt.date.max if sign > 0 else dt.date.min


def _anchor(item: SourcedClaim, value: DurationValue) -> tuple[PartialDate, str]:
    if value.anchor == "published":
        return item.source.published, "publication"
    if value.anchor == "as_of":
        return item.as_of, "the as-of date"
    return value.anchor, "the date"


def _anchor_days(anchor: PartialDate) -> str:
    """`2019-08 = 2019-08-01..2019-08-31, so ` for an imprecise anchor; nothing for a day."""
    if anchor.first_day() == anchor.last_day():
        return ""
    return f"{anchor} = {anchor.first_day()}..{anchor.last_day()}, so "


def resolve_interval(claim: SourcedClaim, params: Params | None = None) -> DateInterval:
    """The interval of days a date or duration claim stands for, with its derivation written out."""
    params = params or Params()
    value = claim.claim.value
    if isinstance(value, DateValue):
        date = value.date
        first, last = date.first_day(), date.last_day()
        if first == last:
            return DateInterval(str(date), first, last, f"{date} is one day")
        return DateInterval(str(date), first, last, f"{date} = {first}..{last} ({date.precision.value} precision)")
    if not isinstance(value, DurationValue):
        raise TypeError(f"claim {claim.key} is a {claim.claim.kind} claim, not a date or a duration")
    anchor, name = _anchor(claim, value)
    label = f"{_units(value.amount, value.unit)} {value.direction} {name} ({anchor})"
    sign = 1 if value.direction == "after" else -1
    a1, a2 = anchor.first_day(), anchor.last_day()
    if claim.claim.property in params.age_properties:
        return _age_interval(value, label, anchor, sign, params)
    earliest = shift(a1, value.amount, value.unit, sign)
    latest = shift(a2, value.amount, value.unit, sign)
    step = f"{'+' if sign == 1 else '-'} {_units(value.amount, value.unit)}"
    if a1 == a2:
        derivation = f"{a1} {step} = {earliest}"
    else:
        derivation = f"{_anchor_days(anchor)}{a1} {step} .. {a2} {step} = {earliest}..{latest}"
    return DateInterval(label, earliest, latest, derivation)


def _age_interval(value: DurationValue, label: str, anchor: PartialDate, sign: int, params: Params) -> DateInterval:
    """An age of N stands for [N-0.5, N+0.5) (nearest) or [N, N+1) (floor) units; the end of the
    range that is not included moves its bound by one day."""
    n, unit = value.amount, value.unit
    low, high = (max(n - 0.5, 0.0), n + 0.5) if params.age_rounding == "nearest" else (n, n + 1)
    rounding = (f"rounded to the nearest {unit.value}" if params.age_rounding == "nearest"
                else f"counted in whole {unit.value}s")
    a1, a2 = anchor.first_day(), anchor.last_day()
    if sign == -1:  # the event was `age` before the anchor
        earliest = shift(a1, high, unit, -1) + dt.timedelta(days=1)
        latest = shift(a2, low, unit, -1)
        arithmetic = f"{a1} - {_units(high, unit)} + 1 day .. {a2} - {_units(low, unit)}"
    else:
        earliest = shift(a1, low, unit, 1)
        latest = shift(a2, high, unit, 1) - dt.timedelta(days=1)
        arithmetic = f"{a1} + {_units(low, unit)} .. {a2} + {_units(high, unit)} - 1 day"
    derivation = (f"an age of {_units(n, unit)} {rounding} is {_number(low)} up to (not including) "
                  f"{_units(high, unit)}; {_anchor_days(anchor)}{arithmetic} = {earliest}..{latest}")
    return DateInterval(label, earliest, latest, derivation)


def _elapsed(start: dt.date, end: dt.date) -> str:
    """Whole years and months from `start` to `end`: `2 years 9 months`."""
    months = (end.year - start.year) * 12 + end.month - start.month - (1 if end.day < start.day else 0)
    years, months = divmod(max(months, 0), 12)
    parts = [f"{years} year{'' if years == 1 else 's'}"] if years else []
    if months or not parts:
        parts.append(f"{months} month{'' if months == 1 else 's'}")
    return " ".join(parts)


def _computed_age(age: SourcedClaim, other: DateInterval) -> tuple[str, list[float]] | None:
    """How old the other claim's date makes the thing at the age claim's anchor."""
    value = age.claim.value
    assert isinstance(value, DurationValue)
    anchor, _ = _anchor(age, value)
    if value.direction != "before" or other.earliest > anchor.last_day():
        return None
    a1, a2 = anchor.first_day(), anchor.last_day()
    youngest, oldest = _elapsed(other.latest, a1), _elapsed(other.earliest, a2)
    years = [round(max((a1 - other.latest).days, 0) / DAYS_PER_YEAR, 2),
             round((a2 - other.earliest).days / DAYS_PER_YEAR, 2)]
    ages = youngest if youngest == oldest else f"{youngest} to {oldest}"
    return (f"{other.label} makes it {ages} old at {anchor} ({years[0]:g}..{years[1]:g} years, against the "
            f"stated {_units(value.amount, value.unit)})"), years


def _is_age(item: SourcedClaim, params: Params) -> bool:
    return item.claim.kind == "duration" and item.claim.property in params.age_properties


def compare_dates(a: SourcedClaim, b: SourcedClaim, params: Params, context: Context) -> Comparison | None:
    """Compare two date or duration claims through their intervals of possible days."""
    if a.claim.kind not in ("date", "duration") or b.claim.kind not in ("date", "duration"):
        return None
    first, second = resolve_interval(a, params), resolve_interval(b, params)
    facts: dict[str, object] = {"intervals": [first.as_facts(), second.as_facts()],
                                "tolerance_days": params.tolerance_days}
    notes = [f"{i.label}: {i.derivation}." for i, item in ((first, a), (second, b)) if item.claim.kind == "duration"]
    for age, other in ((a, second), (b, first)):
        if _is_age(age, params) and not _is_age(b if age is a else a, params):
            computed = _computed_age(age, other)
            if computed is not None:
                notes.append(computed[0] + ".")
                facts["computed_age_years"] = computed[1]
    timed = _compare_times(a, b, params, facts, notes)
    verdict, sentence = timed if timed is not None else _verdict(a, b, first, second, params, facts)
    return Comparison(verdict, " ".join([*notes, sentence]), facts=facts)


# Zones at a fixed offset from UTC, in minutes; others ("local time", "Kaldorian time", "ET") are names only.
_OFFSETS = {"GMT": 0, "UTC": 0, "WET": 0, "BST": 60, "CET": 60, "WEST": 60, "CEST": 120, "EET": 120, "EEST": 180,
            "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420, "MDT": -360, "PST": -480, "PDT": -420}


def _zone(time: TimeOfDay) -> str:
    return "local time" if time.zone is None else time.zone


def _window(value: DateValue, params: Params, offset: int) -> tuple[int, int]:
    """The minutes (counted from 0001-01-01, in the zone moved by `offset`) the date and time may stand for."""
    time = value.time
    assert time is not None
    at = value.date.first_day().toordinal() * 1440 + time.minutes - offset
    side = time.approximation.side if time.approximation else None
    if side == "before":
        return at - params.shortly_minutes, at
    if side == "after":
        return at, at + params.shortly_minutes
    reach = params.time_tolerance_minutes if side == "around" else params.exact_time_tolerance_minutes
    return at - reach, at + reach


def _clock(minutes: int) -> str:
    return f"{minutes % 1440 // 60:02d}:{minutes % 60:02d}"


def _apart(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    return " ".join([*([f"{hours} h"] if hours else []), *([f"{rest} min"] if rest or not hours else [])])


def _compare_times(a: SourcedClaim, b: SourcedClaim, params: Params, facts: dict[str, object],
                   notes: list[str]) -> tuple[Verdict, str] | None:
    """Two dates known to the day, each with a time: compared by their windows of minutes. None when
    either has no time, or their zones cannot be brought to one clock (then the days decide)."""
    first, second = a.claim.value, b.claim.value
    if not (isinstance(first, DateValue) and isinstance(second, DateValue) and first.time and second.time
            and first.date.day is not None and second.date.day is not None):
        return None
    zones = (_zone(first.time), _zone(second.time))
    if zones[0] == zones[1]:
        offsets = (0, 0)
    elif all(zone in _OFFSETS for zone in zones):
        offsets = (_OFFSETS[zones[0]], _OFFSETS[zones[1]])
    else:
        notes.append(f"The times are in different zones ({zones[0]}, {zones[1]}): only the days are compared.")
        return None
    windows = [_window(first, params, offsets[0]), _window(second, params, offsets[1])]
    shown = [f"{v.date} {v.time}" + (f" ({_clock(w[0])}..{_clock(w[1])})" if w[0] != w[1] else "")
             for v, w in ((first, windows[0]), (second, windows[1]))]
    facts["time_windows"] = [[_clock(w[0]), _clock(w[1])] for w in windows]
    facts["time_tolerance_minutes"] = params.time_tolerance_minutes
    if first.date == second.date and first.time.minutes == second.time.minutes and zones[0] == zones[1]:
        return Verdict.agree, f"{shown[0]} and {shown[1]} are the same time: agree."
    start, end = max(windows[0][0], windows[1][0]), min(windows[0][1], windows[1][1])
    if start <= end:
        return Verdict.compatible, f"{shown[0]} and {shown[1]} overlap ({_clock(start)}..{_clock(end)}): compatible."
    gap = start - end
    facts["gap_minutes"] = gap
    return Verdict.conflict, f"{shown[0]} and {shown[1]} are {_apart(gap)} apart: conflict."


def _verdict(a: SourcedClaim, b: SourcedClaim, first: DateInterval, second: DateInterval, params: Params,
             facts: dict[str, object]) -> tuple[Verdict, str]:
    one_day = first.earliest == first.latest == second.earliest == second.latest
    same_date = (isinstance(a.claim.value, DateValue) and isinstance(b.claim.value, DateValue)
                 and a.claim.value.date == b.claim.value.date)
    shown = [f"{i.label} ({i.span})" if i.label != i.span else i.label for i in (first, second)]
    if one_day or same_date:
        return Verdict.agree, f"{shown[0]} and {shown[1]} are the same date: agree."
    start, end = max(first.earliest, second.earliest), min(first.latest, second.latest)
    if start <= end:
        facts["overlap"] = {"earliest": str(start), "latest": str(end)}
        span = str(start) if start == end else f"{start}..{end}"
        if first.earliest <= second.earliest and second.latest <= first.latest:
            how = f"{shown[0]} contains {shown[1]}"
        elif second.earliest <= first.earliest and first.latest <= second.latest:
            how = f"{shown[1]} contains {shown[0]}"
        else:
            how = f"{shown[0]} and {shown[1]} overlap on {span}"
        return Verdict.compatible, f"{how}: compatible at the precision given."
    earlier, later = (first, second) if first.latest < second.earliest else (second, first)
    gap = (later.earliest - earlier.latest).days
    facts["gap_days"] = gap
    apart = f"{gap} day{'' if gap == 1 else 's'} apart"
    if gap <= params.tolerance_days:
        return Verdict.compatible, (f"{shown[0]} and {shown[1]} do not overlap but are {apart}, within the "
                                    f"tolerance of {params.tolerance_days} days: compatible.")
    return Verdict.conflict, f"{shown[0]} and {shown[1]} do not overlap: {apart}: conflict."


COMPARATOR = Comparator(
    name="date",
    params=Params,
    compare=compare_dates,
    summary="Dates and durations as intervals of possible days: overlap is compatible, apart is a conflict.",
)

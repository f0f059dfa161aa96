"""How long an event lasted: do the lengths two sources give meet?

"the 35-minute call", "talks that ran for 90 minutes", "a day-long summit" (1 day), "days-long talks"
(2 days, `at least`). Each length is an interval of minutes. An approximation word widens it as the
`quantity` comparator widens an amount (`quantity_range`): "about two hours" is 108..132 minutes with
`approximation_width: 0.1`, "nearly an hour" 54..60 minutes. A word that bounds one side only ("at
least", "more than", "over"; "less than", "under", "up to", "at most") leaves the other side open,
as lengths are: "days-long" is 2 days or more (with `open_ended: false` such words reach only
`approximation_width`, as they do for amounts).

Verdicts: two lengths given only as a minimum conflict when one minimum is more than `bound_ratio`
times the other ("at least three weeks" against "at least three months": both open intervals meet,
but the sources disagree on what they say); the same interval (`90 minutes`, `1.5 hours`) agrees; intervals that overlap are
`compatible` ("about two hours = 108..132 minutes contains 2 hours"); intervals apart by at most
`relative_tolerance` of the longer stated length are `compatible`; any other pair is a `conflict`:
"35 minutes vs 50 minutes: differ by 15 minutes (30%), over the 0% tolerance".
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from pydantic import Field

from factcheck.comparators.base import Comparator, Comparison, Context, Params as BaseParams, Verdict
from factcheck.comparators.date import MINUTES_PER_UNIT
from factcheck.comparators.quantity import number, quantity_range
from factcheck.model.sourced import SourcedClaim
from factcheck.model.values import DurationUnit, DurationValue, QuantityValue

_SHOWN_IN = (DurationUnit.week, DurationUnit.day, DurationUnit.hour, DurationUnit.minute)


class Params(BaseParams):
    """Parameters of the `length` comparator."""

    relative_tolerance: float = Field(
        default=0.0, ge=0, description="Lengths apart by at most this fraction of the longer one are compatible.")
    approximation_width: float = Field(
        default=0.1, ge=0, lt=1, description='How far "about", "nearly" reach: "about two hours" = 108..132 minutes.')
    open_ended: bool = Field(
        default=True, description='"at least", "more than", "under", ... leave a length open on their side.')
    bound_ratio: float = Field(
        default=1.5, gt=1, description='Two lengths both given only as a minimum ("at least three weeks", "at least '
                                       'three months") conflict when one minimum is more than this many times the '
                                       'other: the sources disagree on the least they say.')


@dataclass(frozen=True)
class Length:
    """The minutes a stated length may stand for."""

    label: str  # `about 2 hours`
    low: float
    high: float  # math.inf: open upwards
    stated: float  # the amount as stated, in minutes
    unit: DurationUnit
    hedge: str | None = None


def _label(value: DurationValue) -> str:
    words = f"{number(value.amount)} {value.unit.value}{'' if value.amount == 1 else 's'}"
    return f"{value.approximation.value} {words}" if value.approximation else words


def length_of(value: DurationValue, params: Params) -> Length:
    """The interval a stated length stands for, in minutes."""
    minutes = value.amount * MINUTES_PER_UNIT[value.unit]
    spread = quantity_range(QuantityValue(amount=minutes, unit="minute", approximation=value.approximation),
                            params.approximation_width, params.open_ended, by_digits=False)  # minutes are not as written
    shortest, longest = _CALENDAR.get(value.unit, (1.0, 1.0))  # "a month" is 28 to 31 days, "30 days" one of them
    return Length(_label(value), spread.low * shortest, spread.high * longest, minutes, value.unit, spread.hedge)


# Calendar units are not one length: a month runs 28 to 31 days, a year 365 or 366 (as factors of the mean).
_CALENDAR = {DurationUnit.month: (28 / 30.436875, 31 / 30.436875), DurationUnit.year: (365 / 365.2425, 366 / 365.2425)}


def _unit_for(lengths: tuple[Length, ...], *amounts: float) -> DurationUnit:
    """The largest unit, no larger than the smaller stated unit, in which every figure is whole."""
    smallest = min((item.unit for item in lengths), key=MINUTES_PER_UNIT.__getitem__)
    candidates = [smallest] + [u for u in _SHOWN_IN if MINUTES_PER_UNIT[u] < MINUTES_PER_UNIT[smallest]]
    for unit in candidates:
        if all(abs(a / MINUTES_PER_UNIT[unit] - round(a / MINUTES_PER_UNIT[unit])) < 1e-6 for a in amounts):
            return unit
    return smallest


def _in(minutes: float, unit: DurationUnit) -> str:
    amount = round(minutes / MINUTES_PER_UNIT[unit], 2)
    return f"{number(amount)} {unit.value}{'' if amount == 1 else 's'}"


def _shown(item: Length, unit: DurationUnit) -> str:
    """`about 2 hours = 108..132 minutes`, `at least 2 days = 2 days or more`, or the label alone."""
    if item.low == item.high:
        return item.label
    if item.high == math.inf:
        return f"{item.label} = {_in(item.low, unit)} or more"
    if item.low == 0:
        return f"{item.label} = {_in(item.high, unit)} or less"
    return f"{item.label} = {number(round(item.low / MINUTES_PER_UNIT[unit], 2))}..{_in(item.high, unit)}"


def compare_lengths(a: SourcedClaim, b: SourcedClaim, params: Params, context: Context) -> Comparison | None:
    """Compare two stated lengths of one event as intervals of minutes."""
    va, vb = a.claim.value, b.claim.value
    if not isinstance(va, DurationValue) or not isinstance(vb, DurationValue):
        return None
    first, second = length_of(va, params), length_of(vb, params)
    longer = max(first.stated, second.stated)
    tolerance = params.relative_tolerance * longer
    gap = max(first.low, second.low) - min(first.high, second.high)
    finite = [x for item in (first, second) for x in (item.low, item.high, item.stated) if x != math.inf]
    unit = _unit_for((first, second), *finite, max(gap, 0.0))
    shown = [_shown(item, unit) for item in (first, second)]
    facts = {"unit": unit.value, "gap_minutes": max(gap, 0.0), "tolerance_minutes": tolerance,
             "intervals": [{"label": item.label, "low_minutes": item.low,
                            "high_minutes": None if item.high == math.inf else item.high} for item in (first, second)]}
    hedges = [f"{item.label}: '{item.hedge}' attributes the length rather than approximating it, so it is not "
              f"widened." for item in (first, second) if item.hedge]
    slack = 1e-9 * max(1.0, longer)
    apart = _bounds_apart(first, second, params.bound_ratio)
    if apart is not None:
        facts["bound_ratio"] = apart
        verdict, sentence = Verdict.conflict, (
            f"{shown[0]} and {shown[1]} both give only a minimum, and one is {apart:.1f} times the other (over "
            f"{number(params.bound_ratio)}): they disagree on the least they state: conflict.")
    elif (first.low, first.high) == (second.low, second.high):
        verdict, sentence = Verdict.agree, f"{shown[0]} and {shown[1]} are the same length: agree."
    elif gap <= slack:
        verdict, sentence = Verdict.compatible, _overlap(first, second, shown, unit)
    else:
        share = gap / longer
        facts["relative_difference"] = share
        within = gap <= tolerance + slack
        verdict = Verdict.compatible if within else Verdict.conflict
        sentence = (f"{shown[0]} vs {shown[1]}: differ by {_in(gap, unit)} ({share:.0%}), "
                    f"{'within' if within else 'over'} the {params.relative_tolerance:.0%} tolerance: {verdict.value}.")
    return Comparison(verdict, " ".join([*hedges, sentence]), facts=facts)


def _bounds_apart(first: Length, second: Length, ratio: float) -> float | None:
    """How many times one lower bound is the other, when both lengths are given only as a minimum and
    that is more than `ratio`; else None. "at least three weeks" and "at least three months" overlap as
    intervals, yet the two sources say different things."""
    if not first.high == second.high == math.inf:
        return None
    low, high = sorted((first.low, second.low))
    return high / low if low > 0 and high / low > ratio else None


def _overlap(first: Length, second: Length, shown: list[str], unit: DurationUnit) -> str:
    for outer, inner, outer_shown, inner_shown in ((first, second, *shown), (second, first, *reversed(shown))):
        if outer.low <= inner.low and inner.high <= outer.high:
            return f"{outer_shown} contains {inner_shown}: compatible."
    low, high = max(first.low, second.low), min(first.high, second.high)
    span = f"{number(round(low / MINUTES_PER_UNIT[unit], 2))}..{_in(high, unit)}"
    return f"{shown[0]} and {shown[1]} overlap on {span}: compatible."


COMPARATOR = Comparator(
    name="length",
    params=Params,
    compare=compare_lengths,
    summary="How long an event lasted: lengths as intervals of minutes, widened by approximation words.",
)

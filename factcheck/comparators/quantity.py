"""Amounts for the same fact: do the ranges the two figures stand for meet?

A figure with an approximation word stands for a range, on the side the word points to: The
Diplomat's "those numbers have risen to nearly 55 percent" is 49.5..55 percent with
`approximation_width: 0.1`, so another source's 54 percent is `compatible` and 56 percent a
`conflict`. "about 55" is 55 ± 10%. One-sided words leave the figure open on their side
(`open_ended`): "at least 9 people" is 9 or more, so a later "at least 17" does not contradict it;
"less than 5 percent" is 0 up to 5. A hedge ("reportedly $5 billion") does not widen the figure;
the explanation mentions it.

Units must be the same after normalisation ("55%", "55 per cent" and "55 percent" are all
`percent`; "$", "US$" and "dollars" are `USD`). Figures in different units are not compared (no
exchange rates): the comparator returns no comparison. One exception: sums of one currency over two
periods of time ("2,000 dorins a day", "2,000 dorins a week": `dorin/day`, `dorin/week`) are compared
per one period, and the explanation shows the conversion.

A big figure told with fewer digits is the other rounded (`rounded_from`, 1 million): news copy gives a
bank's "4,212 million" as "4.2 billion", which stands for 4.15..4.25 billion, so the two are `compatible`.
Only for figures of two digits or more ("20 million" and "22 million" still conflict), and only when the
other figure has more digits; smaller figures drop their trailing zeros ("3.00 dalen") and are taken as written,
unless written to a fraction: "4.2 tonnes" is 4,218 kilograms rounded as "4.2 billion" is 4,212 million.

Verdicts: the same figure with the same qualifier `agree`; ranges that overlap, or are apart by at
most the tolerance (`absolute_tolerance`, or `relative_tolerance` times the larger figure), are
`compatible`; anything else is a `conflict`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from pydantic import Field

from factcheck.comparators.base import Comparator, Comparison, Context, Params as BaseParams, Verdict
from factcheck.model.numbers import last_digit_place, significant_digits
from factcheck.model.sourced import SourcedClaim
from factcheck.model.values import Approximation, QuantityValue

UNIT_ALIASES: dict[str, str] = {
    "%": "percent", "percent": "percent", "per cent": "percent", "pct": "percent", "percentage": "percent",
    "percentage point": "percentage_point", "percentage points": "percentage_point", "pp": "percentage_point",
    "$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD", "us dollar": "USD",
    "us dollars": "USD", "u.s. dollar": "USD", "u.s. dollars": "USD",
    "¥": "JPY", "jpy": "JPY", "yen": "JPY", "₩": "KRW", "krw": "KRW", "won": "KRW",
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "£": "GBP", "gbp": "GBP", "pound": "GBP",
    "pounds": "GBP", "cny": "CNY", "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY",
    # energy, as a price is per it: "48.50 euros per megawatt-hour" and "48.50 euros per MWh" are one price
    "mwh": "MWh", "megawatt-hour": "MWh", "megawatt hour": "MWh", "megawatt-hours": "MWh", "megawatt hours": "MWh",
    "kwh": "kWh", "kilowatt-hour": "kWh", "kilowatt hour": "kWh", "kilowatt-hours": "kWh", "kilowatt hours": "kWh",
}
CURRENCIES = frozenset({"USD", "JPY", "KRW", "EUR", "GBP", "CNY"})


class Params(BaseParams):
    """Parameters of the `quantity` comparator."""

    relative_tolerance: float = Field(
        default=0.0, ge=0, description="Ranges apart by at most this fraction of the larger figure are compatible.")
    absolute_tolerance: float = Field(
        default=0.0, ge=0, description="Ranges apart by at most this amount (in the unit) are compatible.")
    approximation_width: float = Field(
        default=0.1, ge=0, lt=1,
        description='How far an approximation word reaches, as a fraction: "nearly 55" = 49.5..55 at 0.1.')
    open_ended: bool = Field(
        default=True, description='"at least", "more than", "under", ... leave a figure open on their side '
                                  '(false: they reach only `approximation_width`).')
    rounded_from: float = Field(
        default=1_000_000, ge=0,
        description='Unqualified figures of this size or more are read as rounded to their last written digit when '
                    'the other figure has more digits: "4.2 billion" for "4.21bn" (0: never).')


ONE_SIDED = frozenset({Approximation.at_least, Approximation.more_than, Approximation.over, Approximation.less_than,
                       Approximation.under, Approximation.at_most, Approximation.up_to})


def normalize_unit(unit: str) -> str:
    """The canonical form of a unit: an alias from the table, a rate `A/B` unit by unit, or a counted
    noun in the singular (`instances` -> `instance`)."""
    text = " ".join(unit.strip().split())
    if "/" in text or " per " in text.casefold():
        parts = text.replace(" per ", "/").replace(" Per ", "/").split("/")
        return "/".join(normalize_unit(part) for part in parts)
    key = text.casefold()
    if key in UNIT_ALIASES:
        return UNIT_ALIASES[key]
    if text.isupper():
        return text  # a code such as USD, or an abbreviation we do not know
    if key.endswith("ies") and len(key) > 4:
        return key[:-3] + "y"
    if key.endswith("s") and not key.endswith("ss") and len(key) > 3:
        return key[:-1]
    return key


@dataclass(frozen=True)
class QuantityRange:
    """The amounts a figure may stand for."""

    label: str  # `nearly 55 percent`
    low: float
    high: float
    unit: str
    hedge: str | None = None  # `reportedly`: attributed, not measured


def number(amount: float) -> str:
    """A figure as people write it: `5,000,000,000`, `49.5`; to 12 significant digits, so that a
    difference of two sums (68.2 billion less 68.1 billion) shows no binary floating-point residue."""
    rounded = round(float(f"{amount:.12g}"), 9)
    if float(rounded).is_integer():
        return f"{int(rounded):,}"
    return f"{rounded:,.9f}".rstrip("0").rstrip(".")


def _written_precision(amount: float) -> float:
    """How far an approximation of a figure written with three or more significant digits reaches: five
    units of its last digit ("about 20.5 billion" is 20.0..21.0 billion, not 18.45..22.55), since whoever
    wrote it to a tenth of a billion was rounding no further than that. Shorter figures ("about 600",
    "nearly 55") reach `approximation_width`."""
    if amount == 0 or len(significant_digits(amount)) < 3:
        return math.inf
    return 5 * last_digit_place(amount)


def quantity_range(value: QuantityValue, width: float, open_ended: bool = False, *,
                   by_digits: bool = True) -> QuantityRange:
    """The range a figure stands for: `nearly 55` is 55*(1-width)..55, `about 55` 55*(1±width);
    with `open_ended`, `at least 9` is 9..infinity and `under 5` 0..5 (-infinity..5 below zero); `by_digits`
    (for a figure as written, not one converted to other units) narrows it to the figure's last digit."""
    unit = normalize_unit(value.unit)
    amount = value.amount
    qualifier = value.approximation
    label = f"{qualifier.value + ' ' if qualifier else ''}{number(amount)} {unit}"
    reach = min(abs(amount) * width, _written_precision(amount) if by_digits else math.inf)
    side = qualifier.side if qualifier else None
    if open_ended and qualifier in ONE_SIDED:
        if side == "above":
            return QuantityRange(label, amount, math.inf, unit)
        return QuantityRange(label, 0.0 if amount >= 0 else -math.inf, amount, unit)
    if side == "below":
        return QuantityRange(label, amount - reach, amount, unit)
    if side == "above":
        return QuantityRange(label, amount, amount + reach, unit)
    if side == "around":
        return QuantityRange(label, amount - reach, amount + reach, unit)
    return QuantityRange(label, amount, amount, unit, qualifier.value if side == "hedge" and qualifier else None)


def _rounded(va: QuantityValue, vb: QuantityValue, least: float) -> str | None:
    """Why one unqualified figure is the other rounded to its own last digit ("4.2 billion" is 4.15 to
    4.25 billion, and 4.21 billion lies within), or None. Big figures are told rounded in news copy; a
    figure with as many digits as the other, or one that misses by a unit of its last digit, is not."""
    if not least or va.approximation is not None or vb.approximation is not None:
        return None
    short, full = sorted((va, vb), key=lambda value: len(significant_digits(value.amount)))
    shown = len(significant_digits(short.amount))
    written_to_a_fraction = not float(short.amount).is_integer()  # "4.2 tonnes" for 4,218 kilograms
    if abs(short.amount) < least and not written_to_a_fraction:
        return None
    if not 2 <= shown < len(significant_digits(full.amount)):
        return None
    half = last_digit_place(short.amount) / 2
    if abs(full.amount - short.amount) >= half:
        return None
    unit = normalize_unit(short.unit)
    return (f"{number(short.amount)} {unit} is {number(full.amount)} {unit} rounded to its last digit "
            f"(within {number(half)} {unit}): compatible.")


def _shown(item: QuantityRange) -> str:
    if item.low == item.high:
        return item.label
    if item.high == math.inf:
        return f"{item.label} = {number(item.low)} {item.unit} or more"
    return f"{item.label} = {number(item.low) if item.low != -math.inf else 'anything'}..{number(item.high)} {item.unit}"


def compare_quantities(a: SourcedClaim, b: SourcedClaim, params: Params, context: Context) -> Comparison | None:
    """Compare two figures in the same unit through the ranges their qualifiers give them."""
    va, vb = a.claim.value, b.claim.value
    if not isinstance(va, QuantityValue) or not isinstance(vb, QuantityValue):
        return None
    first = quantity_range(va, params.approximation_width, params.open_ended)
    second = quantity_range(vb, params.approximation_width, params.open_ended)
    notes: list[str] = []
    if first.unit != second.unit:
        converted = _in_period_of(vb, first.unit)
        if converted is None:
            return None  # different units (or currencies: no exchange rates) are different facts
        notes.append(f"{number(vb.amount)} {second.unit} is {number(round(converted.amount, 2))} {first.unit}")
        vb, second = converted, quantity_range(converted, params.approximation_width, params.open_ended)
    tolerance = max(params.absolute_tolerance,
                    params.relative_tolerance * max(abs(va.amount), abs(vb.amount)))
    gap = max(first.low, second.low) - min(first.high, second.high)
    slack = 1e-9 * max(1.0, abs(va.amount), abs(vb.amount))  # float rounding in 55 * (1 - 0.1)
    facts = {
        "unit": first.unit, "tolerance": tolerance, "gap": max(gap, 0.0),
        "ranges": [{"label": r.label, "low": _finite(r.low), "high": _finite(r.high)} for r in (first, second)],
    }
    hedges = [f"{r.label}: '{r.hedge}' attributes the figure rather than approximating it, so it is not widened"
              for r in (first, second) if r.hedge]
    same = (first.low, first.high) == (second.low, second.high)
    rounded = None if same or notes else _rounded(va, vb, params.rounded_from)
    if rounded is not None:
        verdict, sentence = Verdict.compatible, rounded
    elif same:
        what = "figure" if first.low == first.high else "range"
        verdict, sentence = Verdict.agree, f"{_shown(first)} and {_shown(second)} are the same {what}: agree."
    elif gap <= slack:
        verdict, sentence = Verdict.compatible, _overlap_sentence(first, second)
    elif gap <= tolerance + slack:
        verdict = Verdict.compatible
        sentence = (f"{_shown(first)} and {_shown(second)} are {number(gap)} {first.unit} apart, within the "
                    f"tolerance of {number(tolerance)} {first.unit}: compatible.")
    else:
        verdict = Verdict.conflict
        beyond = f", beyond the tolerance of {number(tolerance)} {first.unit}" if tolerance else ""
        sentence = f"{_outside_sentence(first, second, gap)}{beyond}: conflict."
    return Comparison(verdict, " ".join([*[n + "." for n in (*notes, *hedges)], sentence]), facts=facts)


_DAYS = {"hour": 1 / 24, "day": 1.0, "week": 7.0, "month": 365.25 / 12, "year": 365.25}  # a period, in days


def _in_period_of(value: QuantityValue, unit: str) -> QuantityValue | None:
    """`value`, a sum per period ("2,000 dorins a week"), per the period of `unit` ("dorin/day"): a cap of
    2,000 a day and one of 2,000 a week are the same sum over different periods, and disagree. None when
    the two are not one currency over two periods of time."""
    have, want = normalize_unit(value.unit).split("/"), unit.split("/")
    if len(have) != 2 or len(want) != 2 or have[0] != want[0] or have[1] not in _DAYS or want[1] not in _DAYS:
        return None
    return value.model_copy(update={"amount": value.amount * _DAYS[want[1]] / _DAYS[have[1]], "unit": unit})


def _finite(bound: float) -> float | None:
    """JSON has no infinity: an open side is null."""
    return bound if math.isfinite(bound) else None


def _overlap_sentence(first: QuantityRange, second: QuantityRange) -> str:
    for outer, inner in ((first, second), (second, first)):
        if outer.low <= inner.low and inner.high <= outer.high and outer.low != outer.high:
            if inner.low == inner.high:
                return f"{_shown(outer)}; {inner.label} lies within: compatible."
            return f"{_shown(outer)}; {_shown(inner)} lies within it: compatible."
    low, high = max(first.low, second.low), min(first.high, second.high)
    return f"{_shown(first)} and {_shown(second)} overlap on {number(low)}..{number(high)} {first.unit}: compatible."


def _outside_sentence(first: QuantityRange, second: QuantityRange, gap: float) -> str:
    lower, upper = (first, second) if first.high < second.low else (second, first)
    if upper.low == upper.high and lower.low != lower.high:
        return f"{_shown(lower)}; {upper.label} lies outside it, {number(gap)} {lower.unit} above"
    if lower.low == lower.high and upper.low != upper.high:
        return f"{_shown(upper)}; {lower.label} lies outside it, {number(gap)} {upper.unit} below"
    return f"{_shown(first)} and {_shown(second)} differ by {number(gap)} {first.unit}"


COMPARATOR = Comparator(
    name="quantity",
    params=Params,
    compare=compare_quantities,
    summary="Figures in one unit, widened by their approximation words: overlap is compatible.",
)

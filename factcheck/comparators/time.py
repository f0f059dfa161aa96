"""Time-varying properties: values true at different dates are not a conflict.

A rule that declares a property time-varying (an office, a running count) has the engine pass every
comparison through `apply_time_varying`. Bloomberg: "there had been 26 instances of
intelligence-sharing with Japan since the agreement was signed" (as of Aug. 5, 2019); a later source
giving 30 as of 2019-11-01 is not contradicting it: "values at different dates: 26 instance as of
2019-08-05, 30 instance as of 2019-11-01", compatible. A running count is `monotonic: increasing`,
so a later count of 20 is still a conflict. When the two as-of dates overlap (the same moment at the
precision given), the comparison stands.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from factcheck.comparators.base import Comparison, Verdict
from factcheck.model.describe import describe_value
from factcheck.model.sourced import SourcedClaim
from factcheck.model.values import QuantityValue

Monotonic = Literal["none", "increasing", "decreasing"]


def as_of_overlap(a: SourcedClaim, b: SourcedClaim) -> bool:
    """Whether the two claims may be true at the same moment (their as-of dates, as intervals, meet)."""
    first, second = a.as_of, b.as_of
    return first.first_day() <= second.last_day() and second.first_day() <= first.last_day()


def apply_time_varying(a: SourcedClaim, b: SourcedClaim, comparison: Comparison,
                       monotonic: Monotonic = "none") -> Comparison:
    """Turn a conflict between values at different dates into `compatible`, unless a monotonic
    quantity went the wrong way between them."""
    if as_of_overlap(a, b) or comparison.verdict is not Verdict.conflict:
        return comparison
    earlier, later = (a, b) if a.as_of.last_day() < b.as_of.first_day() else (b, a)
    values = (f"values at different dates: {describe_value(earlier.claim)} as of {earlier.as_of}, "
              f"{describe_value(later.claim)} as of {later.as_of}")
    facts = {**comparison.facts, "as_of": [str(earlier.as_of), str(later.as_of)], "monotonic": monotonic,
             "verdict_before_time": comparison.verdict.value}
    wrong_way = _wrong_way(earlier, later, monotonic)
    if wrong_way:
        return replace(comparison, explanation=f"{comparison.explanation} The {values}; {wrong_way}: conflict.",
                       facts=facts)
    return replace(comparison, verdict=Verdict.compatible, facts=facts,
                   explanation=f"{comparison.explanation} But these are {values}: compatible for a value that "
                               f"changes over time.")


def _wrong_way(earlier: SourcedClaim, later: SourcedClaim, monotonic: Monotonic) -> str | None:
    """Why the change breaks the rule's monotonic direction, or None when it does not."""
    first, second = earlier.claim.value, later.claim.value
    if monotonic == "none" or not isinstance(first, QuantityValue) or not isinstance(second, QuantityValue):
        return None
    if monotonic == "increasing" and second.amount < first.amount:
        return f"the value can only grow, but the later value is smaller ({second.amount:g} < {first.amount:g})"
    if monotonic == "decreasing" and second.amount > first.amount:
        return f"the value can only shrink, but the later value is larger ({second.amount:g} > {first.amount:g})"
    return None

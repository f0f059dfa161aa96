"""The length comparator: how long an event lasted, as intervals of minutes widened by approximation words."""

from __future__ import annotations

import math
from typing import Any

from hypothesis import given, strategies as st

from factcheck.comparators.base import Comparison, Context, Verdict
from factcheck.comparators.length import Params, compare_lengths, length_of
from factcheck.model import DurationValue
from factcheck.model.sourced import SourcedClaim

from .comparator_claims import compare_both_ways, make_claim

CONTEXT = Context()


def lasted(amount: float, unit: str, approximation: str | None = None, *, source: str = "a-2019-08-22",
           evidence: str = "(test)") -> SourcedClaim:
    value: dict[str, Any] = {"amount": amount, "unit": unit, "approximation": approximation}
    return make_claim("duration", value, source=source, subject="moon-abe-call", property="lasted",
                      evidence=evidence)


def compare(a: SourcedClaim, b: SourcedClaim, params: Params | None = None) -> Comparison:
    result = compare_both_ways(compare_lengths, a, b, params or Params())
    assert result is not None
    return result


# Written for tests: the lengths news reports give calls, talks and summits.
CALL_35 = lasted(35, "minute", evidence="the 35-minute call")
CALL_50 = lasted(50, "minute", source="b-2019-08-22", evidence="a call that lasted 50 minutes")
DAY_LONG = lasted(1, "day", evidence="a day-long summit")
DAYS_LONG = lasted(2, "day", "at least", source="b-2019-08-23", evidence="days-long talks")


def test_35_minutes_conflicts_with_50_minutes() -> None:
    result = compare(CALL_35, CALL_50)
    assert result.verdict is Verdict.conflict
    assert result.explanation == ("35 minutes vs 50 minutes: differ by 15 minutes (30%), over the 0% tolerance: "
                                  "conflict.")
    assert result.facts["gap_minutes"] == 15 and result.facts["relative_difference"] == 0.3


def test_a_tolerance_makes_close_lengths_compatible() -> None:
    result = compare(CALL_35, CALL_50, Params(relative_tolerance=0.3))
    assert result.verdict is Verdict.compatible and "within the 30% tolerance" in result.explanation


def test_a_day_long_summit_conflicts_with_days_long_talks() -> None:
    result = compare(DAY_LONG, DAYS_LONG)
    assert result.verdict is Verdict.conflict
    assert "1 day vs at least 2 days = 2 days or more: differ by 1 day (50%)" in result.explanation
    assert result.facts["intervals"][1]["high_minutes"] is None  # open upwards
    assert compare(DAYS_LONG, lasted(3, "day", source="c")).verdict is Verdict.compatible  # 3 days is 2 or more


def test_two_minimums_far_apart_conflict() -> None:
    # written for tests: "closed for at least three weeks" against "will stay shut for at least three months"
    weeks, months = lasted(3, "week", "at least"), lasted(3, "month", "at least", source="b-2019-08-24")
    result = compare(weeks, months)
    assert result.verdict is Verdict.conflict and round(result.facts["bound_ratio"], 2) == 4.0  # 3 months: 84 days at the least
    assert "both give only a minimum" in result.explanation
    assert compare(DAYS_LONG, lasted(3, "day", "at least", source="c")).verdict is Verdict.compatible  # 1.5 times
    assert compare(weeks, months, Params(bound_ratio=5)).verdict is Verdict.compatible
    # written for tests: "will stay in place for at least 30 days" against "for at least 60 days": twice the minimum
    thirty, sixty = lasted(30, "day", "at least"), lasted(60, "day", "at least", source="b")
    assert compare(thirty, sixty).verdict is Verdict.conflict
    assert compare(thirty, lasted(40, "day", "at least", source="b")).verdict is Verdict.compatible  # 1.33 times


def test_a_month_is_28_to_31_days() -> None:
    # written for tests: "a 30-day state of emergency" and "runs for a month" are one length
    result = compare(lasted(30, "day"), lasted(1, "month", source="b"))
    assert result.verdict is Verdict.compatible and "contains 30 days" in result.explanation
    assert compare(lasted(1, "year"), lasted(365, "day", source="b")).verdict is Verdict.compatible
    assert compare(lasted(1, "month"), lasted(35, "day", source="b")).verdict is Verdict.conflict


def test_about_two_hours_contains_two_hours() -> None:
    result = compare(lasted(2, "hour", "about"), lasted(2, "hour", source="b"))
    assert result.verdict is Verdict.compatible
    assert result.explanation == "about 2 hours = 108..132 minutes contains 2 hours: compatible."
    assert compare(lasted(2, "hour", "about"), lasted(140, "minute", source="b")).verdict is Verdict.conflict


def test_the_same_length_in_other_units_agrees() -> None:
    # "talks that ran for 90 minutes" and "the hour-and-a-half meeting" (written for tests)
    result = compare(lasted(90, "minute"), lasted(1.5, "hour", source="b"))
    assert result.verdict is Verdict.agree and "90 minutes and 1.5 hours are the same length" in result.explanation


def test_one_sided_words_are_open_unless_bounded() -> None:
    under = length_of(DurationValue(amount=1, unit="hour", approximation="less than"), Params())
    assert (under.low, under.high) == (0.0, 60.0)
    nearly = length_of(DurationValue(amount=1, unit="hour", approximation="nearly"), Params())
    assert (nearly.low, nearly.high) == (54.0, 60.0)
    bounded = length_of(DurationValue(amount=2, unit="day", approximation="at least"), Params(open_ended=False))
    assert bounded.high == 3168.0 and math.isfinite(bounded.high)  # 2 days + 10%


def test_reportedly_is_not_widened() -> None:
    result = compare(lasted(35, "minute", "reportedly"), CALL_50)
    assert result.verdict is Verdict.conflict and "'reportedly' attributes the length" in result.explanation


def test_other_kinds_are_not_compared() -> None:
    figure = make_claim("quantity", {"amount": 35, "unit": "minute"})
    assert compare_lengths(CALL_35, figure, Params(), CONTEXT) is None


amounts = st.floats(min_value=0.5, max_value=500, allow_nan=False).map(lambda x: round(x, 1))
units = st.sampled_from(["minute", "hour", "day", "week", "month", "year"])
words = st.sampled_from([None, "about", "nearly", "at least", "more than", "under", "reportedly"])


@given(amounts, units, words, amounts, units, words)
def test_verdicts_are_symmetric(a1: float, u1: str, w1: str | None, a2: float, u2: str, w2: str | None) -> None:
    compare(lasted(a1, u1, w1), lasted(a2, u2, w2, source="b"))


@given(amounts, units, words)
def test_a_length_agrees_with_itself(amount: float, unit: str, word: str | None) -> None:
    assert compare(lasted(amount, unit, word), lasted(amount, unit, word, source="b")).verdict is Verdict.agree

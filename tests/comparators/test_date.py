"""The date comparator: intervals of possible days, durations through their anchors, ages rounded."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given, strategies as st

from factcheck.comparators.base import Comparison, Context, Verdict
from factcheck.comparators.date import Params, add_months, compare_dates, resolve_interval
from factcheck.model import PartialDate, Precision
from factcheck.model.sourced import SourcedClaim

from .comparator_claims import make_claim

CONTEXT = Context()


def date(text: str, **kwargs: Any) -> SourcedClaim:
    return make_claim("date", {"date": text}, **kwargs)


def compare(a: SourcedClaim, b: SourcedClaim, params: Params | None = None) -> Comparison:
    params = params or Params()
    result = compare_dates(a, b, params, CONTEXT)
    again = compare_dates(b, a, params, CONTEXT)
    assert result is not None and again is not None and result.verdict is again.verdict
    return result


# "GSOMIA itself does not expire for 90 days" (The Diplomat, published some day in August 2019)
NINETY_DAYS = make_claim("duration", {"amount": 90, "unit": "day", "anchor": "published", "direction": "after"},
                         source="diplomat-2019-08", published="2019-08",
                         evidence="GSOMIA itself does not expire for 90 days")
# "the three-year-old framework for exchanging classified military information" (Bloomberg, 2019-08-22)
THREE_YEAR_OLD = make_claim("duration", {"amount": 3, "unit": "year", "anchor": "published", "direction": "before"},
                            property="age", evidence="the three-year-old framework")
# "The General Security of Military Information Agreement ... was signed in November 2016"
SIGNED_NOVEMBER_2016 = date("2016-11", property="signed_on", source="bloomberg-2019-08-22")


def test_a_year_is_compatible_with_a_month_in_it() -> None:
    # The Diplomat: "Originally signed in 2016"; Bloomberg: "signed in November 2016".
    result = compare(date("2016", source="diplomat-2019-08"), SIGNED_NOVEMBER_2016)
    assert result.verdict is Verdict.compatible
    assert "2016 (2016-01-01..2016-12-31) contains 2016-11 (2016-11-01..2016-11-30)" in result.explanation


def test_a_month_conflicts_with_the_next_year() -> None:
    result = compare(SIGNED_NOVEMBER_2016, date("2017", source="other-source"))
    assert result.verdict is Verdict.conflict
    assert result.explanation == ("2016-11 (2016-11-01..2016-11-30) and 2017 (2017-01-01..2017-12-31) "
                                  "do not overlap: 32 days apart: conflict.")
    assert result.facts["gap_days"] == 32


def test_ninety_days_after_an_august_publication() -> None:
    interval = resolve_interval(NINETY_DAYS, Params())
    assert (interval.earliest, interval.latest) == (dt.date(2019, 10, 30), dt.date(2019, 11, 29))
    assert "2019-08-01 + 90 days .. 2019-08-31 + 90 days = 2019-10-30..2019-11-29" in interval.derivation


def test_ninety_days_is_compatible_with_nov_23() -> None:
    # Bloomberg: "The pact will expire Nov. 23 if not renewed."
    result = compare(NINETY_DAYS, date("2019-11-23"))
    assert result.verdict is Verdict.compatible
    first = result.facts["intervals"][0]
    assert (first["earliest"], first["latest"]) == ("2019-10-30", "2019-11-29")
    assert "2019-11-23" in result.explanation and "90 days" in result.explanation


def test_ninety_days_conflicts_with_new_year_eve() -> None:
    result = compare(NINETY_DAYS, date("2019-12-31", source="third-wire-2019-09-01"))
    assert result.verdict is Verdict.conflict
    assert {"earliest": "2019-10-30", "latest": "2019-11-29"}.items() <= result.facts["intervals"][0].items()
    assert "32 days apart" in result.explanation


def test_three_year_old_is_compatible_with_november_2016_when_rounded() -> None:
    result = compare(THREE_YEAR_OLD, SIGNED_NOVEMBER_2016)
    assert result.verdict is Verdict.compatible
    assert "2 years 9 months" in result.explanation
    assert "2016-02-23..2017-02-22" in result.explanation
    low, high = result.facts["computed_age_years"]
    assert 2.5 <= low <= high < 3.5


def test_three_year_old_conflicts_with_november_2016_when_ages_are_floored() -> None:
    result = compare(THREE_YEAR_OLD, SIGNED_NOVEMBER_2016, Params(age_rounding="floor"))
    assert result.verdict is Verdict.conflict
    assert "2015-08-23..2016-08-22" in result.explanation


def test_the_same_day_agrees_and_tolerance_bridges_a_gap() -> None:
    assert compare(date("2019-11-23"), date("2019-11-23", source="diplomat-2019-08")).verdict is Verdict.agree
    assert compare(date("2016"), date("2016", source="diplomat-2019-08")).verdict is Verdict.agree
    near = (date("2019-11-23"), date("2019-11-25", source="other-source"))
    assert compare(*near).verdict is Verdict.conflict
    tolerated = compare(*near, Params(tolerance_days=2))
    assert tolerated.verdict is Verdict.compatible and "within the tolerance of 2 days" in tolerated.explanation
    assert compare(*near, Params(tolerance_days=1)).verdict is Verdict.conflict


def test_anchors_as_of_and_explicit_dates_and_calendar_months() -> None:
    as_of = make_claim("duration", {"amount": 1, "unit": "month", "anchor": "as_of"}, as_of="2019-01-31")
    assert resolve_interval(as_of).earliest == dt.date(2019, 2, 28)  # clamped to the end of February
    explicit = make_claim("duration", {"amount": 2, "unit": "week", "anchor": "2019-08-05", "direction": "before"})
    assert resolve_interval(explicit).earliest == dt.date(2019, 7, 22)
    assert add_months(dt.date(2020, 2, 29), 12) == dt.date(2021, 2, 28)


def test_other_kinds_are_not_compared() -> None:
    quote = make_claim("quote", {"text": "strong concern and disappointment", "speaker": "us-dod"})
    assert compare_dates(quote, date("2016"), Params(), CONTEXT) is None


days = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
precisions = st.sampled_from(list(Precision))


def partial(day: dt.date, precision: Precision) -> str:
    return str(PartialDate.from_date(day).truncate(precision))


@given(days, precisions, days, precisions, st.integers(0, 40))
def test_verdicts_are_symmetric(d1: dt.date, p1: Precision, d2: dt.date, p2: Precision, tolerance: int) -> None:
    compare(date(partial(d1, p1)), date(partial(d2, p2), source="other-source"), Params(tolerance_days=tolerance))


@given(days, precisions, precisions)
def test_a_date_is_compatible_with_itself_at_lower_precision(day: dt.date, p1: Precision, p2: Precision) -> None:
    fine = PartialDate.from_date(day).truncate(p1)
    coarse = fine.truncate(p2)
    verdict = compare(date(str(fine)), date(str(coarse), source="other-source")).verdict
    assert verdict in (Verdict.agree, Verdict.compatible)


@given(days, precisions)
def test_an_interval_contains_its_own_date(day: dt.date, precision: Precision) -> None:
    value = PartialDate.from_date(day).truncate(precision)
    interval = resolve_interval(date(str(value)))
    assert interval.contains(value.first_day()) and interval.contains(value.last_day())
    assert interval.contains(day)


@given(st.integers(1, 400), st.sampled_from(["day", "week", "month", "year"]), days, precisions,
       st.sampled_from(["after", "before"]))
def test_a_duration_interval_contains_the_shift_of_every_anchor_day(amount: int, unit: str, anchor: dt.date,
                                                                    precision: Precision, direction: str) -> None:
    if unit == "year":
        amount = amount % 50 + 1
    published = PartialDate.from_date(anchor).truncate(precision)
    item = make_claim("duration", {"amount": amount, "unit": unit, "direction": direction}, published=str(published))
    interval = resolve_interval(item)
    exact = make_claim("duration", {"amount": amount, "unit": unit, "direction": direction},
                       published=str(published.first_day()))
    assert interval.contains(resolve_interval(exact).earliest)


def test_a_duration_beyond_the_calendar_is_clamped_not_a_crash() -> None:
    far = make_claim("duration", {"amount": 20000, "unit": "year"})
    assert resolve_interval(far).latest == dt.date.max


def test_minutes_and_hours_after_publication_are_the_publication_day() -> None:
    # "within 35 minutes of the announcement" (written for tests), anchored at Bloomberg's 2019-08-22.
    minutes = make_claim("duration", {"amount": 35, "unit": "minute", "anchor": "published", "direction": "after"})
    assert resolve_interval(minutes).span == "2019-08-22"
    assert compare(minutes, date("2019-08-22", source="other-source")).verdict is Verdict.agree
    hours = make_claim("duration", {"amount": 72, "unit": "hour", "anchor": "published", "direction": "after"})
    assert resolve_interval(hours).span == "2019-08-25"  # 72 hours is 3 days
    in_august = make_claim("duration", {"amount": 2, "unit": "hour", "anchor": "published", "direction": "before"},
                           source="diplomat-2019-08", published="2019-08")
    assert resolve_interval(in_august).span == "2019-08-01..2019-08-31"

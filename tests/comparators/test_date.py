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


# Times of day (values written for tests, after "The fire broke out at about 3:40 a.m. on Sept. 8" and
# "The system went down at 5:52 a.m. on Thursday").
def at(day: str, hour: int, minute: int = 0, approximation: str | None = None, zone: str | None = None,
       **kwargs: Any) -> SourcedClaim:
    time: dict[str, Any] = {"hour": hour, "minute": minute}
    if approximation:
        time["approximation"] = approximation
    if zone:
        time["zone"] = zone
    return make_claim("date", {"date": day, "time": time}, **kwargs)


def test_two_times_of_one_day_hours_apart_conflict_and_say_by_how_much():
    result = compare(at("2026-10-08", 3, 40), at("2026-10-08", 5, 52))
    assert result.verdict is Verdict.conflict
    assert "2026-10-08 03:40 and 2026-10-08 05:52 are 2 h 12 min apart: conflict." in result.explanation
    assert result.facts["gap_minutes"] == 132


def test_shortly_before_five_is_half_an_hour_before_it():
    fire = at("2026-09-08", 3, 40, "about")
    shortly = at("2026-09-08", 5, 0, "shortly before")
    result = compare(fire, shortly)
    assert result.verdict is Verdict.conflict
    assert "(04:30..05:00)" in result.explanation and "35 min apart" in result.explanation
    assert compare(at("2026-09-08", 4, 40), shortly).verdict is Verdict.compatible
    assert compare(at("2026-09-08", 5, 5), shortly).verdict is Verdict.conflict


def test_about_reaches_the_time_tolerance_and_an_exact_time_reaches_nothing():
    about = at("2026-09-08", 3, 40, "about")
    assert compare(about, at("2026-09-08", 3, 55)).verdict is Verdict.compatible
    assert compare(about, at("2026-09-08", 3, 56)).verdict is Verdict.conflict
    assert compare(about, at("2026-09-08", 3, 56), Params(time_tolerance_minutes=20)).verdict is Verdict.compatible
    assert compare(at("2026-09-08", 3, 40), at("2026-09-08", 3, 41)).verdict is Verdict.conflict
    assert compare(at("2026-09-08", 3, 40), at("2026-09-08", 3, 41),
                   Params(exact_time_tolerance_minutes=5)).verdict is Verdict.compatible
    assert compare(at("2026-09-08", 3, 40), at("2026-09-08", 3, 40, "about")).verdict is Verdict.agree


def test_a_time_against_a_day_alone_is_compared_by_day():
    assert compare(at("2026-09-08", 3, 40), date("2026-09-08")).verdict is Verdict.agree
    assert compare(at("2026-09-08", 3, 40), date("2026-09")).verdict is Verdict.compatible
    assert compare(at("2026-09-08", 3, 40), date("2026-09-09")).verdict is Verdict.conflict


def test_times_either_side_of_midnight_are_minutes_apart_not_a_day():
    result = compare(at("2026-09-08", 23, 50), at("2026-09-09", 0, 0, "about"))
    assert result.verdict is Verdict.compatible
    assert compare(at("2026-09-08", 23, 50), at("2026-09-09", 0, 30)).verdict is Verdict.conflict


def test_zones_fixed_offsets_convert_named_zones_leave_the_day():
    assert compare(at("2026-09-08", 4, 52, zone="GMT"), at("2026-09-08", 5, 52, zone="CET")).verdict is Verdict.compatible
    assert compare(at("2026-09-08", 4, 52, zone="local time"), at("2026-09-08", 5, 52)).verdict is Verdict.conflict
    named = compare(at("2026-09-08", 3, 15, "around", zone="Kaldorian time"), at("2026-09-08", 2, 15, "about"))
    assert named.verdict is Verdict.agree
    assert "different zones (Kaldorian time, local time): only the days are compared" in named.explanation


@given(st.integers(0, 23), st.integers(0, 59), st.integers(0, 23), st.integers(0, 59),
       st.sampled_from([None, "about", "shortly before", "just after"]))
def test_comparing_times_is_symmetric_and_a_time_agrees_with_itself(h1, m1, h2, m2, approximation):
    first, second = at("2026-09-08", h1, m1, approximation), at("2026-09-08", h2, m2)
    compare(first, second)  # asserts the same verdict both ways
    assert compare(first, at("2026-09-08", h1, m1, approximation)).verdict is Verdict.agree

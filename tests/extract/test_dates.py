"""Dates and durations resolved against the publication date, each with its precision and property."""

from __future__ import annotations

import pytest

from factcheck.extract.readers.dates import find_dates, infer_year
from factcheck.model import PartialDate
from tests.extract.extract_helpers import of_kind


def dated(run, text: str, published: str = "2019-08-22") -> list[tuple[str, str, str]]:
    """(property, subject, date) of each date claim."""
    return [(c.property, c.subject, str(c.value.date)) for c in of_kind(run(text, published), "date")]


def durations(run, text: str, published: str = "2019-08-22") -> list[tuple[str, str, float, str, str]]:
    return [(c.property, c.subject, c.value.amount, c.value.unit.value, c.value.direction)
            for c in of_kind(run(text, published), "duration")]


def test_a_month_day_in_the_future_tense_looks_forward(run):
    assert dated(run, "The pact will expire Nov. 23 if not renewed.\n") == [("expires_on", "gsomia", "2019-11-23")]


def test_the_qualifier_after_the_date_is_kept(run):
    claim = of_kind(run("The pact will expire Nov. 23 if not renewed.\n"), "date")[0]
    assert claim.qualifier == "if not renewed"


def test_said_thursday_is_the_thursday_on_or_before_publication(run):
    text = "South Korea notified Japan of its plans to withdraw, Deputy National Security Director Kim You-geun said Thursday.\n"
    assert dated(run, text) == [("announced_on", "south-korea", "2019-08-22")]
    assert dated(run, text, published="2019-08-26") == [("announced_on", "south-korea", "2019-08-22")]


def test_a_weekday_against_a_month_precision_publication_has_month_precision(run):
    text = "South Korea said Thursday it would end the agreement.\n"
    assert dated(run, text, published="2019-08") == [("announced_on", "south-korea", "2019-08")]


def test_last_year(run):
    text = "A dispute arose last year when Japan accused a South Korean naval vessel of using a target-lock radar.\n"
    assert [d for _, _, d in dated(run, text)] == ["2018"]
    assert [p for p, _, _ in dated(run, text)] == ["started_on"]


def test_last_and_next_before_a_month_set_its_year(run):
    # written for tests: "last October" lies behind the report, whatever the verb; "to last" is a verb, no tense
    dates = [str(c.value.date) for c in of_kind(run("Rationing ended last October.\n", "2026-06-12"), "date")]
    assert dates == ["2025-10"]
    dates = [str(c.value.date) for c in of_kind(run("Rationing will end next March.\n", "2026-06-12"), "date")]
    assert dates == ["2027-03"]
    dates = [str(c.value.date) for c in of_kind(run("Rationing is expected to last until October.\n", "2026-06-12"),
                                                "date")]
    assert dates == ["2026-10"]


def test_last_before_a_weekday_dates_the_verb_before_it(run):
    # written for tests: "last Thursday" is a date of the arrest, not the verb "to last" (said on Friday 12 June)
    found = [(c.property, c.event, str(c.value.date)) for c in
             of_kind(run("Police arrested the owner last Thursday.\n", "2026-06-12"), "date")]
    assert found == [("took_place_on", "arrest", "2026-06-11")]


def test_a_weekday_written_before_a_date_is_that_dates_weekday(run):
    # written for tests: "Monday" and "26 October" are one day, not the Monday before publication and another
    for text in ("The bridge reopened on Monday 26 October.\n", "The bridge reopened on Monday, October 26.\n"):
        found = [str(c.value.date) for c in of_kind(run(text, "2026-11-10"), "date")]
        assert found == ["2026-10-26"], text
    # the weekday picks the year: said in June 2026, Tuesday 23 February is 2027's (2026's is a Monday)
    found = [str(c.value.date) for c in of_kind(run("The shipment arrived on Tuesday, February 23.\n", "2026-06-12"),
                                                 "date")]
    assert found == ["2027-02-23"]
    # a weekday that fits no year near the date is a slip: the date stands, alone
    found = [str(c.value.date) for c in of_kind(run("The bridge reopened on Friday 26 October.\n", "2026-11-10"),
                                                 "date")]
    assert found == ["2026-10-26"]
    spans = [(e.form, str(e.date)) for e in find_dates("on Monday 26 October 2026", 0, 25, PartialDate(2026, 11, 10),
                                                       "past")]
    assert spans == [("day_month", "2026-10-26")]


def test_a_day_written_before_its_month_takes_its_year_from_the_tense_too(run):
    # written for tests: said in June 2026, "collapsed on 6 October" is last October, as "on October 6" was
    for text in ("The bridge collapsed on 6 October.\n", "The bridge collapsed on October 6.\n"):
        assert [str(c.value.date) for c in of_kind(run(text, "2026-06-12"), "date")] == ["2025-10-06"]


def test_a_past_verb_after_the_date_outweighs_a_would_it_reports(run):
    # written for tests: "On 8 March, X picked up the phone to tell her that the government would not ...": the
    # call is past (8 March 2019, said in April), not next year's; "the revised plan would" is no past verb
    text = ("On the evening of 8 March, Prime Minister Abe picked up the phone to tell Moon that Japan would not "
            "renew GSOMIA.\n")
    assert [str(c.value.date) for c in of_kind(run(text, "2019-04-09"), "date")] == ["2019-03-08"]
    text = "On 8 March, Japan picked up the phone: it would not renew GSOMIA.\n"  # "Japan" ends as "an " does
    assert [str(c.value.date) for c in of_kind(run(text, "2019-04-09"), "date")] == ["2019-03-08"]
    text = "On 8 June the revised GSOMIA would take effect.\n"
    assert [str(c.value.date) for c in of_kind(run(text, "2019-04-09"), "date")] == ["2019-06-08"]


def test_in_month_year_has_month_precision(run):
    text = "The General Security of Military Information Agreement was signed in November 2016.\n"
    assert dated(run, text) == [("signed_on", "gsomia", "2016-11")]


def test_a_bare_year(run):
    assert dated(run, "Originally signed in 2016, GSOMIA was controversial even then.\n", "2019-08") == [
        ("signed_on", "gsomia", "2016")]


def test_since_july_against_a_month_precision_publication(run):
    text = "Japan’s restrictions on two chemicals have been in force since July.\n"
    assert [(p, d) for p, _, d in dated(run, text, "2019-08")] == [("started_on", "2019-07")]


def test_on_august_28_keeps_the_day_from_a_month_precision_publication(run):
    text = "The new items will require licenses when South Korea formally falls off Japan’s white list on August 28.\n"
    assert [(p, d) for p, _, d in dated(run, text, "2019-08")] == [("effective_on", "2019-08-28")]


def test_for_90_days_is_a_duration_after_publication(run):
    assert durations(run, "GSOMIA itself does not expire for 90 days.\n", "2019-08") == [
        ("expires_on", "gsomia", 90.0, "day", "after")]


def test_three_year_old_is_an_age_before_publication(run):
    text = "South Korea will withdraw from the three-year-old framework for exchanging military information.\n"
    assert durations(run, text) == [("age", "gsomia", 3.0, "year", "before")]


def test_a_year_range_is_a_start_and_an_end(run):
    text = "The dispute is rooted in Japan’s 1910-45 occupation of the Korean Peninsula.\n"
    assert sorted((p, d) for p, _, d in dated(run, text)) == [("ended_on", "1945"), ("started_on", "1910")]


def test_a_december_date_in_a_january_article_is_the_previous_year(run):
    text = "Seoul announced on Dec. 20 that it would review the pact.\n"
    assert [d for _, _, d in dated(run, text, "2020-01-10")] == ["2019-12-20"]


def test_a_january_date_in_a_december_article_in_the_future_tense_is_the_next_year(run):
    text = "The pact will expire Jan. 5 unless it is renewed.\n"
    assert [d for _, _, d in dated(run, text, "2019-12-20")] == ["2020-01-05"]


def test_a_full_date_keeps_its_year(run):
    assert [d for _, _, d in dated(run, "The pact was signed on Nov. 23, 2016.\n")] == ["2016-11-23"]


def test_a_cue_property_not_in_the_vocabulary_is_not_used(run, project):
    text = "Seoul canceled a previous attempt at the last minute in 2012.\n"
    assert "cancelled_on" in project.vocabulary  # the project's vocabulary adds it
    assert [(p, d) for p, _, d in dated(run, text)] == [("cancelled_on", "2012")]


def test_days_ago_against_a_month_precision_publication_is_a_duration(run):
    text = "Seoul announced the decision three days ago.\n"
    assert durations(run, text, "2019-08") == [("announced_on", "south-korea", 3.0, "day", "before")]
    assert [d for _, _, d in dated(run, text, "2019-08-22")] == ["2019-08-19"]


def test_numbers_that_are_not_years_are_not_dates(run):
    text = "The yen strengthened 0.4% to 106.25 per dollar; Seoul paid $1,200 for tickets and signed the deal in 2019.\n"
    assert [d for _, _, d in dated(run, text)] == ["2019"]


@pytest.mark.parametrize(("month", "day", "published", "tense", "year"), [
    (11, 23, "2019-08-22", "future", 2019),
    (12, 20, "2020-01-10", "past", 2019),
    (12, 20, "2020-01-10", None, 2019),  # nearest
    (1, 5, "2019-12-20", "future", 2020),
    (8, 22, "2019-08-22", "past", 2019),  # the day itself
    (7, None, "2019-08", "past", 2019),
    (9, None, "2019-08", "past", 2018),
    (9, None, "2019-08", "future", 2019),
    (3, 1, "2019", "past", 2019),  # a year-precision publication cannot tell
])
def test_infer_year(month, day, published, tense, year):
    assert infer_year(month, day, PartialDate.parse(published), tense) == year


def test_every_expression_has_its_precision():
    text = "in November 2016, on Nov. 23, in 2012, since July, last year, on Thursday"
    found = {text[e.start:e.end]: e.date for e in find_dates(text, 0, len(text), PartialDate.parse("2019-08-22"), "past")}
    assert {k: (str(v), v.precision.value) for k, v in found.items()} == {
        "November 2016": ("2016-11", "month"), "Nov. 23": ("2018-11-23", "day"), "2012": ("2012", "year"),
        "since July": ("2019-07", "month"), "last year": ("2018", "year"), "Thursday": ("2019-08-22", "day")}


def test_an_unknown_subject_is_proposed(run):
    extraction = run("The Asan Forum announced on Thursday it would suspend its programme.\n")
    assert [(c.property, c.subject) for c in of_kind(extraction, "date")] == [("announced_on", "asan-forum")]
    assert [e.id for e in extraction.proposals] == ["asan-forum"]


# Clock times (sentences written for tests): a time next to a date known to the day goes into that date.
def _timed(text: str, published: str = "2026-09-08") -> list[tuple[str, str | None]]:
    return [(str(e.date), str(e.time) if e.time else None)
            for e in find_dates(text, 0, len(text), PartialDate.parse(published), tense=None) if e.date is not None]


@pytest.mark.parametrize(("text", "expected"), [
    ("The fire broke out at about 3:40 a.m. on Sept. 8.", [("2026-09-08", "about 03:40")]),
    ("The system went down at 5:52 a.m. on Thursday.", [("2026-09-03", "05:52")]),
    ("At 04:52 local time on 8 October the system failed.", [("2026-10-08", "04:52 local time")]),
    ("The fire broke out shortly before 5 a.m. on Tuesday.", [("2026-09-08", "shortly before 05:00")]),
    ("On 13 October 2026 at 03:17:42 local time the ground shook.", [("2026-10-13", "03:17 local time")]),
    ("The ferry left on Tuesday evening at 7.15 p.m.", [("2026-09-08", "19:15")]),
    ("The summit opened at noon on Friday.", [("2026-09-04", "12:00")]),
    ("The curfew began just after midnight on Sept. 9.", [("2026-09-09", "just after 00:00")]),
    ("It occurred at around 03:15 Kaldorian time on 8 September.", [("2026-09-08", "around 03:15 Kaldorian time")]),
    ("The alert went out at 11:05 GMT on Monday.", [("2026-09-07", "11:05 GMT")]),
    ("The tower fell at 9am on Sunday.", [("2026-09-06", "09:00")]),
    ("At approximately 02:15 on Tuesday, 8 September, the roof fell.", [("2026-09-08", "approximately 02:15")]),
    ("At approximately 03:40 this morning a fire broke out.", [("2026-09-08", "approximately 03:40")]),
    ("The convoy crossed the border at 9:40 this morning.", [("2026-09-08", "09:40")]),
])
def test_a_clock_time_goes_into_the_date_next_to_it(text, expected):
    assert _timed(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The blaze broke out at about 3:40 a.m.", []),  # no day in the clause: no time, and no date
    ("By 8 a.m. on Tuesday about 1,500 people had left.", [("2026-09-08", None)]),  # a bound, not a point
    ("The envoys must leave no later than 11:00 on Thursday.", [("2026-09-03", None)]),
    ("Power was cut between 3 and 4 a.m. on Monday.", [("2026-09-07", None)]),
    ("The bank raised its rate to 9.75% on Thursday.", [("2026-09-03", None)]),
    ("The 2:30 train was cancelled in November 2026.", [("2026-11", None)]),  # a time, but no day to go into
    ("At 5 p.m. the talks resumed; they ended on Friday.", [("2026-09-04", None)]),  # not next to the date
    ("Kibet won in 2:05:33 on Sunday.", [("2026-09-06", None)]),  # a length written as a clock
])
def test_a_time_that_is_no_point_or_has_no_day_goes_nowhere(text, expected):
    assert _timed(text) == expected


def test_a_time_takes_the_day_said_before_it_in_its_sentence_or_paragraph():
    # written for tests: "on Friday" said before the time, not next to it; a day given by the paragraph
    assert _timed("The power failure on Friday stopped the train at 2:07 p.m.") == [
        ("2026-09-04", None), ("2026-09-04", "14:07")]
    text = "The train stopped at 2:07 p.m."
    found = find_dates(text, 0, len(text), PartialDate.parse("2026-09-08"), tense=None, day=PartialDate.parse("2026-09-04"))
    assert [(str(e.date), str(e.time)) for e in found] == [("2026-09-04", "14:07")]


def test_a_publication_known_to_the_month_gives_this_morning_no_day():
    assert _timed("At 9:40 this morning the convoy crossed.", published="2026-09") == []


def test_a_weekday_under_a_present_progressive_plan_lies_ahead(run):
    # written for tests: published Thursday 15 October 2026; the strike the union "is calling" starts next Monday
    text = "The union is calling a 48-hour strike at all nine ports, starting at 6 a.m. on Monday.\n"
    assert [d for _, _, d in dated(run, text, "2026-10-15")] == ["2026-10-19"]


def test_last_night_is_the_day_before_publication(run):
    # written for tests: published Friday 15 May 2026; the vote was on Thursday evening
    text = "The council approved the bid last night by 31 votes to 19.\n"
    figures = [(c.value.amount, c.event) for c in of_kind(run(text, "2026-05-15"), "quantity")]
    assert figures == [(31, "on-2026-05-14"), (19, "on-2026-05-14")]


def test_a_range_of_days_in_one_month_starts_and_ends(run):
    # written for tests: the Games run from 4 to 16 August 2034; a strike ran 7-13 September
    from factcheck.extract.readers.dates import find_dates
    from factcheck.model import PartialDate

    def ends(text: str) -> list[tuple[str | None, str]]:
        return [(e.role, str(e.date)) for e in find_dates(text, 0, len(text), PartialDate(2026, 5, 14), None)]
    assert ends("to host the Games from 4 to 16 August 2034") == [("end", "2034-08-16"), ("start", "2034-08-04")]
    assert ends("scheduled for Aug. 4-16, 2034") == [("end", "2034-08-16"), ("start", "2034-08-04")]
    assert ends("the strike from 7 to 13 September") == [("end", "2026-09-13"), ("start", "2026-09-07")]
    assert ends("in the night of 12 to 13 October") == [(None, "2026-10-13")]  # one night, not a range

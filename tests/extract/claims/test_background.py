"""Dates from the wrong clause: a caption, a poll's fieldwork, a background mention (written for tests
unless marked as the seeds')."""

from __future__ import annotations

from tests.extract.extract_helpers import of_kind


def dated(extraction) -> list[tuple[str, str, str | None, str]]:
    return [(c.subject, c.property, c.event, str(c.value.date)) for c in of_kind(extraction, "date")]


def test_a_background_treaty_is_the_treatys_date(run):
    # the Bloomberg seed
    found = dated(run("Japan says all such claims were settled under a 1965 treaty, while the courts disagreed.\n"))
    assert found == [("treaty-1965", "signed_on", None, "1965")]


def test_an_unnamed_background_accord_dates_nothing_of_the_story(run):
    # the 1951 accord is another thing, which no entity names: its year is no date of the pact
    found = dated(run("The pact was signed in November 2016, replacing cooperation under a 1951 accord.\n"))
    assert ("gsomia", "signed_on", None, "2016-11") in found
    assert [f for f in found if f[3] == "1951"] == []


def test_an_older_treaty_named_by_its_year_is_background(run):
    # written for tests: "the 1987 treaty" is not the accord the sentence is about
    found = dated(run("The accord commits the dam to a release of 40 cubic metres per second, well above the 25 "
                      "of the 1987 treaty. The pact was signed on 7 October 2026.\n", "2026-10-08"))
    assert [f for f in found if f[3] == "1987"] == []
    assert ("gsomia", "signed_on", None, "2026-10-07") in found


def test_since_the_floods(run):
    found = dated(run("Seoul has rebuilt the levees since the 2014 floods.\n"))
    assert [(p, e, d) for _, p, e, d in found] == [("started_on", "flood-2014", "2014")]  # a past year names it


def test_a_caption_dates_nothing(run):
    text = "Riot police stand outside the ministry on Tuesday. (AP Photo/Jane Doe)\n\nSeoul said it would end the pact.\n"
    assert dated(run(text)) == []

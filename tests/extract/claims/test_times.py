"""Times of day on date claims, end to end from text (sentences written for tests)."""

from __future__ import annotations

from tests.extract.extract_helpers import of_kind


def timed(extraction) -> list[tuple[str, str, str | None]]:
    return [(c.property, str(c.value.date), str(c.value.time) if c.value.time else None)
            for c in of_kind(extraction, "date")]


def test_a_time_next_to_the_date_goes_into_the_date_claim(run):
    text = "The fire broke out at about 3:40 a.m. on Sept. 8 at the Kessel Quay plant.\n"
    assert timed(run(text, "2026-09-10")) == [("started_on", "2026-09-08", "about 03:40")]


def test_shortly_before_and_a_weekday(run):
    text = "The fire broke out shortly before 5 a.m. on Tuesday.\n"
    assert timed(run(text, "2026-09-09")) == [("started_on", "2026-09-08", "shortly before 05:00")]


def test_this_morning_is_the_publication_day(run):
    text = "At approximately 03:40 this morning a fire broke out at our plant.\n"
    assert timed(run(text, "2026-09-08")) == [("started_on", "2026-09-08", "approximately 03:40")]


def test_a_time_with_no_day_in_its_clause_is_no_claim_and_no_time(run):
    text = "The fire broke out at about 3:40 a.m. at the plant.\n"
    assert timed(run(text, "2026-09-08")) == []


def test_a_time_is_never_a_claim_of_its_own(run):
    # the 04:05 of the second sentence dates the arrival on the paragraph's day; it is no claim by itself
    text = "The fire broke out at 03:40 on 8 September. Firefighters arrived at 04:05.\n"
    extraction = run(text, "2026-09-10")
    assert timed(extraction) == [("started_on", "2026-09-08", "03:40"), ("happened_on", "2026-09-08", "04:05")]
    assert not [c for c in extraction.claims_file.claims if c.kind == "duration"]


def test_a_time_said_without_a_day_takes_the_day_said_before_it(run):
    # written for tests: the day said earlier in the sentence, or earlier in the paragraph; not a later one,
    # nor one of another paragraph
    text = "The fire started on Tuesday. The fire broke out at about 3:40 a.m. at the plant.\n"
    assert ("started_on", "2026-09-08", "about 03:40") in timed(run(text, "2026-09-10"))
    text = "The fire started on Tuesday.\n\nThe fire broke out at about 3:40 a.m. at the plant.\n"
    assert [t for *_, t in timed(run(text, "2026-09-10"))] == [None]

"""When a figure holds and what period it covers (sentences written for tests)."""

from __future__ import annotations

from factcheck.model.entities import Entity
from tests.extract.extract_helpers import extract_with, of_kind


def quantities(extraction) -> dict[float, tuple]:
    return {c.value.amount: (c.event, str(c.as_of) if c.as_of else None) for c in of_kind(extraction, "quantity")}


def figures_with_role(extraction) -> dict[float, tuple]:
    return {c.value.amount: (c.value.counted, str(c.as_of) if c.as_of else None) for c in of_kind(extraction, "quantity")}


def test_a_price_after_a_move_is_the_level_of_one_day(run):
    found = quantities(run("Ambrell's shares jumped 24% to 390 crowns in morning trading.\n", "2026-06-08"))
    assert found[390][1] == "2026-06-08"  # the day the text was published
    found = quantities(run("On Thursday Ambrell's shares fell 1.9% to close at 371 crowns.\n", "2026-06-12"))
    assert found[371][1] == "2026-06-11"  # the day the text names
    found = quantities(run("Kestrel closed at 1,206 crowns.\n", "2026-06-23"))
    assert found[1206][1] == "2026-06-23"
    found = quantities(run("The offer values Ambrell at about 20.5 billion crowns.\n", "2026-06-23"))
    assert found[20.5e9][1] is None  # an offer's value is no market level


def test_a_share_price_is_of_one_moment_of_one_day(project):
    # written for tests: the open, the close and the day's high of one share are three prices, each of its day
    entities = [Entity(id="velmar-air", kind="organisation", name="Velmar Air", aliases=["VLMR"])]

    def priced(text: str, published: str) -> tuple:
        extraction = extract_with(project, entities, text, published)
        [claim] = [c for c in of_kind(extraction, "quantity") if c.property == "amount"]
        return claim.value.amount, claim.value.counted, str(claim.as_of) if claim.as_of else None
    assert priced("Velmar Air shares have traded above the offer price every day since their debut on Tuesday, "
                  "November 10, and closed on Friday at 5.31 crowns.\n", "2026-12-07") == \
        (5.31, "closing price", "2026-12-04")  # the day said right before it, not the first the sentence names
    assert priced("The first trade in Velmar Air goes through at 5.30 crowns.\n", "2026-11-09") == \
        (5.3, "opening price", "2026-11-09")
    assert priced("VLMR touches 5.62 crowns, the high of the day so far.\n", "2026-11-09") == \
        (5.62, "day's high", "2026-11-09")


def test_a_price_after_a_move_told_any_way_is_the_level_of_one_day(run):
    # written for tests: "as much as" before the move, and a close told as "N% higher at"
    found = quantities(run("The stock jumped as much as 82% to 4.37 crowns in early trade.\n", "2027-03-08"))
    assert found[4.37][1] == "2027-03-08"
    found = quantities(run("It closed 65% higher at 3.96 crowns.\n", "2027-03-08"))
    assert found[3.96][1] == "2027-03-08"
    found = figures_with_role(run("CLOSE: Veskor ends the day 12% lower at 3.83 crowns.\n", "2027-03-10"))
    assert found[3.83] == ("closing price", "2027-03-10")



def test_a_rate_carries_the_period_it_covers(run):
    first_year = quantities(run("In the first 12 months the vaccine reduced cases of malaria by 74%.\n"))
    assert first_year[74][0] == "period-12-month"
    also_first_year = quantities(run("The shot was shown to prevent 64% of malaria cases in the first year.\n"))
    assert also_first_year[64][0] == "period-12-month"
    follow_up = quantities(run("Data now including 30 months of follow-up show a reduction of 58%.\n"))
    assert follow_up[58][0] == "period-30-month"
    assert quantities(run("The vaccine reduced cases of malaria by 74%.\n"))[74][0] is None


def test_the_window_of_a_count_is_no_start_date(run):
    extraction = run("The agency has received 61 reports of side effects since July.\n", "2026-09-11")
    assert [c for c in of_kind(extraction, "date") if c.property == "started_on"] == []
    extraction = run("The agency began a safety review on Aug. 14.\n", "2026-09-11")
    assert [str(c.value.date) for c in of_kind(extraction, "date")] == ["2026-08-14"]


def test_a_length_in_a_when_clause_belongs_to_that_year(run):
    extraction = run("It was the deadliest violence in the valley since 2014, when 61 people died and a hastily "
                     "agreed truce fell apart within three weeks.\n", "2026-10-05")
    events = [c.event for c in of_kind(extraction, "duration") if c.property == "lasted"]
    assert events and all(event.endswith("-2014") for event in events), events


def test_the_noun_before_of_names_what_a_figure_measures(run):
    counted = {c.value.amount: (c.event, c.value.counted) for c in of_kind(
        run("The proposal represents a premium of 31% to Ambrell's closing price on Friday.\n"), "quantity")}
    assert counted[31] == (None, "premium")  # not "proposal represent premium", and Ambrell owns no share here
    counted = {c.value.amount: c.value.counted for c in of_kind(
        run("Kestrel's approach of 412 crowns a share, a 38 per cent premium to the share price, was rejected.\n"),
        "quantity")}
    assert counted[38] == "premium"


def test_a_count_on_a_part_of_a_named_day_is_that_moments_count(run):
    # written for tests: a running state ("were waiting") given for Wednesday evening, in a Thursday paper
    found = quantities(run("Thirty-one container ships were waiting at anchor off the port on Wednesday evening.\n",
                           "2026-09-10"))
    assert found[31][1] == "2026-09-09"
    found = quantities(run("Thirty-one container ships were waiting at anchor after talks on Wednesday.\n", "2026-09-10"))
    assert found[31][1] is None  # a day with no part of it dates what happened, not the count
    found = quantities(run("About 412 flights were cancelled on Monday evening.\n", "2026-09-10"))
    assert found[412][1] is None  # what happened that evening, not a state counted then


def test_a_figure_dated_in_its_own_clause_is_that_days_figure(run):
    # written for tests: one clause, two days, two figures
    found = quantities(run("BNR said it cancelled 79 percent of passenger trains on Wednesday and 64 percent on "
                           "Thursday.\n", "2026-09-11"))
    assert found[79][0] == "on-2026-09-09" and found[64][0] == "on-2026-09-10"
    found = quantities(run("On Saturday, a rally in the capital drew 38,000 people.\n", "2026-10-15"))
    assert found[38000][0] == "on-2026-10-10"
    found = quantities(run("Its first march, on September 12, drew 21,000 people.\n", "2026-09-30"))
    assert found[21000][0] == "on-2026-09-12"


def test_a_date_of_another_verb_or_noun_does_not_date_a_figure(run):
    found = quantities(run("The train that derailed near Dunmere on Tuesday was travelling at 121 km/h.\n",
                           "2026-10-15"))
    assert found[121][0] is None  # the relative clause's day: when it derailed
    found = quantities(run("The derailment near Dunmere on Tuesday has killed 12 people.\n", "2026-10-17"))
    assert found[12][0] is None  # the derailment's day; the toll is as of the text
    found = quantities(run("The agency has received 61 reports of side effects since July 14.\n", "2026-09-11"))
    assert found[61][0] is None  # a window's start


def test_a_month_after_a_baseline_is_the_baseline_s_and_the_baseline_is_no_claim(run):
    # written for tests: "in January" dates the 5.9 percent the yield rose from, not the 6.42 percent it reached;
    # the level before a move is not what the sentence reports, however the move is told
    found = quantities(run("The bond sold at a yield of 6.42 percent, up from 5.9 percent in January.\n", "2026-03-05"))
    assert found == {6.42: (None, None)}
    found = quantities(run("Unemployment rose to 7.1 percent in February from 6.8 percent. Inflation was 4.2 percent "
                           "in February, compared with 3.9 percent in January.\n", "2026-03-05"))
    assert set(found) == {7.1, 4.2} and found[7.1][1] == found[4.2][1] == "2026-02"
    assert 48 in quantities(run("Support for the plan fell from 48 percent.\n", "2026-03-05"))  # no level reached: kept

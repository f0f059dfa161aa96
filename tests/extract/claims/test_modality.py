"""Modality from the value's own clause: planned, forecast, conditional, reported, or done (None).

Sentences written for tests unless marked as the seeds'."""

from __future__ import annotations

import pytest

from tests.extract.extract_helpers import of_kind


def first(extraction, kind: str = "date"):
    found = of_kind(extraction, kind)
    assert found, [c.kind for c in extraction.claims_file.claims]
    return found[0]


def modality(claim) -> str | None:
    return claim.modality.value if claim.modality else None


@pytest.mark.parametrize(("text", "prop", "expected"), [
    ("South Korea will inform Japan by Friday.\n", "notified_on", "planned"),
    ("South Korea informed Japan on Friday.\n", "notified_on", None),
    ("South Korea plans to notify Japan on Friday.\n", "notified_on", "planned"),
    ("The pact is expected to expire on Monday.\n", "expires_on", "forecast"),
    ("The pact will expire Nov. 23 if not renewed.\n", "expires_on", None),  # the seed: a scheduled date
    ("Japan's tariffs take effect on Sept. 1, according to Yonhap.\n", "effective_on", "reported"),
    ("If talks fail, Japan's tariffs will take effect on Sept. 1.\n", "effective_on", "conditional"),
])
def test_the_clause_of_the_value_decides(run, text, prop, expected):
    claim = first(run(text))
    assert (claim.property, modality(claim)) == (prop, expected)


def test_attribution_is_not_a_modality_of_what_was_said(run):
    claims = of_kind(run("Seoul said Thursday it would quit the pact on Nov. 23.\n"), "date")
    found = {(c.property, str(c.value.date), modality(c)) for c in claims}
    assert ("announced_on", "2019-08-22", None) in found  # said on Thursday: done
    assert ("ended_on", "2019-11-23", "planned") in found  # would quit on Nov. 23: a plan


def test_a_poll_is_a_source_not_a_report(run):
    claim = first(run("In Japan, 61% of respondents back the tariffs, according to a Kyodo poll.\n"), "quantity")
    assert modality(claim) is None


def test_a_hedge_on_another_figure_is_not_this_figures(run):
    # the Diplomat seed: "reportedly" qualifies the $5 billion, not the $1 billion
    text = ("Washington already is pushing for South Korea to increase the amount it contributes to burden sharing "
            "from a little under $1 billion to reportedly $5 billion in the new Special Measures Agreement.\n")
    amounts = {c.value.amount: modality(c) for c in of_kind(run(text, "2019-08"), "quantity")}
    assert amounts == {1e9: None, 5e9: "reported"}


def test_a_plan_and_what_was_done_get_different_ids(run):
    planned = first(run("South Korea will notify Japan on Friday.\n"))
    done = first(run("South Korea notify Japan on Friday.\n"))
    assert planned.evidence.text != done.evidence.text or planned.id != done.id


def test_a_negated_predicate_dates_nothing(run):
    # written for tests: no call was returned on Friday; the removal did happen on Friday
    def dates(text: str) -> list[tuple]:
        return [(c.property, c.event) for c in run(text).claims_file.claims if c.kind == "date"]
    assert dates("The coach did not return calls from the Herald on Friday.\n") == []
    assert dates("Kono has never met Kang on a Friday.\n") == []
    assert dates("Japan removed South Korea from its white list on Friday.\n") == [("removed_on", "removal-from-list")]


def test_a_deadline_word_in_a_clause_told_in_the_past_is_no_plan(run):
    # written for tests: "by" before the day, the past tense after it: done by then, not planned for next Tuesday
    claim = first(run("By Tuesday night, South Korea had informed Japan.\n", "2026-07-15"))
    assert (claim.property, modality(claim), str(claim.value.date)) == ("notified_on", None, "2026-07-14")


@pytest.mark.parametrize(("text", "expected"), [
    # round 28: an auditor's projection of a bill is a forecast, not the bill the council approved
    ("The tram extension is heading for a bill of 331 million crowns, the auditor said.\n", "forecast"),
    ("The tram extension is on course for a bill of 331 million crowns.\n", "forecast"),
    ("The council approved a bill of 286 million crowns for the tram extension.\n", None),
])
def test_a_figure_a_thing_is_heading_for_is_a_forecast(run, text, expected):
    assert modality(first(run(text, "2026-04-22"), "quantity")) == expected


def test_a_proposal_s_figure_is_planned(run):
    # written for tests: a proposal is not what the contributions are
    proposed = first(run("The dispute concerns the employers' proposal to raise contributions to 10.4% of salary.\n"),
                     "quantity")
    assert (proposed.value.amount, modality(proposed)) == (10.4, "planned")
    held = first(run("Contributions are held at 8.0% of salary.\n"), "quantity")
    assert modality(held) is None


def test_a_figure_to_be_reached_by_a_later_date_is_planned(run):
    # written for tests: a target for a year still to come; a count reached by a past day holds
    target = first(run("The airline wants to operate a fleet of 70 aircraft by 2033.\n", "2027-06-16"), "quantity")
    assert (target.value.amount, modality(target)) == (70, "planned")
    reached = first(run("The airline had 52 aircraft by May 2027.\n", "2027-06-16"), "quantity")
    assert modality(reached) is None

"""Measures taken on a thing: `measure_taken` statements (sentences written for tests)."""

from __future__ import annotations

import pytest

from tests.extract.extract_helpers import of_kind


def measures(extraction) -> list[tuple[str, str | None, bool, str | None]]:
    return [(c.subject, c.value.action, c.value.negated, c.modality.value if c.modality else None)
            for c in of_kind(extraction, "statement") if c.property == "measure_taken"]


@pytest.mark.parametrize(("text", "expected"), [
    ("On Wednesday the cabinet decided to suspend GSOMIA.\n", [("gsomia", "suspend", False, None)]),
    ("Seoul terminated GSOMIA on Thursday.\n", [("gsomia", "terminate", False, None)]),
    ("The government chose suspension of GSOMIA rather than termination.\n",
     [("gsomia", "suspend", False, None), ("gsomia", "terminate", True, None)]),
    ("The regulator ordered the operator to suspend GSOMIA until an audit.\n", [("gsomia", "suspend", False, None)]),
    # written for tests: "nothing is being banned" denies a ban
    ("Officials stress that nothing is being banned under GSOMIA.\n", [("gsomia", "ban", True, None)]),
    # written for tests: lifting a ban is the measure taken, not the ban
    ("Japan lifted the ban on GSOMIA on Thursday.\n", [("gsomia", "lift", False, None)]),
])
def test_a_measure_taken_on_a_thing(run, text, expected):
    assert sorted(measures(run(text, "2019-08-23"))) == sorted(expected)


@pytest.mark.parametrize("text", [
    "The former minister received a suspended sentence for his role in GSOMIA.\n",  # describes a sentence
    "Lawmakers urged the government to terminate GSOMIA outright.\n",  # wanted, not taken
    "Under its terms, termination of GSOMIA requires 90 days' notice.\n",  # the measure in general
    'Kim said: "We will never scrap GSOMIA."\n',  # someone's words: the quote claim has them
    # written for tests: a supply restored is no measure lifted
    "Power was restored to 90 per cent of homes by Thursday.\n",
    "The operator restored electricity to 40,000 homes.\n",
])
def test_words_that_name_a_measure_without_taking_it(run, text):
    assert measures(run(text, "2019-08-23")) == []


@pytest.mark.parametrize(("text", "event"), [
    # written for tests: who took the measure is part of which measure it is
    ("Japan suspended GSOMIA on Monday.\n", "by-japan"),
    ("On Monday, neighbouring South Korea suspended GSOMIA.\n", "by-south-korea"),
    ("The sharing of military data with Japan under GSOMIA was suspended on Monday.\n", None),  # no subject named
    ("Japan's closest ally suspended GSOMIA on Monday.\n", None),  # Japan owns the ally, it did not act
])
def test_who_took_a_measure_is_its_event(run, text, event):
    [claim] = [c for c in of_kind(run(text, "2019-08-23"), "statement") if c.property == "measure_taken"]
    assert claim.event == event

"""Open predicates: dates told by verbs the event lexicon does not know (sentences written for tests)."""

from __future__ import annotations

from factcheck.extract.readers.verbs import verb_key
from tests.extract.extract_helpers import of_kind


def dates(extraction) -> list[tuple[str, str | None, str]]:
    return [(c.property, c.event, str(c.value.date)) for c in of_kind(extraction, "date")]


def test_a_verb_the_lexicon_does_not_know_still_dates_what_happened(run):
    found = dates(run("The Coastal States Medicines Agency approved a new malaria vaccine on Wednesday.\n", "2026-06-05"))
    assert found == [("happened_on", "approve-vaccine", "2026-06-03")]
    found = dates(run("The agency approved the Corvanne Biologics vaccine on June 4.\n", "2026-10-01"))
    assert found == [("happened_on", "approve-vaccine", "2026-06-04")]


def test_counts_adjectives_and_known_predicates_are_not_open_predicates(run):
    assert dates(run("Up to 18:00 today, the network recorded 146 aftershocks.\n", "2026-10-13")) == []
    found = dates(run("The inquiry is led by retired judge Amalia Ferrant, whose report is due in January.\n",
                      "2026-10-12"))
    assert all(p != "happened_on" for p, _, _ in found)
    known = dates(run("Seoul notified Tokyo of its decision on Friday.\n", "2019-08-24"))
    assert [p for p, _, _ in known] == ["notified_on"]


def test_one_verb_has_one_key():
    assert [verb_key(w) for w in ("approved", "rejected", "stopped", "carried", "released", "won")] == \
        ["approve", "reject", "stop", "carry", "release", "win"]

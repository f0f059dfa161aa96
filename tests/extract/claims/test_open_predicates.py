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


def test_synonyms_of_the_lexicon_name_one_happening(run):
    # "rebuffed the bid" and "rejected the approach" tell one rejection of one offer (open_synonyms)
    rebuffed = dates(run("The board rebuffed the bid on Thursday.\n", "2026-06-12"))
    rejected = dates(run("The board rejected the approach on Thursday.\n", "2026-06-12"))
    assert rebuffed == rejected == [("happened_on", "reject-offer", "2026-06-11")]
    spotted = dates(run("Engineers spotted the intrusion on April 20.\n", "2026-05-08"))
    assert spotted == [("happened_on", "discover-intrusion", "2026-04-20")]

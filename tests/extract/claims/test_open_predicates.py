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


def test_past_tenses_of_five_letters_and_irregular_ones_are_open_predicates(run):
    # written for tests: "freed" and "fined" are shorter than the "-ed" pattern's verbs; "kept" is irregular
    assert dates(run("The coast guard freed the crew on Tuesday.\n", "2026-06-05")) == \
        [("happened_on", "release-crew", "2026-06-02")]  # free is release (`open_synonyms`)
    assert [e for _, e, _ in dates(run("The regulator fined the airline on Tuesday.\n", "2026-06-05"))] == ["fine-airline"]
    assert [e for _, e, _ in dates(run("The bank kept its rate on hold on Tuesday.\n", "2026-06-05"))] == ["keep-rate"]
    assert [e for _, e, _ in dates(run("The bank moved the date on Friday.\n", "2026-06-12"))] == ["move-date"]


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
    # British spelling doubles a final l: "cancelled" and "canceled" are one verb; "called" keeps its two
    assert [verb_key(w) for w in ("cancelled", "canceled", "travelled", "fuelled", "signalled", "called", "killed")] == \
        ["cancel", "cancel", "travel", "fuel", "signal", "call", "kill"]
    # a consonant before the final l takes back its e: "tabled" -> table, "settled" -> settle
    assert [verb_key(w) for w in ("tabled", "settled", "handled", "failed", "hurled")] == \
        ["table", "settle", "handle", "fail", "hurl"]


def test_synonyms_of_the_lexicon_name_one_happening(run):
    # "rebuffed the bid" and "rejected the approach" tell one rejection of one offer (open_synonyms)
    rebuffed = dates(run("The board rebuffed the bid on Thursday.\n", "2026-06-12"))
    rejected = dates(run("The board rejected the approach on Thursday.\n", "2026-06-12"))
    assert rebuffed == rejected == [("happened_on", "reject-offer", "2026-06-11")]
    spotted = dates(run("Engineers spotted the intrusion on April 20.\n", "2026-05-08"))
    assert spotted == [("happened_on", "discover-intrusion", "2026-04-20")]
    # written for tests: a blaze doused is a fire extinguished
    doused = dates(run("Firefighters doused the blaze on Monday.\n", "2026-06-12"))
    assert doused == dates(run("The fire was extinguished on Monday.\n", "2026-06-12")) == [
        ("happened_on", "extinguish-fire", "2026-06-08")]


def test_a_regulator_clearing_a_merger_approves_the_deal(run):
    # written for tests, from round 29: "cleared the merger" and "approved the takeover" tell one approval
    cleared = dates(run("The competition authority cleared the merger on Tuesday.\n", "2027-03-17"))
    approved = dates(run("The competition authority approved the takeover on Tuesday.\n", "2027-03-17"))
    assert cleared == approved == [("happened_on", "approve-deal", "2027-03-16")]


def test_a_synonym_of_an_irregular_verb_is_read_by_its_past_tense(cues):
    # "struck" reads as "strike", which the lexicon keeps as "hit" (`open_synonyms`); "fell" as "fall"
    assert cues.open_verbs[verb_key("struck")] == "hit"
    assert verb_key("fell") in cues.occurrences["collapse"]


def took_place(extraction) -> list[tuple[str | None, str]]:
    return [(c.event, str(c.value.date)) for c in of_kind(extraction, "date") if c.property == "took_place_on"]


def test_a_date_fixed_to_an_event_by_its_noun(run):
    # written for tests: the noun dates the event; a year before it only names one ("the 2019 election")
    assert took_place(run("Seoul's April 4 election was supposed to be close.\n", "2027-05-01")) == [
        ("election", "2027-04-04")]
    assert took_place(run("The opposition won Sunday's parliamentary election by a wide margin.\n", "2027-04-12")) == [
        ("election", "2027-04-11")]
    assert took_place(run("It was the only debate before the parliamentary election on April 11.\n", "2027-04-01")) == [
        ("election", "2027-04-11")]
    assert took_place(run("Ten people died in the collapse of the Aulmar Bridge on 6 October.\n", "2026-10-09")) == [
        ("collapse", "2026-10-06")]
    text = "An inquiry into the partial collapse of the Aulmar Bridge in Durnholm on the evening of 6 October opened.\n"
    assert took_place(run(text, "2026-10-09")) == [("collapse", "2026-10-06")]
    assert took_place(run("At the 2019 election the ruling party won 44.1 percent.\n", "2027-04-01")) == []
    assert took_place(run("Passengers stranded by Wednesday's outage were offered vouchers.\n", "2026-10-10")) == [
        ("outage", "2026-10-07")]
    assert took_place(run("The regional train derailed near Dunmere on Tuesday.\n", "2026-10-15")) == [
        ("crash", "2026-10-13")]


def test_a_verb_of_an_event_that_takes_place_once_dates_it_like_its_noun(run):
    # written for tests: "detained" is "arrested" (open_synonyms), and an arrest is a dated noun
    assert took_place(run("Police detained the officer on Thursday in Brenna.\n", "2026-09-11")) == [
        ("arrest", "2026-09-10")]


def test_a_court_ruled_on_the_day_of_its_ruling(run):
    # written for tests: "ruled on Wednesday" dates the ruling, as "its judgment on October 6" does
    assert took_place(run("Lawmakers want Seoul to leave the court after the court ruled on Wednesday that the "
                          "islands belong to Japan.\n", "2026-10-08")) == [("verdict", "2026-10-07")]


def test_an_event_that_takes_place_once_is_dated_past_a_count_or_a_passive(run):
    # written for tests: the exchange of 55 detainees and the arrest are dated, counted or passive;
    # a clause after a colon is its own ("31 went one way" is not what was dated on October 9)
    found = dates(run("After months of talks, the two governments exchanged 55 detainees on October 9 at the "
                      "airfield: 31 Sulamaris went one way, 24 Drevanians the other.\n", "2026-11-02"))
    assert found == [("took_place_on", "exchange", "2026-10-09")]
    found = dates(run("The engineer was arrested on Monday in the capital.\n", "2026-10-07"))
    assert [(p, d) for p, _, d in found] == [("took_place_on", "2026-10-05")]


def test_the_object_of_an_open_predicate_is_a_noun_not_a_preposition_or_article(run):
    # written for tests: "went dark across the network" and "knocked out computer systems": the words after the
    # verb give its object as a noun; "across" and "the" begin other phrases, "out" is the verb's particle
    def events(text: str) -> list[str | None]:
        return [c.event for c in run(text, "2026-09-08").claims_file.claims if c.kind == "date"]
    assert events("Screens went dark across the health network on Monday.\n") == ["go-dark"]
    assert events("A cyberattack knocked out computer systems across the network on Monday.\n") == ["knock-systems"]


def test_a_passive_is_what_was_done_to_its_subject(run):
    # written for tests: "was collected" dates the collection of the sample, as "collected a sample" would
    def events(text: str) -> list[tuple[str | None, str]]:
        return [(c.event, str(c.value.date)) for c in run(text, "2026-05-08").claims_file.claims if c.kind == "date"]
    assert events("A urine sample was collected on 10 March 2026 during a test.\n") == [("collect-sample", "2026-03-10")]
    assert events("The sample was taken on March 19 at the camp.\n") == [("take-sample", "2026-03-19")]


def test_a_counted_passive_dates_the_count_not_an_event(run):
    # written for tests: "97 flights were diverted on Thursday" is that day's count (a quantity), no event date
    found = run("Another 97 flights were diverted on Thursday to Port Vashti.\n", "2026-09-18").claims_file.claims
    assert [c.kind for c in found] == ["quantity"]


def test_a_step_written_before_the_object_is_part_of_the_event(run):
    # written for tests: a bill's two readings are two approvals
    found = dates(run("The chamber gave first-reading approval to the bill on Wednesday.\n", "2026-02-12"))
    assert found == [("happened_on", "give-approval-first", "2026-02-11")]
    found = dates(run("The chamber gave final approval to the bill on Thursday.\n", "2026-02-27"))
    assert found == [("happened_on", "give-approval-final", "2026-02-26")]
    found = dates(run("The chamber gave its approval to the bill on Thursday.\n", "2026-02-27"))
    assert found == [("happened_on", "give-approval", "2026-02-26")]


def test_a_death_is_dated_by_its_verb(run):
    # written for tests: "died" is a past tense of its own; "late" says when, it is no object
    found = dates(run("A woman who collapsed during Sunday's race died late on Tuesday in hospital.\n", "2026-09-30"))
    assert ("happened_on", "die", "2026-09-29") in found

"""Property and event from the clause that governs a date: what happened, not the nearest word.

Sentences are the seeds' or written for tests (marked)."""

from __future__ import annotations

from factcheck.model.entities import Entity
from tests.extract.extract_helpers import extract_with, of_kind


def dates(extraction) -> list[tuple[str, str | None, str, str | None]]:
    return [(c.property, c.event, str(c.value.date), c.modality.value if c.modality else None)
            for c in of_kind(extraction, "date")]


def dated_with(project, entities: list[Entity], text: str, published: str) -> list:
    """The date claims of `text` extracted with an entity file of `entities` (not the project's)."""
    return of_kind(extract_with(project, entities, text, published), "date")


def test_said_thursday_is_the_announcement_of_what_was_said(run):
    # written for tests: the issue's own example
    found = dates(run("Seoul said Thursday it would end the pact.\n"))
    assert found == [("announced_on", "end", "2019-08-22", None)]


def test_the_seed_attribution_at_the_end_dates_the_announcement(run):
    text = ("South Korea notified Japan of plans to withdraw from the three-year-old framework for exchanging "
            "classified military information, Deputy National Security Director Kim You-geun said Thursday in Seoul.\n")
    assert dates(run(text)) == [("announced_on", "end", "2019-08-22", None)]


def test_an_announced_thing_is_the_event(run):
    # written for tests
    assert dates(run("Japan announced tariffs on Korean steel on Tuesday.\n")) == [
        ("announced_on", "impose-tariff", "2019-08-20", None)]


def test_notified_and_decided_are_their_own_properties(run):
    # written for tests
    assert dates(run("South Korea formally notified Japan on Friday.\n")) == [("notified_on", "notice", "2019-08-16", None)]
    assert dates(run("Seoul decided on Thursday to scrap the pact.\n")) == [
        ("decided_on", "decision-to-end", "2019-08-22", None)]


def test_a_call_a_summit_and_talks_are_meetings_of_different_kinds(run):
    # written for tests
    assert dates(run("Abe and Moon held a phone call on Monday.\n")) == [("met_on", "phone-call", "2019-08-19", None)]
    assert dates(run("The two leaders met on Monday.\n")) == [("met_on", "talks", "2019-08-19", None)]
    assert dates(run("A summit in Osaka took place on June 28.\n")) == [("met_on", "summit", "2019-06-28", None)]


def test_the_next_or_previous_meeting_is_a_meeting_of_its_own(run):
    # written for tests: the meeting that voted and the next one, set for a day to come, are two meetings
    assert dates(run("The question for the next council meeting, on 19 May, is whether the plan survives.\n",
                     "2026-05-01")) == [("met_on", "talks-next", "2026-05-19", None)]
    assert dates(run("After a council meeting on Wednesday night, councillors voted 34 to 19.\n", "2026-05-01")) == [
        ("met_on", "talks", "2026-04-29", None)]


def test_a_ratification_is_not_the_signing(run):
    # written for tests: the accord's noun is no signing when the clause says it was ratified
    assert dates(run("The parliament ratified the accord on Tuesday, voting 88 to 61.\n", "2026-11-10")) == [
        ("happened_on", "ratify", "2026-11-10", None)]


def test_a_ship_running_aground_dates_its_grounding(run):
    # written for tests: the verb dates the grounding; "the grounded tanker" dates nothing
    assert dates(run("The tanker ran aground on Skarra Reef early on Wednesday.\n", "2026-10-14")) == [
        ("took_place_on", "grounding", "2026-10-14", None)]
    assert dates(run("By Saturday oil from the grounded tanker had reached 38 km of shore.\n", "2026-10-18")) == []


def test_the_opening_of_talks_names_the_talks(run):
    # written for tests: what opened is the talks, not "two days"; what began is what the relative clause follows
    found = of_kind(run("Seoul and Tokyo opened two days of talks on Tuesday. Reporters waited outside the talks "
                        "that began on Monday.\n", "2019-08-22"), "date")
    assert [(c.property, c.event, str(c.value.date)) for c in found] == [
        ("started_on", "talks", "2019-08-20"), ("started_on", "talks", "2019-08-19")]
    assert found[0].subject == found[1].subject  # the story's event, not the nearest country


def test_a_storm_coming_ashore_dates_its_landfall(run):
    # written for tests: two ways to tell one landfall
    assert dates(run("The cyclone made landfall near Kereva early on Tuesday.\n", "2026-10-14")) == [
        ("took_place_on", "landfall", "2026-10-13", None)]
    assert dates(run("When the cyclone came ashore in the early hours of October 13, few had left.\n", "2026-11-20")) == [
        ("took_place_on", "landfall", "2026-10-13", None)]


def test_a_past_verb_in_its_own_clause_sends_a_weekday_back(run):
    # written for tests: the aid lies ahead, the quake struck last Tuesday
    found = dates(run("Seoul will send aid after the earthquake struck the coast on Tuesday.\n", "2026-10-14"))
    assert [(p, d) for p, _, d, _ in found] == [("started_on", "2026-10-13")]


def test_signing_another_paper_is_not_signing_the_agreement(run):
    # written for tests: the law that ratifies the pact is not the pact
    found = dates(run("The president signed the ratification law on Tuesday. The pact was signed in November 2016.\n",
                      "2019-08-22"))
    assert [(p, d) for p, _, d, _ in found] == [("signed_on", "2016-11")]


def test_renewed_and_removed(run):
    # written for tests
    assert dates(run("The pact was last renewed in November 2018.\n"))[0][:3] == ("renewed_on", None, "2018-11")
    found = dates(run("Japan removed South Korea from its white list on Aug. 2.\n"))
    assert found[0][0] == "removed_on" and found[0][2] == "2019-08-02"


def test_a_date_no_predicate_governs_is_not_a_claim(run):
    # written for tests: the caption-like sentence of the issue
    assert dates(run("Riot police stood outside the ministry on Tuesday as crowds gathered.\n")) == []


def test_the_expiry_of_the_seed_keeps_its_qualifier_and_no_modality(run):
    claim = of_kind(run("The pact will expire Nov. 23 if not renewed.\n"), "date")[0]
    assert (claim.property, claim.modality, claim.qualifier) == ("expires_on", None, "if not renewed")


def test_an_event_changes_the_claim_id(run):
    first = of_kind(run("Seoul announced tariffs on Tuesday.\n"), "date")[0]
    second = of_kind(run("Seoul announced talks on Tuesday.\n"), "date")[0]
    assert first.event != second.event
    assert first.id.startswith("date-announced-on-") and second.id.startswith("date-announced-on-")
    assert first.id != second.id


def test_a_request_is_an_announcement_of_its_own(run):
    # written for tests: the plan and the request done are one event, the modality tells them apart
    planned = dates(run("Seoul said it would formally ask the EU for help by Wednesday.\n"))
    done = dates(run("Seoul formally asked the EU for assistance on Tuesday.\n"))
    assert planned == [("announced_on", "request", "2019-08-28", "planned")]
    assert done == [("announced_on", "request", "2019-08-20", None)]


def test_since_after_a_superlative_is_a_baseline(run):
    # written for tests
    assert dates(run("The quake killed 58 people, the worst toll since 1963.\n")) == []


def test_what_was_signed_is_the_event_unless_it_is_the_subject(run):
    # written for tests
    assert dates(run("Argentina and Chile signed an agreement on Tuesday.\n"))[0][:2] == ("signed_on", "agreement")
    assert dates(run("The agreement Argentina and Chile signed on Oct. 15 stopped a trade war.\n"))[0][:2] == (
        "signed_on", "agreement")
    claim = of_kind(run("Japan and South Korea signed GSOMIA in November 2016.\n"), "date")[0]
    assert (claim.subject, claim.event) == ("gsomia", None)


def test_an_agreement_named_by_an_old_year_is_not_the_articles(run):
    # written for tests: "the agreement" is the one signed now, not the 1965 treaty of the background
    text = ("Seoul says the 1965 treaty settled all claims.\n\n"
            "The agreement South Korea and Japan signed on Aug. 20 ends the feud.\n")
    found = of_kind(run(text), "date")
    assert all(c.subject != "treaty-1965" for c in found if str(c.value.date) == "2019-08-20")


def test_the_day_a_statement_was_made_is_no_fact(run):
    # written for tests: a running toll said on two days is two statements, not two dates of one fact
    assert dates(run("The ministry said on Saturday that 147 people had been confirmed dead.\n")) == []
    # the seed's testimony is kept
    text = ("South Korea’s defense minister, Jeong Kyeong-doo, told the National Assembly’s defense committee Aug. 5 "
            "that there had been 26 instances of intelligence-sharing with Japan.\n")
    assert [d[2] for d in dates(run(text))] == ["2019-08-05"]


def test_when_it_happened(run):
    # written for tests: an earthquake's day, and "last Saturday" said on a Saturday
    assert dates(run("A magnitude 7.1 earthquake struck the province early on Tuesday.\n"))[0][:3] == (
        "started_on", "quake", "2019-08-20")
    found = of_kind(run("The ferry capsized late last Saturday.\n", "2019-08-24"), "date")
    assert [(c.event, str(c.value.date)) for c in found] == [("sink", "2019-08-17")]


def test_what_happened_is_what_struck_not_what_it_struck(run):
    # written for tests: a rockfall struck a group, a storm tore through a town; the ferry "capsized" is an action
    for text, event in (("The rockfall struck the group on Tuesday at 6:40 a.m.\n", "rockfall"),
                        ("The storm tore through the town on Tuesday.\n", "storm"),
                        ("A rockfall struck on Wednesday morning.\n", "rockfall")):
        assert [d[1] for d in dates(run(text, "2026-06-12"))] == [event], text


def test_what_a_statement_is_about_is_not_what_it_announces(run):
    # written for tests
    assert dates(run("The ministry said on Saturday that 147 people had died in the earthquake.\n")) == []


def test_what_happened_is_about_the_story_s_event_not_the_place_named_beside_it(project):
    # written for tests: the quake struck a province; the date is the quake's, not the province's
    entities = [Entity(id="teshan-quake", kind="event", name="Teshan earthquake"),
                Entity(id="teshan-province", kind="place", name="Teshan province")]
    text = "A magnitude 7.1 earthquake struck Valdora's mountainous Teshan province early on Tuesday.\n"
    found = [(c.subject, c.property, str(c.value.date)) for c in dated_with(project, entities, text, "2026-10-14")]
    assert found == [("teshan-quake", "started_on", "2026-10-13")]


def test_a_place_or_time_after_the_predicate_is_not_what_was_signed(run):
    # written for tests: "signed in Saltholm", "signed on Thursday evening" name no event
    for text in ("The GSOMIA pact was signed in Seoul on Nov. 23, 2016.\n",
                 "The GSOMIA pact, signed on Wednesday evening in Seoul, lets the two share intelligence.\n"):
        found = [(c.property, c.event) for c in of_kind(run(text, "2016-11-25"), "date")]
        assert [p for p, _ in found] == ["signed_on"] and found[0][1] not in ("seoul", "evening"), (text, found)


def test_downing_tools_starts_a_strike(run):
    # written for tests: dockers' idiom for walking out
    assert dates(run("Dockers downed tools at 8 a.m. on Monday.\n", "2026-09-11")) == [
        ("started_on", "strike", "2026-09-07", None)]


def test_a_place_named_before_is_not_what_takes_effect(project):
    # written for tests: the sentence names nothing; the capital named a line before takes no effect, the
    # story's event does
    entities = [Entity(id="list-a-removal", kind="event", name="Removal of Belmarra from List A"),
                Entity(id="castrum", kind="place", name="Castrum")]
    text = "Protesters gathered in Castrum.\nThe new rules will take effect on September 28, the ministry says.\n"
    found = dated_with(project, entities, text, "2026-08-18")
    assert [(c.property, c.subject) for c in found] == [("effective_on", "list-a-removal")]


def test_a_halt_on_a_day_starts_the_pause_and_until_ends_it(run):
    # written for tests: the day imports were halted is when the pause began, not when it ended
    assert dates(run("Japan halted all imports of South Korean poultry on Monday.\n", "2026-09-16")) == [
        ("started_on", "pause", "2026-09-14", None)]
    assert dates(run("Japan has suspended all imports of South Korean poultry until Dec. 13.\n", "2026-09-16")) == [
        ("ended_on", "pause", "2026-12-13", None)]


def test_a_wire_dateline_s_day_is_the_report_s_not_the_story_s(run):
    # written for tests: the dateline's Aug. 23 is when the story was filed; Thursday is Aug. 22
    found = dates(run("SEOUL, Aug. 23 (Reuters) - South Korea said on Thursday it would end GSOMIA.\n", "2019-08-23"))
    assert found == [("announced_on", "end", "2019-08-22", None)]


def test_a_date_after_another_verb_is_that_verb_s(run):
    # written for tests: Monday is when the pact was defended, not when it was ended
    found = dates(run("The pact that South Korea ended on Thursday was defended on Monday.\n", "2019-08-28"))
    assert [day for _, _, day, _ in found] == ["2019-08-22"]


def test_what_happened_or_took_place_is_dated_by_its_noun(project):
    # written for tests: the crash itself; a hearing of the story's case; an exchange five years before the story
    entities = [Entity(id="grauvel-crash", kind="event", name="Grauvel Pass coach crash",
                       aliases=["the crash", "crash", "exchange"])]

    def found(text: str) -> list[tuple[str, str, str | None, str]]:
        return [(c.subject, c.property, c.event, str(c.value.date))
                for c in dated_with(project, entities, text, "2026-10-14")]

    assert found("The crash happened on September 17.\n") == [("grauvel-crash", "took_place_on", None, "2026-09-17")]
    assert found("The crash on the pass was the worst in years. Oral hearings took place on October 2.\n") == [
        ("grauvel-crash", "took_place_on", "hearing", "2026-10-02")]
    # news is new: "the last exchange" five years before the report is an earlier one, not the story's own
    assert found("The last exchange took place on June 4, 2021.\n") == []


def test_a_part_of_the_day_is_no_event(run):
    # written for tests: "since Monday morning" dates a start; "morning" is when, not what started
    assert [(p, e) for p, e, _, _ in dates(run("The curbs have applied since Monday morning.\n", "2026-07-14"))] == [
        ("started_on", None)]


def test_what_erupted_or_broke_out_is_an_event_not_the_country_named_beside_it(project):
    # written for tests: "erupted" was also a start word whose subject may be a country
    entities = [Entity(id="kaelu-eruption", kind="event", name="Mount Kaelu eruption"),
                Entity(id="serenthe", kind="country", name="Serenthe")]
    text = "When the volcano erupted on 14 September, Serenthe's government did what the manuals say.\n"
    found = dated_with(project, entities, text, "2026-10-20")
    assert [(c.subject, c.property) for c in found] == [("kaelu-eruption", "started_on")]


def test_a_past_verb_dates_backwards_whatever_its_entry_expects(run):
    # written for tests: "took effect" is done, so "Oct. 19" in a report of Oct. 28 is this year's, not next
    found = dates(run("He presented his resignation the following morning, and it took effect at noon on Oct. 19.\n",
                      "2026-10-28"))
    assert [(p, d) for p, _, d, _ in found] == [("effective_on", "2026-10-19")]
    assert [d for _, _, d, _ in dates(run("The new rules take effect on Oct. 19.\n", "2026-10-28"))] == ["2027-10-19"]


def test_a_past_verb_dates_backwards_when_the_text_reports_it(run):
    # written for tests: ", citing fuel prices" makes the sentence a report, and a report of a past deed is
    # still past: "in February" said in November is the February before, not the next one
    found = dates(run("Velmar Air shelved a first attempt to list in February, citing jet fuel prices.\n", "2026-11-06"))
    assert [(d, m) for _, _, d, m in found] == [("2026-02", "reported")]


def test_a_day_many_things_happened_on_is_that_figures_day_not_an_event(run):
    # written for tests: "1,140 schools closed their doors" on the first strike day dates the count of that
    # day; the story's schools did not close once. Two spans that dropped into a river are the collapse itself
    assert dates(run("On the first strike day, January 27, 1,140 schools closed their doors.\n", "2027-03-13")) == []
    assert dates(run("On Monday 412 flights were cancelled.\n", "2026-10-10")) == []
    assert [d for _, _, d, _ in dates(run("Two spans dropped into the river on the night of October 7.\n",
                                          "2026-11-10"))] == ["2026-10-07"]


def test_an_occurrence_the_clause_numbers_is_an_event_of_its_own(run):
    # written for tests: a budget passed a second time (or again) and a bill approved in first reading are one
    # occurrence each of something that happens more than once; an unnumbered one keeps the bare key
    found = dates(run("The first result was annulled, and the budget was passed a second time on Thursday.\n",
                      "2026-12-18"))
    assert [(e, d) for _, e, d, _ in found] == [("pass-budget-again", "2026-12-17")]
    [(_, again, _, _)] = dates(run("The council passed the budget again on Thursday.\n", "2026-12-18"))
    assert again.endswith("-again") and not again.endswith("-again-again")
    found = dates(run("The Chamber approved the bill in first reading on Tuesday.\n", "2026-12-18"))
    assert [e for _, e, _, _ in found] == ["approve-bill-first"]
    found = dates(run("The Chamber approved the bill on Tuesday.\n", "2026-12-18"))
    assert [e for _, e, _, _ in found] == ["approve-bill"]
    # a start told of the second wave of a strike is that wave's, on any property
    [(prop, wave, day, _)] = dates(run("The second wave of strikes by lecturers began on Monday.\n", "2027-02-24"))
    assert (prop, wave, day) == ("started_on", "strike-again", "2027-02-22")
    [(_, first, _, _)] = dates(run("The strike by lecturers began on Tuesday.\n", "2027-02-04"))
    assert first == "strike"


def test_a_reflexive_pronoun_is_no_event(project):
    # written for tests: "The contract itself was signed": what was signed is the contract, not "itself"
    entities = [Entity(id="droskel-contract", kind="agreement", name="Droskel Gorge construction contract"),
                Entity(id="sarovet", kind="place", name="Sarovet")]
    text = "The construction contract itself was signed on September 11 in Sarovet.\n"
    found = dated_with(project, entities, text, "2026-10-20")
    assert [(c.property, c.event) for c in found] == [("signed_on", "contract")]


def test_a_year_that_names_a_thing_dates_nothing(project):
    # written for tests: "the 2027 budget" is a budget's name; "walked out ... in 2027" would date the walk-out
    entities = [Entity(id="coalition-split", kind="event", name="Coalition split")]

    def found(text: str) -> list[str]:
        return [str(c.value.date) for c in dated_with(project, entities, text, "2026-10-15")]

    assert "2027" not in found("The Rural League walked out of the coalition over cuts in the 2027 budget.\n")
    assert "2029" not in found("Velmorra missed a coupon on its 2029 bond.\n")


def test_a_verb_that_tells_the_storys_own_event_happened_dates_it(project):
    # written for tests: in a story of a bridge's collapse "dropped" and "fell" date the collapse; in a story of
    # something else they keep their plain sense; an adjective ("the grounded tanker") dates nothing
    collapse = [Entity(id="aulmar-collapse", kind="event", name="Aulmar Bridge collapse"),
                Entity(id="aulmar-bridge", kind="place", name="Aulmar Bridge")]
    text = "Two spans of the Aulmar Bridge dropped into the Sabra on the night of October 6.\n"
    found = dated_with(project, collapse, text, "2026-10-09")
    assert [(c.subject, c.property, str(c.value.date)) for c in found] == [
        ("aulmar-collapse", "took_place_on", "2026-10-06")]
    strike = [Entity(id="dock-strike", kind="event", name="Sorrenhaven dock strike")]
    text = "Container volumes dropped into single digits on October 6.\n"
    assert [c.property for c in dated_with(project, strike, text, "2026-10-09")] == ["happened_on"]
    text = ("The roof of seam seven fell in the early hours of 8 September. Another section of the Aulmar Bridge fell "
            "into the river on 9 September.\n")
    assert [(c.property, str(c.value.date)) for c in dated_with(project, collapse, text, "2026-09-10")
            if c.property == "took_place_on"] == [("took_place_on", "2026-09-08")]  # another section is another fall
    grounding = [Entity(id="aurelian-star-grounding", kind="event", name="Aurelian Star grounding")]
    text = "By Saturday evening oil from the grounded tanker had washed up along 38 km of shoreline.\n"
    assert "took_place_on" not in [c.property for c in dated_with(project, grounding, text, "2026-10-18")]


def test_the_words_of_a_date_are_not_what_it_dates(run):
    # written for tests: "the end of August" is when the reserves stood at that level; nothing ended then
    assert dates(run("The city's cash reserves stood at 9.8 million dollars at the end of August.\n",
                     "2026-09-01")) == []
    assert dates(run("The talks ended at the end of August.\n", "2026-09-01")) == [
        ("ended_on", "talks", "2026-08", None)]  # what the clause's own verb ends


def test_did_not_until_dates_what_did_not_happen_before(run):
    # written for tests: the resort reopened on 7 March; "until" ends nothing here
    assert dates(run("The resort did not reopen until March 7.\n", "2026-03-20")) == [
        ("happened_on", "reopen", "2026-03-07", None)]
    assert dates(run("The road did not reopen on Friday.\n", "2026-03-20")) == []  # it did not happen then


def test_a_dated_noun_after_a_preposition_is_another_event(run):
    # written for tests: the medical was on 19 August; the signing two days later is not dated by it
    found = dates(run("Quirandal had his medical on August 19 before signing two days after that.\n", "2026-09-28"))
    assert all(event != "signing" for _, event, _, _ in found)


def test_since_after_a_negation_is_a_baseline_not_a_start(run):
    # written for tests: nothing started in 2023; a test was last run then
    assert dates(run("The regulator said the exchange had not run a full test of its standby centre since 2023.\n",
                     "2026-06-22")) == []
    assert [p for p, _, _, _ in dates(run("The ban has been in force since 2023.\n", "2026-06-22"))] == ["started_on"]


def test_a_shutdown_is_a_closure_told_in_other_words(run):
    # written for tests: "was shut down at 5:15 a.m." dates the closing as "was closed" does
    found = dates(run("Reactor 3 was shut down at 5:15 a.m. on Tuesday after a coolant leak.\n", "2026-06-12"))
    assert found == [("ended_on", "close", "2026-06-09", None)]
    assert dates(run("Operators shut down the reactor on Tuesday.\n", "2026-06-12"))[0][:2] == ("ended_on", "close")


def test_a_closure_told_as_a_state_on_a_day_is_not_its_end(run):
    # written for tests: round 25's schools "are closed today" gave the closure an end on the day of the report,
    # which met its real end days later
    assert [d[0] for d in dates(run("Four of the six schools around the park are closed today.\n", "2026-09-16"))] == []
    assert [d[0] for d in dates(run("Four of the six schools remained closed on Wednesday.\n", "2026-09-16"))] == []
    assert [d[0] for d in dates(run("The talks ended on Wednesday without a deal.\n", "2026-09-16"))] == ["ended_on"]

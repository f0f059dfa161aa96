"""The same-fact test: one subject and property is not yet one fact. Sentences written for tests."""

from __future__ import annotations

from pathlib import Path

from factcheck.comparators.base import Verdict
from factcheck.engine import run_rules
from factcheck.engine.context import ContextIndex
from factcheck.engine.same_fact import same_fact
from factcheck.rules import load_rules
from factcheck.rules.model import SameFact

from .corpus_builder import build_corpus

ROOT = Path(__file__).resolve().parents[2]
RULES = load_rules([ROOT / "rules"])


def dated(claim_id: str, day: str, sentence: str, **extra: object) -> dict:
    return {"id": claim_id, "kind": "date", "subject": "gsomia", "property": "expires_on", "value": {"date": day},
            "status": "auto", "confidence": 0.8, "evidence": {"text": sentence, "start": 0, "end": len(sentence)},
            **extra}


def conflicts(report) -> list:
    return [f for f in report.findings if f.verdict is Verdict.conflict]


def test_unreviewed_claims_in_different_contexts_are_not_compared() -> None:
    corpus = build_corpus({
        "a": ("2019-08-22", [dated("x", "2019-11-23", "The pact will expire on Nov. 23 if it is not renewed.")]),
        "b": ("2019-08-23", [dated("x", "2019-12-01", "Riot police stood outside the ministry on Dec. 1 as crowds "
                                                      "gathered to protest.")]),
    })
    report = run_rules(corpus, RULES)
    assert conflicts(report) == []
    assert report.summary.different_facts == 1
    assert "set aside as different facts" in report.summary.describe()


def test_unreviewed_claims_in_matching_contexts_conflict_and_say_why() -> None:
    corpus = build_corpus({
        "a": ("2019-08-22", [dated("x", "2019-11-23", "The pact will expire on Nov. 23 if it is not renewed.")]),
        "b": ("2019-08-23", [dated("x", "2019-11-30", "Unless renewed, the pact is set to expire on Nov. 30.")]),
    })
    [finding] = conflicts(run_rules(corpus, RULES))
    assert "same fact: contexts match" in finding.explanation
    assert finding.rests_on_unreviewed and finding.confidence == 0.8


def test_reviewed_claims_skip_the_context_test() -> None:
    corpus = build_corpus({
        "a": ("2019-08-22", [dated("x", "2019-11-23", "The pact will expire on Nov. 23.", status="reviewed")]),
        "b": ("2019-08-23", [dated("x", "2019-11-30", "Riot police gathered on Nov. 30.", status="reviewed")]),
    })
    assert len(conflicts(run_rules(corpus, RULES))) == 1


def test_different_events_and_modalities_are_different_facts() -> None:
    sentence = "The pact will expire on Nov. 23 if it is not renewed."
    for first, second, set_aside in (({"event": "pact-expiry"}, {"event": "ban-expiry"}, 1),
                                     ({"modality": "forecast"}, {"modality": "planned"}, 1),
                                     ({"modality": "forecast"}, {"modality": "done"}, 0),  # in time order
                                     ({"modality": "planned"}, {}, 0)):
        corpus = build_corpus({"a": ("2019-08-22", [dated("x", "2019-11-23", sentence, **first)]),
                               "b": ("2019-08-23", [dated("x", "2019-11-30", sentence, **second)])})
        report = run_rules(corpus, RULES)
        assert conflicts(report) == [] and report.summary.different_facts == set_aside, (first, second)


def test_reported_and_done_are_one_fact() -> None:
    sentence = "The pact will expire on Nov. 23 if it is not renewed."
    corpus = build_corpus({"a": ("2019-08-22", [dated("x", "2019-11-23", sentence, modality="reported")]),
                           "b": ("2019-08-23", [dated("x", "2019-11-30", sentence, modality="done")])})
    assert len(conflicts(run_rules(corpus, RULES))) == 1


def poll(claim_id: str, amount: float, counted: str, sentence: str) -> dict:
    return {"id": claim_id, "kind": "quantity", "subject": "gsomia", "property": "share",
            "value": {"amount": amount, "unit": "percent", "counted": counted}, "status": "reviewed",
            "evidence": {"text": sentence, "start": 0, "end": len(sentence)}}


def test_poll_figures_of_different_answers_are_different_facts() -> None:
    corpus = build_corpus({
        "a": ("2019-08-22", [poll("support", 55, "respondents who back ending the pact", "55 percent back ending it")]),
        "b": ("2019-08-23", [poll("oppose", 31, "respondents who oppose ending the pact", "31 percent oppose it"),
                             poll("support", 48, "respondents backing an end to the pact", "48 percent back it")]),
    })
    [finding] = conflicts(run_rules(corpus, RULES))
    assert {c.key for c in finding.claims} == {"a/support", "b/support"}


def test_a_referendum_s_yes_and_no_are_different_answers() -> None:
    # written for tests: "no" is a stop word anywhere else; here it is the answer counted
    corpus = build_corpus({
        "a": ("2026-10-04", [dict(poll("yes", 51, "yes side", "The Sondra exit poll puts the yes side on 51%, "
                                                              "the polling firm says"), status="auto", event="poll")]),
        "b": ("2026-10-04", [dict(poll("no", 46, "no", "The Sondra exit poll puts yes on 54% and no on 46%, "
                                                       "the polling firm says"), status="auto", event="poll")]),
    })
    assert conflicts(run_rules(corpus, RULES)) == []


def test_the_test_is_symmetric_and_explains_itself() -> None:
    corpus = build_corpus({
        "a": ("2019-08-22", [dated("x", "2019-11-23", "The pact will expire on Nov. 23.")]),
        "b": ("2019-08-23", [dated("x", "2019-11-23", "Seoul announced the decision on Thursday.")]),
    })
    a, b = corpus.claims()
    index = ContextIndex(corpus.entities)
    one, two = same_fact(a, b, SameFact(), index), same_fact(b, a, SameFact(), index)
    assert (one.same, one.score) == (two.same, two.score) and not one.same
    assert one.reason.startswith("contexts differ: 0.00 <")


def test_a_forecast_and_the_outcome_are_shown_in_time_order_not_as_a_conflict() -> None:
    corpus = build_corpus({
        "early": ("2019-08-22", [dated("x", "2019-11-23", "The pact is expected to expire on Nov. 23 unless renewed.",
                                       modality="forecast")]),
        "late": ("2019-11-25", [dated("x", "2019-11-24", "The pact expired on Nov. 24 after it was not renewed.")]),
    })
    report = run_rules(corpus, RULES)
    assert conflicts(report) == []
    [finding] = [f for f in report.findings if f.verdict is not Verdict.unverified]
    assert finding.verdict is Verdict.compatible
    assert finding.explanation.startswith("early vs late: In time order: early (2019-08-22) gives it as forecast, "
                                          "then late (2019-11-25) gives it as done.")
    assert "not a conflict" in finding.explanation and finding.pairs[0].comparison.facts["sequence"] is True


def test_an_unreviewed_claim_is_also_compared_under_the_entities_its_evidence_names() -> None:
    # extraction gave the second claim the nearest name as subject; its sentence names GSOMIA
    sentence = "TISA officials said GSOMIA will expire on Nov. 30 unless it is renewed."
    corpus = build_corpus({
        "a": ("2019-08-22", [dated("x", "2019-11-23", "The GSOMIA pact will expire on Nov. 23 unless renewed.")]),
        "b": ("2019-08-23", [dated("x", "2019-11-30", sentence, subject="tisa")]),
    })
    [finding] = conflicts(run_rules(corpus, RULES))
    assert {c.claim.subject for c in finding.claims} == {"gsomia", "tisa"}
    reviewed = build_corpus({
        "a": ("2019-08-22", [dated("x", "2019-11-23", "The GSOMIA pact will expire on Nov. 23.", status="reviewed")]),
        "b": ("2019-08-23", [dated("x", "2019-11-30", sentence, subject="tisa", status="reviewed")]),
    })
    assert conflicts(run_rules(reviewed, RULES)) == []  # a reviewed subject is the reviewer's word


def test_two_counts_of_one_thing_dated_to_the_same_day_need_no_context() -> None:
    # written for tests: a live blog and a newspaper give the toll by the same evening
    def toll(amount: int, sentence: str, as_of: str = "2026-03-18") -> dict:
        return {"id": "toll", "kind": "quantity", "subject": "gsomia", "property": "count", "as_of": as_of,
                "value": {"amount": amount, "unit": "dead", "counted": "dead"}, "status": "auto",
                "evidence": {"text": sentence, "start": 0, "end": len(sentence)}}

    blog = "By Wednesday evening, 23 bodies had been recovered, the agency said in its daily briefing."
    paper = "Police named the captain as a suspect, as the number of dead rose to 32 by Wednesday evening."
    corpus = build_corpus({"a": ("2026-03-18", [toll(23, blog)]), "b": ("2026-03-19", [toll(32, paper)])})
    [finding] = conflicts(run_rules(corpus, RULES))
    assert "the same thing counted at the same stated moment" in finding.explanation
    other_day = build_corpus({"a": ("2026-03-18", [toll(23, blog)]), "b": ("2026-03-19", [toll(32, paper, "2026-03-19")])})
    assert conflicts(run_rules(other_day, RULES)) == []


def test_a_bare_people_count_is_unknown_and_a_shared_stated_day_lowers_the_bar() -> None:
    # written for tests: the toll by the same morning, one count says only "people"
    def toll(claim_id: str, amount: int, counted: str, sentence: str) -> dict:
        return {"id": claim_id, "kind": "quantity", "subject": "gsomia", "property": "count",
                "as_of": "2026-10-15", "status": "auto",
                "value": {"amount": amount, "unit": "people", "counted": counted},
                "evidence": {"text": sentence, "start": 0, "end": len(sentence)}}

    corpus = build_corpus({
        "a": ("2026-10-15", [toll("t", 112, "people", "The number of people killed by the earthquake rose to 112 by "
                                                      "Thursday morning, the ministry said.")]),
        "b": ("2026-10-15", [toll("t", 121, "people died", "By Thursday morning 121 people had died in the "
                                                           "earthquake, officials said, as rescuers dug on.")]),
    })
    [finding] = conflicts(run_rules(corpus, RULES))
    assert "(same key)" in finding.explanation


def test_figures_dated_to_different_times_are_different_facts_unless_the_rule_lets_them_vary() -> None:
    def turnout(amount: float, as_of: str, sentence: str) -> dict:
        return {"id": "turnout", "kind": "quantity", "subject": "gsomia", "property": "share", "as_of": as_of,
                "value": {"amount": amount, "unit": "percent"}, "status": "auto",
                "evidence": {"text": sentence, "start": 0, "end": len(sentence)}}

    # written for tests: this year's turnout and the turnout of the last election
    corpus = build_corpus({
        "a": ("2027-04-12", [turnout(63.6, "2027-04-11", "Turnout was 63.6 percent on Sunday, officials said.")]),
        "b": ("2027-04-12", [turnout(51.6, "2019", "Turnout was 51.6 percent in 2019, officials said.")]),
    })
    report = run_rules(corpus, RULES)
    assert conflicts(report) == [] and report.summary.different_facts == 1


def length(claim_id: str, minutes: int, subject: str, sentence: str) -> dict:
    return {"id": claim_id, "kind": "duration", "subject": subject, "property": "lasted", "event": "phone-call",
            "value": {"amount": minutes, "unit": "minute"}, "status": "auto",
            "evidence": {"text": sentence, "start": 0, "end": len(sentence)}}


def test_event_lengths_need_only_the_event_key_but_not_across_subjects() -> None:
    # written for tests: two outlets on one call, worded nothing alike (FC103: min_context_keyed 0)
    first = "The minister said the 40-minute call had been frank and respectful."
    second = "Exporters are redirecting shipments after a 55-minute phone call on Monday ended without a breakthrough."
    corpus = build_corpus({"a": ("2025-09-16", [length("call", 40, "gsomia", first)]),
                           "b": ("2025-09-17", [length("call", 55, "gsomia", second)])})
    [finding] = conflicts(run_rules(corpus, RULES))
    assert finding.rule_id == "FC103" and "(same key)" in finding.explanation
    # the second claim's subject differs: it meets the first only because its sentence names GSOMIA
    other = second.replace("phone call", "phone call about GSOMIA")
    apart = build_corpus({"a": ("2025-09-16", [length("call", 40, "gsomia", first)]),
                          "b": ("2025-09-17", [length("call", 55, "tisa", other)])})
    assert conflicts(run_rules(apart, RULES)) == []


def count(claim_id: str, amount: float, counted: str, sentence: str) -> dict:
    return {"id": claim_id, "kind": "quantity", "subject": "gsomia", "property": "count",
            "value": {"amount": amount, "unit": "diplomat", "counted": counted}, "status": "auto", "confidence": 0.65,
            "evidence": {"text": sentence, "start": 0, "end": len(sentence)}}


def test_whose_diplomats_are_counted_keeps_two_expulsions_apart() -> None:
    # written for tests: a people's name is dropped from what a poll counts ("Koreans" answering are its
    # respondents), never from what a count counts: six Japanese diplomats are not seven Korean ones
    corpus = build_corpus({
        "a": ("2019-08-22", [count("x", 6, "japanese diplomat", "Seoul expelled six Japanese diplomats on Monday.")]),
        "b": ("2019-08-23", [count("x", 7, "korean diplomat", "Tokyo answered by expelling seven Korean diplomats.")]),
    })
    report = run_rules(corpus, RULES)
    assert conflicts(report) == [] and report.summary.different_facts == 1


def unreviewed_date(subject: str, property_id: str, day: str, sentence: str) -> dict:
    return {"id": "x", "kind": "date", "subject": subject, "property": property_id, "value": {"date": day},
            "status": "auto", "confidence": 0.8, "evidence": {"text": sentence, "start": 0, "end": len(sentence)}}


def took_place(claim_id: str, day: str, sentence: str) -> dict:
    return unreviewed_date("moon-abe-summit", "took_place_on", day, sentence)


def test_two_dates_of_the_subject_event_itself_need_no_likeness_of_context() -> None:
    # written for tests: the subject is the summit, and both claims date the summit by its noun
    entities = [{"id": "moon-abe-summit", "kind": "event", "name": "Moon-Abe summit"}]
    corpus = build_corpus({
        "a": ("2019-12-25", [took_place("x", "2019-12-24", "Moon and Abe met at the summit on Tuesday in Chengdu.")]),
        "b": ("2020-01-10", [took_place("x", "2019-12-23", "Little came of the Dec. 23 summit, officials conceded.")]),
    }, entities=entities)
    [finding] = conflicts(run_rules(corpus, RULES))
    assert "both date moon-abe-summit itself" in finding.explanation


def test_the_date_of_the_subject_itself_is_not_the_date_of_another_event_filed_under_it() -> None:
    # written for tests: the grounding took place on Saturday; the captain's arrest, filed under the
    # grounding with event `arrest`, on Monday
    entities = [{"id": "moon-abe-summit", "kind": "event", "name": "Moon-Abe summit"}]
    arrest = {**took_place("y", "2019-12-30", "Moon's aide at the summit in Chengdu was detained on Monday."),
              "event": "arrest"}
    corpus = build_corpus({
        "a": ("2019-12-25", [took_place("x", "2019-12-24", "Moon and Abe met at the summit on Tuesday in Chengdu.")]),
        "b": ("2020-01-02", [arrest]),
    }, entities=entities)
    assert conflicts(run_rules(corpus, RULES)) == []


def test_a_year_written_into_the_name_of_an_agreement_is_its_own() -> None:
    # written for tests: two sentences that share nothing but the treaty's name and a year in it
    def signed(claim_id: str, year: str, sentence: str) -> dict:
        return unreviewed_date("saltmere-treaty", "signed_on", year, sentence)

    entities = [{"id": "saltmere-treaty", "kind": "agreement", "name": "Treaty of Saltmere",
                 "aliases": ["Saltmere treaty"]}]
    corpus = build_corpus({
        "a": ("2026-10-06", [signed("t", "1961", "Judges rejected the argument built on the 1961 Treaty of Saltmere.")]),
        "b": ("2026-10-06", [signed("t", "1967", "The Saltmere treaty of 1967 drew the land border near the coast.")]),
    }, entities=entities)
    [finding] = conflicts(run_rules(corpus, RULES))
    assert "both write the year into the name of saltmere-treaty" in finding.explanation


def test_one_verb_and_one_object_of_one_subject_lower_the_bar() -> None:
    # written for tests: two outlets date the board's rejection of the offer; their sentences share little
    first = "The pact's board on Thursday unanimously rejected the offer as opportunistic and undervaluing the company."
    second = "Investors were told on Wednesday, when the directors rejected the offer, that talks had ended."

    def corpus(event: str):  # the same two sentences, with the event an open predicate names
        return build_corpus({
            "a": ("2026-06-11", [dated("r", "2026-06-11", first, property="happened_on", event=event)]),
            "b": ("2026-06-12", [dated("r", "2026-06-10", second, property="happened_on", event=event)]),
        })
    assert len(conflicts(run_rules(corpus("reject-offer"), RULES))) == 1  # verb and object: the keyed bar (0.1)
    assert conflicts(run_rules(corpus("reject"), RULES)) == []  # the verb alone: contexts 0.14 < 0.2


def test_the_announcement_of_one_named_thing_lowers_the_bar() -> None:
    # written for tests: two outlets date one announcement (of the end) in sentences that share little
    first = "Prime Minister Anna Lenk announced on Tuesday that her cabinet had decided to end it, citing housing costs."
    second = "The cabinet in Grusk announced on Wednesday it would end the arrangement within six months."

    def corpus(property_id: str):
        return build_corpus({
            "a": ("2026-09-08", [dated("n", "2026-09-08", first, property=property_id, event="end")]),
            "b": ("2026-09-11", [dated("n", "2026-09-09", second, property=property_id, event="end")]),
        })
    [finding] = conflicts(run_rules(corpus("announced_on"), RULES))
    assert "(same key)" in finding.explanation
    assert conflicts(run_rules(corpus("decided_on"), RULES)) == []  # a decision's day: the context test's usual bar


def test_a_state_that_runs_may_differ_between_two_stated_days() -> None:
    # written for tests: ships waiting at anchor on Monday and on Wednesday; a queue grows and shrinks
    def ships(amount: int, as_of: str, sentence: str) -> dict:
        return {"id": "ships", "kind": "quantity", "subject": "gsomia", "property": "count", "as_of": as_of,
                "value": {"amount": amount, "unit": "container ship", "counted": "container ship wait"},
                "status": "auto", "evidence": {"text": sentence, "start": 0, "end": len(sentence)}}

    corpus = build_corpus({
        "a": ("2026-09-07", [ships(12, "2026-09-07", "By Monday evening 12 container ships were waiting at anchor.")]),
        "b": ("2026-09-09", [ships(31, "2026-09-09", "Thirty-one container ships were waiting at anchor on Wednesday evening.")]),
    })
    report = run_rules(corpus, RULES)
    assert conflicts(report) == []
    [finding] = [f for f in report.findings if f.verdict is Verdict.compatible]
    assert "values at different dates" in finding.explanation
    falling = build_corpus({  # a state may also fall: 57 waiting on Monday, 38 on Tuesday once berths free up
        "a": ("2026-09-14", [ships(57, "2026-09-14", "On Monday evening 57 container ships were waiting at anchor.")]),
        "b": ("2026-09-16", [ships(38, "2026-09-15", "By Tuesday evening 38 container ships were still waiting at anchor.")]),
    })
    assert conflicts(run_rules(falling, RULES)) == []


def test_two_ages_of_one_person_are_one_fact_however_told() -> None:
    # written for tests: one man's age told in two unlike sentences (no context word shared)
    def age(years: int, sentence: str) -> dict:
        return {"id": "age", "kind": "duration", "subject": "dusan-vinsk", "property": "age",
                "value": {"amount": years, "unit": "year", "direction": "before"}, "status": "auto",
                "confidence": 0.8, "evidence": {"text": sentence, "start": 0, "end": len(sentence)}}
    person = [{"id": "dusan-vinsk", "kind": "person", "name": "Dusan Vinsk"}]
    corpus = build_corpus({
        "a": ("2026-06-11", [age(34, "Police named the man only as Dusan V., 34, from the Old Mill district.")]),
        "b": ("2026-06-12", [age(43, "Vinsk is a 43-year-old machine operator who had worked there since 2011.")]),
    }, entities=person)
    [finding] = conflicts(run_rules(corpus, RULES))
    assert "same fact: both give the age of dusan-vinsk" in finding.explanation
    thing = [{"id": "dusan-vinsk", "kind": "organisation", "name": "Dusan Vinsk"}]  # a thing's age still needs context
    assert conflicts(run_rules(build_corpus({
        "a": ("2026-06-11", [age(34, "Police named the man only as Dusan V., 34, from the Old Mill district.")]),
        "b": ("2026-06-12", [age(43, "Vinsk is a 43-year-old machine operator who had worked there since 2011.")]),
    }, entities=thing), RULES)) == []


def test_the_time_a_named_event_is_given_is_one_fact_however_told() -> None:
    # written for tests: the inquiry's deadline told twice in unlike words; a story's event it is not named for
    def allowed(days: int, subject: str, sentence: str) -> dict:
        return {"id": "allowed", "kind": "duration", "subject": subject, "property": "time_allowed",
                "value": {"amount": days, "unit": "day"}, "status": "auto", "confidence": 0.8,
                "evidence": {"text": sentence, "start": 0, "end": len(sentence)}}
    inquiry = [{"id": "kirrenau-inquiry", "kind": "event", "name": "Kirrenau inquiry", "aliases": ["the inquiry"]}]
    first = "The minister said the inquiry has 60 days to report."
    second = "Judge Kirrenau, who leads the inquiry, was given 90 days by parliament."
    corpus = build_corpus({"a": ("2026-06-11", [allowed(60, "kirrenau-inquiry", first)]),
                           "b": ("2026-06-12", [allowed(90, "kirrenau-inquiry", second)])}, entities=inquiry)
    [finding] = conflicts(run_rules(corpus, RULES))
    assert "same fact: both give the time kirrenau-inquiry has" in finding.explanation
    unnamed = second.replace("who leads the inquiry", "who leads it")  # the subject a fallback: context decides
    corpus = build_corpus({"a": ("2026-06-11", [allowed(60, "kirrenau-inquiry", first)]),
                           "b": ("2026-06-12", [allowed(90, "kirrenau-inquiry", unnamed)])}, entities=inquiry)
    assert all("both give the time" not in f.explanation for f in run_rules(corpus, RULES).findings)

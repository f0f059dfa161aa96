"""The same-fact test on figures and recurring events (sentences written for tests)."""

from __future__ import annotations

import dataclasses

from pathlib import Path

from factcheck.comparators.base import Verdict
from factcheck.engine import run_rules
from factcheck.rules import load_rules

from .corpus_builder import build_corpus

ROOT = Path(__file__).resolve().parents[2]
RULES = load_rules([ROOT / "rules"])


def figure(claim_id: str, amount: float, unit: str, sentence: str, **extra: object) -> dict:
    return {"id": claim_id, "kind": "quantity", "subject": "gsomia", "property": "amount",
            "value": {"amount": amount, "unit": unit}, "status": "auto", "confidence": 0.7,
            "evidence": {"text": sentence, "start": 0, "end": len(sentence)}, **extra}


def verdicts(report) -> list[str]:
    return sorted(f.verdict.value for f in report.findings if f.verdict is not Verdict.unverified)


def assert_two_things(corpus) -> None:
    """The corpus's two claims are set apart as two facts: nothing compared, one pair not the same fact."""
    report = run_rules(corpus, RULES)
    assert verdicts(report) == [] and report.summary.different_facts == 1


def _count(claim_id: str, amount: float, unit: str, counted: str, sentence: str) -> dict:
    return figure(claim_id, amount, unit, sentence, property="count",
                  value={"amount": amount, "unit": unit, "counted": counted})


def _length(amount: float, unit: str, sentence: str) -> dict:
    return {"id": "l", "kind": "duration", "subject": "gsomia", "property": "lasted", "event": "talks",
            "value": {"amount": amount, "unit": unit}, "status": "auto", "confidence": 0.7,
            "evidence": {"text": sentence, "start": 0, "end": len(sentence)}}


def test_figures_orders_of_magnitude_apart_are_two_things() -> None:
    corpus = build_corpus({
        "a": ("2026-06-08", [figure("x", 18.6e9, "NVK", "The offer values the pact's assets at NVK 18.6 billion, "
                                                        "a premium to the price of 314.5 crowns.")]),
        "b": ("2026-06-23", [figure("x", 314.5, "NVK", "The offer values the pact's assets at 314.5 crowns a share, "
                                                       "a premium to the earlier price.")]),
    })
    assert_two_things(corpus)


def test_lengths_orders_of_magnitude_apart_are_two_things() -> None:
    corpus = build_corpus({
        "a": ("2026-10-08", [_length(3, "month", "The pact's commission will hold its first session within three months.")]),
        "b": ("2026-10-08", [_length(40, "minute", "The pact came out of a 40-minute meeting on Tuesday.")]),
        "c": ("2026-10-08", [_length(90, "minute", "The pact came out of a 90-minute meeting on Tuesday.")]),
    })
    report = run_rules(corpus, RULES)
    conflicts = [{pair.first.split("/")[0], pair.second.split("/")[0]} for f in report.findings for pair in f.pairs
                 if pair.comparison is not None and pair.comparison.verdict is Verdict.conflict]
    assert conflicts == [{"b", "c"}]  # 40 and 90 minutes; three months is another thing


def test_an_agreements_term_is_one_fact_however_it_is_told() -> None:
    def term(years: int, sentence: str) -> dict:
        return {"id": "t", "kind": "duration", "subject": "gsomia", "property": "term",
                "value": {"amount": years, "unit": "year"}, "status": "auto", "confidence": 0.7,
                "evidence": {"text": sentence, "start": 0, "end": len(sentence)}}
    corpus = build_corpus({  # written for tests: the two sentences share no word but the pact's name
        "a": ("2026-10-08", [term(20, "The pact will remain in force for 20 years.")]),
        "b": ("2026-11-24", [term(25, "The 25-year pact commits Kestria to a summer release of water downstream.")]),
    })
    assert verdicts(run_rules(corpus, RULES)) == ["conflict"]


def test_a_slip_of_scale_is_still_compared() -> None:
    corpus = build_corpus({
        "a": ("2026-06-08", [figure("x", 1.2e9, "USD", "The pact's fund holds $1.2 billion, the ministry said.")]),
        "b": ("2026-06-09", [figure("x", 1.2e6, "USD", "The pact's fund holds $1.2 million, the ministry said.")]),
    })
    assert verdicts(run_rules(corpus, RULES)) == ["conflict"]


def test_a_tenfold_apart_by_chance_is_no_slip_of_scale() -> None:
    # written for tests: a region's growth and its population are about ten times apart, but their digits differ;
    # a figure rounded and told at another scale ("40 million" for 3.96 million) is still a slip
    corpus = build_corpus({
        "a": ("2026-03-30", [_count("x", 211818, "resident", "resident",
                                    "The capital region grew 11.2% in ten years, adding 211,818 residents.")]),
        "b": ("2026-03-31", [_count("x", 2104918, "resident", "resident",
                                    "The capital region now has 2,104,918 residents, the census shows.")]),
    })
    assert_two_things(corpus)
    corpus = build_corpus({
        "a": ("2026-06-08", [figure("x", 3.96e6, "USD", "The pact's fund holds $3.96 million, the ministry said.")]),
        "b": ("2026-06-09", [figure("x", 40e6, "USD", "The pact's fund holds $40 million, the ministry said.")]),
    })
    assert verdicts(run_rules(corpus, RULES)) == ["conflict"]


def test_two_rounds_of_talks_are_not_one_fact_by_their_event_alone() -> None:
    def talks(day: str, sentence: str) -> dict:
        return {"id": "t", "kind": "date", "subject": "gsomia", "property": "met_on", "event": "talks",
                "modality": "forecast", "value": {"date": day}, "status": "auto", "confidence": 0.7,
                "evidence": {"text": sentence, "start": 0, "end": len(sentence)}}
    corpus = build_corpus({
        "a": ("2026-09-07", [talks("2026-09-08", "The talks, brokered by Lorvenian Foreign Minister Ines Hadrava, "
                                                 "are due to open on Tuesday and are expected to last two days, a "
                                                 "Lorvenian diplomat said.")]),
        "b": ("2026-10-20", [talks("2026-11-02", "Talks on extending it are due to open in Saltholm on November 2.")]),
    })
    assert_two_things(corpus)


def test_the_fine_of_one_subject_is_one_fact_however_it_is_told() -> None:
    # written for tests: the wire's "fined ... 4.2 million" and the analysis's "the fine of 2.4 million" share
    # no words, yet a story's fine is one figure; a cap ("the maximum fine") counts another thing
    corpus = build_corpus({
        "a": ("2026-11-26", [figure("x", 4.2e6, "velar", "The regulator fined the airline 4.2 million velars on Thursday.",
                                    value={"amount": 4.2e6, "unit": "velar", "counted": "fine"})]),
        "b": ("2026-11-30", [figure("x", 2.4e6, "velar", "Observers called the fine of 2.4 million velars modest.",
                                    value={"amount": 2.4e6, "unit": "velar", "counted": "fine"}),
                             figure("y", 9e6, "velar", "The law sets a maximum fine of 9 million velars.",
                                    value={"amount": 9e6, "unit": "velar", "counted": "maximum fine"})]),
    })
    assert verdicts(run_rules(corpus, RULES)) == ["conflict"]


def test_one_answer_of_one_poll_said_with_fewer_words_is_the_same_fact() -> None:
    def share(amount: float, counted: str, sentence: str) -> dict:
        return {"id": f"s{amount:g}", "kind": "quantity", "subject": "gsomia", "property": "share",
                "event": "poll-northstar", "value": {"amount": amount, "unit": "percent", "counted": counted},
                "status": "auto", "confidence": 0.7, "evidence": {"text": sentence, "start": 0, "end": len(sentence)}}
    corpus = build_corpus({  # written for tests
        "a": ("2026-09-15", [share(54, "respondents support leave lisvard agreement",
                                   "A Northstar poll finds 54% support leaving the Lisvard Agreement."),
                             share(37, "respondents oppose", "A Northstar poll finds 37% are against it.")]),
        "b": ("2026-10-02", [share(45, "respondents support leave", "A Northstar poll published last week found 45% backing the exit.")]),
    })
    report = run_rules(corpus, RULES)
    conflicts = [sorted(item.claim.value.amount for item in f.claims) for f in report.findings
                 if f.verdict is Verdict.conflict]
    assert conflicts == [[45, 54]]  # the 37% against is another answer


def test_one_poll_answered_by_everyone_and_by_a_group_of_them_is_two_facts() -> None:
    # written for tests: round 25's poll, where 58% of public-sector workers and 41% of voters backed the pilot
    def share(claim_id: str, amount: float, counted: str, sentence: str) -> dict:
        return {"id": claim_id, "kind": "quantity", "subject": "gsomia", "property": "share",
                "event": "poll-sundmark", "value": {"amount": amount, "unit": "percent", "counted": counted},
                "status": "auto", "confidence": 0.7, "evidence": {"text": sentence, "start": 0, "end": len(sentence)}}
    group = share("g", 58, "public-sector staff support pilot",
                  "A Sundmark poll found that 58 per cent of public-sector workers support the pilot.")
    corpus = build_corpus({
        "a": ("2027-11-10", [group]),
        "b": ("2027-12-03", [share("w", 41, "respondents support pilot", "A Sundmark poll found that 41 per cent of "
                                   "voters back the pilot.")]),
        "c": ("2027-11-12", [share("m", 85, "public-sector staff support pilot", "In the Sundmark poll, 85 per cent "
                                   "of public-sector workers support the pilot.")]),
    })
    report = run_rules(corpus, RULES)
    conflicts = [sorted(item.claim.value.amount for item in f.claims) for f in report.findings
                 if f.verdict is Verdict.conflict]
    assert conflicts == [[58, 85]]  # the group misreported conflicts; everyone's 41% is another answer


def test_tallies_of_two_votes_are_two_facts_but_a_misreported_tally_conflicts() -> None:
    # written for tests: a bill's first and final readings, and one outlet misreporting the first
    def votes(claim_id: str, amount: float, side: str, sentence: str) -> dict:
        return figure(claim_id, amount, "vote", sentence, property="votes",
                      value={"amount": amount, "unit": "vote", "counted": f"votes {side}"})
    first = "The bill passed its first reading by 108 votes to 86, with seven abstentions, after a six-hour debate."
    final = "Deputies passed the bill by 103 votes to 95, with three abstentions, a day later than planned."
    wrong = "The chamber backed the bill by 118 votes to 86, with 7 abstentions."
    readings = build_corpus({"a": ("2026-02-11", [votes("f", 108, "for", first)]),
                             "b": ("2026-02-26", [votes("f", 103, "for", final)])})
    assert_two_things(readings)
    misreported = build_corpus({"a": ("2026-02-11", [votes("f", 108, "for", first)]),
                                "b": ("2026-02-12", [votes("f", 118, "for", wrong)])})
    assert verdicts(run_rules(misreported, RULES)) == ["conflict"]


def test_a_warning_level_is_the_level_of_its_day_while_an_events_rating_is_one_fact() -> None:
    def level(amount: int, counted: str, sentence: str, as_of: str | None = None) -> dict:
        extra = {"as_of": as_of} if as_of else {}
        return figure("r", amount, "level", sentence, value={"amount": amount, "unit": "level", "counted": counted},
                      **extra)
    # written for tests: the rating of the pact's breach, told in July; the alert level on two days
    rated = build_corpus({
        "a": ("2026-06-11", [level(1, "level", "The inspectorate rated the pact's breach Level 1 on the INES scale.")]),
        "b": ("2026-07-20", [level(2, "level", "The inspectorate graded the pact's breach Level 2 on the scale.")]),
    })
    assert verdicts(run_rules(rated, RULES)) == ["conflict"]
    alerts = build_corpus({
        "a": ("2026-09-15", [level(4, "alarm level", "The pact's observers raised the alert to Level 4.", "2026-09-15")]),
        "b": ("2026-10-09", [level(3, "alarm level", "The pact's observers lowered the alert to Level 3 on 21 September.",
                                   "2026-09-21")]),
    })
    assert verdicts(run_rules(alerts, RULES)) == []


def test_the_same_minute_at_another_hour_is_one_moment_with_the_hour_slipped() -> None:
    def at(claim_id: str, event: str, hour: int, minute: int, sentence: str, zone: str | None = None) -> dict:
        time = {"hour": hour, "minute": minute, **({"zone": zone} if zone else {})}
        return {"id": claim_id, "kind": "date", "subject": "gsomia", "property": "happened_on", "event": event,
                "value": {"date": "2026-10-08", "time": time}, "status": "auto", "confidence": 0.7,
                "evidence": {"text": sentence, "start": 0, "end": len(sentence)}}
    # written for tests: two outlets' words for the moment the pact's systems failed, an hour apart; two
    # things done at round hours; one moment told in two named time zones; a meeting five hours from the failure
    corpus = build_corpus({
        "a": ("2026-10-09", [at("fail", "hit-failure", 4, 52, "The pact's failure hit at 04:52."),
                             at("open", "open-talks", 10, 0, "The pact's talks opened at 10:00."),
                             at("zone", "sign-pact", 14, 33, "The pact was signed at 14:33 local time.", "local time"),
                             at("far", "meet-envoys", 9, 52, "The pact's envoys met at 09:52.")]),
        "b": ("2026-10-09", [at("fail", "go-systems", 5, 52, "The pact's systems went down at 5:52 a.m."),
                             at("open", "close-talks", 11, 0, "The pact's talks closed at 11:00."),
                             at("zone", "sign-pact-gmt", 12, 33, "The pact was signed at 12:33 GMT.", "GMT")]),
    })
    report = run_rules(corpus, RULES)
    conflicts = [sorted((pair.first, pair.second)) for f in report.findings for pair in f.pairs
                 if pair.comparison is not None and pair.comparison.verdict is Verdict.conflict]
    assert conflicts == [["a/fail", "b/fail"]]
    finding = next(f for f in report.findings if "a/fail" in {c.key for c in f.claims})
    assert "slip of the hour" in finding.pairs[0].comparison.explanation


def _with_ratio(limit: float) -> list:
    """The project's rules with `max_ratio_uncounted` set for every rule (as a rule file's `same_fact:` would)."""
    out = []
    for loaded in RULES:
        same = loaded.rule.same_fact.model_copy(update={"max_ratio_uncounted": limit})
        out.append(dataclasses.replace(loaded, rule=loaded.rule.model_copy(update={"same_fact": same})))
    return out


def test_uncounted_figures_far_apart_are_two_things() -> None:
    # written for tests: a gang's first demand and the demand it cut to, told in near-identical sentences;
    # nothing counted ties the two figures, and 2.4x apart they are not one figure misreported
    corpus = build_corpus({
        "a": ("2026-06-08", [figure("x", 6e6, "USD", "The gang behind the pact's leak is demanding $6 million, police said.")]),
        "b": ("2026-06-12", [figure("x", 2.5e6, "USD", "The gang behind the pact's leak has cut its demand to $2.5 million, police said.")]),
    })
    assert_two_things(corpus)
    assert verdicts(run_rules(corpus, _with_ratio(3.0))) == ["conflict"]  # the limit is the rule's parameter


def test_uncounted_figures_close_together_are_still_compared() -> None:
    corpus = build_corpus({  # written for tests: 1.2x apart, one figure misreported
        "a": ("2026-06-08", [figure("x", 6e6, "USD", "The gang behind the pact's leak is demanding $6 million, police said.")]),
        "b": ("2026-06-09", [figure("x", 5e6, "USD", "The gang behind the pact's leak is demanding $5 million, police said.")]),
    })
    assert verdicts(run_rules(corpus, RULES)) == ["conflict"]


def test_counted_figures_may_lie_further_apart_than_uncounted_ones() -> None:
    def stations(amount: float, written: str) -> dict:  # an amount (FC301, 3x), not a count (FC302, 2x)
        return figure("c", amount, "station", f"The pact's recount covers {written} polling stations, the commission said.",
                      value={"amount": amount, "unit": "station", "counted": "polling station recounted"})
    corpus = build_corpus({  # written for tests: both say what they count, 2.5x apart (within 3x) and 5.4x apart
        "a": ("2026-06-08", [stations(212, "212")]),
        "b": ("2026-06-09", [stations(530, "530")]),
        "c": ("2026-06-10", [stations(1140, "1,140")]),
    })
    report = run_rules(corpus, RULES)
    pairs = sorted(sorted((pair.first.split("/")[0], pair.second.split("/")[0])) for f in report.findings
                   for pair in f.pairs if pair.comparison is not None and pair.comparison.verdict is Verdict.conflict)
    assert pairs == [["a", "b"], ["b", "c"]]  # 212 and 1,140 are 5.4x apart: two things


def test_a_slip_of_digits_is_compared_however_far_apart() -> None:
    corpus = build_corpus({  # written for tests: "38" told as "83", 2.2x apart and nothing counted
        "a": ("2026-06-08", [figure("x", 38, "metre", "The tunnel under the pact's border post is 38 metres long.")]),
        "b": ("2026-06-09", [figure("x", 83, "metre", "The tunnel under the pact's border post is 83 metres long.")]),
    })
    assert verdicts(run_rules(corpus, RULES)) == ["conflict"]


def test_reviewed_figures_are_compared_however_far_apart() -> None:
    corpus = build_corpus({  # a person said these are one fact
        "a": ("2026-06-08", [figure("x", 6e6, "USD", "The gang is demanding $6 million.", status="reviewed")]),
        "b": ("2026-06-12", [figure("x", 2.5e6, "USD", "It wants $2.5 million.", status="reviewed")]),
    })
    assert verdicts(run_rules(corpus, RULES)) == ["conflict"]


def test_a_slip_of_digits_is_compared_though_what_is_counted_is_told_differently() -> None:
    # written for tests: "412" told as "421", the stations counted in other words (Jaccard 2/4 < 0.7)
    corpus = build_corpus({
        "a": ("2026-10-09", [_count("x", 412, "station", "polling station observers visited",
                                    "The pact's observers visited 412 polling stations on Sunday.")]),
        "b": ("2026-10-10", [_count("x", 421, "station", "station visited",
                                    "The pact's monitors visited 421 stations on Sunday.")]),
    })
    assert verdicts(run_rules(corpus, RULES)) == ["conflict"]


def test_other_figures_counted_differently_stay_apart() -> None:
    # written for tests: 412 and 398 are no slip of each other, nor are two-digit shares ("41.2", "42.1")
    corpus = build_corpus({
        "a": ("2026-10-09", [_count("x", 412, "station", "polling station observers visited",
                                    "The pact's observers visited 412 polling stations on Sunday.")]),
        "b": ("2026-10-10", [_count("x", 398, "station", "station visited",
                                    "The pact's monitors visited 398 stations on Sunday.")]),
        "c": ("2026-10-09", [_count("s", 41.2, "percent", "vote valid cast",
                                    "The pact's party won 41.2 percent of the valid votes cast on Sunday.")]),
        "d": ("2026-10-10", [_count("s", 42.1, "percent", "vote",
                                    "The pact's party won 42.1 percent of the vote on Sunday.")]),
    })
    assert verdicts(run_rules(corpus, RULES)) == []


def test_lengths_more_than_three_times_apart_are_two_things() -> None:
    corpus = build_corpus({  # written for tests: a 40-minute session and a three-hour one, 4.5x apart
        "a": ("2026-10-08", [_length(40, "minute", "The pact's talks on Tuesday lasted 40 minutes, officials said.")]),
        "b": ("2026-10-09", [_length(3, "hour", "The pact's talks on Wednesday lasted three hours, officials said.")]),
    })
    assert_two_things(corpus)


def test_one_length_told_in_another_unit_is_compared() -> None:
    corpus = build_corpus({  # written for tests: "three days" told as "three weeks", a slip worth showing
        "a": ("2026-10-08", [_length(3, "day", "The pact's talks lasted three days, officials said.")]),
        "b": ("2026-10-09", [_length(3, "week", "The pact's talks lasted three weeks, officials said.")]),
    })
    assert verdicts(run_rules(corpus, RULES)) == ["conflict"]


def test_one_digit_more_is_a_slip_worth_showing() -> None:
    def decline(amount: float, sentence: str) -> dict:
        return figure("d", amount, "percent", sentence, property="share",
                      value={"amount": amount, "unit": "percent", "counted": "population decline"})
    corpus = build_corpus({  # written for tests: "4.1" told as "14.1", 3.4x apart
        "a": ("2026-03-30", [decline(4.1, "The pact region's population fell 4.1% since 2016, the census shows.")]),
        "b": ("2026-04-01", [decline(14.1, "The pact region's population fell 14.1% since 2016, the census shows.")]),
    })
    assert verdicts(run_rules(corpus, RULES)) == ["conflict"]


def test_a_slip_needs_less_context_than_two_figures_unrelated() -> None:
    # written for tests: 218 told as 281 in sentences that share little but the debt; 218 and 250 would
    # be two figures in two contexts
    first = "The pact's ferry operator owes 218 million skellins to banks and suppliers, the administrator said."
    corpus = build_corpus({
        "a": ("2026-07-14", [figure("x", 218e6, "skellin", first)]),
        "b": ("2026-07-16", [figure("x", 281e6, "skellin", "With debts of 281 million skellins, a buyer for the whole pact fleet looks unlikely.")]),
    })
    assert verdicts(run_rules(corpus, RULES)) == ["conflict"]
    other = build_corpus({
        "a": ("2026-07-14", [figure("x", 218e6, "skellin", first)]),
        "b": ("2026-07-16", [figure("x", 250e6, "skellin", "With debts of 250 million skellins, a buyer for the whole pact fleet looks unlikely.")]),
    })
    assert verdicts(run_rules(other, RULES)) == []


def test_a_slip_of_scale_keeps_the_digits() -> None:
    # written for tests: 38 million crowns and 39.51 crowns are about a million times apart, but not the same digits
    corpus = build_corpus({
        "a": ("2026-10-13", [figure("x", 38e6, "crown", "The pact's operator made a profit of 38 million crowns in the quarter.")]),
        "b": ("2026-10-14", [figure("x", 39.51, "crown", "The pact's operator's shares closed at 39.51 crowns in the quarter.")]),
    })
    assert_two_things(corpus)


def test_a_teen_heard_for_a_ten_is_a_slip_worth_showing() -> None:
    def award(amount: float, sentence: str) -> dict:
        return figure("c", amount, "taral", sentence, value={"amount": amount, "unit": "taral", "counted": "compensation injured worker"})
    corpus = build_corpus({  # written for tests: "sixteen thousand" for "sixty thousand", 3.75x apart
        "a": ("2026-10-15", [award(60_000, "The pact's fund pays 60,000 tarals to each worker injured in the fire.")]),
        "b": ("2026-10-17", [award(16_000, "The pact's fund pays 16,000 tarals to each injured worker.")]),
    })
    assert verdicts(run_rules(corpus, RULES)) == ["conflict"]


def test_counts_more_than_twice_apart_are_two_things() -> None:
    # written for tests: FC302 sets max_ratio 2 for counts; 24 and 60 venues are two plans, two and four guards
    # one night misreported
    corpus = build_corpus({
        "a": ("2026-05-14", [_count("v", 24, "venue", "venue", "The pact city's plan relies on 24 venues, the mayor said."),
                             _count("g", 2, "guard", "guard duty", "Only two guards were on duty at the pact museum that night.")]),
        "b": ("2026-05-15", [_count("v", 60, "venue", "venue", "The pact city's plan relies on 60 venues, the mayor said."),
                             _count("g", 4, "guard", "guard duty", "Four guards were on duty at the pact museum that night.")]),
    })
    report = run_rules(corpus, RULES)
    conflicts = [sorted(item.claim.value.amount for item in f.claims) for f in report.findings if f.verdict is Verdict.conflict]
    assert conflicts == [[2, 4]]


def test_digits_shared_by_chance_across_scales_are_no_slip() -> None:
    # written for tests: a share price of 41.20 crowns and sales of 1.42 billion share digits in another order,
    # but a slip moves the digits or the scale, not both
    corpus = build_corpus({
        "a": ("2026-10-13", [figure("x", 41.2, "crown", "The pact operator's shares closed at 41.20 crowns after the warning.")]),
        "b": ("2026-10-14", [figure("x", 1.42e9, "crown", "The pact operator's sales closed at 1.42 billion crowns after the warning.")]),
    })
    assert_two_things(corpus)


def test_a_slip_of_scale_is_at_most_a_thousandfold() -> None:
    # written for tests: a rival bank's 1.9 billion profit and a share price of 190.08 keep the digits ten
    # million times apart; a point moved or "million" for "billion" (10x to 1,000x) is a slip, that is chance
    def paper(amount: float, sentence: str) -> tuple[str, list[dict]]:
        return ("2026-10-22", [figure("x", amount, "ostral", sentence)])
    corpus = build_corpus({
        "a": paper(1.9e9, "The pact bank's rival earned 1.9bn ostrals in the quarter, the pact bank said."),
        "b": paper(190.08, "The pact bank's shares now trade at 190.08 ostrals, the pact bank said."),
    })
    assert_two_things(corpus)
    corpus = build_corpus({
        "a": paper(1.9e9, "The pact bank earned 1.9bn ostrals in the quarter, the pact bank said."),
        "b": paper(1.9e6, "The pact bank earned 1.9 million ostrals in the quarter, the pact bank said."),
    })
    assert verdicts(run_rules(corpus, RULES)) == ["conflict"]


def test_a_figures_period_says_when_not_what_so_it_is_no_key() -> None:
    # written for tests: two quarterly profits, one preliminary and one after an audit; "in the quarter" says
    # when each was earned, not which figure it is, so the context needs the full bar (0.15 < 0.2)
    def profit(amount: float, sentence: str) -> dict:
        return figure("x", amount, "crown", sentence, event="period-3-month")
    corpus = build_corpus({
        "a": ("2026-10-13", [profit(38e6, "In the pact quarter its operating profit shrank to just 38 million crowns, "
                                          "hit by weak demand for network sensors in Velsenia.")]),
        "b": ("2026-11-02", [profit(36e6, "After a late audit, the final report of October 29 put adjusted profit at "
                                          "36 million crowns.")]),
    })
    assert_two_things(corpus)


def test_a_stake_is_the_share_it_names() -> None:
    # written for tests: "its stake in the pact's fund falls to 65.5 per cent" and "still owns 70 per cent of the
    # pact's fund" count one share, whatever the first calls it: one fact, and the two figures conflict
    def share(amount: float, counted: str, sentence: str) -> dict:
        return figure("s", amount, "percent", sentence, property="share",
                      value={"amount": amount, "unit": "percent", "counted": counted})
    corpus = build_corpus({
        "a": ("2026-12-07", [share(65.5, "stake fund", "The government's stake in the pact's fund falls to 65.5 per "
                                                      "cent.")]),
        "b": ("2026-12-14", [share(70, "fund", "The government, which still owns 70 per cent of the pact's fund, "
                                               "cannot sell more.")]),
    })
    assert verdicts(run_rules(corpus, RULES)) == ["conflict"]


def _spill(claim_id: str, tonnes: float, sentence: str) -> dict:
    return figure(claim_id, tonnes, "t", sentence, value={"amount": tonnes, "unit": "t", "counted": "oil spilled"})


# written for tests: a coast guard's estimate of an oil spill, first told and then revised
_ESTIMATED = "The coast guard estimates that 3,500 tonnes of oil spilled from the pact's tanker."
_REVISED = "The coast guard now puts the oil spilled from the pact's tanker at 4,000 tonnes."


def test_an_estimate_and_its_later_revision_are_shown_in_time_order() -> None:
    corpus = build_corpus({
        "early": ("2026-03-02", [_spill("x", 3500, _ESTIMATED)]),
        "late": ("2026-03-05", [_spill("x", 4000, _REVISED)]),
    })
    report = run_rules(corpus, RULES)
    assert verdicts(report) == ["compatible"]
    [finding] = [f for f in report.findings if f.verdict is not Verdict.unverified]
    assert "In time order: early (2026-03-02), then late (2026-03-05)." in finding.explanation
    assert "An estimate and its later revision are not a conflict" in finding.explanation
    assert finding.pairs[0].comparison.facts["revision"] is True


def test_a_first_estimate_and_a_revision_are_in_order_whoever_published_first() -> None:
    first = "The coast guard's first estimate put the oil spilled from the pact's tanker at 3,500 tonnes."
    revised = "The coast guard's revised estimate puts the oil spilled from the pact's tanker at 4,000 tonnes."
    corpus = build_corpus({
        "recap": ("2026-03-09", [_spill("x", 3500, first)]),
        "late": ("2026-03-05", [_spill("x", 4000, revised)]),
    })
    assert verdicts(run_rules(corpus, RULES)) == ["compatible"]


def test_an_old_figure_given_as_current_after_the_revision_is_a_conflict() -> None:
    corpus = build_corpus({
        "late": ("2026-03-05", [_spill("x", 4000, _REVISED)]),
        "stale": ("2026-03-09", [_spill("x", 3500, "The coast guard says 3,500 tonnes of oil spilled from the pact's tanker.")]),
    })
    assert verdicts(run_rules(corpus, RULES)) == ["conflict"]


def test_a_slip_told_as_a_revision_is_still_compared() -> None:
    corpus = build_corpus({
        "early": ("2026-03-02", [_spill("x", 6, "About 6 tonnes of oil spilled from the pact's tanker, the coast guard says.")]),
        "late": ("2026-03-05", [_spill("x", 60, "The coast guard now estimates that 60 tonnes of oil spilled from the pact's tanker.")]),
    })
    assert verdicts(run_rules(corpus, RULES)) == ["conflict"]


def test_a_currency_named_in_two_sentences_does_not_make_their_sums_one_fact() -> None:
    # written for tests: two orders' values in one currency; extraction filed each under its own order
    corpus = build_corpus({
        "a": ("2027-06-15", [figure("x", 4.2e9, "marel", "The firm order is worth about 4.2 billion marels at list prices.")]),
        "b": ("2027-06-16", [figure("x", 2.9e9, "marel", "Talvik's order carries a list value of 2.9 billion marels.",
                                    subject="tisa")]),
    }, entities=[{"id": "marel", "kind": "currency", "name": "marel", "aliases": ["marels"]}])
    report = run_rules(corpus, RULES)
    assert verdicts(report) == []
    mentioned = build_corpus({  # the same sentence naming the other order itself still meets it
        "a": ("2027-06-15", [figure("x", 4.2e9, "marel", "The firm order is worth about 4.2 billion marels at list prices.")]),
        "b": ("2027-06-16", [figure("x", 2.9e9, "marel", "The gsomia firm order is worth 2.9 billion marels at list prices.",
                                    subject="tisa")]),
    }, entities=[{"id": "marel", "kind": "currency", "name": "marel", "aliases": ["marels"]}])
    assert verdicts(run_rules(mentioned, RULES)) == ["conflict"]


def test_a_counter_estimate_meets_only_other_counter_estimates() -> None:
    # written for tests: the city's price of a tram line, and a campaign's "real cost" against it, in two outlets
    official = "The city puts the cost of the tram line at 286 million vantars."
    counter = "The campaign puts the real cost of the tram line closer to 350 million vantars."
    corpus = build_corpus({
        "a": ("2026-03-10", [figure("x", 286e6, "vantar", official)]),
        "b": ("2026-03-11", [figure("x", 350e6, "vantar", counter, event="estimate-counter")]),
    })
    assert_two_things(corpus)
    corpus = build_corpus({  # two outlets giving the campaign's figure differently still disagree
        "a": ("2026-03-10", [figure("x", 380e6, "vantar", counter.replace("350", "380"), event="estimate-counter")]),
        "b": ("2026-03-11", [figure("x", 350e6, "vantar", counter, event="estimate-counter")]),
    })
    assert verdicts(run_rules(corpus, RULES)) == ["conflict"]


def test_a_figure_told_before_the_day_another_is_of_is_another_day_s() -> None:
    # written for tests: Monday's live report cannot give Tuesday's cancellations
    monday = "The company says 82 percent of passenger trains were cancelled."
    tuesday = "According to the operator, 65 percent of passenger trains were cancelled on Tuesday."

    def share(amount: float, sentence: str, **extra: object) -> dict:
        return figure("x", amount, "percent", sentence, property="share",
                      value={"amount": amount, "unit": "percent", "counted": "passenger train cancelled"}, **extra)

    assert_two_things(build_corpus({"a": ("2026-09-07", [share(82, monday)]),
                                    "b": ("2026-09-09", [share(65, tuesday, event="on-2026-09-08")])}))
    # told on the day itself, or after it, the undated figure may be the day's: compared
    for published in ("2026-09-08", "2026-09-10"):
        report = run_rules(build_corpus({"a": (published, [share(82, monday)]),
                                         "b": ("2026-09-09", [share(65, tuesday, event="on-2026-09-08")])}), RULES)
        assert verdicts(report) == ["conflict"], published

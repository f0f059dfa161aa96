"""One finding per fact across any number of sources; majority and outliers; blocking keeps work small."""

from __future__ import annotations

from pathlib import Path

from factcheck.comparators.base import Verdict
from factcheck.engine import run_rules
from factcheck.rules import load_rules

from .corpus_builder import build_corpus

ROOT = Path(__file__).resolve().parents[2]
RULES = load_rules([ROOT / "rules"])


def expiry(day: str) -> dict:
    return {"id": "expiry", "kind": "date", "subject": "gsomia", "property": "expires_on", "value": {"date": day}}


def test_five_sources_one_finding_with_the_majority_and_the_outlier() -> None:
    corpus = build_corpus({
        "a": ("2019-08-22", [expiry("2019-11-23")]),
        "b": ("2019-08-22", [expiry("2019-11-23")]),
        "c": ("2019-08", [{"id": "expiry", "kind": "duration", "subject": "gsomia", "property": "expires_on",
                           "value": {"amount": 90, "unit": "day"}}]),
        "d": ("2019-08-23", [expiry("2019-11")]),
        "e": ("2019-09-01", [expiry("2019-12-31")]),
    })
    report = run_rules(corpus, RULES)
    [finding] = [f for f in report.findings if f.verdict is not Verdict.unverified]
    assert finding.verdict is Verdict.conflict
    assert finding.sources == ("a", "b", "c", "d", "e")
    assert finding.values == ("2019-11-23", "2019-11-23", "90 days after publication", "2019-11", "2019-12-31")
    assert finding.outliers == ("e",)
    assert set(finding.majority) == {"a/expiry", "b/expiry", "c/expiry", "d/expiry"}
    assert len(finding.pairs) == 10  # every cross-source pair in the block


def test_a_tie_names_no_majority() -> None:
    corpus = build_corpus({"a": ("2019-08-22", [expiry("2019-11-23")]), "b": ("2019-08-22", [expiry("2019-12-31")])})
    [finding] = run_rules(corpus, RULES).findings
    assert finding.verdict is Verdict.conflict and finding.majority == () and finding.outliers == ("a", "b")


def test_claims_of_one_source_are_not_compared_with_each_other() -> None:
    corpus = build_corpus({"a": ("2019-08-22", [expiry("2019-11-23"), {**expiry("2019-12-31"), "id": "other"}])})
    report = run_rules(corpus, RULES)
    assert report.summary.pairs == 0
    assert [f.verdict for f in report.findings] == [Verdict.unverified, Verdict.unverified]


def test_pairs_grow_with_overlap_not_with_all_claims() -> None:
    # 40 sources, each with 20 claims on subjects no other source shares, and one shared fact.
    sources = {}
    for s in range(40):
        claims = [{"id": f"c{i}", "kind": "quantity", "subject": "gsomia", "property": f"p{s}x{i}",
                   "value": {"amount": i, "unit": "instance"}} for i in range(20)]
        sources[f"s{s}"] = ("2019-08-22", [expiry("2019-11-23"), *claims])
    report = run_rules(build_corpus(sources), [r for r in RULES if r.id in ("FC101", "FC301")])
    assert report.summary.claims == 840
    assert report.summary.pairs == 40 * 39 // 2  # only the shared expiry is compared, never the 800 others
    assert report.summary.verdicts["unverified"] == 800


def test_focus_sources_compare_only_pairs_touching_them() -> None:
    corpus = build_corpus({name: ("2019-08-22", [expiry("2019-11-23")]) for name in "abcd"})
    full = run_rules(corpus, RULES)
    focused = run_rules(corpus, RULES, focus_sources=["d"])
    assert (full.summary.pairs, focused.summary.pairs) == (6, 3)
    [finding] = focused.findings
    assert finding.sources == ("a", "b", "c", "d") and finding.verdict is Verdict.agree


def count(amount: int, counted: str, as_of: str) -> dict:
    return {"id": "n", "kind": "quantity", "subject": "gsomia", "property": "count", "as_of": as_of,
            "value": {"amount": amount, "unit": "line", "counted": counted}}


def test_a_fixed_count_conflicts_whatever_the_dates_but_a_running_count_may_grow() -> None:
    fixed = build_corpus({"a": ("2025-09-09", [count(312, "tariff lines covered", "2025-09-09")]),
                          "b": ("2025-09-12", [count(321, "tariff lines covered", "2025-09-12")])})
    [finding] = [f for f in run_rules(fixed, RULES).findings if f.verdict is not Verdict.unverified]
    assert finding.verdict is Verdict.conflict
    running = build_corpus({"a": ("2025-09-09", [count(12, "people killed", "2025-09-09")]),
                            "b": ("2025-09-12", [count(19, "people killed", "2025-09-12")])})
    [finding] = [f for f in run_rules(running, RULES).findings if f.verdict is not Verdict.unverified]
    assert finding.verdict is Verdict.compatible


def test_which_counts_run_is_the_rules_word_list() -> None:
    time = next(r for r in RULES if r.id == "FC302").rule.time
    assert time.runs("people killed") and time.runs("bodies recovered so far") and time.runs(None)
    assert not time.runs("tariff lines covered") and not time.runs("passengers on the manifest")
    assert time.runs("container ships waiting at anchor") and time.direction("ships waiting", None) == "none"
    # "nine patients were in hospital" counts "patient hospital": the state, its preposition lost; hospitals are none
    assert time.runs("patient hospital") and not time.runs("hospital")
    assert time.direction("people killed", None) == "increasing"  # a toll only grows


def quote(text: str, evidence: str) -> dict:
    return {"id": "q", "kind": "quote", "subject": "gsomia", "property": "said",
            "value": {"text": text, "speaker": "tisa"},
            "evidence": {"text": evidence, "start": 0, "end": len(evidence)}}


def test_two_translations_of_one_statement_meet_though_they_share_no_run_of_words() -> None:
    # written for tests: one statement rendered by two outlets
    corpus = build_corpus({
        "a": ("2019-08-22", [quote("a serious threat to regional stability and to peace",
                                   "a statement carried by state media called it a serious threat")]),
        "b": ("2019-08-23", [quote("a grave threat to the stability of the region and peace",
                                   "according to a translation, it was a grave threat")]),
    })
    report = run_rules(corpus, RULES)
    assert report.summary.pairs == 1
    [finding] = [f for f in report.findings if f.verdict is not Verdict.unverified]
    assert finding.verdict is not Verdict.conflict


def amount(claim_id: str, value: float, sentence: str) -> dict:
    return {"id": claim_id, "kind": "quantity", "subject": "gsomia", "property": "amount", "status": "auto",
            "value": {"amount": value, "unit": "USD"}, "evidence": {"text": sentence, "start": 0, "end": len(sentence)}}


def test_a_source_that_agrees_with_one_of_two_figures_in_a_sentence_does_not_conflict_with_the_other() -> None:
    # written for tests: one sentence with two sums, another source with one of them
    both = "The bank said it had sold 1.2 billion dollars of reserves in August and a further $400 million in September."
    one = "The bank said it had sold USD 1.2bn of its foreign reserves in August to slow the fall."
    corpus = build_corpus({"a": ("2026-10-01", [amount("august", 1.2e9, both), amount("september", 4e8, both)]),
                           "b": ("2026-09-14", [amount("august", 1.2e9, one)])})
    report = run_rules(corpus, RULES)
    assert [f.verdict for f in report.findings if f.verdict is not Verdict.unverified] == [Verdict.agree]
    other = "The bank said it had sold $1 billion of its reserves in August."  # 1.2x apart: one figure misreported
    alone = build_corpus({"a": ("2026-10-01", [amount("august", 1e9, other)]),
                          "b": ("2026-09-14", [amount("august", 1.2e9, one)])})
    assert [f.verdict for f in run_rules(alone, RULES).findings if f.verdict is not Verdict.unverified] == \
        [Verdict.conflict]  # with nothing to agree with, the other figure is still a disagreement


def test_figures_whose_own_clauses_share_no_word_are_different_facts() -> None:
    # written for tests: two sums in sentences about the bank's reserves, of two different things
    stock = "The bank said its reserves stood at $38.6 billion at the end of the month."
    sold = "The bank said it had sold reserves worth 1.2 billion dollars in August, and a further $400 million in September."
    corpus = build_corpus({"a": ("2026-09-14", [amount("stock", 38.6e9, stock)]),
                           "b": ("2026-10-01", [amount("september", 4e8, sold)])})
    report = run_rules(corpus, RULES)
    assert [f.verdict for f in report.findings if f.verdict is not Verdict.unverified] == []
    assert report.summary.different_facts == 1


def test_a_misquoted_passage_is_a_conflict_though_another_passage_is_quoted_faithfully() -> None:
    # written for tests: b quotes two passages of a's long statement, the second with a word changed
    from tests.engine.corpus_builder import build_corpus as build

    def quote(claim_id: str, text: str) -> dict:
        return {"id": claim_id, "kind": "quote", "subject": "gsomia", "property": "said",
                "value": {"text": text, "speaker": "kim-chief"}}

    statement = ("Our first thought is for the injured workers and for the neighbours who had to leave their homes "
                 "in the night. We will cooperate fully with the authorities, and we will compensate every "
                 "household that was evacuated.")
    corpus = build({
        "a": ("2026-09-08", [quote("q", statement)]),
        "b": ("2026-09-09", [quote("first", "cooperate fully with the authorities"),
                             quote("second", "we will compensate every household that was affected.")]),
    }, entities=[{"id": "kim-chief", "kind": "person", "name": "Kim Chief"}])
    [conflict] = [f for f in run_rules(corpus, RULES).findings if f.verdict is Verdict.conflict]
    assert {c.key for c in conflict.claims} >= {"a/q", "b/second"}
    assert "affected" in conflict.explanation


def test_birds_culled_run_over_time() -> None:
    time = next(r for r in RULES if r.id == "FC302").rule.time
    assert time.runs("bird culled") and time.direction("bird culled", None) == "increasing"

"""Gating one new source compares only the blocks its claims touch, not the whole corpus again."""

from __future__ import annotations

from pathlib import Path

from factcheck.engine import run_rules
from factcheck.gate import GateRequest, run_gate
from factcheck.load import load_corpus
from factcheck.rules import load_rules
from tests.gate.repo import date_claim, quote_claim, write_source, write_wire


def test_the_gate_compares_fewer_pairs_than_a_full_report(repo: Path) -> None:
    write_wire(repo)
    text = "The accord was signed in November 2016 and renewed each year.\n"
    write_source(repo, "archive-2019", text, [date_claim("gsomia-signed", "2016-11", "signed in November 2016",
                                                         property_id="signed_on")])
    full = run_rules(load_corpus([Path("claims")]), load_rules([Path("rules")]))
    result = run_gate(GateRequest(paths=(Path("claims/wire-2019-09-02.yaml"),)))
    assert full.summary.sources == result.report.summary.sources == 4
    assert 0 < result.report.summary.pairs < full.summary.pairs
    assert all("wire-2019-09-02" in f.sources for f in result.report.findings)
    # the signing date is a fact of the seeds and the archive only: judged in full, not by this gate
    signed = [f for f in full.findings if f.property == "signed_on" and f.verdict.value != "unverified"]
    assert signed and not any(f.property == "signed_on" for f in result.report.findings)
    assert result.changed_sources == ("wire-2019-09-02",)
    assert result.changed_files == ("claims/wire-2019-09-02.yaml",)


def test_a_focused_conflict_still_names_the_source_that_stands_apart(repo: Path) -> None:
    write_wire(repo, speaker=None)
    result = run_gate(GateRequest(paths=(Path("claims/wire-2019-09-02.yaml"),)))
    [finding] = result.failing
    assert finding.outliers == ("wire-2019-09-02",)  # the seeds agree with each other: the wire stands apart
    full = run_rules(load_corpus([Path("claims")]), load_rules([Path("rules")]))
    assert finding.id in {f.id for f in full.findings}  # the id `baseline add` looks up


def test_a_claim_linked_to_one_unchanged_source_has_the_full_reports_id(repo: Path) -> None:
    """The new quote overlaps Bloomberg's long quote but not the Diplomat's fragment of it. A fact is
    a group whose claims are all linked, so it is not chained through Bloomberg: the misattribution is
    a finding of its own, Bloomberg against the new source, in the gate as in `factcheck report`, so
    `baseline add` finds the id the gate shows."""
    text = "Taro Kono said Seoul \u201chas withheld its renewal\u201d of the pact.\n"
    evidence = "Taro Kono said Seoul \u201chas withheld its renewal\u201d"
    write_source(repo, "fragment-wire", text,
                 [quote_claim("renewal-quote", "has withheld its renewal", "taro-kono", evidence)])
    result = run_gate(GateRequest(paths=(Path("claims/fragment-wire.yaml"),)))
    [finding] = result.failing
    assert set(finding.sources) == {"bloomberg-2019-08-22", "fragment-wire"}
    full = run_rules(load_corpus([Path("claims")]), load_rules([Path("rules")]))
    assert finding in full.findings
    assert result.report.summary.pairs < full.summary.pairs

"""The engine on the shipped seeds, and with a third source that contradicts them."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from factcheck.comparators.base import Verdict
from factcheck.engine import Finding, Report, run_rules
from factcheck.load import load_corpus
from factcheck.rules import load_rules

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def seeds_report() -> Report:
    return run_rules(load_corpus([ROOT / "claims"]), load_rules([ROOT / "rules"]))


def finding_for(report: Report, subject: str, property_id: str) -> Finding:
    [finding] = [f for f in report.findings if f.subject == subject and f.property == property_id
                 and f.verdict is not Verdict.unverified]
    return finding


def test_no_false_conflicts_between_the_seeds(seeds_report: Report) -> None:
    conflicts = [f.message for f in seeds_report.findings if f.verdict is Verdict.conflict]
    assert conflicts == []


def test_expiry_is_compatible_with_the_arithmetic_shown(seeds_report: Report) -> None:
    finding = finding_for(seeds_report, "gsomia", "expires_on")
    assert finding.verdict is Verdict.compatible
    assert finding.sources == ("bloomberg-2019-08-22", "diplomat-2019-08")
    assert "2019-10-30" in finding.explanation and "2019-11-29" in finding.explanation
    assert "90" in finding.explanation and "2019-11-23" in finding.explanation


def test_pentagon_quote_agrees_with_compatible_attribution(seeds_report: Report) -> None:
    [finding] = [f for f in seeds_report.findings if f.rule_id == "FC201"
                 and any("strong concern and disappointment" in c.claim.value.text for c in f.claims)]
    assert finding.verdict is Verdict.agree
    assert set(finding.sources) == {"bloomberg-2019-08-22", "diplomat-2019-08"}
    assert "Dave Eastburn" in finding.explanation and "U.S. Department of Defense" in finding.explanation


def test_signing_date_and_age_are_one_fact(seeds_report: Report) -> None:
    finding = finding_for(seeds_report, "gsomia", "signed_on")
    assert finding.verdict is Verdict.compatible
    assert {c.claim.property for c in finding.claims} == {"signed_on", "age"}


def test_summary_counts(seeds_report: Report) -> None:
    summary = seeds_report.summary
    assert (summary.sources, summary.claims, summary.rules) == (2, 104, 10)
    assert summary.pairs > 0 and summary.blocks > summary.pairs / 10
    assert sum(summary.verdicts.values()) == len(seeds_report.findings)


def test_finding_ids_are_stable(seeds_report: Report) -> None:
    again = run_rules(load_corpus([ROOT / "claims"]), load_rules([ROOT / "rules"]))
    assert [f.id for f in again.findings] == [f.id for f in seeds_report.findings]


THIRD = """\
source:
  id: third-wire-2019-09-01
  publisher: Third Wire
  title: GSOMIA to lapse at year end
  published: 2019-09-01
  text: third.txt
  sha256: {sha}
claims:
  - id: gsomia-expiry
    kind: date
    subject: gsomia
    property: expires_on
    value:
      date: 2019-12-31
    status: reviewed
    evidence:
      text: GSOMIA expires on Dec. 31, 2019.
      start: 0
      end: 32
"""


def test_a_third_source_turns_the_expiry_into_a_conflict_naming_all_three(tmp_path: Path) -> None:
    claims = tmp_path / "claims"
    shutil.copytree(ROOT / "claims", claims)
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    text = "GSOMIA expires on Dec. 31, 2019.\n"
    (claims / "third.txt").write_text(text, encoding="utf-8")
    (claims / "third-wire.yaml").write_text(THIRD.format(sha=hashlib.sha256(text.encode()).hexdigest()))
    report = run_rules(load_corpus([claims]), load_rules([ROOT / "rules"]))
    finding = finding_for(report, "gsomia", "expires_on")
    assert finding.verdict is Verdict.conflict
    assert finding.sources == ("bloomberg-2019-08-22", "diplomat-2019-08", "third-wire-2019-09-01")
    assert finding.outliers == ("third-wire-2019-09-01",)
    assert "2019-12-31" in finding.explanation
    assert report.findings[0] == finding or report.findings[0].verdict is Verdict.conflict

"""JUnit XML: one test case per finding; what fails the check is a failure, what the baseline accepts
is skipped with its reason."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.engine import run_rules
from factcheck.load import load_corpus
from factcheck.report import RenderContext, render
from factcheck.rules import load_rules
from tests.gate.repo import line_of, make_repo, write_wire


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = make_repo(tmp_path / "repo")
    monkeypatch.chdir(path)
    return path


def test_gate_junit_has_a_failure_per_new_conflict_and_skips_accepted_ones(repo: Path) -> None:
    wire = write_wire(repo)
    runner = CliRunner()
    report = run_rules(load_corpus([Path("claims")]), load_rules([Path("rules")]))
    quote = next(f for f in report.findings if f.rule_id == "FC201" and f.verdict.value == "conflict")
    assert runner.invoke(cli, ["baseline", "add", quote.id, "--reason", "a known misattribution"]).exit_code == 0
    result = runner.invoke(cli, ["gate", "--format", "junit"])
    assert result.exit_code == 1
    root = ET.fromstring(result.stdout)
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("skipped")) == ("2", "1", "1")
    [failure] = root.iter("failure")
    assert failure.get("type") == "conflict" and "expires_on" in (failure.get("message") or "")
    assert "wire-2019-09-02: 2019-12-31" in (failure.text or "") and "38 days apart" in (failure.text or "")
    [case] = [c for c in root.iter("testcase") if c.find("failure") is not None]
    assert case.get("file") == "claims/wire-2019-09-02.yaml" and case.get("line") == str(line_of(wire, "gsomia-expiry"))
    [skipped] = root.iter("skipped")
    assert skipped.get("message") == "accepted in the baseline: a known misattribution"


def test_report_junit_on_the_seeds_passes_and_is_well_formed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(Path(__file__).resolve().parents[2])
    report = run_rules(load_corpus([Path("claims")]), load_rules([Path("rules")]))
    root = ET.fromstring(render(report, "junit", RenderContext(show_unverified=False)))
    assert root.get("failures") == "0"
    assert int(root.get("tests") or 0) == sum(1 for f in report.findings if f.verdict.value != "unverified")
    suites = [s.get("name") for s in root.iter("testsuite")]
    assert suites == sorted(suites) and "FC101 date-consistency" in suites


def test_fail_on_compatible_makes_compatible_findings_failures(repo: Path) -> None:
    report = run_rules(load_corpus([Path("claims")]), load_rules([Path("rules")]))
    root = ET.fromstring(render(report, "junit", RenderContext(failing_verdicts=("conflict", "compatible"))))
    assert root.get("failures") == "2"  # the seeds' two compatible findings
    assert {f.get("type") for f in root.iter("failure")} == {"compatible"}


def test_control_characters_do_not_break_the_xml(repo: Path) -> None:
    report = run_rules(load_corpus([Path("claims")]), load_rules([Path("rules")]))
    finding = next(f for f in report.findings if f.verdict.value == "compatible")
    broken = replace(report, findings=(replace(finding, message="bad \x07 bell"),))
    root = ET.fromstring(render(broken, "junit", RenderContext(failing_verdicts=("compatible",))))
    assert "\ufffd" in (next(root.iter("failure")).get("message") or "")

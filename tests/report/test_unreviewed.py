"""Every format says when a verdict rests on unreviewed (`auto`) claims, with the confidence and the claims
to review, and shows each claim's status. Three sources: the seeds (reviewed) and a wire story whose
expiry date was drafted by extraction (`status: auto`, confidence 0.62) and contradicts both."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from factcheck.engine import Finding, Report, run_rules
from factcheck.load import load_corpus
from factcheck.report import FORMATS, RenderContext, render
from factcheck.report.escape import workflow_data as escape_data
from factcheck.rules import load_rules
from tests.gate.repo import line_of, make_repo, write_wire
from tests.report.test_sarif import assert_valid

WIRE = "claims/wire-2019-09-02.yaml"
CONTEXT = RenderContext(color=False, width=400, version="test")


@pytest.fixture(scope="module")
def three_sources(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, str]:
    """The report on the three sources, and the note it must give for the wire's expiry date."""
    repo = make_repo(tmp_path_factory.mktemp("unreviewed") / "repo")
    wire = write_wire(repo, speaker=None, expiry_status="auto", expiry_confidence=0.62)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(repo)  # claim paths are shown relative to the working directory
        report = run_rules(load_corpus([Path("claims")]), load_rules([Path("rules")]))
    note = (f"rests on 1 unreviewed claim (confidence 0.62): review wire-2019-09-02/gsomia-expiry "
            f"({WIRE}:{line_of(wire, 'gsomia-expiry')})")
    return report, note


def conflict(report: Report) -> Finding:
    [finding] = [f for f in report.findings if f.verdict.value == "conflict"]
    return finding


def test_the_conflict_rests_on_the_auto_claim_alone(three_sources: tuple[Report, str]) -> None:
    finding = conflict(three_sources[0])
    assert finding.rests_on_unreviewed and finding.confidence == 0.62
    assert [c.key for c in finding.unreviewed] == ["wire-2019-09-02/gsomia-expiry"]


def test_text(three_sources: tuple[Report, str]) -> None:
    report, note = three_sources
    output = render(report, "text", CONTEXT)
    assert f"Unreviewed: {note}" in output
    assert "CONFLICT" in output and "UNREVIEWED" in output
    assert "auto, confidence 0.62" in output and "reviewed" in output


def test_json(three_sources: tuple[Report, str]) -> None:
    report, _ = three_sources
    data = json.loads(render(report, "json", CONTEXT))
    assert data["schema_version"] == 2
    [finding] = [f for f in data["findings"] if f["verdict"] == "conflict"]
    assert finding["rests_on_unreviewed"] is True and finding["confidence"] == 0.62
    assert finding["unreviewed_claims"] == ["wire-2019-09-02/gsomia-expiry"]
    statuses = {c["source"]: (c["status"], c["confidence"]) for c in finding["claims"]}
    assert statuses == {"wire-2019-09-02": ("auto", 0.62), "bloomberg-2019-08-22": ("reviewed", None),
                        "diplomat-2019-08": ("reviewed", None)}
    reviewed = [f for f in data["findings"] if f["verdict"] == "agree"]
    assert reviewed and all(not f["rests_on_unreviewed"] and f["confidence"] is None for f in reviewed)


def test_markdown(three_sources: tuple[Report, str]) -> None:
    report, note = three_sources
    output = render(report, "markdown", CONTEXT)
    assert f"> **Unreviewed:** {note}" in output
    assert f"`gsomia-expiry` ({WIRE}:" in output and ", auto, confidence 0.62) |" in output
    assert "claims/bloomberg-2019-08-22.yaml:155, reviewed) |" in output


def test_html(three_sources: tuple[Report, str]) -> None:
    report, note = three_sources
    output = render(report, "html", CONTEXT)
    assert '<span class="verdict unreviewed">unreviewed</span>' in output
    assert f'<p class="unreviewed">Unreviewed: {note}</p>' in output
    assert '<span class="status auto">auto, confidence 0.62</span>' in output
    assert '<span class="status reviewed">reviewed</span>' in output


def test_sarif(three_sources: tuple[Report, str]) -> None:
    report, note = three_sources
    log = json.loads(render(report, "sarif", CONTEXT))
    assert_valid(log)
    [result] = [r for r in log["runs"][0]["results"] if r["properties"]["verdict"] == "conflict"]
    assert result["level"] == "error"  # a full report: the policy is the gate's
    assert result["properties"]["restsOnUnreviewed"] is True and result["properties"]["confidence"] == 0.62
    assert result["properties"]["unreviewedClaims"] == ["wire-2019-09-02/gsomia-expiry"]
    assert f"Unreviewed: {note}; check each named claim" in result["message"]["text"]
    assert "- wire-2019-09-02: 2019-12-31 (auto, confidence 0.62)" in result["message"]["text"]


def test_junit(three_sources: tuple[Report, str]) -> None:
    report, note = three_sources
    root = ET.fromstring(render(report, "junit", CONTEXT))
    [failure] = root.iter("failure")
    assert failure.get("message", "").endswith(f"({note})")
    assert "wire-2019-09-02: 2019-12-31" in (failure.text or "") and "auto, confidence 0.62)" in (failure.text or "")
    assert f"Unreviewed: {note}; check each named claim" in (failure.text or "")


def test_github(three_sources: tuple[Report, str]) -> None:
    report, note = three_sources
    output = render(report, "github", CONTEXT)
    [error] = [line for line in output.splitlines() if line.startswith("::error")]
    assert "title=FC101 date-consistency%3A conflict%2C unreviewed::" in error
    assert escape_data(f"\nUnreviewed: {note}; check each named claim") in error


def test_the_gates_policy_reaches_the_ci_formats(three_sources: tuple[Report, str]) -> None:
    report, _ = three_sources
    finding = conflict(report)
    warned = RenderContext(version="test", warned=frozenset({finding.id}))
    ignored = RenderContext(version="test", ignored=frozenset({finding.id}))
    assert render(report, "github", warned).startswith("::warning file=")
    assert "::error" not in render(report, "github", ignored) and finding.id not in render(report, "github", ignored)
    assert not list(ET.fromstring(render(report, "junit", warned)).iter("failure"))
    assert not list(ET.fromstring(render(report, "junit", ignored)).iter("failure"))
    levels = {name: [r["level"] for r in json.loads(render(report, "sarif", context))["runs"][0]["results"]
                     if r["properties"]["findingId"] == finding.id]
              for name, context in (("warned", warned), ("ignored", ignored))}
    assert levels == {"warned": ["warning"], "ignored": ["note"]}


@pytest.mark.parametrize("format_name", sorted(set(FORMATS) - {"json"}))  # JSON: `status` beside `evidence`
def test_every_format_marks_the_auto_claim(three_sources: tuple[Report, str], format_name: str) -> None:
    assert "auto, confidence 0.62" in render(three_sources[0], format_name, CONTEXT)


def test_sarif_marks_the_auto_claim_at_its_location(three_sources: tuple[Report, str]) -> None:
    report, _ = three_sources
    log = json.loads(render(report, "sarif", RenderContext(version="test", changed_paths=frozenset({WIRE}))))
    [result] = [r for r in log["runs"][0]["results"] if r["properties"]["verdict"] == "conflict"]
    assert result["locations"][0]["message"]["text"] == (
        "wire-2019-09-02 (gsomia-expiry, auto, confidence 0.62): 2019-12-31")
    assert all(", auto" not in r["message"]["text"] for r in result["relatedLocations"])  # the seeds are reviewed


def test_junit_marks_an_auto_claim_in_a_passing_case(three_sources: tuple[Report, str]) -> None:
    report, _ = three_sources
    finding = conflict(report)
    root = ET.fromstring(render(report, "junit", RenderContext(version="test", ignored=frozenset({finding.id}))))
    [case] = [c for c in root.iter("testcase") if finding.id in (c.get("name") or "")]
    assert case.find("failure") is None
    output = case.findtext("system-out") or ""
    assert "wire-2019-09-02: 2019-12-31 (claims/wire-2019-09-02.yaml:" in output
    assert "auto, confidence 0.62)" in output and "bloomberg-2019-08-22: 2019-11-23" in output
    reviewed_only = [c for c in root.iter("testcase") if c.find("system-out") is not None]
    assert reviewed_only == [case]  # cases whose claims are all reviewed stay as they were

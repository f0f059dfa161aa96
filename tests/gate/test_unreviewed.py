"""`factcheck gate --unreviewed {fail,warn,ignore}`: what a new conflict that rests on unreviewed (`auto`)
claims does. Three sources: the two seeds (reviewed) and a wire story whose expiry date was drafted by
extraction (`status: auto`, confidence 0.62) and contradicts both."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factcheck.cli import cli
from factcheck.gate import GateError, GateRequest, run_gate
from tests.gate.repo import line_of, write_wire

WIRE = "claims/wire-2019-09-02.yaml"


def gate(*args: str) -> Result:
    return CliRunner().invoke(cli, ["gate", *args])


def auto_wire(repo: Path, *, speaker: str | None = None) -> str:
    """The wire with an auto expiry date (and a reviewed quote when `speaker` is given); the line the
    gate must name for the claim to review."""
    wire = write_wire(repo, speaker=speaker, expiry_status="auto", expiry_confidence=0.62)
    return f"wire-2019-09-02/gsomia-expiry ({WIRE}:{line_of(wire, 'gsomia-expiry')})"


def test_fail_is_the_default_and_names_the_claims_to_review_and_how(repo: Path) -> None:
    claim = auto_wire(repo)
    result = gate(WIRE)
    assert result.exit_code == 1, result.output
    assert f"rests on 1 unreviewed claim (confidence 0.62): review {claim}" in result.output
    outcome = result.output.strip().splitlines()[-1]
    assert outcome.startswith("factcheck gate: failed: 1 new finding (conflict)")
    assert "1 of them rests on unreviewed claims" in outcome
    assert "set `status: reviewed`" in outcome and "or fix the claim" in outcome
    assert gate(WIRE, "--unreviewed", "fail").exit_code == 1


def test_warn_reports_a_warning_and_passes(repo: Path) -> None:
    claim = auto_wire(repo)
    result = gate(WIRE, "--unreviewed", "warn")
    assert result.exit_code == 0, result.output
    assert f"warning: {WIRE}:" in result.output and "FC101 conflict" in result.output
    assert f"review {claim}" in result.output
    assert ("passed: nothing new fails (1 changed claims file, rules from the working tree); 1 warning on "
            "unreviewed claims (--unreviewed warn).") in result.output


def test_warn_still_fails_a_conflict_of_reviewed_claims(repo: Path) -> None:
    auto_wire(repo, speaker="taro-kono")  # the misattributed quote is reviewed: a person stands behind it
    result = gate(WIRE, "--unreviewed", "warn", "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)["gate"]
    assert data["unreviewed"] == "warn"
    assert [f.split("-")[0] for f in data["failing"]] == ["FC201"]
    assert [f.split("-")[0] for f in data["warned"]] == ["FC101"] and data["ignored"] == []


def test_ignore_leaves_it_out_of_the_verdict(repo: Path) -> None:
    auto_wire(repo)
    result = gate(WIRE, "--unreviewed", "ignore")
    assert result.exit_code == 0, result.output
    assert "warning:" not in result.output
    assert "1 ignored finding on unreviewed claims (--unreviewed ignore)" in result.output
    annotations = gate(WIRE, "--unreviewed", "ignore", "--format", "github")
    assert annotations.exit_code == 0 and "::error" not in annotations.stdout and "::warning" not in annotations.stdout


def test_warn_is_a_warning_annotation_and_a_skipped_test_case(repo: Path) -> None:
    auto_wire(repo)
    annotations = gate(WIRE, "--unreviewed", "warn", "--format", "github").stdout
    assert "::error" not in annotations
    assert annotations.startswith(f"::warning file={WIRE},") and "unreviewed" in annotations
    junit = gate(WIRE, "--unreviewed", "warn", "--format", "junit").stdout
    assert "<failure" not in junit and "warning, not failing (--unreviewed warn): rests on 1 unreviewed" in junit
    sarif = json.loads(gate(WIRE, "--unreviewed", "warn", "--format", "sarif").stdout)
    [conflict] = [r for r in sarif["runs"][0]["results"] if r["properties"]["verdict"] == "conflict"]
    assert conflict["level"] == "warning" and conflict["properties"]["restsOnUnreviewed"] is True


def test_the_markdown_summary_says_what_to_review(repo: Path) -> None:
    claim = auto_wire(repo)
    failed = gate(WIRE, "--format", "markdown").stdout
    assert "set `status: reviewed`" in failed
    assert f"> **Unreviewed:** rests on 1 unreviewed claim (confidence 0.62): review {claim}" in failed
    warned = gate(WIRE, "--unreviewed", "warn", "--format", "markdown").stdout
    assert warned.startswith("# factcheck gate: ✅ passed: nothing new fails, 1 warning on unreviewed claims")
    assert "## ⚠️ Warnings: new findings on unreviewed claims (1)" in warned


def test_once_reviewed_the_conflict_fails_under_every_policy(repo: Path) -> None:
    wire = repo / WIRE
    auto_wire(repo)
    wire.write_text(wire.read_text(encoding="utf-8").replace("status: auto", "status: reviewed"), encoding="utf-8")
    for policy in ("fail", "warn", "ignore"):
        result = gate(WIRE, "--unreviewed", policy)
        assert result.exit_code == 1, (policy, result.output)
        assert "unreviewed claim" not in result.output


def test_the_python_api_takes_the_same_policy(repo: Path) -> None:
    auto_wire(repo)
    paths = (Path(WIRE),)
    failed = run_gate(GateRequest(paths=paths))
    assert failed.unreviewed == "fail" and not failed.passed
    assert [c.key for c in failed.failing[0].unreviewed] == ["wire-2019-09-02/gsomia-expiry"]
    warned = run_gate(GateRequest(paths=paths, unreviewed="warn"))
    assert warned.passed and [f.id for f in warned.warned] == [failed.failing[0].id] and not warned.ignored
    ignored = run_gate(GateRequest(paths=paths, unreviewed="ignore"))
    assert ignored.passed and not ignored.warned and [f.id for f in ignored.ignored] == [failed.failing[0].id]
    with pytest.raises(GateError, match="unknown --unreviewed 'sometimes'"):
        run_gate(GateRequest(paths=paths, unreviewed="sometimes"))


def test_an_unknown_policy_is_a_usage_error(repo: Path) -> None:
    auto_wire(repo)
    result = gate(WIRE, "--unreviewed", "sometimes")
    assert result.exit_code == 2 and "Traceback" not in result.output

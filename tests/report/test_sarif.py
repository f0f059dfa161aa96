"""SARIF output is valid SARIF 2.1.0 and shows each result at the claim's line, for `report` and `gate`.

tests/data/sarif-schema-2.1.0.json is the SARIF 2.1.0 JSON schema published by the OASIS SARIF
technical committee (repository oasis-tcs/sarif-spec, file sarif-2.1/schema/sarif-schema-2.1.0.json),
copied unchanged from the project's shared schemas.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.gate import fingerprint, run_gate
from factcheck.gate.gate import GateRequest
from tests.gate.repo import line_of, make_repo, write_wire

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def assert_valid(log: dict[str, Any]) -> None:
    validator = jsonschema.Draft4Validator(SCHEMA)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = make_repo(tmp_path / "repo")
    monkeypatch.chdir(path)
    return path


def test_report_sarif_on_the_seeds_is_valid(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, ["report", "--format", "sarif", "-q"])
    assert result.exit_code == 0, result.output
    log = json.loads(result.stdout)
    assert_valid(log)
    run = log["runs"][0]
    assert run["tool"]["driver"]["name"] == "factcheck"
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} >= {"FC101", "FC201"}
    compatible = [r for r in run["results"] if r["properties"]["verdict"] == "compatible"]
    assert compatible and all(r["level"] == "note" and r["kind"] == "fail" for r in compatible)
    assert all(r["level"] == "none" for r in run["results"] if r["kind"] == "open")
    assert not any(r["properties"]["verdict"] == "agree" for r in run["results"])


def test_gate_sarif_with_a_baselined_finding_is_valid_and_marks_the_suppression(repo: Path) -> None:
    wire = write_wire(repo)
    runner = CliRunner()
    first = runner.invoke(cli, ["gate", "--format", "json"])
    accepted = next(f for f in json.loads(first.stdout)["findings"] if f["rule"]["id"] == "FC201")
    assert runner.invoke(cli, ["baseline", "add", accepted["id"], "--reason", "Kono said it too, later"]).exit_code == 0
    result = runner.invoke(cli, ["gate", "--format", "sarif", "-o", "factcheck.sarif"])
    assert result.exit_code == 1, result.output  # the date conflict still fails
    log = json.loads((repo / "factcheck.sarif").read_text(encoding="utf-8"))
    assert_valid(log)
    run = log["runs"][0]
    by_rule = {r["ruleId"]: r for r in run["results"]}
    date, quote = by_rule["FC101"], by_rule["FC201"]
    assert "suppressions" not in date
    assert quote["suppressions"] == [{"kind": "external", "status": "accepted",
                                      "justification": "Kono said it too, later"}]
    location = date["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "claims/wire-2019-09-02.yaml"
    assert location["region"]["startLine"] == line_of(wire, "gsomia-expiry")
    related = {r["physicalLocation"]["artifactLocation"]["uri"] for r in date["relatedLocations"]}
    assert related == {"claims/bloomberg-2019-08-22.yaml", "claims/diplomat-2019-08.yaml"}
    assert date["level"] == "error" and date["kind"] == "fail"
    gate_result = run_gate(GateRequest())
    fingerprints = {f.rule_id: fingerprint(f) for f in gate_result.report.findings if f.verdict.value == "conflict"}
    assert date["partialFingerprints"] == {"factcheck/v1": fingerprints["FC101"]}
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert rules["FC101"]["fullDescription"]["text"].startswith("Flags two sources that put the same event")
    assert rules["FC101"]["shortDescription"]["text"] == "Dates and durations that place the same event must agree."
    assert rules["FC101"]["defaultConfiguration"] == {"level": "error"}
    assert run["tool"]["driver"]["rules"][date["ruleIndex"]]["id"] == "FC101"


def test_sarif_of_a_run_without_findings_is_valid(repo: Path) -> None:
    result = CliRunner().invoke(cli, ["gate", "--format", "sarif"])
    assert result.exit_code == 0, result.output
    log = json.loads(result.stdout)
    assert_valid(log)
    assert log["runs"][0]["results"] == []


"""`factcheck report` and `test-rules` as users run them: formats, files, exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for folder in ("claims", "rules", "seeds"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_report_text_runs_with_exit_0(project: Path) -> None:
    result = CliRunner().invoke(cli, ["report"])
    assert result.exit_code == 0, result.output
    assert "COMPATIBLE" in result.output and "2019-10-30..2019-11-29" in result.output
    assert "2 sources, 104 claims, 10 rules" in result.output


@pytest.mark.parametrize(("format_name", "marker"), [("json", '"schema_version":2,'), ("markdown", "# factcheck report"),
                                                     ("html", "<!DOCTYPE html>")])
def test_report_formats_to_a_file(project: Path, format_name: str, marker: str) -> None:
    out = project / f"report.{format_name}"
    result = CliRunner().invoke(cli, ["report", "--format", format_name, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert marker in out.read_text()
    if format_name == "json":
        assert json.loads(out.read_text())["summary"]["verdicts"]["conflict"] == 0


def test_invalid_claims_exit_1_with_locations(project: Path) -> None:
    path = project / "claims" / "diplomat-2019-08.yaml"
    path.write_text(path.read_text().replace("property: expires_on", "property: expire_on", 1))
    result = CliRunner().invoke(cli, ["report"])
    assert result.exit_code == 1
    assert "diplomat-2019-08.yaml:" in result.output and "R002" in result.output and "expire_on" in result.output


def test_bad_rule_file_exits_2(project: Path) -> None:
    path = project / "rules" / "FC502-office-held.yaml"
    path.write_text(path.read_text().replace("comparator: statement", "comparator: nope"))
    result = CliRunner().invoke(cli, ["report"])
    assert result.exit_code == 2
    assert "FC502-office-held.yaml:21:" in result.output and "unknown comparator 'nope'" in result.output


def test_unknown_format_is_a_usage_error(project: Path) -> None:
    assert CliRunner().invoke(cli, ["report", "--format", "pdf"]).exit_code == 2


def test_test_rules_passes_on_the_shipped_rules_and_fails_on_a_wrong_expectation(project: Path) -> None:
    result = CliRunner().invoke(cli, ["test-rules"])
    assert result.exit_code == 0, result.output
    assert "0 failed" in result.output
    test_file = project / "rules" / "FC502-office-held.test.yaml"
    test_file.write_text(test_file.read_text().replace("{verdict: compatible,", "{verdict: agree,"))
    failed = CliRunner().invoke(cli, ["test-rules"])
    assert failed.exit_code == 1 and "FAIL FC502" in failed.output


def test_select_runs_only_the_named_rules_and_an_unknown_rule_exits_2(project: Path) -> None:
    result = CliRunner().invoke(cli, ["report", "--select", "FC101", "--select", "quote-attribution",
                                      "--format", "json"])
    assert result.exit_code == 0, result.output
    rules = {f["rule"]["id"] for f in json.loads(result.output)["findings"] if f["verdict"] != "unverified"}
    assert rules == {"FC101", "FC201"}
    unknown = CliRunner().invoke(cli, ["report", "--select", "FC999"])
    assert unknown.exit_code == 2 and "unknown rule 'FC999'" in unknown.output
    assert "known: FC101 (date-consistency)" in unknown.output


def test_sarif_from_report_describes_rules_from_their_files(project: Path) -> None:
    result = CliRunner().invoke(cli, ["report", "--format", "sarif"])
    assert result.exit_code == 0, result.output
    rules = json.loads(result.output)["runs"][0]["tool"]["driver"]["rules"]
    fc101 = next(r for r in rules if r["id"] == "FC101")
    assert "does not expire for 90 days" in fc101["fullDescription"]["text"]


def test_a_missing_claims_or_rules_directory_is_a_usage_error(project: Path) -> None:
    assert CliRunner().invoke(cli, ["report", "--claims", "nope"]).exit_code == 2
    assert CliRunner().invoke(cli, ["report", "--rules", "nope"]).exit_code == 2

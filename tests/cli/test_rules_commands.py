"""`factcheck rules` and `factcheck rule ID`, as users run them in the worked example and in an empty folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_rules_lists_every_rule_in_force_with_where_it_comes_from(example: Path) -> None:
    result = CliRunner().invoke(cli, ["rules"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["ID", "NAME", "SEVERITY", "KINDS", "FROM"]
    fc101 = next(line for line in lines if line.startswith("FC101"))
    assert fc101.split() == ["FC101", "date-consistency", "error", "date,", "duration", "built-in"]
    fc502 = next(line for line in lines if line.startswith("FC502"))
    assert fc502.split()[:3] == ["FC502", "office-held", "error"] and fc502.endswith("project, overrides built-in")
    assert lines[-1] == "10 rules in force: 9 built-in, 1 from the project (1 overriding a built-in rule)."


def test_rules_as_json(example: Path) -> None:
    result = CliRunner().invoke(cli, ["rules", "--format", "json"])
    assert result.exit_code == 0, result.output
    rules = {r["id"]: r for r in json.loads(result.output)["rules"]}
    assert rules["FC101"]["origin"] == "built-in" and rules["FC101"]["overrides"] is None
    assert rules["FC502"]["origin"] == "project" and rules["FC502"]["severity"] == "error"
    assert rules["FC502"]["overrides"].endswith("FC502-office-held.yaml")
    assert rules["FC101"]["match"]["kinds"] == ["date", "duration"]


def test_rule_is_case_insensitive_and_readable(example: Path) -> None:
    results = [CliRunner().invoke(cli, ["rule", name]) for name in ("FC101", "fc101", "Date-Consistency")]
    assert {r.exit_code for r in results} == {0} and len({r.output for r in results}) == 1
    text = results[0].output
    assert text.startswith("FC101 date-consistency\n")
    assert "{'" not in text and "': " not in text, "not a Python dict"
    assert "matches: kinds date, duration; not properties lasted" in text
    assert ("compares: date (tolerance_days: 0, age_rounding: nearest, age_properties: [age], "
            "time_tolerance_minutes: 15, exact_time_tolerance_minutes: 0, shortly_minutes: 30)") in text
    assert "from: built-in, " in text


def test_rule_says_it_is_an_override(example: Path) -> None:
    result = CliRunner().invoke(cli, ["rule", "fc502"])
    assert result.exit_code == 0
    assert "severity: error" in result.output and "(overrides the built-in " in result.output


def test_rule_as_json(example: Path) -> None:
    result = CliRunner().invoke(cli, ["rule", "office-held", "--format", "json"])
    assert result.exit_code == 0
    record = json.loads(result.output)
    assert record["id"] == "FC502" and record["params"] == {"functional": True, "ends_others": []} and record["origin"] == "project"


def test_an_unknown_rule_exits_2_naming_the_rules_that_exist(example: Path) -> None:
    result = CliRunner().invoke(cli, ["rule", "FC999"])
    assert result.exit_code == 2
    assert "unknown rule 'FC999'" in result.output and "FC101 (date-consistency)" in result.output
    assert "FC502 (office-held)" in result.output


def test_in_an_empty_folder_the_built_in_rules_answer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    listed = CliRunner().invoke(cli, ["rules"])
    assert listed.exit_code == 0 and "10 rules in force: 10 built-in, 0 from the project" in listed.output
    explained = CliRunner().invoke(cli, ["rule", "FC101"])
    assert explained.exit_code == 0 and "does not expire for 90 days" in explained.output


def test_a_broken_project_rule_exits_2_located(example: Path) -> None:
    (example / "rules" / "XY1.yaml").write_text("id: XY1\nname: [\n")
    result = CliRunner().invoke(cli, ["rules"])
    assert result.exit_code == 2 and "rules/XY1.yaml:" in result.output

"""`factcheck eval` end to end: raw written articles -> extract -> report -> scored."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from factcheck.cli import cli

ROOT = Path(__file__).resolve().parents[2]
EVENT = ROOT / "tests" / "data" / "accuracy"


def run(*args: str):
    return CliRunner().invoke(cli, ["eval", *args, "--rules", str(ROOT / "rules")])


def test_eval_runs_from_raw_text_and_lists_what_it_missed() -> None:
    result = run(str(EVENT))
    assert result.exit_code == 0, result.output
    assert "harbor-bridge" in result.output
    assert "Missed in harbor-bridge" in result.output and "unfindable" in result.output


def test_json_output_has_the_figures() -> None:
    result = run(str(EVENT), "--format", "json")
    data = json.loads(result.output)
    assert data["expected"] == 2 and "unfindable" in data["events"][0]["missed"]
    assert data["events"][0]["sources"] == 2 and data["events"][0]["claims"] > 0


def test_a_floor_not_met_exits_1() -> None:
    result = run(str(EVENT), "--min-recall", "1")
    assert result.exit_code == 1
    assert "below the floor: recall" in result.output


def test_a_folder_without_events_is_a_usage_error(tmp_path: Path) -> None:
    result = run(str(tmp_path))
    assert result.exit_code == 2 and "no event under" in result.output

"""`factcheck eval` end to end: raw written articles -> extract -> report -> scored."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
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


def _two_events(tmp_path: Path) -> Path:
    """A corpus of two events: the test event, and one event of the development set."""
    import shutil
    corpus = tmp_path / "corpus"
    shutil.copytree(EVENT / "harbor-bridge", corpus / "harbor-bridge")
    shutil.copytree(ROOT / "eval" / "dev" / "aerovelm-outage", corpus / "aerovelm-outage")
    return corpus


def test_events_run_side_by_side_give_the_result_of_one_process(tmp_path: Path) -> None:
    corpus = _two_events(tmp_path)
    alone, side_by_side = run(str(corpus), "--format", "json", "--jobs", "1"), run(str(corpus), "--format", "json", "--jobs", "2")
    assert alone.exit_code == side_by_side.exit_code == 0, side_by_side.output
    assert side_by_side.output == alone.output
    assert [e["event"] for e in json.loads(alone.output)["events"]] == ["aerovelm-outage", "harbor-bridge"]


def test_a_broken_answer_key_in_a_worker_is_the_usage_error_of_one_process(tmp_path: Path) -> None:
    corpus = _two_events(tmp_path)
    answers = corpus / "harbor-bridge" / "answers.yaml"
    answers.write_text(answers.read_text(encoding="utf-8").replace("text: \"", "text: \"no such words ", 1), encoding="utf-8")
    alone, side_by_side = run(str(corpus), "--jobs", "1"), run(str(corpus), "--jobs", "2")
    assert alone.exit_code == side_by_side.exit_code == 2
    assert side_by_side.output == alone.output and "answers.yaml" in alone.output


def test_the_same_corpus_scores_the_same_whatever_the_hash_seed(tmp_path: Path) -> None:
    # a set's iteration order changes with PYTHONHASHSEED; a money role's pattern once depended on it, so the
    # kavran event scored 4 of 10 in one process and 3 of 9 in the next. Two processes, two seeds, one result
    shutil.copytree(ROOT / "eval" / "dev" / "kavran-olive-frost", tmp_path / "kavran-olive-frost")
    outputs = set()
    for seed in ("1", "4"):
        done = subprocess.run([sys.executable, "-m", "factcheck", "eval", str(tmp_path), "--format", "json",
                               "--jobs", "1", "--rules", str(ROOT / "rules")], capture_output=True, text=True,
                              cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": seed}, check=True)
        outputs.add(done.stdout)
    assert len(outputs) == 1

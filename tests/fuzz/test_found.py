"""Inputs the fuzzer found that ended in a traceback, kept as fixtures (tests/data/fuzz/) and fixed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.fuzz.harness import Project, run

FOUND = Path(__file__).resolve().parents[1] / "data" / "fuzz"
STORY = Path(__file__).resolve().parents[1] / "data" / "extract"
OPTIONS = ["--id", "fuzz-source", "--published", "2019-08-22", "--publisher", "Fuzz Wire", "--title", "A title"]


def _project(tmp_path: Path) -> Project:
    project = Project(tmp_path)
    shutil.copyfile(STORY / "third-source.txt", tmp_path / "third-source.txt")
    return project


def test_a_blank_cue_word_is_a_located_problem_not_a_crash(tmp_path: Path) -> None:
    project = _project(tmp_path)
    shutil.copyfile(FOUND / "cue-blank-word.yaml", tmp_path / "cues.yaml")
    outcome = run(project, ["extract", "third-source.txt", *OPTIONS, "--cues", "cues.yaml", "-o", "-"], {2})
    assert outcome.ok, (outcome.faults, outcome.traceback)
    assert "cues.yaml:3:51: S001 events[0].words[0]: a blank word" in outcome.stderr


def test_sidecar_values_of_the_wrong_type_are_located_problems(tmp_path: Path) -> None:
    project = _project(tmp_path)
    shutil.copyfile(FOUND / "sidecar-wrong-types.meta.yaml", tmp_path / "third-source.meta.yaml")
    outcome = run(project, ["extract", "third-source.txt", "-o", "-"], {2})
    assert outcome.ok, (outcome.faults, outcome.traceback)
    assert "third-source.meta.yaml:2:5: S001 id: Input should be a valid string" in outcome.stderr
    assert "third-source.meta.yaml:4:8: S001 title:" in outcome.stderr
    assert "third-source.meta.yaml:6:10: S001 authors:" in outcome.stderr


def test_a_sidecar_id_that_is_no_source_id_is_a_located_problem(tmp_path: Path) -> None:
    project = _project(tmp_path)
    (tmp_path / "third-source.meta.yaml").write_text("id: ../../Bad Id\npublisher: W\ntitle: T\npublished: 2019-08-23\n",
                                                    encoding="utf-8")
    outcome = run(project, ["extract", "third-source.txt", "-o", "-"], {2})
    assert outcome.ok, (outcome.faults, outcome.traceback)
    assert "third-source.meta.yaml:1:5: S001 id: String should match pattern" in outcome.stderr


def test_rule_test_parts_of_the_wrong_type_are_located_problems(tmp_path: Path) -> None:
    rules = Path(__file__).resolve().parents[2] / "factcheck" / "data" / "rules"
    (tmp_path / "rules").mkdir()
    shutil.copyfile(rules / "FC301-quantity-consistency.yaml", tmp_path / "rules" / "FC301-quantity-consistency.yaml")
    shutil.copyfile(FOUND / "rule-test-claims-not-a-list.test.yaml", tmp_path / "rules" / "FC301-quantity-consistency.test.yaml")
    outcome = run(Project(tmp_path), ["test-rules", "rules"], {2})
    assert outcome.ok, (outcome.faults, outcome.traceback)
    assert "rules/FC301-quantity-consistency.test.yaml:8:17: S001 cases[0].sources[0].claims:" in outcome.stderr
    assert "rules/FC301-quantity-consistency.test.yaml:14:14: S001 cases[1].sources:" in outcome.stderr


def test_a_long_run_of_digits_in_a_source_text_is_read_in_seconds(tmp_path: Path) -> None:
    """It took 60 s: the quantity patterns restarted at every digit of a run (fixed by a lookbehind)."""
    shutil.copyfile(FOUND / "digits-run.txt", tmp_path / "digits-run.txt")
    outcome = run(Project(tmp_path), ["extract", "digits-run.txt", *OPTIONS, "-o", "-"], {0, 2}, timeout=3)
    assert outcome.ok, outcome.faults

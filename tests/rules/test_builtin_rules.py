"""Batteries included: the shipped rules are in force by default; a project's rules folder adds rules
or overrides a built-in one by id, and its rule tests judge its overrides."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from factcheck.engine import run_rules
from factcheck.load import ProblemsError, load_corpus
from factcheck.rules import load_rules
from factcheck.rules.load import BUILTIN, PROJECT, builtin_rules_dir
from factcheck.rules.testing import run_rule_tests

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "factcheck" / "data" / "rules"
SHIPPED_IDS = ["FC101", "FC103", "FC104", "FC201", "FC301", "FC302", "FC401", "FC501", "FC502", "FC503"]


def test_the_shipped_rules_are_package_data() -> None:
    assert builtin_rules_dir().resolve() == SHIPPED.resolve()
    assert not list((ROOT / "rules").glob("FC101*")), "one home per rule: the built-ins live in factcheck/data/rules"


def test_with_no_rules_folder_the_built_in_rules_are_in_force(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no rules/ here
    rules = load_rules([Path("rules")])
    assert [r.id for r in rules] == SHIPPED_IDS
    assert {r.origin for r in rules} == {BUILTIN} and all(r.overrides is None for r in rules)
    assert load_rules([Path("rules")], builtin=False) == []


def test_another_missing_folder_is_still_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ProblemsError) as caught:
        load_rules([Path("checks")])
    [problem] = caught.value.problems
    assert problem.code == "E002" and problem.path == "checks"


def test_the_worked_example_overrides_fc502_and_keeps_the_rest() -> None:
    rules = {r.id: r for r in load_rules([ROOT / "rules"])}
    assert list(rules) == SHIPPED_IDS
    fc502 = rules["FC502"]
    assert fc502.origin == PROJECT
    assert fc502.rule.severity.value == "error" and fc502.path.endswith("rules/FC502-office-held.yaml")
    assert fc502.overrides is not None and fc502.overrides.endswith("factcheck/data/rules/FC502-office-held.yaml")
    assert all(r.origin == BUILTIN for key, r in rules.items() if key != "FC502")


def test_the_seeds_verdicts_are_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    report = run_rules(load_corpus([Path("claims")]), load_rules([Path("rules")]))
    verdicts = Counter(f.verdict.value for f in report.findings)
    assert verdicts == {"compatible": 2, "agree": 17, "unverified": 65}


def test_a_project_rule_with_a_new_id_is_added(tmp_path: Path) -> None:
    text = (SHIPPED / "FC101-date-consistency.yaml").read_text().replace("id: FC101", "id: XY101").replace(
        "name: date-consistency", "name: date-strict")
    (tmp_path / "XY101.yaml").write_text(text)
    rules = load_rules([tmp_path])
    assert [r.id for r in rules] == sorted([*SHIPPED_IDS, "XY101"])
    assert next(r for r in rules if r.id == "XY101").origin == PROJECT


def test_a_built_in_name_under_another_id_is_refused(tmp_path: Path) -> None:
    text = (SHIPPED / "FC101-date-consistency.yaml").read_text().replace("id: FC101", "id: XY101")
    (tmp_path / "XY101.yaml").write_text(text)
    with pytest.raises(ProblemsError) as caught:
        load_rules([tmp_path])
    [problem] = caught.value.problems
    assert problem.code == "R004" and "built-in rule FC101 has that name" in problem.message
    assert problem.path.endswith("XY101.yaml") and problem.line == 1


def test_an_override_is_judged_by_the_projects_tests_only(tmp_path: Path) -> None:
    # An override that never conflicts: the built-in FC101 tests would fail it, but they do not judge it.
    text = (SHIPPED / "FC101-date-consistency.yaml").read_text().replace("tolerance_days: 0", "tolerance_days: 100000")
    (tmp_path / "FC101-date-consistency.yaml").write_text(text)
    outcome = run_rule_tests([tmp_path])
    assert not [r for r in outcome.results if r.rule_id == "FC101"]
    assert any("FC101 date-consistency has no test file" in message for message in outcome.untested)
    assert not outcome.passed
    others = [r for r in outcome.results if r.rule_id != "FC101"]
    assert others and all(r.passed for r in others)


def test_the_built_in_tests_run_for_an_empty_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    outcome = run_rule_tests([Path("rules")])
    assert outcome.passed and {r.rule_id for r in outcome.results} == set(SHIPPED_IDS)

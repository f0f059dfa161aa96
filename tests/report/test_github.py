"""GitHub workflow annotations: escaped as GitHub's toolkit does, only for changed files, within
GitHub's per-step limits (the rest counted in a notice)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.engine import Report, run_rules
from factcheck.load import load_corpus
from factcheck.report import RenderContext, render
from factcheck.report.escape import workflow_data as escape_data, workflow_property as escape_property
from factcheck.report.github import LIMIT
from factcheck.rules import load_rules
from tests.gate.repo import line_of, make_repo, write_wire


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = make_repo(tmp_path / "repo")
    monkeypatch.chdir(path)
    return path


def full_report() -> Report:
    return run_rules(load_corpus([Path("claims")]), load_rules([Path("rules")]))


def test_escaping_follows_githubs_rules() -> None:
    assert escape_data("50% of\r\nit: a, b") == "50%25 of%0D%0Ait: a, b"
    assert escape_property("a: b, c%\n") == "a%3A b%2C c%25%0A"


def test_gate_annotates_each_new_conflict_at_its_claim(repo: Path) -> None:
    wire = write_wire(repo)
    result = CliRunner().invoke(cli, ["gate", "--format", "github"])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2 and all(line.startswith("::error file=claims/wire-2019-09-02.yaml,line=") for line in lines)
    assert f"line={line_of(wire, 'gsomia-expiry')},title=FC101 date-consistency%3A conflict::" in lines[0]
    assert "%0A" in lines[0] and "\n" not in lines[0]
    assert "Taro Kono" in lines[1]


def test_only_findings_in_changed_files_are_annotated(repo: Path) -> None:
    write_wire(repo)
    report = full_report()
    everything = render(report, "github", RenderContext())
    assert "file=claims/bloomberg-2019-08-22.yaml" in everything  # a full report: the seeds' compatible findings too
    changed = render(report, "github", RenderContext(changed_paths=frozenset({"claims/wire-2019-09-02.yaml"})))
    assert changed and all("file=claims/wire-2019-09-02.yaml" in line for line in changed.splitlines())


def test_accepted_findings_are_not_annotated(repo: Path) -> None:
    write_wire(repo)
    report = full_report()
    conflicts = {f.id for f in report.findings if f.verdict.value == "conflict"}
    output = render(report, "github", RenderContext(suppressions={i: "known" for i in conflicts}))
    assert "::error" not in output and "::warning" in output


def test_at_most_ten_errors_and_ten_warnings_then_a_notice(repo: Path) -> None:
    write_wire(repo)
    report = full_report()
    conflict = next(f for f in report.findings if f.verdict.value == "conflict")
    compatible = next(f for f in report.findings if f.verdict.value == "compatible")
    many = tuple(replace(conflict, id=f"FC101-{i:010d}") for i in range(13))
    many += tuple(replace(compatible, id=f"FC101-c{i:09d}") for i in range(11))
    lines = render(replace(report, findings=many), "github", RenderContext()).splitlines()
    assert sum(line.startswith("::error ") for line in lines) == LIMIT
    assert sum(line.startswith("::warning ") for line in lines) == LIMIT
    assert lines[-1] == ("::notice title=factcheck::3 more errors and 1 more warnings not annotated "
                         "(GitHub shows 10 of each per step): see the full report")

"""The conventions people already know (issue 10, item 7): colours by NO_COLOR/FORCE_COLOR, COLUMNS,
paths kept whole, exit codes like Ruff and Semgrep (--fail-on, --exit-zero, severities), --select and
--ignore with prefixes, --reviewed-only, overlapping rules warned about, files with the user's umask,
--version and shell completion."""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
from importlib.metadata import version
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factcheck.cli import cli
from tests.gate.conftest import repo, seeded_repo  # noqa: F401 - the seeded claims repository, as the gate's tests use
from tests.gate.repo import date_claim, write_source, write_wire

ROOT = Path(__file__).resolve().parents[2]
ANSI = re.compile(r"\x1b\[[0-9;]*m")
FC101 = ROOT / "factcheck" / "data" / "rules" / "FC101-date-consistency.yaml"


@pytest.fixture(autouse=True)
def plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No colour or width settings from the shell that runs the tests."""
    for name in ("NO_COLOR", "FORCE_COLOR", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), env=env)


def fc101_as(repo: Path, severity: str) -> None:
    """The project overrides the built-in FC101 with another severity."""
    text = FC101.read_text(encoding="utf-8")
    assert "severity: error" in text
    (repo / "rules" / FC101.name).write_text(text.replace("severity: error", f"severity: {severity}"), encoding="utf-8")


# Colours and width


def test_no_color_force_color_and_the_flag(repo: Path) -> None:
    assert not ANSI.search(run("report", "-q").stdout)  # a pipe: no colours
    assert ANSI.search(run("report", "-q", env={"FORCE_COLOR": "1"}).stdout)
    assert not ANSI.search(run("report", "-q", env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout)
    assert ANSI.search(run("report", "-q", "--color", env={"NO_COLOR": "1"}).stdout)  # a flag wins
    assert not ANSI.search(run("report", "-q", env={"NO_COLOR": ""}).stdout)  # empty: as if unset
    write_wire(repo, speaker=None)
    assert ANSI.search(run("gate", env={"FORCE_COLOR": "1"}).stdout)
    assert not ANSI.search(run("gate", env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout)


@pytest.mark.parametrize("columns", [None, "40", "60", "80", "120"])
def test_columns_sets_the_width_of_piped_output_and_no_location_is_split(repo: Path, columns: str | None) -> None:
    result = run("report", "-q", env={"COLUMNS": columns} if columns else {})
    width = int(columns or 100)
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) == width
    report = json.loads(run("report", "--format", "json").stdout)
    expected = {f"{c['location']['path']}:{c['location']['line']}" for f in report["findings"] for c in f["claims"]}
    assert len(expected) > 80
    whole = {loc for loc in expected if re.search(re.escape(loc) + r"(?!\d)", result.stdout)}
    assert whole == expected  # every claims/x.yaml:N on one line, none split across two


# Exit codes, severities, selection


def test_report_exits_1_on_a_conflict_and_0_with_exit_zero(repo: Path) -> None:
    assert run("report", "-q").exit_code == 0  # the seeds: no conflict
    write_wire(repo, speaker=None)
    failed = run("report", "-q")
    assert failed.exit_code == 1 and "1 finding fails (--fail-on error,conflict; --exit-zero" in failed.stderr
    assert run("report", "-q", "--exit-zero").exit_code == 0
    assert run("report", "-q", "--select", "FC2").exit_code == 0  # the conflict is FC101's
    assert run("report", "-q", "--ignore", "fc10").exit_code == 0
    assert run("report", "-q", "--select", "fc1,FC2").exit_code == 1


def test_a_warning_rule_is_shown_but_does_not_fail_at_the_default_level(repo: Path) -> None:
    write_wire(repo, speaker=None)
    fc101_as(repo, "warning")
    report = run("report", "-q")
    assert report.exit_code == 0 and "CONFLICT" in report.stdout
    assert run("report", "-q", "--fail-on", "warning").exit_code == 1
    gate = run("gate")
    assert gate.exit_code == 0, gate.output
    assert "FC101 conflict does not fail: its rule's severity is warning, below --fail-on error" in gate.stdout
    assert "CONFLICT" in gate.stdout and "factcheck gate: passed" in gate.stdout
    assert run("gate", "--fail-on", "warning").exit_code == 1
    assert run("gate", "--fail-on", "info").exit_code == 1
    junit = run("gate", "--format", "junit")  # the machine formats say the same: shown, not failing
    assert junit.exit_code == 0 and 'failures="0"' in junit.stdout and "below --fail-on" in junit.stdout
    github = run("gate", "--format", "github")
    assert github.exit_code == 0 and "::warning" in github.stdout and "::error" not in github.stdout
    fc101_as(repo, "error")
    assert run("gate").exit_code == 1
    assert 'failures="1"' in run("gate", "--format", "junit").stdout


def test_fail_on_mistakes_exit_2(repo: Path) -> None:
    for args in (["--fail-on", "fatal"], ["--fail-on", "error", "--fail-on", "warning"]):
        for command in ("report", "gate"):
            result = run(command, *args)
            assert result.exit_code == 2 and result.stderr.startswith("error: --fail-on"), result.output


def test_select_and_ignore_on_the_gate_take_prefixes(repo: Path) -> None:
    write_wire(repo)  # an FC101 and an FC201 conflict
    assert run("gate").exit_code == 1
    assert run("gate", "--ignore", "FC1", "--ignore", "fc2").exit_code == 0
    only_quotes = run("gate", "--select", "fc20")
    assert only_quotes.exit_code == 1 and "FC201 conflict" in only_quotes.stdout and "FC101 conflict" not in only_quotes.stdout
    unknown = run("gate", "--select", "FC9")
    assert unknown.exit_code == 2 and "unknown rule 'FC9'" in unknown.stderr


def test_eval_takes_the_same_selectors(repo: Path) -> None:
    result = run("eval", str(ROOT / "eval" / "dev"), "--select", "FC9")
    assert result.exit_code == 2 and "unknown rule 'FC9'" in result.stderr


def test_report_reviewed_only_compares_only_reviewed_claims(repo: Path) -> None:
    write_wire(repo, speaker=None, expiry_status="auto", expiry_confidence=0.6)
    assert run("report", "-q").exit_code == 1
    reviewed = run("report", "-q", "--reviewed-only", "--format", "json")
    assert reviewed.exit_code == 0, reviewed.output
    findings = json.loads(reviewed.stdout)["findings"]
    assert all(c["status"] == "reviewed" for f in findings for c in f["claims"])
    expiry = [f for f in findings if f["property"] == "expires_on"]
    assert [f["verdict"] for f in expiry] == ["compatible"]  # the two reviewed seeds, judged on their own


def announcement(repo: Path, source_id: str, date: str, status: str) -> None:
    text = f"Seoul announced the decision on {date}.\n"
    write_source(repo, source_id, text, [date_claim("announced", date, f"announced the decision on {date}",
                                                    property_id="announced_on", status=status,
                                                    confidence=None if status == "reviewed" else 0.7)])


def test_gate_reviewed_only_leaves_out_findings_unreviewed_claims_make(repo: Path) -> None:
    announcement(repo, "wire-a", "2019-08-22", "reviewed")
    announcement(repo, "wire-b", "2019-08-01", "auto")
    assert run("gate").exit_code == 1
    gate = run("gate", "--reviewed-only")
    assert gate.exit_code == 0, gate.output  # the auto claim was never compared
    assert "FC101 conflict" not in gate.stdout


def test_gate_reviewed_only_never_hides_a_conflict_between_reviewed_claims(repo: Path) -> None:
    write_wire(repo, speaker=None)  # reviewed: 2019-12-31 against the seeds' reviewed 2019-11-23
    write_wire(repo, speaker=None, source_id="wire-copy", expiry="2019-11-23", expiry_status="auto",
               expiry_confidence=0.9)
    result = run("gate", "--reviewed-only")
    assert result.exit_code == 1 and "FC101 conflict" in result.stdout, result.output


def test_overlapping_rules_are_warned_about_once_naming_both(repo: Path) -> None:
    (repo / "rules" / "FC190-dates-again.yaml").write_text(
        "id: FC190\nname: dates-again\ndescription: d\nexplain: e\nmatch: {kinds: [date]}\npair_by: [subject, property]\n"
        "compare: {comparator: date}\n", encoding="utf-8")
    for args in (["report", "-q"], ["gate"]):
        result = run(*args)
        warnings = [line for line in result.stderr.splitlines() if line.startswith("warning: rules")]
        assert len(warnings) == 1, result.stderr
        assert "FC101 (date-consistency) and FC190 (dates-again) can both match the same claims" in warnings[0]
    assert "warning: rules" not in run("report", "-q", "--ignore", "FC190").stderr


def test_test_rules_fails_when_it_found_no_tests(repo: Path) -> None:
    (repo / "rules" / "FC190-untested.yaml").write_text(
        "id: FC190\nname: untested\ndescription: d\nexplain: e\nmatch: {kinds: [duration], properties: [x]}\n"
        "pair_by: [subject, property]\ncompare: {comparator: date}\n", encoding="utf-8")
    result = run("test-rules", "--select", "FC190")
    assert result.exit_code == 1
    assert "0 passed, 0 failed" in result.stdout and "error: no rule tests found" in result.stderr
    assert "UNTESTED" in result.stdout and "FC190 untested has no test file" in result.stdout
    only = run("test-rules", "--select", "fc5")
    assert only.exit_code == 0, only.output
    assert {line.split()[1] for line in only.stdout.splitlines() if line.startswith("PASS")} == {"FC501", "FC502", "FC503"}


# Files and streams


@pytest.mark.parametrize("umask", [0o022, 0o027, 0o002])
def test_written_files_get_the_umask(repo: Path, umask: int) -> None:
    previous = os.umask(umask)
    try:
        assert run("report", "-q", "--format", "json", "-o", "out/report.json").exit_code == 0
        write_wire(repo, speaker=None)
        finding = json.loads(run("report", "--format", "json").stdout)
        [conflict] = [f["id"] for f in finding["findings"] if f["verdict"] == "conflict"]
        assert run("baseline", "add", conflict, "--reason", "known").exit_code == 0
    finally:
        os.umask(previous)
    for path in (repo / "out" / "report.json", repo / ".factcheck" / "baseline.yaml"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask, path


def test_dash_is_standard_output(repo: Path) -> None:
    result = run("report", "-q", "--format", "json", "-o", "-")
    assert result.exit_code == 0 and json.loads(result.stdout)["tool"]["name"] == "factcheck"
    assert not (repo / "-").exists()


def test_version_is_the_installed_distributions() -> None:
    result = run("--version")
    assert result.exit_code == 0 and result.stdout == f"factcheck, version {version('factcheck-consistency')}\n"


def test_shell_completion_as_documented(tmp_path: Path) -> None:
    command = shutil.which("factcheck", path=str(ROOT / ".venv" / "bin")) or shutil.which("factcheck")
    assert command is not None
    env = {**os.environ, "_FACTCHECK_COMPLETE": "bash_source"}
    script = subprocess.run([command], env=env, capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert script.returncode == 0 and "_factcheck_completion()" in script.stdout
    env = {**os.environ, "_FACTCHECK_COMPLETE": "bash_complete", "COMP_WORDS": "factcheck rep", "COMP_CWORD": "1"}
    words = subprocess.run([command], env=env, capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert "report" in words.stdout
    for line, expected in (("factcheck report --fail-on w", "warning"), ("factcheck gate --select fc3", "FC301")):
        env = {**os.environ, "_FACTCHECK_COMPLETE": "bash_complete", "COMP_WORDS": line,
               "COMP_CWORD": str(len(line.split()) - 1)}
        completed = subprocess.run([command], env=env, capture_output=True, text=True, cwd=tmp_path, timeout=60)
        assert f"plain,{expected}" in completed.stdout.splitlines(), completed.stdout
    assert "_FACTCHECK_COMPLETE=bash_source factcheck" in (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")


"""`factcheck fix` as a user runs it: the diff on standard output, what was repaired and what was not on
standard error, and exit codes 0 (nothing left to fix), 1 (problems remain, or --diff has changes), 2."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli

FIX = Path(__file__).resolve().parents[1] / "data" / "fix"


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(FIX, tmp_path / "project")
    monkeypatch.chdir(tmp_path / "project")
    return tmp_path / "project"


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args))


def test_diff_shows_the_repairs_writes_nothing_and_exits_1(project: Path) -> None:
    before = (project / "claims" / "mini.yaml").read_bytes()
    result = run("fix", "--diff")
    assert result.exit_code == 1
    assert result.stdout.startswith("--- a/claims/mini.yaml\n+++ b/claims/mini.yaml\n")
    assert "-      end: 140\n+      end: 183\n" in result.stdout
    assert "+    evidence: {text: We are disappointed, start: 186, end: 205}\n" in result.stdout
    assert "claims/mini.yaml:23:7: E001 claims[0].evidence: evidence offsets 139..140 -> 139..183 (line 3)" in result.stderr
    assert result.stderr.rstrip().endswith("Would fix 2 problems in 1 file.")
    assert (project / "claims" / "mini.yaml").read_bytes() == before


def test_fix_writes_then_validate_passes_and_a_second_fix_has_nothing_to_do(project: Path) -> None:
    first = run("fix")
    assert first.exit_code == 0, first.output
    assert "+      end: 183" in first.stdout and first.stderr.rstrip().endswith("Fixed 2 problems in 1 file.")
    assert run("validate").exit_code == 0
    again = run("fix", "claims/mini.yaml")
    assert again.exit_code == 0 and again.stdout == ""
    assert run("fix", "--diff").exit_code == 0


def test_what_cannot_be_repaired_is_named_and_exits_1(project: Path) -> None:
    source = project / "seeds" / "mini.txt"
    source.write_text(source.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    result = run("fix")
    assert result.exit_code == 1
    assert "claims/mini.yaml:11:11: E003 source.sha256: the source text has changed" in result.stderr
    assert result.stderr.rstrip().endswith("Fixed 2 problems in 1 file; 1 problem not repaired (above).")
    accepted = run("fix", "--accept-source-changes")
    assert accepted.exit_code == 0, accepted.output
    assert "+  sha256: " in accepted.stdout
    assert run("validate").exit_code == 0


def test_files_beside_the_claims_are_not_fixed(project: Path) -> None:
    (project / "claims" / "cues.yaml").write_text("speech_verbs: [quipped]\n", encoding="utf-8")
    (project / "claims" / "proposed.yaml").write_text("entities:\n  - id: jane-doe\n", encoding="utf-8")
    assert run("fix").exit_code == 0
    result = run("fix", "claims", "claims/cues.yaml", "claims/entities.yaml")
    assert result.exit_code == 0 and result.stderr == "Fixed 0 problems in 0 files.\n"
    assert (project / "claims" / "cues.yaml").read_text(encoding="utf-8") == "speech_verbs: [quipped]\n"


def test_no_claims_here_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("fix")
    assert result.exit_code == 2
    assert "no claims directory here" in result.output


def test_a_file_that_cannot_be_written_exits_2_and_stays(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full_disk(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("factcheck.load.write.os.replace", full_disk)  # the rename that ends an atomic write
    result = run("fix")
    assert result.exit_code == 2
    assert "error: cannot write claims/mini.yaml: No space left on device" in result.stderr
    assert "end: 140" in (project / "claims" / "mini.yaml").read_text(encoding="utf-8")
    assert sorted(p.name for p in (project / "claims").iterdir()) == ["entities.yaml", "mini.yaml"]


def test_the_diff_never_passes_a_terminal_control_character(project: Path) -> None:
    """YAML refuses escape sequences, but lets a bidirectional override through (it reorders what a reader sees)."""
    path = project / "claims" / "mini.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("# counted by hand", "# \u202ecounted by hand"),
                    encoding="utf-8")
    result = run("fix", "--diff")
    assert result.exit_code == 1
    assert "\u202e" not in result.stdout
    assert " start: 139   # " in result.stdout and "counted by hand" in result.stdout

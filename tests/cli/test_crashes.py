"""Hostile and careless command lines (issue 9, items 8 and 10): each ends in a clear, located error with
the right exit code, never a traceback or a hang."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from factcheck.cli import cli, main
from factcheck.cli.extract_commands import extract
from factcheck.cli.gate_commands import baseline, gate
from factcheck.cli.validate_commands import validate

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ROOT / "tests" / "data" / "extract" / "third-source.txt"
META = ["--published", "2019-08-23", "--publisher", "Test Wire", "--title", "A test"]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped claims and seeds plus one article, as the working directory."""
    shutil.copytree(ROOT / "claims", tmp_path / "claims")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copy(ARTICLE, tmp_path / "article.txt")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACTCHECK_ROOT", str(tmp_path))
    return tmp_path


def run(command: click.Command, *args: str):
    return CliRunner().invoke(command, list(args), catch_exceptions=False)


def factcheck(*args: str | bytes, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The real command, for what CliRunner cannot pass (bytes in argv) or catch (signals)."""
    return subprocess.run([sys.executable, "-m", "factcheck", *args], cwd=cwd, capture_output=True, text=True,
                          errors="replace", timeout=60, check=False)


# --- extract --id -------------------------------------------------------------------------------------

@pytest.mark.parametrize("source_id", ["Bad Id", "../../x", "a/b", "", "UPPER"])
def test_extract_refuses_an_id_that_is_not_kebab(project: Path, source_id: str) -> None:
    result = run(extract, "article.txt", "--id", source_id, *META)
    assert result.exit_code == 2
    assert "is not a source id" in result.output and "Traceback" not in result.output
    assert sorted(p.name for p in (project / "claims").iterdir()) == sorted(p.name for p in (ROOT / "claims").iterdir())
    assert not (project.parent / "x.yaml").exists()


# --- invalid UTF-8 in argv and file names -------------------------------------------------------------

def test_invalid_utf8_in_argv_is_a_usage_error(project: Path) -> None:
    done = factcheck(b"validate", b"claims/\xff.yaml", cwd=project)
    assert done.returncode == 2 and "does not exist" in done.stderr and "Traceback" not in done.stderr


def test_a_claims_file_whose_name_is_not_utf8_is_reported_not_a_crash(project: Path) -> None:
    (project / "claims" / os.fsdecode(b"\xfe.yaml")).write_text("x: 1\n")
    done = factcheck(b"validate", b"claims", cwd=project)
    assert done.returncode == 1, done.stderr
    assert "S001" in done.stderr and "Traceback" not in done.stderr


def test_extract_of_a_file_whose_name_is_not_utf8_is_a_usage_error(project: Path) -> None:
    shutil.copy(ARTICLE, project / os.fsdecode(b"\xfe.txt"))
    done = factcheck(b"extract", b"\xfe.txt", b"--id", b"wire", *META, cwd=project)
    assert done.returncode == 2, done.stderr
    assert "not valid UTF-8" in done.stderr and "Traceback" not in done.stderr


# --- unreadable source texts --------------------------------------------------------------------------

def test_a_source_text_that_is_a_directory_is_a_located_e005(project: Path) -> None:
    claims = project / "claims" / "bloomberg-2019-08-22.yaml"
    (project / "seeds" / "folder.txt").mkdir()
    claims.write_text(claims.read_text().replace("000_a030a752b5a4a38b.txt", "folder.txt"))
    result = run(validate, "claims")
    assert result.exit_code == 1
    assert "claims/bloomberg-2019-08-22.yaml:" in result.output and "E005 source.text: refused" in result.output


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="root reads any file: permissions cannot make a file unreadable (CI runs as root)")
def test_a_source_text_without_read_permission_is_located(project: Path) -> None:
    text = project / "seeds" / "000_a030a752b5a4a38b.txt"
    text.chmod(0)
    try:
        result = run(validate, "claims")
    finally:
        text.chmod(0o644)
    assert result.exit_code == 1 and "claims/bloomberg-2019-08-22.yaml:" in result.output


def test_extract_of_a_directory_is_a_usage_error(project: Path) -> None:
    (project / "folder.txt").mkdir()
    result = run(extract, "folder.txt", "--id", "wire", *META)
    assert result.exit_code == 2 and "is a directory" in result.output


# --- cues.yaml ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("cues", "line", "needle"), [
    ("quantities: []\n", 1, "S001 quantities: must be a mapping, not a list"),
    ("tense: 5\n", 1, "S001 tense: must be a mapping, not a single value"),
    ("speech_verb: [says]\n", 1, "S001 speech_verb: unknown key 'speech_verb' (did you mean 'speech_verbs'?)"),
    ("tense:\n  futur: [will]\n", 2, "S001 tense.futur: unknown key 'futur'"),
    ("noise: ['(a+)+$']\n", 1, "C001 noise[0]: refused: nested quantifiers"),
    ("datelines: ['(\\w+\\s?)*:']\n", 1, "C001 datelines[0]: refused: nested quantifiers"),
    ("caption_marks: ['(unclosed']\n", 1, "C001 caption_marks[0]: not a regular expression"),
    ("clause_marks:\n  - mark: '(?:x+y?)+z'\n", 2, "C001 clause_marks[0].mark: refused"),
    ("quantities:\n  score_splits: ['(\\d+-?)+(?P<a>{n})-(?P<b>{n})']\n", 2,
     "C001 quantities.score_splits[0]: refused: nested quantifiers"),
])
def test_a_bad_cue_file_is_a_located_error_exit_2(project: Path, cues: str, line: int, needle: str) -> None:
    (project / "claims" / "cues.yaml").write_text(cues)
    started = time.monotonic()
    result = run(extract, "article.txt", "--id", "wire", *META)
    assert time.monotonic() - started < 20
    assert result.exit_code == 2, result.output
    assert f"claims/cues.yaml:{line}:" in result.output and needle in result.output


def test_a_catastrophic_pattern_does_not_hang_extract(project: Path) -> None:
    (project / "claims" / "cues.yaml").write_text("noise: ['^(a+)+$']\n")
    (project / "article.txt").write_text("a" * 40 + "!\n" + ARTICLE.read_text())
    started = time.monotonic()
    result = run(extract, "article.txt", "--id", "wire", *META)
    assert result.exit_code == 2 and time.monotonic() - started < 20


def test_a_good_cue_file_still_extends_the_lexicon(project: Path) -> None:
    (project / "claims" / "cues.yaml").write_text(
        "speech_verbs: [quipped]\nnoise: ['^Advertisement$']\ntense:\n  future: [is poised to]\n"
        "quantities:\n  currencies:\n    quid: GBP\nscope:\n  narrower_than: [slimmer than]\n")
    result = run(extract, "article.txt", "--id", "wire", *META)
    assert result.exit_code == 0, result.output


# --- baseline -----------------------------------------------------------------------------------------

def test_baseline_add_with_a_date_that_does_not_exist(project: Path) -> None:
    result = run(baseline, "add", "x", "--reason", "r", "--expires", "2019-02-30")
    assert result.exit_code == 2
    assert "error: --expires 2019-02-30: the date does not exist" in result.output
    assert "Try " not in result.output


def test_baseline_add_with_a_malformed_date(project: Path) -> None:
    result = run(baseline, "add", "x", "--reason", "r", "--expires", "next week")
    assert result.exit_code == 2 and "write the last day as YYYY-MM-DD" in result.output


@pytest.mark.parametrize("command", [("baseline", "add", "x", "--reason", "r"), ("gate",)])
def test_a_baseline_path_that_is_a_directory(project: Path, command: tuple[str, ...]) -> None:
    (project / "folder").mkdir()
    result = run(cli, *command, "--baseline", "folder")
    assert result.exit_code == 2
    assert "error: --baseline folder: is a directory; the baseline is a YAML file" in result.output


# --- SIGINT -------------------------------------------------------------------------------------------

def test_an_interrupt_exits_130_not_1(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    @cli.command("interrupt-me")
    def interrupt_me() -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(sys, "argv", ["factcheck", "interrupt-me"])
    try:
        with pytest.raises(SystemExit) as exited:
            main()
    finally:
        cli.commands.pop("interrupt-me")
    assert exited.value.code == 130
    assert "interrupted" in capsys.readouterr().err


def test_sigint_to_a_running_command_exits_130(tmp_path: Path) -> None:
    script = (
        "import sys, time\n"
        "from factcheck.cli import cli, main\n"
        "@cli.command('wait')\n"
        "def wait():\n"
        "    print('ready', flush=True)\n"
        "    time.sleep(30)\n"
        "sys.argv = ['factcheck', 'wait']\n"
        "main()\n"
    )
    process = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None and process.stdout.readline().strip() == "ready"
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=20)
    finally:
        process.kill()
    assert process.returncode == 130
    assert "interrupted" in stderr and "Aborted!" not in stderr and "Traceback" not in stderr


def test_usage_errors_and_help_keep_their_exit_codes(tmp_path: Path) -> None:
    assert factcheck("--help", cwd=tmp_path).returncode == 0
    assert factcheck("--version", cwd=tmp_path).returncode == 0
    unknown = factcheck("validate", "--no-such-option", cwd=tmp_path)
    assert unknown.returncode == 2 and "No such option" in unknown.stderr


# --- git missing --------------------------------------------------------------------------------------

def test_git_missing_from_path_is_said_as_such(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = project / "no-git-here"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    result = run(gate, "--base", "HEAD")
    assert result.exit_code == 2
    assert "git not found" in result.output and "not inside a git repository" not in result.output

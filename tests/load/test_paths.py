"""The path policy against a hostile pull request: every path read from a file stays inside the
project root, is a regular file under the size limit, and a refusal says nothing about the file.

Each case builds its hostile fixture in a temporary git repository (the project root) and runs the
command a CI job would run, checking the exit code and the located message."""

from __future__ import annotations

import hashlib
import itertools
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.load.paths import PathRefused, _inside, project_root, read_regular_file, root_for

DATA = Path(__file__).resolve().parents[1] / "data" / "load"
REPO = Path(__file__).resolve().parents[2]
RULES = REPO / "rules"
SECRET = "GITHUB_TOKEN=ghp_guessme\n"
TIMEOUT = 60  # seconds; a FIFO read without the policy never returns


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository holding one valid source (claims/mini.yaml, seeds/source.txt) as the working
    directory, and a secret file just outside it."""
    (tmp_path / "secret.txt").write_text(SECRET)
    repo = tmp_path / "repo"
    (repo / "claims").mkdir(parents=True)
    (repo / "seeds").mkdir()
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    shutil.copy(DATA / "source.txt", repo / "seeds" / "source.txt")
    shutil.copy(DATA / "valid" / "entities.yaml", repo / "claims" / "entities.yaml")
    write_claims(repo, "../seeds/source.txt")
    monkeypatch.chdir(repo)
    monkeypatch.delenv("FACTCHECK_ROOT", raising=False)
    return repo


def write_claims(repo: Path, text: str, name: str = "mini.yaml", **replace: str) -> Path:
    content = (DATA / "valid" / "claims.yaml").read_text().replace("text: ../source.txt", f"text: {text!r}")
    for old, new in replace.items():
        content = content.replace(old, new)
    path = repo / "claims" / name
    path.write_text(content)
    return path


def validate(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["validate", *args])
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.output


def report(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["report", "--claims", "claims", "--rules", str(RULES), *args])
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.output


def run_in_subprocess(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The command in its own process, so that a hang fails the test instead of stalling the suite."""
    environment = {key: value for key, value in os.environ.items() if key != "FACTCHECK_ROOT"}
    return subprocess.run([sys.executable, "-m", "factcheck", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=TIMEOUT, env=environment)


def test_the_project_as_built_is_valid(project: Path) -> None:
    assert validate("claims") == (0, "1 sources, 3 claims, 5 entities: all valid.\n")
    assert project_root() == project.resolve()
    assert root_for(Path("claims")) == project.resolve()


@pytest.mark.parametrize(("text", "reason"), [
    ("/etc/passwd", "an absolute path; write it relative to the claims file"),
    ("/proc/self/environ", "an absolute path; write it relative to the claims file"),
    ("../../../etc/passwd", "outside the project root (after following symlinks)"),
    ("../" * 30 + "etc/passwd", "outside the project root (after following symlinks)"),
    ("../../secret.txt", "outside the project root (after following symlinks)"),
    ("../../no-such-file.txt", "outside the project root (after following symlinks)"),  # no existence oracle
])
def test_source_text_outside_the_root_is_refused(project: Path, text: str, reason: str) -> None:
    write_claims(project, text)
    code, output = validate("claims")
    assert code == 1
    assert f"claims/mini.yaml:8:9: E005 source.text: refused: {reason}" in output
    assert "E001" not in output and "E003" not in output and "root:" not in output


def test_an_absolute_path_inside_the_root_is_refused_too(project: Path) -> None:
    """Decided: `source.text` is relative to the claims file (docs/claims.md), so an absolute path is
    refused even when it points inside the project: it would break on any other checkout."""
    write_claims(project, str(project / "seeds" / "source.txt"))
    code, output = validate("claims")
    assert code == 1
    assert "claims/mini.yaml:8:9: E005 source.text: refused: an absolute path" in output


@pytest.mark.parametrize("target", ["/etc/shadow", "/etc/passwd", "/proc/self/environ", "/dev/zero", "/dev/urandom"])
def test_source_text_symlinked_out_of_the_root_is_refused(project: Path, target: str) -> None:
    (project / "seeds" / "link.txt").symlink_to(target)
    write_claims(project, "../seeds/link.txt")
    code, output = validate("claims")
    assert code == 1
    assert "claims/mini.yaml:8:9: E005 source.text: refused: outside the project root (after following symlinks)" in output
    code, output = report()
    assert code == 1
    assert "E005 source.text: refused: outside the project root" in output


@pytest.mark.parametrize(("target", "reason"), [
    ("/proc/self/environ", "a special file system (/proc, /sys, /dev)"),
    ("/dev/zero", "a special file system (/proc, /sys, /dev)"),
    ("/dev/urandom", "a special file system (/proc, /sys, /dev)"),
    ("/sys/kernel", "a special file system (/proc, /sys, /dev)"),
])
def test_special_files_are_refused_even_when_the_root_holds_them(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 target: str, reason: str) -> None:
    """With FACTCHECK_ROOT=/ everything is inside the root; /proc, /sys and /dev still are not read
    (/proc/self/environ is a 'regular file' of size 0 that holds the process's secrets)."""
    monkeypatch.setenv("FACTCHECK_ROOT", "/")
    (project / "seeds" / "link.txt").symlink_to(target)
    write_claims(project, "../seeds/link.txt")
    code, output = validate("claims")
    assert code == 1
    assert f"claims/mini.yaml:8:9: E005 source.text: refused: {reason}" in output


def test_a_fifo_source_text_is_refused_without_hanging(project: Path) -> None:
    os.mkfifo(project / "seeds" / "pipe.txt")
    write_claims(project, "../seeds/pipe.txt")
    result = run_in_subprocess("validate", "claims", cwd=project)
    assert result.returncode == 1, result.stderr
    assert "claims/mini.yaml:8:9: E005 source.text: refused: a FIFO (named pipe), not a regular file" in result.stderr


def test_a_directory_source_text_is_refused(project: Path) -> None:
    (project / "seeds" / "folder.txt").mkdir()
    write_claims(project, "../seeds/folder.txt")
    code, output = validate("claims")
    assert code == 1
    assert "claims/mini.yaml:8:9: E005 source.text: refused: a directory, not a file" in output


def test_a_source_text_over_the_limit_is_refused(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_MAX_TEXT_BYTES", "100")
    code, output = validate("claims")
    assert code == 1
    assert "claims/mini.yaml:8:9: E005 source.text: refused: larger than the limit of 100 bytes" in output


def test_a_missing_source_text_inside_the_root_is_still_e002(project: Path) -> None:
    write_claims(project, "../seeds/not-yet.txt")
    code, output = validate("claims")
    assert code == 1
    assert "E002 source.text: source text '../seeds/not-yet.txt' not found" in output


def test_a_symlinked_source_text_inside_the_root_is_read(project: Path) -> None:
    (project / "seeds" / "link.txt").symlink_to("source.txt")
    write_claims(project, "../seeds/link.txt")
    assert validate("claims")[0] == 0


# Claims files that are themselves symlinks (git stores them as such).

def test_a_claims_file_symlinked_inside_the_root_is_read(project: Path) -> None:
    (project / "elsewhere").mkdir()
    shutil.move(project / "claims" / "mini.yaml", project / "elsewhere" / "mini.yaml")
    (project / "claims" / "mini.yaml").symlink_to("../elsewhere/mini.yaml")
    assert validate("claims")[0] == 0


@pytest.mark.parametrize("target", ["../../secret.txt", "/etc/passwd", "/dev/zero", "/dev/urandom"])
def test_a_claims_file_symlinked_out_of_the_root_is_refused(project: Path, target: str) -> None:
    (project / "claims" / "stolen.yaml").symlink_to(target)
    code, output = validate("claims")
    assert code == 1
    assert "claims/stolen.yaml: E005 refused: outside the project root (after following symlinks)" in output
    assert "ghp_" not in output and "root:" not in output


def test_a_claims_directory_symlinked_out_of_the_root_is_not_listed(project: Path) -> None:
    """Listing it would print the names of another directory's files."""
    outside = project.parent / "outside"
    (outside / "claims").mkdir(parents=True)
    (outside / "claims" / "private-name.yaml").write_text("source: {}\n")
    (project / "evil").symlink_to(outside / "claims")
    code, output = validate("evil")
    assert code == 1
    assert "evil: E005 refused: outside the project root" in output
    assert "private-name" not in output


def test_a_fifo_claims_file_and_entity_file_are_refused_without_hanging(project: Path) -> None:
    os.mkfifo(project / "claims" / "pipe.yaml")
    (project / "claims" / "entities.yaml").unlink()
    os.mkfifo(project / "claims" / "entities.yaml")
    result = run_in_subprocess("validate", "claims", cwd=project)
    assert result.returncode == 1, result.stderr
    assert "claims/pipe.yaml: E005 refused: a FIFO (named pipe), not a regular file" in result.stderr
    assert "claims/entities.yaml: E005 refused: a FIFO (named pipe), not a regular file" in result.stderr


@pytest.mark.parametrize("name", ["entities.yaml", "vocabulary.yaml"])
def test_entity_and_vocabulary_files_symlinked_out_are_refused(project: Path, name: str) -> None:
    target = project / "claims" / name
    target.unlink(missing_ok=True)
    target.symlink_to("/dev/zero")
    code, output = validate("claims")
    assert code == 1
    assert f"claims/{name}: E005 refused: outside the project root" in output


def test_a_claims_file_over_the_yaml_limit_is_y002(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_MAX_YAML_BYTES", "200")
    code, output = validate("claims/mini.yaml")
    assert code == 1
    assert "claims/mini.yaml: Y002 file is over the limit of 200 bytes" in output


# No oracle: nothing about a refused file leaks, whatever is guessed.

def guess(project: Path, evidence: str, sha256: str) -> str:
    """Validate the claims with the third claim's evidence (30-138, 108 characters) replaced."""
    evidence = evidence.ljust(108, "x")
    write_claims(project, "../seeds/link.txt", **{
        "text: South Korea said on Thursday it would end the General Security of Military Information Agreement "
        "with Japan.": f"text: {evidence!r}",
        "76e08aa615af14d38c0e6581df49efb0cc2837a7651b5b30a6c61d7c211c7be8": sha256,
    })
    code, output = validate("claims")
    assert code == 1
    return output


def test_guessed_evidence_from_a_refused_file_gets_no_hint_and_no_hash(project: Path) -> None:
    (project / "seeds" / "link.txt").symlink_to(project.parent / "secret.txt")
    right = guess(project, SECRET[:8], "f" * 64)
    wrong = guess(project, "zzzzzzzz", hashlib.sha256(SECRET.encode()).hexdigest())
    secret_hash = hashlib.sha256(SECRET.encode()).hexdigest()
    for output in (right, wrong):
        assert "found at" not in output and "not found in the source" not in output
        assert "E001" not in output and "E003" not in output and "sha256 is" not in output
        assert secret_hash not in output and "ghp_" not in output
        assert "E005 source.text: refused: outside the project root" in output
    assert right == wrong  # a right guess and a wrong one cannot be told apart


def test_evidence_hints_and_hashes_stay_for_texts_inside_the_root(project: Path) -> None:
    """The helpful messages are kept where they tell nothing new: a file of the project, read by policy."""
    (project / "seeds" / "link.txt").symlink_to("source.txt")
    text = (DATA / "source.txt").read_text()
    output = guess(project, text[31:139], "f" * 64)  # one character off
    assert "E001 claims[2].evidence: evidence text is not at 30..138 in ../seeds/link.txt; found at 31..139 (line 3)" in output
    assert "E003 source.sha256: the source text has changed: its sha256 is 76e08aa6" in output


# The reader itself.

def test_read_regular_file_caps_what_it_reads(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 101)
    with pytest.raises(PathRefused) as refused:
        read_regular_file(path, max_bytes=100)
    assert refused.value.too_large and refused.value.message == "refused: larger than the limit of 100 bytes"
    assert read_regular_file(path, max_bytes=101) == b"x" * 101


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_read_regular_file_refuses_devices(device: str) -> None:
    with pytest.raises(PathRefused, match="a device"):
        read_regular_file(Path(device), max_bytes=100)


def test_root_is_the_working_directory_outside_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FACTCHECK_ROOT", raising=False)
    monkeypatch.chdir(tmp_path)
    if any(os.path.lexists(folder / ".git") for folder in tmp_path.resolve().parents):
        pytest.skip("the temporary directory is inside a git repository")
    assert project_root() == tmp_path.resolve()


def test_a_named_path_outside_the_project_root_brings_its_own(project: Path) -> None:
    """`factcheck validate /elsewhere/claims`: the user's command line is trusted; its root is the git
    top-level above it (here the factcheck checkout), so the source texts beside it are read."""
    assert root_for(DATA / "valid") == REPO
    assert validate(str(DATA / "valid"))[0] == 0


# extract's input (owned by extraction; only its reading is checked here).

def test_extract_refuses_a_fifo_input_with_exit_2(project: Path) -> None:
    os.mkfifo(project / "pipe.txt")
    result = run_in_subprocess("extract", "pipe.txt", "--id", "piped", "--published", "2019-08-22",
                               "--publisher", "P", "--title", "T", cwd=project)
    assert result.returncode == 2, result.stderr
    assert "pipe.txt: refused: a FIFO (named pipe), not a regular file" in result.stderr


def test_extract_refuses_a_device_input_with_exit_2(project: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", "/dev/zero", "--id", "zero", "--published", "2019-08-22",
                                      "--publisher", "P", "--title", "T"])
    assert result.exit_code == 2, result.output
    assert "/dev/zero: refused: a device, not a regular file" in result.output


def test_inside_says_what_the_parents_of_a_path_say() -> None:
    """`_inside` compares text (cheap) where it compared `Path.parents` (slow), for the absolute, normal
    paths the policy makes: the same answer for every pair of paths of up to three parts (names that
    are prefixes of each other among them), the filesystem root included."""
    names = ["a", "ab", "a.b", "..a", "b-", "x y"]
    parts = [list(chosen) for size in range(4) for chosen in itertools.product(names, repeat=size)]
    paths = [Path("/", *each) for each in parts]
    for root in paths:
        for path in paths:
            assert _inside(path, root) == (path == root or root in path.parents), (path, root)

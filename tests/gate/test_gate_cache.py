"""The gate reads unchanged claims files from the project's cache, and `--no-cache` reads them all."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.load.cache import CACHE_FILE, CACHE_FOLDER
from tests.gate.repo import write_wire


def test_the_gate_caches_validated_claims_and_judges_the_same(repo: Path, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))  # the cache's key, outside the project
    write_wire(repo)
    cache = repo / CACHE_FOLDER / CACHE_FILE
    uncached = CliRunner().invoke(cli, ["gate", "--no-cache"])
    assert uncached.exit_code == 1, uncached.output
    assert not cache.exists()
    cold = CliRunner().invoke(cli, ["gate"])
    assert cache.exists()
    warm = CliRunner().invoke(cli, ["gate"])
    assert uncached.output == cold.output == warm.output
    assert "FC101 conflict" in warm.output


def test_the_cache_never_hides_the_baseline_from_git(repo: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # the cache once put a `.gitignore` of `*` in .factcheck/, where the baseline lives: it was never committed
    import subprocess

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    write_wire(repo, speaker=None)
    gate = CliRunner().invoke(cli, ["gate"])
    finding_id = next(line.rsplit("[", 1)[1].rstrip("]") for line in gate.output.splitlines() if "FC101 conflict" in line
                      and line.endswith("]"))
    assert CliRunner().invoke(cli, ["baseline", "add", finding_id, "--reason", "known"]).exit_code == 0
    ignored = subprocess.run(["git", "check-ignore", "-q", ".factcheck/baseline.yaml"], cwd=repo)
    assert ignored.returncode == 1  # not ignored: the baseline is committed with the change
    assert (repo / CACHE_FOLDER / CACHE_FILE).exists()
    assert subprocess.run(["git", "check-ignore", "-q", f"{CACHE_FOLDER}/{CACHE_FILE}"], cwd=repo).returncode == 0


def test_a_warm_gate_writes_nothing_to_the_cache(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Once a change's files are indexed and their git blobs signed, gating it again only reads the cache:
    no transaction, so nothing flushed to disk (the changed file's two blob rows were written again each
    run, 15-25 ms at a million claims)."""
    from tests.gate.repo import commit_all, git

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    write_wire(repo)
    git(repo, "checkout", "-q", "-b", "pr")
    commit_all(repo, "a conflicting source")
    cache = repo / CACHE_FOLDER / CACHE_FILE
    runs = [CliRunner().invoke(cli, ["gate", "--base", "main"]) for _ in range(2)]  # indexed, then summarised
    state = (cache.read_bytes(), cache.stat().st_mtime_ns)
    again = CliRunner().invoke(cli, ["gate", "--base", "main"])
    assert again.exit_code == 1 and "FC101 conflict" in again.output
    assert again.output == runs[0].output == runs[1].output
    assert (cache.read_bytes(), cache.stat().st_mtime_ns) == state

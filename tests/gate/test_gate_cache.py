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

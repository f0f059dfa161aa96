"""A fresh copy of the seeded claims repository for each test (built once, copied with its .git)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.gate.repo import make_repo


@pytest.fixture(scope="session")
def seeded_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_repo(tmp_path_factory.mktemp("seeded") / "repo")


@pytest.fixture
def repo(seeded_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A claims repository on branch `main`, as the working directory."""
    copy = tmp_path / "repo"
    shutil.copytree(seeded_repo, copy)
    monkeypatch.chdir(copy)
    return copy


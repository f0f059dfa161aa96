"""The cache's folder and files are the project's own: a pull request that commits `.factcheck`,
`.factcheck/cache`, the cache's `.gitignore` or the database itself as a link never makes factcheck
write through it (the link's target stays as it was); the load still works, without the cache."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from factcheck.load.cache import CACHE_FILE, CACHE_FOLDER

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_cache import project, read_files, view  # noqa: E402,F401  (project: a fixture)


def plant(link: Path, target: Path) -> None:
    link.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(target, link)


def test_a_dangling_gitignore_link_is_not_written_through(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                          tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    plant(project.parent / CACHE_FOLDER / ".gitignore", victim)
    first, read = read_files(project, monkeypatch)
    assert not victim.exists() and len(read) == 5
    second, read = read_files(project, monkeypatch)
    assert read == [] and view(second) == view(first)  # the cache itself is still the project's own


@pytest.mark.parametrize("linked", [".factcheck", CACHE_FOLDER, f"{CACHE_FOLDER}/{CACHE_FILE}"])
def test_a_linked_folder_or_database_is_not_used(project: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                 linked: str) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    target = elsewhere / "planted" if linked.endswith(CACHE_FILE) else elsewhere
    plant(project.parent / linked, target)
    before = sorted(p.name for p in elsewhere.rglob("*"))
    for _ in range(2):
        corpus, read = read_files(project, monkeypatch)
        assert len(read) == 5  # read in full each time: no cache was used
    assert sorted(p.name for p in elsewhere.rglob("*")) == before and len(corpus.documents) == 5

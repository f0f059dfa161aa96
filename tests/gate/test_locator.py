"""`Locator`: `located` and `display_path` for many files of few folders, each folder resolved once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from factcheck.gate.changes import Locator, located
from factcheck.load.problems import display_path


def test_locator_agrees_with_located_and_display_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "real" / "claims").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    os.symlink(tmp_path / "real" / "claims", tmp_path / "linked")  # a symlinked folder: resolved
    files = [tmp_path / "real" / "claims" / "a.yaml", tmp_path / "linked" / "b.yaml", tmp_path / "elsewhere" / "c.yaml"]
    for path in files:
        path.write_text("x: 1\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "real")
    place = Locator()
    given = [Path("claims/a.yaml"), Path("../linked/b.yaml"), *files]
    for path in given:
        assert place(path) == located(path)
        assert place.shown(path) == display_path(path)
    assert place.shown(Path("../linked/b.yaml")) == "claims/b.yaml"
    assert place.shown(files[2]) == str(files[2])  # outside the working directory: as given
    assert len(place.folders) == 5  # one resolve per folder as written, whatever the number of files

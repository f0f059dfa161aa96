"""What a kept report depends on beyond its files: an installed distribution added, upgraded or removed
is another key (the distributions are keyed by their metadata files' hashes, not parsed)."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

from factcheck.load import report_request


def install(site: Path, name: str, version: str) -> Path:
    """A distribution as an installer leaves it: NAME-VERSION.dist-info with its METADATA."""
    info = site / f"{name}-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n\nA plugin.\n",
                                   encoding="utf-8")
    return info


def test_a_distribution_added_upgraded_or_removed_changes_the_key(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    before = report_request.installed_versions()
    assert len(set(before)) >= 10  # this environment's: pydantic, click, orjson, ... (one found twice counts twice)
    site = tmp_path / "site"
    monkeypatch.setattr(sys, "path", [str(site), *sys.path])
    info = install(site, "factcheck-some-plugin", "1.0")
    added = report_request.installed_versions()
    assert len(added) == len(before) + 1 and (Counter(added) - Counter(before)).total() == 1
    (info / "METADATA").write_text((info / "METADATA").read_text(encoding="utf-8").replace("1.0", "2.0"),
                                   encoding="utf-8")
    upgraded = report_request.installed_versions()
    assert len(upgraded) == len(added) and (Counter(upgraded) - Counter(before)).total() == 1
    assert set(upgraded) - set(before) != set(added) - set(before)
    (info / "METADATA").unlink()
    (info / "PKG-INFO").write_text("Metadata-Version: 2.1\nName: factcheck-some-plugin\nVersion: 2.0\n",
                                   encoding="utf-8")
    assert report_request.installed_versions() not in (before, added, upgraded)
    (info / "PKG-INFO").unlink()
    info.rmdir()
    assert report_request.installed_versions() == before

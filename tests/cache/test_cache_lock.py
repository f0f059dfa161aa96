"""A cache another run holds is waited for, then read if it can be, or skipped for this run: never
deleted. Only a damaged file or one that is not a database is built again (`is_damage`)."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from factcheck.load import cache as cache_module
from factcheck.load.cache import is_damage
from factcheck.load.corpus import load_corpus

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_cache import cache_file, project, read_files, view  # noqa: E402,F401  (project: a fixture)


@contextmanager
def held(path: Path, how: str) -> Iterator[sqlite3.Connection]:
    """Another run's lock on the cache: `IMMEDIATE` (it is writing: others may still read) or
    `EXCLUSIVE` (it is committing: nobody else may read)."""
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute(f"BEGIN {how}")
        yield other
        other.execute("ROLLBACK")
    finally:
        other.close()


def rows(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT count(*) FROM files").fetchone()[0]


@pytest.fixture(autouse=True)
def short_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache_module, "LOCK_WAIT", 0.05)


def test_a_cache_locked_by_another_run_is_skipped_and_kept(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, _ = read_files(project, monkeypatch)
    path = cache_file(project)
    inode = path.stat().st_ino
    with held(path, "EXCLUSIVE"):
        corpus, read = read_files(project, monkeypatch)
        assert len(read) == 5 and view(corpus) == view(first)  # read from the files: the same corpus
    assert path.stat().st_ino == inode and rows(path) == 5  # the same file: not deleted, not rebuilt
    _, read = read_files(project, monkeypatch)
    assert read == []  # the rows of the first run serve the next one


def test_a_cache_another_run_is_writing_is_still_read(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, _ = read_files(project, monkeypatch)
    with held(cache_file(project), "IMMEDIATE"):
        corpus, read = read_files(project, monkeypatch)
    assert read == [] and view(corpus) == view(first)


def test_what_cannot_be_written_under_a_lock_is_left_for_a_later_run(project: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    load_corpus([project], cache=True)
    path = cache_file(project)
    with sqlite3.connect(path) as connection:
        connection.execute("DELETE FROM files")
    with held(path, "IMMEDIATE"):  # the tables can be read, not written
        _, read = read_files(project, monkeypatch)
        assert len(read) == 5
    assert path.exists() and rows(path) == 0  # skipped, not deleted
    _, read = read_files(project, monkeypatch)
    assert len(read) == 5  # written now
    _, read = read_files(project, monkeypatch)
    assert read == []


def test_an_old_format_under_a_lock_is_not_dropped_until_the_lock_is_gone(project: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    read_files(project, monkeypatch)
    path = cache_file(project)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE meta SET value = '0' WHERE name = 'format'")
    with held(path, "EXCLUSIVE"):
        _, read = read_files(project, monkeypatch)
        assert len(read) == 5
    assert rows(path) == 5  # another run's cache of another format: left to that run while it holds it
    _, read = read_files(project, monkeypatch)  # then it is ours to rebuild
    assert len(read) == 5
    _, read = read_files(project, monkeypatch)
    assert read == []


def sqlite_error(path: Path, statement: str) -> sqlite3.Error:
    try:
        with sqlite3.connect(path, timeout=0) as connection:
            connection.execute(statement).fetchall()
    except sqlite3.Error as error:
        return error
    raise AssertionError(f"{statement} did not fail on {path}")


def test_which_errors_are_damage(tmp_path: Path) -> None:
    not_a_database = tmp_path / "not.sqlite"
    not_a_database.write_bytes(b"not a database at all" * 100)
    assert is_damage(sqlite_error(not_a_database, "SELECT * FROM sqlite_master"))
    locked = tmp_path / "locked.sqlite"
    sqlite3.connect(locked).execute("CREATE TABLE t (x)").connection.close()
    with held(locked, "EXCLUSIVE"):
        assert not is_damage(sqlite_error(locked, "SELECT * FROM t"))
    assert not is_damage(sqlite_error(tmp_path / "no-folder" / "x.sqlite", "SELECT 1"))  # cannot open

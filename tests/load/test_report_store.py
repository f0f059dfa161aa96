"""The report store's kept copy and the report written to `-o` are two files, not two names of one
(factcheck/load/report_store.py; docs/performance.md, part Y): a user or an editor writing the output
in place leaves the kept report as it was, and a kept report written in place is never served."""

from __future__ import annotations

import os
from pathlib import Path

from tests.cli.test_report_reuse import _store, report, runs, seeds  # noqa: F401 (fixtures)


def _edit_in_place(path: Path) -> None:
    """Other bytes of the same size written into the same inode, its times put back; the change time
    (which no user can set) is waited for until it moves, so the edit never falls in the tick the
    store signed and the test does not depend on the file system's timestamp granularity."""
    before = path.stat()
    raw = path.read_bytes()
    edited = raw.replace(b'"agree"', b'"AGREE"')
    assert edited != raw and len(edited) == len(raw)
    with path.open("r+b") as stream:  # in place: no new file, no rename
        stream.write(edited)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    while path.stat().st_ctime_ns == before.st_ctime_ns:
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_ino == before.st_ino and path.stat().st_size == before.st_size


def test_the_output_and_the_kept_copy_are_two_files(seeds: Path) -> None:
    report()
    kept = next(_store().glob("*.out"))
    output = Path("out").stat()
    assert kept.read_bytes() == Path("out").read_bytes()
    assert (kept.stat().st_ino, kept.stat().st_dev) != (output.st_ino, output.st_dev)
    assert kept.stat().st_nlink == 1 and output.st_nlink == 1


def test_an_output_edited_in_place_leaves_the_kept_report_whole(seeds: Path, runs: list[int]) -> None:
    first = report()
    _edit_in_place(Path("out"))
    assert Path("out").read_bytes() != first[1]
    assert report() == first and runs == [1]  # the kept report served, not the edited bytes


def test_a_kept_report_edited_in_place_is_not_served(seeds: Path, runs: list[int]) -> None:
    first = report()
    _edit_in_place(next(_store().glob("*.out")))
    assert report() == first and runs == [1, 1]  # compared again: the same report
    assert report() == first and runs == [1, 1]  # and kept again

"""A file's state (factcheck/load/file_state.py): a stat signature vouches for a file only when it can;
anything else is hashed; only regular files have a state."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from factcheck.load.file_state import recheck, take_state

LONG_AGO = 1_600_000_000_000_000_000  # ns


def test_a_file_changed_just_before_the_run_has_no_signature(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("source: {}\n", encoding="utf-8")
    now = path.stat().st_ctime_ns
    racy = take_state(str(path), since_ns=now)
    assert racy is not None and racy.signature is None  # git's racy file: hashed at the next check
    assert racy.sha256 == hashlib.sha256(b"source: {}\n").hexdigest()
    settled = take_state(str(path), since_ns=now + 10 * 10**9)  # checked ten seconds after it last changed
    assert settled is not None and settled.signature is not None


def test_a_signature_vouches_and_any_rewrite_is_seen(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"Seoul ends the pact.")
    later = path.stat().st_ctime_ns + 10 * 10**9
    state = take_state(str(path), since_ns=later)
    assert state is not None and recheck(state, later) is state  # the signature alone: not read
    kept = path.stat()
    path.write_bytes(b"Seoul kept the pact.")  # same size, and the old times put back
    os.utime(path, ns=(kept.st_atime_ns, kept.st_mtime_ns))
    assert path.stat().st_size == kept.st_size and path.stat().st_mtime_ns == kept.st_mtime_ns
    assert recheck(state, later) is None  # the ctime moved: hashed, and found changed
    path.write_bytes(b"Seoul ends the pact.")
    renewed = recheck(state, later)  # the same bytes again: unchanged, known by its hash
    assert renewed is not None and renewed.sha256 == state.sha256 and renewed.signature != state.signature
    assert recheck(renewed, later) is renewed  # and its new signature vouches from now on


def test_only_regular_files_have_a_state(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_bytes(b"text")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)
    assert take_state(str(link), LONG_AGO) is None
    assert take_state(str(fifo), LONG_AGO) is None  # and it returns: a FIFO is never opened to wait
    assert take_state(str(tmp_path), LONG_AGO) is None
    assert take_state(str(tmp_path / "missing"), LONG_AGO) is None
    state = take_state(str(target), LONG_AGO)
    assert state is not None
    target.unlink()
    target.symlink_to(tmp_path / "elsewhere")  # replaced by a link: changed, whatever it points to
    assert recheck(state, LONG_AGO) is None

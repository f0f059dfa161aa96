"""Whether a file is what it was, cheaply: a stat signature first, its sha256 when that differs.

Like git's index. A file's state is its sha256 and, when it can be trusted, its stat signature (size,
mtime, ctime, inode, device): a file whose signature is unchanged is taken as unchanged without being
read; any other is read and hashed. Replacing a file (a checkout, an editor's rename, a restored
cache) gives it a new inode or ctime, and ctime cannot be set back by a user, so a signature says
nothing changed only when nothing did.

The exception is git's "racy" file: one changed within the clock's granularity of the moment its
signature was taken could change again with the same signature. So a file changed in the last
`RACY_NS` before a run began is kept without a signature (`racy_since`): the next check hashes it.
Only regular files have a state: a symlink, a FIFO or a folder is "changed" (the caller reads the
project in full, where the path policy says what is wrong with it).
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass

RACY_NS = 2_000_000_000  # far wider than any file system's timestamp granularity
_CHUNK = 1 << 20

Signature = tuple[int, int, int, int, int]


@dataclass(frozen=True)
class FileState:
    """A file's content hash, and its stat signature when that can vouch for it (None: hash it)."""

    path: str
    sha256: str
    signature: Signature | None


def signature_of(result: os.stat_result) -> Signature:
    return (result.st_size, result.st_mtime_ns, result.st_ctime_ns, result.st_ino, result.st_dev)


def racy_since(result: os.stat_result, since_ns: int) -> bool:
    """Changed so close to `since_ns` (or after it) that its signature cannot vouch for what was read."""
    return max(result.st_mtime_ns, result.st_ctime_ns) >= since_ns - RACY_NS


def regular_stat(path: str) -> os.stat_result | None:
    """The file's own stat (a symlink is not followed), or None when it is not a regular file."""
    try:
        found = os.lstat(path)
    except OSError:
        return None
    return found if stat.S_ISREG(found.st_mode) else None


def take_state(path: str, since_ns: int) -> FileState | None:
    """The file's state now (read and hashed), without a signature when it is racy; None when it is
    not a regular file or cannot be read."""
    found = regular_stat(path)
    digest = hash_file(path, found)
    if found is None or digest is None:
        return None
    return _state(path, digest, found, since_ns)


def state_with(path: str, sha256: str, since_ns: int) -> FileState | None:
    """The state of a file whose content hash is known already (a source text the loader checked
    against the sha256 its claims file names): its signature now, unless it is racy."""
    found = regular_stat(path)
    if found is None:
        return None
    return _state(path, sha256, found, since_ns)


def recheck(state: FileState, since_ns: int) -> FileState | None:
    """`state` when its signature still vouches for the file; when it cannot, the file is hashed: the
    state renewed (a signature of now, unless racy) if its content is the same, else None (changed)."""
    found = regular_stat(state.path)
    if found is None:
        return None
    if state.signature is not None and signature_of(found) == tuple(state.signature):
        return state
    if hash_file(state.path, found) != state.sha256:
        return None
    return _state(state.path, state.sha256, found, since_ns)


def _state(path: str, sha256: str, found: os.stat_result, since_ns: int) -> FileState:
    """The state of a file as `found` by a stat now: without a signature when it is racy."""
    return FileState(path, sha256, None if racy_since(found, since_ns) else signature_of(found))


def hash_file(path: str, expected: os.stat_result | None) -> str | None:
    """The sha256 of a regular file's bytes (None when it is not the file `expected` stat'ed, or unreadable)."""
    if expected is None:
        return None
    digest = hashlib.sha256()
    try:
        for chunk in read_chunks(path, expected):
            digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def read_chunks(path: str, expected: os.stat_result) -> Iterator[bytes]:
    """The bytes of the regular file at `path`, opened without following a symlink or waiting on a
    FIFO, and only if it is still the file `expected` (OSError otherwise)."""
    handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    with os.fdopen(handle, "rb") as stream:
        opened = os.fstat(stream.fileno())
        if not stat.S_ISREG(opened.st_mode) or (opened.st_ino, opened.st_dev) != (expected.st_ino, expected.st_dev):
            raise OSError(f"{path} changed while it was read")
        while chunk := stream.read(_CHUNK):
            yield chunk

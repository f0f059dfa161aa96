"""Vouching for the unchanged claims files of a large corpus from one signed summary, not file by file.

`focused.py` knows a claims file is unchanged when git has its bytes and its source text's at HEAD
with object ids whose sha256 the cache signed. File by file, at a million claims that is 10,000 signed
`files` rows, 20,000 entries of `git ls-tree -r HEAD` and 20,000 signed `blobs` rows each run (1.7 s of
a warm gate). So each run also keeps a **summary**: the files it vouched for at HEAD's tree id (their
repository names, sizes, file numbers in the index and signed rows), one row signed with the cache's
key. The next run asks git what differs between that tree and HEAD's (`git diff --name-only` between two
trees, which compares object ids, not bytes), and vouches for every other file of the summary that git
also has unchanged in the work tree and whose size on disk is still the one vouched for (a checkout that
converts line endings changes it). Only files the summary does not cover are vouched one by one, with
`git ls-tree` asked about those names alone. A summary that does not verify, whose tree git no longer
has, or that names a file the index lost, costs that speed only: the files are vouched one by one, or
read (`focused.py`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import orjson

from factcheck.gate.changes import GateError, Locator, _names, git, uncommitted
from factcheck.load.cache import ClaimsCache, SignedFile

FEW_NAMES = 256  # up to this many names, `git ls-tree` is asked about them alone; above, about the whole tree


@dataclass(frozen=True)
class Vouched:
    """A claims file known from the cache without reading it: its signed row, its number in the index, and
    what the next run's summary needs (repository names, sizes vouched for)."""

    listed: Path  # as claims_files_in lists it
    row: SignedFile
    number: int
    name: str  # the claims file's repository name
    text_name: str  # its source text's
    sizes: tuple[int, int]  # bytes of the claims file and of its source text, as git has them


class GitView:
    """What git says of HEAD and the work tree, asked only as far as a run needs it."""

    def __init__(self, root: Path, dirty: frozenset[str] | None = None) -> None:
        self.root = root
        self.tree = git(["rev-parse", "HEAD^{tree}"], root).decode("ascii").strip()
        self.algorithm = "sha256" if len(self.tree) == 64 else "sha1"  # the hash of the repository's ids
        self.dirty = uncommitted(root) if dirty is None else dirty  # the names git has changed since HEAD
        self._entries: dict[str, tuple[str, str]] | None = None

    def entries(self, names: Iterable[str]) -> dict[str, tuple[str, str]]:
        """HEAD's (mode, object id) of these repository names, where it has them."""
        wanted = sorted({name for name in names if name})
        if not wanted:
            return {}
        if self._entries is None and len(wanted) > FEW_NAMES:
            self._entries = _tree_entries(git(["ls-tree", "-r", "-z", "--full-tree", "HEAD"], self.root))
        if self._entries is not None:
            return {name: self._entries[name] for name in wanted if name in self._entries}
        listed = git(["--literal-pathspecs", "ls-tree", "-z", "--full-tree", "HEAD", "--", *wanted], self.root)
        return {name: entry for name, entry in _tree_entries(listed).items() if name in wanted}

    def changed_since(self, tree: str) -> set[str] | None:
        """The names that differ between `tree` and HEAD's tree; None when git cannot say (a tree it no
        longer has)."""
        if tree == self.tree:
            return set()
        try:
            listed = git(["diff", "--name-only", "-z", "--no-renames", tree, self.tree, "--"], self.root)
        except GateError:
            return None
        return set(_names(listed))


def _tree_entries(listed: bytes) -> dict[str, tuple[str, str]]:
    entries = {}
    for entry in listed.split(b"\0"):
        if entry:
            meta, _, name = entry.partition(b"\t")
            mode, _, oid = meta.decode("ascii").split(" ")
            entries[name.decode("utf-8", errors="surrogateescape")] = (mode, oid)
    return entries


def vouched_by_summary(cache: ClaimsCache, absolute: dict[Path, str], wanted: set[Path], view: GitView,
                       place: Locator) -> tuple[dict[str, Vouched], str | None]:
    """The files listed (as `absolute` has them: listed -> absolute) that the summary vouches for (see the
    module docstring), by absolute path, and the summary's tree (None when there is no usable summary)."""
    stored = cache.summary()
    if stored is None:
        return {}, None
    tree, body = stored
    changed = view.changed_since(tree)
    if changed is None:
        return {}, None
    listed = {where: path for path, where in absolute.items()}
    wanted_names = {path.name for path in wanted}  # `place` (a resolve) only for a file of a changed one's name
    left_out = changed | view.dirty
    vouched: dict[str, Vouched] = {}
    try:
        for absolute, name, text_name, claims_size, text_size, number, row in orjson.loads(body):
            path = listed.get(absolute)
            if path is None or name in left_out or text_name in left_out:
                continue
            folder, _, base = absolute.rpartition("/")
            if base in wanted_names and place(path) in wanted:
                continue
            signed = SignedFile(*row)
            if _size(absolute) != claims_size or _size(os.path.join(folder, signed.text_path)) != text_size:
                continue
            vouched[absolute] = Vouched(path, signed, number, name, text_name, (claims_size, text_size))
    except (ValueError, TypeError):  # signed, so ours, but of another layout: not used
        return {}, None
    return vouched, tree


def store_summary(cache: ClaimsCache, view: GitView, vouched: dict[str, Vouched]) -> None:
    """The files vouched for in this run, as the next run's summary (at HEAD's tree)."""
    entries = [[absolute, v.name, v.text_name, v.sizes[0], v.sizes[1], v.number,
                [v.row.path, v.row.claims_sha, v.row.text_path, v.row.text_sha, v.row.source_id, v.row.claims]]
               for absolute, v in sorted(vouched.items())]
    cache.store_summary(view.tree, json.dumps(entries, separators=(",", ":")))


def _size(path: str) -> int | None:
    try:
        return os.stat(path).st_size
    except OSError:
        return None

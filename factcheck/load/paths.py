"""The path policy: which files factcheck reads, and how, when a path comes from a file.

factcheck runs in CI on pull requests written by strangers, as whatever user CI runs as (often root).
A claims file names its source text (`source.text`); a rules directory holds rule files, rule tests
and `plugins.yaml`; `entities.yaml` and `vocabulary.yaml` are found beside the claims. All of these,
and every file found by listing a directory, may have been written by the pull request, so every one
is read through `read_project_file` (and every directory listed through `list_folder`), which refuse:

- a path that resolves, after symlinks, outside the **root** (below); `source.text` must moreover be
  relative (to the claims file), so an absolute one is refused wherever it points;
- anything that is not a regular file: FIFOs (which would hang), devices (`/dev/zero` reports size 0
  and never ends), sockets, directories, and anything under `/proc`, `/sys` or `/dev`;
- a file over the size limit, checked with `fstat` on the opened descriptor before reading, and read
  with a cap so that a file growing meanwhile cannot exceed it.

**The root.** The project root is `FACTCHECK_ROOT` when set, else the git top-level of the working
directory (the nearest directory above it holding `.git`), else the working directory. A path named
on the command line (the trusted part) that lies outside the project root is its own project: its root
is the git top-level above it, else the directory above its folder (`/tmp/x` for `/tmp/x/claims`).
Roots are found from paths as written, never through their symlinks, so a pull request that turns
`claims/` into a symlink cannot move the root; the root directory itself is then resolved.

**No oracle.** A refusal is a `PathRefused` whose message is `refused: <reason>`. A path outside the
root gets one reason whatever is there (a secret, a device, nothing), and is never opened, hashed or
searched; the finer reasons (a FIFO, a directory, too large) are only given for paths inside the root.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from factcheck.load.problems import Problem, display_path

ROOT_VARIABLE = "FACTCHECK_ROOT"
TEXT_BYTES_VARIABLE = "FACTCHECK_MAX_TEXT_BYTES"
DEFAULT_MAX_TEXT_BYTES = 10 * 1024 * 1024
SPECIAL_TREES = (Path("/proc"), Path("/sys"), Path("/dev"))
REFUSED = "E005"  # the error code of every refusal (docs/claims.md)


class PathRefused(Exception):
    """The policy refuses this path; `reason` is safe to show (it says nothing of the file's content)."""

    def __init__(self, reason: str, *, too_large: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.too_large = too_large

    @property
    def message(self) -> str:
        return f"refused: {self.reason}"


def project_root() -> Path:
    """`FACTCHECK_ROOT`, else the git top-level of the working directory, else the working directory."""
    configured = os.environ.get(ROOT_VARIABLE)
    if configured:
        return Path(os.path.realpath(configured))
    cwd = Path(os.getcwd())
    return Path(os.path.realpath(_git_top_level(cwd) or cwd))


def root_for(path: Path) -> Path:
    """The root that confines everything read through `path`, a path named by the user or found by
    listing a directory they named (see the module docstring)."""
    absolute = Path(os.path.abspath(path))  # lexical: `..` is removed, symlinks are not followed
    root = project_root()
    if _inside(Path(os.path.realpath(absolute.parent)), root) or _inside(absolute, root):
        return root
    folder = absolute if os.path.isdir(absolute) else absolute.parent
    return Path(os.path.realpath(_git_top_level(folder) or folder.parent))


def confine(path: Path, root: Path) -> Path:
    """`path` with its symlinks resolved, or PathRefused when it leaves `root` or a special tree.
    The path need not exist (a missing file inside the root is the caller's "not found")."""
    resolved = Path(os.path.realpath(path))
    if not _inside(resolved, root):
        raise PathRefused("outside the project root (after following symlinks)")
    if any(_inside(resolved, tree) for tree in SPECIAL_TREES):
        raise PathRefused("a special file system (/proc, /sys, /dev)")
    return resolved


def read_project_file(path: Path, *, max_bytes: int, root: Path | None = None) -> bytes:
    """The bytes of `path`, a file named in or found beside a user's files, confined to `root`
    (default: `root_for(path)`). PathRefused, or OSError (FileNotFoundError when it is missing)."""
    resolved = confine(path, root_for(path) if root is None else root)
    return read_regular_file(resolved, max_bytes=max_bytes)


def read_regular_file(path: Path, *, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most `max_bytes`; PathRefused for anything else. Never
    blocks on a FIFO and never reads a device: the type is checked before opening and again on the
    descriptor (opened non-blocking), the size on the descriptor, and the read is capped."""
    _refuse_special(os.stat(path).st_mode)
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        status = os.fstat(descriptor)
        _refuse_special(status.st_mode)
        if status.st_size > max_bytes:
            raise PathRefused(_too_large(max_bytes), too_large=True)
        chunks: list[bytes] = []
        remaining = max_bytes + 1  # one byte more than allowed tells a file that grew
        while remaining > 0:
            chunk = os.read(descriptor, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        if remaining <= 0:
            raise PathRefused(_too_large(max_bytes), too_large=True)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def list_folder(folder: Path, root: Path | None = None) -> list[Path]:
    """The entries of a directory the user named, as `folder / name` (sorted), after checking that
    the folder itself resolves inside its root: a symlinked `claims/` pointing elsewhere is refused
    before its names are listed. PathRefused or OSError."""
    confine(folder, root_for(folder) if root is None else root)
    # Names sorted as text, then made paths: the same order as sorting the paths (one folder), without
    # pathlib's comparisons (half a second for a folder of 10,000 claims files).
    return [folder / name for name in sorted(os.listdir(folder))]


def refused_folders(paths: list[Path]) -> list[Problem]:
    """An E005 problem for each directory in `paths` that the path policy refuses to list."""
    problems = []
    for path in (p for p in paths if p.is_dir()):
        try:
            list_folder(path)
        except PathRefused as refusal:
            problems.append(Problem(display_path(path), 0, 0, REFUSED, refusal.message))
        except OSError as error:
            problems.append(Problem(display_path(path), 0, 0, "Y001", f"cannot list: {error.strerror or error}"))
    return problems


def max_text_bytes() -> int:
    """The largest source text read: FACTCHECK_MAX_TEXT_BYTES, or 10 MiB."""
    try:
        return int(os.environ.get(TEXT_BYTES_VARIABLE, DEFAULT_MAX_TEXT_BYTES))
    except ValueError:
        return DEFAULT_MAX_TEXT_BYTES


def _refuse_special(mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise PathRefused("a directory, not a file")
    if stat.S_ISFIFO(mode):
        raise PathRefused("a FIFO (named pipe), not a regular file")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        raise PathRefused("a device, not a regular file")
    if stat.S_ISSOCK(mode):
        raise PathRefused("a socket, not a regular file")
    raise PathRefused("not a regular file")


def _too_large(max_bytes: int) -> str:
    return f"larger than the limit of {max_bytes} bytes"


def _git_top_level(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        if os.path.lexists(folder / ".git"):
            return folder
    return None


def _inside(path: Path, root: Path) -> bool:
    """Whether `path` is `root` or below it, both absolute and normal (made by `realpath` or `abspath`):
    compared as text, a separator after the root's, which is what `root in path.parents` says for such
    paths at a tenth of its cost (it made a `Path` of each parent, four times for each file read)."""
    inner, outer = str(path), str(root)
    return inner == outer or inner.startswith(outer if outer.endswith(os.sep) else outer + os.sep)

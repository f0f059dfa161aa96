"""What a change touched, and the rules to judge it by, from git.

The gate checks the claims files a pull request adds or edits: `git diff --name-only BASE...HEAD` (the
changes since the branch left BASE), plus what is staged, unstaged or untracked under the claims
directory, so a run before committing sees the same as CI. Deleted files are left out: a removed
source cannot bring a conflict.

A pull request must not weaken the rules that judge it, so with a base the rules are read from BASE
(`git ls-tree` + `git cat-file` into a temporary directory), not from the working tree.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from factcheck.gate.errors import GateError

YAML_SUFFIXES = (".yaml", ".yml")


def git(args: list[str], cwd: Path) -> bytes:
    """Run git; any failure becomes a GateError with git's own message."""
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise GateError("git is not installed (needed for --base); give the changed claims files as PATHS") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", errors="replace").strip() or f"exit status {done.returncode}"
        raise GateError(f"git {' '.join(args[:2])} failed: {message}")
    return done.stdout


def repo_root(cwd: Path) -> Path:
    """The top of the git work tree around `cwd`, or a GateError that says what to do instead."""
    try:
        return Path(git(["rev-parse", "--show-toplevel"], cwd).decode("utf-8").strip())
    except GateError:
        raise GateError(f"{cwd} is not inside a git repository: run the gate in your claims repository, "
                        "or give the changed claims files as PATHS (without --base)") from None


def check_revision(root: Path, revision: str) -> None:
    if revision.startswith("-"):
        raise GateError(f"bad revision {revision!r}: a revision cannot start with '-'")
    try:
        git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"], root)
    except GateError:
        raise GateError(f"bad revision {revision!r}: no such commit in {root} (in CI, check out with "
                        "fetch-depth: 0 or fetch the base branch first)") from None


def _names(output: bytes) -> list[str]:
    return [name for name in output.decode("utf-8", errors="surrogateescape").split("\0") if name]


def changed_files(root: Path, base: str | None, claims_dir: Path) -> list[Path]:
    """YAML files under `claims_dir` changed since `base` (or since HEAD, when there is no base), that still exist."""
    names: list[str] = []
    if base is not None:
        check_revision(root, base)
        names += _names(git(["diff", "--name-only", "-z", f"{base}...HEAD", "--"], root))
    if _has_commits(root):
        names += _names(git(["diff", "--name-only", "-z", "HEAD", "--"], root))
    names += _names(git(["ls-files", "--others", "--exclude-standard", "-z", "--"], root))
    claims = claims_dir.resolve()
    found: dict[Path, None] = {}
    for name in names:
        path = (root / name).resolve()
        if path.suffix in YAML_SUFFIXES and path.is_file() and path.is_relative_to(claims):
            found.setdefault(path)
    return sorted(found)


def _has_commits(root: Path) -> bool:
    try:
        git(["rev-parse", "--verify", "--quiet", "HEAD"], root)
        return True
    except GateError:
        return False


def touched(root: Path, base: str, folder: Path) -> bool:
    """Whether the change since `base` (committed or not) touches anything under `folder`."""
    try:
        relative = folder.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return False
    committed = _names(git(["diff", "--name-only", "-z", f"{base}...HEAD", "--", relative], root))
    uncommitted = _names(git(["diff", "--name-only", "-z", "HEAD", "--", relative], root))
    untracked = _names(git(["ls-files", "--others", "--exclude-standard", "-z", "--", relative], root))
    return bool(committed or uncommitted or untracked)


def export_folder(root: Path, revision: str, folder: Path, destination: Path) -> Path | None:
    """Write `folder` as it is at `revision` into `destination`; None when it does not exist there."""
    try:
        relative = folder.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return None  # outside the repository: git has no version of it
    names = _names(git(["ls-tree", "-r", "-z", "--name-only", "--end-of-options", revision, "--", relative], root))
    if not names:
        return None
    target = destination / relative
    target.mkdir(parents=True, exist_ok=True)
    for name in names:
        path = destination / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(git(["cat-file", "blob", f"{revision}:{name}"], root))
    return target

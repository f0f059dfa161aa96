"""Run one fuzz input through the command line, in process, and judge how it ended.

Each input runs `factcheck` through click's test runner in a temporary project (the working directory
and `FACTCHECK_ROOT`), the way `factcheck.cli.main` runs it: an exception that is not a click error
or an exit is a traceback, exit 3, a bug in factcheck. Each input runs under `signal.alarm`: still
running after `FUZZ_TIMEOUT` seconds (default 5) is a hang. Then:

- the exit code must be one the command allows for a user's input (`validate`: 0 or 1, ...);
- every line on standard error of a failed run must be located: `path:line:col: CODE message` with
  the line inside the file (a whole-file problem: `path: CODE message`), the `Found N problems` count,
  or an `error: ...` line of a command that could not run.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from click.testing import CliRunner

from factcheck.cli import cli

EXIT_BUG = 3
EXIT_HANG = -1  # not an exit code: the input did not end in time
ROOT = Path(__file__).resolve().parents[2]

_PROBLEM = re.compile(r"^(?P<path>.+?)(?::(?P<line>\d+):(?P<col>\d+))?: (?P<code>[A-Z]\d{3}) ")
_COUNT = re.compile(r"^Found \d+ (rule |baseline )?problems? in \d+ files?\.$")
_OTHER = re.compile(r"^(error: |factcheck gate: |Usage: |Try |Error: )")


def timeout_seconds() -> float:
    return float(os.environ.get("FUZZ_TIMEOUT", "5"))


class Hang(Exception):
    """Raised by the alarm: the input ran past the time bound."""


@contextmanager
def time_bound(seconds: float) -> Iterator[None]:
    def ring(signum: int, frame: object) -> None:
        raise Hang(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class Outcome:
    """How one input ended: its exit code (3 a traceback, -1 a hang), what was said, what is wrong."""

    exit_code: int
    stdout: str = ""
    stderr: str = ""
    traceback: str = ""
    seconds: float = 0.0
    faults: list[str] = field(default_factory=list)  # why this ending is a failure; empty when it is fine

    @property
    def ok(self) -> bool:
        return not self.faults


@dataclass
class Project:
    """A temporary project the fuzzed files are written into (the root of every path factcheck reads)."""

    root: Path

    @classmethod
    def create(cls, layout: dict[str, Path]) -> Project:
        """A project with copies of real files: `layout` maps a path in the project to a file or folder here."""
        root = Path(tempfile.mkdtemp(prefix="factcheck-fuzz-")).resolve()
        for target, source in layout.items():
            destination = root / target
            destination.parent.mkdir(parents=True, exist_ok=True)
            if source.is_dir():
                shutil.copytree(source, destination)
            else:
                shutil.copyfile(source, destination)
        return cls(root)

    def write(self, relative: str, data: bytes) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def run(project: Project, args: list[str], allowed: set[int], *, inputs: dict[str, bytes] | None = None,
        timeout: float | None = None) -> Outcome:
    """`factcheck ARGS` in `project`, judged: allowed exit code, no traceback, no hang, located errors."""
    runner = CliRunner()
    env = {"FACTCHECK_ROOT": str(project.root), "NO_COLOR": "1", "COLUMNS": "100"}
    previous = os.getcwd()
    os.chdir(project.root)
    started = time.perf_counter()
    try:
        with time_bound(timeout or timeout_seconds()):
            result = runner.invoke(cli, args, env=env, standalone_mode=False, catch_exceptions=True)
    except Hang as hang:
        return Outcome(EXIT_HANG, seconds=time.perf_counter() - started, faults=[f"hang: {hang}"])
    finally:
        os.chdir(previous)
    seconds = time.perf_counter() - started
    outcome = Outcome(_exit_code(result), result.stdout, result.stderr, seconds=seconds)
    if outcome.exit_code == EXIT_BUG:
        import traceback

        error = result.exception
        outcome.traceback = "".join(traceback.format_exception(type(error), error, error.__traceback__))
        if isinstance(error, Hang):  # the alarm rang inside code that caught it and went on
            outcome.exit_code = EXIT_HANG
            outcome.faults.append(f"hang: {error}")
            return outcome
        outcome.faults.append(f"traceback: {type(error).__name__}: {error}"[:500])
        return outcome
    if outcome.exit_code not in allowed:
        outcome.faults.append(f"exit {outcome.exit_code}, allowed {sorted(allowed)}")
    if outcome.exit_code != 0:
        outcome.faults.extend(unlocated(result.stderr, project, inputs or {}))
    return outcome


def _exit_code(result: object) -> int:
    import click

    error = getattr(result, "exception", None)
    if error is None or isinstance(error, SystemExit):
        code = getattr(result, "exit_code", 0)
        return code if isinstance(code, int) else 1
    if isinstance(error, click.ClickException):
        return error.exit_code
    if isinstance(error, (KeyboardInterrupt, click.exceptions.Abort)):
        return 130
    return EXIT_BUG


def unlocated(stderr: str, project: Project, inputs: dict[str, bytes]) -> list[str]:
    """The lines of standard error that are neither a located problem nor a plain `error:` line."""
    faults = []
    counts: dict[str, int | None] = {}  # lines per file named, counted once
    for line in stderr.splitlines():
        if not line.strip() or _COUNT.match(line) or _OTHER.match(line):
            continue
        match = _PROBLEM.match(line)
        if match is None:
            faults.append(f"unlocated line: {line[:300]}")
            continue
        path = match["path"]
        if match["line"] is None:
            continue
        if path not in counts:
            data = inputs.get(path)
            if data is None:
                local = project.root / path
                data = local.read_bytes() if local.is_file() else None
            counts[path] = None if data is None else _line_count(data)
        number, lines = int(match["line"]), counts[path]
        if lines is not None and number > lines + 1:
            faults.append(f"line {number} is past the end of {path} ({lines} lines): {line[:200]}")
        if number < 1 or int(match["col"]) < 1:
            faults.append(f"line or column below 1: {line[:200]}")
    return faults


def _line_count(data: bytes) -> int:
    """Lines by every break YAML or Python knows (an upper bound on what a reader may count)."""
    text = data.decode("utf-8", "replace")
    return len(text.splitlines()) + text.count("\r\n") + 1

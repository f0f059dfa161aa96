"""Printing problems the way linters do: one `path:line:col: CODE message` line each, then a count.

A problem names a file, a YAML key or a value from a user's file, so each line goes through the
terminal channel (`escape.terminal_line`, the path through `escape.terminal_path`): a newline or an
escape sequence in it is shown as `\\n` or `\\x1b`, and no file can start a line (a workflow command)."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import NoReturn

import click

from factcheck.load.problems import Problem
from factcheck.cli.exit_codes import EXIT_USAGE
from factcheck.load.write import WriteError, check_output, write_atomic
from factcheck.report.escape import terminal_line, terminal_path


def problem_line(problem: Problem) -> str:
    return terminal_line(str(replace(problem, path=terminal_path(problem.path))))


def echo_problems(problems: list[Problem], *, what: str = "problem") -> None:
    for problem in problems:
        click.echo(problem_line(problem), err=True)
    count = len(problems)
    files = len({p.path for p in problems})
    click.echo(f"Found {count} {what}{'s' if count != 1 else ''} in {files} file{'s' if files != 1 else ''}.", err=True)


def fail_write(error: WriteError) -> NoReturn:
    """A refused or failed write: one line naming the path and why, exit 2."""
    click.echo(terminal_line(f"error: {error}"), err=True)
    sys.exit(EXIT_USAGE)


def check_output_or_exit(path: Path | None, *, inputs: Iterable[Path] = ()) -> None:
    """Before any work: a report, gate, eval or schema `-o` that would replace an input or a file factcheck
    did not write is refused (exit 2). `-o -` and no `-o` are standard output."""
    if path is None or str(path) == "-":
        return
    try:
        check_output(path, inputs=inputs)
    except WriteError as error:
        fail_write(error)


def write_output(path: Path, text: str | Iterable[str] | Iterable[bytes], *, inputs: Iterable[Path] = ()) -> None:
    """Write a report-like output (one string, or its pieces as they are made: text, or bytes in UTF-8) to
    `path` atomically, after `check_output` (exit 2 on refusal or failure)."""
    try:
        check_output(path, inputs=inputs)
        write_atomic(path, text)
    except WriteError as error:
        fail_write(error)


PIPED_WIDTH = 100  # columns of text written to a pipe or a file when COLUMNS does not say


def wants_color(flag: bool | None, to_terminal: bool) -> bool:
    """Colours by the conventions: `--color/--no-color` first, then NO_COLOR (no-color.org: set and not
    empty), then FORCE_COLOR, then whether the output is a terminal."""
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return to_terminal


def output_width(to_terminal: bool) -> int:
    """COLUMNS when set (a terminal or a pipe), else the terminal's width, else PIPED_WIDTH."""
    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) > 0:
        return max(int(columns), 20)
    if to_terminal:
        return shutil.get_terminal_size((PIPED_WIDTH, 24)).columns
    return PIPED_WIDTH

"""Printing problems the way linters do: one `path:line:col: CODE message` line each, then a count.

A problem names a file, a YAML key or a value from a user's file, so each line goes through the
terminal channel (`escape.terminal_line`, the path through `escape.terminal_path`): a newline or an
escape sequence in it is shown as `\\n` or `\\x1b`, and no file can start a line (a workflow command)."""

from __future__ import annotations

from dataclasses import replace

import click

from factcheck.load.problems import Problem
from factcheck.report.escape import terminal_line, terminal_path


def problem_line(problem: Problem) -> str:
    return terminal_line(str(replace(problem, path=terminal_path(problem.path))))


def echo_problems(problems: list[Problem], *, what: str = "problem") -> None:
    for problem in problems:
        click.echo(problem_line(problem), err=True)
    count = len(problems)
    files = len({p.path for p in problems})
    click.echo(f"Found {count} {what}{'s' if count != 1 else ''} in {files} file{'s' if files != 1 else ''}.", err=True)

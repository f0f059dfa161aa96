"""Printing problems the way linters do: one `path:line:col: CODE message` line each, then a count."""

from __future__ import annotations

import click

from factcheck.load.problems import Problem


def echo_problems(problems: list[Problem], *, what: str = "problem") -> None:
    for problem in problems:
        click.echo(str(problem), err=True)
    count = len(problems)
    files = len({p.path for p in problems})
    click.echo(f"Found {count} {what}{'s' if count != 1 else ''} in {files} file{'s' if files != 1 else ''}.", err=True)

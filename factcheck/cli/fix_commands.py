"""`factcheck fix`: repair evidence offsets (and, when asked, a source's recorded sha256) in claims files."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from factcheck.cli.exit_codes import EXIT_DATA, EXIT_OK
from factcheck.cli.output import fail_write, problem_line
from factcheck.fix import FilePlan, fix_file, unified_diff
from factcheck.load import claims_files_in
from factcheck.load.problems import display_path
from factcheck.load.write import WriteError
from factcheck.report.escape import terminal_line


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--diff", "diff_only", is_flag=True, help="Only show the changes as a diff; write nothing.")
@click.option("--accept-source-changes", is_flag=True,
              help="Record the new sha256 of a source text that changed (E003). Check the evidence first: "
                   "this blesses the new text.")
def fix(paths: tuple[Path, ...], diff_only: bool, accept_source_changes: bool) -> None:
    """Repair what validation knows how to: evidence offsets when the evidence text occurs exactly once in
    the source text, and (with --accept-source-changes) the source's sha256.

    PATHS are claims files or directories of them (default: claims). Values are edited in the file's own
    text, so comments and layout stay; the diff is printed. Exit 0 nothing left to fix, 1 problems
    remain (or, with --diff, changes to make), 2 could not run.
    """
    targets = list(paths) or [Path("claims")]
    if not targets[0].exists():
        raise click.UsageError("no claims directory here: give the claims files or directories to fix")
    plans: list[FilePlan] = []
    for path in claims_files_in(targets):
        try:
            plans.append(fix_file(path, accept_source_changes=accept_source_changes, write=not diff_only))
        except WriteError as error:
            fail_write(error)
    for plan in plans:
        for line in unified_diff(plan, display_path(plan.path)):
            click.echo(terminal_line(line.rstrip("\n")))
    for plan in plans:
        for repair in plan.repairs if plan.changed else ():
            click.echo(problem_line(repair.problem), err=True)
        for problem in plan.unrepaired:
            click.echo(problem_line(problem), err=True)
    repaired = sum(len(p.repairs) for p in plans if p.changed)
    left = sum(len(p.unrepaired) for p in plans)
    files = sum(1 for p in plans if p.changed)
    verb = "Would fix" if diff_only else "Fixed"
    summary = f"{verb} {_count(repaired, 'problem')} in {_count(files, 'file')}"
    click.echo(f"{summary}; {_count(left, 'problem')} not repaired (above)." if left else f"{summary}.", err=True)
    sys.exit(EXIT_DATA if left or (diff_only and repaired) else EXIT_OK)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


COMMANDS = [fix]

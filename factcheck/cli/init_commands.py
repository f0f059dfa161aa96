"""`factcheck init [DIR]`: a project that `validate`, `report` and `gate` accept at once (factcheck/skeleton.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from factcheck.cli.exit_codes import EXIT_OK, EXIT_USAGE
from factcheck.cli.output import fail_write
from factcheck.load.write import WriteError
from factcheck.report.escape import terminal_line
from factcheck.skeleton import SkeletonRefused, write_skeleton

NEXT_STEPS = """
Next:
  factcheck extract ARTICLE.txt --id ID --published YYYY-MM-DD   # drafts claims/ID.yaml
  factcheck entities propose          # the names extraction found; `factcheck entities accept` keeps them
  factcheck validate && factcheck report
  pre-commit install                  # the hooks in .pre-commit-config.yaml
"""


@click.command(name="init")
@click.argument("folder", required=False, default=".", type=click.Path(file_okay=False, path_type=Path))
def init(folder: Path) -> None:
    """Start a factcheck project in FOLDER (default: here). Refuses to replace any file that exists."""
    try:
        skeleton = write_skeleton(folder)
    except SkeletonRefused as refused:
        for path in refused.existing:
            click.echo(terminal_line(f"error: {path} exists: factcheck init does not replace it"), err=True)
        click.echo("Nothing was written. Move those files away, or start the project in another folder.", err=True)
        sys.exit(EXIT_USAGE)
    except WriteError as error:
        fail_write(error)
    click.echo(terminal_line(f"Started a factcheck project in {folder}:"))
    width = max(len(str(path)) for path, _ in skeleton.created)
    for path, purpose in skeleton.created:
        click.echo(terminal_line(f"  {str(path).ljust(width)}  {purpose}"))
    if skeleton.gitignore_existed:
        added = len(skeleton.gitignore_added)
        what = f"added {added} line{'s' if added != 1 else ''}" if added else "already had factcheck's lines"
        click.echo(terminal_line(f"  {str(skeleton.gitignore).ljust(width)}  kept; {what}"))
    else:
        click.echo(terminal_line(f"  {str(skeleton.gitignore).ljust(width)}  files git should not track"))
    click.echo(NEXT_STEPS, nl=False)
    sys.exit(EXIT_OK)


COMMANDS = [init]

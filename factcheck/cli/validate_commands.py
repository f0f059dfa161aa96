"""`factcheck validate` and `factcheck schema` (the schemas themselves: factcheck/schemas.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from factcheck.cli.configured import ConfiguredCommand
from factcheck.cli.exit_codes import EXIT_DATA, EXIT_OK
from factcheck.cli.output import check_output_or_exit, echo_problems, write_output
from factcheck.load import ProblemsError, load_corpus
from factcheck.load.write import is_stdout
from factcheck.schemas import SCHEMA_CHOICES, schema_text


@click.command(cls=ConfiguredCommand)
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--entities", "entities_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The entity file (default: entities.yaml beside the claims).")
def validate(paths: tuple[Path, ...], entities_path: Path | None) -> None:
    """Check claims files, the entity file and the vocabulary; report every problem.

    PATHS are claims files or directories of them (default: claims). Exit 0 valid, 1 invalid, 2 usage error.
    """
    targets = list(paths) or [Path("claims")]
    if not targets[0].exists():  # the default, when there is no claims directory here
        raise click.UsageError("no claims directory here: give the claims files or directories to check")
    try:
        corpus = load_corpus(targets, entities_path=entities_path)
    except ProblemsError as error:
        echo_problems(error.problems)
        sys.exit(EXIT_DATA)
    claims = sum(len(d.claims_file.claims) for d in corpus.documents)
    click.echo(f"{len(corpus.documents)} sources, {claims} claims, {len(corpus.entities)} entities: all valid.")
    sys.exit(EXIT_OK)


@click.command()
@click.option("--for", "which", type=click.Choice(SCHEMA_CHOICES), default="claims", show_default=True,
              help="Which file's schema to write (`report`: the JSON report factcheck writes).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of standard output (`-`); never over a file factcheck did not write.")
def schema(which: str, output: Path | None) -> None:
    """Write the JSON Schema of a file factcheck reads, for editors: claims, entities, vocabulary, rules,
    rule tests, the baseline, a cue lexicon or the config; or of the JSON report it writes (docs/cli.md)."""
    output = None if is_stdout(output) else output
    check_output_or_exit(output)
    text = schema_text(which)
    if output:
        write_output(output, text)
    else:
        click.echo(text, nl=False)


COMMANDS = [validate, schema]

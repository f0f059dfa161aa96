"""`factcheck claim add`: write a claim into a source's claims file with its evidence offsets found."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from factcheck.cli.exit_codes import EXIT_OK, EXIT_USAGE
from factcheck.cli.output import fail_write
from factcheck.fix.claim import ClaimRefused, ClaimRequest, add_claim, find_claims_file
from factcheck.load.problems import display_path
from factcheck.load.write import WriteError
from factcheck.model import CLAIM_KINDS, FactModality
from factcheck.report.escape import terminal_line


@click.group()
def claim() -> None:
    """Write claims by command."""


@claim.command()
@click.argument("source")
@click.option("--kind", required=True, type=click.Choice(CLAIM_KINDS), help="The claim kind.")
@click.option("--subject", required=True, help="The entity the claim is about (an id from entities.yaml).")
@click.option("--property", "property_id", required=True, help="What is said about it (from the vocabulary).")
@click.option("--value", "values", multiple=True, required=True, metavar="VALUE|FIELD=VALUE",
              help="The value: FIELD=VALUE, as often as needed (`--value text=... --value speaker=us-dod`), or one "
                   "bare value for the kind's main field: a date (`2019-11-23`), a quote's text, a statement's "
                   "summary, `AMOUNT UNIT` for a quantity or duration (`90 day`, `55 percent`).")
@click.option("--evidence", required=True, help="The source's exact words that support the claim.")
@click.option("--occurrence", type=click.IntRange(min=1), help="Which place of the evidence text (1 is the first), "
              "when it occurs more than once.")
@click.option("--id", "claim_id", help="The claim id (default: SUBJECT-PROPERTY, numbered when taken).")
@click.option("--qualifier", help='A condition the claim holds under: "if not renewed".')
@click.option("--event", help="What happened, when subject and property do not say which fact this is.")
@click.option("--modality", type=click.Choice([m.value for m in FactModality]), help="How the source puts it.")
@click.option("--as-of", "as_of", help="When the claim is true, when the text gives another date than the publication.")
@click.option("--note", help="Anything a reviewer should know.")
@click.option("--claims", "claims_dir", type=click.Path(path_type=Path), default=Path("claims"), show_default=True,
              help="Where to look for the claims file of SOURCE.")
def add(source: str, kind: str, subject: str, property_id: str, values: tuple[str, ...], evidence: str,
        occurrence: int | None, claim_id: str | None, qualifier: str | None, event: str | None,
        modality: str | None, as_of: str | None, note: str | None, claims_dir: Path) -> None:
    """Add a reviewed claim to the claims file of SOURCE (the claims file, its source id, or its text file),
    with the evidence offsets found in the source text.

    The claim is validated (its value, entities, property, id) and its evidence must occur once in the
    source text (or give --occurrence); otherwise nothing is written. Exit 0 written, 2 not written.
    """
    request = ClaimRequest(kind, subject, property_id, values, evidence, occurrence, claim_id,
                           {"qualifier": qualifier, "event": event, "modality": modality, "as_of": as_of,
                            "note": note})
    try:
        path = find_claims_file(source, claims_dir)
        added = add_claim(path, request)
    except ClaimRefused as refusal:
        for reason in refusal.reasons:
            click.echo(terminal_line(f"error: {reason}"), err=True)
        click.echo("Nothing written.", err=True)
        sys.exit(EXIT_USAGE)
    except WriteError as error:
        fail_write(error)
    span = added.span
    click.echo(terminal_line(f"Added claim {added.claim_id} to {display_path(added.path)}: evidence at "
                             f"{span.start}..{span.end}, line {span.line} of the source text."))
    sys.exit(EXIT_OK)


COMMANDS = [claim]

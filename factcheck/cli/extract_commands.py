"""`factcheck extract` (an article to a claims file of candidates) and `factcheck eval-extract`."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from factcheck.report.escape import terminal_line
from factcheck.load.paths import PathRefused, max_text_bytes, read_project_file, root_for
from factcheck.cli.exit_codes import EXIT_OK, EXIT_USAGE
from factcheck.cli.output import echo_problems, fail_write
from factcheck.load.problems import ProblemsError
from factcheck.load.write import WriteError, check_proposals_output, is_stdout
from factcheck.load.corpus import read_claims_file
from factcheck.model import PartialDate
from factcheck.model.values import ID_PATTERN

if TYPE_CHECKING:
    from factcheck.extract.ingest import IngestResult

# Extraction (dateparser, the cue lexicons: a third of a second) is imported by the commands that run it,
# not by `factcheck extract --help`: `factcheck.extract` imports every part of the pipeline.


def _published(ctx: click.Context, param: click.Parameter, value: str | None) -> PartialDate | None:
    if value is None:
        return None
    try:
        return PartialDate.parse(value.strip())
    except ValueError as error:
        raise click.BadParameter(f"{error} (for example 2019, 2019-08 or 2019-08-22)") from error


def _source_id(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A source id is lower-case kebab: it names the claims file, so `../x` or `Bad Id` never reach a path."""
    if value is not None and not re.fullmatch(ID_PATTERN, value):
        raise click.BadParameter(f"{value!r} is not a source id: lower-case letters and digits joined by single '-', '_' or '.', "
                                 "e.g. bloomberg-2019-08-22")
    return value


def _utf8_name(path: Path) -> bool:
    """Whether a path is text: a name of undecodable bytes reaches Python as lone surrogates."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@click.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False, allow_dash=True, path_type=Path))
@click.option("--id", "source_id", callback=_source_id, help="The source id, e.g. bloomberg-2019-08-22.")
@click.option("--published", callback=_published, help="Publication date at the precision known: 2019, 2019-08, 2019-08-22.")
@click.option("--publisher", help="Who published it.")
@click.option("--title", help="The headline.")
@click.option("--url", help="Where it was published.")
@click.option("--author", "authors", multiple=True, help="An author (repeat for several).")
@click.option("--entities", "entities_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The entity file (default: entities.yaml beside the output).")
@click.option("--cues", "cues_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A cue lexicon extending the shipped one (claims/cues.yaml is used when present).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="The claims file to write or merge into (default: claims/ID.yaml; `-` for standard output).")
@click.option("--propose-entities", "proposals_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the entities proposed for unknown names to this new file, or `-` (never to entities.yaml).")
@click.option("--keep-stale", is_flag=True,
              help="Keep auto claims that extraction no longer finds (by default they are pruned; reviewed and "
                   "hand-edited claims are always kept).")
@click.option("--prune", is_flag=True, hidden=True, help="The default now: stale auto claims are pruned.")
def extract(path: Path, source_id: str | None, published: PartialDate | None, publisher: str | None,
            title: str | None, url: str | None, authors: tuple[str, ...], entities_path: Path | None,
            cues_path: Path | None, output: Path | None, proposals_path: Path | None, keep_stale: bool,
            prune: bool) -> None:
    """Extract candidate claims from an article (plain text or HTML) into a claims file to review.

    PATH `-` reads the article from standard input (give --id and --published; its text is saved beside the
    claims file). Metadata may also come from PATH's sidecar (article.txt + article.meta.yaml); options win. An existing
    claims file is merged: reviewed and hand-edited claims are kept as they are; unreviewed (auto) claims
    are re-derived from the current entity file, and those extraction no longer finds are pruned.
    """
    from factcheck.extract.ingest import ingest
    from factcheck.extract.source import SourceError

    for named in (path, output, proposals_path, entities_path, cues_path):
        if named is not None and not _utf8_name(named):
            click.echo(terminal_line(f"error: {named}: the file name is not valid UTF-8 (a claims file records it "
                                     "as text): rename the file"), err=True)
            sys.exit(EXIT_USAGE)
    options = {"id": source_id, "published": published, "publisher": publisher, "title": title, "url": url,
               "authors": list(authors)}
    try:
        if prune and keep_stale:
            raise click.UsageError("--prune and --keep-stale contradict each other: give one (pruning is the default)")
        if is_stdout(proposals_path) and is_stdout(output):
            raise click.UsageError("-o - and --propose-entities - would both go to standard output: give one a file")
        if proposals_path is not None:
            check_proposals_output(proposals_path, claims_output=None if is_stdout(output) else output)
        result = ingest(path, options, output=output, entities_path=entities_path, cues_path=cues_path,
                        prune=not keep_stale)
    except WriteError as error:
        fail_write(error)
    except SourceError as error:
        click.echo(terminal_line(f"error: {error}"), err=True)
        sys.exit(EXIT_USAGE)
    except ProblemsError as error:
        echo_problems(error.problems)
        sys.exit(EXIT_USAGE)
    if result.rendered is not None:  # `-o -`: the claims on standard output, what was done on standard error
        click.echo(result.rendered, nl=False)
        _report(result, proposals_path, err=True)
        sys.exit(EXIT_OK)
    _report(result, proposals_path, err=False)
    sys.exit(EXIT_OK)


def _report(result: IngestResult, proposals_path: Path | None, *, err: bool) -> None:
    """What extract did, line by line (on standard error when the claims went to standard output)."""
    from factcheck.extract.ingest import dump_proposals, write_proposals

    def echo(line: str) -> None:
        click.echo(line, err=err)

    claims = result.claims_file.claims
    kinds = ", ".join(f"{sum(c.kind == k for c in claims)} {k}" for k in sorted({c.kind for c in claims}))
    where = "standard output" if result.rendered is not None else result.output
    echo(f"wrote {where}: {len(claims)} claims ({kinds or 'none'})")
    if result.html:
        echo(f"wrote {result.text_path}: the article's text (evidence offsets point into it)")
    if result.dropped:
        echo(f"dropped {result.dropped} lines or sentences of page noise and repeats")
    if result.merge is not None:
        echo(f"merged: {result.merge.summary()}")
        for claim_id in result.merge.updated:
            echo(f"  updated: {claim_id}")
        for claim_id in result.merge.pruned:
            echo(f"  pruned: {claim_id} (no longer extracted)")
        for claim_id in result.merge.stale_kept:
            echo(f"  stale, kept: {claim_id} (no longer extracted; --keep-stale)")
        if result.merge.text_changed:
            echo("  the source text changed: check the evidence of the kept claims (factcheck validate)")
    if result.proposals:
        echo(f"{len(result.proposals)} proposed entities (names not in the entity file; claims use these ids):")
        for entity in result.proposals:
            echo(terminal_line(f"  {entity.id}: {entity.name} ({entity.kind.value})"))
        if proposals_path:
            if is_stdout(proposals_path):
                click.echo(dump_proposals(result.proposals), nl=False)
            else:
                try:
                    write_proposals(proposals_path, result.proposals)
                except WriteError as error:
                    fail_write(error)
            echo(f"wrote {'standard output' if is_stdout(proposals_path) else proposals_path}: "
                 "review them, then `factcheck entities accept ID ...` (or --all)")
        else:
            echo("  review them with `factcheck entities propose`, then `factcheck entities accept ID ...` (or --all)")


@click.command("eval-extract")
@click.option("--reviewed", "reviewed_path", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A reviewed claims file.")
@click.option("--extracted", "extracted_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Extracted claims for the same source (default: extract its source text now).")
@click.option("--entities", "entities_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The entity file (default: entities.yaml beside the reviewed file).")
@click.option("--cues", "cues_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A cue lexicon extending the shipped one.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def eval_extract(reviewed_path: Path, extracted_path: Path | None, entities_path: Path | None,
                 cues_path: Path | None, output_format: str) -> None:
    """Precision and recall per claim kind of extraction against a reviewed claims file."""
    from factcheck.extract.evaluate import evaluate, render_text
    from factcheck.extract.pipeline import extract as extract_text
    from factcheck.extract.project import load_project
    from factcheck.extract.source import SourceError, html_to_text

    try:
        reviewed = read_claims_file(reviewed_path)
        if extracted_path is not None:
            extracted = read_claims_file(extracted_path)
        else:
            project = load_project(reviewed_path.parent, entities_path=entities_path, cues_path=cues_path)
            text_path = reviewed_path.parent / reviewed.source.text
            raw = read_project_file(text_path, max_bytes=max_text_bytes(), root=root_for(reviewed_path)).decode("utf-8")
            text = html_to_text(raw, text_path) if text_path.suffix in (".html", ".htm") else raw
            extracted = extract_text(text, reviewed.source, project.entities, project.vocabulary, project.cues).claims_file
    except ProblemsError as error:
        echo_problems(error.problems)
        sys.exit(EXIT_USAGE)
    except PathRefused as error:
        click.echo(terminal_line(f"error: {reviewed_path}: E005 source.text refused: {error.reason}"), err=True)
        sys.exit(EXIT_USAGE)
    except (OSError, UnicodeDecodeError, SourceError) as error:
        click.echo(terminal_line(f"error: {error}"), err=True)
        sys.exit(EXIT_USAGE)
    evaluation = evaluate(reviewed, extracted)
    if output_format == "json":
        click.echo(json.dumps(evaluation.as_dict(), indent=2))
    else:
        click.echo(render_text([evaluation]))
    sys.exit(EXIT_OK)


COMMANDS = [extract, eval_extract]

"""`factcheck entities propose` and `factcheck entities accept` (docs/entities.md).

`propose` lists the entities extraction proposes for a project's sources (names the entity file does
not know yet), each with the sentences it comes from. `accept` writes chosen proposals into the entity
file (as they are, with another `--kind`, or as aliases of an existing entity with `--as`), keeping the
file's comments and layout, then re-extracts the claims files they came from so the claims use the
accepted ids. Nothing asks a question: every choice is an option, so CI can run it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from factcheck.cli.configured import ConfiguredGroup
from factcheck.cli.exit_codes import EXIT_OK, EXIT_USAGE
from factcheck.cli.output import echo_problems, fail_write
from factcheck.load.corpus import ENTITIES_FILE, read_claims_file
from factcheck.load.paths import PathRefused
from factcheck.load.problems import ProblemsError
from factcheck.load.write import WriteError
from factcheck.model import EntityKind
from factcheck.report.escape import terminal_line, terminal_path

if TYPE_CHECKING:
    from factcheck.extract.entity_file import Accepted
    from factcheck.extract.proposals import Proposal

# Extraction (dateparser, the cue lexicons: a third of a second) is imported where a command runs it, not by
# `factcheck entities --help`: `factcheck.extract` imports every part of the pipeline.


@click.group(cls=ConfiguredGroup)
def entities() -> None:
    """Review the entities extraction proposes and accept them into the entity file."""


_PATHS = click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
_ENTITIES = click.option("--entities", "entities_path", type=click.Path(dir_okay=False, path_type=Path),
                         help="The entity file (default: entities.yaml beside the claims).")


@entities.command("propose")
@_PATHS
@_ENTITIES
@click.option("--format", "output_format", type=click.Choice(["text", "yaml", "json"]), default="text",
              show_default=True, help="yaml: an entity file of the proposals, to edit by hand.")
def propose(paths: tuple[Path, ...], entities_path: Path | None, output_format: str) -> None:
    """Entities extraction proposes for PATHS (claims files, folders of them, or article texts; default
    `claims`), with the sentences they come from."""
    from factcheck.extract.ingest import dump_proposals

    proposals, _ = _collect(paths, entities_path)
    if output_format == "yaml":
        click.echo(dump_proposals([p.entity for p in proposals]), nl=False)
    elif output_format == "json":
        click.echo(json.dumps([_as_json(p) for p in proposals], indent=2, ensure_ascii=False))
    else:
        _echo_text(proposals)
    sys.exit(EXIT_OK)


@entities.command("accept")
@click.argument("ids", nargs=-1)
@click.option("--all", "accept_all", is_flag=True, help="Accept every proposal.")
@click.option("--kind", type=click.Choice([k.value for k in EntityKind]), help="The kind to give the accepted IDS.")
@click.option("--as", "alias_of", metavar="ENTITY_ID",
              help="Add the names of IDS as aliases of this entity of the file, instead of new entities.")
@click.option("--claims", "paths", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="Where the proposals come from: claims files, folders, article texts (default: claims).")
@_ENTITIES
@click.option("--no-refresh", is_flag=True, help="Do not re-extract the claims files the proposals came from.")
def accept_command(ids: tuple[str, ...], accept_all: bool, kind: str | None, alias_of: str | None,
                   paths: tuple[Path, ...], entities_path: Path | None, no_refresh: bool) -> None:
    """Write proposals IDS (or --all) into the entity file, then re-extract the claims that used them."""
    from factcheck.extract.entity_file import AcceptError, accept

    if bool(ids) == accept_all:
        raise click.UsageError("name the proposals to accept (IDS), or give --all")
    if alias_of and kind:
        raise click.UsageError("--as adds names to an existing entity, whose kind stays: drop --kind")
    proposals, folder = _collect(paths, entities_path)
    by_id = {p.entity.id: p for p in proposals}
    unknown = [i for i in ids if i not in by_id]
    if unknown:
        listed = ", ".join(by_id) or "none"
        _fail(f"not proposed: {', '.join(unknown)} (proposals now: {listed}; see `factcheck entities propose`)")
    chosen = [by_id[i] for i in ids] if ids else proposals
    if not chosen:
        click.echo("nothing to accept: extraction proposes no entities")
        sys.exit(EXIT_OK)
    target = entities_path or folder / ENTITIES_FILE
    if target.suffix not in (".yaml", ".yml"):
        _fail(f"{target}: an entity file is YAML: give --entities a name ending in .yaml")
    entities_list = [p.entity.model_copy(update={"kind": EntityKind(kind)}) if kind else p.entity for p in chosen]
    try:
        result = accept(target, entities_list, alias_of=alias_of)
    except AcceptError as error:
        _fail(str(error))
    except ProblemsError as error:
        echo_problems(error.problems)
        sys.exit(EXIT_USAGE)
    except WriteError as error:
        fail_write(error)
    _echo_accepted(target, result, alias_of)
    if not no_refresh:
        _refresh(sorted({s for p in chosen for s in p.sources if s.suffix in (".yaml", ".yml")}), entities_path)
    sys.exit(EXIT_OK)


def _collect(paths: tuple[Path, ...], entities_path: Path | None) -> tuple[list[Proposal], Path]:
    from factcheck.extract.proposals import collect_proposals
    from factcheck.extract.source import SourceError

    try:
        return collect_proposals(list(paths) or [Path("claims")], entities_path=entities_path)
    except ProblemsError as error:
        echo_problems(error.problems)
        sys.exit(EXIT_USAGE)
    except PathRefused as error:
        _fail(f"E005 source.text refused: {error.reason}")
    except (OSError, UnicodeDecodeError, SourceError) as error:
        _fail(str(error))


def _fail(message: str) -> None:
    click.echo(terminal_line(f"error: {message}"), err=True)
    sys.exit(EXIT_USAGE)


def _echo_text(proposals: list[Proposal]) -> None:
    if not proposals:
        click.echo("no proposals: the entity file knows every name extraction uses")
        return
    for proposal in proposals:
        entity = proposal.entity
        roles = "; ".join(r.title + (f", of {r.organisation}" if r.organisation else "") for r in entity.roles)
        aliases = f" (also {', '.join(entity.aliases)})" if entity.aliases else ""
        click.echo(terminal_line(f"{entity.id}: {entity.name}{aliases} ({entity.kind.value})"
                                 + (f", role: {roles}" if roles else "")))
        for where in proposal.sentences:
            click.echo(f"  {terminal_path(str(where.path))}:{where.line}: {terminal_line(where.text)}")
    count = len(proposals)
    click.echo(f"{count} proposed entit{'y' if count == 1 else 'ies'}: accept with `factcheck entities accept ID ...` "
               "(--kind KIND, --as ENTITY_ID) or `--all`")


def _as_json(proposal: Proposal) -> dict:
    entity = proposal.entity.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    return entity | {"kind": proposal.entity.kind.value, "sources": [str(s) for s in proposal.sources],
                     "sentences": [{"path": str(w.path), "line": w.line, "text": w.text} for w in proposal.sentences]}


def _echo_accepted(target: Path, result: Accepted, alias_of: str | None) -> None:
    where = terminal_path(str(target))
    if alias_of:
        names = ", ".join(result.aliases) or "no new names"
        click.echo(terminal_line(f"wrote {where}: {names} added to the aliases of {alias_of}"))
    else:
        verb = "created" if result.created else "wrote"
        click.echo(terminal_line(f"{verb} {where}: {len(result.added)} entities added ({', '.join(result.added)})"))
    for entity_id, organisation in result.dropped_roles:
        click.echo(terminal_line(f"  {entity_id}: role organisation {organisation} left out (not in the entity file; "
                                 "accept it too, then add it to the role)"))
    if result.rewritten:
        click.echo("  the file was written anew (its entities list is written inline): its comments are gone")


def _refresh(claims_paths: list[Path], entities_path: Path | None) -> None:
    """Re-extract each claims file from its source with the new entity file (reviewed claims kept)."""
    from factcheck.extract.ingest import ingest
    from factcheck.extract.source import SourceError

    for claims_path in claims_paths:
        try:
            source = read_claims_file(claims_path).source
            text_path = claims_path.parent / source.text
            options = {"id": source.id, "published": source.published, "publisher": source.publisher,
                       "title": source.title, "url": source.url, "authors": list(source.authors or [])}
            result = ingest(text_path, options, output=claims_path, entities_path=entities_path, prune=True)
        except (ProblemsError, SourceError, WriteError, OSError) as error:
            click.echo(terminal_line(f"  {claims_path}: not re-extracted: {error}"), err=True)
            continue
        summary = result.merge.summary() if result.merge else "written"
        click.echo(terminal_line(f"re-extracted {terminal_path(str(claims_path))}: {summary}"))


COMMANDS = [entities]

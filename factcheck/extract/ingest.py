"""Ingest one article: read it, extract its claims, merge them into its claims file, write atomically.

This is everything `factcheck extract` does, as one call (`ingest`), so the command only parses
arguments and prints the result. Nothing is written unless the result validates against the model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.extract.merge import MergeReport, merge_claims
from factcheck.extract.output import render
from factcheck.extract.pipeline import extract
from factcheck.extract.project import load_project
from factcheck.extract.source import SourceError, read_input, read_sidecar, source_block
from factcheck.load.corpus import read_claims_file
from factcheck.load.write import dump_yaml, write_atomic
from factcheck.model import ClaimsFile, Entity, PartialDate, Source

REQUIRED = ("id", "publisher", "title", "published")


@dataclass(frozen=True)
class IngestResult:
    output: Path
    claims_file: ClaimsFile
    text_path: Path
    html: bool
    proposals: list[Entity] = field(default_factory=list)
    merge: MergeReport | None = None
    dropped: int = 0


def metadata(path: Path, options: dict[str, Any], page: dict[str, Any] | None = None) -> dict[str, Any]:
    """The page's own metadata (HTML), overridden by the sidecar's, overridden by the options that
    were given; missing required keys are an error."""
    meta = dict(page or {})
    meta.update(read_sidecar(path))
    meta.update({key: value for key, value in options.items() if value not in (None, (), [])})
    missing = [key for key in REQUIRED if not meta.get(key)]
    if missing:
        names = ", ".join(f"--{key}" for key in missing)
        raise SourceError(f"missing {names}: give it on the command line or in {path.stem}.meta.yaml")
    try:
        meta["published"] = PartialDate.coerce(meta["published"])
    except ValueError as error:
        raise SourceError(f"published: {error}") from error
    return meta


def ingest(path: Path, options: dict[str, Any], *, output: Path | None = None, entities_path: Path | None = None,
           cues_path: Path | None = None, prune: bool = False) -> IngestResult:
    source_input = read_input(path)
    meta = metadata(path, options, source_input.page_metadata)
    output = output or Path("claims") / f"{meta['id']}.yaml"
    project = load_project(output.parent, entities_path=entities_path, cues_path=cues_path)
    text_path = output.with_suffix(".txt") if source_input.html else path
    source = Source.model_validate(source_block(meta, source_input.text, text_path, output))
    extraction = extract(source_input.text, source, project.entities, project.vocabulary, project.cues)
    claims_file, report, existing_text = extraction.claims_file, None, None
    added = list(claims_file.claims)
    if output.is_file():
        existing = read_claims_file(output)
        if existing.source.id != source.id:
            raise SourceError(f"{output} holds the claims of source {existing.source.id!r}, not {source.id!r}: "
                              "choose another output file (-o)")
        existing_text = output.read_text(encoding="utf-8")
        claims_file, report = merge_claims(existing, extraction.claims_file, prune=prune)
        added = [c for c in claims_file.claims if c.id in set(report.added)]
    in_place = report is not None and not report.pruned and not report.text_changed
    text = render(claims_file, added, existing_text, in_place=in_place)
    if source_input.html:
        write_atomic(text_path, source_input.text)
    write_atomic(output, text)
    return IngestResult(output, claims_file, text_path, source_input.html, extraction.proposals, report,
                        len(extraction.dropped))


def write_proposals(path: Path, proposals: list[Entity]) -> None:
    """Proposed entities as an entity file of their own (never the project's entities.yaml)."""
    header = ("# Entities proposed by `factcheck extract` for names it could not resolve. Check each one,\n"
              "# then move it into entities.yaml (or add the name as an alias of an existing entity).\n")
    data = {"entities": [p.model_dump(mode="json", exclude_none=True, exclude_defaults=True) | {"kind": p.kind.value}
                         for p in proposals]}
    write_atomic(path, header + dump_yaml(data))

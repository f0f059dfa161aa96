"""Ingest one article: read it, extract its claims, merge them into its claims file, write atomically.

This is everything `factcheck extract` does, as one call (`ingest`), so the command only parses
arguments and prints the result. Nothing is written unless the result validates against the model.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.extract.merge import MergeReport, merge_claims
from factcheck.extract.output import render
from factcheck.extract.pipeline import extract
from factcheck.extract.project import load_project
from factcheck.extract.source import STDIN, SourceError, read_input, read_sidecar, source_block
from factcheck.load.corpus import read_claims_file
from factcheck.load.problems import ProblemsError
from factcheck.load.write import (OutputRefused, check_claims_output, check_proposals_output, check_text_output,
                                  describe_file, dump_yaml, file_lock, is_stdout, write_atomic)
from factcheck.model import ClaimsFile, Entity, PartialDate, Source

REQUIRED = ("id", "publisher", "title", "published")


@dataclass(frozen=True)
class IngestResult:
    output: Path
    claims_file: ClaimsFile
    text_path: Path
    html: bool  # the text was written beside the claims file (an HTML page's main text, or standard input)
    proposals: list[Entity] = field(default_factory=list)
    merge: MergeReport | None = None
    dropped: int = 0
    rendered: str | None = None  # the claims file's text when it went to standard output (`-o -`)


def metadata(path: Path, options: dict[str, Any], page: dict[str, Any] | None = None) -> dict[str, Any]:
    """The page's own metadata (HTML), overridden by the sidecar's, overridden by the options that
    were given; missing required keys are an error."""
    meta = dict(page or {})
    meta.update(read_sidecar(path))
    meta.update({key: value for key, value in options.items() if value not in (None, (), [])})
    missing = [key for key in REQUIRED if not meta.get(key)]
    if missing:
        names = ", ".join(f"--{key}" for key in missing)
        raise SourceError(f"missing {names}: give it on the command line" +
                          ("" if path == STDIN else f" or in {path.stem}.meta.yaml"))
    try:
        meta["published"] = PartialDate.coerce(meta["published"])
    except ValueError as error:
        raise SourceError(f"published: {error}") from error
    return meta


def ingest(path: Path, options: dict[str, Any], *, output: Path | None = None, entities_path: Path | None = None,
           cues_path: Path | None = None, prune: bool = False) -> IngestResult:
    source_input = read_input(path)
    meta = metadata(path, options, source_input.page_metadata)
    to_stdout = is_stdout(output)
    output = Path("claims") / f"{meta['id']}.yaml" if output is None or to_stdout else output
    if to_stdout and source_input.saved_beside:
        what = "a page's text" if source_input.html else "the text read from standard input"
        raise SourceError(f"-o -: {what} must be saved beside its claims file; give -o a claims file")
    if not to_stdout:
        check_claims_output(output, source_path=path)
    project = load_project(output.parent, entities_path=entities_path, cues_path=cues_path)
    text_path = output.with_suffix(".txt") if source_input.saved_beside else path
    source = Source.model_validate(source_block(meta, source_input.text, text_path, output))
    extraction = extract(source_input.text, source, project.entities, project.vocabulary, project.cues)
    if to_stdout:
        text = render(extraction.claims_file, list(extraction.claims_file.claims), None, in_place=False)
        return IngestResult(output, extraction.claims_file, text_path, False, extraction.proposals,
                            dropped=len(extraction.dropped), rendered=text)
    with file_lock(output):  # a concurrent extract into the same file waits, then merges into ours
        claims_file, report, text = _merged(output, extraction.claims_file, source_input.text, path, text_path,
                                            html=source_input.saved_beside, prune=prune, known=project.entities)
        if source_input.saved_beside:
            write_atomic(text_path, source_input.text)
        write_atomic(output, text)
    return IngestResult(output, claims_file, text_path, source_input.saved_beside, extraction.proposals, report,
                        len(extraction.dropped))


def _merged(output: Path, extracted: ClaimsFile, page_text: str, path: Path, text_path: Path, *, html: bool,
            prune: bool, known: Container[str]) -> tuple[ClaimsFile, MergeReport | None, str]:
    """The claims file to write: the extraction merged into what `output` holds now (read under the lock).
    `known` holds the project's entity ids: a subject a person chose from them is an edit to keep."""
    claims_file, report, existing_text, named = extracted, None, None, None
    added = list(claims_file.claims)
    if output.is_file():
        try:
            existing = read_claims_file(output)
        except ProblemsError:
            if describe_file(output) == "a claims file":
                raise  # a claims file with mistakes: its problems say what to fix
            raise OutputRefused(output, f"it is {describe_file(output)}, not a claims file") from None
        if existing.source.id != extracted.source.id:
            raise SourceError(f"{output} holds the claims of source {existing.source.id!r}, not "
                              f"{extracted.source.id!r}: choose another output file (-o)")
        named = output.parent / existing.source.text
        existing_text = output.read_text(encoding="utf-8")
        claims_file, report = merge_claims(existing, extracted, prune=prune, known=known)
        added = [c for c in claims_file.claims if c.id in set(report.added)]
    if html:
        check_text_output(text_path, page_text, source_path=path, named=named)
    in_place = report is not None and not report.pruned and not report.text_changed
    return claims_file, report, render(claims_file, added, existing_text, in_place=in_place)


def write_proposals(path: Path, proposals: list[Entity]) -> None:
    """Proposed entities as an entity file of their own (never the project's entities.yaml)."""
    check_proposals_output(path)
    write_atomic(path, dump_proposals(proposals))


def dump_proposals(proposals: list[Entity]) -> str:
    """The text of a proposals file; its first line is `PROPOSALS_MARKER`, so a later run may replace it."""
    header = ("# Entities proposed by `factcheck extract` for names it could not resolve. Check each one,\n"
              "# then move it into entities.yaml (or add the name as an alias of an existing entity).\n")
    data = {"entities": [p.model_dump(mode="json", exclude_none=True, exclude_defaults=True) | {"kind": p.kind.value}
                         for p in proposals]}
    return header + dump_yaml(data)

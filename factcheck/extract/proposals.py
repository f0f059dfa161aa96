"""The entities extraction proposes for a project's sources, with the sentences they come from.

Proposals are never stored: they are what extracting the sources again with the current entity file
proposes (`pipeline.extract`), so they are always current: a name accepted into the entity file stops
being proposed, a proposal whose sentence was edited away goes. The sources are the texts of claims
files (`claims/` by default) or article texts named directly (metadata from their sidecar when there
is one; a proposal needs none).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.extract.pipeline import extract
from factcheck.extract.project import load_project
from factcheck.extract.readers.entities import slug
from factcheck.extract.source import read_input, read_sidecar
from factcheck.load.corpus import claims_files_in, is_claims_name, read_claims_file
from factcheck.load.paths import max_text_bytes, read_project_file, root_for
from factcheck.model import Entity, PartialDate, QuoteValue, Source

SENTENCES_SHOWN = 3
CONTEXT_CHARS = 40  # shown before a name; twice that after it


@dataclass(frozen=True)
class Where:
    """A sentence a proposal comes from: the source text, its line, the words."""

    path: Path
    line: int
    text: str


@dataclass
class Proposal:
    entity: Entity
    sources: list[Path] = field(default_factory=list)  # the claims files (or texts) whose extraction proposed it
    sentences: list[Where] = field(default_factory=list)


@dataclass(frozen=True)
class Input:
    """One source to extract: its text, the claims file it belongs to (None for a bare text)."""

    text_path: Path
    text: str
    source: Source
    claims_path: Path | None


def collect_proposals(paths: list[Path], *, entities_path: Path | None = None) -> tuple[list[Proposal], Path]:
    """The proposals of every source under `paths`, merged by id in order of first appearance, and the
    project folder whose entity file they are for."""
    inputs = [read_source(path) for path in _sources(paths)]
    folder = _project_folder(paths, inputs)
    project = load_project(folder, entities_path=entities_path)
    found: dict[str, Proposal] = {}
    for source in inputs:
        extraction = extract(source.text, source.source, project.entities, project.vocabulary, project.cues)
        for entity in extraction.proposals:
            proposal = found.setdefault(entity.id, Proposal(entity))
            proposal.sources.append(source.claims_path or source.text_path)
            proposal.sentences += _sentences(source, extraction.claims_file.claims, entity, extraction.proposals)
    return list(found.values()), folder


def read_source(path: Path) -> Input:
    """A claims file's source text (confined to its project, as `validate` reads it), or a bare text."""
    if is_claims_name(path):
        claims_file = read_claims_file(path)
        text_path = path.parent / claims_file.source.text
        raw = read_project_file(text_path, max_bytes=max_text_bytes(), root=root_for(path))
        return Input(text_path, raw.decode("utf-8"), claims_file.source, path)
    read = read_input(path)
    meta = read_sidecar(path)
    source = Source(id=meta.get("id") or slug(path.stem) or "source", publisher=meta.get("publisher") or "unknown",
                    title=meta.get("title") or path.stem,
                    published=PartialDate.coerce(meta.get("published") or dt.date.today().isoformat()),
                    text=path.name, sha256="0" * 64)
    return Input(path, read.text, source, None)


def _sources(paths: list[Path]) -> list[Path]:
    files = [p for p in paths if p.is_file() and not is_claims_name(p)]
    return claims_files_in([p for p in paths if p not in files]) + files


def _project_folder(paths: list[Path], inputs: list[Input]) -> Path:
    """The folder of the first claims file, else the first folder named, else `claims`."""
    for source in inputs:
        if source.claims_path is not None:
            return source.claims_path.parent
    return next((p for p in paths if p.is_dir()), Path("claims"))


def _sentences(source: Input, claims: list, entity: Entity, proposals: list[Entity]) -> list[Where]:
    """The lines a proposal was used in (by the claims naming it, or naming a person whose office it is the
    place of), each cut around the first of its names there, first ones first."""
    people = {p.id for p in proposals if any(r.organisation == entity.id for r in p.roles)}
    found: dict[int, Where] = {}
    for claim in claims:
        value = claim.value
        named = {claim.subject} | ({value.speaker, value.organisation} if isinstance(value, QuoteValue) else set())
        if not (entity.id in named or named & people):
            continue
        line = source.text.count("\n", 0, claim.evidence.start) + 1
        if line not in found:
            found[line] = Where(Path(os.path.normpath(source.text_path)), line, _around(source.text, claim.evidence.start,
                                                                                      entity))
        if len(found) == SENTENCES_SHOWN:
            break
    return list(found.values())


def _around(text: str, offset: int, entity: Entity) -> str:
    """The words of the line at `offset` around the first of the entity's names (or their last words) in it."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start:len(text) if end < 0 else end]
    words = [n for n in entity.names()] + [n.split()[-1] for n in entity.names() if len(n.split()) > 1]
    at = min((i for i in (line.find(w) for w in words) if i >= 0), default=offset - start)
    begin = max(0, at - CONTEXT_CHARS)
    shown = line[begin:at + CONTEXT_CHARS * 2]
    return ("…" if begin else "") + shown.strip() + ("…" if at + CONTEXT_CHARS * 2 < len(line) else "")

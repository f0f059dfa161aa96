"""Load a project's claims, entities and vocabulary, and check everything that ties them together.

`load_corpus` is the one way in: it reads every file, validates each against the model, then checks
what no single file can: ids that must be unique, entity ids that must exist, properties that must be
in the vocabulary, and evidence that must stand at its offsets in an unchanged source text. Every
problem of every file is collected; the caller gets a `Corpus` or a `ProblemsError` with all of them.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from itertools import chain
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from factcheck.load.cache import ClaimsCache, context_sha, open_cache, sha256_hex, validated
from factcheck.load.document import YamlDocument, load_trusted_yaml, max_yaml_bytes, read_yaml
from factcheck.load.fast import paused_gc, read_yaml_fast
from factcheck.load.parse_pool import CHUNK, FileParser, load_jobs
from factcheck.load.paths import PathRefused, list_folder, read_project_file, refused_folders, root_for
from factcheck.load.problems import Problem, ProblemsError, closest, display_path
from factcheck.load.schema_errors import validate_document, validate_items
from factcheck.load.source_text import AbsoluteSourcePath, check_source_text, locate_offset_problems, read_source_bytes
from factcheck.model import (
    CLAIM_KINDS,
    ClaimsFile,
    EntitiesFile,
    PropertyDef,
    QuoteValue,
    ScopeValue,
    Source,
    StatementValue,
    VocabularyFile,
)
from factcheck.model.entity_index import EntityIndex, alias_key
from factcheck.model.sourced import SourcedClaim, attach_source

ENTITIES_FILE = "entities.yaml"
VOCABULARY_FILE = "vocabulary.yaml"
CUES_FILE = "cues.yaml"  # a project's cue lexicon for `extract` (docs/extraction.md)
RESERVED = {ENTITIES_FILE, VOCABULARY_FILE}  # project files that can change any verdict
NOT_CLAIMS = RESERVED | {CUES_FILE}  # files beside the claims that are never claims files


@dataclass(frozen=True)
class SourceDocument:
    """A validated claims file with its source text."""

    path: Path
    claims_file: ClaimsFile
    text: str | None
    claim_lines: dict[str, int] = field(default_factory=dict)

    @property
    def shown_path(self) -> str:
        return display_path(self.path)

    def sourced_claims(self) -> list[SourcedClaim]:
        return list(self._sourced)

    @cached_property
    def _sourced(self) -> tuple[SourcedClaim, ...]:
        """Made once: every caller (the engine, the gate, each shard) then shares one object per claim."""
        return attach_source(self.claims_file.claims, self.claims_file.source, self.shown_path, self.claim_lines)


@dataclass(frozen=True)
class Corpus:
    """Everything the engine needs: sources with their claims, entities, and the vocabulary."""

    documents: list[SourceDocument]
    entities: EntityIndex
    vocabulary: dict[str, PropertyDef]

    def claims(self) -> list[SourcedClaim]:
        return list(self._claims)

    @cached_property
    def _claims(self) -> tuple[SourcedClaim, ...]:
        return tuple(chain.from_iterable(document._sourced for document in self.documents))


def is_claims_name(path: Path) -> bool:
    """Whether a file may be a claims file by its name: YAML, and not the entity file, the vocabulary
    or the cue lexicon that live beside the claims (those are read as what they are, never as claims)."""
    return path.suffix in (".yaml", ".yml") and path.name not in NOT_CLAIMS


def claims_files_in(paths: list[Path]) -> list[Path]:
    """The claims files named by `paths`: files as given, directories searched (not recursively).
    The entity file, vocabulary and cue lexicon are left out even when named (a pre-commit hook names
    every changed file); the first two are still read, as the project's files beside the claims.
    A directory that resolves outside its root is not listed (`refused_folders` says so)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            try:
                entries = list_folder(path)
            except (PathRefused, OSError):
                continue
            found.extend(p for p in entries if is_claims_name(p))
        elif path.name not in NOT_CLAIMS:
            found.append(path)
    # A file named twice (`claims claims/a.yaml`, `a.yaml ./a.yaml`) is read once, not taken for a
    # second source with the same id; symlinks are not resolved, so a link stays a file of its own.
    unique: dict[str, Path] = {}
    for path in found:
        unique.setdefault(os.path.abspath(path), path)
    return list(unique.values())


def project_file(paths: list[Path], name: str) -> Path | None:
    """`name` beside the claims; it is returned when anything is there (a FIFO or a symlink too), so
    that the reader refuses it aloud rather than skipping it."""
    for path in paths:
        folder = path if path.is_dir() else path.parent
        if os.path.lexists(folder / name):
            return folder / name
    return None


def load_corpus(paths: list[Path], *, entities_path: Path | None = None, cache: bool = False,
                progress: Callable[[int, int], None] | None = None, only: list[Path] | None = None) -> Corpus:
    """Load claims files (and the entity file and vocabulary beside them); raise ProblemsError on any
    mistake. With `cache`, files validated before with the same inputs come from the project's cache
    (`cache.py`), and files validated now are kept in it. `progress(done, total)` as each claims file is read.
    With `only`, just those claims files are read (the gate reads the rest from the cache's index)."""
    opened = open_cache(cache_context(paths, entities_path)) if cache else None
    try:
        return _load_corpus(paths, entities_path, opened, progress, only)
    finally:
        if opened is not None:
            opened.close()


def cache_context(paths: list[Path], entities_path: Path | None) -> str:
    """The cache's context for a load of `paths`: the entity file and the vocabulary beside them."""
    return context_sha(_file_bytes(entities_path or project_file(paths, ENTITIES_FILE)),
                       _file_bytes(project_file(paths, VOCABULARY_FILE)))


def _load_corpus(paths: list[Path], entities_path: Path | None, cache: ClaimsCache | None,
                 progress: Callable[[int, int], None] | None, only: list[Path] | None = None) -> Corpus:
    problems: list[Problem] = []
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise ProblemsError([Problem(display_path(p), 0, 0, "E002", "no such file or directory") for p in missing])
    problems.extend(refused_folders(paths))
    entities_path = entities_path or project_file(paths, ENTITIES_FILE)
    entities = load_entities(entities_path, problems)
    vocabulary = load_vocabulary(project_file(paths, VOCABULARY_FILE), problems)
    documents: list[SourceDocument] = []
    source_ids: dict[str, SourceDocument] = {}  # its path shown only when an id is used twice (it resolves the path)
    files = claims_files_in(paths) if only is None else only
    with paused_gc(keep=True):
        for done, (path, root, loaded, fast, sha) in enumerate(_read_claims(files, cache), start=1):
            if progress is not None:
                progress(done, len(files))
            found: list[Problem] = []
            if loaded is None:
                loaded, found = load_source(fast, entities, vocabulary, root) if fast is not None else (None, [])
                if fast is None or found:  # only the line-tracking reader reports problems, located
                    loaded, found = load_source(read_yaml(path, root=root), entities, vocabulary, root)
                if cache is not None and sha is not None and loaded is not None and not found:
                    remember(cache, loaded, sha)
            problems.extend(found)
            if loaded is None:
                continue
            source_id = loaded.claims_file.source.id
            if source_id in source_ids:
                first = source_ids[source_id].shown_path
                problems.append(read_yaml(path).problem(("source", "id"), "R004",
                                                        f"source id {source_id!r} is already used by {first}"))
            source_ids.setdefault(source_id, loaded)
            documents.append(loaded)
    if problems:
        raise ProblemsError(problems)
    return Corpus(documents, entities, vocabulary)


def _file_bytes(path: Path | None) -> bytes | None:
    """A project file's bytes for the cache's context (None when absent or unreadable: then the
    loader reports it, and the cache keys on its absence)."""
    return _claims_bytes(path) if path is not None else None


def _read_claims(files: list[Path], cache: ClaimsCache | None
                 ) -> Iterator[tuple[Path, Path | None, SourceDocument | None, YamlDocument | None, str | None]]:
    """Each claims file, in order, with its root: from the cache (a hit), or else as the fast path read
    it (None when it declined) with the sha256 of its bytes (for the cache; None without one). Files
    are taken a chunk at a time; a large load's misses are parsed in worker processes (`parse_pool`)
    while this process validates the chunks before them."""
    roots: dict[str, Path] = {}
    parser = FileParser(load_jobs(), expected=len(files), sha=cache is not None)
    window: deque[list[tuple[Path, Path | None, SourceDocument | None, str | None]]] = deque()
    try:
        for start in range(0, len(files), CHUNK):
            chunk, misses = [], []
            for path in files[start:start + CHUNK]:
                root = _root_of(path, roots)
                raw = _claims_bytes(path, root) if cache is not None else None
                sha = sha256_hex(raw) if raw is not None else None
                hit = cached_source(cache, path, root, sha) if cache is not None and sha is not None else None
                chunk.append((path, root, hit, sha if hit is None else None))
                if hit is None:
                    misses.append((path, root, raw))
            if misses:
                parser.submit(misses)
            window.append(chunk)
            while len(window) > parser.ahead:
                yield from _finish(window.popleft(), parser)
        while window:
            yield from _finish(window.popleft(), parser)
    finally:
        parser.close()


def _finish(chunk: list[tuple[Path, Path | None, SourceDocument | None, str | None]], parser: FileParser
            ) -> Iterator[tuple[Path, Path | None, SourceDocument | None, YamlDocument | None, str | None]]:
    """A chunk's files in order: its hits as they are, its misses as the parser read them. With a cache,
    a file the worker read otherwise than this process hashed it (changed meanwhile) is read again by
    `read_yaml`, as a file the fast path declines."""
    parsed = parser.results() if any(hit is None for _, _, hit, _ in chunk) else iter(())
    for path, root, hit, sha in chunk:
        if hit is not None:
            yield path, root, hit, None, None
            continue
        read = next(parsed)
        fast = read.document if read.sha256 is None or read.sha256 == sha else None  # None: this sha's bytes
        yield path, root, None, fast, sha


def _claims_bytes(path: Path, root: Path | None = None) -> bytes | None:
    try:
        return read_project_file(path, max_bytes=max_yaml_bytes(), root=root)
    except (PathRefused, OSError):
        return None


def _root_of(path: Path, roots: dict[str, Path]) -> Path | None:
    """`root_for(path)`, found once per folder: for anything but a directory it depends on the folder
    alone (`paths.root_for`), and finding it costs more than reading the file (two `realpath`s and a
    walk up to `.git`). None for a directory, or when it cannot be found: each reader finds its own."""
    try:
        if os.path.isdir(path):
            return None
        folder = os.path.dirname(os.path.abspath(path))
        if folder not in roots:
            roots[folder] = root_for(path)
    except OSError:
        return None
    return roots[folder]


def cached_source(cache: ClaimsCache, path: Path, root: Path | None, sha: str) -> SourceDocument | None:
    """The claims file from the cache when its bytes (of sha256 `sha`), its source text and the context
    are unchanged."""
    texts: dict[str, bytes] = {}

    def text_sha(text_path: str) -> str | None:
        try:
            texts[text_path] = read_source_bytes(path, text_path, root)
        except (AbsoluteSourcePath, PathRefused, OSError):
            return None
        return sha256_hex(texts[text_path])

    hit = cache.lookup(Path(os.path.abspath(path)), sha, text_sha)
    claims_file = validated(hit.model_json, ClaimsFile) if hit is not None else None
    if hit is None or not isinstance(claims_file, ClaimsFile) or claims_file.source.text not in texts:
        return None
    text = texts[claims_file.source.text].decode("utf-8", errors="replace")
    return SourceDocument(path, claims_file, text, hit.lines)


def remember(cache: ClaimsCache, loaded: SourceDocument, sha: str) -> None:
    """Keep a file that loaded with no problem (so its source text's hash is the one it names), under
    the sha256 of the claims file's bytes."""
    source = loaded.claims_file.source
    cache.store(Path(os.path.abspath(loaded.path)), sha, source.text, source.sha256,
                loaded.claims_file.model_dump_json(), loaded.claim_lines, source.id)


def load_source(document: YamlDocument, entities: EntityIndex, vocabulary: dict[str, PropertyDef],
                root: Path | None = None) -> tuple[SourceDocument | None, list[Problem]]:
    """One claims file checked on its own and against the entities and vocabulary: the source with its
    claims when it is valid, and every problem found (None and no problem for a file of entities).
    `root`: the claims file's root, when the caller found it already (else the reader finds it)."""
    problems: list[Problem] = []
    if is_entity_list(document):
        return None, problems
    problems.extend(document.problems)
    if any(p.code in ("Y001", "Y002") for p in document.problems):
        return None, problems
    claims_file, schema_problems = validate_document(document, ClaimsFile)
    if claims_file is None:
        # Still check what is valid, so one run reports every problem.
        source = _valid_source(document)
        claims = validate_items(document, ClaimsFile, "claims")
        text = check_source_text(document, source, claims, problems, root) if source is not None else None
        problems.extend(locate_offset_problems(document, text, schema_problems))
        problems.extend(check_claims(document, claims, entities, vocabulary))
        return None, problems
    problems.extend(schema_problems)
    assert isinstance(claims_file, ClaimsFile)
    numbered = list(enumerate(claims_file.claims))
    text = check_source_text(document, claims_file.source, numbered, problems, root)
    problems.extend(check_claims(document, numbered, entities, vocabulary))
    found = document.claim_lines  # the fast path's: each claim's line, in order, and no other place
    if found is not None and len(found) == len(numbered) and not document.locations:
        lines = {claim.id: line for (_, claim), line in zip(numbered, found)}
    else:
        placed = document.locations  # each claim's place, looked up directly (`locate` walks up only when it is missing)
        lines = {claim.id: (placed.get(("claims", index)) or document.locate(("claims", index)))[0]
                 for index, claim in numbered}
    return SourceDocument(document.path, claims_file, text, lines), problems


def is_entity_list(document: YamlDocument) -> bool:
    """A file of entities and nothing else (the proposals `extract --propose-entities` writes, kept
    beside the claims): not a claims file, so not read as one."""
    data = document.data
    return isinstance(data, dict) and "entities" in data and not {"source", "claims"} & set(data)


def read_claims_file(path: Path) -> ClaimsFile:
    """One claims file, validated on its own (no entity or evidence checks); ProblemsError on mistakes."""
    document = read_yaml(path)
    if document.problems:
        raise ProblemsError(document.problems)
    parsed, problems = validate_document(document, ClaimsFile)
    if problems or not isinstance(parsed, ClaimsFile):
        raise ProblemsError(problems)
    return parsed


def load_entities(path: Path | None, problems: list[Problem]) -> EntityIndex:
    """The entity file's entities (the valid ones, when some are not), its mistakes added to `problems`.
    Read by the fast path when it can; a file with any mistake is read again by `read_yaml`, which locates it."""
    if path is None:
        return EntityIndex()
    fast = read_yaml_fast(path)
    if fast is not None:
        found: list[Problem] = []
        index = _entities_of(fast, found)
        if not found:
            return index
    return _entities_of(read_yaml(path), problems)


def _entities_of(document: YamlDocument, problems: list[Problem]) -> EntityIndex:
    problems.extend(document.problems)
    parsed, schema_problems = validate_document(document, EntitiesFile)
    problems.extend(schema_problems)
    if parsed is not None:
        assert isinstance(parsed, EntitiesFile)
        numbered = list(enumerate(parsed.entities))
    else:  # keep the valid entities, so claims are not flooded with "unknown entity"
        numbered = validate_items(document, EntitiesFile, "entities")
    index = EntityIndex(entity for _, entity in numbered)
    seen: dict[str, int] = {}
    aliases: dict[str, str] = {}
    for position, entity in numbered:
        where = ("entities", position)
        if entity.id in seen:
            problems.append(document.problem(where + ("id",), "R004", f"entity id {entity.id!r} is defined twice"))
        seen.setdefault(entity.id, position)
        for name in entity.names():
            owner = aliases.setdefault(alias_key(name), entity.id)
            if owner != entity.id:
                problems.append(document.problem(where, "R005", f"the name {name!r} is used by both {owner!r} and "
                                                 f"{entity.id!r}: a name must resolve to one entity"))
        references = [("part_of",), *[("roles", i, "organisation") for i in range(len(entity.roles))]]
        for reference in references:
            target = _get(entity.model_dump(), reference)
            if target is not None and target not in index:
                problems.append(document.problem(where + reference, "R001", _unknown_entity(target, index)))
    return index


def load_vocabulary(path: Path | None, problems: list[Problem]) -> dict[str, PropertyDef]:
    shipped = resources.files("factcheck").joinpath("data", VOCABULARY_FILE).read_text(encoding="utf-8")
    vocabulary = {p.id: p for p in VocabularyFile.model_validate(load_trusted_yaml(shipped)).properties}
    if path is None:
        return vocabulary
    document = read_yaml(path)
    problems.extend(document.problems)
    parsed, schema_problems = validate_document(document, VocabularyFile)
    problems.extend(schema_problems)
    if parsed is not None:
        assert isinstance(parsed, VocabularyFile)
        for position, definition in enumerate(parsed.properties):
            unknown = sorted(set(definition.kinds) - set(CLAIM_KINDS))
            if unknown:
                problems.append(document.problem(("properties", position, "kinds"), "S001",
                                                 f"unknown claim kind(s) {', '.join(unknown)}"))
            vocabulary[definition.id] = definition
    return vocabulary


def _valid_source(document: YamlDocument) -> Source | None:
    try:
        return Source.model_validate(document.data.get("source"))
    except (ValidationError, AttributeError):
        return None


def check_claims(document: YamlDocument, claims: list[tuple[int, Any]], entities: EntityIndex,
                 vocabulary: dict[str, PropertyDef]) -> list[Problem]:
    """What ties claims to the rest of the project: unique ids, known properties allowed for the kind,
    known entities. `claims` are (position in the file, validated claim)."""
    if _all_known(claims, entities, vocabulary):
        return []  # the usual case, told with a few set operations for the whole file
    problems: list[Problem] = []
    seen: set[str] = set()
    for index, claim in claims:
        where = ("claims", index)
        if claim.id in seen:
            problems.append(document.problem(where + ("id",), "R004", f"claim id {claim.id!r} is used twice in this file"))
        seen.add(claim.id)
        definition = vocabulary.get(claim.property)
        if definition is None:
            match = closest(claim.property, vocabulary)
            hint = f" (did you mean {match!r}?)" if match else f" (add it to {VOCABULARY_FILE})"
            problems.append(document.problem(where + ("property",), "R002", f"unknown property {claim.property!r}{hint}"))
        elif claim.kind not in definition.kinds:
            problems.append(document.problem(where + ("property",), "R003",
                                             f"property {claim.property!r} is for {', '.join(definition.kinds)} claims, "
                                             f"not {claim.kind}"))
        for reference, target in _entity_references(claim.subject, claim.value):
            if target not in entities:
                problems.append(document.problem(where + reference, "R001", _unknown_entity(target, entities)))
    return problems


def _all_known(claims: list[tuple[int, Any]], entities: EntityIndex, vocabulary: dict[str, PropertyDef]) -> bool:
    """Whether `check_claims` finds nothing: ids unique, each distinct (property, kind) allowed, each
    distinct entity named known. Asked once per distinct value, not once per claim."""
    if len({claim.id for _, claim in claims}) != len(claims):
        return False
    for property_id, kind in {(claim.property, claim.kind) for _, claim in claims}:
        definition = vocabulary.get(property_id)
        if definition is None or kind not in definition.kinds:
            return False
    named = {claim.subject for _, claim in claims}
    for value in (claim.value for _, claim in claims):
        if isinstance(value, QuoteValue):
            named.update((value.speaker, value.organisation))
        elif isinstance(value, ScopeValue):
            named.add(value.than)
        elif isinstance(value, StatementValue):
            named.add(value.object)
    named.discard(None)
    return all(target in entities for target in named)


def _entity_references(subject: str, value: Any) -> list[tuple[tuple[str, ...], str]]:
    references = [(("subject",), subject)]
    if isinstance(value, QuoteValue):
        references.append((("value", "speaker"), value.speaker))
        if value.organisation:
            references.append((("value", "organisation"), value.organisation))
    elif isinstance(value, ScopeValue) and value.than:
        references.append((("value", "than"), value.than))
    elif isinstance(value, StatementValue) and value.object:
        references.append((("value", "object"), value.object))
    return references


def _unknown_entity(target: str, entities: EntityIndex) -> str:
    match = closest(target, entities.by_id)
    hint = f" (did you mean {match!r}?)" if match else f" (add it to {ENTITIES_FILE})"
    return f"unknown entity {target!r}{hint}"


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data

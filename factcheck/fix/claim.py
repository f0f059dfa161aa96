"""`factcheck claim add`: write one claim into a source's claims file, its evidence offsets found in the
source text, so nobody counts characters by hand.

The claim is a person's, so its status is `reviewed`. It is validated before anything is written: its
shape against the model, its subject, entities and property against the project's entity file and
vocabulary, its id unique in the file, and its evidence found exactly once in the source text (or the
`occurrence`-th place asked for). It is added at the end of the file's `claims` list, in the file's
own text (`yaml_edit.append_item`), so comments and layout stay; the write is atomic, under the lock
`extract` takes.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from factcheck.fix.yaml_edit import EditRefused, append_item, read_text
from factcheck.load.corpus import (ENTITIES_FILE, VOCABULARY_FILE, check_claims, claims_files_in, load_entities,
                                   load_vocabulary, project_file)
from factcheck.load.document import YamlDocument, format_field_path, read_yaml
from factcheck.load.evidence import Span, describe_places, find_spans
from factcheck.load.paths import PathRefused
from factcheck.load.source_text import AbsoluteSourcePath, read_source_bytes
from factcheck.load.write import dump_yaml, file_lock, write_atomic
from factcheck.model import Claim

# The value field a bare `--value` fills, per kind; quantity and duration also read `AMOUNT UNIT`.
MAIN_FIELD = {"date": "date", "duration": "amount", "quantity": "amount", "quote": "text", "statement": "summary"}
_AMOUNT_UNIT = re.compile(r"^\s*([-+]?[0-9][0-9_,]*(?:\.[0-9]+)?)\s+(\S.*?)\s*$")
_FIELD = re.compile(r"^([a-z_]+)=(.*)$", re.DOTALL)


class ClaimRefused(Exception):
    """The claim cannot be added as asked: each line of `reasons` says why; nothing was written."""

    def __init__(self, reasons: list[str]) -> None:
        super().__init__("\n".join(reasons))
        self.reasons = reasons


@dataclass(frozen=True)
class ClaimRequest:
    """A claim as given on the command line."""

    kind: str
    subject: str
    property: str
    values: tuple[str, ...]  # `FIELD=VALUE`, or one bare value for the kind's main field
    evidence: str
    occurrence: int | None = None  # 1-based: which place of the evidence text, when it occurs several times
    id: str | None = None
    extra: dict[str, str] = field(default_factory=dict)  # qualifier, event, modality, as_of, note


@dataclass(frozen=True)
class AddedClaim:
    path: Path
    claim_id: str
    span: Span


def find_claims_file(source: str, claims_dir: Path) -> Path:
    """The claims file SOURCE names: a claims file itself, or the one in `claims_dir` whose source id is
    SOURCE or whose `source.text` is the file SOURCE."""
    given = Path(source)
    if given.suffix in (".yaml", ".yml") and given.is_file():
        return given
    if not claims_dir.is_dir():
        raise ClaimRefused([f"no claims directory {claims_dir} (give --claims DIR, or the claims file itself)"])
    text_file = given.resolve() if given.is_file() else None
    for path in sorted(claims_files_in([claims_dir])):
        data = read_yaml(path).data
        recorded = data.get("source") if isinstance(data, dict) else None
        if not isinstance(recorded, dict):
            continue
        if recorded.get("id") == source:
            return path
        text = recorded.get("text")
        if text_file is not None and isinstance(text, str) and (path.parent / text).resolve() == text_file:
            return path
    raise ClaimRefused([f"no claims file in {claims_dir} has the source {source!r} (its id, or its text file)"])


def add_claim(path: Path, request: ClaimRequest) -> AddedClaim:
    """Add the requested claim to the claims file at `path`; ClaimRefused says why it cannot be."""
    with file_lock(path):
        document = read_yaml(path)
        if document.problems or not isinstance(document.data, dict):
            raise ClaimRefused([f"{p}" for p in document.problems] or [f"{document.shown_path}: not a claims file"])
        text = _source_text(document)
        span = choose_span(text, request.evidence, request.occurrence)
        data = written(_validate(document, claim_data(request, span, _taken_ids(document.data))))
        original = read_text(path)
        try:
            edited = append_item(original, ("claims",), data, dump_yaml(data))
        except EditRefused as refusal:
            raise ClaimRefused([f"{document.shown_path}: cannot add the claim to the file's text: {refusal}"]) from None
        write_atomic(path, edited)
    return AddedClaim(path, data["id"], span)


def choose_span(source_text: str, words: str, occurrence: int | None) -> Span:
    """The place of the evidence: the only one, or the `occurrence`-th (1-based)."""
    spans = find_spans(source_text, words)
    if not spans:
        raise ClaimRefused(["--evidence: not found in the source text (it must be the source's exact words)"])
    if occurrence is not None:
        if not 1 <= occurrence <= len(spans):
            raise ClaimRefused([f"--occurrence {occurrence}: the evidence text is {describe_places(spans)}"])
        return spans[occurrence - 1]
    if len(spans) > 1:
        raise ClaimRefused([f"--evidence: {describe_places(spans)}; choose one with --occurrence N (1 is the first)"])
    return spans[0]


def claim_data(request: ClaimRequest, span: Span, taken: set[str]) -> dict[str, Any]:
    """The claim as given (values still text), status reviewed; `written` makes it what the file holds."""
    claim_id = request.id or _free_id(f"{request.subject}-{request.property}".replace("_", "-"), taken)
    if claim_id in taken:
        raise ClaimRefused([f"--id: the claim id {claim_id!r} is already used in this file"])
    data: dict[str, Any] = {"id": claim_id, "kind": request.kind, "subject": request.subject,
                            "property": request.property, "value": parse_value(request.kind, request.values),
                            "status": "reviewed",
                            "evidence": {"text": request.evidence, "start": span.start, "end": span.end}}
    data.update({name: value for name, value in request.extra.items() if value is not None})
    return data


def written(claim: Any) -> dict[str, Any]:
    """A validated claim as a person would write it: fields in the documented order, defaults left out,
    whole numbers without `.0`, full dates unquoted."""
    data = claim.model_dump(mode="json", exclude_defaults=True)
    data["kind"], data["status"] = claim.kind, claim.status.value
    ordered = {name: data[name] for name in FIELD_ORDER if name in data}
    return _plain(ordered, "")


FIELD_ORDER = ("id", "kind", "subject", "property", "qualifier", "event", "modality", "as_of", "value", "status",
               "confidence", "evidence", "note")
_FULL_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_DATE_FIELDS = {"date", "as_of", "anchor"}


def _plain(value: Any, key: str) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v, k) for k, v in value.items()}
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if key in _DATE_FIELDS and isinstance(value, str) and _FULL_DATE.match(value):
        return dt.date.fromisoformat(value)
    return value


def parse_value(kind: str, values: tuple[str, ...]) -> dict[str, str]:
    """`--value` arguments as the value's fields (still text: the model reads numbers and dates)."""
    fields: dict[str, str] = {}
    for given in values:
        match = _FIELD.match(given)
        if match:
            fields[match.group(1)] = match.group(2)
            continue
        main = MAIN_FIELD.get(kind)
        if main is None:
            raise ClaimRefused([f"--value {given!r}: a {kind} value is given as FIELD=VALUE pairs"])
        amount_unit = _AMOUNT_UNIT.match(given) if main == "amount" else None
        if amount_unit:
            fields["amount"] = amount_unit.group(1).replace(",", "").replace("_", "")
            fields["unit"] = amount_unit.group(2)
        else:
            fields[main] = given
    return fields


def _source_text(document: YamlDocument) -> str:
    source = document.data.get("source")
    text_path = source.get("text") if isinstance(source, dict) else None
    if not isinstance(text_path, str) or not text_path:
        raise ClaimRefused([f"{document.shown_path}: the claims file names no source text (source.text)"])
    try:
        return read_source_bytes(document.path, text_path).decode("utf-8", errors="replace")
    except AbsoluteSourcePath as refusal:
        raise ClaimRefused([f"{document.shown_path}: source.text: {refusal}"]) from None
    except PathRefused as refusal:
        raise ClaimRefused([f"{document.shown_path}: source.text: {refusal.message}"]) from None
    except OSError as error:
        raise ClaimRefused([f"{document.shown_path}: source text {text_path!r} cannot be read: "
                            f"{error.strerror or error}"]) from None


def _taken_ids(data: dict[str, Any]) -> set[str]:
    claims = data.get("claims")
    if not isinstance(claims, list):
        return set()
    return {c["id"] for c in claims if isinstance(c, dict) and isinstance(c.get("id"), str)}


def _free_id(base: str, taken: set[str]) -> str:
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def _validate(document: YamlDocument, data: dict[str, Any]) -> Any:
    """The claim against the model, then against the project's entities and vocabulary."""
    try:
        claim = TypeAdapter(Claim).validate_python(data)
    except ValidationError as error:
        raise ClaimRefused([_explain(item, data["kind"]) for item in error.errors(include_url=False)]) from None
    problems: list = []
    paths = [document.path]
    entities = load_entities(project_file(paths, ENTITIES_FILE), problems)
    vocabulary = load_vocabulary(project_file(paths, VOCABULARY_FILE), problems)
    found = check_claims(YamlDocument(document.path), [(0, claim)], entities, vocabulary)
    if found:
        raise ClaimRefused([f"{p.code} {p.field.removeprefix('claims[0].')}: {p.message}" for p in found])
    return claim


def _explain(item: dict[str, Any], kind: str) -> str:
    location = list(item["loc"])
    if location and location[0] == kind:  # the tag of the union of claim kinds
        location = location[1:]
    where = format_field_path(tuple(location)) or "claim"
    message = item["msg"].removeprefix("Value error, ")
    if item["type"] == "extra_forbidden":
        message = "unknown field"
    elif item["type"] == "missing":
        message = "missing: give it with --value FIELD=VALUE" if where.startswith("value.") else "missing"
    return f"{where}: {message}"

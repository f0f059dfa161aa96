"""A claims file's source text: read through the path policy, its hash checked, and each claim's
evidence checked against it, saying where the evidence text really is whenever it is wrong.

Only a text the policy accepts is hashed or searched: a refused one gets `refused: <reason>` and
nothing else, so no message says anything about a file outside the project.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
from pathlib import Path
from typing import Any

from factcheck.load.document import YamlDocument
from factcheck.load.evidence import where_is
from factcheck.load.paths import REFUSED, PathRefused, max_text_bytes, read_project_file, root_for
from factcheck.load.problems import Problem
from factcheck.model import Source

# Schema problems about a claim's offsets: `end - start is 1 but...`, a negative `start`, a wrong type.
_OFFSET_FIELD = re.compile(r"^claims\[(\d+)\]\.evidence(\.start|\.end)?$")


class AbsoluteSourcePath(ValueError):
    """`source.text` is absolute: refused even inside the project, since it breaks on another checkout."""

    message = "refused: an absolute path; write it relative to the claims file"


def read_source_bytes(claims_path: Path, text_path: str, root: Path | None = None) -> bytes:
    """The bytes of the source text `text_path` (relative to the claims file), through the path policy,
    confined to the claims file's root (`root`, when the caller found it already: `root_for(claims_path)`).
    Raises AbsoluteSourcePath, PathRefused, or OSError (FileNotFoundError when it is missing)."""
    if os.path.isabs(text_path):
        raise AbsoluteSourcePath(AbsoluteSourcePath.message)
    return read_project_file(claims_path.parent / text_path, max_bytes=max_text_bytes(),
                             root=root_for(claims_path) if root is None else root)


def sha256_of(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def read_source_text(document: YamlDocument, text_path: str, problems: list[Problem],
                     root: Path | None = None) -> bytes | None:
    """The source text's bytes, or None with the reason added to `problems` (at `source.text`)."""
    where = ("source", "text")
    try:
        return read_source_bytes(document.path, text_path, root)
    except AbsoluteSourcePath as refusal:
        problems.append(document.problem(where, REFUSED, refusal.message))
    except PathRefused as refusal:
        problems.append(document.problem(where, REFUSED, refusal.message))
    except FileNotFoundError:
        problems.append(document.problem(where, "E002", f"source text {text_path!r} not found "
                                         "(paths are relative to the claims file)"))
    except OSError as error:
        problems.append(document.problem(where, "E002", f"source text {text_path!r} cannot be read: "
                                         f"{error.strerror or error}"))
    return None


def check_source_text(document: YamlDocument, source: Source, claims: list[tuple[int, Any]],
                      problems: list[Problem], root: Path | None = None) -> str | None:
    """The source text, with its hash and each claim's evidence checked against it (E003, E001)."""
    raw = read_source_text(document, source.text, problems, root)
    if raw is None:
        return None
    digest = sha256_of(raw)
    if digest != source.sha256:
        problems.append(document.problem(("source", "sha256"), "E003",
                                         f"the source text has changed: its sha256 is {digest}; check the evidence, "
                                         "then update the hash (`factcheck fix --accept-source-changes`)"))
    text = raw.decode("utf-8", errors="replace")
    for index, claim in claims:
        evidence = claim.evidence
        if text[evidence.start:evidence.end] == evidence.text:
            continue
        problems.append(document.problem(("claims", index, "evidence"), "E001",
                                         f"evidence text is not at {evidence.start}..{evidence.end} in "
                                         f"{source.text}; {where_is(text, evidence.text)}"))
    return text


def locate_offset_problems(document: YamlDocument, text: str | None, problems: list[Problem]) -> list[Problem]:
    """`problems`, with every schema problem about a claim's evidence offsets (a span of the wrong
    length, a negative or non-numeric offset) told where the evidence text really is."""
    if text is None:
        return problems
    return [_located(document, text, problem) for problem in problems]


def _located(document: YamlDocument, text: str, problem: Problem) -> Problem:
    match = _OFFSET_FIELD.match(problem.field) if problem.code == "S001" else None
    if match is None:
        return problem
    words = raw_evidence_text(document.data, int(match.group(1)))
    if not words:
        return problem
    return dataclasses.replace(problem, message=f"{problem.message}; {where_is(text, words)}")


def raw_evidence_text(data: Any, index: int) -> str | None:
    """`claims[index].evidence.text` as written, when it is a string (before any validation)."""
    try:
        words = data["claims"][index]["evidence"]["text"]
    except (KeyError, IndexError, TypeError):
        return None
    return words if isinstance(words, str) else None

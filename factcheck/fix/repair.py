"""`factcheck fix`: repair what validation already knows how to repair, in the file's own text.

- **Evidence offsets** (E001, or an S001 span of the wrong length): when the evidence text occurs
  exactly once in the source text, `start` and `end` are set to that place. Found several times or
  not at all, the claim is left as it is and the problem says why (a person must choose the place or
  correct the words).
- **The source's sha256** (E003): only with `accept_source_changes`, since recording the new hash
  blesses the new text; check the evidence against it first.

Nothing else is changed: values are replaced in the text (`yaml_edit`), so comments and layout stay;
a file that cannot be read or edited safely is left alone, with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.fix.yaml_edit import EditRefused, read_text, replace_scalars
from factcheck.load.corpus import is_entity_list
from factcheck.load.document import FieldPath, YamlDocument, read_yaml
from factcheck.load.evidence import describe_places, find_spans
from factcheck.load.paths import PathRefused
from factcheck.load.problems import Problem
from factcheck.load.source_text import AbsoluteSourcePath, raw_evidence_text, read_source_bytes, sha256_of


@dataclass(frozen=True)
class Repair:
    """One problem repaired (or to be repaired): where, and what changes."""

    problem: Problem  # as validation would locate it; `message` says what the fix does

    def __str__(self) -> str:
        return str(self.problem)


@dataclass
class FilePlan:
    """What `fix` does to one claims file: its text before and after, what it repairs, what it cannot."""

    path: Path
    original: str = ""
    fixed: str = ""
    repairs: list[Repair] = field(default_factory=list)
    unrepaired: list[Problem] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.fixed != self.original


def plan_repairs(path: Path, *, accept_source_changes: bool = False) -> FilePlan:
    """The repairs of one claims file, computed without writing anything."""
    plan = FilePlan(path)
    document = read_yaml(path)
    if is_entity_list(document):  # proposals beside the claims: not a claims file, nothing to repair
        return plan
    unreadable = [p for p in document.problems if p.code in ("Y001", "Y002", "E005")]
    if unreadable or not isinstance(document.data, dict):
        plan.unrepaired.extend(_not_repaired(p, "the file must be valid first") for p in unreadable)
        return plan
    try:
        plan.original = plan.fixed = read_text(path)
    except (OSError, PathRefused, UnicodeDecodeError) as error:
        plan.unrepaired.append(Problem(document.shown_path, 0, 0, "Y001", f"cannot read file: {error}"))
        return plan
    source_text, digest = _source_text(document, plan)
    if source_text is None:
        return plan
    edits: dict[FieldPath, str | int] = {}
    _plan_hash(document, digest, accept_source_changes, plan, edits)
    claims = document.data.get("claims")
    for index in range(len(claims) if isinstance(claims, list) else 0):
        _plan_offsets(document, source_text, index, plan, edits)
    if edits:
        try:
            plan.fixed = replace_scalars(plan.original, edits)
        except EditRefused as refusal:
            plan.unrepaired.extend(_not_repaired(r.problem, f"cannot edit the file safely: {refusal}")
                                   for r in plan.repairs)
            plan.repairs.clear()
    return plan


def _source_text(document: YamlDocument, plan: FilePlan) -> tuple[str | None, str]:
    """The source text and its sha256, or (None, "") with the reason among the unrepaired problems."""
    source = document.data.get("source")
    text_path = source.get("text") if isinstance(source, dict) else None
    where = ("source", "text")
    if not isinstance(text_path, str) or not text_path:
        plan.unrepaired.append(document.problem(where, "S001", "no source text named: nothing to repair against"))
        return None, ""
    try:
        raw = read_source_bytes(document.path, text_path)
    except (AbsoluteSourcePath, PathRefused) as refusal:
        plan.unrepaired.append(document.problem(where, "E005", str(refusal) if isinstance(refusal, AbsoluteSourcePath)
                                                else refusal.message))
        return None, ""
    except OSError as error:
        plan.unrepaired.append(document.problem(where, "E002", f"source text {text_path!r} cannot be read: "
                                                f"{error.strerror or error}"))
        return None, ""
    return raw.decode("utf-8", errors="replace"), sha256_of(raw)


def _plan_hash(document: YamlDocument, digest: str, accept: bool, plan: FilePlan,
               edits: dict[FieldPath, str | int]) -> None:
    where = ("source", "sha256")
    recorded = document.data["source"].get("sha256")
    if recorded == digest:
        return
    if not accept:
        plan.unrepaired.append(document.problem(where, "E003", f"the source text has changed (its sha256 is {digest}): "
                                                "not repaired; check the evidence against the new text, then run "
                                                "`factcheck fix --accept-source-changes`"))
        return
    edits[where] = digest
    plan.repairs.append(Repair(document.problem(where, "E003", f"records the new sha256 {digest}")))


def _plan_offsets(document: YamlDocument, source_text: str, index: int, plan: FilePlan,
                  edits: dict[FieldPath, str | int]) -> None:
    claim = document.data["claims"][index]
    evidence = claim.get("evidence") if isinstance(claim, dict) else None
    words = raw_evidence_text(document.data, index)
    if not isinstance(evidence, dict) or not words:
        return
    start, end = evidence.get("start"), evidence.get("end")
    if _is_offset(start) and _is_offset(end) and source_text[start:end] == words:
        return
    where = ("claims", index, "evidence")
    shown = f"{start}..{end}"
    spans = find_spans(source_text, words)
    if len(spans) != 1:
        reason = ("correct the evidence text" if not spans else "set `start` and `end` to the place you mean")
        plan.unrepaired.append(document.problem(where, "E001", f"evidence text is not at {shown}; "
                                                f"{describe_places(spans)}: not repaired, {reason}"))
        return
    missing = [key for key in ("start", "end") if key not in evidence]
    if missing:
        plan.unrepaired.append(document.problem(where, "S001", f"evidence has no `{missing[0]}`: not repaired, "
                                                f"write start: {spans[0].start}, end: {spans[0].end}"))
        return
    edits[(*where, "start")], edits[(*where, "end")] = spans[0].start, spans[0].end
    plan.repairs.append(Repair(document.problem(where, "E001", f"evidence offsets {shown} -> "
                                                f"{spans[0].start}..{spans[0].end} (line {spans[0].line})")))


def _is_offset(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _not_repaired(problem: Problem, reason: str) -> Problem:
    return Problem(problem.path, problem.line, problem.column, problem.code, f"{problem.message} ({reason})",
                   problem.field)

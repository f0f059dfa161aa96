"""The baseline: findings a team accepted on purpose, each with a reason, so they do not fail the gate.

    version: 1
    entries:
      - finding: FC101-0c3a4be121          # context for readers: the finding when it was accepted
        rule: FC101
        subject: gsomia
        property: expires_on
        sources:
          - {source: bloomberg-2019-08-22, claim: gsomia-expiry, value: 2019-11-23 (if not renewed)}
          - {source: wire-2019-09-02, claim: gsomia-expiry, value: 2019-12-31}
        reason: The wire misreads the notice period; a correction is requested.
        owner: desk-asia                   # optional
        expires: 2019-12-31                # optional: it suppresses through this day, then is reported
        fingerprint: 5be0...               # what matches: see factcheck.engine.identity

An entry matches by fingerprint alone, so moving or renaming claims keeps it and a changed value does
not. The file is read with the safe YAML reader (a mistake is `file:line:col`, exit 2) and rewritten
atomically; entries are kept as data, so comments are not kept.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from factcheck.engine.finding import Finding
from factcheck.engine.identity import fingerprint
from factcheck.load.document import read_yaml
from factcheck.load.problems import ProblemsError
from factcheck.load.schema_errors import validate_document
from factcheck.load.write import dump_yaml, write_atomic

DEFAULT_BASELINE = Path(".factcheck/baseline.yaml")
HEADER = """\
# factcheck baseline: findings accepted on purpose, each with a reason (docs/ci.md).
# Add: factcheck baseline add FINDING_ID --reason "..."   Drop stale and expired: factcheck baseline prune
# An entry matches by `fingerprint` (rule, subject, property and every source's value); the other
# fields are context for readers. factcheck rewrites this file as data: comments are not kept.
"""


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class BaselineSource(_Strict):
    source: str
    claim: str | None = None
    value: str | None = None


class BaselineEntry(_Strict):
    finding: str | None = Field(default=None, description="The finding id when it was accepted.")
    rule: str | None = None
    subject: str | None = None
    property: str | None = None
    verdict: str | None = None
    sources: list[BaselineSource] = Field(default_factory=list)
    reason: str = Field(description="Why the finding is accepted; required.")
    owner: str | None = None
    expires: dt.date | None = Field(default=None, description="The last day the entry suppresses its finding.")
    added: dt.date | None = None
    fingerprint: str = Field(pattern=r"^[0-9a-f]{64}$")

    @field_validator("reason")
    @classmethod
    def _reason_says_something(cls, reason: str) -> str:
        if not reason.strip():
            raise ValueError("the reason is empty: say why the finding is accepted")
        return reason

    def expired(self, today: dt.date) -> bool:
        return self.expires is not None and today > self.expires

    def describe(self) -> str:
        """`FC101 gsomia expires_on (finding FC101-0c3a4be121)`, as far as the entry says."""
        what = " ".join(part for part in (self.rule, self.subject, self.property) if part) or "an entry"
        return f"{what} (finding {self.finding or self.fingerprint[:12]})"


class BaselineFile(_Strict):
    version: Literal[1] = 1
    entries: list[BaselineEntry] = Field(default_factory=list)


@dataclass(frozen=True)
class BaselineMatch:
    """What a baseline does to a run's findings."""

    suppressed: dict[str, BaselineEntry]  # finding id -> the entry that accepts it
    expired: tuple[BaselineEntry, ...]  # past their date: they no longer suppress
    unmatched: tuple[BaselineEntry, ...]  # match no finding: stale, prune them


def load_baseline(path: Path) -> BaselineFile:
    """The baseline at `path` (empty when there is none); a ProblemsError locates every mistake."""
    if not path.exists():
        return BaselineFile()
    document = read_yaml(path)
    if document.problems:
        raise ProblemsError(document.problems)
    if document.data is None:
        return BaselineFile()
    parsed, problems = validate_document(document, BaselineFile)
    if problems or parsed is None:
        raise ProblemsError(problems)
    assert isinstance(parsed, BaselineFile)
    return parsed


def save_baseline(path: Path, baseline: BaselineFile) -> None:
    data = baseline.model_dump(exclude_none=True)  # dates stay dates: written unquoted
    for entry in data["entries"]:
        if not entry.get("sources"):
            entry.pop("sources", None)
    write_atomic(path, HEADER + dump_yaml(data))


def entry_for(finding: Finding, reason: str, *, owner: str | None = None, expires: dt.date | None = None,
              today: dt.date | None = None) -> BaselineEntry:
    """A baseline entry accepting `finding`, with the context a reader needs to recognise it."""
    sources = [BaselineSource(source=c.source_id, claim=c.claim.id, value=value)
               for c, value in zip(finding.claims, finding.values)]
    return BaselineEntry(finding=finding.id, rule=finding.rule_id, subject=finding.subject, property=finding.property,
                         verdict=finding.verdict.value, sources=sources, reason=reason, owner=owner, expires=expires,
                         added=today or dt.date.today(), fingerprint=fingerprint(finding))


def with_entry(baseline: BaselineFile, entry: BaselineEntry) -> tuple[BaselineFile, bool]:
    """The baseline with `entry` added, or replacing the entry of the same fingerprint (True when replaced)."""
    entries = list(baseline.entries)
    for index, existing in enumerate(entries):
        if existing.fingerprint == entry.fingerprint:
            entries[index] = entry
            return BaselineFile(entries=entries), True
    return BaselineFile(entries=[*entries, entry]), False


def match_baseline(findings: tuple[Finding, ...] | list[Finding], baseline: BaselineFile, today: dt.date, *,
                   judged_sources: set[str] | None = None, known_sources: set[str] | None = None) -> BaselineMatch:
    """Which findings the baseline accepts, and which entries are expired or match nothing.

    A focused run (the gate) compares only the changed sources, so an entry is called unmatched only
    when it could have matched: one of its sources was compared (`judged_sources`) or no longer exists
    (not in `known_sources`). A full run (`judged_sources=None`) judges every entry.
    """
    by_fingerprint = {fingerprint(f): f for f in findings}
    suppressed: dict[str, BaselineEntry] = {}
    expired: list[BaselineEntry] = []
    unmatched: list[BaselineEntry] = []
    for entry in baseline.entries:
        if entry.expired(today):
            expired.append(entry)
            continue
        finding = by_fingerprint.get(entry.fingerprint)
        if finding is not None:
            suppressed[finding.id] = entry
        elif _judged(entry, judged_sources, known_sources):
            unmatched.append(entry)
    return BaselineMatch(suppressed, tuple(expired), tuple(unmatched))


def _judged(entry: BaselineEntry, judged: set[str] | None, known: set[str] | None) -> bool:
    if judged is None:
        return True
    names = {s.source for s in entry.sources}
    return bool(names & judged) or (known is not None and bool(names - known))


def pruned(baseline: BaselineFile, findings: tuple[Finding, ...] | list[Finding],
           today: dt.date) -> tuple[BaselineFile, list[tuple[BaselineEntry, str]]]:
    """The baseline without expired entries and entries that match no finding of a full run, and
    the dropped entries with why; the kept entries are unchanged, reasons and all."""
    matched = match_baseline(findings, baseline, today)
    why = {id(e): f"expired on {e.expires}" for e in matched.expired}
    why.update({id(e): "matches no finding" for e in matched.unmatched})
    kept = [e for e in baseline.entries if id(e) not in why]
    dropped = [(e, why[id(e)]) for e in baseline.entries if id(e) in why]
    return BaselineFile(version=baseline.version, entries=kept), dropped

"""The sources behind a report: who published what, when, and how many of its claims a person checked.

One home for the sources table of the HTML page and the `sources` section of the JSON report. A
report holds claims, each with its source's metadata, so the sources are read from the findings'
claims (every claim of a run is in a finding: a lone one as `unverified`), in the order first met.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from factcheck.engine.finding import Report
from factcheck.model.claims import Source, Status
from factcheck.model.sourced import SourcedClaim

WEB_SCHEMES = ("http://", "https://")


@dataclass(frozen=True)
class SourceRow:
    """One source: its metadata and the counts of its claims in the report, reviewed and auto."""

    source: Source
    path: str  # its claims file, as shown to users
    reviewed: int
    auto: int

    @property
    def id(self) -> str:
        return self.source.id

    @property
    def link(self) -> str | None:
        """The URL when it is a web address: a `javascript:` or `file:` URL from a claims file is never a link."""
        url = (self.source.url or "").strip()
        return url if url.lower().startswith(WEB_SCHEMES) else None


def sources_of(report: Report) -> list[SourceRow]:
    """Every source of the report's claims, in the order the findings first name them. A claim may stand
    in several findings: each is counted once, by its key, with its status as last met."""
    count = SourceCount()
    for finding in report.findings:
        for item in finding.claims:
            count.add(item)
    return count.rows()


class SourceCount:
    """`sources_of`, told one claim at a time: the JSON writer counts each claim as it writes it (at a
    million claims a walk of its own cost seconds: the claims are scattered in memory, and reading one
    is most of what it costs)."""

    def __init__(self) -> None:
        self._counted: dict[str, Status] = {}  # each claim's key -> the status it is counted under
        self._rows: dict[str, list[Any]] = {}  # source id -> [source, path, reviewed, auto], in the order first met

    def add(self, item: SourcedClaim) -> None:
        """Count a claim of the next finding (again when it stands in an earlier one: its last status counts)."""
        status, before = item.claim.status, self._counted.get(item.key)
        if status is before:
            return
        self._counted[item.key] = status
        row = self._rows.get(item.source.id)
        if row is None:  # a source's shown path is its first claim's
            row = self._rows[item.source.id] = [item.source, item.path, 0, 0]
        if before is not None:
            row[2 if before is Status.reviewed else 3] -= 1
        row[2 if status is Status.reviewed else 3] += 1

    def rows(self) -> list[SourceRow]:
        return [SourceRow(*row) for row in self._rows.values()]


def source_data(row: SourceRow) -> dict[str, Any]:
    """The JSON report's entry for one source (docs/report-json.md)."""
    source = row.source
    return {
        "id": source.id, "publisher": source.publisher, "title": source.title, "url": source.url,
        "published": str(source.published), "precision": source.published.precision.value,
        "authors": list(source.authors or []), "language": source.language,
        "claims": {"reviewed": row.reviewed, "auto": row.auto},
        "location": {"path": row.path},
    }

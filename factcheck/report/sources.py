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
    in several findings: each is counted once, by its key, with its status as last met (a walk of every
    claim, kept to one dict look-up a claim: at 1M it runs before the first finding is written)."""
    claims: dict[str, SourcedClaim] = {}
    for finding in report.findings:
        for item in finding.claims:
            claims[item.key] = item
    rows: dict[str, list[Any]] = {}  # source id -> [source, path, reviewed, auto], in the order first met
    for item in claims.values():
        row = rows.get(item.source.id)
        if row is None:  # a source's shown path is its first claim's
            row = rows[item.source.id] = [item.source, item.path, 0, 0]
        row[2 if item.claim.status is Status.reviewed else 3] += 1
    return [SourceRow(*row) for row in rows.values()]


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

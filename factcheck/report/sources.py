"""The sources behind a report: who published what, when, and how many of its claims a person checked.

One home for the sources table of the HTML page and the `sources` section of the JSON report. A
report holds claims, each with its source's metadata, so the sources are read from the findings'
claims (every claim of a run is in a finding: a lone one as `unverified`), in the order first met.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from factcheck.engine.finding import Report
from factcheck.model.claims import Source

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
    """Every source of the report's claims, in the order the findings first name them."""
    seen: dict[str, tuple[Source, str, dict[str, bool]]] = {}
    for finding in report.findings:
        for item in finding.claims:
            entry = seen.get(item.source_id)
            if entry is None:  # a source's shown path is worked out once, not once a claim
                entry = seen[item.source_id] = (item.source, item.path, {})
            entry[2][item.claim.id] = item.claim.status.value == "reviewed"
    return [SourceRow(source, path, sum(claims.values()), len(claims) - sum(claims.values()))
            for source, path, claims in seen.values()]


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

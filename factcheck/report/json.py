"""JSON: the documented, versioned machine format (docs/report-json.md). Bump SCHEMA_VERSION on any
change that removes or renames a field; adding a field is not a new version. Version 2: an `unverified`
finding is compact (its one claim, and nothing that is empty or follows from the claim).

Written a piece at a time (`json_stream`): the header, then each source and each finding as it is
encoded, compact (one source or finding a line) or indented for people (`indent`). Each value goes
through `escape.json_value`: a number that is NaN or infinite (`amount: .nan` in a claims file) is
null, since JSON has neither; every string is kept (but a lone surrogate, from a file name that is not
UTF-8, which becomes U+FFFD)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

from factcheck.comparators.base import Verdict
from factcheck.engine.finding import Finding, Report, lowest_confidence
from factcheck.model.sourced import SourcedClaim
from factcheck.report.context import RenderContext
from factcheck.report.json_stream import Items, Members, object_chunks
from factcheck.report.sources import source_data, sources_of

SCHEMA_VERSION = 2
OPTIONAL_CLAIM_FIELDS = ("event", "modality", "qualifier", "confidence")  # left out of an unverified claim when null


def render(report: Report, context: RenderContext, indent: int | None = None) -> str:
    """The whole report as one string (the format registry's call; `write` never holds it whole)."""
    return "".join(chunks(report, context, indent))


def write(report: Report, context: RenderContext, stream: IO[str], indent: int | None = None) -> None:
    """Write the report to `stream` finding by finding: memory does not grow with the output."""
    for chunk in chunks(report, context, indent):
        stream.write(chunk)


def chunks(report: Report, context: RenderContext, indent: int | None = None) -> Iterator[str]:
    """The report's JSON text in pieces, compact (`indent=None`) or indented by `indent` spaces."""
    members: Members = [*_header(report, context).items(),
                        ("sources", Items(source_data(row) for row in sources_of(report))),
                        ("findings", Items(finding_data(f) for f in report.findings))]
    return object_chunks(members, indent)


def document_text(data: dict[str, Any], indent: int | None = None) -> str:
    """A JSON report held as one dict (the gate's, which adds to `report_data`), in the layout `chunks`
    writes: compact with a source or finding a line, or indented."""
    return "".join(object_chunks([(key, Items(value) if key in ("sources", "findings") else value)
                                  for key, value in data.items()], indent))


def report_data(report: Report, context: RenderContext) -> dict[str, Any]:
    """The report as one dict, for a caller that adds to it (the gate's JSON)."""
    return {**_header(report, context), "sources": [source_data(row) for row in sources_of(report)],
            "findings": [finding_data(f) for f in report.findings]}


def _header(report: Report, context: RenderContext) -> dict[str, Any]:
    summary = report.summary
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "factcheck", "version": context.version},
        "summary": {
            "sources": summary.sources, "claims": summary.claims, "rules": summary.rules,
            "blocks": summary.blocks, "pairs": summary.pairs, "different_facts": summary.different_facts,
            "findings": len(report.findings),
            "verdicts": dict(summary.verdicts),
        },
    }


def finding_data(finding: Finding) -> dict[str, Any]:
    """One finding; an unverified one compact (`unverified_data`)."""
    if finding.verdict is Verdict.unverified and not finding.pairs:
        return unverified_data(finding)
    unreviewed = finding.unreviewed  # walks the pairs: once
    return {
        "id": finding.id,
        "rule": {"id": finding.rule_id, "name": finding.rule_name},
        "severity": finding.severity,
        "verdict": finding.verdict.value,
        "subject": finding.subject,
        "subject_name": finding.subject_name,
        "property": finding.property,
        "event": finding.event,
        "message": finding.message,
        "claims": [claim_data(c, v) for c, v in zip(finding.claims, finding.values)],
        "majority": list(finding.majority),
        "outliers": list(finding.outliers),
        "comparisons": [
            {"claims": [p.first, p.second], "verdict": p.comparison.verdict.value,
             "explanation": p.comparison.explanation, "score": p.comparison.score,
             "facts": dict(p.comparison.facts)}
            for p in finding.pairs
        ],
        "explanation": finding.explanation,
        "rests_on_unreviewed": bool(unreviewed),
        "confidence": lowest_confidence(unreviewed),
        "unreviewed_claims": [c.key for c in unreviewed],
    }


def unverified_data(finding: Finding) -> dict[str, Any]:
    """A claim no other source speaks to (89% of the findings of a large corpus), compact: what the
    finding is about and its claim, whose null fields are left out. Everything else follows from the
    claim (docs/report-json.md): severity `note`; no comparisons, majority or outliers; the message and
    the explanation; `rests_on_unreviewed`, `confidence` and `unreviewed_claims` from its status."""
    return {
        "id": finding.id,
        "rule": {"id": finding.rule_id, "name": finding.rule_name},
        "verdict": finding.verdict.value,
        "subject": finding.subject,
        "subject_name": finding.subject_name,
        "property": finding.property,
        "claims": [_without_nulls(claim_data(c, v)) for c, v in zip(finding.claims, finding.values)],
    }


def _without_nulls(data: dict[str, Any]) -> dict[str, Any]:
    for name in OPTIONAL_CLAIM_FIELDS:
        if data[name] is None:
            del data[name]
    return data


def claim_data(item: SourcedClaim, described: str) -> dict[str, Any]:
    claim = item.claim
    return {
        "source": item.source_id,
        "id": claim.id,
        "kind": claim.kind,
        "property": claim.property,
        "event": claim.event,
        "modality": claim.modality.value if claim.modality else None,
        "value": described,
        "value_data": claim.value.model_dump(mode="json", exclude_none=True),
        "qualifier": claim.qualifier,
        "as_of": str(item.as_of),
        "status": claim.status.value,
        "confidence": claim.confidence,
        "evidence": {"text": claim.evidence.text, "start": claim.evidence.start, "end": claim.evidence.end},
        "location": {"path": item.path, "line": item.line},
    }

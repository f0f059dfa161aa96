"""JSON: the documented, versioned machine format (docs/report-json.md). Bump SCHEMA_VERSION on any
change that removes or renames a field; adding a field is not a new version.

Written by `escape.json_text`: a number that is NaN or infinite (`amount: .nan` in a claims file) is
null, since JSON has neither; every string is kept (but a lone surrogate, from a file name that
is not UTF-8, which becomes U+FFFD)."""

from __future__ import annotations

from typing import Any

from factcheck.engine.finding import Finding, Report
from factcheck.model.sourced import SourcedClaim
from factcheck.report.context import RenderContext
from factcheck.report.escape import json_text
from factcheck.report.sources import source_data, sources_of

SCHEMA_VERSION = 1


def render(report: Report, context: RenderContext) -> str:
    return json_text(report_data(report, context))


def report_data(report: Report, context: RenderContext) -> dict[str, Any]:
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
        "sources": [source_data(row) for row in sources_of(report)],
        "findings": [finding_data(f) for f in report.findings],
    }


def finding_data(finding: Finding) -> dict[str, Any]:
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
        "rests_on_unreviewed": finding.rests_on_unreviewed,
        "confidence": finding.confidence,
        "unreviewed_claims": [c.key for c in finding.unreviewed],
    }


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

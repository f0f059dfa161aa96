"""SARIF 2.1.0: for code scanning, which shows each result on the pull request at the claim's line.

One run; `tool.driver.rules` describes every rule (id, name, description, the rule's `explain` as full
description and help, its severity as the default level). A result points at the claim in a changed
file (`locations`), with the other sources' claims as `relatedLocations`. Conflicts are `fail` results
at the rule's severity, compatible findings `fail` notes, unverified claims `open` with level `none`;
agreements are not results. A finding the baseline accepts stays, marked with an external suppression
and its reason, so the record is complete. `partialFingerprints` carry the baseline fingerprint, which
survives moved lines. A result whose verdict rests on unreviewed (`auto`) claims says so in its message
and in `properties` (`restsOnUnreviewed`, `confidence`, `unreviewedClaims`); under the gate's
`--unreviewed warn` a failing one is a `warning`, under `ignore` a `note`; the location of an unreviewed
claim says `auto` (with its confidence) in its message. Artifact URIs are
percent-encoded (`escape.sarif_uri`) and the log is written by `escape.json_text`. Validated against the
OASIS schema in tests/report/test_sarif.py.
"""

from __future__ import annotations

from typing import Any

from factcheck.engine.finding import Finding, Report
from factcheck.engine.identity import FINGERPRINT_VERSION, anchor_claim, fingerprint
from factcheck.model.sourced import SourcedClaim
from factcheck.report.context import RenderContext
from factcheck.report.escape import json_text, sarif_uri
from factcheck.report.review import HOW_TO_REVIEW, claim_status, is_reviewed, unreviewed_note

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = ("none", "note", "warning", "error")
NO_RULE = {"FC000": "Claims no rule compares: they can only be unverified."}


def render(report: Report, context: RenderContext) -> str:
    return json_text(sarif_log(report, context))


def sarif_log(report: Report, context: RenderContext) -> dict[str, Any]:
    shown = [f for f in report.findings if _kind(f) is not None
             and (context.show_unverified or f.verdict.value != "unverified")]
    rules = _rules(report, context)
    index = {rule["id"]: position for position, rule in enumerate(rules)}
    summary = report.summary
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "factcheck", "version": context.version, "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "results": [_result(f, index, context) for f in shown],
            "properties": {"summary": {"sources": summary.sources, "claims": summary.claims, "rules": summary.rules,
                                       "blocks": summary.blocks, "pairs": summary.pairs,
                                       "verdicts": dict(summary.verdicts)}},
        }],
    }


def _kind(finding: Finding) -> str | None:
    return {"conflict": "fail", "compatible": "fail", "unverified": "open"}.get(finding.verdict.value)


def _level(finding: Finding, context: RenderContext) -> str:
    """The rule's severity for a conflict, `note` for a compatible finding, `none` otherwise; a failing
    finding the gate's `--unreviewed` policy holds back is at most a `warning` (`warn`) or a `note` (`ignore`)."""
    verdict = finding.verdict.value
    if verdict == "conflict":
        level = finding.severity
    else:
        level = "note" if verdict == "compatible" else "none"  # SARIF: a result that is not `fail` has level none
    ceiling = "warning" if finding.id in context.warned else "note" if finding.id in context.ignored else None
    if ceiling is not None and LEVELS.index(level) > LEVELS.index(ceiling):
        return ceiling
    return level


def _rules(report: Report, context: RenderContext) -> list[dict[str, Any]]:
    described: dict[str, dict[str, Any]] = {}
    for rule in sorted(context.rules, key=lambda r: r.id):
        described[rule.id] = {
            "id": rule.id, "name": rule.name,
            "shortDescription": {"text": rule.description},
            "fullDescription": {"text": rule.explain.strip()},
            "help": {"text": rule.explain.strip()},
            "defaultConfiguration": {"level": rule.severity.value},
        }
    for finding in sorted(report.findings, key=lambda f: (f.rule_id, f.verdict.value == "unverified")):
        if finding.rule_id not in described:  # no rule metadata given: describe it from what the findings say
            described[finding.rule_id] = {
                "id": finding.rule_id, "name": finding.rule_name,
                "shortDescription": {"text": NO_RULE.get(finding.rule_id, finding.rule_name)},
                "defaultConfiguration": {"level": finding.severity},
            }
    return list(described.values())


def _location(claim: SourcedClaim, described: str | None = None) -> dict[str, Any]:
    location: dict[str, Any] = {"physicalLocation": {
        "artifactLocation": {"uri": sarif_uri(claim.path), "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": max(claim.line, 1)},
    }}
    if described is not None:
        status = "" if is_reviewed(claim) else f", {claim_status(claim)}"  # an unreviewed claim says so where it is
        location["message"] = {"text": f"{claim.source_id} ({claim.claim.id}{status}): {described}"}
    return location


def _result(finding: Finding, index: dict[str, int], context: RenderContext) -> dict[str, Any]:
    anchor = anchor_claim(finding, context.changed_paths)
    values = dict(zip((c.key for c in finding.claims), finding.values))
    related = [_location(c, values[c.key]) | {"id": position}
               for position, c in enumerate(c for c in finding.claims if c.key != anchor.key)]
    lines = [f"{finding.message}.", *(f"- {c.source_id}: {values[c.key]} ({claim_status(c)})" for c in finding.claims)]
    if finding.outliers:
        lines.append(f"Standing apart: {', '.join(finding.outliers)}.")
    note = unreviewed_note(finding)
    if note is not None:
        lines.append(f"Unreviewed: {note}; {HOW_TO_REVIEW}.")
    lines += finding.explanation.splitlines()
    result: dict[str, Any] = {
        "ruleId": finding.rule_id,
        "ruleIndex": index[finding.rule_id],
        "kind": _kind(finding),
        "level": _level(finding, context),
        "message": {"text": "\n".join(lines)},
        "locations": [_location(anchor, values[anchor.key])],
        "partialFingerprints": {FINGERPRINT_VERSION: fingerprint(finding)},
        "properties": {"findingId": finding.id, "verdict": finding.verdict.value, "subject": finding.subject,
                       "property": finding.property, "sources": list(finding.sources),
                       "restsOnUnreviewed": finding.rests_on_unreviewed, "confidence": finding.confidence,
                       "unreviewedClaims": [c.key for c in finding.unreviewed]},
    }
    if related:
        result["relatedLocations"] = related
    reason = context.suppressions.get(finding.id)
    if reason is not None:
        result["suppressions"] = [{"kind": "external", "status": "accepted", "justification": reason}]
    return result

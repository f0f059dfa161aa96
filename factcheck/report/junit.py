"""JUnit XML: for CI systems that show test results (GitLab, Jenkins, Azure, test-report actions).

One test suite per rule, one test case per finding (of the changed sources, in the gate). A finding
that fails the check (a conflict, or what `--fail-on` names) is a `<failure>` with the message, every
source's value and location, and the explanation; one the baseline accepts is `<skipped>` with the
reason; the others pass. A failing finding that rests on unreviewed claims says so and names them;
under the gate's `--unreviewed warn` it is `<skipped>` with that warning, under `ignore` it passes. A
passing case with an unreviewed claim lists every claim with its status in `<system-out>`.
Unverified claims are left out with `--hide-unverified`. Every attribute and text goes through
`escape.xml_text` (no character XML 1.0 forbids), and the document through `escape.markup_document`.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from factcheck.engine.finding import Finding, Report
from factcheck.engine.identity import anchor_claim
from factcheck.report.context import RenderContext
from factcheck.report.escape import markup_document, xml_text
from factcheck.report.review import HOW_TO_REVIEW, claim_status, is_reviewed, unreviewed_note

def render(report: Report, context: RenderContext) -> str:
    shown = [f for f in report.findings if context.show_unverified or f.verdict.value != "unverified"]
    by_rule: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for finding in shown:
        by_rule[(finding.rule_id, finding.rule_name)].append(finding)
    root = ET.Element("testsuites", name="factcheck")
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    for (rule_id, rule_name), findings in sorted(by_rule.items()):
        suite = ET.SubElement(root, "testsuite", name=xml_text(f"{rule_id} {rule_name}"))
        counts = {"tests": 0, "failures": 0, "skipped": 0}
        for finding in findings:
            outcome = _testcase(suite, finding, context)
            counts["tests"] += 1
            if outcome:
                counts[outcome] += 1
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
        suite.set("errors", "0")
    for key, value in totals.items():
        root.set(key, str(value))
    root.set("errors", "0")
    ET.indent(root)
    return markup_document('<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n")


def _testcase(suite: ET.Element, finding: Finding, context: RenderContext) -> str | None:
    """Add the finding's test case; the counter it adds to (`failures`, `skipped`), if any."""
    claim = anchor_claim(finding, context.changed_paths)
    case = ET.SubElement(suite, "testcase", classname=xml_text(f"factcheck.{finding.rule_id}"),
                         name=xml_text(f"{finding.subject} {finding.property} ({finding.id})"),
                         file=xml_text(claim.path), line=str(claim.line))
    failing = finding.verdict.value in context.failing_verdicts
    reason = context.suppressions.get(finding.id)
    if failing and reason is not None:
        ET.SubElement(case, "skipped", message=xml_text(f"accepted in the baseline: {reason}"))
        return "skipped"
    note = unreviewed_note(finding)
    if failing and finding.id in context.warned and note is not None:
        skipped = ET.SubElement(case, "skipped", message=xml_text(f"warning, not failing (--unreviewed warn): {note}"))
        skipped.text = xml_text("\n".join(_details(finding)))
        return "skipped"
    if failing and finding.id in context.below_level:
        skipped = ET.SubElement(case, "skipped", message=xml_text(
            f"shown, not failing: the rule's severity ({finding.severity}) is below --fail-on"))
        skipped.text = xml_text("\n".join(_details(finding)))
        return "skipped"
    if failing and finding.id not in context.ignored:
        message = finding.message if note is None else f"{finding.message} ({note})"
        failure = ET.SubElement(case, "failure", message=xml_text(message), type=finding.verdict.value)
        failure.text = xml_text("\n".join(_details(finding)))
        return "failures"
    if not all(is_reviewed(c) for c in finding.claims):  # a passing case still says which claims are unreviewed
        ET.SubElement(case, "system-out").text = xml_text("\n".join(_details(finding)))
    return None


def _details(finding: Finding) -> list[str]:
    """Every source's value, location and review status; who stands apart; what to review; the explanation."""
    lines = [f"{c.source_id}: {value} ({c.path}:{c.line}, {claim_status(c)})"
             for c, value in zip(finding.claims, finding.values)]
    if finding.outliers:
        lines.append(f"Standing apart: {', '.join(finding.outliers)}.")
    note = unreviewed_note(finding)
    if note is not None:
        lines.append(f"Unreviewed: {note}; {HOW_TO_REVIEW}.")
    return [*lines, "", *finding.explanation.splitlines()]

"""Markdown: for a pull-request comment or a CI job summary. Conflicts first, each finding with a
table of every source's value and evidence, and the arithmetic behind the verdict."""

from __future__ import annotations

from factcheck.engine.finding import Finding, Report
from factcheck.report.context import RenderContext
from factcheck.report.review import claim_status, unreviewed_note

ICONS = {"conflict": "❌", "compatible": "🟡", "agree": "✅", "unverified": "❔"}


def table_cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def render(report: Report, context: RenderContext) -> str:
    s = report.summary
    counts = ", ".join(f"{ICONS[v]} {n} {v}" for v, n in s.verdicts.items())
    lines = ["# factcheck report", "",
             s.describe(), "",
             f"**{counts}**", ""]
    checked = [f for f in report.findings if f.verdict.value != "unverified"]
    for finding in checked:
        lines.extend(finding_section(finding))
    unverified = [f for f in report.findings if f.verdict.value == "unverified"]
    if unverified and context.show_unverified:
        lines += ["<details>", f"<summary>{len(unverified)} unverified claims (no other source speaks to them)</summary>", "",
                  "| source | claim | value | evidence |", "| --- | --- | --- | --- |"]
        for finding in unverified:
            claim = finding.claims[0]
            lines.append(f"| {claim.source_id} | `{claim.claim.id}` ({claim_status(claim)}) | {table_cell(finding.values[0])} | "
                         f"{table_cell(claim.claim.evidence.text)} |")
        lines += ["", "</details>", ""]
    return "\n".join(lines).rstrip() + "\n"


def finding_section(finding: Finding) -> list[str]:
    verdict = finding.verdict.value
    lines = [f"## {ICONS[verdict]} {verdict}: {table_cell(finding.message)}", "",
             f"`{finding.rule_id}` {finding.rule_name} · finding `{finding.id}`", ""]
    note = unreviewed_note(finding)
    if note is not None:
        lines += [f"> **Unreviewed:** {table_cell(note)}", ""]
    lines += ["| source | claim | value | evidence |", "| --- | --- | --- | --- |"]
    for claim, value in zip(finding.claims, finding.values):
        marker = " ⚠️" if claim.source_id in finding.outliers else ""
        lines.append(f"| {claim.source_id}{marker} | `{claim.claim.id}` ({claim.path}:{claim.line}, "
                     f"{claim_status(claim)}) | {table_cell(value)} | "
                     f"{table_cell(claim.claim.evidence.text)} |")
    lines.append("")
    if finding.outliers:
        lines += [f"Standing apart: {', '.join(finding.outliers)}.", ""]
    lines += [f"- {table_cell(line)}" for line in finding.explanation.splitlines()]
    lines.append("")
    return lines

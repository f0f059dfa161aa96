"""Markdown: for a pull-request comment or a CI job summary. Conflicts first, each finding with a
table of every source's value and evidence, and the arithmetic behind the verdict.

Every string from a file goes through `escape.markdown` (one line, HTML and Markdown escaped, no
mention or link) or `escape.markdown_code` (an id or path as inline code when it is plainly one)."""

from __future__ import annotations

from factcheck.engine.finding import Finding, Report
from factcheck.report.context import RenderContext
from factcheck.report.escape import markdown, markdown_code
from factcheck.report.review import claim_status, unreviewed_note

table_cell = markdown  # the old name, still imported elsewhere: one escaping, in escape.py

ICONS = {"conflict": "❌", "compatible": "🟡", "agree": "✅", "unverified": "❔"}


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
            lines.append(f"| {markdown(claim.source_id)} | {markdown_code(claim.claim.id)} ({claim_status(claim)}) | "
                         f"{markdown(finding.values[0])} | {markdown(claim.claim.evidence.text)} |")
        lines += ["", "</details>", ""]
    return "\n".join(lines).rstrip() + "\n"


def finding_section(finding: Finding) -> list[str]:
    verdict = finding.verdict.value
    lines = [f"## {ICONS[verdict]} {verdict}: {markdown(finding.message)}", "",
             f"{markdown_code(finding.rule_id)} {markdown(finding.rule_name)} · finding {markdown_code(finding.id)}", ""]
    note = unreviewed_note(finding)
    if note is not None:
        lines += [f"> **Unreviewed:** {markdown(note)}", ""]
    lines += ["| source | claim | value | evidence |", "| --- | --- | --- | --- |"]
    for claim, value in zip(finding.claims, finding.values):
        marker = " ⚠️" if claim.source_id in finding.outliers else ""
        lines.append(f"| {markdown(claim.source_id)}{marker} | {markdown_code(claim.claim.id)} "
                     f"({markdown(f'{claim.path}:{claim.line}')}, {claim_status(claim)}) | {markdown(value)} | "
                     f"{markdown(claim.claim.evidence.text)} |")
    lines.append("")
    if finding.outliers:
        lines += [f"Standing apart: {markdown(', '.join(finding.outliers))}.", ""]
    lines += [f"- {markdown(line)}" for line in finding.explanation.splitlines()]
    lines.append("")
    return lines

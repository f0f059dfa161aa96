"""The gate's Markdown, for a pull-request comment or the job summary: the outcome first, then what to
do, the new findings that fail (with every source's evidence, as in the report's Markdown), what the
baseline accepts and what in it needs cleaning up, and the other findings folded away. Every string
from a file (paths, reasons, owners, notes) goes through `escape.markdown` or `escape.markdown_code`."""

from __future__ import annotations

from factcheck.gate.gate import GateResult
from factcheck.report.context import RenderContext
from factcheck.report.escape import markdown, markdown_code
from factcheck.report.markdown import ICONS, finding_section
from factcheck.report.review import HOW_TO_REVIEW

WHAT_TO_DO = [
    "1. Read each finding below: the changed source's claim is in the table, marked ⚠️ when it stands apart.",
    "2. If a finding rests on unreviewed claims (`auto`, drafted by `factcheck extract`), check each claim it names "
    "against its source first: fix it, or set `status: reviewed` in its claims file.",
    "3. If a claim misreads its source (a wrong date, speaker or qualifier), fix the claim and push again.",
    "4. If the sources really disagree, accept the finding with a reason and commit the baseline:",
    "   `factcheck baseline add FINDING_ID --reason \"...\" [--owner TEAM] [--expires YYYY-MM-DD]`",
]


def render_markdown(result: GateResult, context: RenderContext) -> str:
    s = result.report.summary
    count = len(result.failing)
    title = ("✅ passed: nothing new fails" if result.passed
             else f"❌ failed: {count} new finding{'s' if count != 1 else ''} ({'/'.join(result.failing_verdicts)})")
    if result.warned:
        title += f", {len(result.warned)} warning{'s' if len(result.warned) != 1 else ''} on unreviewed claims"
    files = ", ".join(markdown_code(path) for path in result.changed_files) or "none"
    lines = [f"# factcheck gate: {title}", "",
             f"Changed claims files: {files}. Compared against {s.sources} sources with the rules from "
             f"{markdown(result.rules_from)}: {s.pairs} pairs. Fails on: {', '.join(result.failing_verdicts)}.", ""]
    if not result.passed:
        lines += ["### What to do", "", *WHAT_TO_DO, ""]
        lines += [f"## {ICONS['conflict']} New findings that fail ({count})", ""]
        for finding in result.failing:
            lines.extend(finding_section(finding))
    if result.warned:
        lines += [f"## ⚠️ Warnings: new findings on unreviewed claims ({len(result.warned)})", "",
                  "These would fail, but rest on claims nobody has reviewed, and the gate runs with "
                  f"`--unreviewed warn`: {HOW_TO_REVIEW}.", ""]
        for finding in result.warned:
            lines.extend(finding_section(finding))
    accepted = [f for f in result.report.findings if f.id in result.suppressed]
    if accepted:
        lines += [f"## Accepted in the baseline ({len(accepted)})", "",
                  "| finding | fact | reason | owner | expires |", "| --- | --- | --- | --- | --- |"]
        for finding in accepted:
            entry = result.suppressed[finding.id]
            lines.append(f"| {markdown_code(finding.id)} {finding.verdict.value} | {markdown(finding.message)} | "
                         f"{markdown(entry.reason)} | {markdown(entry.owner or '')} | {entry.expires or ''} |")
        lines.append("")
    if result.stale or result.expired:
        lines += ["## Baseline entries to clean up", ""]
        lines += [f"- stale: {markdown(e.describe())} matches no finding" for e in result.stale]
        lines += [f"- expired on {e.expires}: {markdown(e.describe())} no longer accepts its finding"
                  for e in result.expired]
        lines += ["", "Run `factcheck baseline prune` and commit the baseline.", ""]
    failing = {f.id for f in (*result.failing, *result.warned)}
    others = [f for f in result.report.findings if f.id not in failing and f.id not in result.suppressed
              and f.verdict.value != "unverified"]
    if others:
        lines += ["<details>", f"<summary>{len(others)} other findings of the changed sources</summary>", ""]
        for finding in others:
            lines.extend(finding_section(finding))
        lines += ["</details>", ""]
    unverified = [f for f in result.report.findings if f.verdict.value == "unverified" and f.id not in failing]
    if unverified:
        lines += [f"{ICONS['unverified']} {len(unverified)} claims of the changed sources no other source speaks to.",
                  ""]
    if result.notes:
        lines += ["**Notes**", "", *(f"- {markdown(note)}" for note in result.notes), ""]
    return "\n".join(lines).rstrip() + "\n"

"""The gate's output: its own text, JSON and Markdown (which lead with what fails and what to do), and
the report formats (sarif, junit, github, html) given the gate's context: what the baseline accepts,
which files changed, which verdicts fail."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from factcheck.gate.gate import GateResult
from factcheck.gate.identity import anchor_claim, fingerprint
from factcheck.report import FORMATS, RenderContext, render
from factcheck.report import text as text_format
from factcheck.report.json import report_data

GATE_FORMATS = ("text", "json", "markdown", "sarif", "junit", "github")


def gate_context(result: GateResult, base: RenderContext | None = None) -> RenderContext:
    """The render context of a gate run: unverified claims are shown only when they fail."""
    return replace(base or RenderContext(), suppressions={k: e.reason for k, e in result.suppressed.items()},
                   changed_paths=frozenset(result.changed_files), failing_verdicts=result.failing_verdicts,
                   rules=result.rules, show_unverified=result.fail_on == "unverified")


def render_gate(result: GateResult, format_name: str, base: RenderContext | None = None) -> str:
    context = gate_context(result, base)
    if format_name == "text":
        return text_format.render(result.report, context) + "\n" + "\n".join(summary_lines(result)) + "\n"
    if format_name == "json":
        return json.dumps(gate_data(result, context), indent=2, ensure_ascii=False) + "\n"
    if format_name == "markdown":
        from factcheck.gate.markdown import render_markdown

        return render_markdown(result, context)
    if format_name not in FORMATS:
        raise KeyError(f"unknown format {format_name!r}; known: {', '.join(GATE_FORMATS)}")
    return render(result.report, format_name, context)


def summary_lines(result: GateResult) -> list[str]:
    """Ruff-style lines: each failing finding at its claim, the baseline's news, notes, then the outcome."""
    changed = frozenset(result.changed_files)
    lines = []
    for finding in result.failing:
        claim = anchor_claim(finding, changed)
        lines.append(f"{claim.path}:{claim.line}: {finding.rule_id} {finding.verdict.value}: {finding.message} "
                     f"[{finding.id}]")
    for finding in result.report.findings:
        entry = result.suppressed.get(finding.id)
        if entry is not None:
            lines.append(f"accepted {finding.id} ({finding.rule_id} {finding.subject} {finding.property}): "
                         f"{entry.reason}")
    lines += [f"stale baseline entry {e.describe()}: it matches no finding; run `factcheck baseline prune`"
              for e in result.stale]
    lines += [f"expired baseline entry {e.describe()}: expired on {e.expires}, it no longer accepts its finding"
              for e in result.expired]
    lines += [f"note: {note}" for note in result.notes]
    lines.append(outcome(result))
    return lines


def outcome(result: GateResult) -> str:
    files = len(result.changed_files)
    where = f"{files} changed claims file{'s' if files != 1 else ''}"
    if result.passed:
        return f"factcheck gate: passed: nothing new fails ({where}, rules from {result.rules_from})."
    count = len(result.failing)
    what = "/".join(result.failing_verdicts)
    return (f"factcheck gate: failed: {count} new finding{'s' if count != 1 else ''} ({what}) in {where}. Fix the "
            "claims, or accept a finding: factcheck baseline add FINDING_ID --reason \"...\"")


def gate_data(result: GateResult, context: RenderContext) -> dict[str, Any]:
    """The JSON report (docs/report-json.md) with a `gate` object, and each finding's fingerprint."""
    data = report_data(result.report, context)
    for finding, shown in zip(result.report.findings, data["findings"]):
        shown["fingerprint"] = fingerprint(finding)
        entry = result.suppressed.get(finding.id)
        shown["baseline"] = None if entry is None else {"reason": entry.reason, "owner": entry.owner,
                                                         "expires": str(entry.expires) if entry.expires else None}
    gate = {
        "passed": result.passed, "fail_on": result.fail_on, "failing_verdicts": list(result.failing_verdicts),
        "rules_from": result.rules_from, "changed_files": list(result.changed_files),
        "changed_sources": list(result.changed_sources), "failing": [f.id for f in result.failing],
        "accepted": sorted(result.suppressed),
        "stale": [e.model_dump(mode="json", exclude_none=True) for e in result.stale],
        "expired": [e.model_dump(mode="json", exclude_none=True) for e in result.expired],
        "notes": list(result.notes),
    }
    return {"schema_version": data["schema_version"], "tool": data["tool"], "gate": gate,
            **{k: v for k, v in data.items() if k not in ("schema_version", "tool")}}

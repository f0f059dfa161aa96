"""The gate's output: its own text, JSON and Markdown (which lead with what fails and what to do), and
the report formats (sarif, junit, github, html) given the gate's context: what the baseline accepts,
which files changed, which verdicts fail. Lines for a terminal or CI log go through `escape.terminal_line`
(a path that opens a line through `escape.terminal_path`), JSON through `escape.json_value`, a source
and a finding at a time (`gate_members`, written by `report/json_stream.py`)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from factcheck.gate.gate import GateResult
from factcheck.engine.identity import anchor_claim, fingerprint
from factcheck.report import FORMATS, RenderContext, render
from factcheck.engine import Finding
from factcheck.report.escape import terminal_line, terminal_path
from factcheck.report.json import _header as report_header  # the report's header, as `report` writes it
from factcheck.report.json import finding_data
from factcheck.report.json_stream import Items, Members, object_chunks
from factcheck.report.sources import source_data, sources_of
from factcheck.report.review import HOW_TO_REVIEW, unreviewed_note

GATE_FORMATS = ("text", "json", "markdown", "sarif", "junit", "github")


def gate_context(result: GateResult, base: RenderContext | None = None) -> RenderContext:
    """The render context of a gate run: unverified claims are shown only when they fail."""
    return replace(base or RenderContext(), suppressions={k: e.reason for k, e in result.suppressed.items()},
                   changed_paths=frozenset(result.changed_files), failing_verdicts=result.failing_verdicts,
                   rules=result.rules, show_unverified=result.fail_on == "unverified",
                   warned=frozenset(f.id for f in result.warned), ignored=frozenset(f.id for f in result.ignored),
                   below_level=frozenset(f.id for f in result.below_level))


def render_gate(result: GateResult, format_name: str, base: RenderContext | None = None) -> str:
    context = gate_context(result, base)
    if format_name == "text":
        return render(result.report, "text", context) + "\n" + "\n".join(summary_lines(result)) + "\n"
    if format_name == "json":
        return "".join(object_chunks(gate_members(result, context), indent=2))
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
    for prefix, findings in (("", result.failing), ("warning: ", result.warned)):
        for finding in findings:
            claim = anchor_claim(finding, changed)
            lines.append(f"{prefix}{terminal_path(claim.path)}:{claim.line}: {finding.rule_id} {finding.verdict.value}: "
                         f"{terminal_line(finding.message)} [{finding.id}]")
            note = unreviewed_note(finding)
            if note is not None:
                lines.append(f"  {terminal_line(note)}")
    for finding in result.report.findings:
        entry = result.suppressed.get(finding.id)
        if entry is not None:
            lines.append(f"accepted {finding.id} ({finding.rule_id} {finding.subject} {finding.property}): "
                         f"{terminal_line(entry.reason)}")
    lines += [f"stale baseline entry {terminal_line(e.describe())}: it matches no finding; run `factcheck baseline prune`"
              for e in result.stale]
    lines += [f"expired baseline entry {terminal_line(e.describe())}: expired on {e.expires}, it no longer accepts "
              f"its finding" for e in result.expired]
    lines += [f"note: {terminal_line(note)}" for note in result.notes]
    lines.append(terminal_line(outcome(result)))
    return lines


def outcome(result: GateResult) -> str:
    files = len(result.changed_files)
    where = f"{files} changed claims file{'s' if files != 1 else ''}"
    held = _held_back(result)
    if result.passed:
        return f"factcheck gate: passed: nothing new fails ({where}, rules from {result.rules_from}){held}."
    count = len(result.failing)
    what = "/".join(result.failing_verdicts)
    unreviewed = sum(f.rests_on_unreviewed for f in result.failing)
    review = (f" {unreviewed} of them rest{'s' if unreviewed == 1 else ''} on unreviewed claims: {HOW_TO_REVIEW}."
              if unreviewed else "")
    return (f"factcheck gate: failed: {count} new finding{'s' if count != 1 else ''} ({what}) in {where}{held}."
            f"{review} Fix the claims, or accept a finding: factcheck baseline add FINDING_ID --reason \"...\"")


def _held_back(result: GateResult) -> str:
    """`; 1 warning on unreviewed claims (--unreviewed warn)`: what the policy kept from failing."""
    for findings, what in ((result.warned, "warning"), (result.ignored, "ignored finding")):
        if findings:
            count = len(findings)
            return f"; {count} {what}{'s' if count != 1 else ''} on unreviewed claims (--unreviewed {result.unreviewed})"
    return ""


def gate_members(result: GateResult, context: RenderContext, news: dict[str, Any] | None = None) -> Members:
    """The JSON report (docs/report-json.md) with a `gate` object (and `news`, what news.py says of the
    change), and each finding's fingerprint, as the members of one object: sources and findings are
    encoded as they are written (`json_stream`), once."""
    header = report_header(result.report, context)
    gate = {**_gate_object(result), **(news or {})}
    return [("schema_version", header["schema_version"]), ("tool", header["tool"]), ("gate", gate),
            *((key, value) for key, value in header.items() if key not in ("schema_version", "tool")),
            ("sources", Items(source_data(row) for row in sources_of(result.report))),
            ("findings", Items(_finding_data(result, finding) for finding in result.report.findings))]


def _finding_data(result: GateResult, finding: Finding) -> dict[str, Any]:
    shown = finding_data(finding)
    shown["fingerprint"] = fingerprint(finding)
    entry = result.suppressed.get(finding.id)
    shown["baseline"] = None if entry is None else {"reason": entry.reason, "owner": entry.owner,
                                                     "expires": str(entry.expires) if entry.expires else None}
    return shown


def _gate_object(result: GateResult) -> dict[str, Any]:
    gate = {
        "passed": result.passed, "fail_on": result.fail_on, "failing_verdicts": list(result.failing_verdicts),
        "unreviewed": result.unreviewed, "warned": [f.id for f in result.warned],
        "ignored": [f.id for f in result.ignored],
        "rules_from": result.rules_from, "changed_files": list(result.changed_files),
        "changed_sources": list(result.changed_sources), "failing": [f.id for f in result.failing],
        "accepted": sorted(result.suppressed),
        "stale": [e.model_dump(mode="json", exclude_none=True) for e in result.stale],
        "expired": [e.model_dump(mode="json", exclude_none=True) for e in result.expired],
        "notes": list(result.notes),
    }
    return gate

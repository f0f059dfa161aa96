"""What the gate says about the change itself, beside its findings, in every format: baseline entries
accepted in this change, deleted and renamed sources and the findings they took away, and blocks over
the size limit. `render_with_news` is `render_gate` with them added to the output of each format (the
outcome line too, when they fail the change), so the renderers stay as they are.

A place to point at leads the line (`claims/x.yaml:12: warning: ...`); otherwise the line starts with
its level (`error:`, `warning:`) or what it is (`deleted source ...`), never with untrusted text.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from factcheck.gate.gate import GateResult
from factcheck.gate.render import gate_context, gate_members, outcome, render_gate, summary_lines
from factcheck.report.context import RenderContext
from factcheck.report.escape import json_text, markdown, terminal_line, terminal_path, workflow_data
from factcheck.report.json_stream import object_chunks
from factcheck.engine.identity import fingerprint


def news_lines(result: GateResult) -> list[str]:
    """One line each, Ruff-style where there is a place to point at; `error:` when it fails the gate."""
    lines = []
    review = "warning" if result.allow_baseline_changes else "error"
    accepted = {fingerprint(f): f for f in result.report.findings}
    for change in result.baseline_changes:
        finding = accepted.get(change.entry.fingerprint)
        which = f"finding {finding.id}" if finding else change.entry.describe()
        lines.append(f"{review}: accepted in this change: needs review: {terminal_line(which)} ({change.how} in "
                     f"the baseline): {terminal_line(change.entry.reason)}")
    for moved in result.source_changes:
        source = moved.source_id or "an unreadable claims file"
        where = f"{moved.old} -> {moved.new}" if moved.new else moved.old
        gone = "; the source is gone" if moved.gone and moved.how == "renamed" else ""
        lines.append(f"{moved.how} source {terminal_line(source)}: {terminal_line(where)}{gone}")
    lost = "warning" if result.allow_deleted_sources else "error"
    lines += [f"{lost}: {terminal_line(finding.message)}" for finding in result.lost]
    for block in result.blocks:
        lines.append(f"{terminal_path(block.path)}:{block.line}: {'error' if block.refused else 'warning'}: "
                     f"{terminal_line(block.message)}")
    return lines


def news_data(result: GateResult) -> dict[str, Any]:
    """The same, for the JSON `gate` object."""
    return {
        "baseline_changes": [{"how": c.how, "needs_review": not result.allow_baseline_changes,
                              **c.entry.model_dump(mode="json", exclude_none=True)} for c in result.baseline_changes],
        "source_changes": [{"how": m.how, "old": m.old, "new": m.new, "source": m.source_id, "gone": m.gone}
                           for m in result.source_changes],
        "lost_evidence": [{"finding": f.finding_id, "rule": f.rule_id, "fact": f.fact, "verdict": f.verdict,
                           "deleted_source": f.source_id, "accepted": f.accepted, "message": f.message}
                          for f in result.lost],
        "blocks": [{"rule": b.rule_id, "block": b.block, "path": b.path, "line": b.line, "claims": b.claims,
                    "pairs": b.pairs, "represented": b.represented, "refused": b.refused, "message": b.message}
                   for b in result.blocks],
        "blockers": list(result.blockers),
    }


def render_with_news(result: GateResult, format_name: str, base: RenderContext | None = None) -> str:
    """The gate's output in `format_name`, with its news about the change (JSON indented by 2)."""
    if format_name == "json":
        return "".join(json_chunks(result, base, indent=2))
    return with_news(render_gate(result, format_name, base), format_name, result)


def json_chunks(result: GateResult, base: RenderContext | None = None, indent: int | None = None) -> Iterator[str]:
    """The gate's JSON with its news, a piece at a time: compact (a source or finding a line) or indented
    by `indent`, each value encoded once, so `gate --format json -o FILE` never holds the text whole."""
    news = news_data(result) if news_lines(result) else None
    return object_chunks(gate_members(result, gate_context(result, base), news), indent)


def summary_with_news(result: GateResult) -> list[str]:
    """render.summary_lines with the news before the outcome, and the outcome saying what fails."""
    lines = summary_lines(result)
    return [*lines[:-1], *news_lines(result), outcome_with_news(result)]


def outcome_with_news(result: GateResult) -> str:
    if not result.blockers:
        return outcome(result)
    findings = ""
    if result.failing:
        count = len(result.failing)
        findings = f"; {count} new finding{'s' if count != 1 else ''} ({'/'.join(result.failing_verdicts)})"
    files = len(result.changed_files)
    return (f"factcheck gate: failed: {'; '.join(result.blockers)}{findings} in {files} changed claims "
            f"file{'s' if files != 1 else ''}.")


def with_news(text: str, format_name: str, result: GateResult) -> str:
    """`text` in a format with the gate's news added (nothing to add: unchanged)."""
    lines = news_lines(result)
    if not lines:
        return text
    if format_name == "text":
        last = outcome(result) + "\n"
        kept = text[:-len(last)] if text.endswith(last) else text
        return kept + "\n".join([*lines, outcome_with_news(result)]) + "\n"
    if format_name == "markdown":
        return _markdown(text, lines, result)
    if format_name == "github":
        return text + "".join(_github(line) + "\n" for line in lines)
    if format_name == "sarif":
        return _sarif(text, lines)
    if format_name == "junit":
        return _junit(text, lines)
    return text


def _markdown(text: str, lines: list[str], result: GateResult) -> str:
    section = ["## The change itself", "", *(f"- {markdown(line)}" for line in lines), ""]
    if result.blockers:
        section[1:1] = ["", f"**Fails:** {markdown('; '.join(result.blockers))}."]
    heading, _, rest = text.partition("\n\n")
    if result.blockers and not result.failing:
        heading = f"# factcheck gate: ❌ failed: {markdown('; '.join(result.blockers))}"
    title, _, after = rest.partition("\n\n")  # the heading, then the paragraph of changed files
    return "\n\n".join([heading, title, "\n".join(section).rstrip(), after]).rstrip() + "\n"


def _github(line: str) -> str:
    level, _, message = line.partition(": ") if line.startswith(("error: ", "warning: ")) else ("notice", "", line)
    return f"::{level} title=factcheck gate::{workflow_data(message)}"


def _sarif(text: str, lines: list[str]) -> str:
    data = json.loads(text)
    for run in data.get("runs", []):
        invocations = run.setdefault("invocations", [{"executionSuccessful": True}])
        notes = invocations[0].setdefault("toolExecutionNotifications", [])
        for line in lines:
            level = "error" if line.startswith("error:") or ": error:" in line else "warning"
            if not line.startswith(("error:", "warning:")) and ": error:" not in line and ": warning:" not in line:
                level = "note"
            notes.append({"level": level, "message": {"text": line}})
    return json_text(data)


def _junit(text: str, lines: list[str]) -> str:
    import xml.etree.ElementTree as ElementTree  # for this format only

    root = ElementTree.fromstring(text)
    suite = ElementTree.SubElement(root, "testsuite", name="factcheck gate: the change", tests=str(len(lines)))
    failures = 0
    for line in lines:
        case = ElementTree.SubElement(suite, "testcase", name=line[:200], classname="factcheck.gate")
        if line.startswith("error:") or ": error:" in line:
            failures += 1
            ElementTree.SubElement(case, "failure", message=line).text = line
    suite.set("failures", str(failures))
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root, encoding="unicode") + "\n"

"""GitHub workflow commands: annotations on the pull request's files, from any workflow step.

    ::error file=claims/wire.yaml,line=9,title=FC101 date-consistency: conflict::GSOMIA expires_on: ...

A finding that fails the check (a conflict, or what `--fail-on` names) and is not in the baseline is
an `error`; any other conflict or compatible finding not in the baseline a `warning`, and so is a
failing finding that rests on unreviewed claims under `--unreviewed warn` (under `ignore` it is not
annotated); agreements, unverified claims and accepted findings are not annotated. A finding that rests
on unreviewed claims says so in its title and message, with the claims to review. Each annotation sits at a claim in a
changed file, and only findings with a claim in a changed file are annotated. GitHub shows at most 10
errors and 10 warnings per step, so the rest are counted in a final `::notice::`.

Escaping follows GitHub's toolkit (`factcheck.report.escape`): in the message `%`, CR and LF become
`%25`, `%0D`, `%0A`; in a property value `:` and `,` also become `%3A` and `%2C`; other control
characters are dropped. So every line this format prints is one annotation of ours, whatever a file says.
"""

from __future__ import annotations

from factcheck.engine.finding import Finding, Report
from factcheck.engine.identity import anchor_claim, in_changed_files
from factcheck.report.context import RenderContext
from factcheck.report.escape import workflow_data, workflow_property
from factcheck.report.review import HOW_TO_REVIEW, claim_status, unreviewed_note

LIMIT = 10  # annotations of each level GitHub shows per step


def level(finding: Finding, context: RenderContext) -> str | None:
    """`error`, `warning`, or None for a finding not to annotate."""
    if (finding.id in context.suppressions or finding.id in context.ignored
            or not in_changed_files(finding, context.changed_paths)):
        return None
    if finding.id in context.warned or finding.id in context.below_level:
        return "warning"
    if finding.verdict.value in context.failing_verdicts:
        return "error"
    return "warning" if finding.verdict.value in ("conflict", "compatible") else None


def annotation(finding: Finding, kind: str, context: RenderContext) -> str:
    claim = anchor_claim(finding, context.changed_paths)
    title = f"{finding.rule_id} {finding.rule_name}: {finding.verdict.value}{', unreviewed' if finding.rests_on_unreviewed else ''}"
    lines = [f"{finding.message} (finding {finding.id})"]
    note = unreviewed_note(finding)
    if note is not None:
        lines.append(f"Unreviewed: {note}; {HOW_TO_REVIEW}.")
    lines += [f"{c.source_id}: {value} ({c.path}:{c.line}, {claim_status(c)})"
              for c, value in zip(finding.claims, finding.values)]
    lines += finding.explanation.splitlines()
    properties = f"file={workflow_property(claim.path)},line={claim.line},title={workflow_property(title)}"
    return f"::{kind} {properties}::{workflow_data(chr(10).join(lines))}"


def render(report: Report, context: RenderContext) -> str:
    shown: dict[str, list[str]] = {"error": [], "warning": []}
    omitted: dict[str, int] = {"error": 0, "warning": 0}
    for finding in report.findings:
        kind = level(finding, context)
        if kind is None:
            continue
        if len(shown[kind]) < LIMIT:
            shown[kind].append(annotation(finding, kind, context))
        else:
            omitted[kind] += 1
    lines = shown["error"] + shown["warning"]
    if any(omitted.values()):
        message = (f"{omitted['error']} more errors and {omitted['warning']} more warnings not annotated "
                   f"(GitHub shows {LIMIT} of each per step): see the full report")
        lines.append(f"::notice title=factcheck::{workflow_data(message)}")
    return "".join(line + "\n" for line in lines)

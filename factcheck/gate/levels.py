"""What the gate's `--fail-on` severity level does to its result after the run (`run_gate` judges
verdicts; the level is applied here, on its `GateResult`): a failing finding from a rule below the level
(a `severity: warning` rule at the default `--fail-on error`) does not fail the change; it stays in the
report and is named in a note. (`--reviewed-only` is a `GateRequest` field: unreviewed claims are left out
before anything is compared, as `report --reviewed-only` does.)
"""

from __future__ import annotations

from dataclasses import replace

from factcheck.engine.identity import anchor_claim
from factcheck.gate.gate import GateResult
from factcheck.rules.severity import FailOn, rule_severity


def below_level(result: GateResult, fail_on: FailOn) -> GateResult:
    """`result` with failing findings of rules below `fail_on.severity` shown but not failing."""
    held = [f for f in result.failing
            if not fail_on.fails(f.verdict.value, rule_severity(f.rule_id, f.severity, result.rules))]
    if not held:
        return result
    changed = frozenset(result.changed_files)
    notes = []
    for finding in held:
        claim = anchor_claim(finding, changed)
        notes.append(f"{claim.path}:{claim.line}: {finding.rule_id} {finding.verdict.value} does not fail: its rule's "
                     f"severity is {rule_severity(finding.rule_id, finding.severity, result.rules)}, below --fail-on {fail_on.severity}: {finding.message} "
                     f"[{finding.id}]")
    return replace(result, failing=tuple(f for f in result.failing if f not in held), notes=(*result.notes, *notes),
                   below_level=(*result.below_level, *held))

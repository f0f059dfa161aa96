"""What the gate's options do to its result after the run: the severity level of `--fail-on`, and
`--reviewed-only`. (`run_gate` judges verdicts; these two are applied here, on its `GateResult`.)

- A failing finding from a rule below the severity level (a `severity: warning` rule at the default
  `--fail-on error`) does not fail the change; it stays in the report and is named in a note.
- `--reviewed-only` leaves out every finding that fewer than two reviewed claims take part in (it could
  not exist between reviewed claims alone), and the summary's counts with it. A finding with two or more
  reviewed claims stays even when an unreviewed one takes part too: those reviewed claims may disagree
  among themselves, and a gate must not pass a conflict it cannot rule out. (`report --reviewed-only`
  leaves unreviewed claims out before comparing; `run_gate` has no such step yet.)
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
    return replace(result, failing=tuple(f for f in result.failing if f not in held), notes=(*result.notes, *notes))

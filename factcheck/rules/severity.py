"""What fails a run: `--fail-on`, on two scales.

A finding fails when its verdict is one the run fails on and its rule's severity is at or above the
run's level. `--fail-on` takes a level from either scale (repeat it, or separate with commas, for both):

- a severity: `error` (the default: a rule with `severity: warning` is shown but does not fail),
  `warning` (warnings and errors fail), `note` or `info` (every severity fails);
- a verdict: `conflict` (the default), `compatible` (compatible or conflict), `unverified` (anything
  that does not agree).

So `--fail-on warning,compatible` fails on a compatible or conflicting finding of a warning or error rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from factcheck.rules.model import Rule

SEVERITIES = ("note", "warning", "error")  # lowest first
SEVERITY_ALIASES = {"info": "note"}
VERDICT_LEVELS: dict[str, tuple[str, ...]] = {
    "conflict": ("conflict",),
    "compatible": ("conflict", "compatible"),
    "unverified": ("conflict", "compatible", "unverified"),
}
FAIL_ON_CHOICES = (*reversed(SEVERITIES), *SEVERITY_ALIASES, *VERDICT_LEVELS)


class FailOnError(ValueError):
    """A `--fail-on` value on neither scale, or two values on one scale."""


@dataclass(frozen=True)
class FailOn:
    severity: str = "error"  # the lowest rule severity that fails
    verdict: str = "conflict"  # a key of VERDICT_LEVELS

    @property
    def verdicts(self) -> tuple[str, ...]:
        return VERDICT_LEVELS[self.verdict]

    def fails(self, verdict: str, severity: str) -> bool:
        """Whether a finding with this verdict, from a rule of this severity, fails the run."""
        return verdict in self.verdicts and at_or_above(severity, self.severity)

    def describe(self) -> str:
        return f"{self.severity},{self.verdict}"


def rule_severity(rule_id: str, shown: str, rules: Iterable[Rule]) -> str:
    """The severity of the rule `rule_id` among `rules`, else `shown` (a finding's own: `note` for an
    unverified claim, which is no judgement of its rule)."""
    return next((r.severity.value for r in rules if r.id == rule_id), shown)


def at_or_above(severity: str, level: str) -> bool:
    """`warning` is at or above `note` and `warning`, not `error`; an unknown severity counts as `error`."""
    def rank(name: str) -> int:
        name = SEVERITY_ALIASES.get(name, name)
        return SEVERITIES.index(name) if name in SEVERITIES else len(SEVERITIES) - 1

    return rank(severity) >= rank(level)


def parse_fail_on(values: Iterable[str]) -> FailOn:
    """`["warning", "compatible"]`, `["warning,compatible"]` or `[]` (the defaults) as a FailOn."""
    severity: str | None = None
    verdict: str | None = None
    for value in (part.strip().lower() for item in values for part in item.split(",") if part.strip()):
        name = SEVERITY_ALIASES.get(value, value)
        if name in SEVERITIES:
            if severity not in (None, name):
                raise FailOnError(f"--fail-on {severity} and {value}: give one severity")
            severity = name
        elif name in VERDICT_LEVELS:
            if verdict not in (None, name):
                raise FailOnError(f"--fail-on {verdict} and {value}: give one verdict")
            verdict = name
        else:
            raise FailOnError(f"--fail-on {value!r}: use a severity ({', '.join(reversed(SEVERITIES))}, info) "
                              f"or a verdict ({', '.join(VERDICT_LEVELS)})")
    return FailOn(severity or "error", verdict or "conflict")

"""`factcheck report`'s count of failing findings (its exit code): a finding whose verdict cannot fail is
passed over before its rule's severity is looked up, each rule's once; the count is the one-by-one rule's
at every `--fail-on` level, with a project rule that overrides a built-in one's severity."""

from __future__ import annotations

from dataclasses import replace
from itertools import product

import pytest

from factcheck.cli.report_commands import failing_count
from factcheck.engine import Report
from factcheck.rules import load_rules
from factcheck.rules.model import Rule
from factcheck.rules.severity import SEVERITIES, VERDICT_LEVELS, FailOn, rule_severity
from tests.report.test_json import seeds  # noqa: F401 - the fixture: the seeds' report


@pytest.mark.parametrize(("severity", "verdict"), list(product(SEVERITIES, VERDICT_LEVELS)))
def test_the_count_is_the_one_by_one_rules(seeds: Report, severity: str, verdict: str) -> None:  # noqa: F811
    fail_on = FailOn(severity, verdict)
    findings = list(seeds.findings)
    findings += [replace(f, verdict=type(f.verdict)("conflict")) for f in findings[:12]]  # conflicts too
    report = Report(tuple(findings), seeds.summary)
    rules = [replace_severity(f.rule_id, "warning") for f in findings[:3]]  # rules in force, a few lowered
    one_by_one = sum(fail_on.fails(f.verdict.value, rule_severity(f.rule_id, f.severity, rules))
                     for f in report.findings)
    assert failing_count(report, fail_on, rules) == one_by_one
    if (severity, verdict) == ("note", "unverified"):  # the lowest levels: every verdict but agree fails
        assert one_by_one == sum(f.verdict.value != "agree" for f in findings) > 70
    if (severity, verdict) == ("error", "conflict"):
        assert 0 < one_by_one < 12  # the lowered rules' conflicts do not fail


def replace_severity(rule_id: str, severity: str) -> Rule:
    """The built-in rule `rule_id`, in force with this severity (as a project's rule that overrides it)."""
    rule = next(r.rule for r in load_rules([], builtin=True) if r.rule.id == rule_id)
    return rule.model_copy(update={"severity": type(rule.severity)(severity)})

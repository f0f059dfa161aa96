"""The shipped rules pass their own tests, and every rule has a case that must fail."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.rules.testing import run_rule_tests

ROOT = Path(__file__).resolve().parents[2]
OUTCOME = run_rule_tests([ROOT / "rules"])


def test_every_rule_is_tested_with_a_failing_case() -> None:
    assert OUTCOME.untested == []
    assert {r.rule_id for r in OUTCOME.results} == {"FC101", "FC103", "FC104", "FC201", "FC301", "FC302", "FC401", "FC501", "FC502", "FC503"}


@pytest.mark.parametrize("result", OUTCOME.results, ids=lambda r: f"{r.rule_id}: {r.name}")
def test_rule_case(result) -> None:  # type: ignore[no-untyped-def]
    assert result.actual == result.expected

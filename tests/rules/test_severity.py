"""`--fail-on`: a severity, a verdict, or both."""

from __future__ import annotations

import pytest

from factcheck.rules.severity import FailOn, FailOnError, at_or_above, parse_fail_on


def test_defaults_fail_on_conflicts_of_error_rules() -> None:
    fail_on = parse_fail_on([])
    assert fail_on == FailOn("error", "conflict")
    assert fail_on.fails("conflict", "error")
    assert not fail_on.fails("conflict", "warning") and not fail_on.fails("compatible", "error")


@pytest.mark.parametrize(("values", "expected"), [
    (["warning"], FailOn("warning", "conflict")),
    (["info"], FailOn("note", "conflict")),
    (["Compatible"], FailOn("error", "compatible")),
    (["warning,compatible"], FailOn("warning", "compatible")),
    (["note", "unverified"], FailOn("note", "unverified")),
])
def test_either_scale_or_both(values: list[str], expected: FailOn) -> None:
    assert parse_fail_on(values) == expected


@pytest.mark.parametrize("values", [["fatal"], ["error", "warning"], ["conflict,compatible"]])
def test_an_unknown_level_or_two_on_one_scale_is_refused(values: list[str]) -> None:
    with pytest.raises(FailOnError):
        parse_fail_on(values)


def test_severity_order() -> None:
    assert at_or_above("error", "warning") and at_or_above("warning", "warning") and at_or_above("note", "info")
    assert not at_or_above("warning", "error") and not at_or_above("note", "warning")

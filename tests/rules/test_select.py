"""`--select` and `--ignore` as in Ruff: ids, id prefixes and names, any case; a selector that names
no rule is an error, never a silent "check nothing"."""

from __future__ import annotations

import pytest

from factcheck.rules import UnknownRuleError, load_rules
from factcheck.rules.select import selected


@pytest.fixture(scope="module")
def shipped() -> list:
    return load_rules([], builtin=True)


def ids(rules: list) -> list[str]:
    return [r.id for r in rules]


def test_no_selector_keeps_every_rule(shipped: list) -> None:
    assert ids(selected(shipped)) == ids(shipped)


@pytest.mark.parametrize(("select", "expected"), [
    (["FC1"], ["FC101", "FC103", "FC104"]),
    (["fc30"], ["FC301", "FC302"]),
    (["FC101", "fc5"], ["FC101", "FC501", "FC502", "FC503"]),
    (["Quote-Attribution"], ["FC201"]),
    (["FC"], ["FC101", "FC103", "FC104", "FC201", "FC301", "FC302", "FC401", "FC501", "FC502", "FC503"]),
])
def test_select_takes_ids_prefixes_and_names_in_any_case(shipped: list, select: list[str], expected: list[str]) -> None:
    assert ids(selected(shipped, select)) == expected


def test_ignore_drops_after_select(shipped: list) -> None:
    assert ids(selected(shipped, ["FC3", "FC4"], ["fc302"])) == ["FC301", "FC401"]
    assert "FC501" not in ids(selected(shipped, ignore=["FC50"]))


@pytest.mark.parametrize(("select", "ignore"), [(["FC9"], []), ([], ["FC999"]), (["date"], [])])
def test_a_selector_that_names_no_rule_is_an_error_naming_it(shipped: list, select: list[str], ignore: list[str]) -> None:
    with pytest.raises(UnknownRuleError) as raised:
        selected(shipped, select, ignore)
    assert repr((select + ignore)[0]) in str(raised.value) and "FC101 (date-consistency)" in str(raised.value)


def test_ignoring_everything_selected_is_an_error(shipped: list) -> None:
    with pytest.raises(UnknownRuleError, match="leaves no rule"):
        selected(shipped, ["FC1"], ["FC10"])

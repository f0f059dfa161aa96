"""Two rules that can match the same claim pair are found from their match clauses."""

from __future__ import annotations

from typing import Any

from factcheck.rules import load_rules
from factcheck.rules.model import Rule
from factcheck.rules.overlap import overlap, overlaps


def rule(rule_id: str, **match: Any) -> Rule:
    return Rule(id=rule_id, name=f"rule-{rule_id.lower()}", description="d", explain="e", match=match,
                pair_by=["subject", "property"], compare={"comparator": "quantity"})


def test_the_shipped_rules_do_not_overlap() -> None:
    assert overlaps([r.rule for r in load_rules([], builtin=True)]) == []


def test_a_rule_that_takes_what_another_excludes_does_not_overlap() -> None:
    assert overlap(rule("FC301", kinds=["quantity"], exclude_properties=["count"]),
                   rule("FC302", kinds=["quantity"], properties=["count"])) is None


def test_same_kind_any_property_overlaps_and_the_message_names_both() -> None:
    found = overlap(rule("FC301", kinds=["quantity"], exclude_properties=["count"]),
                    rule("FC390", kinds=["quantity", "date"]))
    assert found is not None
    assert found.message().startswith("rules FC301 (rule-fc301) and FC390 (rule-fc390) can both match")
    assert "kind quantity, property any but count" in found.message()


def test_disjoint_kinds_subjects_or_properties_do_not_overlap() -> None:
    assert overlap(rule("FC801", kinds=["date"]), rule("FC802", kinds=["quantity"])) is None
    assert overlap(rule("FC801", subjects=["a"]), rule("FC802", subjects=["b"])) is None
    assert overlap(rule("FC801", properties=["x", "y"]), rule("FC802", properties=["y"], exclude_properties=["y"])) is None
    assert overlap(rule("FC801", properties=["x", "y"]), rule("FC802", properties=["y"])).properties == {"y"}

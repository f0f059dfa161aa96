"""Which rules a run uses: `--select` and `--ignore`, as in Ruff.

A selector is a rule id, a prefix of ids (`FC1` is FC101 and FC103, `FC` every built-in rule), or a
rule's name (`date-consistency`), in any case. `--select` keeps the rules any selector names (all when
there is none); `--ignore` then drops the rules any of its selectors names. A selector that names no
rule is an `UnknownRuleError` (exit 2): a typo must not silently check nothing, nor everything.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar

from factcheck.rules.load import UnknownRuleError
from factcheck.rules.model import Rule


class _HasRule(Protocol):
    @property
    def rule(self) -> Rule: ...


R = TypeVar("R", bound=_HasRule)


def matches(selector: str, rule: Rule) -> bool:
    """Whether `selector` names `rule`: its id or an id prefix, or its name (case-insensitive)."""
    wanted = selector.strip().casefold()
    return bool(wanted) and (rule.id.casefold().startswith(wanted) or rule.name.casefold() == wanted)


def selected(rules: Sequence[R], select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[R]:
    """The rules in force after `select` and `ignore`, in their order; UnknownRuleError when a selector
    names no rule, or when the selectors leave no rule at all."""
    select, ignore = list(select), list(ignore)
    unknown = [s for s in [*select, *ignore] if not any(matches(s, r.rule) for r in rules)]
    if unknown:
        listing = ", ".join(f"{r.rule.id} ({r.rule.name})" for r in rules) or "none"
        raise UnknownRuleError(f"unknown rule {', '.join(map(repr, unknown))}: no rule id, id prefix (such as FC1) "
                               f"or name matches; known: {listing}")
    kept = [r for r in rules if not select or any(matches(s, r.rule) for s in select)]
    kept = [r for r in kept if not any(matches(s, r.rule) for s in ignore)]
    if rules and not kept:
        raise UnknownRuleError(f"--select {' '.join(select) or '(all)'} --ignore {' '.join(ignore)} leaves no rule to run")
    return kept


def selected_ids(rules: Sequence[R], select: Iterable[str] = (), ignore: Iterable[str] = ()) -> set[str]:
    return {r.rule.id for r in selected(rules, select, ignore)}

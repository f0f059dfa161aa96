"""Rules that can judge the same pair of claims, found from their `match` clauses before anything runs.

Two rules whose matches share a kind, a property, a subject and a source both compare the claims they
share, so every such pair is reported twice, perhaps with two verdicts. The shipped rules split the
claims between them (FC301 leaves `count` to FC302 with `exclude_properties`); a project rule that
adds to them without doing the same is told so once, naming both rules, before the run:

    warning: rules FC301 (quantity-consistency) and FC390 (casualties) can both match the same claims
    (kind quantity, property any but count): such a pair is reported twice; narrow one rule's `match`
    (exclude_properties) or override the other by its id
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from factcheck.rules.model import Rule


@dataclass(frozen=True)
class Overlap:
    first: Rule
    second: Rule
    kinds: frozenset[str] | None  # the kinds both match (None: any)
    properties: frozenset[str] | None  # the properties both match (None: any but `excluded`)
    excluded: frozenset[str]

    def message(self) -> str:
        kinds = ", ".join(sorted(self.kinds)) if self.kinds is not None else "any"
        if self.properties is not None:
            properties = ", ".join(sorted(self.properties))
        else:
            properties = "any" + (f" but {', '.join(sorted(self.excluded))}" if self.excluded else "")
        return (f"rules {self.first.id} ({self.first.name}) and {self.second.id} ({self.second.name}) can both "
                f"match the same claims (kind {kinds}, property {properties}): such a pair is reported twice; "
                "narrow one rule's `match` (exclude_properties) or override the other by its id")


def _common(first: list[str], second: list[str]) -> frozenset[str] | None:
    """What two `match` lists both allow: None for any (both empty), possibly empty."""
    if not first and not second:
        return None
    if not first or not second:
        return frozenset(first or second)
    return frozenset(first) & frozenset(second)


def overlap(first: Rule, second: Rule) -> Overlap | None:
    """How `first` and `second` can match one claim pair, or None when their matches are disjoint."""
    a, b = first.match, second.match
    kinds = _common(list(a.kinds), list(b.kinds))
    excluded = frozenset(a.exclude_properties) | frozenset(b.exclude_properties)
    properties = _common(a.properties, b.properties)
    if properties is not None:
        properties -= excluded
    if any(common is not None and not common for common in
           (kinds, properties, _common(a.subjects, b.subjects), _common(a.sources, b.sources))):
        return None
    return Overlap(first, second, kinds, properties, excluded)


def overlaps(rules: Sequence[Rule]) -> list[Overlap]:
    """Every pair of `rules` that can match the same claims, in the rules' order."""
    return [found for first, second in combinations(rules, 2) if (found := overlap(first, second)) is not None]

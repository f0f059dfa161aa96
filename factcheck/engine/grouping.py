"""From compared pairs to facts: which claims make up one finding.

Connected components chain: A links to B and B to C puts A and C in one finding though they were
never found to be one fact (one `announced_on` finding once held a dozen announcements through such
bridges). A fact here is a group in which every two claims of different sources were linked by a
comparison: complete linkage. Groups are merged greedily, the strongest links first (the same-fact
score plus the comparator's score), so each claim joins the fact it matches best. Claims of one source
are never compared with each other, so they need no link to share a group.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass

from factcheck.engine.blocking import different_source_pairs
from factcheck.engine.finding import PairComparison


@dataclass(frozen=True)
class Group:
    claims: tuple[str, ...]  # claim keys, in the order they were first linked
    pairs: tuple[PairComparison, ...]  # the comparisons inside the group


def connected_groups(links: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Union-find: each key that appears in `links` -> the representative of its connected group."""
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        parent.setdefault(key, key)
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for first, second in links:
        parent[root(first)] = root(second)
    return {key: root(key) for key in parent}


def _link(first: str, second: str) -> tuple[str, str]:
    """A compared pair's two keys, the same whichever order they come in (a tuple: cheaper to make
    and to hash than a frozenset, and there are as many as pairs compared)."""
    return (first, second) if first < second else (second, first)


def complete_linkage_groups(compared: list[PairComparison], strength: Mapping[tuple[str, str], float],
                            sources: Mapping[str, str], focus: Collection[str] | None = None) -> list[Group]:
    """Partition the compared claims into groups whose cross-source pairs are all linked. With
    `focus` (the gate's fast path, which compares only pairs touching those sources), a pair of two
    sources outside it was not compared and needs no link.

    Greedy merging never joins two connected parts of the pairs, so each part is grouped alone. A part
    in which every two claims of different sources are linked (every source that reports a fact agreeing,
    most of a large corpus) is one group whatever the order of merging: it is made at once, its claims in
    the order its pairs name them. The others are merged greedily as below. Groups come in the order of
    their first pair, then the claims left out (`_left_out`), as when everything was merged greedily."""
    if focus is not None:
        groups, left_out = _greedy_groups(compared, strength, sources, focus)
        return [group for _, group in groups] + left_out
    whole: list[tuple[int, Group]] = []
    rest: list[int] = []  # the positions of the pairs merged greedily
    for positions in _connected_parts(compared):
        part = [compared[position] for position in positions]
        claims = list(dict.fromkeys(key for pair in part for key in (pair.first, pair.second)))
        linked = {_link(pair.first, pair.second) for pair in part}
        if len(linked) == different_source_pairs([sources[key] for key in claims]):
            whole.append((positions[0], Group(tuple(claims), tuple(part))))
        else:
            rest.extend(positions)
    if not rest:
        return [group for _, group in whole]
    rest.sort()
    greedy, left_out = _greedy_groups([compared[position] for position in rest], strength, sources, None)
    merged = sorted([*whole, *((rest[first], group) for first, group in greedy)], key=lambda found: found[0])
    return [group for _, group in merged] + left_out


def _connected_parts(compared: list[PairComparison]) -> list[list[int]]:
    """The positions of the pairs of each connected part, each part in order, the parts in the order
    of their first pair."""
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        found = parent.setdefault(key, key)
        while found != key:
            grand = parent[found]
            parent[key] = grand
            key, found = found, grand
        return key

    for pair in compared:
        first, second = root(pair.first), root(pair.second)
        if first != second:
            parent[first] = second
    parts: dict[str, list[int]] = {}
    for position, pair in enumerate(compared):
        parts.setdefault(root(pair.first), []).append(position)
    return list(parts.values())


def _greedy_groups(compared: list[PairComparison], strength: Mapping[tuple[str, str], float],
                   sources: Mapping[str, str],
                   focus: Collection[str] | None) -> tuple[list[tuple[int, Group]], list[Group]]:
    """Complete linkage by greedy merging, the strongest links first: the groups, each with the
    position of its first pair in `compared`, and the groups of claims left out."""

    def needs_link(x: str, y: str) -> bool:
        return sources[x] != sources[y] and (focus is None or sources[x] in focus or sources[y] in focus)

    linked = {_link(p.first, p.second) for p in compared}
    members: dict[str, list[str]] = {}
    group_of: dict[str, str] = {}
    for pair in compared:
        for key in (pair.first, pair.second):
            if key not in group_of:
                group_of[key] = key
                members[key] = [key]
    version: dict[str, int] = {key: 0 for key in members}  # a group's version changes when it grows
    refused: set[tuple[str, int, str, int]] = set()  # pairs of group versions already found incomplete
    ordered = sorted(compared, key=lambda p: (-strength.get((p.first, p.second), 0.0), p.first, p.second))
    for pair in ordered:
        first, second = group_of[pair.first], group_of[pair.second]
        if first == second:
            continue
        tried = (first, version[first], second, version[second]) if first < second else \
            (second, version[second], first, version[first])
        if tried in refused:
            continue
        if all(not needs_link(x, y) or _link(x, y) in linked
               for x in members[first] for y in members[second]):
            keep, gone = (first, second) if len(members[first]) >= len(members[second]) else (second, first)
            members[keep].extend(members.pop(gone))
            for key in members[keep]:
                group_of[key] = keep
            version[keep] += 1
        else:
            refused.add(tried)
    pairs_of: dict[str, tuple[int, list[PairComparison]]] = {}
    for position, pair in enumerate(compared):
        if group_of[pair.first] == group_of[pair.second]:
            pairs_of.setdefault(group_of[pair.first], (position, []))[1].append(pair)
    groups = [(first, Group(tuple(members[root]), tuple(pairs))) for root, (first, pairs) in pairs_of.items()]
    return groups, _left_out(compared, ordered, {k for _, g in groups for k in g.claims}, needs_link, linked)


def _left_out(compared: list[PairComparison], ordered: list[PairComparison], grouped: set[str],
              needs_link: Callable[[str, str], bool], linked: set[tuple[str, str]]) -> list[Group]:
    """A claim linked only to members of a fact it cannot join (it matches one source's words but
    not another's) still has its say: a finding of its own with the claims it is linked to, best
    first, each linked to all the others. Those claims then stand in two findings."""
    groups: list[Group] = []
    for key in dict.fromkeys(k for p in ordered for k in (p.first, p.second)):
        if key in grouped:
            continue
        members = [key]
        for pair in ordered:
            if key not in (pair.first, pair.second):
                continue
            partner = pair.second if pair.first == key else pair.first
            if all(not needs_link(partner, m) or _link(partner, m) in linked for m in members):
                members.append(partner)
        inside = set(members)
        pairs = tuple(p for p in compared if p.first in inside and p.second in inside)
        grouped.add(key)
        groups.append(Group(tuple(members), pairs))
    return groups

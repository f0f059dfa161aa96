"""A fact is a group whose claims are all linked, never a chain through one bridge."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.comparators.base import Comparison, Verdict
from factcheck.engine.finding import PairComparison
from factcheck.engine.grouping import _greedy_groups, complete_linkage_groups


def link(first: str, second: str) -> PairComparison:
    return PairComparison(first, second, Comparison(Verdict.agree, "same"))


SOURCES = {f"{s}/1": s for s in "abcd"} | {"a/2": "a"}


def test_a_bridge_does_not_chain_two_facts() -> None:
    # a~b and b~c, but a and c were never found to be one fact.
    pairs = [link("a/1", "b/1"), link("b/1", "c/1")]
    groups = complete_linkage_groups(pairs, {("a/1", "b/1"): 2.0, ("b/1", "c/1"): 1.0}, SOURCES)
    assert [g.claims for g in groups] == [("a/1", "b/1"), ("c/1", "b/1")]  # c has its own finding


def test_the_strongest_link_wins_the_bridge() -> None:
    pairs = [link("a/1", "b/1"), link("b/1", "c/1")]
    groups = complete_linkage_groups(pairs, {("a/1", "b/1"): 1.0, ("b/1", "c/1"): 2.0}, SOURCES)
    assert [sorted(g.claims) for g in groups] == [["b/1", "c/1"], ["a/1", "b/1"]]


def test_a_fully_linked_group_is_one_fact_and_claims_of_one_source_need_no_link() -> None:
    pairs = [link(x, y) for x, y in (("a/1", "b/1"), ("a/1", "c/1"), ("b/1", "c/1"), ("a/2", "b/1"),
                                     ("a/2", "c/1"))]
    [group] = complete_linkage_groups(pairs, {}, SOURCES)
    assert sorted(group.claims) == ["a/1", "a/2", "b/1", "c/1"] and len(group.pairs) == 5


def test_with_a_focus_pairs_outside_it_need_no_link() -> None:
    pairs = [link("a/1", "d/1"), link("b/1", "d/1"), link("c/1", "d/1")]
    [group] = complete_linkage_groups(pairs, {}, SOURCES, focus={"d"})
    assert sorted(group.claims) == ["a/1", "b/1", "c/1", "d/1"]


def test_a_claim_left_out_of_a_fact_still_has_a_finding_with_its_partner() -> None:
    # b~a and c~a, but b and c were never compared: the stronger pair is a fact, the other its own.
    pairs = [link("a/1", "b/1"), link("a/1", "c/1")]
    groups = complete_linkage_groups(pairs, {("a/1", "b/1"): 2.0, ("a/1", "c/1"): 1.0}, SOURCES)
    assert [sorted(g.claims) for g in groups] == [["a/1", "b/1"], ["a/1", "c/1"]]
    assert [len(g.pairs) for g in groups] == [1, 1]


pair_lists = st.lists(st.tuples(st.sampled_from(sorted(SOURCES)), st.sampled_from(sorted(SOURCES)), st.integers(0, 3)),
                      max_size=12)


@settings(max_examples=400, deadline=None)
@given(pair_lists)
def test_parts_grouped_alone_are_the_greedy_merge_of_everything(drawn: list[tuple[str, str, int]]) -> None:
    """Fully linked parts are made at once and the rest merged greedily: the same groups (claims as a
    set: a fully linked part lists them as its pairs name them), the same pairs, in the same order."""
    met: set[tuple[str, str]] = set()
    pairs, strength = [], {}
    for first, second, score in drawn:
        if SOURCES[first] != SOURCES[second] and (first, second) not in met and (second, first) not in met:
            met.add((first, second))
            pairs.append(link(first, second))
            strength[(first, second)] = float(score)
    greedy, left_out = _greedy_groups(pairs, strength, SOURCES, None)
    expected = [group for _, group in greedy] + left_out
    found = complete_linkage_groups(pairs, strength, SOURCES)
    assert [(set(g.claims), g.pairs) for g in found] == [(set(g.claims), g.pairs) for g in expected]

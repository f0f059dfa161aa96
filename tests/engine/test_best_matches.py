"""A conflict is dropped when one of its claims agrees with another claim of the other's source; only
the agreements of claims in a conflict are gathered for that, which drops the same conflicts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factcheck.comparators.base import Comparison, Verdict
from factcheck.engine.engine import _best_matches
from factcheck.engine.finding import PairComparison

SOURCES = {f"{s}/{n}": s for s in "abc" for n in (1, 2)}


def plain_best_matches(compared: list[PairComparison], sources: dict[str, str]) -> list[PairComparison]:
    matched = set()
    for pair in compared:
        if pair.comparison.verdict is not Verdict.conflict:
            matched.add((pair.first, sources[pair.second]))
            matched.add((pair.second, sources[pair.first]))
    return [p for p in compared if p.comparison.verdict is not Verdict.conflict
            or ((p.first, sources[p.second]) not in matched and (p.second, sources[p.first]) not in matched)]


pairs = st.lists(st.tuples(st.sampled_from(sorted(SOURCES)), st.sampled_from(sorted(SOURCES)),
                           st.sampled_from([Verdict.agree, Verdict.compatible, Verdict.conflict])), max_size=15)


@given(pairs)
def test_the_conflicts_kept_are_the_plain_ones(drawn: list[tuple[str, str, Verdict]]) -> None:
    compared = [PairComparison(a, b, Comparison(verdict, "x")) for a, b, verdict in drawn if SOURCES[a] != SOURCES[b]]
    assert _best_matches(compared, SOURCES) == plain_best_matches(compared, SOURCES)


def test_a_conflict_of_a_claim_that_agrees_with_the_other_source_is_dropped() -> None:
    compared = [PairComparison("a/1", "b/1", Comparison(Verdict.conflict, "x")),
                PairComparison("a/1", "b/2", Comparison(Verdict.agree, "x"))]
    assert _best_matches(compared, SOURCES) == compared[1:]

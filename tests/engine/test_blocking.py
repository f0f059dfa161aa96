"""Block pairing walks only pairs of different sources, in the order a plain double loop gives them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factcheck.engine.blocking import _later_other_sources


def reference(sources: list[str]) -> list[tuple[int, int]]:
    return [(i, j) for i in range(len(sources)) for j in range(i + 1, len(sources)) if sources[i] != sources[j]]


@given(st.lists(st.sampled_from("abc"), max_size=40))
def test_cross_source_pairs_are_the_double_loops_in_its_order(sources: list[str]) -> None:
    assert list(_later_other_sources(sources)) == reference(sources)


def test_a_block_of_one_source_beside_one_claim_is_linear() -> None:
    sources = ["pr"] * 20_000 + ["seed"]
    steps = 0
    for steps, _ in enumerate(_later_other_sources(sources), start=1):
        pass
    assert steps == 20_000

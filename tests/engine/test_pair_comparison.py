"""A compared pair is made without the frozen dataclass's constructor (`finding.pair_comparison`, once a
pair: 600,000 at a million claims), and a finding's claims are ordered by (source id, claim id) through
`attrgetter`: each gives what the plain way gives."""

from __future__ import annotations

import sys
from dataclasses import FrozenInstanceError, fields

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.comparators.base import Comparison, Verdict
from factcheck.engine.engine import _BY_SOURCE_AND_ID
from factcheck.engine.finding import PairComparison, pair_comparison

from .corpus_builder import build_corpus

COMPARISON = Comparison(Verdict.agree, "s0 vs s1: the same day.", 1.0, {"days": 0})


def test_a_pair_equals_the_constructors_and_shares_its_field_names() -> None:
    made = pair_comparison("s0/c0", "s1/c3", COMPARISON)
    built = PairComparison("s0/c0", "s1/c3", COMPARISON)
    assert made == built and type(made) is PairComparison
    assert list(vars(made)) == [field.name for field in fields(PairComparison)]  # every field, a new one too
    assert sys.getsizeof(vars(made)) == sys.getsizeof(vars(built))
    with pytest.raises(FrozenInstanceError):
        made.first = "s2/c0"  # type: ignore[misc]


ids = st.sampled_from(["a", "a-b", "a.b", "a_b", "ab", "a0", "b", "a-a"])


@given(st.lists(st.tuples(ids, ids), min_size=1, max_size=8, unique=True))
def test_claims_are_ordered_by_source_then_id(keys: list[tuple[str, str]]) -> None:
    """As the tuple (source id, claim id) orders them, not as their `source/claim` keys would (`a-b/x`
    sorts before `a/x` as text, after it as a pair)."""
    by_source: dict[str, list[dict]] = {}
    for source, claim in keys:
        by_source.setdefault(source, []).append({"id": claim, "kind": "date", "subject": "gsomia",
                                                 "property": "expires_on", "value": {"date": "2019-11-23"}})
    claims = build_corpus({source: ("2019-08-22", found) for source, found in by_source.items()}).claims()
    assert sorted(claims, key=_BY_SOURCE_AND_ID) == sorted(claims, key=lambda c: (c.source.id, c.claim.id))
    assert [(c.source.id, c.claim.id) for c in sorted(claims, key=_BY_SOURCE_AND_ID)] == sorted(keys)

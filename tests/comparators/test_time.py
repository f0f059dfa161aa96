"""Time-varying properties: different as-of dates turn a conflict into compatible, unless a count shrank."""

from __future__ import annotations

from factcheck.comparators.base import Comparison, Verdict
from factcheck.comparators.quantity import Params, compare_quantities
from factcheck.comparators.time import Monotonic, apply_time_varying, as_of_overlap
from factcheck.model.sourced import SourcedClaim

from .comparator_claims import CONTEXT, make_claim


def count(amount: float, *, as_of: str | None = None, published: str = "2019-08-22",
          source: str = "bloomberg-2019-08-22") -> SourcedClaim:
    return make_claim("quantity", {"amount": amount, "unit": "instance"}, property="count", as_of=as_of,
                      published=published, source=source)


# Bloomberg: "Jeong Kyeong-doo, told the National Assembly's defense committee Aug. 5 that there had been
# 26 instances of intelligence-sharing with Japan since the agreement was signed."
TWENTY_SIX = count(26, as_of="2019-08-05")


def timed(a: SourcedClaim, b: SourcedClaim, monotonic: Monotonic = "increasing") -> Comparison:
    results = []
    for first, second in ((a, b), (b, a)):
        comparison = compare_quantities(first, second, Params(), CONTEXT)
        assert comparison is not None
        results.append(apply_time_varying(first, second, comparison, monotonic))
    assert results[0].verdict is results[1].verdict
    return results[0]


def test_a_count_that_grew_is_compatible() -> None:
    result = timed(TWENTY_SIX, count(30, as_of="2019-11-01", source="other-source"))
    assert result.verdict is Verdict.compatible
    assert "values at different dates: 26 instance as of 2019-08-05, 30 instance as of 2019-11-01" in result.explanation
    assert result.facts["verdict_before_time"] == "conflict"


def test_a_count_that_shrank_conflicts_unless_it_may() -> None:
    later = count(20, published="2019-11-20", source="other-source")
    result = timed(TWENTY_SIX, later)
    assert result.verdict is Verdict.conflict and "later value is smaller (20 < 26)" in result.explanation
    assert timed(TWENTY_SIX, later, "none").verdict is Verdict.compatible
    assert timed(TWENTY_SIX, count(30, as_of="2019-11-01", source="x"), "decreasing").verdict is Verdict.conflict


def test_overlapping_dates_leave_the_comparison_alone() -> None:
    same_month = count(29, as_of="2019-08", source="other-source")
    assert as_of_overlap(TWENTY_SIX, same_month)
    assert timed(TWENTY_SIX, same_month).verdict is Verdict.conflict
    assert timed(TWENTY_SIX, count(26, as_of="2019-08-05", source="x")).verdict is Verdict.agree

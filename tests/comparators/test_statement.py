"""The statement comparator and the exact fallback."""

from __future__ import annotations

from factcheck.comparators.base import Verdict
from factcheck.comparators.exact import Params as ExactParams, compare_exact
from factcheck.comparators.statement import Params, compare_statements

from factcheck.model.sourced import SourcedClaim

from .comparator_claims import CONTEXT, make_claim


def statement(summary: str, negated: bool = False, obj: str | None = "gsomia",
              source: str = "bloomberg-2019-08-22") -> SourcedClaim:
    return make_claim("statement", {"object": obj, "negated": negated, "summary": summary}, subject="south-korea",
                      source=source)


# Bloomberg: "South Korea said it would withdraw from an intelligence-sharing agreement with Japan"
WITHDRAWS = statement("South Korea withdraws from GSOMIA.")


def test_the_same_proposition_agrees() -> None:
    # The Diplomat: "South Korea's decision to end its bilateral intelligence sharing agreement with Japan"
    result = compare_statements(WITHDRAWS, statement("South Korea ends GSOMIA.", source="diplomat-2019-08"),
                                Params(), CONTEXT)
    assert result is not None and result.verdict is Verdict.agree
    assert "South Korea withdraws_from GSOMIA" in result.explanation
    assert "South Korea ends GSOMIA." in result.explanation


def test_a_denial_conflicts_both_ways() -> None:
    stays = statement("South Korea stays in GSOMIA.", negated=True, source="other-source")
    for a, b in ((WITHDRAWS, stays), (stays, WITHDRAWS)):
        result = compare_statements(a, b, Params(), CONTEXT)
        assert result is not None and result.verdict is Verdict.conflict and "denies" in result.explanation


def test_different_objects_are_not_compared() -> None:
    other = statement("South Korea withdraws from TISA.", obj="tisa", source="x")
    assert compare_statements(WITHDRAWS, other, Params(), CONTEXT) is None


def test_exact_values() -> None:
    # Bloomberg: "The yen ... strengthened 0.4% to 106.25 per dollar"
    rate = make_claim("quantity", {"amount": 106.25, "unit": "JPY/USD"}, subject="jpy")
    same = make_claim("quantity", {"amount": 106.25, "unit": "JPY/USD"}, subject="jpy", source="x")
    other = make_claim("quantity", {"amount": 106.3, "unit": "JPY/USD"}, subject="jpy", source="x")
    agreed = compare_exact(rate, same, ExactParams(), CONTEXT)
    assert agreed is not None and agreed.verdict is Verdict.agree
    result = compare_exact(rate, other, ExactParams(), CONTEXT)
    assert result is not None and result.verdict is Verdict.conflict and "106.3" in result.explanation
    assert compare_exact(rate, WITHDRAWS, ExactParams(), CONTEXT) is None

"""The scope comparator: relations in either direction, modalities of the same action."""

from __future__ import annotations

from factcheck.comparators.base import Verdict
from factcheck.comparators.scope import Params, compare_scopes

from factcheck.model.sourced import SourcedClaim

from .comparator_claims import CONTEXT, make_claim


def relation(subject: str, relation_name: str, than: str, source: str = "diplomat-2019-08") -> SourcedClaim:
    return make_claim("scope", {"relation": relation_name, "than": than}, subject=subject, source=source)


def modality(name: str, action: str, subject: str = "gsomia", source: str = "bloomberg-2019-08-22") -> SourcedClaim:
    return make_claim("scope", {"modality": name, "action": action}, subject=subject, source=source,
                      property="sharing_terms")


def verdict(a: SourcedClaim, b: SourcedClaim) -> Verdict | None:
    result = compare_scopes(a, b, Params(), CONTEXT)
    again = compare_scopes(b, a, Params(), CONTEXT)
    assert (result is None) == (again is None)
    if result is None:
        return None
    assert again is not None and again.verdict is result.verdict
    return result.verdict


# The Diplomat: "the TISA covers a narrower range of information than GSOMIA"
TISA_NARROWER = relation("tisa", "narrower_than", "gsomia")


def test_narrower_than_agrees_with_the_inverse_broader_than() -> None:
    inverse = relation("gsomia", "broader_than", "tisa", "other-source")
    result = compare_scopes(TISA_NARROWER, inverse, Params(), CONTEXT)
    assert result is not None and result.verdict is Verdict.agree
    assert "TISA is narrower than GSOMIA" in result.explanation
    # Bloomberg: "a trilateral information-sharing pact, but it's more limited in scope"
    bloomberg = relation("tisa", "narrower_than", "gsomia", "bloomberg-2019-08-22")
    assert verdict(TISA_NARROWER, bloomberg) is Verdict.agree


def test_opposite_or_equal_scope_conflicts() -> None:
    assert verdict(TISA_NARROWER, relation("tisa", "broader_than", "gsomia", "x")) is Verdict.conflict
    assert verdict(TISA_NARROWER, relation("gsomia", "narrower_than", "tisa", "x")) is Verdict.conflict
    assert verdict(TISA_NARROWER, relation("gsomia", "same_as", "tisa", "x")) is Verdict.conflict
    assert verdict(relation("tisa", "same_as", "gsomia"), relation("gsomia", "same_as", "tisa", "x")) is Verdict.agree


def test_different_pairs_are_not_compared() -> None:
    assert verdict(TISA_NARROWER, relation("tisa", "narrower_than", "us-japan-gsomia", "x")) is None


def test_modalities() -> None:
    # Bloomberg: "The agreement allows, but doesn't require, the exchange of intelligence."
    bloomberg = modality("allows_not_requires", "exchange of intelligence")
    assert verdict(bloomberg, modality("allows", "the exchange of intelligence", source="x")) is Verdict.compatible
    assert verdict(bloomberg, modality("requires", "the exchange of intelligence.", source="x")) is Verdict.conflict
    assert verdict(bloomberg, modality("forbids", "exchange of intelligence", source="x")) is Verdict.conflict
    assert verdict(modality("forbids", "exchange of intelligence"),
                   modality("allows", "exchange of intelligence", source="x")) is Verdict.conflict
    assert verdict(bloomberg, modality("allows_not_requires", "Exchange of intelligence", source="x")) is Verdict.agree


def test_different_actions_subjects_or_forms_are_not_compared() -> None:
    bloomberg = modality("allows_not_requires", "exchange of intelligence")
    # The Diplomat: TISA "requires the South Korea and Japan to use the United States as an intermediary"
    intermediary = modality("requires", "South Korea and Japan use the United States as an intermediary for "
                                        "intelligence sharing", source="diplomat-2019-08")
    assert verdict(bloomberg, intermediary) is None
    assert verdict(bloomberg, modality("allows", "exchange of intelligence", subject="tisa", source="x")) is None
    assert verdict(bloomberg, relation("gsomia", "broader_than", "tisa")) is None

"""Finding identity: fingerprints are frozen (baselines in users' repositories hold them), and the anchor
a CI result points at is a claim in a changed file, an outlier's first."""

from __future__ import annotations

from typing import Any

import pytest

from factcheck.comparators.base import Verdict
from factcheck.engine.finding import Finding
from factcheck.engine.identity import FINGERPRINT_VERSION, anchor_claim, fingerprint, in_changed_files
from factcheck.model import ClaimsFile
from factcheck.model.sourced import SourcedClaim


def sourced(source_id: str, claim: dict[str, Any], path: str = "claims/a.yaml", line: int = 5) -> SourcedClaim:
    claims_file = ClaimsFile.model_validate({
        "source": {"id": source_id, "publisher": "P", "title": "T", "published": "2019-08-22",
                   "text": "a.txt", "sha256": "0" * 64},
        "claims": [{"evidence": {"text": "x", "start": 0, "end": 1}, "status": "reviewed", **claim}],
    })
    return SourcedClaim(claims_file.claims[0], claims_file.source, path, line)


def finding(*claims: SourcedClaim, rule: str = "FC101", prop: str = "expires_on",
            outliers: tuple[str, ...] = ()) -> Finding:
    return Finding(id=f"{rule}-0000000000", rule_id=rule, rule_name="r", severity="error", verdict=Verdict.conflict,
                   subject="gsomia", subject_name="GSOMIA", property=prop, claims=claims,
                   values=tuple("v" for _ in claims), pairs=(), message="m", explanation="e", outliers=outliers)


DATE_A = {"id": "expiry", "kind": "date", "subject": "gsomia", "property": "expires_on",
          "qualifier": "if not renewed", "value": {"date": "2019-11-23"}}
DATE_B = {"id": "ends", "kind": "date", "subject": "gsomia", "property": "expires_on", "value": {"date": "2019-11-22"}}
QUOTE_A = {"id": "q", "kind": "quote", "subject": "gsomia", "property": "said",
           "value": {"text": "“Strong concern”", "speaker": "us-dod"}}
QUOTE_B = {"id": "q2", "kind": "quote", "subject": "gsomia", "property": "said",
           "value": {"text": "deep concern", "speaker": "dave-eastburn", "organisation": "us-dod"}}


@pytest.mark.parametrize(("claims", "rule", "prop", "expected"), [
    ((("bloomberg", DATE_A), ("diplomat", DATE_B)), "FC101", "expires_on",
     "6fd3b2d7eb71d515561fe979cffb7128a92cf927aec98592db11ed194b9b9339"),
    ((("bloomberg", QUOTE_A), ("diplomat", QUOTE_B)), "FC201", "said",
     "bd3f49091b2c5258167b9912f077ac2bba4264490bb8544dd753521d0fba2678"),
])
def test_fingerprints_are_frozen(claims: tuple[tuple[str, dict[str, Any]], ...], rule: str, prop: str,
                                 expected: str) -> None:
    """A change here breaks every baseline: it must come with a new FINGERPRINT_VERSION."""
    assert FINGERPRINT_VERSION == "factcheck/v1"
    assert fingerprint(finding(*(sourced(s, c) for s, c in claims), rule=rule, prop=prop)) == expected


def test_the_fingerprint_ignores_claim_ids_files_lines_and_order() -> None:
    first, second = sourced("bloomberg", DATE_A), sourced("diplomat", DATE_B)
    moved = sourced("bloomberg", {**DATE_A, "id": "renamed"}, path="claims/b.yaml", line=99)
    assert fingerprint(finding(first, second)) == fingerprint(finding(second, moved))
    assert fingerprint(finding(first, second)) != fingerprint(finding(first, sourced("diplomat", DATE_A)))


def test_the_anchor_is_in_a_changed_file_and_prefers_an_outlier() -> None:
    first = sourced("bloomberg", DATE_A, path="claims/a.yaml")
    second = sourced("diplomat", DATE_B, path="claims/b.yaml")
    both = finding(first, second, outliers=("diplomat",))
    assert anchor_claim(both) is second
    assert anchor_claim(both, {"claims/a.yaml"}) is first
    assert anchor_claim(both, {"claims/elsewhere.yaml"}) is second
    assert in_changed_files(both, None) and in_changed_files(both, {"claims/b.yaml"})
    assert not in_changed_files(both, {"claims/elsewhere.yaml"})

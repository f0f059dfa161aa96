"""Reviewed or not: how every format says that a verdict rests on claims nobody has checked yet.

A claim is `reviewed` (a person checked it against its source) or `auto` (drafted by `factcheck
extract`, not yet looked at, with the extractor's `confidence`). A verdict that rests on an `auto`
claim is either a real finding or an extraction error, and only a person can tell which, so every
format says so, names the claims to check, and shows each claim's status:

    rests on 1 unreviewed claim (confidence 0.62): review wire-2019-09-02/gsomia-expiry (claims/wire-2019-09-02.yaml:9)

The formats only read the finding (`Finding.unreviewed`, `Finding.confidence`); this module words it once.
"""

from __future__ import annotations

from factcheck.engine.finding import Finding
from factcheck.model.sourced import SourcedClaim

HOW_TO_REVIEW = ("check each named claim against its source, then set `status: reviewed` in its claims file, "
                 "or fix the claim")


def claim_status(item: SourcedClaim) -> str:
    """`reviewed`, `auto, confidence 0.62`, or `auto` when extraction gave no confidence."""
    claim = item.claim
    if claim.status.value == "reviewed":
        return "reviewed"
    return "auto" if claim.confidence is None else f"auto, confidence {claim.confidence:.2f}"


def is_reviewed(item: SourcedClaim) -> bool:
    return item.claim.status.value == "reviewed"


def unreviewed_note(finding: Finding) -> str | None:
    """What a reader must know before trusting the verdict, or None when every claim behind it is reviewed."""
    claims = finding.unreviewed
    if not claims or finding.confidence is None:
        return None
    count = f"{len(claims)} unreviewed claim{'s' if len(claims) != 1 else ''}"
    confidence = f"{'lowest ' if len(claims) != 1 else ''}confidence {finding.confidence:.2f}"
    names = ", ".join(f"{c.key} ({c.path}:{c.line})" for c in claims)
    return f"rests on {count} ({confidence}): review {names}"

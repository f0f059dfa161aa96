"""How CI knows a finding again and where it shows it.

A finding id (`FC101-0c3a4be121`) names the claims a finding covers, so it changes when a claim is
renamed. A baseline needs a name that survives editing and moving claims but changes when what the
sources *say* changes: the `fingerprint` is a sha256 over the rule, the subject, the property and
every source's normalised value (kind, value data and qualifier), as canonical JSON, sorted. Line numbers, file
order and claim ids are left out, so moving a claim keeps it; a new date or speaker gives a new one,
and the baselined conflict is judged afresh.

`anchor_claim` picks the one claim a CI result points at: a claim in a changed file (the pull request
shows it), preferably one of a source that stands apart.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection

from factcheck.comparators.quote import normalize_quote
from factcheck.engine.finding import Finding
from factcheck.model.values import QuoteValue
from factcheck.model.sourced import SourcedClaim

FINGERPRINT_VERSION = "factcheck/v1"  # the key of SARIF's partialFingerprints


def fingerprint(finding: Finding) -> str:
    """64 hex digits, the same on every run and machine for the same rule, fact and values."""
    # Frozen: a change here invalidates every baseline (bump FINGERPRINT_VERSION if it must change).
    claims = sorted(json.dumps([c.source_id, c.claim.kind, _normalised_value(c), c.claim.qualifier],
                               sort_keys=True, ensure_ascii=False) for c in finding.claims)
    canonical = json.dumps({"rule": finding.rule_id, "subject": finding.subject, "property": finding.property,
                            "claims": claims}, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _normalised_value(item: SourcedClaim) -> dict:
    """The value as data, with quote text in the comparators' normal form (quotes, dashes, case,
    spacing), so retyping a curly quote as a straight one keeps the baseline entry."""
    value = item.claim.value.model_dump(mode="json", exclude_none=True)
    if isinstance(item.claim.value, QuoteValue):
        value["text"] = normalize_quote(item.claim.value.text)
    return value


def anchor_claim(finding: Finding, changed_paths: Collection[str] | None = None) -> SourcedClaim:
    """The claim a result is shown at: in a changed file when there is one, an outlier's first."""
    candidates = [c for c in finding.claims if changed_paths is None or c.path in changed_paths] or list(finding.claims)
    outliers = [c for c in candidates if c.source_id in finding.outliers]
    return (outliers or candidates)[0]


def in_changed_files(finding: Finding, changed_paths: Collection[str] | None) -> bool:
    """Whether a finding has a claim in a changed file (always, for a full report)."""
    return changed_paths is None or any(c.path in changed_paths for c in finding.claims)

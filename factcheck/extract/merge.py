"""Merge a new extraction into an existing claims file without losing anything a person did.

The rules, in order:
- a claim with `status: reviewed` is kept exactly as it is;
- an `auto` claim whose content is no longer what extraction produced for it (its id is a hash of the
  evidence and value it was extracted with, so an edit shows) was edited by a person: kept verbatim;
- an `auto` claim extraction finds again (same id) is re-derived: replaced by what extraction says now,
  so a subject the entity file has since named is taken up ("updated" when it changed). The id hashes the
  evidence, value (a quote's speaker too), event and modality, not the subject; so when the entity ids
  are given (`known`), a subject that differs from the new one but is an entity of the file counts as a
  person's choice and is kept; a subject the file does not know (a proposal since renamed) is replaced;
- an `auto` claim extraction no longer finds is stale (a quote now given to another speaker id, a figure
  no longer read): pruned, unless `prune` is False (`extract --keep-stale`), when it is kept and reported;
- a new candidate is added, unless a claim already there states the same fact (`claims_match`: a
  reviewed `gsomia-expiry` covers the candidate `date-expires-on-1a2b3c4d`).
The existing `source` block is kept (a person may have corrected a title), except for `text` and
`sha256`, which describe the text just extracted; a changed hash is reported, since kept evidence may
then point at the wrong words.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass, field
from typing import Any

from factcheck.extract.evaluate import claims_match
from factcheck.extract.claims import claim_id
from factcheck.model import ClaimsFile, Status


@dataclass(frozen=True)
class MergeReport:
    reviewed: list[str] = field(default_factory=list)
    edited: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)  # found again, re-derived with a different subject or value
    added: list[str] = field(default_factory=list)
    covered: list[str] = field(default_factory=list)  # candidates an existing claim already states
    vanished: list[str] = field(default_factory=list)
    pruned: list[str] = field(default_factory=list)
    text_changed: bool = False

    @property
    def stale_kept(self) -> list[str]:
        return [claim_id for claim_id in self.vanished if claim_id not in self.pruned]

    def summary(self) -> str:
        parts = [f"{len(self.added)} added", f"{len(self.updated)} updated", f"{len(self.pruned)} pruned",
                 f"{len(self.unchanged)} unchanged", f"{len(self.reviewed)} reviewed kept",
                 f"{len(self.edited)} edited kept", f"{len(self.covered)} already covered"]
        if self.stale_kept:
            parts.append(f"{len(self.stale_kept)} stale kept")
        return ", ".join(parts)


def is_untouched(claim: Any) -> bool:
    """Whether an auto claim is still exactly what extraction wrote (its id matches its content)."""
    expected = claim_id(claim.kind, claim.property, claim.evidence.text, claim.value, claim.event,
                        claim.modality.value if claim.modality else None)
    return claim.id == expected or claim.id.startswith(expected + "-")


def merge_claims(existing: ClaimsFile, extracted: ClaimsFile, *, prune: bool = True,
                 known: Container[str] | None = None) -> tuple[ClaimsFile, MergeReport]:
    """The merged claims file and what happened to each claim (`prune=False` keeps stale auto claims;
    `known`, the entity ids of the project, tells a subject a person chose from a stale one)."""
    new_by_id = {claim.id: claim for claim in extracted.claims}
    report = MergeReport(text_changed=existing.source.sha256 != extracted.source.sha256)
    kept: list[Any] = []
    for claim in existing.claims:
        if claim.status is Status.reviewed:
            report.reviewed.append(claim.id)
        elif not is_untouched(claim):
            report.edited.append(claim.id)
        elif claim.id in new_by_id:
            new = new_by_id[claim.id]
            if new == claim:
                report.unchanged.append(claim.id)
            elif known is not None and new.subject != claim.subject and claim.subject in known:
                report.edited.append(claim.id)  # a subject of the entity file the extraction did not choose
            else:
                report.updated.append(claim.id)
                claim = new
        else:
            report.vanished.append(claim.id)
            if prune:
                report.pruned.append(claim.id)
                continue
        kept.append(claim)
    taken = {claim.id for claim in kept}
    for claim in extracted.claims:
        if claim.id in taken:
            continue
        if any(claims_match(old, claim) for old in kept):
            report.covered.append(claim.id)
            continue
        report.added.append(claim.id)
        kept.append(claim)
        taken.add(claim.id)
    source = existing.source.model_copy(update={"text": extracted.source.text, "sha256": extracted.source.sha256})
    merged = ClaimsFile.model_validate({"source": source.model_dump(mode="json"),
                                        "claims": [c.model_dump(mode="json", exclude_none=True) for c in kept]})
    return merged, report

"""A claim together with the source it comes from: the unit the engine and the reports work on."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.model.claims import Claim, Source
from factcheck.model.partial_date import PartialDate


@dataclass(frozen=True)
class SourcedClaim:
    """A claim, its source's metadata, and where the claim is written (for reports and SARIF)."""

    claim: Claim
    source: Source
    path: str  # the claims file, as shown to users
    line: int  # the line of the claim in that file

    @property
    def source_id(self) -> str:
        return self.source.id

    @property
    def key(self) -> str:
        """`source/claim`: unique across a corpus."""
        return f"{self.source.id}/{self.claim.id}"

    @property
    def as_of(self) -> PartialDate:
        """When the claim is true: its own `as_of`, else its source's publication date."""
        return self.claim.as_of or self.source.published

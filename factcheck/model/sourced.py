"""A claim together with the source it comes from: the unit the engine and the reports work on."""

from __future__ import annotations

from dataclasses import dataclass, field

from factcheck.model.claims import Claim, Source
from factcheck.model.partial_date import PartialDate


@dataclass(frozen=True, slots=True)
class SourcedClaim:
    """A claim, its source's metadata, and where the claim is written (for reports and SARIF).
    Slotted, with its key made once: a corpus holds one per claim, and the engine reads the key of
    each for every pair it meets."""

    claim: Claim
    source: Source
    path: str  # the claims file, as shown to users
    line: int  # the line of the claim in that file
    key: str = field(init=False, compare=False, repr=False)  # `source/claim`: unique across a corpus

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", f"{self.source.id}/{self.claim.id}")

    @property
    def source_id(self) -> str:
        return self.source.id

    @property
    def as_of(self) -> PartialDate:
        """When the claim is true: its own `as_of`, else its source's publication date."""
        return self.claim.as_of or self.source.published

"""A claims file: one source and the typed claims it makes, each tied to verbatim evidence."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

from factcheck.model.compact import Compact, compact
from factcheck.model.partial_date import PartialDate
from factcheck.model.values import (
    ID_PATTERN,
    DateValue,
    DurationValue,
    EntityId,
    QuantityValue,
    QuoteValue,
    ScopeValue,
    StatementValue,
)

ClaimId = Annotated[str, Field(pattern=ID_PATTERN, description="Stable within its file, e.g. `gsomia-expiry`.")]
SourceId = Annotated[str, Field(pattern=ID_PATTERN, description="Unique across sources, e.g. `bloomberg-2019-08-22`.")]


class Record(Compact, BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Status(str, Enum):
    auto = "auto"  # written by `factcheck extract`, not yet looked at
    reviewed = "reviewed"  # checked by a person; extraction never overwrites it


class FactModality(str, Enum):
    """How the source puts the fact: as something that happened or holds (`done`), an intention
    (`planned`: "will inform Brussels by Friday"), a prediction (`forecast`: "is expected to expire on
    Monday"), a condition (`conditional`: "if talks fail, ..."), or someone else's word the source only
    relays (`reported`: "according to Yonhap"). Planned, forecast and conditional claims are different
    facts from what was done: a plan and its outcome are not compared with each other."""

    done = "done"
    planned = "planned"
    forecast = "forecast"
    conditional = "conditional"
    reported = "reported"


class Evidence(Record):
    """The verbatim words in the source text that support a claim.

    `start`/`end` are offsets in Unicode code points (Python string indices) into the source text
    as decoded from UTF-8, so `text == source_text[start:end]` exactly.
    """

    text: str = Field(min_length=1)
    start: int = Field(ge=0)
    end: int = Field(ge=1)

    @model_validator(mode="after")
    def _span_matches_text(self) -> "Evidence":
        if self.end - self.start != len(self.text):
            raise ValueError(
                f"end - start is {self.end - self.start} but the evidence text has {len(self.text)} characters"
            )
        return self


class ClaimBase(Record):
    interned = ("id", "kind", "subject", "property", "event")

    id: ClaimId
    subject: EntityId
    property: str = Field(pattern=ID_PATTERN, description="A property from the vocabulary, e.g. `expires_on`.")
    qualifier: str | None = Field(default=None, description='A condition the claim holds under: "if not renewed".')
    event: EntityId | None = Field(
        default=None,
        description="What happened, when subject and property alone do not say which fact this is: an event "
                    "entity, or a key such as `phone-call` or `decision-to-end`. Claims with different events "
                    "are different facts.",
    )
    modality: FactModality | None = Field(
        default=None, description="done, planned, forecast, conditional or reported; none means done."
    )
    as_of: PartialDate | None = Field(
        default=None, description="When the claim is true, when the text says; else the publication date."
    )
    status: Status = Status.auto
    confidence: float | None = Field(default=None, ge=0, le=1, description="Extraction confidence.")
    evidence: Evidence
    note: str | None = None


class DateClaim(ClaimBase):
    kind: Literal["date"]
    value: DateValue


class DurationClaim(ClaimBase):
    kind: Literal["duration"]
    value: DurationValue


class QuoteClaim(ClaimBase):
    kind: Literal["quote"]
    value: QuoteValue


class QuantityClaim(ClaimBase):
    kind: Literal["quantity"]
    value: QuantityValue


class ScopeClaim(ClaimBase):
    kind: Literal["scope"]
    value: ScopeValue


class StatementClaim(ClaimBase):
    kind: Literal["statement"]
    value: StatementValue


Claim = Annotated[
    Union[DateClaim, DurationClaim, QuoteClaim, QuantityClaim, ScopeClaim, StatementClaim],
    Field(discriminator="kind"),
]
CLAIM_KINDS: tuple[str, ...] = ("date", "duration", "quote", "quantity", "scope", "statement")


class Source(Record):
    """Where the claims come from. `text` is the path of the verbatim source text, relative to the
    claims file; `sha256` is the hash of its bytes, so a changed source is noticed."""

    id: SourceId
    publisher: str
    title: str
    url: str | None = None
    published: PartialDate
    authors: list[str] | None = None
    language: str = "en"
    text: str = Field(min_length=1)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")


class ClaimsFile(Record):
    """One file in `claims/`: a source and its claims."""

    source: Source
    claims: list[Claim] = Field(default_factory=list)

    @model_validator(mode="after")
    def _compact(self) -> "ClaimsFile":
        """Its models share their field sets and identifiers (`compact.py`), in one pass."""
        compact([self, self.source, *(model for claim in self.claims for model in (claim, claim.value, claim.evidence))])
        return self

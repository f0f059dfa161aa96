"""The data model: claims files, entities and the property vocabulary (pydantic v2, immutable)."""

from factcheck.model.claims import (
    CLAIM_KINDS,
    Claim,
    ClaimBase,
    ClaimsFile,
    DateClaim,
    DurationClaim,
    Evidence,
    FactModality,
    QuantityClaim,
    QuoteClaim,
    ScopeClaim,
    Source,
    StatementClaim,
    Status,
)
from factcheck.model.entities import EntitiesFile, Entity, EntityKind, Role
from factcheck.model.partial_date import PartialDate, Precision
from factcheck.model.values import (
    Approximation,
    DateValue,
    DurationUnit,
    DurationValue,
    Modality,
    QuantityValue,
    QuoteValue,
    ScopeRelation,
    ScopeValue,
    StatementValue,
)
from factcheck.model.vocabulary import PropertyDef, VocabularyFile

__all__ = [
    "CLAIM_KINDS", "Approximation", "Claim", "ClaimBase", "ClaimsFile", "DateClaim", "DateValue",
    "DurationClaim", "DurationUnit", "DurationValue", "EntitiesFile", "Entity", "EntityKind", "Evidence", "FactModality",
    "Modality", "PartialDate", "Precision", "PropertyDef", "QuantityClaim", "QuantityValue", "QuoteClaim",
    "QuoteValue", "Role", "ScopeClaim", "ScopeRelation", "ScopeValue", "Source", "StatementClaim",
    "StatementValue", "Status", "VocabularyFile",
]

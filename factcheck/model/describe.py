"""One short, readable line for a claim's value: what reports show in the "value" column."""

from __future__ import annotations

from factcheck.model.claims import Claim
from factcheck.model.entity_index import EntityIndex
from factcheck.model.values import (
    DateValue,
    DurationValue,
    QuantityValue,
    QuoteValue,
    ScopeValue,
    StatementValue,
)


def describe_value(claim: Claim, entities: EntityIndex | None = None) -> str:
    """`2019-11-23`, `90 days after publication`, `nearly 55 percent`, `"…" (Dave Eastburn, a Pentagon spokesman)`."""
    if entities is None:  # not `entities or ...`: that asks an index its length (a Python call) for every value
        entities = _NO_ENTITIES
    value = claim.value
    text = _describe(value, entities)
    if claim.qualifier:
        text += f" ({claim.qualifier})"
    return text


_NO_ENTITIES = EntityIndex()  # read only: an index of no entity names each entity by its id


def _amount(number: float) -> str:
    return f"{number:,.0f}" if float(number).is_integer() else f"{number:,}"


def _describe(value: object, entities: EntityIndex) -> str:
    if isinstance(value, DateValue):  # "2026-09-08 about 03:40" when a time of day is written
        return f"{value.date} {value.time}" if value.time else str(value.date)
    if isinstance(value, DurationValue):
        unit = value.unit.value + ("" if value.amount == 1 else "s")
        anchor = "publication" if value.anchor == "published" else ("the as-of date" if value.anchor == "as_of"
                                                                    else str(value.anchor))
        return f"{_amount(value.amount)} {unit} {value.direction} {anchor}"
    if isinstance(value, QuantityValue):
        approximation = f"{value.approximation.value} " if value.approximation else ""
        return f"{approximation}{_amount(value.amount)} {value.unit}"
    if isinstance(value, QuoteValue):
        who = entities.name_of(value.speaker)
        if value.role:
            who += f", {value.role}"
        return f"“{value.text}” ({who})"
    if isinstance(value, ScopeValue):
        if value.relation is not None and value.than is not None:
            return f"{value.relation.value.replace('_', ' ')} {entities.name_of(value.than)}"
        assert value.modality is not None
        return f"{value.modality.value.replace('_', ' ')}: {value.action}"
    if isinstance(value, StatementValue):
        return ("not: " if value.negated else "") + value.summary
    return str(value)

"""Entities: the canonical ids claims refer to, with the names and aliases sources use for them."""

from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, ConfigDict, Field

from factcheck.model.partial_date import PartialDate
from factcheck.model.values import EntityId


class EntityKind(str, Enum):
    agreement = "agreement"
    organisation = "organisation"
    person = "person"
    country = "country"
    currency = "currency"
    event = "event"
    list = "list"
    group = "group"
    place = "place"
    office = "office"  # a post people hold in turn: "Foreign Minister of Japan"


class Role(BaseModel):
    """An office a person holds, for an organisation, possibly for a time."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    title: str
    organisation: EntityId | None = None
    since: PartialDate | None = None
    until: PartialDate | None = None


class Entity(BaseModel):
    """One thing in the world. "Mike Pompeo" and "Michael Pompeo" are aliases of one person."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: EntityId
    kind: EntityKind
    name: str
    aliases: list[str] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list, description="For people: the offices they hold.")
    part_of: EntityId | None = Field(default=None, description="The larger entity: a ministry's government.")
    description: str | None = None

    def names(self) -> list[str]:
        return [self.name, *self.aliases]


class EntitiesFile(BaseModel):
    """`claims/entities.yaml`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    entities: list[Entity]

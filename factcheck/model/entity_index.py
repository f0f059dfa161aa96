"""Look-ups over the entity file: by id, by name or alias, and through organisations and roles."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cached_property

from factcheck.model.entities import Entity
from factcheck.model.partial_date import PartialDate


_TYPOGRAPHIC = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "“": '"', "”": '"', "‐": "-", "‑": "-", "–": "-", "—": "-"})


def alias_key(name: str) -> str:
    """The form names are matched in: case, spacing and typographic quotes or dashes do not matter."""
    return " ".join(unicodedata.normalize("NFKC", name).translate(_TYPOGRAPHIC).casefold().split())


class EntityIndex:
    """All entities of a project, with the questions comparators and extraction ask of them."""

    def __init__(self, entities: Iterable[Entity] = ()) -> None:
        self.by_id: dict[str, Entity] = {}
        self.by_alias: dict[str, str] = {}
        for entity in entities:
            self.by_id.setdefault(entity.id, entity)
            for name in entity.names():
                self.by_alias.setdefault(alias_key(name), entity.id)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self.by_id

    def __len__(self) -> int:
        return len(self.by_id)

    def get(self, entity_id: str) -> Entity | None:
        return self.by_id.get(entity_id)

    def resolve(self, name: str) -> str | None:
        """The id of the entity called `name` (exactly, up to case and spacing), if any."""
        return self.by_alias.get(alias_key(name))

    @cached_property
    def _alias_pattern(self) -> re.Pattern[str] | None:
        aliases = sorted((a for a in self.by_alias if len(a) > 2), key=len, reverse=True)
        if not aliases:
            return None
        return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(a) for a in aliases) + r")(?!\w)")

    def mentioned_in(self, text: str) -> set[str]:
        """The ids of the entities a text names by a name or alias (up to case, spacing and
        typographic quotes), longest names first."""
        pattern = self._alias_pattern
        if pattern is None:
            return set()
        return {self.by_alias[m.group()] for m in pattern.finditer(alias_key(text))}

    def name_of(self, entity_id: str) -> str:
        entity = self.by_id.get(entity_id)
        return entity.name if entity else entity_id

    def ancestors(self, entity_id: str) -> list[str]:
        """The entity and every entity it is part of, nearest first (cycles are cut)."""
        chain: list[str] = []
        current: str | None = entity_id
        while current is not None and current not in chain:
            chain.append(current)
            entity = self.by_id.get(current)
            current = entity.part_of if entity else None
        return chain

    def organisations_of(self, entity_id: str, as_of: PartialDate | None = None) -> list[str]:
        """The organisations a person speaks for (as of a date, when roles are dated), with the
        organisations those are part of; for an organisation, itself and its parents."""
        entity = self.by_id.get(entity_id)
        if entity is None:
            return []
        found: list[str] = []
        roots = [entity_id] if entity.kind.value != "person" else []
        for role in entity.roles:
            if role.organisation is None:
                continue
            if as_of is not None and role.since is not None and as_of.last_day() < role.since.first_day():
                continue
            if as_of is not None and role.until is not None and as_of.first_day() > role.until.last_day():
                continue
            roots.append(role.organisation)
        if entity.part_of and entity.kind.value == "person":
            roots.append(entity.part_of)
        for root in roots:
            for organisation in self.ancestors(root):
                if organisation not in found:
                    found.append(organisation)
        return found

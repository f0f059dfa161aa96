"""Smaller claims in memory: what a million validated claims share, they hold once.

pydantic gives every model instance its own set of the fields the input gave
(`__pydantic_fields_set__`): about 1.2 KB a claim (a claim, its value and its evidence), 40% of a
validated claim, for a few shapes repeated a million times. And every identifier read from YAML
(`subject: e750`, `property: amount`, `id: c0`, `unit: USD`) is a string of its own, though a
corpus names the same few thousand. `Compact.model_post_init` runs after a model is validated and
points both at one shared copy: an equal set (pydantic copies the set before changing it, in
`model_copy`, and a frozen model never changes its own) and interned strings (`sys.intern`). Nothing
a model says changes: equal values, the same `model_fields_set`, the same dumps.
"""

from __future__ import annotations

import sys
from typing import Any, ClassVar

_FIELD_SETS: dict[frozenset[str], set[str]] = {}


def shared_fields(fields: set[str]) -> set[str]:
    """One set per distinct set of given fields (a handful in a corpus), shared by every model with it."""
    key = frozenset(fields)
    found = _FIELD_SETS.get(key)
    if found is None:
        found = _FIELD_SETS[key] = set(key)
    return found


class Compact:
    """A pydantic model mixin: after validation, share the field set and intern the fields named in
    `interned` (identifiers, units: strings a corpus repeats)."""

    interned: ClassVar[tuple[str, ...]] = ()

    def model_post_init(self, context: Any, /) -> None:
        values = self.__dict__
        for name in self.interned:
            text = values[name]
            if type(text) is str:
                values[name] = sys.intern(text)
        object.__setattr__(self, "__pydantic_fields_set__", shared_fields(self.__pydantic_fields_set__))  # type: ignore[attr-defined]

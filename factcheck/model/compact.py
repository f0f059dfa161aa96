"""Smaller claims in memory: what a million validated claims share, they hold once.

pydantic gives every model instance its own set of the fields the input gave
(`__pydantic_fields_set__`): about 1.2 KB a claim (a claim, its value and its evidence), 40% of a
validated claim, for a few shapes repeated a million times. And every identifier read from YAML
(`subject: e750`, `property: amount`, `id: c0`, `unit: USD`) is a string of its own, though a
corpus names the same few thousand. `compact` points both at one shared copy: an equal set
(pydantic copies the set before changing it, in `model_copy`, and a frozen model never changes its
own) and interned strings (`sys.intern`). Nothing a model says changes: equal values, the same
`model_fields_set`, the same dumps.

A claims file compacts its claims in one pass once it is validated (`ClaimsFile`), rather than each
model in a hook of its own (`model_post_init`): pydantic's call into Python for each of 300,000
models cost more than the work (0.5 s of a 1.2 s validation at 100k claims). A model validated on
its own (one claim, one value) keeps its own set, as pydantic made it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Any, ClassVar

from pydantic import BaseModel

_FIELD_SETS: dict[frozenset[str], set[str]] = {}
_set_fields = BaseModel.__pydantic_fields_set__.__set__  # type: ignore[attr-defined]  # the slot: frozen models refuse setattr


def shared_fields(fields: set[str]) -> set[str]:
    """One set per distinct set of given fields (a handful in a corpus), shared by every model with it."""
    key = frozenset(fields)
    found = _FIELD_SETS.get(key)
    if found is None:
        found = _FIELD_SETS[key] = set(key)
    return found


class Compact:
    """A pydantic model mixin naming the fields `compact` interns (identifiers, units: strings a
    corpus repeats)."""

    interned: ClassVar[tuple[str, ...]] = ()


def compact(models: Iterable[Any]) -> None:
    """Share each model's set of given fields and intern its `interned` fields, in one pass. Models
    of one class mostly share one shape: each set is first compared with the last shared set of its
    class (no new object), and looked up by value only when it differs."""
    last: dict[type, set[str]] = {}
    intern = sys.intern
    for model in models:
        values = model.__dict__
        for name in model.interned:
            text = values[name]
            if type(text) is str:
                values[name] = intern(text)
        fields = model.__pydantic_fields_set__
        shared = last.get(type(model))
        if shared is None or shared != fields:
            shared = last[type(model)] = shared_fields(fields)
        _set_fields(model, shared)

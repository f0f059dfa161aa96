"""What every comparator is: a name, a parameter model, and one function that compares two claims.

A comparator decides whether two claims from different sources say the same thing about one fact.
It returns a `Comparison` (a verdict, an explanation that shows the arithmetic or the score, and the
numbers behind it as data), or `None` when the two claims turn out not to be about the same fact
(two quotes that share a few words but are different sentences). Rules choose a comparator by name
and set its parameters in YAML; the parameters are validated by the comparator's `Params` model, so
a typo in a rule file is an error with its location.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Callable, Mapping, Optional

from pydantic import BaseModel, ConfigDict

from factcheck.model.entity_index import EntityIndex
from factcheck.model.sourced import SourcedClaim


class Verdict(str, Enum):
    """`agree`: the same value; `compatible`: agree within a tolerance or a precision;
    `conflict`: cannot both be true; `unverified`: no other source speaks to it."""

    agree = "agree"
    compatible = "compatible"
    conflict = "conflict"
    unverified = "unverified"

    @property
    def rank(self) -> int:
        """Worse verdicts rank higher: a finding takes the worst verdict among its pairs."""
        return {"unverified": 0, "agree": 1, "compatible": 2, "conflict": 3}[self.value]


@dataclass(frozen=True)
class Comparison:
    """The outcome of comparing two claims."""

    verdict: Verdict
    explanation: str  # one or more sentences a reader can check by hand, with the arithmetic
    score: float | None = None  # a similarity or coverage in [0, 1], where the comparator has one
    facts: Mapping[str, Any] = field(default_factory=dict)  # the numbers behind the explanation, as data


@dataclass(frozen=True)
class Context:
    """What a comparator may consult besides the two claims."""

    entities: EntityIndex = field(default_factory=EntityIndex)


class Params(BaseModel):
    """Base of comparator parameter models: unknown parameters are errors in the rule file."""

    model_config = ConfigDict(frozen=True, extra="forbid")


CompareFunction = Callable[[SourcedClaim, SourcedClaim, Any, Context], Optional[Comparison]]


@dataclass(frozen=True)
class Comparator:
    """A registered comparator. `compare(a, b, params, context)` must be symmetric in its verdict."""

    name: str
    params: type[Params]
    compare: CompareFunction
    summary: str = ""

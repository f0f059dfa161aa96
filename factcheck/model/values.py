"""The typed value of a claim, one model per claim kind.

A claim's `kind` picks its value model: a `date` claim holds a `DateValue`, a `quote` claim a
`QuoteValue`, and so on. Values hold what the source states, normalised (a date with its precision,
an amount in base units), never a verdict: comparing values is the comparators' job.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

from factcheck.model.compact import Compact
from factcheck.model.partial_date import PartialDate
from factcheck.model.time_of_day import TimeOfDay

ID_PATTERN = r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*$"
EntityId = Annotated[
    str,
    Field(pattern=ID_PATTERN, description="A canonical entity id from the entity file, e.g. `gsomia`."),
]


class Value(Compact, BaseModel):
    """Base of every value: immutable, and unknown fields are mistakes, not extensions."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class DateValue(Value):
    """A calendar date at the precision the source gives: "November 2016" is `2016-11`; with the time of
    day when the source gives one ("at about 3:40 a.m. on Sept. 8": `2026-09-08`, about 03:40)."""

    date: PartialDate
    time: Optional[TimeOfDay] = Field(
        default=None, description="The time of day the source gives, on a date known to the day.")

    @model_validator(mode="after")
    def _time_needs_a_day(self) -> "DateValue":
        if self.time is not None and self.date.day is None:
            raise ValueError(f"a time of day needs a date known to the day, not {self.date}")
        return self


class DurationUnit(str, Enum):
    minute = "minute"
    hour = "hour"
    day = "day"
    week = "week"
    month = "month"
    year = "year"


class DurationValue(Value):
    """A span of time tied to an anchor, so it can be turned into a date.

    "does not expire for 90 days" is 90 days `after` the anchor `published`; "the three-year-old
    framework" is 3 years `before` it. The anchor is `published` (the source's publication date),
    `as_of` (the claim's as-of date) or an explicit date.
    """

    amount: float = Field(gt=0)
    unit: DurationUnit
    interned = ("anchor", "direction")

    anchor: Union[Literal["published", "as_of"], PartialDate] = "published"
    direction: Literal["after", "before"] = "after"
    approximation: Optional["Approximation"] = Field(
        default=None, description='A word that widens the span: "about two hours", "days-long" (at least 2 days).'
    )


class Approximation(str, Enum):
    """Words that qualify an amount; each says on which side of the amount the truth may lie."""

    about = "about"
    around = "around"
    approximately = "approximately"
    roughly = "roughly"
    nearly = "nearly"
    almost = "almost"
    a_little_under = "a little under"
    just_under = "just under"
    less_than = "less than"
    under = "under"
    more_than = "more than"
    over = "over"
    at_least = "at least"
    at_most = "at most"
    up_to = "up to"
    reportedly = "reportedly"
    estimated = "estimated"

    @property
    def side(self) -> Literal["below", "above", "around", "hedge"]:
        """`below`: the truth is at most the amount; `above`: at least; `around`: either side;
        `hedge`: the amount itself is attributed, not measured ("reportedly")."""
        if self in _BELOW:
            return "below"
        if self in _ABOVE:
            return "above"
        if self in _HEDGE:
            return "hedge"
        return "around"


_BELOW = {
    Approximation.nearly, Approximation.almost, Approximation.a_little_under, Approximation.just_under,
    Approximation.less_than, Approximation.under, Approximation.at_most, Approximation.up_to,
}
_ABOVE = {Approximation.more_than, Approximation.over, Approximation.at_least}
_HEDGE = {Approximation.reportedly, Approximation.estimated}


class QuantityValue(Value):
    """An amount in a unit: `5000000000 USD`, `55 percent`, `26 instance`, `106.25 JPY/USD`.

    Amounts are in base units (scale words like "billion" multiplied out); `approximation` keeps
    the qualifier the text puts on the amount ("nearly 55 percent").
    """

    interned = ("unit", "counted")

    amount: float
    unit: str = Field(min_length=1, description="Normalised unit: percent, USD, JPY/USD, or a counted noun.")
    approximation: Approximation | None = None
    counted: str | None = Field(
        default=None,
        description='What is counted or measured, as a noun phrase: "respondents who back ending the pact", '
                    '"U.S. troops". Two figures are one fact only when they count the same thing.',
    )


class QuoteValue(Value):
    """Words a source puts in someone's mouth, verbatim, with who said them as the source states it.

    `speaker` is an entity: a person, or an organisation when the source names none ("a U.S.
    Department of Defense official" is speaker `us-dod` with role `official`). `role` is the role as
    written; `organisation` the entity the speaker speaks for, when the text says.
    """

    interned = ("speaker", "role", "organisation")

    text: str = Field(min_length=1)
    speaker: EntityId
    role: str | None = None
    organisation: EntityId | None = None


class ScopeRelation(str, Enum):
    narrower_than = "narrower_than"
    broader_than = "broader_than"
    same_as = "same_as"


class Modality(str, Enum):
    requires = "requires"
    allows = "allows"
    allows_not_requires = "allows_not_requires"
    forbids = "forbids"


class ScopeValue(Value):
    """What an agreement covers: either compared with another (`relation` + `than`), or what it
    does to an action (`modality` + `action`): "allows, but doesn't require, the exchange of
    intelligence" is `allows_not_requires` + "exchange of intelligence"."""

    interned = ("than", "action")

    relation: ScopeRelation | None = None
    than: EntityId | None = None
    modality: Modality | None = None
    action: str | None = None

    @model_validator(mode="after")
    def _one_form(self) -> "ScopeValue":
        ordered = self.relation is not None or self.than is not None
        modal = self.modality is not None or self.action is not None
        if ordered == modal:
            raise ValueError("a scope value has either `relation` and `than`, or `modality` and `action`")
        if ordered and (self.relation is None or self.than is None):
            raise ValueError("`relation` and `than` go together")
        if modal and (self.modality is None or self.action is None):
            raise ValueError("`modality` and `action` go together")
        return self


class StatementValue(Value):
    """A proposition about the subject, normalised: "South Korea will end GSOMIA" is subject
    `south-korea`, property `withdraws_from`, object `gsomia`. `negated` marks a denial. `action` is
    the measure a statement says was taken, one word for many ("suspended", "froze" -> `suspend`):
    "the cabinet suspended the agreement" is subject the agreement, property `measure_taken`, action
    `suspend`."""

    interned = ("object", "action")

    object: EntityId | None = None
    action: str | None = Field(default=None, pattern=r"^[a-z][a-z-]*$", max_length=40)
    negated: bool = False
    summary: str = Field(min_length=1, description="The proposition in one plain sentence.")

"""A rule: which claims it looks at, which of them overlap, and how to compare them. Rules are data.

    - id: FC101
      name: date-consistency
      description: Dates and durations that place the same event must agree.
      explain: |
        What it flags, why, how to resolve.
      match: {kinds: [date, duration]}
      pair_by: [subject, property]
      property_groups: [[signed_on, age]]
      compare: {comparator: date, params: {tolerance_days: 0}}
      severity: error
      message: "{subject_name} {property}: {verdict}"
"""

from __future__ import annotations

import string
from enum import Enum
from functools import lru_cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from factcheck.model.values import ID_PATTERN
from factcheck.model.words import word_stems

RULE_ID_PATTERN = r"^[A-Z]{1,4}[0-9]{2,4}$"
MESSAGE_FIELDS = {"subject", "subject_name", "property", "verdict", "values", "sources", "rule"}


class PairKey(str, Enum):
    """What two claims must share to be compared.

    `subject`, `property`, `kind`: equal fields (`property` after `property_groups`); `speaker`: the
    quote's speaker; `object`: a statement's object; `scope_pair`: the two agreements a scope relation
    is about, in either order; `quote_text`: the quotes share a run of `shingle_words` words, or
    their speaker.
    """

    subject = "subject"
    property = "property"
    kind = "kind"
    speaker = "speaker"
    object = "object"
    scope_pair = "scope_pair"
    quote_text = "quote_text"


class Severity(str, Enum):
    error = "error"
    warning = "warning"
    note = "note"


class Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


ClaimKind = Literal["date", "duration", "quote", "quantity", "scope", "statement"]


class Match(Strict):
    """Which claims a rule looks at; an empty list means any."""

    kinds: list[ClaimKind] = Field(default_factory=list)
    properties: list[str] = Field(default_factory=list)
    subjects: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    exclude_properties: list[str] = Field(default_factory=list, description="Properties left to other rules.")


class Compare(Strict):
    comparator: str
    params: dict[str, Any] = Field(default_factory=dict)


class TimeVarying(Strict):
    """A property whose value changes over time (an office, a running count): values at different
    as-of dates are not a conflict, unless a `monotonic` count goes the wrong way."""

    varying: bool = False
    monotonic: Literal["none", "increasing", "decreasing"] = "none"
    counted: list[str] = Field(
        default_factory=list,
        description="For quantities: only counts of these (a word of the claim's `counted` phrase: dead, "
                    "missing, arrested, since...) run over time; a count of anything else (tariff lines, "
                    "passengers on a manifest) is one fixed fact. Empty: every count runs. A claim that does "
                    "not say what it counts is taken to run.",
    )

    states: list[str] = Field(
        default_factory=list,
        description="For quantities: counts of a state that rises and falls (ships waiting, homes without power, "
                    "people in hospital): they run over time like `counted`, in either direction whatever "
                    "`monotonic` says.",
    )

    unstated_runs: bool = Field(
        default=True,
        description="Whether a claim that does not say what it counts runs over time. False for figures "
                    "that are mostly fixed (sums of money, masses) where only the listed things run.",
    )

    def varies(self, first: str | None, second: str | None) -> bool:
        """Whether two claims (counting `first` and `second`) may hold different values at different
        dates: any two under a varying rule, unless only the listed things run (`unstated_runs: false`)."""
        if self.varying and not self.unstated_runs:
            return self.runs(first) and self.runs(second)
        return self.varying

    def runs(self, counted: str | None) -> bool:
        """Whether a claim counting `counted` changes over time under this rule."""
        if not self.varying:
            return False
        if not self.counted:
            return True
        if not counted:
            return self.unstated_runs
        return _names_any(counted, self.counted) or _names_any(counted, self.states)

    def direction(self, first: str | None, second: str | None) -> Literal["none", "increasing", "decreasing"]:
        """The way two counts of one thing may move between their dates: none for a state."""
        if _names_any(first, self.states) or _names_any(second, self.states):
            return "none"
        return self.monotonic


def _names_any(counted: str | None, entries: list[str]) -> bool:
    """Whether the counted phrase holds every word of one of the entries ("at anchor" in "ships wait at anchor")."""
    return bool(counted) and _holds_any(counted, tuple(entries))


@lru_cache(maxsize=65536)
def _holds_any(counted: str, entries: tuple[str, ...]) -> bool:
    """`_names_any`, cached: the engine asks it for every pair of counts it judges, and a corpus tells few
    different things counted."""
    found = word_stems(counted)
    return any(_held(word_stems(entry), found) for entry in entries if entry.strip())


# Prepositions a counted phrase may have lost ("nine patients were in hospital" counts "patient hospital"):
# an entry's other words say it ("in hospital", "at anchor").
_PLACE_WORDS = frozenset({"in", "at", "on"})


def _held(entry: frozenset[str], found: frozenset[str]) -> bool:
    """`entry` is said in `found`: every word, or every word but its preposition when something else is
    counted besides ("patient hospital", never "hospital" alone: a number of hospitals is no state)."""
    place = entry - _PLACE_WORDS
    return entry <= found or (place != entry and bool(place) and place < found)


class SameFact(Strict):
    """The thresholds of the same-fact test (factcheck/engine/same_fact.py) for one rule."""

    min_context: float = Field(
        default=0.2, ge=0, le=1,
        description="Unreviewed claims: the least IDF-weighted overlap of content words (values masked) "
                    "for two evidence sentences to be about one fact; 0 turns the test off.",
    )
    min_context_keyed: float = Field(
        default=0.1, ge=0, le=1,
        description="The same, when both claims name the same event or count the same thing: the key "
                    "already says much of what the context would.",
    )
    min_counted: float = Field(
        default=0.7, ge=0, le=1,
        description="Quantities: the least Jaccard overlap of the content words of two `counted` phrases.",
    )
    max_ratio: float = Field(
        default=3.0, ge=1,
        description="Unreviewed figures in one unit that both say what they count, and unreviewed lengths: past "
                    "this ratio they are two things, not one misreported (a slip of digits, scale or unit excepted).",
    )
    max_ratio_uncounted: float = Field(
        default=1.5, ge=1,
        description="The same, when either figure does not say what it counts: only a close figure is "
                    "likely the same one misreported.",
    )


class Rule(Strict):
    id: str = Field(pattern=RULE_ID_PATTERN, description="A short stable code, e.g. FC101.")
    name: str = Field(pattern=ID_PATTERN, description="A readable name, e.g. date-consistency.")
    description: str
    explain: str = Field(description="What it flags, why, and how to resolve it; shown by `factcheck rule ID`.")
    match: Match = Field(default_factory=Match)
    pair_by: list[PairKey] = Field(min_length=1)
    property_groups: list[list[str]] = Field(default_factory=list)
    shingle_words: int = Field(default=3, ge=1, le=10)
    compare: Compare
    time: TimeVarying = Field(default_factory=TimeVarying)
    same_fact: SameFact = Field(default_factory=SameFact)
    severity: Severity = Severity.error
    message: str = "{subject_name} · {property}"

    @field_validator("message")
    @classmethod
    def _known_placeholders(cls, message: str) -> str:
        """Only `{name}` placeholders: a format spec or conversion (`{subject:>999999999}`, `{values:d}`,
        `{subject!r}`) could exhaust memory or fail at report time, so it is refused when the rule loads."""
        try:
            fields = [(name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(message)
                      if name is not None]
        except ValueError as error:
            raise ValueError(f"bad placeholder: {error} (write {{{{ and }}}} for literal braces)") from None
        for name, spec, conversion in fields:
            if spec or conversion:
                shown = name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
                raise ValueError(f"placeholder {{{shown}}} has a format spec or conversion; "
                                 f"only plain {{name}} placeholders are allowed")
        names = {name or "{}" for name, _, _ in fields}
        unknown = names - MESSAGE_FIELDS
        if unknown:
            raise ValueError(f"unknown placeholder(s) {', '.join(sorted(unknown))}; "
                             f"use any of {', '.join(sorted(MESSAGE_FIELDS))}")
        return message

    def canonical_property(self, property_id: str) -> str:
        """The property a claim is paired under: the first of its group, or itself."""
        for group in self.property_groups:
            if property_id in group:
                return group[0]
        return property_id

    def matches(self, kind: str, property_id: str, subject: str, source_id: str) -> bool:
        m = self.match
        return ((not m.kinds or kind in m.kinds) and (not m.properties or property_id in m.properties)
                and property_id not in m.exclude_properties
                and (not m.subjects or subject in m.subjects) and (not m.sources or source_id in m.sources))


class RulesFile(Strict):
    rules: list[Rule]

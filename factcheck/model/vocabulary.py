"""The controlled vocabulary of claim properties.

factcheck ships a starting vocabulary (`factcheck/data/vocabulary.yaml`); a project extends it with
`claims/vocabulary.yaml` in the same form. A claim whose property is in neither is an error, so a
typo (`expire_on`) is caught instead of silently never overlapping anything.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from factcheck.model.claims import CLAIM_KINDS
from factcheck.model.values import ID_PATTERN

# Shipped properties that extraction and the engine both treat specially (data/vocabulary.yaml describes them).
OPEN_PROPERTY = "happened_on"  # what a verb the event lexicon does not know tells ("approved the vaccine on Wednesday")
ONCE_PROPERTY = "took_place_on"  # when an event took place, told by its noun ("Sunday's election", "arrested on Thursday")
AGE_PROPERTY = "age"  # how old a thing or a person is ("the three-year-old framework", "Dusan Vinsk, 34")
TERM_PROPERTY = "term"  # how long an agreement runs ("the 25-year accord"): one fact of it however told
VOTES_PROPERTY = "votes"  # a vote's tally: the votes for, against and abstaining ("by 108 votes to 86")
# An event name both treat specially: a figure given as the real one against another ("puts the real cost
# closer to 350 million"), someone's counter-estimate, compared only with other counter-estimates.
COUNTER_ESTIMATE = "estimate-counter"


class PropertyDef(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=ID_PATTERN)
    description: str
    kinds: list[str] = Field(description=f"Claim kinds that may carry it: any of {', '.join(CLAIM_KINDS)}.")
    once: bool = Field(
        default=False,
        description="Happens at most once to a thing (an agreement's signing or expiry): two claims of it about "
                    "the same agreement, event or list are one fact even in different words. Actors (people, "
                    "organisations, countries) do things many times, so it never applies to them.",
    )


class VocabularyFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    properties: list[PropertyDef]

"""A clock time on a date claim: "at about 3:40 a.m.", "shortly before 5 a.m.", "at 04:52 local time".

Outlets disagree about the hour of an event as often as about its day ("The outage began at 4:52 a.m." /
"The system went down at 5:52 a.m."), so a date claim may carry the time of day its source gives: the
hour and minute as written (24-hour), the word that makes it approximate, and the time zone when the text
names one. Hour and minute are two numbers, not a "03:40" text: YAML 1.1 reads an unquoted 12:30 as the
number 750, a mistake no reader of the file would see.
"""

from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, ConfigDict, Field


class TimeApproximation(str, Enum):
    """Words that make a clock time approximate; each says where the true time may lie."""

    about = "about"
    around = "around"
    approximately = "approximately"
    roughly = "roughly"
    shortly_before = "shortly before"
    just_before = "just before"
    shortly_after = "shortly after"
    just_after = "just after"
    soon_after = "soon after"

    @property
    def side(self) -> str:
        """`around` (either side of the time), `before` (up to it) or `after` (from it)."""
        if self.value.endswith("before"):
            return "before"
        if self.value.endswith("after"):
            return "after"
        return "around"


class TimeOfDay(BaseModel):
    """A time of day as the source writes it: 3:40 a.m. is hour 3, minute 40; 5:52 p.m. is 17, 52."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    hour: int = Field(ge=0, le=23, description="The hour on a 24-hour clock (0-23).")
    minute: int = Field(default=0, ge=0, le=59, description="The minute (0-59).")
    approximation: TimeApproximation | None = Field(
        default=None, description='A word that makes the time approximate: "about 3:40 a.m.", "shortly before 5 a.m.".')
    zone: str | None = Field(
        default=None, min_length=1, max_length=40, pattern=r"^[A-Za-z][A-Za-z .+\-0-9]*$",
        description='The time zone when the text names one: "local time", "GMT", "Kaldorian time". '
                    "A time without one is read as local time.")

    @property
    def to_the_minute(self) -> bool:
        """Told to the minute, not on a quarter hour (04:52, not 10:00 or 03:15): two such times of one day
        that share their minute but not their hour are one moment with the hour slipped."""
        return self.minute % 15 != 0

    @property
    def minutes(self) -> int:
        """Minutes since midnight."""
        return self.hour * 60 + self.minute

    def __str__(self) -> str:
        text = f"{self.hour:02d}:{self.minute:02d}"
        if self.approximation is not None:
            text = f"{self.approximation.value} {text}"
        return f"{text} {self.zone}" if self.zone else text

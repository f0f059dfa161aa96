"""A calendar date known to a precision: a year, a month, or a day.

News text gives dates at every precision ("in 2016", "in November 2016", "Nov. 23"), and a publication
date may be known only to the month (The Diplomat seed: `2019-08`). A `PartialDate` keeps what is known
and nothing more; `first_day` and `last_day` turn it into the interval of days it may stand for, which is
what comparisons use.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from enum import Enum
from functools import lru_cache
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic_core import core_schema


class Precision(str, Enum):
    """How much of a date is known, coarsest first."""

    year = "year"
    month = "month"
    day = "day"


PARTIAL_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
_PARTIAL_DATE_RE = re.compile(PARTIAL_DATE_PATTERN)


class PartialDate:
    """An immutable date with a precision; `str()` gives `2019`, `2019-08` or `2019-08-22`."""

    __slots__ = ("year", "month", "day", "_text")  # `_text`: `str()`'s, made on first use

    def __init__(self, year: int, month: int | None = None, day: int | None = None) -> None:
        if day is not None and month is None:
            raise ValueError("a day needs a month")
        if not 1 <= year <= 9999:
            raise ValueError(f"year {year} is out of range")
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"month {month} does not exist")
        if day is not None:
            assert month is not None
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise ValueError(f"{year:04d}-{month:02d}-{day:02d} does not exist")
        object.__setattr__(self, "year", year)
        object.__setattr__(self, "month", month)
        object.__setattr__(self, "day", day)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("PartialDate is immutable")

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as its numbers (the default pickling sets slots, which an immutable class refuses)."""
        return (PartialDate, (self.year, self.month, self.day))

    @classmethod
    def parse(cls, text: str) -> "PartialDate":
        """Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; anything else is a ValueError naming the form."""
        if not _PARTIAL_DATE_RE.match(text):
            raise ValueError(f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
        parts = [int(p) for p in text.split("-")]
        return cls(*parts)

    @classmethod
    def from_date(cls, value: dt.date) -> "PartialDate":
        return cls(value.year, value.month, value.day)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.day
        if self.month is not None:
            return Precision.month
        return Precision.year

    def first_day(self) -> dt.date:
        """The earliest day this date may stand for."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        """The latest day this date may stand for."""
        if self.day is not None:
            assert self.month is not None
            return dt.date(self.year, self.month, self.day)
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def truncate(self, precision: Precision) -> "PartialDate":
        """This date known only to `precision` (never finer than it already is)."""
        order = list(Precision)
        keep = min(order.index(precision), order.index(self.precision))
        if keep == 0:
            return PartialDate(self.year)
        if keep == 1:
            return PartialDate(self.year, self.month)
        return self

    def __str__(self) -> str:
        """Made once a date and kept (dates are shared: `coerce`): a million claims' dates are shown,
        described and compared by their text, most of them one publication date."""
        try:
            return self._text
        except AttributeError:  # the slot is unset until the first call
            text = f"{self.year:04d}"
            if self.month is not None:
                text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
            object.__setattr__(self, "_text", text)
            return text

    def __repr__(self) -> str:
        return f"PartialDate({str(self)!r})"

    def _key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PartialDate) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __lt__(self, other: "PartialDate") -> bool:
        return self._key() < other._key()

    @classmethod
    def coerce(cls, value: Any) -> "PartialDate":
        """Accept what a YAML file can hold for a date: a date, `2019-08`, or a bare year 2019.
        A text or a date (not a subclass: a datetime is refused) is read once and shared (`_shared`)."""
        if cls is PartialDate and (type(value) is str or type(value) is dt.date):
            return _shared(value)
        return cls._coerce(value)

    @classmethod
    def _coerce(cls, value: Any) -> "PartialDate":
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.datetime):
            raise ValueError("a date is expected, not a date and time")
        if isinstance(value, dt.date):
            return cls.from_date(value)
        if isinstance(value, bool):
            raise ValueError("a date is expected, not a boolean")
        if isinstance(value, int):
            if 1000 <= value <= 9999:
                return cls(value)
            raise ValueError(f"{value} is not a year; write dates as YYYY, YYYY-MM or YYYY-MM-DD")
        if isinstance(value, str):
            return cls.parse(value.strip())
        raise ValueError(f"a date is expected (YYYY, YYYY-MM or YYYY-MM-DD), not {type(value).__name__}")

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.coerce, serialization=core_schema.plain_serializer_function_ser_schema(str)
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> dict:
        return {
            "type": "string",
            "pattern": PARTIAL_DATE_PATTERN,
            "description": "A date known to a precision: YYYY, YYYY-MM or YYYY-MM-DD.",
            "examples": ["2016", "2016-11", "2019-11-23"],
        }


@lru_cache(maxsize=8192, typed=True)
def _shared(value: str | dt.date) -> PartialDate:
    """One PartialDate per distinct date text or date: a corpus of a million claims names a few
    thousand dates, each read (a pattern, a calendar check) once and held once (it is immutable).
    A value that is not a date raises each time (nothing is kept of it)."""
    return PartialDate._coerce(value)

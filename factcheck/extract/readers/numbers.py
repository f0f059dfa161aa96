"""Numbers as news writes them: digits with separators ("1,200", "106.25") and number words ("three",
"twenty-six"), for durations ("three-year-old", "for 90 days") and counts ("26 instances")."""

from __future__ import annotations

import re

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_WORDS = {**_UNITS, **_TENS, "hundred": 100, "dozen": 12, "half": 0.5}

_WORD_NUMBER = (rf"(?:(?:{'|'.join(_TENS)})(?:[-\s](?:{'|'.join(k for k in _UNITS if k != 'zero')}))?"
                rf"|{'|'.join(sorted(_UNITS, key=len, reverse=True))}|hundred|dozen|half)")
# A number in digits or words; use inside a larger pattern (it has no groups of its own).
NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|(?i:{_WORD_NUMBER}))"
_NUMBER_RE = re.compile(NUMBER)


def parse_number(written: str) -> float | None:
    """`"1,200"` -> 1200.0, `"three"` -> 3.0, `"twenty-six"` -> 26.0; None when it is not a number."""
    text = written.strip().casefold()
    if not text:
        return None
    digits = text.replace(",", "")
    try:
        return float(digits)
    except ValueError:
        pass
    total = 0.0
    for part in re.split(r"[-\s]+", text):
        if part not in _WORDS:
            return None
        total += _WORDS[part]
    return total

"""Numbers as news writes them: digits with separators ("1,200", "106.25") and number words ("three",
"twenty-six", "two hundred", "two dozen"), for durations ("three-year-old", "for 90 days") and counts
("26 instances", "two hundred people").

The value of number words is read by text2num (`text_to_num.text2num`), a maintained parser: "two
hundred" is 200 and "one hundred and five" is 105. It does not read "dozen" and "half", so those two
are multiplied here ("two dozen" is 24). The regex `NUMBER` only *finds* a span of number words inside
the larger patterns of dates and quantities (a span that text2num then refuses is no number), so every
match is the verbatim words of the text and offsets stay in the original text.
"""

from __future__ import annotations

import math
from decimal import Decimal

from text_to_num import text2num

_ONES = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = "thousand million billion".split()
_MULTIPLIERS = {"dozen": 12, "half": 0.5}  # what text2num does not read; "half" alone, "dozen" after a number


def _either(words: list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_END = r"(?![a-z])"
_BELOW_100 = rf"(?:(?:{_either(_TENS)}){_END}(?:[-\s](?:{_either(_ONES)}){_END})?|(?:{_either(_TEENS + _ONES + ['zero'])}){_END})"
_BELOW_1000 = rf"(?:{_BELOW_100}(?:\s+hundred{_END}(?:(?:\s+and)?\s+{_BELOW_100})?)?)"
_WORD_NUMBER = (rf"(?:{_BELOW_1000}(?:\s+(?:{_either(_SCALES)}){_END}(?:(?:\s+and)?\s+{_BELOW_1000})?)?"
                rf"(?:\s+dozen{_END})?|dozen{_END}|half{_END}|hundred{_END})")
# A number in digits or words; use inside a larger pattern (it has no groups of its own).
NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|(?i:{_WORD_NUMBER}))"


def parse_number(written: str) -> float | None:
    """`"1,200"` -> 1200.0, `"three"` -> 3.0, `"two hundred"` -> 200.0, `"two dozen"` -> 24.0; None when
    it is not a number."""
    text = " ".join(written.strip().casefold().split())
    if not text:
        return None
    try:
        return float(text.replace(",", ""))
    except ValueError:
        pass
    if text in _MULTIPLIERS:
        return float(_MULTIPLIERS[text])
    words, _, last = text.rpartition(" ")
    if last in _MULTIPLIERS and words:
        base = parse_number(words)
        return None if base is None else scaled(base, _MULTIPLIERS[last])
    try:
        return float(text2num(text, "en"))
    except ValueError:
        return None


def scaled(amount: float, factor: float) -> float:
    """`amount * factor` as the text means it: "68.1 billion" is 68,100,000,000, not the
    68,099,999,999.99999 that binary floating point makes of 68.1 * 10**9."""
    return float(Decimal(repr(amount)) * Decimal(repr(factor)))


def significant_digits(amount: float, precision: int = 12) -> str:
    """The significant digits of a figure, without its point, sign or trailing zeros, read to `precision`
    digits: 4,120,000 -> "412", 14.1 -> "141", -0.05 -> "5". Slips of digits and roundings compare these."""
    return f"{abs(amount):.{precision - 1}e}".partition("e")[0].replace(".", "").rstrip("0")


def last_digit_place(amount: float) -> float:
    """The place of a figure's last written digit: 4,210,000,000 -> 10,000,000; 20.5 -> 0.1. Half of it is how
    far a figure told to that digit may have been rounded."""
    return 10.0 ** (math.floor(math.log10(abs(amount))) - (len(significant_digits(amount)) - 1))

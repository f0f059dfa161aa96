"""Where a claim's value stands in its evidence, and the paragraph of the source text around it.

The page marks the value inside the evidence sentence ("The pact will expire **Nov. 23** if not
renewed.") so a reader sees which words the claim was read from. The words are found with the
readers extraction uses (`readers/dates.py` for dates and durations, `model/numbers.py` for
figures): a value is marked only where a reader finds exactly that value, or the one value of its
kind in the sentence; otherwise nothing is marked (a wrong mark would mislead).

The paragraph comes from the source text, read through the path policy (`load/source_text.py`),
and is shown only when the evidence still stands at its offsets.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

from factcheck.comparators.wording import TYPOGRAPHIC
from factcheck.extract.readers.dates import find_dates
from factcheck.load.paths import PathRefused
from factcheck.load.source_text import AbsoluteSourcePath, read_source_bytes
from factcheck.model.numbers import NUMBER, parse_number
from factcheck.model.sourced import SourcedClaim
from factcheck.model.values import DateValue, DurationValue, QuantityValue, QuoteValue

Span = tuple[int, int]
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_FIGURE = re.compile(rf"(?<![\w.,])(?P<n>{NUMBER})(?:\s+(?P<scale>thousand|million|billion|trillion)\b)?"
                     r"(?:\s*(?:%|percent\b|per\s+cent\b))?", re.IGNORECASE)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
PARAGRAPH_CHARS = 1500  # a paragraph longer than this is cut around the evidence


@dataclass(frozen=True)
class Marked:
    """Evidence in three parts: before the value, the value, after it (`value` empty: nothing marked)."""

    before: str
    value: str
    after: str


def marked_evidence(item: SourcedClaim) -> Marked:
    text = item.claim.evidence.text
    span = value_span(item)
    if span is None:
        return Marked(text, "", "")
    start, end = span
    return Marked(text[:start], text[start:end], text[end:])


def value_span(item: SourcedClaim) -> Span | None:
    """The characters of the evidence that state the claim's value, or None when they cannot be told."""
    value, text = item.claim.value, item.claim.evidence.text
    if isinstance(value, QuoteValue):
        return _quote_span(value.text, text)
    if isinstance(value, (DateValue, DurationValue)):
        return _date_span(item, value, text)
    if isinstance(value, QuantityValue):
        return _figure_span(value.amount, text)
    return None


def _quote_span(quote: str, text: str) -> Span | None:
    haystack, needle = text.translate(TYPOGRAPHIC).lower(), quote.translate(TYPOGRAPHIC).lower().strip()
    if len(haystack) != len(text) or not needle:
        return None
    start = haystack.find(needle)
    return None if start < 0 else (start, start + len(needle))


def _date_span(item: SourcedClaim, value: DateValue | DurationValue, text: str) -> Span | None:
    expressions = find_dates(text, 0, len(text), item.source.published, tense=None)
    if isinstance(value, DateValue):
        kind = [e for e in expressions if e.date is not None]
        exact = [e for e in kind if str(e.date) == str(value.date)]
    else:
        kind = [e for e in expressions if e.duration is not None]
        exact = [e for e in kind if e.duration is not None and e.duration.amount == value.amount
                 and e.duration.unit == value.unit]
    chosen = exact[:1] or (kind if len(kind) == 1 else [])
    return (chosen[0].start, chosen[0].end) if chosen else None


def _figure_span(amount: float, text: str) -> Span | None:
    figures = []
    for match in _FIGURE.finditer(text):
        number = parse_number(match.group("n"))
        if number is None:
            continue
        scale = _SCALES.get((match.group("scale") or "").lower(), 1.0)
        figures.append((number * scale, (match.start(), match.end())))
    exact = [span for number, span in figures if math.isclose(number, amount, rel_tol=1e-9)]
    if exact:
        return exact[0]
    return figures[0][1] if len(figures) == 1 else None


@dataclass(frozen=True)
class Paragraph:
    """The evidence in its paragraph of the source text."""

    before: str
    evidence: str
    after: str


class SourceTexts:
    """The source texts of one render, each read once (a page may show hundreds of paragraphs)."""

    def __init__(self) -> None:
        self._texts: dict[tuple[str, str], str | None] = {}

    def text_of(self, item: SourcedClaim) -> str | None:
        key = (item.path, item.source.text)
        if key not in self._texts:
            self._texts[key] = _read_text(item.path, item.source.text)
        return self._texts[key]


def paragraph_of(item: SourcedClaim, texts: SourceTexts) -> Paragraph | None:
    """The paragraph around the evidence, or None when the source text cannot be read (refused, missing,
    changed) or the evidence is no longer at its offsets."""
    text = texts.text_of(item)
    evidence = item.claim.evidence
    if text is None or text[evidence.start:evidence.end] != evidence.text:
        return None
    breaks = [(m.start(), m.end()) for m in _PARAGRAPH_BREAK.finditer(text)]
    start = max((end for _, end in breaks if end <= evidence.start), default=0)
    end = min((begin for begin, _ in breaks if begin >= evidence.end), default=len(text))
    start = max(start, evidence.start - PARAGRAPH_CHARS // 2)
    end = min(end, evidence.end + PARAGRAPH_CHARS // 2)
    return Paragraph(text[start:evidence.start].lstrip(), evidence.text, text[evidence.end:end].rstrip())


def _read_text(claims_path: str, text_path: str) -> str | None:
    try:
        return read_source_bytes(Path(claims_path), text_path).decode("utf-8")
    except (AbsoluteSourcePath, PathRefused, OSError, UnicodeDecodeError):
        return None

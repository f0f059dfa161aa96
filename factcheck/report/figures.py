"""What the page draws, read from a finding's comparisons: no date, figure or word is computed twice.

- a **time axis** per date finding: each claim's interval of days as the date comparator resolved it
  (`facts.intervals`: a point for a day, a band for a month or "90 days after a publication in
  August"), and the days all of them share (the overlap);
- a **number line** per quantity finding: each figure's range (`facts.ranges`) and the tolerance;
- a **word diff** per quote finding: the quote comparator's `facts.diff` ("expresses our [-strong-]
  {+deep+} concern", against the fuller quote), cut into kept, dropped and added words;
- the **timeline** of every dated fact in the report, one row per subject, from each date claim's
  interval (`comparators.date.resolve_interval`, the one home of date arithmetic).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from factcheck.comparators.date import resolve_interval
from factcheck.engine.finding import Finding, Report
from factcheck.model.sourced import SourcedClaim
from factcheck.model.values import DateValue, DurationValue


@dataclass(frozen=True)
class Interval:
    """One claim's days on a time axis."""

    key: str  # source/claim
    source: str
    label: str  # the value as written: `2019-11-23`, `90 days after publication (2019-08)`
    earliest: dt.date
    latest: dt.date
    apart: bool = False  # its source stands apart from the majority (a conflict)

    @property
    def is_day(self) -> bool:
        return self.earliest == self.latest


@dataclass(frozen=True)
class TimeAxis:
    intervals: tuple[Interval, ...]
    overlap: tuple[dt.date, dt.date] | None  # the days every interval shares


@dataclass(frozen=True)
class Range:
    """One figure on a number line: `low == high` for a plain figure."""

    source: str
    label: str
    low: float | None  # None: open-ended ("at least 9")
    high: float | None
    apart: bool = False


@dataclass(frozen=True)
class NumberLine:
    ranges: tuple[Range, ...]
    unit: str
    tolerance: float


@dataclass(frozen=True)
class DiffPart:
    kind: str  # `same`, `dropped` (only in the fuller quote), `added` (only in the shorter one)
    text: str


@dataclass(frozen=True)
class WordDiff:
    fuller: str  # the source of the fuller quote
    other: str
    difference: str  # the comparator's name for it: fragment, misquote, worded_differently ...
    parts: tuple[DiffPart, ...]

    @property
    def changed(self) -> bool:
        return any(part.kind != "same" for part in self.parts)


_DIFF_MARK = re.compile(r"\[-(.*?)-\]|\{\+(.*?)\+\}", re.DOTALL)


def time_axis(finding: Finding) -> TimeAxis | None:
    """The intervals the date comparator gave each claim of the finding, or None for another kind."""
    by_key: dict[str, dict[str, str]] = {}
    for pair in finding.pairs:
        intervals = pair.comparison.facts.get("intervals")
        if not isinstance(intervals, list) or len(intervals) != 2 or "earliest" not in intervals[0]:
            return None
        by_key.setdefault(pair.first, intervals[0])
        by_key.setdefault(pair.second, intervals[1])
    if not by_key:
        return None
    rows = tuple(Interval(c.key, c.source_id, by_key[c.key]["label"], dt.date.fromisoformat(by_key[c.key]["earliest"]),
                          dt.date.fromisoformat(by_key[c.key]["latest"]), c.source_id in finding.outliers)
                 for c in finding.claims if c.key in by_key)
    start, end = max(r.earliest for r in rows), min(r.latest for r in rows)
    return TimeAxis(rows, (start, end) if start <= end else None)


def number_line(finding: Finding) -> NumberLine | None:
    """The ranges the quantity comparator gave each figure of the finding, or None for another kind."""
    by_key: dict[str, dict[str, object]] = {}
    unit, tolerance = "", 0.0
    for pair in finding.pairs:
        facts = pair.comparison.facts
        ranges = facts.get("ranges")
        if not isinstance(ranges, list) or len(ranges) != 2:
            return None
        by_key.setdefault(pair.first, ranges[0])
        by_key.setdefault(pair.second, ranges[1])
        unit = str(facts.get("unit", ""))
        tolerance = max(tolerance, float(facts.get("tolerance") or 0.0))  # type: ignore[arg-type]
    if not by_key:
        return None
    rows = tuple(Range(c.source_id, str(by_key[c.key]["label"]), _number(by_key[c.key]["low"]),
                       _number(by_key[c.key]["high"]), c.source_id in finding.outliers)
                 for c in finding.claims if c.key in by_key)
    return NumberLine(rows, unit, tolerance)


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, (int, float)) else None


def word_diffs(finding: Finding) -> tuple[WordDiff, ...]:
    """One word diff per pair of quotes compared, against the fuller of the two."""
    claims = {c.key: c for c in finding.claims}
    diffs = []
    for pair in finding.pairs:
        facts = pair.comparison.facts
        diff = facts.get("diff")
        if not isinstance(diff, str) or pair.first not in claims or pair.second not in claims:
            continue
        first, second = claims[pair.first], claims[pair.second]
        fuller, other = (first, second) if _words(first) >= _words(second) else (second, first)
        diffs.append(WordDiff(fuller.source_id, other.source_id, str(facts.get("difference", "")), diff_parts(diff)))
    return tuple(diffs)


def _words(item: SourcedClaim) -> int:
    return len(str(getattr(item.claim.value, "text", "")).split())


def diff_parts(diff: str) -> tuple[DiffPart, ...]:
    """`expresses our [-strong-] {+deep+} concern` as kept, dropped and added words."""
    parts: list[DiffPart] = []
    position = 0
    for match in _DIFF_MARK.finditer(diff):
        if match.start() > position:
            parts.append(DiffPart("same", diff[position:match.start()]))
        dropped, added = match.group(1), match.group(2)
        parts.append(DiffPart("dropped", dropped) if dropped is not None else DiffPart("added", added or ""))
        position = match.end()
    if position < len(diff):
        parts.append(DiffPart("same", diff[position:]))
    return tuple(parts)


@dataclass(frozen=True)
class DatedFact:
    """A mark on the timeline: one claim's date."""

    subject: str  # the subject's name
    property: str
    finding_id: str
    verdict: str
    interval: Interval


def dated_facts(report: Report, date_rules: frozenset[str] = frozenset()) -> tuple[DatedFact, ...]:
    """Every date claim of the report, earliest first: dates, and the durations that place a date
    ("90 days after publication"), those compared as dates or under a rule of the `date` comparator
    (`date_rules`), not how long something lasted."""
    facts = []
    seen: set[str] = set()
    for finding in report.findings:
        durations = finding.rule_id in date_rules or time_axis(finding) is not None
        for item in finding.claims:
            value = item.claim.value
            if item.key in seen or not (isinstance(value, DateValue) or durations and isinstance(value, DurationValue)):
                continue
            try:
                resolved = resolve_interval(item)
            except (TypeError, ValueError, OverflowError):
                continue
            seen.add(item.key)
            interval = Interval(item.key, item.source_id, resolved.label, resolved.earliest, resolved.latest)
            facts.append(DatedFact(finding.subject_name or finding.subject, item.claim.property, finding.id,
                                   finding.verdict.value, interval))
    return tuple(sorted(facts, key=lambda f: (f.interval.earliest, f.subject, f.interval.key)))

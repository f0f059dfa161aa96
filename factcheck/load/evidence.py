"""Where an evidence text really is in its source text: the places validation names when offsets are
wrong, `factcheck fix` repairs from, and `factcheck claim add` writes.

Offsets are Python string indices (code points), `end` exclusive, as in a claims file; lines are
1-based lines of the source text. Overlapping occurrences count (`aa` is twice in `aaa`), and the search
stops after `MAX_PLACES` places so that a one-letter text in a large source costs little.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_PLACES = 100  # places searched for; more are reported as "more than"
SHOWN_PLACES = 5  # places named in a message


@dataclass(frozen=True)
class Span:
    """One place of the evidence text in the source text."""

    start: int
    end: int
    line: int

    def __str__(self) -> str:
        return f"{self.start}..{self.end} (line {self.line})"


def find_spans(source_text: str, words: str, limit: int = MAX_PLACES) -> list[Span]:
    """Every place `words` occurs in `source_text`, in order; at most `limit` (+1, to tell there are more)."""
    spans: list[Span] = []
    if not words:
        return spans
    line, counted_to = 1, 0
    found = source_text.find(words)
    while found >= 0 and len(spans) <= limit:
        line += source_text.count("\n", counted_to, found)
        counted_to = found
        spans.append(Span(found, found + len(words), line))
        found = source_text.find(words, found + 1)
    return spans


def describe_places(spans: list[Span], limit: int = MAX_PLACES) -> str:
    """`found at 139..183 (line 5)`, `found 3 times: at 10..20 (line 1), ...`, or `not found in the source text`."""
    if not spans:
        return "not found in the source text"
    if len(spans) == 1:
        return f"found at {spans[0]}"
    count = f"more than {limit}" if len(spans) > limit else str(len(spans))
    shown = ", ".join(str(span) for span in spans[:SHOWN_PLACES])
    more = ", ..." if len(spans) > SHOWN_PLACES else ""
    return f"found {count} times: at {shown}{more}"


def where_is(source_text: str, words: str) -> str:
    """The places of `words` in `source_text`, described for a message."""
    return describe_places(find_spans(source_text, words))

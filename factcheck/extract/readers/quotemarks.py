"""Quotations: the words inside quote marks, with exact offsets, across the forms news uses.

A quote is found by scanning each content line once for quote marks, with a small state machine:
curly (“ ”) and straight (") double quotes; single quotes (‘ ’, and straight ' opening before a capital
and closing next to punctuation, as British copy writes them) as a quote of their own only at the top
level — inside a double quote they are nested (“allowing the ‘history’ issue ...”) and stay part of it;
and ’ followed by a letter is an apostrophe (Japan’s, U.S.’s), not a closing mark. A quote that runs
over two paragraphs follows the convention of the trade: the first paragraph has no closing mark and
the next one opens with the mark again; the two parts become one quote. Two parts of one sentence
split around the attribution ("“A,” he said, “B.”") are one quote too. Who said it is
`readers/speakers.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.extract.document import Document

_MARK = re.compile(r"[“”\"‘’']")
_OPENERS = "“\"‘"
_TRAILING = " \t\n,;:—–-"


@dataclass(frozen=True)
class QuoteSpan:
    """One quotation: the inner spans of its parts (marks excluded), in text order."""

    parts: tuple[tuple[int, int], ...]
    closed: bool = True
    elided: bool = False  # parts of one sentence around an attribution, not paragraphs of one quote

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]

    def words(self, text: str) -> int:
        return sum(len(text[a:b].split()) for a, b in self.parts)

    def value_text(self, text: str) -> str:
        """The quoted words: each part trimmed of the comma that leads into the attribution; parts of
        one sentence joined by an ellipsis (words were left out), paragraphs by a space."""
        pieces = [text[a:b].strip(_TRAILING) for a, b in self.parts]
        return (" ... " if self.elided else " ").join(p for p in pieces if p)


def find_quotes(document: Document) -> list[QuoteSpan]:
    """Every top-level quotation in the content lines, in text order."""
    text = document.text
    lines = [line for line in document.lines if line.noise is None]
    quotes: list[QuoteSpan] = []
    carried: list[tuple[int, int]] = []  # parts of a quote still open at the end of the previous line
    for position, line in enumerate(lines):
        scan_from = line.start
        if carried:
            if text[line.start] in _OPENERS:  # the convention: the mark is repeated, the quote goes on
                scan_from = line.start + 1
            else:
                quotes.append(QuoteSpan(tuple(carried), closed=False))
                carried = []
        found, open_at = _scan_line(text, scan_from, line.end, carried_open=bool(carried))
        if carried and found and found[0][0] == scan_from:
            first_start, first_end = found.pop(0)
            quotes.append(QuoteSpan(tuple([*carried, (first_start, first_end)])))
            carried = []
        quotes.extend(QuoteSpan(((a, b),)) for a, b in found)
        if open_at is not None:
            following = lines[position + 1] if position + 1 < len(lines) else None
            part = (open_at, _rstrip(text, open_at, line.end))
            if carried:
                carried.append(part)
            elif following is not None and text[following.start] in _OPENERS:
                carried = [part]
            else:
                quotes.append(QuoteSpan((part,), closed=False))
        elif carried:
            quotes.append(QuoteSpan(tuple(carried), closed=False))
            carried = []
    if carried:
        quotes.append(QuoteSpan(tuple(carried), closed=False))
    return [q for q in quotes if q.end > q.start]


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _scan_line(text: str, start: int, end: int, *, carried_open: bool) -> tuple[list[tuple[int, int]], int | None]:
    """Inner spans of the quotes closed in `text[start:end]`, and where a still-open one begins."""
    spans: list[tuple[int, int]] = []
    double_open: int | None = start if carried_open else None
    double_mark = "“"
    single_open: int | None = None  # a top-level single quote
    single_mark = "’"
    nested_single = False
    for match in _MARK.finditer(text, start, end):
        mark, at = match.group(), match.start()
        before = text[at - 1] if at > start else " "
        after = text[at + 1] if at + 1 < end else " "
        if mark == "'" and double_open is not None:
            continue  # an apostrophe, or a straight single quote nested in a double one: part of it
        if double_open is not None:
            if mark == "”" or (mark == '"' and double_mark == '"'):
                spans.append((double_open, at))
                double_open, nested_single = None, False
            elif mark == "‘" and not after.isspace():
                nested_single = True
            elif mark == "’" and nested_single and not after.isalpha():
                nested_single = False
            continue
        if single_open is not None:
            if mark == single_mark and not after.isalpha() and not before.isspace() and (
                    mark == "’" or before in ".,!?;:—–-…" or after in ".,;:!?)—–"):
                spans.append((single_open, at))  # a straight ' closes after punctuation, or before it:
                single_open = None                 # "workers' rights" is an apostrophe
            continue
        if mark == "“" or (mark == '"' and (before.isspace() or before in "([—–-") and not after.isspace()):
            double_open, double_mark = at + 1, mark
        elif mark in "‘'" and (before.isspace() or before in "([—–-") and (after.isupper() if mark == "'" else after.isalpha()):
            single_open, single_mark = at + 1, "’" if mark == "‘" else "'"  # a straight ' opens before a capital
    return spans, double_open


_TITLE_SMALL = frozenset({"a", "an", "the", "of", "with", "and", "in", "on", "at", "to", "for", "by", "from", "or", "de"})
_TITLE_MAX_WORDS = 8


def reads_as_title(quoted: str) -> bool:
    """A short quoted span in title case with no clause punctuation ("Girl with a Lantern", "Operation
    Northern Shield") names a painting, a book or an operation: it is nobody's statement."""
    words = quoted.strip().split()
    if not 2 <= len(words) <= _TITLE_MAX_WORDS or any(mark in quoted for mark in ",.;:!?"):
        return False
    return words[0][:1].isupper() and all(word[:1].isupper() or word.lower() in _TITLE_SMALL for word in words)

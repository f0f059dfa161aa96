"""Annotator 1, `segment`: lines and sentences that keep their offsets, page noise set aside.

Every claim's evidence must satisfy `evidence.text == text[start:end]` on the ORIGINAL text, so nothing
here rewrites the text: a line, a sentence, a dropped caption are all spans (`start`, `end`) into it.
Scraped pages repeat the headline between paragraphs, carry "ADVERTISEMENT", photo credits, contact
lines and section navigation ("The Koreas | Diplomacy | Security"); those lines are dropped with the
reason, and a sentence seen twice (or a standfirst repeated as the start of a body sentence) is kept
once, so it yields one claim, not several. A photo caption is dropped too: a line followed by a credit
line (unless that line captions the picture itself and the line above attributes words to someone: a
caption quotes no one), or a sentence that carries a credit itself ("(AP Photo/...)", "Photo: ...",
"REUTERS/...", "/Getty Images"): the lexicon's `caption_marks`. A caption's weekday is the day of the
picture, never the date of what the article reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from factcheck.extract.cues import Cues
from factcheck.extract.document import Document, Line, Sentence, sentence_key

_LINE = re.compile(r"[^\n]+")
_BOUNDARY = re.compile(r"[.!?…]+[\"”’)\]]*(\s+)")
_LAST_WORD = re.compile(r"(\S+)$")
_ABBREVIATIONS = frozenset((
    "u.s. u.k. u.n. e.u. jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. mon. tue. tues. "
    "wed. thu. thur. thurs. fri. sat. sun. mr. mrs. ms. dr. lt. col. gen. sen. rep. gov. st. no. inc. "
    "corp. co. jr. sr. vs. e.g. i.e. prof. adm. maj. capt. sgt. ltd. dept. est. approx. fig. "
).split())
_INITIAL = re.compile(r"^(?:[A-Z]\.)+$")
_TERMINAL = re.compile(r"[.!?…:;\"”’)]\s*$")


@dataclass(frozen=True)
class Segmented:
    """A text cut into lines and sentences, noise set aside."""

    text: str
    lines: list[Line]
    sentences: list[Sentence]
    dropped: list[tuple[Line | Sentence, str]] = field(default_factory=list)


def annotate(document: Document) -> None:
    """The `lines`, `sentences` and `dropped` layers."""
    segmented = segment(document.text, document.cues, title=document.source.title)
    document.set_sentences(segmented.lines, segmented.sentences, segmented.dropped)


def segment(text: str, cues: Cues, *, title: str | None = None) -> Segmented:
    """Lines (noise marked), then the sentences of the content lines, each sentence kept once."""
    lines = _lines(text, cues, title)
    dropped: list[tuple[Line | Sentence, str]] = [(line, line.noise) for line in lines if line.noise]
    sentences: list[Sentence] = []
    for line in lines:
        if line.noise is None:
            sentences.extend(_sentences(text, line, cues, len(sentences)))
    captions = [s for s in sentences if any(mark.search(s.text) for mark in cues.captions)]
    dropped.extend((sentence, "photo caption") for sentence in captions)
    kept, repeated = _drop_repeats([s for s in sentences if s not in captions])
    dropped.extend((sentence, "repeated sentence") for sentence in repeated)
    kept = [Sentence(i, s.line, s.start, s.end, s.text) for i, s in enumerate(kept)]
    return Segmented(text, lines, kept, dropped)


def _lines(text: str, cues: Cues, title: str | None) -> list[Line]:
    spans = []
    for match in _LINE.finditer(text):
        raw = match.group()
        stripped = raw.strip()
        if not stripped:
            continue
        start = match.start() + (len(raw) - len(raw.lstrip()))
        spans.append((start, start + len(stripped), stripped))
    counts: dict[str, int] = {}
    for _, _, stripped in spans:
        key = sentence_key(stripped)
        counts[key] = counts.get(key, 0) + 1
    title_key = sentence_key(title) if title else None
    lines: list[Line] = []
    for index, (start, end, stripped) in enumerate(spans):
        following = spans[index + 1][2] if index + 1 < len(spans) else ""
        noise = _noise(stripped, following, cues, counts, title_key)
        lines.append(Line(index, start, end, stripped, noise))
    return lines


def _noise(line: str, following: str, cues: Cues, counts: dict[str, int], title_key: str | None) -> str | None:
    for pattern in cues.noise:
        if pattern.fullmatch(line):
            return f"page noise ({pattern.pattern[:40]})"
    key = sentence_key(line)
    if title_key and key == title_key:
        return "headline"
    if not _TERMINAL.search(line) and len(line.split()) <= 14 and not _BULLET_SENTENCE.match(line):
        return "repeated headline" if counts.get(key, 0) > 1 else "headline or section name"
    if any(p.fullmatch(following) for p in cues.noise
           if ("Credit" in p.pattern or "Photo" in p.pattern) and not p.pattern.startswith(".*")) \
            and not (_captions_itself(following) and (_ATTRIBUTED.search(line) or _SENTENCES.search(line))):
        return "photo caption"  # the line above a credit line ("Credit: AP Photo/..."), not above a caption
    if any(mark.search(line) for mark in cues.captions) and len(line.split()) <= 60:
        return "photo caption"
    return None


# A bullet point told as a sentence ("- The reactor will be offline for at least six weeks, according to
# Norvalt"): content, though it ends without a stop; a labelled fact ("- Cost: 41 million dalen") is not.
_BULLET_SENTENCE = re.compile(r"[-•–]\s+(?![^:]{0,30}:)(?:\S+\s+){6,}\S+")
_LABEL = re.compile(r"^\s*(?:Photo|Image|Photograph|Picture|Credit)(?:\s+credit)?:\s*", re.IGNORECASE)
# A credit after a caption: "(Tidende/P. Engen)", "AP Photo/Ahn Young-joon", "/ Courier" (capitalised words only, so a
# caption's own words before " / Courier" are not taken for a credit).
_CREDIT_TAIL = re.compile(r"\s*\([^()]*\)\s*$"
                          r"|\s+[A-Z][\w.&'-]*(?:\s[A-Z][\w.&'-]*)*\s?/\s?[\w.&' /-]+$"
                          r"|\s+/\s*[A-Z][\w.&' -]*$")
_SENTENCES = re.compile(r"[a-z]{2}[.!?]\s+[A-Z]")  # a paragraph of two sentences or more: a caption is one
_ATTRIBUTED = re.compile(r"[\"“”]|\b(?:said|says|told|according\s+to)\b")


def _captions_itself(line: str) -> bool:
    """A "Photo:" line that carries a caption of its own ("Photo: Shoppers in the market square on Monday.
    (Tidende/P. Engen)"), not a credit alone ("Photo: Reuters", "Credit: AP Photo/Ahn Young-joon")."""
    caption = _CREDIT_TAIL.sub("", _LABEL.sub("", line, count=1))
    return len(caption.split()) >= 5


def _sentences(text: str, line: Line, cues: Cues, first_index: int) -> list[Sentence]:
    body_start = line.start
    for dateline in cues.datelines:
        found = dateline.match(text, line.start, line.end)
        if found:
            body_start = found.end()
            break
    found_sentences: list[Sentence] = []
    start = body_start
    for match in _BOUNDARY.finditer(text, body_start, line.end):
        cut = match.start(1)
        following = text[match.end():match.end() + 1]
        if not following or not (following.isupper() or following.isdigit() or following in "“\"‘'("):
            continue
        word = _LAST_WORD.search(text, start, match.start() + len(match.group()) - len(match.group(1)))
        token = word.group(1).rstrip("\"”’)]") if word else ""
        if token.casefold() in _ABBREVIATIONS or _INITIAL.match(token):
            continue
        found_sentences.append(_sentence(text, line.index, start, cut, first_index + len(found_sentences)))
        start = match.end()
    if start < line.end:
        found_sentences.append(_sentence(text, line.index, start, line.end, first_index + len(found_sentences)))
    return found_sentences


def _sentence(text: str, line: int, start: int, end: int, index: int) -> Sentence:
    return Sentence(index, line, start, end, text[start:end])


def _drop_repeats(sentences: list[Sentence]) -> tuple[list[Sentence], list[Sentence]]:
    """Keep the first of identical sentences; drop a sentence that another one repeats and extends
    (a standfirst that is also the start of the first paragraph). Sorting makes it O(n log n)."""
    keys = [sentence_key(s.text) for s in sentences]
    ordered = sorted(set(keys))
    extended = set()
    for position, key in enumerate(ordered[:-1]):
        longer = ordered[position + 1]
        if longer.startswith(key) and longer[len(key):len(key) + 1] in (" ", ",", ";", ":"):
            extended.add(key)
    seen: set[str] = set()
    kept: list[Sentence] = []
    repeated: list[Sentence] = []
    for sentence, key in zip(sentences, keys, strict=True):
        if key in seen or key in extended:
            repeated.append(sentence)
            continue
        seen.add(key)
        kept.append(sentence)
    return kept, repeated

"""The document that extraction annotates: the text, and one layer per annotator.

As in spaCy's `Doc` or Stanza's `Document`, everything extraction knows about an article hangs off one
object, in layers that each annotator of `factcheck.extract.annotators` adds in a fixed order:

1. `lines`, `sentences`, `dropped` — `segment`: offsets into the original text, page noise set aside;
2. `mentions` — `mentions`: entity mentions per sentence ("the pact" -> `gsomia`), with the fallbacks;
3. `quotes` — `quotes`: quotations with their speakers;
4. `values` — `values`: dates, durations and quantities, each with its exact span;
5. `clauses` — `clauses`: each sentence cut into clauses, each with its predicate (property, event) and
   modality, so that every value can ask which clause governs it.

The claims are built from the layers in one place (`factcheck.extract.claims`). The record types of the
layers are small frozen dataclasses; the document itself is filled in place by the annotators.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from factcheck.model import PartialDate, Source

if TYPE_CHECKING:
    from factcheck.extract.cues import Cues
    from factcheck.extract.readers.entities import Resolver
    from factcheck.extract.readers.speakers import AttributedQuote

_NORMAL_SPACE = re.compile(r"\s+")
_TRAILING = re.compile(r"[\s.!?…,;:\"”’]+$")


def sentence_key(text: str) -> str:
    """The form in which two sentences are "the same": case, spacing and end punctuation ignored."""
    return _TRAILING.sub("", _NORMAL_SPACE.sub(" ", text.casefold())).replace("’", "'")


@dataclass(frozen=True)
class Line:
    """A line of the text (a paragraph, in scraped news): `noise` says why it was dropped, if it was."""

    index: int
    start: int
    end: int
    text: str
    noise: str | None = None


@dataclass(frozen=True)
class Sentence:
    """A sentence of a content line; `text == source[start:end]`."""

    index: int
    line: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """A span of the text that names an entity (known, or proposed when `proposed`)."""

    start: int
    end: int
    text: str
    entity_id: str
    kind: str
    proposed: bool = False


@dataclass(frozen=True)
class Value:
    """A date, a duration or a quantity as written: its span, its sentence, what it means.

    `kind` is `date`, `duration` or `quantity`; `form` the written form (`month_day`, `weekday`, `span`,
    `event_length`, `percent`, `count`, ...); `reading` the parsed value (a `DateExpression` for dates and
    durations, a `QuantityValue` for quantities); `measure` for quantities (percent, money, count, rate)."""

    kind: str
    start: int
    end: int
    sentence: int
    form: str
    reading: Any
    measure: str | None = None

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


@dataclass(frozen=True)
class Predicate:
    """A word of a clause that the event lexicon knows: "notified" -> `notified_on`, event `notice`;
    "announced" -> `announced_on`, event `{action}` (read from what was announced). `cue` is the
    lexicon entry (an `EventCue`)."""

    start: int
    end: int
    text: str
    cue: Any

    @property
    def property(self) -> str:
        return self.cue.property


@dataclass(frozen=True)
class Clause:
    """A stretch of one sentence governed by one predicate.

    `role` is `main`, `attribution` ("Seoul said Thursday"), `complement` (what was said: "it would end
    the pact"), `relative` (", which ..."), `adverbial` ("after ...", "when ...", "if ..."), or
    `background` ("under a 1951 accord"); `opener` the word that opened it ("if", "when"). `predicates` are
    the event-lexicon words of the clause, outside quote marks; `modality` the first modality cue of the
    clause (`planned`, `forecast`, `conditional`, `reported`), `modality_cue` its words, `modalities` every
    modality cue of the clause as (kind, offset, words). `parent` is the
    clause this one depends on: the attribution of a complement, the clause an adverbial modifies."""

    index: int
    sentence: int
    start: int
    end: int
    role: str
    opener: str = ""
    predicates: tuple[Predicate, ...] = ()
    modality: str | None = None
    modality_cue: str | None = None
    parent: int | None = None
    modalities: tuple[tuple[str, int, str], ...] = ()


@dataclass
class Document:
    """One article and its layers; see the module docstring for who fills which."""

    text: str
    source: Source
    cues: Cues
    resolver: Resolver
    vocabulary: frozenset[str]
    kinds: dict[str, tuple[str, ...]] = field(default_factory=dict)  # property -> claim kinds it allows
    lines: list[Line] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    dropped: list[tuple[Line | Sentence, str]] = field(default_factory=list)
    mentions: dict[int, list[Mention]] = field(default_factory=dict)  # by sentence index, with generic ones
    main_agreement: str | None = None
    main_event: str | None = None
    actors: dict[str, frozenset[str]] = field(default_factory=dict)  # event -> organisations and people its names name
    recent: dict[int, dict[str, Mention]] = field(default_factory=dict)  # entities named before each sentence
    fallback: dict[int, Mention | None] = field(default_factory=dict)  # the subject of last resort per sentence
    quotes: list[AttributedQuote] = field(default_factory=list)
    quoted: dict[int, tuple[tuple[int, int], ...]] = field(default_factory=dict)  # quoted spans per sentence
    values: list[Value] = field(default_factory=list)
    clauses: list[Clause] = field(default_factory=list)
    annotated: list[str] = field(default_factory=list)  # the annotators that ran, in order
    _starts: list[int] = field(default_factory=list, repr=False)
    _clause_starts: list[int] = field(default_factory=list, repr=False)
    _clauses_by_sentence: dict[int, list[Clause]] = field(default_factory=dict, repr=False)
    _values_by_sentence: dict[int, list[Value]] = field(default_factory=dict, repr=False)
    _values_indexed: int = field(default=-1, repr=False)  # len(values) when the index was built

    @property
    def published(self) -> PartialDate:
        return self.source.published

    def set_sentences(self, lines: list[Line], sentences: list[Sentence],
                      dropped: list[tuple[Line | Sentence, str]]) -> None:
        self.lines, self.sentences, self.dropped = lines, sentences, dropped
        self._starts = [s.start for s in sentences]

    def set_clauses(self, clauses: list[Clause]) -> None:
        self.clauses = sorted(clauses, key=lambda c: c.start)
        self._clause_starts = [c.start for c in self.clauses]
        self._clauses_by_sentence = {}
        for clause in self.clauses:
            self._clauses_by_sentence.setdefault(clause.sentence, []).append(clause)

    def dateline_end(self, sentence: Sentence) -> int:
        """Where a wire dateline ("PORTO VELANTI, Galdovia, Nov 8 (Galdo Press) - ") ends, when the sentence
        opens its line with one (the lexicon's `report_datelines`); else the sentence's start. The dateline
        says where and when the report was filed: its day is no date of the story, its place no subject."""
        if sentence.start != self.lines[sentence.line].start:
            return sentence.start
        for dateline in self.cues.report_datelines:
            found = dateline.match(self.text, sentence.start, sentence.end)
            if found:
                return found.end()
        return sentence.start

    def sentence_at(self, offset: int) -> Sentence | None:
        """The kept sentence containing `offset`, found by bisection (sentences are in text order)."""
        position = bisect.bisect_right(self._starts, offset) - 1
        if position >= 0 and self.sentences[position].start <= offset < self.sentences[position].end:
            return self.sentences[position]
        return None

    def clause_at(self, offset: int) -> Clause | None:
        """The clause containing `offset` (clauses do not overlap)."""
        position = bisect.bisect_right(self._clause_starts, offset) - 1
        if position >= 0 and self.clauses[position].start <= offset < self.clauses[position].end:
            return self.clauses[position]
        return None

    def clauses_of(self, sentence: int) -> list[Clause]:
        return list(self._clauses_by_sentence.get(sentence, ()))

    def values_in(self, sentence: int) -> list[Value]:
        """The values of one sentence, by an index built once the values layer is complete (a
        long article has thousands: scanning them all for each sentence made extraction quadratic)."""
        if self._values_indexed != len(self.values):
            self._values_by_sentence, self._values_indexed = {}, len(self.values)
            for value in self.values:
                self._values_by_sentence.setdefault(value.sentence, []).append(value)
        return list(self._values_by_sentence.get(sentence, ()))

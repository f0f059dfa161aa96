"""Annotator 3, `quotes`: the quotations of the text and who said them.

Quote marks are read by `readers/quotemarks.py` (curly and straight, nested, over two paragraphs), the
speaker by `readers/speakers.py` (named after or before the quote, a pronoun, a role, the previous
quote). Two layers come out: `quoted`, the spans inside quote marks per sentence (words inside quote
marks are someone else's tense and clause, not the sentence's), and, when the vocabulary has `said`,
`quotes`, the attributed quotations.
"""

from __future__ import annotations

from factcheck.extract.document import Document
from factcheck.extract.readers.quotemarks import find_quotes
from factcheck.extract.readers.speakers import SpeakerFinder
from factcheck.extract.source import SourceError
from factcheck.load.document import limit_from_env

DEFAULT_MAX_QUOTES = 10_000  # about 11 s of extraction (docs/performance.md); FACTCHECK_MAX_QUOTES overrides


def annotate(document: Document) -> None:
    """The `quoted` and `quotes` layers. A text with more quotations than the limit is refused: no
    article has that many, and a pasted transcript or a hostile file would only run long."""
    quotes = find_quotes(document)
    limit = limit_from_env("FACTCHECK_MAX_QUOTES", DEFAULT_MAX_QUOTES)
    if len(quotes) > limit:
        raise SourceError(f"{len(quotes):,} quotations, over the limit of {limit:,} (FACTCHECK_MAX_QUOTES): "
                          "split the text, or raise the limit")
    quoted: dict[int, list[tuple[int, int]]] = {}
    for quote in quotes:
        for part in quote.parts:  # a quotation of several sentences is quoted in each of them
            first = document.sentence_at(part[0])
            for sentence in document.sentences[first.index:] if first is not None else ():
                if sentence.start >= part[1]:
                    break
                quoted.setdefault(sentence.index, []).append(part)
    document.quoted = {index: tuple(parts) for index, parts in quoted.items()}
    if "said" in document.vocabulary:
        document.quotes = SpeakerFinder(document, document.resolver, document.cues).attribute(quotes)

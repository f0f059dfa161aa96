"""The annotators of extraction, in the order they run: each adds one layer to the `Document`.

    segment -> mentions -> quotes -> values -> clauses

Each module has one entry point, `annotate(document)`, and reads only the layers of the annotators
before it. `annotate` runs them all; `pipeline.extract` runs it, then builds the claims from the layers
(`factcheck.extract.claims`).
"""

from __future__ import annotations

from collections.abc import Callable

from factcheck.extract.annotators import clauses, mentions, quotes, segment, values
from factcheck.extract.document import Document

ANNOTATORS: tuple[tuple[str, Callable[[Document], None]], ...] = (
    ("segment", segment.annotate),
    ("mentions", mentions.annotate),
    ("quotes", quotes.annotate),
    ("values", values.annotate),
    ("clauses", clauses.annotate),
)


def annotate(document: Document) -> Document:
    """Run every annotator on `document`, in order; returns it, annotated."""
    for name, annotator in ANNOTATORS:
        annotator(document)
        document.annotated.append(name)
    return document

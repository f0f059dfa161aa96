"""Annotator 4, `values`: every date, duration and quantity of the kept sentences, with its exact span.

What a value *is* is read here and only here: `readers/dates.py` for dates and durations (precision,
weekdays, "three days ago", "1910-45", "the 35-minute call", "days-long"), `readers/quantities.py` for
percentages, money, rates and counts. What a value is *about* (its property, event, modality, subject)
is not: that needs the clause that governs it, which is the next annotator's layer. A year-less date is
read here without a tense; the claim builder reads it again with the tense of its clause.

A number inside a duration or a date ("90 days", "2019") is not a quantity as well: spans taken by a
date or a duration are skipped by the quantity reader.
"""

from __future__ import annotations

from factcheck.extract.document import Document, Value
from factcheck.extract.readers.dates import find_dates
from factcheck.extract.readers.quantities import find_quantities


def annotate(document: Document) -> None:
    """The `values` layer, in text order."""
    values: list[Value] = []
    line, day = None, None  # the last day said in the paragraph so far, for a time said without one
    for sentence in document.sentences:
        timed = []
        if sentence.line != line:
            line, day = sentence.line, None
        report_day = document.dateline_end(sentence)
        for expression in find_dates(document.text, sentence.start, sentence.end, document.published, tense=None,
                                     day=day):
            if expression.start < report_day:
                continue  # "PORTO VELANTI, Nov 8 (Galdo Press) - ": the day of the report, not of the story
            kind = "duration" if expression.duration is not None else "date"
            timed.append(Value(kind, expression.start, expression.end, sentence.index, expression.form, expression))
            if expression.date is not None and expression.date.day is not None and expression.role is None:
                day = expression.date
        values += timed
        for measure, (start, end), reading in find_quantities(document.text, sentence, document.cues):
            if any(v.start < end and start < v.end for v in timed) and measure == "count":
                continue
            values.append(Value("quantity", start, end, sentence.index, measure, reading, measure=measure))
    document.values = sorted(values, key=lambda v: (v.start, v.kind))

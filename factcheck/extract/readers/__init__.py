"""Readers: each reads one kind of expression from a span of text, knowing nothing of the document.

`dates` (dates and durations with their precision), `quantities` (percentages, money, rates,
counts), `quotemarks` (quotations), `speakers` and `roles` (who said a quote), `entities` (names to ids),
`events` (the event lexicon: predicates, head nouns, event keys). The annotators
(`factcheck.extract.annotators`) call them to add the document's layers. Numbers in digits and words
are read by `factcheck.model.numbers`, which the engine and the reports share.
"""

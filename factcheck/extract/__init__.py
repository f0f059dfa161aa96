"""Extraction: from a news article to candidate claims in the normalised schema, ready for review.

The shape of a spaCy or Stanza pipeline: one `document.Document`, the `annotators` (segment, mentions,
quotes, values, clauses) each adding one layer in a fixed order, and the claims built from the layers in
one place (`claims`). `readers` hold what reads one kind of expression (dates, quantities, quote marks,
speakers, entity names, the event lexicon); `cues` loads the lexicons (factcheck/data/cues.yaml and
events.yaml). `pipeline.extract_claims` is the one way in; `merge` folds a new extraction into an
existing file, `evaluate` scores extraction against reviewed claims, `ingest` is what `factcheck
extract` runs.
"""

from factcheck.extract.cues import Cues, load_cues
from factcheck.extract.evaluate import Evaluation, evaluate
from factcheck.extract.merge import MergeReport, merge_claims
from factcheck.extract.pipeline import Extraction, extract, extract_claims

__all__ = ["Cues", "Evaluation", "Extraction", "MergeReport", "evaluate", "extract", "extract_claims", "load_cues",
           "merge_claims"]

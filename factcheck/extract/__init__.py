"""Extraction: from a news article to candidate claims in the normalised schema, ready for review.

The pipeline, one module per step: `text` (sentences with offsets, page noise dropped), `entities`
(mentions and names to ids), `quotes` + `speakers`, `dates` + `date_findings`, `quantities`, `scope`,
tied together by `pipeline.extract_claims`; `merge` folds a new extraction into an existing file,
`evaluate` scores extraction against reviewed claims, `ingest` is what `factcheck extract` runs.
"""

from factcheck.extract.cues import Cues, load_cues
from factcheck.extract.evaluate import Evaluation, evaluate
from factcheck.extract.merge import MergeReport, merge_claims
from factcheck.extract.pipeline import Extraction, extract, extract_claims

__all__ = ["Cues", "Evaluation", "Extraction", "MergeReport", "evaluate", "extract", "extract_claims", "load_cues",
           "merge_claims"]

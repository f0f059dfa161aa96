"""The engine: rules applied to claims, giving findings."""

from factcheck.engine.engine import run_rules
from factcheck.engine.finding import Finding, PairComparison, Report, Summary, finding_id

__all__ = ["Finding", "PairComparison", "Report", "Summary", "finding_id", "run_rules"]

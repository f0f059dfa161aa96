"""How well extraction recovers the claims a person reviewed: precision and recall per claim kind.

Two claims match when they are of the same kind, their evidence spans overlap, and their values agree
by the criterion of the kind: quotes, the same speaker and words that overlap (after normalising case,
punctuation and apostrophes, at least 60% of the shorter quote's words are in the longer); dates, the
same date at the same precision; durations, the same amount, unit and direction; quantities, the same
amount and unit; scope, the same relation and other agreement, or the same modality and an overlapping
action; statements, the same object and negation. Granularity differs between people and the extractor
(a reviewer may cut a quote in two where extraction keeps one), so matching is not one-to-one: a
reviewed claim is recalled when some extracted claim matches it, and an extracted claim is precise when
it matches some reviewed claim. The same `claims_match` tells `merge` that a candidate is already there.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from factcheck.model import ClaimsFile
from factcheck.model.values import DurationValue, QuantityValue, QuoteValue, ScopeValue, StatementValue

EXTRACTED_KINDS = ("quote", "date", "duration", "quantity", "scope")
QUOTE_OVERLAP = 0.6
_NON_WORD = re.compile(r"[^\w\s]")


@dataclass(frozen=True)
class KindScore:
    kind: str
    reviewed: int
    extracted: int
    recalled: int  # reviewed claims matched by some extracted claim
    correct: int  # extracted claims matching some reviewed claim
    strict: int = 0  # reviewed claims matched with the same subject and property too

    @property
    def recall(self) -> float | None:
        return self.recalled / self.reviewed if self.reviewed else None

    @property
    def precision(self) -> float | None:
        return self.correct / self.extracted if self.extracted else None

    @property
    def strict_recall(self) -> float | None:
        """Recall when the subject and the property must be the reviewed ones as well."""
        return self.strict / self.reviewed if self.reviewed else None

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "reviewed": self.reviewed, "extracted": self.extracted, "recalled": self.recalled,
                "correct": self.correct, "recall": _round(self.recall), "precision": _round(self.precision),
                "strict_recall": _round(self.strict_recall)}


@dataclass(frozen=True)
class Evaluation:
    source: str
    scores: list[KindScore]
    missed: list[Any] = field(default_factory=list)  # reviewed claims no extracted claim matches
    spurious: list[Any] = field(default_factory=list)  # extracted claims matching no reviewed claim

    def score(self, kind: str) -> KindScore:
        return next(s for s in self.scores if s.kind == kind)

    def as_dict(self) -> dict[str, Any]:
        return {"source": self.source, "kinds": [s.as_dict() for s in self.scores],
                "missed": [c.id for c in self.missed], "spurious": [c.id for c in self.spurious]}


def evaluate(reviewed: ClaimsFile, extracted: ClaimsFile, kinds: tuple[str, ...] = EXTRACTED_KINDS) -> Evaluation:
    """Precision and recall of `extracted` against `reviewed`, per kind, with what was missed."""
    scores: list[KindScore] = []
    missed: list[Any] = []
    spurious: list[Any] = []
    for kind in kinds:
        truth = [c for c in reviewed.claims if c.kind == kind]
        found = [c for c in extracted.claims if c.kind == kind]
        hits = {(i, j) for i, t in enumerate(truth) for j, f in enumerate(found) if claims_match(t, f)}
        recalled = {i for i, _ in hits}
        correct = {j for _, j in hits}
        strict = {i for i, j in hits if (truth[i].subject, truth[i].property) == (found[j].subject, found[j].property)}
        missed += [t for i, t in enumerate(truth) if i not in recalled]
        spurious += [f for j, f in enumerate(found) if j not in correct]
        scores.append(KindScore(kind, len(truth), len(found), len(recalled), len(correct), len(strict)))
    return Evaluation(reviewed.source.id, scores, missed, spurious)


def claims_match(a: Any, b: Any) -> bool:
    """Same kind, overlapping evidence, and values that agree by the criterion of the kind."""
    if a.kind != b.kind:
        return False
    if not (a.evidence.start < b.evidence.end and b.evidence.start < a.evidence.end):
        return False
    return values_match(a.value, b.value)


def values_match(a: Any, b: Any) -> bool:
    if isinstance(a, QuoteValue) and isinstance(b, QuoteValue):
        return a.speaker == b.speaker and word_overlap(a.text, b.text) >= QUOTE_OVERLAP
    if isinstance(a, DurationValue) and isinstance(b, DurationValue):
        return math.isclose(a.amount, b.amount) and a.unit == b.unit and a.direction == b.direction
    if isinstance(a, QuantityValue) and isinstance(b, QuantityValue):
        return math.isclose(a.amount, b.amount, rel_tol=1e-9) and a.unit.casefold() == b.unit.casefold()
    if isinstance(a, ScopeValue) and isinstance(b, ScopeValue):
        if a.relation is not None:
            return a.relation == b.relation and a.than == b.than
        return a.modality == b.modality and word_overlap(a.action or "", b.action or "") >= 0.5
    if isinstance(a, StatementValue) and isinstance(b, StatementValue):
        return a.object == b.object and a.negated == b.negated
    if hasattr(a, "date") and hasattr(b, "date"):
        return a.date == b.date  # PartialDate equality includes the precision
    return False


def word_overlap(a: str, b: str) -> float:
    """Share of the shorter text's words found in the longer one (case, punctuation ignored)."""
    first, second = _words(a), _words(b)
    if not first or not second:
        return 0.0
    shorter, longer = (first, second) if len(first) <= len(second) else (second, first)
    return len(shorter & longer) / len(shorter)


def _words(text: str) -> set[str]:
    return set(_NON_WORD.sub(" ", text.casefold().replace("’", "'")).split())


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def render_text(evaluations: list[Evaluation]) -> str:
    """A table per source: kind, reviewed, extracted, recall, precision; then what was missed."""
    lines: list[str] = []
    for evaluation in evaluations:
        lines.append(f"{evaluation.source}")
        lines.append(f"  {'kind':<10}{'reviewed':>9}{'extracted':>10}{'recall':>9}{'precision':>11}"
                     f"{'strict recall':>15}")
        for score in evaluation.scores:
            lines.append(f"  {score.kind:<10}{score.reviewed:>9}{score.extracted:>10}"
                         f"{_show(score.recall, score.recalled, score.reviewed):>9}"
                         f"{_show(score.precision, score.correct, score.extracted):>11}"
                         f"{_show(score.strict_recall, score.strict, score.reviewed):>15}")
        for claim in evaluation.missed:
            lines.append(f"  missed {claim.kind} {claim.id}: {claim.evidence.text[:70]!r}")
    return "\n".join(lines)


def _show(value: float | None, part: int, whole: int) -> str:
    return "-" if value is None else f"{value:.2f}"

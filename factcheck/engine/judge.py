"""Judging one pair of claims: the same-fact test, then the rule's comparator, explained.

A subject's block often holds many claims of one value: every source that reports a fact gives
its date or its figure. `Judge` judges each distinct pair of such values once and reuses the
judgement for every pair of claims that share them, where that is provably the same judgement:
both claims are reviewed (the same-fact test then reads their keys, never their evidence or context),
and the rule's comparator reads only the claims' values and says nothing of their sources
(`REUSABLE`). A reused judgement is the very one the pair would get: equal inputs, equal outputs.
A plan and its outcome (`sequence`) are told with their sources' names, so never reused.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from factcheck.comparators.base import Comparison, Context, Verdict
from factcheck.comparators.time import apply_time_varying
from factcheck.engine.context import ContextIndex
from factcheck.engine.same_fact import SameFactResult, same_fact
from factcheck.model.claims import Status
from factcheck.model.partial_date import PartialDate
from factcheck.model.sourced import SourcedClaim
from factcheck.model.values import QuantityValue
from factcheck.rules.load import LoadedRule

Judgement = tuple[SameFactResult, "Comparison | None"]
# Comparators whose verdict, explanation and facts depend only on the two claims' kinds, properties,
# values, qualifiers, as-of and publication dates (date.py, quantity.py; time.py for values that
# vary over time): never on a source's name, a claim's id or its evidence.
REUSABLE = frozenset({"date", "quantity"})


class Judge:
    """`judge_pair` for one rule, with the judgement of each distinct pair of values made once."""

    def __init__(self, loaded: LoadedRule, contexts: ContextIndex, context: Context) -> None:
        self.loaded, self.contexts, self.context = loaded, contexts, context
        self.reusable = loaded.comparator.name in REUSABLE
        self.judged: dict[tuple[int, int], Judgement] = {}
        # id of a claim -> the number of its signature (the claims outlive the judge): a pair of values is
        # then looked up by two small numbers, not by hashing two signatures (tuples keep no hash) for each pair
        self.signatures: dict[int, int | None] = {}
        self.numbers: dict[tuple[Any, ...], int] = {}

    def __call__(self, first: SourcedClaim, second: SourcedClaim) -> Judgement:
        if self.reusable:
            a, b = self._signature(first), self._signature(second)
            if a is not None and b is not None:
                found = self.judged.get((a, b))
                if found is None:
                    found = self.judged[(a, b)] = judge_pair(self.loaded, first, second, self.contexts, self.context)
                if not found[0].sequence:
                    return found
        return judge_pair(self.loaded, first, second, self.contexts, self.context)

    def _signature(self, item: SourcedClaim) -> int | None:
        """The number of the claim's signature: equal numbers, equal signatures."""
        found = self.signatures.get(id(item), False)
        if found is False:
            made = signature(item)
            found = None if made is None else self.numbers.setdefault(made, len(self.numbers))
            self.signatures[id(item)] = found
        return found


def signature(item: SourcedClaim) -> tuple[Any, ...] | None:
    """Everything of a reviewed claim that the same-fact test and a `REUSABLE` comparator may read
    (and more: its subject, its qualifier); None for an unreviewed claim, whose context is read."""
    claim = item.claim
    if claim.status is not Status.reviewed:
        return None
    value = claim.value
    return (claim.kind, claim.property, claim.subject, claim.qualifier, claim.event, claim.modality,
            claim.as_of, item.source.published, type(value), tuple(_exact(v) for v in value.__dict__.values()))


def _exact(part: Any) -> Any:
    """A part of a value as a key that tells apart what prints apart: -0.0 from 0.0, 1.0 from 1."""
    if isinstance(part, float):
        return ("float", part.hex())
    if isinstance(part, PartialDate):
        return ("date", str(part))
    return (type(part), part)


def judge_pair(loaded: LoadedRule, first: SourcedClaim, second: SourcedClaim, contexts: ContextIndex,
               context: Context) -> Judgement:
    """One pair: the same-fact test, and when it is one fact (or a plan and its outcome) the
    comparison, explained; None when the pair is set aside or the comparator says nothing."""
    counted = (_counted(first), _counted(second))  # what each counts, read once for the pair
    time = loaded.rule.time
    fact = same_fact(first, second, loaded.rule.same_fact, contexts, varying=time.varies(*counted),
                     running=all(c is not None and time.runs(c) for c in counted))
    if not fact.same and not fact.sequence:
        return fact, None
    comparison = _compare(loaded, first, second, context, counted)
    if comparison is None:
        return fact, None
    if fact.sequence:
        return fact, _in_time_order(first, second, comparison, revision=fact.revision)
    if fact.reason:
        comparison = replace(comparison, explanation=f"{comparison.explanation} ({fact.reason}.)",
                             facts={**comparison.facts, "context": round(fact.score, 4)})
    return fact, comparison


def _in_time_order(first: SourcedClaim, second: SourcedClaim, comparison: Comparison, *,
                   revision: bool = False) -> Comparison:
    """A plan or forecast and what was done, or an estimate and its revision (`revision`), told in the
    order the sources published them: at most `compatible` (both can be true), with the comparator's
    arithmetic."""
    def told(item: SourcedClaim) -> str:
        if revision:
            return f"{item.source_id} ({item.source.published})"
        modality = item.claim.modality.value if item.claim.modality else "done"
        return f"{item.source_id} ({item.source.published}) gives it as {modality}"

    earlier, later = sorted((first, second), key=lambda c: (str(c.source.published), c.key))
    verdict = Verdict.agree if comparison.verdict is Verdict.agree else Verdict.compatible
    why = ("An estimate and its later revision are not a conflict: the later source tells the figure as "
           "revised, and the other was published before it or tells the first estimate." if revision else
           "A plan or a forecast and what was done are different facts: not a conflict.")
    facts = {**comparison.facts, "sequence": True} | ({"revision": True} if revision else {})
    return Comparison(verdict, f"In time order: {told(earlier)}, then {told(later)}. {comparison.explanation} {why}",
                      comparison.score, facts)


def _counted(item: SourcedClaim) -> str | None:
    value = item.claim.value
    return value.counted if isinstance(value, QuantityValue) else None


def _compare(loaded: LoadedRule, first: SourcedClaim, second: SourcedClaim, context: Context,
             counted: tuple[str | None, str | None]) -> Comparison | None:
    """The rule's comparison of the pair (`counted`: what each claim counts, `_counted`), over time when both
    counts run."""
    comparison = loaded.comparator.compare(first, second, loaded.params, context)
    over_time = loaded.rule.time
    if comparison is not None and over_time.runs(counted[0]) and over_time.runs(counted[1]):
        comparison = apply_time_varying(first, second, comparison, over_time.direction(*counted))
    return comparison

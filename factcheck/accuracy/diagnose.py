"""Why a conflict the key expects was not reported: for each pair of claims drawn from the two
snippets, the first step of the pipeline that kept them apart. A miss then reads as "extracted no
claim here", "different properties (announced_on vs signed_on)", "contexts differ: 0.12 < 0.2", or
"compared: compatible", which says whether extraction, the same-fact test or a comparator is at fault.
"""

from __future__ import annotations

from factcheck.comparators.base import Context
from factcheck.engine import Report
from factcheck.engine.context import ContextIndex
from factcheck.engine.same_fact import same_fact
from factcheck.model.sourced import SourcedClaim
from factcheck.rules import LoadedRule

Span = tuple[str, int, int]


def _overlapping(claims: list[SourcedClaim], span: Span) -> list[SourcedClaim]:
    source, start, end = span
    return [c for c in claims if c.source_id == source and c.claim.evidence.start < end and start < c.claim.evidence.end]


def _describe(item: SourcedClaim) -> str:
    claim = item.claim
    extras = "".join(f" {k}={v}" for k, v in (("event", claim.event),
                                               ("modality", claim.modality.value if claim.modality else None)) if v)
    return f"{claim.kind} {claim.subject}·{claim.property}{extras}"


def why_apart(first: SourcedClaim, second: SourcedClaim, rules: list[LoadedRule], report: Report,
              index: ContextIndex, context: Context) -> str:
    """The step that kept two claims from being reported in conflict."""
    for finding in report.findings:
        keys = {c.key for c in finding.claims}
        if first.key in keys and second.key in keys and finding.pairs:
            verdicts = [p.comparison for p in finding.pairs if {p.first, p.second} == {first.key, second.key}]
            if verdicts:
                return f"compared: {verdicts[0].verdict.value} ({verdicts[0].explanation[:200]})"
    a, b = first.claim, second.claim
    rule = next((r for r in rules if r.rule.matches(a.kind, a.property, a.subject, first.source_id)
                 and r.rule.matches(b.kind, b.property, b.subject, second.source_id)), None)
    if rule is None:
        return f"no rule compares {_describe(first)} with {_describe(second)}"
    if a.subject != b.subject:
        return f"different subjects ({a.subject} vs {b.subject})"
    if rule.rule.canonical_property(a.property) != rule.rule.canonical_property(b.property):
        return f"different properties ({a.property} vs {b.property})"
    fact = same_fact(first, second, rule.rule.same_fact, index, varying=rule.rule.time.varying)
    if not fact.same:
        return f"{rule.id}: not the same fact: {fact.reason}"
    comparison = rule.comparator.compare(first, second, rule.params, context)
    if comparison is None:
        return f"{rule.id}: the comparator found them unrelated"
    return f"{rule.id}: {comparison.verdict.value}, but grouped apart ({comparison.explanation[:160]})"


def diagnose_miss(a: list[Span], b: list[Span], report: Report, rules: list[LoadedRule],
                  entities: Context, once: frozenset[str] = frozenset()) -> list[str]:
    """One line per pair of claims from the two sides' snippets (or what is missing)."""
    claims = list({c.key: c for f in report.findings for c in f.claims}.values())
    left = [c for span in a for c in _overlapping(claims, span)]
    right = [c for span in b for c in _overlapping(claims, span)]
    if not left or not right:
        empty = [span for side, found in ((a, left), (b, right)) if not found for span in side]
        return [f"no claim extracted from {span[0]} at {span[1]}..{span[2]}" for span in empty]
    index = ContextIndex(entities.entities, once)
    return [f"{_describe(x)} | {_describe(y)}: {why_apart(x, y, rules, report, index, entities)}"
            for x in left for y in right if x.claim.kind == y.claim.kind] or [
        f"no two claims of one kind: {', '.join(map(_describe, left))} | {', '.join(map(_describe, right))}"]

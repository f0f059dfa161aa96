"""The engine: apply every rule to a corpus and turn comparisons into findings.

For each rule: take the claims it matches, block them by what the rule says they share, keep the
cross-source pairs in a block that pass the same-fact test (`same_fact.py`: same event, modality and
thing counted, and for unreviewed claims similar contexts), and compare each with the rule's
comparator (`judge.py`, which judges each distinct pair of values once). Pairs of two different
events are counted, never visited (`blocking.candidates`). Claims become one fact only when every pair of them from different sources was linked
(`grouping.py`: complete linkage, never a chain through one bridge). Each fact becomes one `Finding`
that shows every source's claim, with the worst verdict among its pairs, the value most sources
support, and the sources that stand apart. A claim that no rule links to any other source's claim is
`unverified`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import chain
from operator import attrgetter

from factcheck.comparators.base import Context, Verdict
from factcheck.engine.blocking import candidates, evidence_mentions, implied_keys
from factcheck.engine.finding import Finding, PairComparison, Report, Summary, finding_id, unverified_finding
from factcheck.engine.grouping import complete_linkage_groups, connected_groups
from factcheck.engine.context import ContextIndex
from factcheck.engine.judge import Judge
from factcheck.load.corpus import Corpus
from factcheck.load.fast import paused_gc
from factcheck.model.describe import describe_value
from factcheck.model.sourced import SourcedClaim
from factcheck.rules.load import LoadedRule

Progress = Callable[[int, int], None]  # (pairs done, pairs in all)
UNMATCHED_RULE = ("FC000", "no-rule")
_RANK = {verdict: verdict.rank for verdict in Verdict}  # `Verdict.rank` builds its table on each call
_BY_SOURCE_AND_ID = attrgetter("source.id", "claim.id")  # a finding's claims in order: (source id, claim id)


@dataclass
class Compared:
    """What comparing the rules gives before unverified claims are added: the findings of linked
    claims, which claims were linked, and the counts of the summary. Shards of blocks compared
    elsewhere (`parallel.py`, `dask_executor.py`) each give one, and their sum is a serial run's."""

    findings: list[Finding] = field(default_factory=list)
    linked: set[str] = field(default_factory=set)
    blocks: int = 0
    pairs: int = 0
    set_aside: int = 0


Executor = Callable[[Corpus, list[LoadedRule], set[str] | None, Progress | None], Compared]  # parallel.py


def run_rules(corpus: Corpus, rules: list[LoadedRule], *, focus_sources: Iterable[str] | None = None,
              progress: Progress | None = None, executor: Executor | None = None) -> Report:
    """Compare the corpus under `rules`. With `focus_sources`, only pairs that involve a claim of one
    of those sources are compared, and only their claims can be unverified (the gate's fast path).
    An `executor` compares shards of blocks elsewhere (`parallel.py`: `--jobs`, `--executor dask`),
    with the same findings; by default everything is compared in this process."""
    focus = set(focus_sources) if focus_sources is not None else None
    # The collector is paused where this process makes millions of objects and few cycles: it would
    # walk every claim already made again and again. An executor's own machinery is left alone.
    # One pause for comparing and reporting, and the report kept out of the collector's sight when it
    # ends (`keep`): it lives to the end of the run, makes no cycles, and each pass of the collector
    # over it (0.4-0.6 s at 100k claims, a pass for each generation it would climb) finds nothing.
    if executor is None:
        with paused_gc(keep=True):
            return _report(corpus, rules, focus, compare_rules(corpus, rules, focus, progress))
    compared = executor(corpus, rules, focus, progress)
    with paused_gc(keep=True):
        return _report(corpus, rules, focus, compared)


def _report(corpus: Corpus, rules: list[LoadedRule], focus: set[str] | None, compared: Compared) -> Report:
    """The compared findings, with a finding for each claim left unverified, in the report's order:
    by verdict (worst first, unverified last), rule, subject, property and id. Unverified findings
    are most of a large corpus's, so they are sorted apart (every one comes after every other
    finding, and the sort is stable) by one text key each (`_in_order`)."""
    claims = corpus.claims()
    checked = [f for f in compared.findings if f.verdict is not Verdict.unverified]
    checked.sort(key=lambda f: (-_RANK[f.verdict], f.rule_id, f.subject, f.property, f.id))
    lone = [f for f in compared.findings if f.verdict is Verdict.unverified]
    unverified, linked = _Unverified(rules, corpus), compared.linked
    lone.extend([unverified(item) for item in claims
                 if item.key not in linked and (focus is None or item.source.id in focus)])
    verdicts = Counter(f.verdict.value for f in checked)
    summary = Summary(
        sources=len(corpus.documents), claims=len(claims), rules=len(rules), blocks=compared.blocks,
        pairs=compared.pairs, different_facts=compared.set_aside,
        verdicts={**{v.value: verdicts.get(v.value, 0) for v in (Verdict.conflict, Verdict.compatible, Verdict.agree)},
                  Verdict.unverified.value: len(lone)},
    )
    return Report((*checked, *_in_order(lone)), summary)


def _in_order(findings: list[Finding]) -> list[Finding]:
    """`findings` by rule, subject, property and id, stably. Compared as one text each, the four
    joined by NUL, which sorts as the tuple does (NUL comes before any other character) when none
    holds a NUL, as validated ids never do: five times faster than tuples at 700,000 findings."""
    keys = [f"{f.rule_id}\0{f.subject}\0{f.property}\0{f.id}" for f in findings]
    if any(key.count("\0") != 3 for key in keys):
        return sorted(findings, key=lambda f: (f.rule_id, f.subject, f.property, f.id))
    return [findings[position] for position in sorted(range(len(findings)), key=keys.__getitem__)]


def rule_claims(corpus: Corpus, rules: list[LoadedRule]) -> list[list[SourcedClaim]]:
    """Each rule's claims: those it applies to, in the corpus's order. When no rule names subjects
    or sources, the claims are sorted by (kind, property) once, and each rule takes the lists of the
    kinds and properties it applies to (a million claims walked once, not once a rule)."""
    claims, applies = corpus.claims(), Applicability()
    if not by_kind_and_property(rules):
        return [applies.select(loaded, claims) for loaded in rules]
    positions: dict[tuple[str, str], list[int]] = defaultdict(list)
    for position, item in enumerate(claims):
        positions[(item.claim.kind, item.claim.property)].append(position)
    chosen: list[list[SourcedClaim]] = []
    for loaded in rules:
        lists = [found for found in positions.values() if applies(loaded, claims[found[0]])]
        order = lists[0] if len(lists) == 1 else sorted(chain.from_iterable(lists))
        chosen.append([claims[position] for position in order])
    return chosen


def compare_rules(corpus: Corpus, rules: list[LoadedRule], focus: set[str] | None = None,
                  progress: Progress | None = None, *, matched: list[list[SourcedClaim]] | None = None) -> Compared:
    """Block, judge and group each rule's claims into findings (`matched`: each rule's claims, by
    default `rule_claims`; a shard's share of them in a worker, `shards.py`)."""
    context = Context(entities=corpus.entities)
    contexts = ContextIndex(corpus.entities, {p for p, d in corpus.vocabulary.items() if d.once})
    mentioned = evidence_mentions(corpus.entities)
    work: list[tuple[LoadedRule, list[tuple[SourcedClaim, SourcedClaim]]]] = []
    compared_all = Compared()
    for loaded, claims in zip(rules, matched if matched is not None else rule_claims(corpus, rules)):
        found = candidates(loaded.rule, claims, mentioned, implied_keys(loaded), focus)
        compared_all.blocks += found.blocks
        compared_all.pairs += found.total
        compared_all.set_aside += found.apart  # different events: different facts, never judged
        work.append((loaded, found.pairs))
    total = sum(len(pairs) for _, pairs in work)
    done = 0
    for loaded, pairs in work:
        compared: list[PairComparison] = []
        in_order: list[PairComparison] = []  # a plan or forecast and what was done
        strength: dict[tuple[str, str], float] = {}
        by_key: dict[str, SourcedClaim] = {}
        judge = Judge(loaded, contexts, context)
        for first, second in pairs:
            done += 1
            if progress is not None:
                progress(done, total)
            fact, comparison = judge(first, second)
            if comparison is None:  # set aside as different facts, or the comparator says nothing
                if not fact.same and not fact.sequence:
                    compared_all.set_aside += 1
                continue
            keys = (first.key, second.key)
            (in_order if fact.sequence else compared).append(PairComparison(*keys, comparison))
            strength[keys] = fact.score + (comparison.score or 0.0)
            by_key[keys[0]], by_key[keys[1]] = first, second
        sources = {key: item.source.id for key, item in by_key.items()}
        if loaded.comparator.name != "quote":  # each passage of a long quote is a fact of its own
            compared = _best_matches(compared, sources)
        for group in [*complete_linkage_groups(compared, strength, sources, focus),
                      *complete_linkage_groups(in_order, strength, sources, focus)]:
            compared_all.findings.append(_finding(loaded, [by_key[k] for k in group.claims], list(group.pairs), corpus))
            compared_all.linked.update(group.claims)
    return compared_all


class Applicability:
    """Whether a rule applies to a claim, decided once per (rule, kind, property) for a rule whose
    match names no subjects or sources (every shipped rule): a million claims, a handful of answers."""

    def __init__(self) -> None:
        self.known: dict[tuple[int, str, str], bool] = {}

    def __call__(self, loaded: LoadedRule, item: SourcedClaim) -> bool:
        claim, rule = item.claim, loaded.rule
        if rule.match.subjects or rule.match.sources:
            return rule.matches(claim.kind, claim.property, claim.subject, item.source_id)
        key = (id(rule), claim.kind, claim.property)
        found = self.known.get(key)
        if found is None:
            found = self.known[key] = rule.matches(claim.kind, claim.property, claim.subject, item.source_id)
        return found

    def select(self, loaded: LoadedRule, claims: list[SourcedClaim]) -> list[SourcedClaim]:
        """The claims the rule applies to, in their order."""
        rule = loaded.rule
        if rule.match.subjects or rule.match.sources:
            return [item for item in claims if self(loaded, item)]
        answers: dict[tuple[str, str], bool] = {}
        chosen: list[SourcedClaim] = []
        for item in claims:
            key = (item.claim.kind, item.claim.property)
            found = answers.get(key)
            if found is None:
                found = answers[key] = self(loaded, item)
            if found:
                chosen.append(item)
        return chosen

    def first_of(self, rules: list[LoadedRule]) -> Callable[[SourcedClaim], LoadedRule | None]:
        """The first of `rules` that applies to a claim (found once per kind and property when no
        rule names subjects or sources)."""
        def first(item: SourcedClaim) -> LoadedRule | None:
            return next((loaded for loaded in rules if self(loaded, item)), None)

        if not by_kind_and_property(rules):
            return first
        known: dict[tuple[str, str], LoadedRule | None] = {}

        def first_by_kind(item: SourcedClaim) -> LoadedRule | None:
            key = (item.claim.kind, item.claim.property)
            if key not in known:
                known[key] = first(item)
            return known[key]

        return first_by_kind


def by_kind_and_property(rules: list[LoadedRule]) -> bool:
    """Whether which of `rules` apply to a claim follows from its kind and property alone: no rule's
    match names subjects or sources (every shipped rule)."""
    return not any(loaded.rule.match.subjects or loaded.rule.match.sources for loaded in rules)


def _best_matches(compared: list[PairComparison], sources: dict[str, str]) -> list[PairComparison]:
    """Drop a conflict between x and y when x agrees with another claim of y's source (or y with
    another of x's). A source that gives several figures in one sentence ("from 9.25% to 9.75%",
    "$1.2 billion in August and $400 million in September") speaks of several facts; a source
    that agrees with one of them has told us which one it means, so the others are not its
    disagreement. Not for quotes: an outlet that quotes two passages of one long statement, one
    faithfully and one with a word changed, misquotes the second however well it quotes the first."""
    conflicts = [pair for pair in compared if pair.comparison.verdict is Verdict.conflict]
    if not conflicts:
        return list(compared)
    involved = {key for pair in conflicts for key in (pair.first, pair.second)}  # only their agreements matter
    matched: set[tuple[str, str]] = set()  # (claim, source it agrees with)
    for pair in compared:
        if pair.comparison.verdict is not Verdict.conflict and (pair.first in involved or pair.second in involved):
            matched.add((pair.first, sources[pair.second]))
            matched.add((pair.second, sources[pair.first]))
    return [p for p in compared if p.comparison.verdict is not Verdict.conflict
            or ((p.first, sources[p.second]) not in matched and (p.second, sources[p.first]) not in matched)]


def _finding(loaded: LoadedRule, members: list[SourcedClaim], pairs: list[PairComparison], corpus: Corpus) -> Finding:
    rule = loaded.rule
    members = sorted(members, key=_BY_SOURCE_AND_ID)
    verdict = max((p.comparison.verdict for p in pairs), key=_RANK.__getitem__)
    subject = _most_common([c.claim.subject for c in members])
    property_id = rule.canonical_property(_most_common([c.claim.property for c in members]))
    values = tuple(describe_value(c.claim, corpus.entities) for c in members)
    majority, outliers = _majority(members, pairs) if verdict is Verdict.conflict else ((), ())
    names = {c.key: c.source_id for c in members}
    explanation = "\n".join(f"{names[p.first]} vs {names[p.second]}: {p.comparison.explanation}" for p in pairs)
    subject_name = corpus.entities.name_of(subject)
    message = rule.message.format(subject=subject, subject_name=subject_name, property=property_id,
                                  verdict=verdict.value, rule=rule.name,
                                  values="; ".join(values), sources=", ".join(dict.fromkeys(names.values())))
    events = [c.claim.event for c in members if c.claim.event]
    event = _most_common(events) if events else None
    if event:
        message = f"{message} · {event}"
    return Finding(
        id=finding_id(rule.id, [c.key for c in members]), rule_id=rule.id, rule_name=rule.name,
        severity=rule.severity.value, verdict=verdict, subject=subject, subject_name=subject_name,
        property=property_id, claims=tuple(members), values=values, pairs=tuple(pairs), message=message,
        explanation=explanation, majority=majority, outliers=outliers, event=event,
    )


def _most_common(values: list[str]) -> str:
    """The most frequent of `values`, the first met among equals: `Counter(values).most_common(1)`'s,
    without making a Counter (a finding's few claims, 70,000 findings at a million claims)."""
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return max(counts, key=counts.__getitem__)


def _majority(members: list[SourcedClaim], pairs: list[PairComparison]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The claims of the value most sources support, and the sources outside it."""
    agreeing = connected_groups((p.first, p.second) for p in pairs if p.comparison.verdict is not Verdict.conflict)
    clusters: dict[str, list[SourcedClaim]] = {}
    for claim in members:
        clusters.setdefault(agreeing.get(claim.key, claim.key), []).append(claim)
    ranked = sorted(clusters.values(), key=lambda group: (-len({c.source_id for c in group}), group[0].key))
    if len(ranked) > 1 and len({c.source_id for c in ranked[0]}) == len({c.source_id for c in ranked[1]}):
        return (), tuple(dict.fromkeys(c.source_id for c in members))  # a tie: no value has more support
    best = ranked[0]
    supporting = {c.source_id for c in best}
    outliers = tuple(dict.fromkeys(c.source_id for c in members if c.source_id not in supporting))
    return tuple(c.key for c in best), outliers


class _Unverified:
    """The finding of a claim no other source speaks to, under the first rule that applies to it (if
    any). What follows from the rule and the claim's kind and property (the rule, the explanation, the
    property shown) is worked out once per kind and property, not once per claim: most claims of a
    large corpus are unverified."""

    def __init__(self, rules: list[LoadedRule], corpus: Corpus) -> None:
        self.first_rule = Applicability().first_of(rules)
        self.by_kind = by_kind_and_property(rules)
        self.entities = corpus.entities
        self.known: dict[tuple[str, str], tuple[str, str, str, str]] = {}
        self.names: dict[str, str] = {}  # each subject's name, looked up once

    def __call__(self, item: SourcedClaim) -> Finding:
        claim = item.claim
        key = (claim.kind, claim.property)
        about = self.known.get(key) if self.by_kind else None
        if about is None:
            about = _unverified_about(item, self.first_rule(item))
            self.known[key] = about
        rule_id, rule_name, explanation, property_id = about
        subject_name = self.names.get(claim.subject)
        if subject_name is None:
            subject_name = self.names[claim.subject] = self.entities.name_of(claim.subject)
        return unverified_finding(
            id=finding_id(rule_id, [item.key]), rule_id=rule_id, rule_name=rule_name, subject=claim.subject,
            subject_name=subject_name, property=property_id, claim=item, value=describe_value(claim, self.entities),
            message=f"{subject_name} {claim.property}: only {item.source.id} says so", explanation=explanation,
        )


def _unverified_about(item: SourcedClaim, rule: LoadedRule | None) -> tuple[str, str, str, str]:
    """(rule id, rule name, explanation, property shown) of an unverified claim under `rule`."""
    claim = item.claim
    if rule is None:
        return (*UNMATCHED_RULE, f"no rule compares {claim.kind} claims with property {claim.property}",
                claim.property)
    return (rule.rule.id, rule.rule.name, "no other source makes a claim this rule compares it with",
            rule.rule.canonical_property(claim.property))

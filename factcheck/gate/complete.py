"""Make the gate's findings the full report's findings, comparing only the blocks the change touches.

`run_rules(focus_sources=...)` compares only pairs with a changed source. A fact the changed source
shares with two or more unchanged sources then lacks the comparisons between those (who stands apart
looks like a tie), and can lack claims linked to it only through them (a quote fragment that overlaps
the long quote but not the new one): its id and fingerprint would differ from `factcheck report`'s,
and a baseline entry made from the report would not match. So each such finding is compared again in
full over its *region*: the claims its rule's candidate pairs connect to it. A region is closed under
those pairs, so the finding comes out exactly as in a full run, and nothing outside it is compared. The
regions of one rule's findings are compared in one run when their claims are all reviewed (`_batches`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from factcheck.comparators.base import Verdict
from factcheck.engine import Finding, Report, run_rules
from factcheck.engine.blocking import blocks_of, candidate_pairs, evidence_mentions, implied_keys
from factcheck.load.corpus import Corpus
from factcheck.model import ClaimsFile
from factcheck.model.claims import Status
from factcheck.model.sourced import SourcedClaim
from factcheck.rules.model import PairKey
from factcheck.rules import LoadedRule

Graph = dict[str, set[str]]
_BLOCK = "\0block:"  # a block's node in a candidate graph (claim keys are `source/claim`)


def complete_findings(corpus: Corpus, rules: list[LoadedRule], report: Report, changed: set[str]) -> Report:
    """`report` (focused on the `changed` sources) with every finding as a full run would give it."""
    by_id = {loaded.id: loaded for loaded in rules}
    graphs: dict[str, Graph] = {}
    findings: dict[str, Finding] = {}
    again_for: dict[str, list[tuple[Finding, set[str], set[str]]]] = {}  # rule id -> (finding, members, region)
    extra_pairs = 0
    for finding in report.findings:
        loaded = by_id.get(finding.rule_id)
        if finding.verdict is Verdict.unverified or loaded is None:
            findings.setdefault(finding.id, finding)
            continue
        if loaded.id not in graphs:
            graphs[loaded.id] = _candidate_graph(corpus, loaded)
        members = {c.key for c in finding.claims}
        region = _reachable(graphs[loaded.id], members)
        unchanged = {c.source_id for c in finding.claims if c.source_id not in changed}
        if region == members and len(unchanged) < 2:
            findings.setdefault(finding.id, finding)  # every pair of it was compared already
            continue
        again_for.setdefault(loaded.id, []).append((finding, members, region))
    reviewed = {c.key for c in corpus.claims() if c.claim.status is Status.reviewed}
    for rule_id, items in again_for.items():
        for batch in _batches(items, reviewed):
            again = run_rules(_restricted(corpus, set().union(*(region for _, _, region in batch))), [by_id[rule_id]])
            extra_pairs += again.summary.pairs
            for finding, members, _ in batch:
                # The full run's finding holds every claim of the focused one. When none does (the same-fact
                # test weighs unreviewed claims' contexts over the claims of the run, so a region alone can
                # judge them apart), keep the focused finding: the gate must never drop a conflict the change brings.
                full = next((f for f in again.findings if members <= {c.key for c in f.claims}), finding)
                findings.setdefault(full.id, full)
    ordered = sorted(findings.values(), key=lambda f: (-f.verdict.rank if f.verdict is not Verdict.unverified else 1,
                                                       f.rule_id, f.subject, f.property, f.id))
    counts = {verdict: sum(f.verdict.value == verdict for f in ordered) for verdict in report.summary.verdicts}
    return Report(tuple(ordered), replace(report.summary, pairs=report.summary.pairs + extra_pairs, verdicts=counts))


def _batches(items: list[tuple[Finding, set[str], set[str]]], reviewed: set[str]
             ) -> list[list[tuple[Finding, set[str], set[str]]]]:
    """Findings whose regions are compared in one run: those of reviewed claims only, whose regions the
    engine pairs exactly as the candidate graph does (no claim joins another entity's block), so regions
    closed under that graph stay apart in one run; a region with an unreviewed claim is run alone."""
    together = [item for item in items if item[2] <= reviewed]
    return ([together] if together else []) + [[item] for item in items if not item[2] <= reviewed]


def _candidate_graph(corpus: Corpus, loaded: LoadedRule) -> Graph:
    """Which claims the rule could compare with which, as an adjacency map: its candidate pairs, or for a
    rule that does not pair quotes by their words (where every two claims of different sources in a block
    are a candidate pair, and so all of a block's claims are connected when it holds two sources) each
    claim joined to a node of its block (of its event's part of the block: `_event_parts`), not to each of
    the block's claims (200 claims, not 20,000 pairs). A block is the engine's, with the keys its
    comparator needs (`implied_keys`: a statement's object)."""
    rule = loaded.rule
    matched = [c for c in corpus.claims() if rule.matches(c.claim.kind, c.claim.property, c.claim.subject, c.source_id)]
    graph: Graph = defaultdict(set)
    if PairKey.quote_text in rule.pair_by:
        for first, second in candidate_pairs(rule, matched)[1]:
            graph[first.key].add(second.key)
            graph[second.key].add(first.key)
        return graph
    for number, block in enumerate(blocks_of(rule, matched, None, implied_keys(loaded)).values()):
        for event, part in _event_parts(block):
            if len({c.source_id for c in part}) > 1:
                node = f"{_BLOCK}{number}:{event}"
                graph[node] = {c.key for c in part}
                for item in part:
                    graph[item.key].add(node)
    return graph


def _event_parts(block: list[SourcedClaim]) -> list[tuple[str, list[SourcedClaim]]]:
    """A block's claims by event when every claim names one, else the whole block. The engine pairs a
    block whose claims all name an event only within each event (`blocking._judged_in_block`; the
    same-fact test holds claims of two events apart), so a finding's region is its event's claims: at a
    million generated claims, 7 claims of the block's 192. One claim without an event may be one fact
    with any of them, so then the whole block is a region."""
    events: dict[str, list[SourcedClaim]] = defaultdict(list)
    for item in block:
        if item.claim.event is None:
            return [("", block)]
        events[item.claim.event].append(item)
    return list(events.items())


def _reachable(graph: Graph, start: set[str]) -> set[str]:
    """The claims connected to `start` (block nodes passed through, not returned)."""
    seen = set(start)
    frontier = list(start)
    while frontier:
        for neighbour in graph.get(frontier.pop(), ()):
            if neighbour not in seen:
                seen.add(neighbour)
                frontier.append(neighbour)
    return {key for key in seen if not key.startswith(_BLOCK)}


def _restricted(corpus: Corpus, keys: set[str]) -> Corpus:
    """The corpus with only the claims in `keys` (their files, lines and entities unchanged)."""
    sources = {key.split("/", 1)[0] for key in keys}  # a region is a few sources: skip the others whole
    documents = []
    for document in corpus.documents:
        source_id = document.claims_file.source.id
        if source_id not in sources:
            continue
        claims = [c for c in document.claims_file.claims if f"{source_id}/{c.id}" in keys]
        if claims:  # validated claims of a validated file: no need to validate (or copy) them again
            kept = ClaimsFile.model_construct(source=document.claims_file.source, claims=claims)
            documents.append(replace(document, claims_file=kept))
    return Corpus(documents, corpus.entities, corpus.vocabulary)


def whole_corpus_summary(report: Report, corpus: Corpus, rules: list[LoadedRule], changed: set[str],
                         sources: int, claims: int) -> Report:
    """The focused report's summary with the whole corpus's sources and claims, and as blocks those that
    hold a changed claim: the same whether the gate read every claim or only those that can pair."""
    mentioned = evidence_mentions(corpus.entities)
    mine = [c for c in corpus.claims() if c.source_id in changed]
    blocks = 0
    for loaded in rules:
        rule = loaded.rule
        implied = implied_keys(loaded)
        matched = [c for c in mine if rule.matches(c.claim.kind, c.claim.property, c.claim.subject, c.source_id)]
        blocks += len({key[:len(key) - len(implied)] for key in blocks_of(rule, matched, mentioned, implied)})
    return Report(report.findings, replace(report.summary, sources=sources, claims=claims, blocks=blocks))

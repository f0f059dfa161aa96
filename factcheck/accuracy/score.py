"""Score a report's conflicts against an answer key: precision, recall, every miss, every false one.

A reported conflict is a pair of claims the report judged in conflict. Pairs whose evidence spans are
the same are counted once (a sentence can give a date and a duration of one fact). A reported conflict
*hits* a key entry when one claim's evidence overlaps the entry's `a` snippet in `a`'s source and the
other's overlaps `b`'s (in either order). Precision is the share of reported conflicts that hit an
expected conflict; recall the share of expected conflicts that at least one reported conflict hits.
A reported conflict that hits an expected non-conflict is a trap sprung; it counts as false like any
other conflict the key does not list.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.accuracy.answers import AnswerKey, Expected, Snippet, load_answer_key
from factcheck.accuracy.corpus import EvalEvent, find_events
from factcheck.accuracy.run import run_event
from factcheck.accuracy.diagnose import diagnose_miss
from factcheck.comparators.base import Context, Verdict
from factcheck.engine import Report
from factcheck.model.entity_index import EntityIndex
from factcheck.model.sourced import SourcedClaim
from factcheck.rules import LoadedRule

Span = tuple[str, int, int]  # source id, start, end


class AnswerKeyError(ValueError):
    """A snippet of the key is not in its source's text exactly once; the message says which."""


@dataclass(frozen=True)
class ReportedConflict:
    finding_id: str
    rule_id: str
    first: SourcedClaim
    second: SourcedClaim
    explanation: str
    hits: tuple[str, ...] = ()  # ids of expected conflicts it matches
    traps: tuple[str, ...] = ()  # ids of expected non-conflicts it matches

    def spans(self) -> tuple[Span, Span]:
        return _span(self.first), _span(self.second)


@dataclass(frozen=True)
class EventScore:
    event: str
    expected: tuple[Expected, ...]
    reported: tuple[ReportedConflict, ...]
    claims: int = 0
    sources: int = 0
    diagnoses: dict[str, list[str]] = field(default_factory=dict)  # missed conflict id -> why, per claim pair

    @property
    def true_positives(self) -> int:
        return sum(1 for r in self.reported if r.hits)

    @property
    def found(self) -> set[str]:
        return {hit for r in self.reported for hit in r.hits}

    @property
    def missed(self) -> list[Expected]:
        return [e for e in self.expected if e.id not in self.found]

    @property
    def false_conflicts(self) -> list[ReportedConflict]:
        return [r for r in self.reported if not r.hits]


@dataclass(frozen=True)
class CorpusScore:
    events: tuple[EventScore, ...] = field(default_factory=tuple)

    @property
    def reported(self) -> int:
        return sum(len(e.reported) for e in self.events)

    @property
    def true_positives(self) -> int:
        return sum(e.true_positives for e in self.events)

    @property
    def expected(self) -> int:
        return sum(len(e.expected) for e in self.events)

    @property
    def found(self) -> int:
        return sum(len(e.found) for e in self.events)

    @property
    def precision(self) -> float:
        """1.0 when nothing is reported: no conflict claimed, none wrong."""
        return self.true_positives / self.reported if self.reported else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0


def _span(item: SourcedClaim) -> Span:
    evidence = item.claim.evidence
    return item.source_id, evidence.start, evidence.end


def locate(snippet: Snippet, texts: dict[str, str], where: str) -> Span:
    """Where the snippet stands in its source's text; AnswerKeyError unless exactly once."""
    text = texts.get(snippet.source)
    if text is None:
        raise AnswerKeyError(f"{where}: no article has source id {snippet.source!r} (known: {', '.join(sorted(texts))})")
    start = text.find(snippet.text)
    if start < 0:
        raise AnswerKeyError(f"{where}: {snippet.text!r} is not in {snippet.source}")
    if text.find(snippet.text, start + 1) >= 0:
        raise AnswerKeyError(f"{where}: {snippet.text!r} occurs more than once in {snippet.source}; quote more words")
    return snippet.source, start, start + len(snippet.text)


def _overlaps(span: Span, target: Span) -> bool:
    return span[0] == target[0] and span[1] < target[2] and target[1] < span[2]


def _matches(conflict: tuple[Span, Span], a: list[Span], b: list[Span]) -> bool:
    first, second = conflict

    def on(span: Span, side: list[Span]) -> bool:
        return any(_overlaps(span, target) for target in side)

    return (on(first, a) and on(second, b)) or (on(first, b) and on(second, a))


def reported_conflicts(report: Report) -> list[ReportedConflict]:
    """Every pair of claims the report judged in conflict, once per pair of evidence spans."""
    seen: set[tuple[Span, Span]] = set()
    found: list[ReportedConflict] = []
    for finding in report.findings:
        if finding.verdict is not Verdict.conflict:
            continue
        by_key = {c.key: c for c in finding.claims}
        for pair in finding.pairs:
            if pair.comparison.verdict is not Verdict.conflict:
                continue
            first, second = by_key[pair.first], by_key[pair.second]
            spans = tuple(sorted((_span(first), _span(second))))
            if spans in seen:
                continue
            seen.add(spans)  # type: ignore[arg-type]
            found.append(ReportedConflict(finding.id, finding.rule_id, first, second, pair.comparison.explanation))
    return found


def score_event(name: str, key: AnswerKey, report: Report, texts: dict[str, str], *, where: str = "answers.yaml",
                claims: int = 0, rules: list[LoadedRule] | None = None, entities: EntityIndex | None = None,
                once: frozenset[str] = frozenset()) -> EventScore:
    """Match the report's conflicts against `key`, whose snippets are placed in `texts`; with `rules`,
    say for each missed conflict why its claims were not reported in conflict."""
    def placed(entries: list[Expected], section: str) -> list[tuple[Expected, list[Span], list[Span]]]:
        return [(e, [locate(s, texts, f"{where}: {section} {e.id}.a") for s in e.a],
                 [locate(s, texts, f"{where}: {section} {e.id}.b") for s in e.b]) for e in entries]

    conflicts, traps = placed(key.conflicts, "conflicts"), placed(key.non_conflicts, "non_conflicts")
    scored = []
    for reported in reported_conflicts(report):
        spans = reported.spans()
        hits = tuple(e.id for e, a, b in conflicts if _matches(spans, a, b))
        sprung = tuple(e.id for e, a, b in traps if _matches(spans, a, b))
        scored.append(ReportedConflict(reported.finding_id, reported.rule_id, reported.first, reported.second,
                                       reported.explanation, hits, sprung))
    found = {hit for r in scored for hit in r.hits}
    diagnoses = {}
    if rules is not None:
        context = Context(entities=entities or EntityIndex())
        diagnoses = {e.id: diagnose_miss(a, b, report, rules, context, once) for e, a, b in conflicts if e.id not in found}
    return EventScore(name, tuple(key.conflicts), tuple(scored), claims, len(texts), diagnoses)


def evaluate_corpus(root: Path, rules: list[LoadedRule], *, jobs: int = 1) -> CorpusScore:
    """Every event below `root`, from raw text to a scored report. With `jobs` > 1 the events are run
    in that many forked processes: each event is extracted and reported alone, so the score is the one
    a single process gives, in the same order."""
    events = find_events(root)
    jobs = min(jobs, len(events))
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return CorpusScore(tuple(evaluate_event(event, rules) for event in events))
    global _SHARED
    _SHARED = (events, rules)  # read by the forked workers from their copy of this memory, never pickled
    try:
        # An executor, not `multiprocessing.Pool`: a result that cannot be read back breaks it with an
        # error, where a Pool waits for ever.
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            scores = list(pool.map(_evaluate_shared, range(len(events))))
    finally:
        _SHARED = None
    return CorpusScore(tuple(scores))


_SHARED: tuple[list[EvalEvent], list[LoadedRule]] | None = None


def _evaluate_shared(number: int) -> EventScore:
    """In a worker: one event of the corpus the parent set before forking."""
    assert _SHARED is not None
    events, rules = _SHARED
    return evaluate_event(events[number], rules)


def evaluate_event(event: EvalEvent, rules: list[LoadedRule]) -> EventScore:
    key = load_answer_key(event.answers)
    run = run_event(event, rules)
    return score_event(event.name, key, run.report, run.texts, where=str(event.answers), claims=run.claims,
                       rules=rules, entities=run.entities, once=run.once)

"""`candidates`: the pairs `candidate_pairs` gives, less those of two different events, which are
counted (and set aside) without being judged; the same pairs in the same order, the same total."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.comparators.base import Context
from factcheck.engine.blocking import candidate_pairs, candidates, evidence_mentions, implied_keys
from factcheck.engine.context import ContextIndex
from factcheck.engine.engine import Applicability
from factcheck.engine.judge import judge_pair
from factcheck.rules import load_rules

from .corpus_builder import build_corpus

RULES = {loaded.rule.id: loaded for loaded in load_rules([], builtin=True)}
EVIDENCE = ["GSOMIA ends", "TISA and GSOMIA", "it ends", "TISA"]

claim_strategy = st.fixed_dictionaries({
    "subject": st.sampled_from(["gsomia", "tisa"]),
    "event": st.sampled_from([None, "ev1", "ev2", "ev3"]),
    "status": st.sampled_from(["reviewed", "auto"]),
    "day": st.integers(1, 3),
    "evidence": st.sampled_from(EVIDENCE),
})
corpus_strategy = st.lists(st.lists(claim_strategy, min_size=1, max_size=6), min_size=2, max_size=5)


def _corpus(sources: list[list[dict[str, Any]]]) -> Any:
    built = {}
    for number, claims in enumerate(sources):
        built[f"s{number}"] = ("2019-08-22", [
            {"id": f"c{i}", "kind": "date", "subject": c["subject"], "property": "expires_on",
             "value": {"date": f"2019-11-0{c['day']}"}, "status": c["status"],
             **({"event": c["event"]} if c["event"] else {}),
             "evidence": {"text": c["evidence"], "start": 0, "end": len(c["evidence"])}}
            for i, c in enumerate(claims)])
    return build_corpus(built)


def _apart(first: Any, second: Any) -> bool:
    a, b = first.claim.event, second.claim.event
    return a is not None and b is not None and a != b


@settings(max_examples=300, deadline=None)
@given(corpus_strategy, st.sets(st.sampled_from(["s0", "s1", "s2"])) | st.none())
def test_the_pairs_of_candidate_pairs_less_different_events_counted(sources: list[list[dict[str, Any]]],
                                                                     focus: set[str] | None) -> None:
    corpus = _corpus(sources)
    loaded = RULES["FC101"]
    claims = [c for c in corpus.claims() if Applicability()(loaded, c)]
    mentioned = evidence_mentions(corpus.entities)
    count, every = candidate_pairs(loaded.rule, claims, mentioned, implied_keys(loaded))
    every = [p for p in every if focus is None or p[0].source_id in focus or p[1].source_id in focus]
    found = candidates(loaded.rule, claims, mentioned, implied_keys(loaded), focus)
    judged = [(a.key, b.key) for a, b in found.pairs]
    assert judged == [(a.key, b.key) for a, b in every if not _apart(a, b)]
    assert found.apart == sum(_apart(a, b) for a, b in every)
    assert (found.blocks, found.total) == (count, len(every))


@settings(max_examples=100, deadline=None)
@given(corpus_strategy)
def test_the_same_fact_test_sets_aside_every_pair_of_different_events(sources: list[list[dict[str, Any]]]) -> None:
    """What lets `candidates` count such pairs instead of judging them: were the same-fact test ever
    to call two events one fact (or a plan and its outcome), this fails."""
    corpus = _corpus(sources)
    contexts = ContextIndex(corpus.entities, set())
    for loaded in (RULES["FC101"], RULES["FC301"]):
        claims = corpus.claims()
        for first, second in candidate_pairs(loaded.rule, claims, evidence_mentions(corpus.entities))[1]:
            if _apart(first, second):
                fact, comparison = judge_pair(loaded, first, second, contexts, Context(corpus.entities))
                assert not fact.same and not fact.sequence and comparison is None

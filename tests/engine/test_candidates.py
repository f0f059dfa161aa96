"""`candidates`: the pairs `candidate_pairs` gives, less those of two different events, which are
counted (and set aside) without being judged; the same pairs in the same order, the same total."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
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

ROOT = Path(__file__).resolve().parents[2]
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


QUOTES = {"s0": "alpha beta gamma delta epsilon zeta", "s1": "we said delta epsilon zeta", "s2": "alpha beta gamma it was"}


def _quote_pairs() -> list[tuple[str, str]]:
    corpus = build_corpus({source: ("2019-08-22", [
        {"id": "q", "kind": "quote", "subject": "gsomia", "property": "said",
         "value": {"text": text, "speaker": "gsomia" if source != "s2" else "tisa"}}]) for source, text in QUOTES.items()})
    loaded = RULES["FC201"]
    return [(a.source_id, b.source_id) for a, b in candidates(loaded.rule, corpus.claims()).pairs]


def test_quotes_pair_in_the_order_their_words_run_whatever_the_process() -> None:
    """s0's first run of words meets s2, its last meets s1: pairs come in that order, not in the
    order a set of runs happens to hold in this process (string hashing varies between processes)."""
    assert _quote_pairs() == [("s0", "s2"), ("s0", "s1")]
    script = "from tests.engine.test_candidates import _quote_pairs; print(_quote_pairs())"
    seen = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": str(seed)}, cwd=ROOT).stdout for seed in range(6)}
    assert seen == {"[('s0', 's2'), ('s0', 's1')]\n"}

"""`Judge`: each distinct pair of values judged once, reused for every pair of claims that share
them, and every judgement exactly what `judge_pair` gives that very pair."""

from __future__ import annotations

import sys
from pathlib import Path

from factcheck.comparators.base import Context
from factcheck.engine.blocking import candidate_pairs, evidence_mentions, implied_keys
from factcheck.engine.context import ContextIndex
from factcheck.engine.engine import Applicability
from factcheck.engine.judge import Judge, judge_pair, signature
from factcheck.load.corpus import Corpus, load_corpus
from factcheck.rules import load_rules

from .corpus_builder import build_corpus

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus_gen import generate  # noqa: E402


def judged_both_ways(corpus: Corpus) -> tuple[int, int]:
    """Every candidate pair of every built-in rule judged by a `Judge` and alone, compared; (pairs,
    judgements made by the judges)."""
    contexts = ContextIndex(corpus.entities, {p for p, d in corpus.vocabulary.items() if d.once})
    context = Context(corpus.entities)
    pairs = made = 0
    for loaded in load_rules([], builtin=True):
        claims = [c for c in corpus.claims() if Applicability()(loaded, c)]
        judge = Judge(loaded, contexts, context)
        for first, second in candidate_pairs(loaded.rule, claims, evidence_mentions(corpus.entities),
                                             implied_keys(loaded))[1]:
            assert judge(first, second) == judge_pair(loaded, first, second, contexts, context), (first.key, second.key)
            pairs += 1
        made += len(judge.judged)
    return pairs, made


def test_a_generated_corpus_is_judged_alike_with_fewer_judgements(tmp_path: Path) -> None:
    corpus = load_corpus([generate(tmp_path, 30, 60, conflicts=8, seed=17).claims_dir])
    pairs, made = judged_both_ways(corpus)
    assert made < pairs / 2  # dates and amounts of one fact, told by several sources, are judged once


def test_the_seeds_are_judged_alike() -> None:
    pairs, _ = judged_both_ways(load_corpus([ROOT / "claims"]))
    assert pairs > 0


def _claims(*amounts: float, status: str = "reviewed", evidence: str = "x") -> dict:
    return {f"s{n}": ("2019-08-22", [{"id": "c1", "kind": "quantity", "subject": "gsomia", "property": "amount",
                                      "status": status, "value": {"amount": amount, "unit": "USD"},
                                      "evidence": {"text": evidence, "start": 0, "end": len(evidence)}}])
            for n, amount in enumerate(amounts)}


def test_a_signature_tells_apart_what_prints_apart_and_skips_unreviewed_claims() -> None:
    zero, minus_zero, one = build_corpus(_claims(0.0, -0.0, 1.0)).claims()
    assert signature(zero) != signature(minus_zero) != signature(one)
    other_source_same_value = build_corpus(_claims(1.0, 0.0, 1.0)).claims()
    assert signature(other_source_same_value[0]) == signature(other_source_same_value[2]) == signature(one)
    assert signature(build_corpus(_claims(1.0, status="auto")).claims()[0]) is None


def test_one_value_of_two_events_is_two_judgements() -> None:
    """The same date told of two events: the pairs across events are set aside, those within one
    event agree; a signature without the event would reuse one for the other."""
    expiry = {"kind": "date", "subject": "gsomia", "property": "expires_on", "value": {"date": "2019-11-23"}}
    corpus = build_corpus({f"s{n}": ("2019-08-22", [{"id": "c1", **expiry, "event": event}])
                           for n, event in enumerate(["ev1", "ev2", "ev1", "ev2"])})
    pairs, made = judged_both_ways(corpus)
    assert pairs == 6 and made == 4  # ev1-ev2, ev1-ev1, ev2-ev1, ev2-ev2

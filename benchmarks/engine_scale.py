"""How the engine scales: synthetic corpora of growing size, timed end to end (rules -> findings).

Each source reports 50 facts drawn from a pool of 2,000 (dates, quantities, statements, quotes), so
overlap between sources is realistic: most facts are reported by a few sources. Run with
`make bench` (or `python benchmarks/engine_scale.py [SOURCES...]`); figures go to docs/performance.md.
"""

from __future__ import annotations

import random
import sys
import time
import tracemalloc
from pathlib import Path

from factcheck.engine import run_rules
from factcheck.load.corpus import Corpus, SourceDocument, load_vocabulary
from factcheck.model import ClaimsFile, Entity
from factcheck.model.entity_index import EntityIndex
from factcheck.rules import load_rules

ROOT = Path(__file__).resolve().parent.parent
FACTS = 2000
PER_SOURCE = 50
WORDS = [f"w{i}" for i in range(5000)]  # news quotes draw on a large vocabulary; a tiny one pairs every quote


def fact_claim(fact: int, rng: random.Random) -> dict:
    kind = fact % 4
    base = {"id": f"f{fact}", "subject": f"e{fact % 97}", "status": "reviewed",
            "evidence": {"text": "x", "start": 0, "end": 1}}
    if kind == 0:
        day = 1 + (fact % 27) + (1 if rng.random() < 0.05 else 0)  # 5% disagree by a day
        return {**base, "kind": "date", "property": "expires_on", "value": {"date": f"2019-11-{day:02d}"},
                "subject": f"e{fact}"}
    if kind == 1:
        return {**base, "kind": "quantity", "property": "amount", "subject": f"e{fact}",
                "value": {"amount": 1000 + fact, "unit": "USD"}}
    if kind == 2:
        return {**base, "kind": "statement", "property": "withdraws_from", "subject": f"e{fact}",
                "value": {"object": "e1", "summary": f"fact {fact}"}}
    words = random.Random(fact).choices(WORDS, k=12)
    return {**base, "kind": "quote", "property": "said", "value": {"text": " ".join(words), "speaker": f"e{fact % 97}"}}


def synthetic_corpus(sources: int, seed: int = 7) -> Corpus:
    rng = random.Random(seed)
    entities = EntityIndex(Entity.model_validate({"id": f"e{i}", "kind": "organisation", "name": f"E{i}"})
                           for i in range(FACTS))
    documents = []
    for s in range(sources):
        facts = rng.sample(range(FACTS), PER_SOURCE)
        claims_file = ClaimsFile.model_validate({
            "source": {"id": f"s{s}", "publisher": "P", "title": "T", "published": "2019-08-22", "text": "x.txt",
                       "sha256": "0" * 64},
            "claims": [fact_claim(f, rng) for f in facts],
        })
        documents.append(SourceDocument(Path(f"s{s}.yaml"), claims_file, None, {}))
    return Corpus(documents, entities, load_vocabulary(None, []))


def main(sizes: list[int]) -> None:
    rules = load_rules([ROOT / "rules"])
    print(f"{'sources':>8} {'claims':>8} {'blocks':>8} {'pairs':>9} {'all pairs':>12} {'seconds':>8} {'peak MiB':>9}")
    for size in sizes:
        corpus = synthetic_corpus(size)
        started = time.perf_counter()
        report = run_rules(corpus, rules)
        elapsed = time.perf_counter() - started
        tracemalloc.start()  # a second run for memory: tracing slows Python down several times
        run_rules(corpus, rules)
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        claims = report.summary.claims
        print(f"{size:>8} {claims:>8} {report.summary.blocks:>8} {report.summary.pairs:>9} "
              f"{claims * (claims - 1) // 2:>12} {elapsed:>8.2f} {peak:>9.1f}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10, 100, 400, 1000])

"""A finding is completed over its event's claims when every claim of its block names an event (the
engine pairs such a block only within each event), and over the whole block when one claim does not;
either way its findings are a full run's (test_focused.py)."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from factcheck.engine import run_rules
from factcheck.gate.complete import _candidate_graph, _reachable, complete_findings
from factcheck.load.corpus import Corpus, load_corpus
from factcheck.model.claims import Claim
from factcheck.rules import load_rules
from tests.gate.repo import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus_gen import generate  # noqa: E402


def edited(corpus: Corpus, edit: Callable[[str, Claim], Claim]) -> Corpus:
    """The corpus with each claim `edit(key, claim)`."""
    documents = []
    for document in corpus.documents:
        source = document.claims_file.source.id
        claims = [edit(f"{source}/{c.id}", c) for c in document.claims_file.claims]
        documents.append(replace(document, claims_file=document.claims_file.model_copy(update={"claims": claims})))
    return Corpus(documents, corpus.entities, corpus.vocabulary)


def test_regions_are_events_unless_a_claim_names_none(tmp_path: Path) -> None:
    generated = load_corpus([generate(tmp_path / "g", 40, 50, seed=3).claims_dir])
    # Every date of one subject: one block of many events, each told by a few sources.
    corpus = edited(generated, lambda _, c: c.model_copy(update={"subject": "e0"}) if c.kind == "date" else c)
    fc101 = next(r for r in load_rules([]) if r.id == "FC101")
    claims = {c.key: c for c in corpus.claims()}
    keys = [k for k, c in claims.items() if c.claim.kind == "date"]
    assert all(claims[k].claim.event for k in keys) and len({claims[k].claim.event for k in keys}) > 10
    event = Counter(claims[k].claim.event for k in keys).most_common(1)[0][0]
    start = next(k for k in keys if claims[k].claim.event == event)
    region = _reachable(_candidate_graph(corpus, fc101), {start})
    assert region == {k for k in keys if claims[k].claim.event == event}
    assert len(region) < len(keys)
    # One claim of the block without an event: it may be one fact with any, so the block is the region.
    other = next(k for k in keys if claims[k].claim.event != event)
    eventless = edited(corpus, lambda key, c: c.model_copy(update={"event": None}) if key == other else c)
    assert _reachable(_candidate_graph(eventless, fc101), {start}) == set(keys)


def test_findings_completed_over_events_are_the_full_runs(tmp_path: Path) -> None:
    generated = load_corpus([generate(tmp_path / "g", 40, 50, conflicts=6, seed=3).claims_dir])
    corpus = edited(generated, lambda _, c: c.model_copy(update={"subject": "e0"}) if c.kind == "date" else c)
    rules = load_rules([])
    full = {f.id: f for f in run_rules(corpus, rules).findings}
    checked = 0
    for source in ("s000001", "s000007", "s000020"):
        focused = run_rules(corpus, rules, focus_sources={source})
        completed = complete_findings(corpus, rules, focused, {source})
        for finding in completed.findings:
            if finding.verdict.value == "unverified":
                continue
            checked += 1
            same = full[finding.id]
            assert (same.claims, same.pairs, same.majority, same.outliers, same.explanation) == (
                finding.claims, finding.pairs, finding.majority, finding.outliers, finding.explanation)
    assert checked > 5

"""Block pairing walks only pairs of different sources, in the order a plain double loop gives them;
comparing less (blocking by every key that must match, a quote's words read once) changes no finding."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.engine import Report, run_rules
from factcheck.engine.blocking import (
    _later_other_sources,
    _may_be_one_statement,
    _one_statement_pairs,
    sharing_two_words,
)
from factcheck.load.corpus import load_corpus
from factcheck.rules import load_rules

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests/data/engine/generated-findings.json"
sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus_gen import generate  # noqa: E402


def reference(sources: list[str]) -> list[tuple[int, int]]:
    return [(i, j) for i in range(len(sources)) for j in range(i + 1, len(sources)) if sources[i] != sources[j]]


@given(st.lists(st.sampled_from("abc"), max_size=40))
def test_cross_source_pairs_are_the_double_loops_in_its_order(sources: list[str]) -> None:
    assert list(_later_other_sources(sources)) == reference(sources)


def test_a_block_of_one_source_beside_one_claim_is_linear() -> None:
    sources = ["pr"] * 20_000 + ["seed"]
    steps = 0
    for steps, _ in enumerate(_later_other_sources(sources), start=1):
        pass
    assert steps == 20_000


def findings_view(report: Report) -> list[dict[str, Any]]:
    """Everything a finding says: id, rule, verdict, claims, and each pair with its verdict and explanation."""
    return [{"id": f.id, "rule": f.rule_id, "verdict": f.verdict.value, "claims": [c.key for c in f.claims],
             "message": f.message, "majority": list(f.majority), "outliers": list(f.outliers),
             "pairs": [[p.first, p.second, p.comparison.verdict.value, p.comparison.explanation] for p in f.pairs]}
            if f.verdict.value != "unverified" else {"id": f.id} for f in report.findings]


def test_findings_on_a_generated_corpus_are_those_recorded_before_blocking_changed(tmp_path: Path) -> None:
    """The golden file was written by the engine before it compared less (FACTCHECK_UPDATE_GOLDEN=1 rewrites
    it: review the diff); quotes of one speaker, statements of one subject about several objects,
    shared and conflicting dates and amounts."""
    claims_dir = generate(tmp_path, 40, 60, conflicts=8, seed=13).claims_dir
    view = findings_view(run_rules(load_corpus([claims_dir]), load_rules([], builtin=True)))
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN"):
        GOLDEN.write_text("[\n" + ",\n".join(json.dumps(f) for f in view) + "\n]\n", encoding="utf-8")
    assert view == json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert sum(f.get("verdict") == "conflict" for f in view) >= 5


def test_one_speakers_pairs_with_rare_words_use_the_index() -> None:
    word_sets = [frozenset({f"w{i}", f"w{i + 1}", f"w{i + 2}", f"x{i}"}) for i in range(200)]
    sources = [f"s{i % 7}" for i in range(200)]
    expected = [(i, j) for i, j in reference(sources) if _may_be_one_statement(word_sets[i], word_sets[j])]
    assert _one_statement_pairs(word_sets, sources) == expected
    assert len(expected) == 199  # each quote and the next share two words


@settings(max_examples=400)
@given(st.lists(st.tuples(st.sampled_from("abcd"), st.frozensets(st.sampled_from("pqrstuvwxyz"), max_size=7)),
                max_size=60))
def test_one_speakers_pairs_by_shared_words_are_the_sieved_double_loop(quotes: list[tuple[str, frozenset[str]]]) -> None:
    sources = [source for source, _ in quotes]
    word_sets = [words for _, words in quotes]
    expected = [(i, j) for i, j in reference(sources) if _may_be_one_statement(word_sets[i], word_sets[j])]
    assert _one_statement_pairs(word_sets, sources) == expected


def test_a_word_every_quote_uses_costs_nothing() -> None:
    """3,000 quotes of one speaker whose only content word is the same (digits never form words:
    'word17 word902'): no pair can share two words, and the index holds none (it held all 4.5 million)."""
    assert sharing_two_words([frozenset({"word"})] * 3000) == set()
    common = [frozenset({"word", "said", f"r{i}"}) for i in range(100)]
    assert sharing_two_words(common) == {(i, j) for i in range(100) for j in range(i + 1, 100)}


@settings(max_examples=300)
@given(st.lists(st.frozensets(st.sampled_from("pqrstuvwxyz"), max_size=6), max_size=40))
def test_the_index_holds_every_pair_that_shares_two_words(word_sets: list[frozenset[str]]) -> None:
    met = sharing_two_words(word_sets)
    if met is not None:
        assert {(i, j) for i in range(len(word_sets)) for j in range(i + 1, len(word_sets))
                if len(word_sets[i] & word_sets[j]) >= 2} <= met

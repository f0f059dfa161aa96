"""Quote blocking reads each distinct text once and pairs a text's own quotes once; the pairs, and
their order, are those of the plain index it replaced: every run of words and every speaker keyed to
the positions of the quotes that hold it, in the order first met, each pair taken where first met."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.comparators.quote import normalize_quote
from factcheck.engine.blocking import _later_other_sources, _one_statement_pairs, candidate_pairs, shingles
from factcheck.model.words import content_words
from factcheck.rules import load_rules

from .corpus_builder import build_corpus

QUOTES = load_rules([], builtin=True)
QUOTE_RULE = next(loaded for loaded in QUOTES if loaded.rule.id == "FC201")
WORDS = ["alpha", "beta", "gamma", "delta", "the", "of", "omega", "sigma", "...", "Tau", "tau,", "ÉCOLE"]


def plain_shingles(text: str, size: int) -> list[str]:
    """A quote's runs of `size` words as the engine first wrote it."""
    words = [word for word in normalize_quote(text).split() if word != "..."]
    if len(words) <= size:
        return [" ".join(words)] if words else []
    return list(dict.fromkeys(" ".join(words[i:i + size]) for i in range(len(words) - size + 1)))


def plain_quote_pairs(block: list[Any], size: int) -> list[tuple[str, str]]:
    """The index the engine used before: each run of words and each speaker to every position that holds it."""
    index: dict[str, list[int]] = defaultdict(list)
    for position, item in enumerate(block):
        for shingle in plain_shingles(item.claim.value.text, size):
            index[shingle].append(position)
        index[f"\0speaker:{item.claim.value.speaker}"].append(position)
    seen: set[tuple[int, int]] = set()
    pairs = []
    for shingle, positions in index.items():
        if len(positions) < 2:
            continue
        sources = [block[p].source_id for p in positions]
        if shingle.startswith("\0speaker:"):
            local = _one_statement_pairs([content_words(block[p].claim.value.text) for p in positions], sources)
        else:
            local = list(_later_other_sources(sources))
        for i, j in local:
            pair = (positions[i], positions[j])
            if pair not in seen:
                seen.add(pair)
                pairs.append((block[pair[0]].key, block[pair[1]].key))
    return pairs


quote = st.tuples(st.lists(st.sampled_from(WORDS), min_size=1, max_size=7), st.sampled_from(["gsomia", "tisa"]))
# a few distinct texts, each quoted by several sources: runs shared within and across texts
corpus_strategy = st.lists(st.lists(st.integers(0, 5), min_size=1, max_size=6), min_size=2, max_size=5)


@settings(max_examples=300, deadline=None)
@given(st.lists(quote, min_size=1, max_size=6), corpus_strategy)
def test_quote_pairs_are_the_plain_index_pairs_in_order(texts: list[tuple[list[str], str]],
                                                        sources: list[list[int]]) -> None:
    corpus = build_corpus({f"s{number}": ("2019-08-22", [
        {"id": f"q{i}", "kind": "quote", "subject": texts[pick % len(texts)][1], "property": "said",
         "value": {"text": " ".join(texts[pick % len(texts)][0]), "speaker": texts[pick % len(texts)][1]}}
        for i, pick in enumerate(picks)]) for number, picks in enumerate(sources)})
    block = corpus.claims()
    _, pairs = candidate_pairs(QUOTE_RULE.rule, block)
    assert [(a.key, b.key) for a, b in pairs] == plain_quote_pairs(block, QUOTE_RULE.rule.shingle_words)


@given(st.lists(st.sampled_from(WORDS), max_size=12), st.integers(1, 4))
def test_shingles_are_the_plain_runs(words: list[str], size: int) -> None:
    text = " ".join(words)
    assert shingles(text, size) == plain_shingles(text, size)

"""Each rule's claims, taken from the claims sorted by kind and property once, are those the rule applies
to, in the corpus's order: what asking the rule of each claim in turn gives."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from factcheck.engine.engine import Applicability, rule_claims
from factcheck.load import load_corpus
from factcheck.load.corpus import Corpus
from factcheck.rules import load_rules
from factcheck.rules.load import LoadedRule

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus([ROOT / "claims"])


def _one_by_one(corpus: Corpus, rules: list[LoadedRule]) -> list[list[str]]:
    """Each rule asked of each claim in the corpus's order (no answer remembered)."""
    return [[item.key for item in corpus.claims()
             if loaded.rule.matches(item.claim.kind, item.claim.property, item.claim.subject, item.source_id)]
            for loaded in rules]


def test_the_claims_of_each_rule_are_those_it_applies_to_in_the_corpus_order(corpus: Corpus) -> None:
    rules = load_rules([ROOT / "rules"])
    chosen = rule_claims(corpus, rules)
    assert [[item.key for item in claims] for claims in chosen] == _one_by_one(corpus, rules)
    # A rule takes several kinds and properties, which stand apart in the claims files: the lists
    # of each are merged back into the corpus's order.
    spread = max(chosen, key=lambda claims: len({(c.claim.kind, c.claim.property) for c in claims}))
    assert len({(c.claim.kind, c.claim.property) for c in spread}) >= 10
    kinds = [(c.claim.kind, c.claim.property) for c in spread]
    runs = 1 + sum(1 for before, after in zip(kinds, kinds[1:]) if before != after)
    assert runs > len(set(kinds))  # some kind and property comes back after another


def test_a_rule_that_names_subjects_is_asked_of_each_claim(corpus: Corpus) -> None:
    rules = load_rules([ROOT / "rules"])
    date_rule = next(loaded for loaded in rules if loaded.rule.id == "FC101")
    subjects = ["gsomia"]
    named = replace(date_rule, rule=date_rule.rule.model_copy(
        update={"match": date_rule.rule.match.model_copy(update={"subjects": subjects})}))
    mixed = [named if loaded is date_rule else loaded for loaded in rules]
    chosen = rule_claims(corpus, mixed)
    assert [[item.key for item in claims] for claims in chosen] == _one_by_one(corpus, mixed)
    at = mixed.index(named)
    assert chosen[at] and {item.claim.subject for item in chosen[at]} == set(subjects)
    assert len(chosen[at]) < len(rule_claims(corpus, rules)[at])
    assert [item.key for item in Applicability().select(named, corpus.claims())] == \
        [item.key for item in chosen[at]]

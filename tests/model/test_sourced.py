"""A claim with its source (`model/sourced.py`): `attach_source` makes what the constructor makes."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from factcheck.load.corpus import load_corpus
from factcheck.model.sourced import SourcedClaim, attach_source

ROOT = Path(__file__).resolve().parents[2]


def test_attach_source_makes_what_the_constructor_makes() -> None:
    corpus = load_corpus([ROOT / "claims"])
    for document in corpus.documents:
        source, claims = document.claims_file.source, document.claims_file.claims
        lines = dict(list(document.claim_lines.items())[1:])  # a claim without a line is on line 1
        made = attach_source(claims, source, document.shown_path, lines)
        expected = tuple(SourcedClaim(claim, source, document.shown_path, lines.get(claim.id, 1)) for claim in claims)
        assert made == expected
        for mine, theirs in zip(made, expected):
            assert type(mine) is SourcedClaim
            assert [getattr(mine, f.name) for f in fields(SourcedClaim)] == \
                [getattr(theirs, f.name) for f in fields(SourcedClaim)]  # the key too, which == does not compare
            assert mine.key == f"{source.id}/{mine.claim.id}" and mine.claim is theirs.claim
        assert made[0].line == 1 and made[-1].line == document.claim_lines[claims[-1].id]


def test_an_attached_claim_stays_frozen() -> None:
    document = load_corpus([ROOT / "claims"]).documents[0]
    item = attach_source(document.claims_file.claims, document.claims_file.source, "a.yaml", {})[0]
    try:
        item.line = 7  # type: ignore[misc]
    except AttributeError:
        pass
    else:
        raise AssertionError("a SourcedClaim took a new line")
    assert item.line == 1


def test_the_corpus_claims_are_the_documents_claims_in_order() -> None:
    corpus = load_corpus([ROOT / "claims"])
    expected = [SourcedClaim(c, d.claims_file.source, d.shown_path, d.claim_lines.get(c.id, 1))
                for d in corpus.documents for c in d.claims_file.claims]
    assert corpus.claims() == expected
    assert [item.key for item in corpus.claims()] == [item.key for item in expected]
    assert corpus.claims()[0] is corpus.documents[0].sourced_claims()[0]  # one object per claim, shared

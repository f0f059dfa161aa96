"""Validated claims share what they repeat (`model/compact.py`) without changing what they say."""

from __future__ import annotations

from pathlib import Path

from factcheck.load.corpus import load_corpus
from factcheck.model import ClaimsFile, Evidence, QuantityValue

ROOT = Path(__file__).resolve().parents[2]


def _claim(claim_id: str, subject: str, amount: float) -> dict:
    return {"id": claim_id, "kind": "quantity", "subject": subject, "property": "amount", "status": "reviewed",
            "value": {"amount": amount, "unit": "USD"},
            "evidence": {"text": "paid 5 dollars", "start": 0, "end": 14}}


def _file(*claims: dict) -> ClaimsFile:
    source = {"id": "s1", "publisher": "P", "title": "T", "published": "2019-08-22", "text": "s1.txt",
              "sha256": "0" * 64}
    return ClaimsFile.model_validate({"source": source, "claims": list(claims)})


def test_claims_of_one_shape_share_their_field_set_and_identifiers() -> None:
    first, second = _file(_claim("c1", "".join(["e", "7"]), 5), _claim("c2", "".join(["e", "7"]), 6)).claims
    assert first.__pydantic_fields_set__ is second.__pydantic_fields_set__
    assert first.value.__pydantic_fields_set__ is second.value.__pydantic_fields_set__
    assert first.subject is second.subject  # built apart, interned into one
    assert first.value.unit is second.value.unit


def test_what_a_model_says_is_unchanged() -> None:
    claim = _file(_claim("c1", "e7", 5)).claims[0]
    assert claim.model_fields_set == {"id", "kind", "subject", "property", "status", "value", "evidence"}
    assert claim.value.model_fields_set == {"amount", "unit"}
    assert claim.model_dump(exclude_unset=True)["value"] == {"amount": 5.0, "unit": "USD"}
    assert claim == _file(_claim("c1", "e7", 5)).claims[0]


def test_a_copy_with_changes_leaves_the_shared_set_alone() -> None:
    value = QuantityValue(amount=1, unit="USD")
    other = QuantityValue(amount=2, unit="USD")
    changed = value.model_copy(update={"approximation": "about"})
    assert "approximation" in changed.model_fields_set
    assert value.model_fields_set == other.model_fields_set == {"amount", "unit"}
    assert Evidence(text="ab", start=0, end=2).model_fields_set == {"text", "start", "end"}


def test_the_seeds_load_the_same_dump_as_before() -> None:
    corpus = load_corpus([ROOT / "claims"])
    for document in corpus.documents:
        again = ClaimsFile.model_validate_json(document.claims_file.model_dump_json())
        assert again == document.claims_file
        assert again.model_dump() == document.claims_file.model_dump()

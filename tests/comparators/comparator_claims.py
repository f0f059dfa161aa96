"""Build SourcedClaim objects for comparator tests: only what a test compares needs stating."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from pydantic import TypeAdapter

from factcheck.comparators.base import Comparison, Context
from factcheck.model import Claim, Entity, Source
from factcheck.model.entity_index import EntityIndex
from factcheck.model.sourced import SourcedClaim

FAKE_SHA = "0" * 64
_CLAIM = TypeAdapter(Claim)
_counter = itertools.count(1)

MakeClaim = Callable[..., SourcedClaim]


def make_claim(kind: str, value: dict[str, Any], *, source: str = "bloomberg-2019-08-22",
               published: str = "2019-08-22", subject: str = "gsomia", property: str | None = None,
               as_of: str | None = None, evidence: str = "(test)", claim_id: str | None = None) -> SourcedClaim:
    """A claim of `kind` with `value`, from a source with id `source` published on `published`."""
    default_property = {"date": "expires_on", "duration": "expires_on", "quote": "said", "quantity": "share",
                        "scope": "scope", "statement": "withdraws_from"}[kind]
    claim = _CLAIM.validate_python({
        "id": claim_id or f"claim-{next(_counter)}", "kind": kind, "subject": subject,
        "property": property or default_property, "as_of": as_of, "value": value,
        "evidence": {"text": evidence, "start": 0, "end": len(evidence)},
    })
    document = Source.model_validate({"id": source, "publisher": source.split("-")[0].title(), "title": "(test)",
                                      "published": published, "text": "source.txt", "sha256": FAKE_SHA})
    return SourcedClaim(claim=claim, source=document, path=f"claims/{source}.yaml", line=1)


ENTITIES = [Entity.model_validate(entity) for entity in [
    {"id": "us-government", "kind": "organisation", "name": "U.S. government"},
    {"id": "us-dod", "kind": "organisation", "name": "U.S. Department of Defense", "aliases": ["Pentagon"],
     "part_of": "us-government"},
    {"id": "us-state-department", "kind": "organisation", "name": "U.S. Department of State",
     "part_of": "us-government"},
    {"id": "dave-eastburn", "kind": "person", "name": "Dave Eastburn",
     "roles": [{"title": "spokesman", "organisation": "us-dod"}]},
    {"id": "mike-pompeo", "kind": "person", "name": "Mike Pompeo",
     "roles": [{"title": "Secretary of State", "organisation": "us-state-department", "since": "2018-04"}]},
    {"id": "japan-mofa", "kind": "organisation", "name": "Ministry of Foreign Affairs of Japan"},
    {"id": "taro-kono", "kind": "person", "name": "Taro Kono",
     "roles": [{"title": "Foreign Minister", "organisation": "japan-mofa"}]},
    {"id": "gsomia", "kind": "agreement", "name": "GSOMIA"},
    {"id": "tisa", "kind": "agreement", "name": "TISA"},
    {"id": "south-korea", "kind": "country", "name": "South Korea"},
]]

CONTEXT = Context(entities=EntityIndex(ENTITIES))


def compare_both_ways(compare: Callable[..., Comparison | None], a: SourcedClaim, b: SourcedClaim,
                      params: object) -> Comparison | None:
    """The comparison of a with b, checked to give the same verdict as b with a (or None both ways)."""
    result = compare(a, b, params, CONTEXT)
    again = compare(b, a, params, CONTEXT)
    assert (result is None) == (again is None)
    if result is not None:
        assert again is not None and result.verdict is again.verdict
    return result

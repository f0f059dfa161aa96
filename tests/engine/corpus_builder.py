"""Build small in-memory corpora for engine tests: claims as plain dicts, evidence filled in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from factcheck.load.corpus import Corpus, SourceDocument, load_vocabulary
from factcheck.model import ClaimsFile, Entity
from factcheck.model.entity_index import EntityIndex

ENTITIES = [
    Entity.model_validate({"id": "gsomia", "kind": "agreement", "name": "GSOMIA"}),
    Entity.model_validate({"id": "tisa", "kind": "agreement", "name": "TISA"}),
]


def build_corpus(sources: dict[str, tuple[str, list[dict[str, Any]]]],
                 entities: list[dict[str, Any]] | None = None) -> Corpus:
    """`{source_id: (published, [claim dicts])}` -> a Corpus. Claims are reviewed unless they say
    otherwise, and need no evidence unless a test is about it (then they give `evidence`); `entities`
    are added to the two agreements every corpus knows."""
    documents = []
    for source_id, (published, claims) in sources.items():
        filled = [{"evidence": {"text": "x", "start": 0, "end": 1}, "status": "reviewed", **claim} for claim in claims]
        claims_file = ClaimsFile.model_validate({
            "source": {"id": source_id, "publisher": source_id, "title": source_id, "published": published,
                       "text": "x.txt", "sha256": "0" * 64},
            "claims": filled,
        })
        documents.append(SourceDocument(Path(f"{source_id}.yaml"), claims_file, None,
                                        {c.id: 10 * (i + 1) for i, c in enumerate(claims_file.claims)}))
    known = ENTITIES + [Entity.model_validate(entity) for entity in entities or []]
    return Corpus(documents, EntityIndex(known), load_vocabulary(None, []))

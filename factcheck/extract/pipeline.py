"""`extract_claims`: the one way from a source text to a claims file of candidate claims.

The pipeline has the shape of spaCy's and Stanza's: one `Document` (factcheck/extract/document.py), the
annotators of `factcheck.extract.annotators` run on it in a fixed order, each adding one layer (segment
-> mentions -> quotes -> values -> clauses), and the claims built from the layers in one place
(`factcheck.extract.claims`). The result is validated by the model before it is returned, so it always
loads.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from factcheck.extract.annotators import annotate
from factcheck.extract.claims import build_claims, claim_id
from factcheck.extract.cues import Cues
from factcheck.extract.document import Document, Line, Sentence
from factcheck.extract.readers.entities import Resolver
from factcheck.model import ClaimsFile, Entity, PropertyDef, QuoteValue, Source
from factcheck.model.entity_index import EntityIndex

__all__ = ["Extraction", "annotated", "claim_id", "extract", "extract_claims"]


@dataclass(frozen=True)
class Extraction:
    """What one extraction produced: the claims file, the entities it had to propose, the page noise it
    dropped (for the command's report), and the annotated document (for whoever wants the layers)."""

    claims_file: ClaimsFile
    proposals: list[Entity] = field(default_factory=list)
    dropped: list[tuple[Line | Sentence, str]] = field(default_factory=list)
    document: Document | None = field(default=None, repr=False, compare=False)


def extract_claims(text: str, source: Source, entities: EntityIndex,
                   vocabulary: Mapping[str, PropertyDef] | Iterable[str], cues: Cues) -> ClaimsFile:
    """The candidate claims of `text`, in the normalised schema (see `extract` for the proposals)."""
    return extract(text, source, entities, vocabulary, cues).claims_file


def annotated(text: str, source: Source, entities: EntityIndex,
              vocabulary: Mapping[str, PropertyDef] | Iterable[str], cues: Cues) -> Document:
    """The document of `text` with every layer added."""
    kinds = {name: tuple(d.kinds) for name, d in vocabulary.items()} if isinstance(vocabulary, Mapping) else {}
    document = Document(text=text, source=source, cues=cues, resolver=Resolver(entities),
                        vocabulary=frozenset(vocabulary), kinds=kinds)
    return annotate(document)


def extract(text: str, source: Source, entities: EntityIndex,
            vocabulary: Mapping[str, PropertyDef] | Iterable[str], cues: Cues) -> Extraction:
    """Annotate, build the claims, validate them; collect the entities the claims use but the entity
    file does not know."""
    document = annotated(text, source, entities, vocabulary, cues)
    claims = build_claims(document)
    claims_file = ClaimsFile.model_validate({"source": source.model_dump(mode="json"), "claims": claims})
    used = {c.subject for c in claims_file.claims} | {c.value.speaker for c in claims_file.claims
                                                      if isinstance(c.value, QuoteValue)}
    resolver = document.resolver
    used |= {role.organisation for entity_id in used if entity_id in resolver.proposals
             for role in resolver.proposals[entity_id].roles if role.organisation}  # "Japan’s Foreign Minister"
    proposals = [entity for entity_id, entity in resolver.proposals.items() if entity_id in used]
    return Extraction(claims_file, proposals, document.dropped, document)

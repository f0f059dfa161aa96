"""Claims from the layers of an annotated document, in one place.

Each kind of claim is read off the layers by one module: quotes from the `quotes` layer (below), dates
and durations (`time`) and quantities (`quantities`) from the `values` layer with the clause that governs
each value (`governing`), scope statements from the sentences and mentions (`scope`). Then
one finding per fact is kept (`unique`), and each finding becomes a claim with `status: auto`, a
confidence, and an id that depends only on what was found (kind, property, normalised evidence text,
value, event and modality), so extracting the same text again gives the same ids and `merge` can match
them.
"""

from __future__ import annotations

import hashlib
import json

from factcheck.extract.claims.ages import age_findings
from factcheck.extract.claims.finding import Finding
from factcheck.extract.claims.measures import measure_findings
from factcheck.extract.claims.quantities import quantity_findings
from factcheck.extract.claims.scope import scope_findings
from factcheck.extract.claims.time import time_findings
from factcheck.extract.document import Document, sentence_key
from factcheck.extract.readers.speakers import AttributedQuote
from factcheck.model import QuoteValue

_TOPIC_KINDS = ("agreement", "event")

__all__ = ["Finding", "build_claims", "claim_id", "findings"]


def findings(document: Document) -> list[Finding]:
    """Every finding of the document: quotes, then people's ages, dates and durations, quantities and
    scope. A value inside quote marks is part of a quote, someone's words: it is no claim of its own."""
    found = [quote_finding(document, quote) for quote in document.quotes]
    quoted = frozenset(v.start for v in document.values
                       if any(a <= v.start < b for a, b in document.quoted.get(v.sentence, ())))
    quantities, fieldwork = quantity_findings(document, skip=quoted)
    ages, aged = age_findings(document)
    found += ages
    found += time_findings(document, skip=fieldwork | quoted | aged)
    found += quantities
    for sentence in document.sentences:
        found += scope_findings(document.text, sentence, document.mentions.get(sentence.index, []), document.cues,
                                document.vocabulary, document.recent.get(sentence.index, {}), document.main_agreement)
    found += measure_findings(document)
    return found


def build_claims(document: Document) -> list[dict]:
    """The claims of the document as mappings of the claims file schema, in text order."""
    return _claims(document.text, unique(findings(document)), document.vocabulary, document.kinds)


_NAMED_BEFORE = ("named before", "the person the sentence names before the quote")


def quote_finding(document: Document, quote: AttributedQuote) -> Finding:
    """A quote claim. Its subject is what the quote is about: an agreement or event named in the
    quote's sentence, else the article's main agreement, else the speaker. Its event stays empty: which
    quote is which is the quote comparator's business. The evidence is the quote with the words that
    attribute it, to the end of the sentence when the speaker is named after it."""
    text = document.text
    attribution = quote.attribution
    here = [m for m in document.mentions.get(quote.sentence.index, []) if m.kind in _TOPIC_KINDS]
    subject = here[0].entity_id if here else (document.main_agreement or attribution.speaker)
    value = QuoteValue(text=quote.quote.value_text(text), speaker=attribution.speaker, role=attribution.role,
                       organisation=attribution.organisation)
    start, end = quote.quote.start, quote.quote.end
    last = document.sentence_at(end) or document.sentence_at(end - 1)
    if attribution.how.startswith("named after") and last is not None:
        end = max(end, last.end)  # the quote and the words that attribute it: "..., said Tomas Brezan, who ..."
    elif attribution.how.startswith(_NAMED_BEFORE):
        start = min(start, quote.sentence.start)  # "Kim cited ..., saying it “...”", "Brastel, our translation: “...”"
    while end > start and text[end - 1] in " ,;:":
        end -= 1
    return Finding(kind="quote", property="said", subject=subject, value=value, evidence=(start, end),
                   confidence=round(attribution.confidence, 2), note=f"speaker found: {attribution.how}",
                   proposed=(attribution.speaker,) if attribution.proposed else ())


def unique(found: list[Finding]) -> list[Finding]:
    """One finding per fact: the same kind, property, subject, event, modality and value found twice (a
    sentence the page repeats with other words around it) is kept once, with the higher confidence."""
    best: dict[tuple[str, ...], Finding] = {}
    order: list[tuple[str, ...]] = []
    for finding in found:
        key = (finding.kind, finding.property, finding.subject, finding.event or "", finding.modality or "",
               _value_json(finding.value))
        if key not in best:
            order.append(key)
            best[key] = finding
        elif finding.confidence > best[key].confidence:
            best[key] = finding
    return [best[key] for key in order]


def _value_json(value: object) -> str:
    return json.dumps(value.model_dump(mode="json", exclude_none=True), sort_keys=True)  # type: ignore[attr-defined]


def claim_id(kind: str, prop: str, evidence_text: str, value: object, event: str | None = None,
             modality: str | None = None) -> str:
    """`<kind>-<property>-<8 hex>`: a hash of the normalised evidence text, the value, and the event and
    modality when there are any (so a claim without them keeps the id it had before they existed)."""
    fact = f"{sentence_key(evidence_text)}\n{_value_json(value)}"
    if event or modality:
        fact += f"\n{event or ''}\n{modality or ''}"
    digest = hashlib.sha256(fact.encode()).hexdigest()[:8]
    return f"{kind}-{prop.replace('_', '-')}-{digest}"


def _claims(text: str, found: list[Finding], vocabulary: frozenset[str],
            kinds: dict[str, tuple[str, ...]]) -> list[dict]:
    """Claims in text order, each property known to the vocabulary for its kind of claim."""
    claims: list[dict] = []
    used: set[str] = set()
    for finding in sorted(found, key=lambda f: (f.evidence[0], f.kind)):
        if finding.property not in vocabulary or finding.kind not in kinds.get(finding.property, (finding.kind,)):
            continue
        start, end = finding.evidence
        evidence_text = text[start:end]
        event = None if finding.event == finding.subject else finding.event  # "under the 1965 treaty": no event
        base = claim_id(finding.kind, finding.property, evidence_text, finding.value, event, finding.modality)
        identifier, number = base, 2
        while identifier in used:
            identifier = f"{base}-{number}"
            number += 1
        used.add(identifier)
        claim = {
            "id": identifier, "kind": finding.kind, "subject": finding.subject, "property": finding.property,
            "value": finding.value.model_dump(mode="json", exclude_none=True), "status": "auto",
            "confidence": finding.confidence, "evidence": {"text": evidence_text, "start": start, "end": end},
        }
        if event:
            claim["event"] = event
        for key in ("qualifier", "modality", "note"):
            if getattr(finding, key):
                claim[key] = getattr(finding, key)
        if finding.as_of is not None:
            claim["as_of"] = str(finding.as_of)
        claims.append(claim)
    return claims

"""`extract_claims`: the one way from a source text to a claims file of candidate claims.

The pipeline is a straight line, each step one module: segment the text and drop the page noise
(`text`), find and attribute the quotes (`quotes`, `speakers`), then per sentence the dates and durations
(`dates`, `date_findings`), quantities (`quantities`) and scope statements (`scope`), with subjects
resolved through the entity aliases (`entities`). Findings become claims with `status: auto`, a
confidence, and an id that depends only on what was found (kind, property, normalised evidence text,
value), so extracting the same text again gives the same ids and `merge` can match them. The result is
validated by the model before it is returned, so it always loads.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from factcheck.extract.cues import Cues
from factcheck.extract.date_findings import date_findings
from factcheck.extract.entities import PROPER_NOUN, Mention, Resolver
from factcheck.extract.findings import Finding
from factcheck.extract.quantities import quantity_findings
from factcheck.extract.quotes import find_quotes
from factcheck.extract.scope import scope_findings
from factcheck.extract.speakers import AttributedQuote, SpeakerFinder
from factcheck.extract.text import Line, Sentence, segment, sentence_key
from factcheck.model import ClaimsFile, Entity, PropertyDef, QuoteValue, Source
from factcheck.model.entity_index import EntityIndex

_TOPIC_KINDS = ("agreement", "event")
_GENERIC_AGREEMENT = re.compile(r"\b(?:the|this|that)\s+(?:agreement|accord|pact|treaty|deal)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Extraction:
    """What one extraction produced: the claims file, the entities it had to propose, and the page
    noise it dropped (for the command's report)."""

    claims_file: ClaimsFile
    proposals: list[Entity] = field(default_factory=list)
    dropped: list[tuple[Line | Sentence, str]] = field(default_factory=list)


def extract_claims(text: str, source: Source, entities: EntityIndex,
                   vocabulary: Mapping[str, PropertyDef] | Iterable[str], cues: Cues) -> ClaimsFile:
    """The candidate claims of `text`, in the normalised schema (see `extract` for the proposals)."""
    return extract(text, source, entities, vocabulary, cues).claims_file


def extract(text: str, source: Source, entities: EntityIndex,
            vocabulary: Mapping[str, PropertyDef] | Iterable[str], cues: Cues) -> Extraction:
    """Quotes first (their speakers resolve pronouns in text order), then each sentence's dates,
    quantities and scope, with the entities named so far as the fallback subjects."""
    known = frozenset(vocabulary)
    document = segment(text, cues, title=source.title)
    resolver = Resolver(entities)
    mentions = {s.index: resolver.mentions(text, s.start, s.end) for s in document.sentences}
    main_agreement = _main_topic(mentions.values(), ("agreement",))
    findings: list[Finding] = []
    quotes = find_quotes(document)
    quoted_by_sentence: dict[int, list[tuple[int, int]]] = {}
    for quote in quotes:
        for part in quote.parts:
            sentence = document.sentence_at(part[0])
            if sentence is not None:
                quoted_by_sentence.setdefault(sentence.index, []).append(part)
    if "said" in known:
        attributed = SpeakerFinder(document, resolver, cues).attribute(quotes)
        findings += [_quote_finding(text, quote, mentions, main_agreement) for quote in attributed]
    recent: dict[str, Mention] = {}
    for sentence in document.sentences:
        here = mentions[sentence.index] + _generic_references(text, sentence, mentions[sentence.index], recent)
        here.sort(key=lambda m: m.start)
        fallback = recent.get("agreement") or recent.get("event") or (next(iter(recent.values())) if recent else None)
        if not here and fallback is None:
            fallback = _proposed_subject(text, sentence, resolver)
            if fallback is not None:
                recent[fallback.kind] = fallback
        findings += date_findings(text, sentence, source.published, here, cues, known, fallback,
                                  tuple(quoted_by_sentence.get(sentence.index, ())))
        findings += quantity_findings(text, sentence, here, cues, known,
                                      recent or ({fallback.kind: fallback} if fallback else {}))
        findings += scope_findings(text, sentence, here, cues, known, recent, main_agreement)
        for mention in here:
            recent[mention.kind] = mention
    kinds = {name: tuple(d.kinds) for name, d in vocabulary.items()} if isinstance(vocabulary, Mapping) else {}
    claims = _claims(text, _unique(findings), known, kinds)
    claims_file = ClaimsFile.model_validate({"source": source.model_dump(mode="json"), "claims": claims})
    used = {c.subject for c in claims_file.claims} | {c.value.speaker for c in claims_file.claims
                                                      if isinstance(c.value, QuoteValue)}
    proposals = [entity for entity_id, entity in resolver.proposals.items() if entity_id in used]
    return Extraction(claims_file, proposals, document.dropped)


def _generic_references(text: str, sentence: Sentence, named: list[Mention],
                        recent: dict[str, Mention]) -> list[Mention]:
    """"the agreement", "the accord": the agreement named last, when the sentence names none itself."""
    last = recent.get("agreement")
    if last is None or any(m.kind == "agreement" for m in named):
        return []
    return [Mention(match.start(), match.end(), match.group(), last.entity_id, "agreement")
            for match in _GENERIC_AGREEMENT.finditer(text, sentence.start, sentence.end)
            if not any(m.start < match.end() and match.start() < m.end for m in named)]


def _proposed_subject(text: str, sentence: Sentence, resolver: Resolver) -> Mention | None:
    """When a sentence names no known entity and none came before: its first multi-word proper name,
    as a proposed entity ("The Asan Forum said ..." -> `asan-forum`)."""
    for match in PROPER_NOUN.finditer(text, sentence.start, sentence.end):
        words = match.group().split()
        while words and words[0].casefold() in ("the", "a", "an"):
            words = words[1:]
        if len(words) >= 2:
            name = " ".join(words)
            entity_id = resolver.propose(name, "organisation")
            return Mention(match.start(), match.end(), name, entity_id, "organisation", proposed=True)
    return None


def _main_topic(mention_lists: Iterable[list[Mention]], kinds: tuple[str, ...]) -> str | None:
    counts = Counter(m.entity_id for mentions in mention_lists for m in mentions if m.kind in kinds)
    return counts.most_common(1)[0][0] if counts else None


def _quote_finding(text: str, quote: AttributedQuote, mentions: dict[int, list[Mention]],
                   main_agreement: str | None) -> Finding:
    """A quote claim. Its subject is what the quote is about: an agreement or event named in the
    quote's sentence, else the article's main agreement, else the speaker."""
    attribution = quote.attribution
    here = [m for m in mentions.get(quote.sentence.index, []) if m.kind in _TOPIC_KINDS]
    subject = here[0].entity_id if here else (main_agreement or attribution.speaker)
    value = QuoteValue(text=quote.quote.value_text(text), speaker=attribution.speaker, role=attribution.role,
                       organisation=attribution.organisation)
    start, end = quote.quote.start, quote.quote.end
    while end > start and text[end - 1] in " ,;:":
        end -= 1
    return Finding(kind="quote", property="said", subject=subject, value=value, evidence=(start, end),
                   confidence=round(attribution.confidence, 2), note=f"speaker found: {attribution.how}",
                   proposed=(attribution.speaker,) if attribution.proposed else ())


def _unique(findings: list[Finding]) -> list[Finding]:
    """One finding per fact: the same kind, property, subject and value found twice (a sentence the
    page repeats with other words around it) is kept once, with the higher confidence."""
    best: dict[tuple[str, str, str, str], Finding] = {}
    order: list[tuple[str, str, str, str]] = []
    for finding in findings:
        key = (finding.kind, finding.property, finding.subject, _value_json(finding.value))
        if key not in best:
            order.append(key)
            best[key] = finding
        elif finding.confidence > best[key].confidence:
            best[key] = finding
    return [best[key] for key in order]


def _value_json(value: object) -> str:
    return json.dumps(value.model_dump(mode="json", exclude_none=True), sort_keys=True)  # type: ignore[attr-defined]


def claim_id(kind: str, prop: str, evidence_text: str, value: object) -> str:
    """`<kind>-<property>-<8 hex>`: a hash of the normalised evidence text and the value, so the same
    finding gets the same id on every run, wherever the text moved."""
    digest = hashlib.sha256(f"{sentence_key(evidence_text)}\n{_value_json(value)}".encode()).hexdigest()[:8]
    return f"{kind}-{prop.replace('_', '-')}-{digest}"


def _claims(text: str, findings: list[Finding], vocabulary: frozenset[str],
            kinds: dict[str, tuple[str, ...]]) -> list[dict]:
    """Claims in text order, each property known to the vocabulary for its kind of claim."""
    claims: list[dict] = []
    used: set[str] = set()
    for finding in sorted(findings, key=lambda f: (f.evidence[0], f.kind)):
        if finding.property not in vocabulary or finding.kind not in kinds.get(finding.property, (finding.kind,)):
            continue
        start, end = finding.evidence
        evidence_text = text[start:end]
        identifier = claim_id(finding.kind, finding.property, evidence_text, finding.value)
        number = 2
        while identifier in used:
            identifier = f"{claim_id(finding.kind, finding.property, evidence_text, finding.value)}-{number}"
            number += 1
        used.add(identifier)
        claim = {
            "id": identifier, "kind": finding.kind, "subject": finding.subject, "property": finding.property,
            "value": finding.value.model_dump(mode="json", exclude_none=True), "status": "auto",
            "confidence": finding.confidence, "evidence": {"text": evidence_text, "start": start, "end": end},
        }
        if finding.qualifier:
            claim["qualifier"] = finding.qualifier
        if finding.note:
            claim["note"] = finding.note
        claims.append(claim)
    return claims

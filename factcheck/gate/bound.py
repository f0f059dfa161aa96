"""A bound on one block's work, so one pull-request file cannot stall the gate.

A rule compares the claims of different sources that share a block (same subject and property, say).
The gate compares the pairs of a block that hold a changed claim (the others were judged when they
landed), so a block's cost is its pairs of claims from different sources of which one is changed; a
generated file with 20,000 claims of one subject and property beside the corpus's few is tens of
thousands of such pairs, and grouping them into facts grows faster still. A large corpus's own large
block (200 claims of one subject and property at a million generated claims) is a few hundred. So before comparing, the gate sizes every block that holds a
changed source's claim (for a quote rule, every run of words' list of quotes, which is what it pairs;
for a statement rule that compares one object at a time, `implied_keys`, the claims of one subject,
property and object, as the engine blocks them):

- up to `MAX_BLOCK_PAIRS` pairs of claims from different sources, it is compared in full;
- above it, the changed sources' claims in it are compared by *representative*: of the claims of one
  changed source that say the same thing (kind, subject, property, value as the fingerprint normalises
  it, qualifier, event, modality, as-of date, status), only the first is compared, and a located warning
  says how many claims the others were. 20,000 copies of one date are one comparison;
- if the block is still above the limit after that (20,000 *different* values), it is not compared: the
  gate fails with a located problem naming the block, since a block it cannot judge must not pass.

One speaker's quotes are paired only when they share two content words (an inverted index finds them,
`engine/blocking.py`), so a speaker's list is sized by the quotes that share two content words with a
changed quote of another source, not by all of the speaker's quotes: a speaker quoted 800 times across
a million claims is not one huge block, and the gate's focused load (focused.py), which reads only those
quotes, sizes it the same.

Nothing is dropped in silence: every block handled either way is in `GateResult.blocks`, and shown in
every format. Representatives change what the gate's findings list (the other claims of the same value
are not in them), so in such a block a finding's id and fingerprint can differ from `factcheck report`'s.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, replace

from factcheck.engine.blocking import blocks_of, cross_source_pairs, evidence_mentions, implied_keys, pairing_lists
from factcheck.load.corpus import Corpus
from factcheck.model.sourced import SourcedClaim
from factcheck.model.values import QuoteValue
from factcheck.model.words import content_words
from factcheck.rules import LoadedRule
from factcheck.rules.model import PairKey, Rule

MAX_BLOCK_PAIRS = 5_000  # pairs of claims from different sources in one block (docs/ci.md, docs/performance.md)


@dataclass(frozen=True)
class BlockBound:
    """A block over the limit: where it is, how big, and what the gate did with it."""

    rule_id: str
    block: str  # the block's key, as shown: `gsomia · expires_on`
    path: str  # where to point: the first changed claim in it
    line: int
    claims: int
    pairs: int  # pairs of claims from different sources of which one is changed, before representatives
    represented: int  # changed claims left out because an equal claim of their source stands for them
    refused: bool  # still over the limit with representatives: not compared, and the gate fails

    @property
    def message(self) -> str:
        size = (f"{self.rule_id} block {self.block} holds {self.claims:,} claims ({self.pairs:,} pairs of "
                f"different sources with a changed claim, over the limit of {MAX_BLOCK_PAIRS:,})")
        if self.refused:
            return (f"{size}: too large to compare even with one claim per distinct value; it was not compared. "
                    "Split the source's claims or remove repeated ones")
        return (f"{size}: compared by one claim per distinct value of each changed source; "
                f"{self.represented:,} equal claims were represented by others")


def bound_blocks(corpus: Corpus, rules: list[LoadedRule], changed: set[str] | None,
                 limit: int = MAX_BLOCK_PAIRS) -> tuple[Corpus, tuple[BlockBound, ...]]:
    """The corpus to compare, with the claims that oversized blocks leave out removed, and each such block."""
    mentioned = evidence_mentions(corpus.entities)
    claims = corpus.claims()
    bounds: list[BlockBound] = []
    left_out: set[str] = set()
    for loaded in rules:
        rule = loaded.rule
        matched = [c for c in claims if rule.matches(c.claim.kind, c.claim.property, c.claim.subject, c.source_id)]
        for key, block in blocks_of(rule, matched, mentioned, implied_keys(loaded)).items():  # the engine's blocks
            for listed in _pairing_lists(rule, block, changed):
                mine = [c for c in listed if changed is None or c.source_id in changed]
                if not mine:
                    continue
                pairs = _changed_pairs(listed, changed)
                if pairs <= limit:
                    continue
                kept = _representatives(listed, changed)
                refused = _changed_pairs(kept, changed) > limit
                dropped = {c.key for c in mine} - {c.key for c in kept}
                left_out |= {c.key for c in mine} if refused else dropped
                shown = " · ".join(k for k in key if k and not k.startswith("\0")) or "quotes"  # "\0none": no object
                bounds.append(BlockBound(rule.id, shown, mine[0].path,
                                         mine[0].line, len(listed), pairs, len(dropped), refused))
    if not bounds:
        return corpus, ()
    return _without(corpus, left_out), tuple(_merged(bounds))


def _changed_pairs(claims: list[SourcedClaim], changed: set[str] | None) -> int:
    """Pairs of claims from different sources of which one is changed: what the gate compares (the
    pairs of unchanged claims were judged when they landed)."""
    every = cross_source_pairs(claims)
    return every if changed is None else every - cross_source_pairs([c for c in claims if c.source_id not in changed])


def _pairing_lists(rule: Rule, block: list[SourcedClaim], changed: set[str] | None) -> list[list[SourcedClaim]]:
    """What a block's pairs are drawn from (`pairing_lists`), a speaker's quotes cut to those that can pair
    with a changed one."""
    if PairKey.quote_text not in rule.pair_by:
        return [block]
    speakers: dict[str, list[SourcedClaim]] = defaultdict(list)
    for item in block:
        if isinstance(item.claim.value, QuoteValue):
            speakers[item.claim.value.speaker].append(item)
    lists = []
    for listed in pairing_lists(rule, block):
        # the speaker's list is all of the speaker's quotes (a run of words all of them share is cut alike)
        if listed and listed == speakers.get(listed[0].claim.value.speaker):  # type: ignore[union-attr]
            listed = _may_pair(listed, changed)
        lists.append(listed)
    return lists


def _may_pair(quotes: list[SourcedClaim], changed: set[str] | None) -> list[SourcedClaim]:
    """One speaker's quotes that share two content words with a changed quote of another source, and
    the changed quotes, in order."""
    words = [content_words(item.claim.value.text) for item in quotes]  # type: ignore[union-attr]
    postings: dict[str, list[int]] = defaultdict(list)
    for position, found in enumerate(words):
        for word in found:
            postings[word].append(position)
    kept: set[int] = set()
    for position, item in enumerate(quotes):
        if changed is not None and item.source_id not in changed:
            continue
        kept.add(position)
        shared = Counter(other for word in words[position] for other in postings[word]
                         if quotes[other].source_id != item.source_id)
        kept.update(other for other, count in shared.items() if count >= 2)
    return [quotes[p] for p in sorted(kept)]


def _representatives(claims: list[SourcedClaim], changed: set[str] | None) -> list[SourcedClaim]:
    """The claims of unchanged sources, and the first of each changed source's claims that say the same."""
    seen: set[str] = set()
    kept = []
    for item in claims:
        if changed is not None and item.source_id not in changed:
            kept.append(item)
            continue
        said = _what_it_says(item)
        if said not in seen:
            seen.add(said)
            kept.append(item)
    return kept


def _what_it_says(item: SourcedClaim) -> str:
    claim = item.claim
    return json.dumps([item.source_id, claim.kind, claim.subject, claim.property,
                       claim.value.model_dump(mode="json", exclude_none=True), claim.qualifier, claim.event,
                       claim.modality.value if claim.modality else None, str(claim.as_of) if claim.as_of else None,
                       claim.status.value], sort_keys=True, ensure_ascii=False)


def _merged(bounds: list[BlockBound]) -> list[BlockBound]:
    """One entry per rule and block (a quote block is sized per run of words: keep the largest)."""
    by_block: dict[tuple[str, str], BlockBound] = {}
    for bound in bounds:
        key = (bound.rule_id, bound.block)
        known = by_block.get(key)
        if known is None or (bound.refused, bound.pairs) > (known.refused, known.pairs):
            by_block[key] = bound
    return list(by_block.values())


def _without(corpus: Corpus, keys: set[str]) -> Corpus:
    documents = []
    for document in corpus.documents:
        source_id = document.claims_file.source.id
        claims = [c for c in document.claims_file.claims if f"{source_id}/{c.id}" not in keys]
        if len(claims) != len(document.claims_file.claims):
            document = replace(document, claims_file=document.claims_file.model_copy(update={"claims": claims}))
        documents.append(document)
    return Corpus(documents, corpus.entities, corpus.vocabulary)

"""Read one event's claims of a block, not the whole block (the gate at a million claims, issue 11).

The engine pairs a block whose claims all name an event only within each event
(`engine/blocking._judged_in_block`), and `complete.py` completes a finding over its event's part of
such a block. So of such a block a claim of event E needs only E's claims: its pairs, its finding's
region and the focused load's closure (`focused.py`) stay within E. At a million generated claims a
date's block holds about 190 claims of 40 events, of which the findings need about 7.

A claim's block terms (`sp`, subject and property) are narrowed to its event's (`spe`, terms.py) when:

- the claim names an event;
- no claim under any of its block terms names none: not in the index (`spn`), not among the claims
  read in full. One event-less claim may be one fact with any other, and the engine then pairs the
  whole block (the whole block is read, as before);
- for a changed claim, its block cannot be over the gate's bound (`bound.py`) when read whole: the
  changed claims under its block terms times all the claims under them is at most MAX_BLOCK_PAIRS. The
  bound counts a changed claim's pairs across events too; read whole, such a block is sized by them.

The findings, their ids and the bound are a full load's. What is not: the summary's `pairs` and
`different_facts` count a changed claim's pairs with the other events' claims of its block, which are
not read here (docs/ci.md, *The cache, and a large corpus*).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from factcheck.gate.bound import MAX_BLOCK_PAIRS
from factcheck.gate.terms import claim_terms, event_term, is_block_term, term_hash
from factcheck.load.cache import ClaimsCache
from factcheck.model.sourced import SourcedClaim

Hits = dict[str, set[tuple[int, int]]]  # term -> (file number, claim position) of the indexed claims under it


class Narrowing:
    """Which terms to look a frontier's claims up by: their events' where that reads the same findings."""

    def __init__(self, cache: ClaimsCache, files: set[int], read: list[SourcedClaim], changed: list[SourcedClaim],
                 mentioned: Callable[[SourcedClaim], set[str]]) -> None:
        self.cache, self.files = cache, files
        self.read = _keys_by_term(read, mentioned)  # term -> keys of the claims read in full under it
        self.changed = _keys_by_term(changed, mentioned)  # term -> keys of the changed claims under it
        self.changed_keys = {item.key for item in changed}

    def terms(self, frontier: list[SourcedClaim], lookups: list[set[str]]) -> set[str]:
        """The terms to look up for `frontier` (each claim's `lookups`), block terms narrowed to the claim's
        event where the module docstring allows it."""
        blocks = [{term for term in lookup if is_block_term(term)} for lookup in lookups]
        unnamed = self._hits({event_term(term, None) for block in blocks for term in block})
        counted = self._hits({term for item, block in zip(frontier, blocks) if item.key in self.changed_keys
                              for term in block})
        wanted: set[str] = set()
        for item, lookup, block in zip(frontier, lookups, blocks):
            if block and self._narrowable(item, block, unnamed, counted):
                wanted |= (lookup - block) | {event_term(term, item.claim.event) for term in block}
            else:
                wanted |= lookup
        return wanted

    def _narrowable(self, item: SourcedClaim, block: set[str], unnamed: Hits, counted: Hits) -> bool:
        if item.claim.event is None:
            return False
        if any(unnamed.get(event_term(term, None)) or self.read.get(event_term(term, None)) for term in block):
            return False  # a claim without an event: the engine pairs the whole block
        if item.key not in self.changed_keys:
            return True
        indexed = set().union(*(counted.get(term, set()) for term in block))
        read = set().union(*(self.read.get(term, set()) for term in block))
        changed = set().union(*(self.changed.get(term, set()) for term in block))
        return len(changed) * (len(indexed) + len(read)) <= MAX_BLOCK_PAIRS

    def _hits(self, terms: set[str]) -> Hits:
        """The indexed claims under each of `terms`, in the vouched files. Two terms of one hash share their
        hits: more claims counted, or an event-less one seen, reads more, never less."""
        by_hash: dict[int, list[str]] = defaultdict(list)
        for term in terms:
            by_hash[term_hash(term)].append(term)
        hits: Hits = {}
        for hashed, found in self.cache.term_hits(self.files, by_hash).items():
            for term in by_hash[hashed]:
                hits[term] = found
        return hits


def _keys_by_term(claims: list[SourcedClaim], mentioned: Callable[[SourcedClaim], set[str]]) -> dict[str, set[str]]:
    """Term -> keys of the claims indexed under it (`claim_terms`)."""
    found: dict[str, set[str]] = defaultdict(set)
    for item in claims:
        for term in claim_terms(item, mentioned):
            found[term].add(item.key)
    return found

"""The terms the gate's index keeps for each claim, and the terms a changed claim looks up.

A rule compares only claims that share a block (`engine/blocking.py`). The index must find, for a
changed claim, every claim that can share a block with it under any rule the gate may run; the rules
come from the base revision and can change, so the index keeps raw facets, not rule blocks, and the
lookup side turns a claim into terms with the rules in hand:

- `sp` subject and property: every claim, and an unreviewed claim also under each entity its
  evidence names (blocking puts it in those entities' blocks too);
- `sc` the scope pair (subject and `than`, sorted) of a scope claim;
- `sh` each run of three words of a quote (a rule that pairs quotes by runs of three or more words
  pairs only quotes that share a run of three);
- `sw` a speaker and one of the quote's content words (blocking pairs one speaker's quotes only when
  they share two content words, so they share one).

A rule whose blocks no term covers (one that pairs by property or kind alone, or by runs of fewer than
three words) makes the gate read every claim (`indexable`). Terms are stored as 64-bit hashes: two
terms with one hash only make the gate read more claims, never fewer.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from factcheck.engine.blocking import key_of, shingles
from factcheck.model.claims import Status
from factcheck.model.sourced import SourcedClaim
from factcheck.model.values import QuoteValue, ScopeValue
from factcheck.model.words import content_words
from factcheck.rules import LoadedRule
from factcheck.rules.model import PairKey

SHINGLE_WORDS = 3  # the run of words the index keeps; a rule pairing by shorter runs is not indexable

Mentioned = Callable[[SourcedClaim], set[str]]


def term_hash(term: str) -> int:
    """A signed 64-bit hash (SQLite's INTEGER) of a term."""
    return int.from_bytes(hashlib.blake2b(term.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


def indexable(rules: list[LoadedRule]) -> bool:
    """Whether the index finds every block of these rules (see the module docstring)."""
    return all(_covered(loaded) for loaded in rules)


def _covered(loaded: LoadedRule) -> bool:
    rule = loaded.rule
    keys = set(rule.pair_by)
    if PairKey.quote_text in keys:
        return rule.shingle_words >= SHINGLE_WORDS
    if {PairKey.subject, PairKey.property} <= keys:
        return True
    return PairKey.scope_pair in keys and bool(rule.match.kinds) and set(rule.match.kinds) <= {"scope"}


def claim_terms(item: SourcedClaim, mentioned: Mentioned) -> set[str]:
    """The terms one claim is indexed under."""
    claim, value = item.claim, item.claim.value
    terms = {f"sp\0{subject}\0{claim.property}" for subject in _subjects(item, mentioned)}
    if isinstance(value, ScopeValue):
        terms.add(f"sc\0{_scope_key(item)}")
    if isinstance(value, QuoteValue):
        terms |= _quote_terms(value)
    return terms


def lookup_terms(item: SourcedClaim, rules: list[LoadedRule], mentioned: Mentioned) -> set[str]:
    """The terms under which every claim that can share a block with `item` is indexed."""
    claim, value = item.claim, item.claim.value
    subjects = _subjects(item, mentioned)
    properties = {claim.property}
    for loaded in rules:
        for group in loaded.rule.property_groups:
            if claim.property in group:
                properties.update(group)
    terms = {f"sp\0{subject}\0{property_id}" for subject in subjects for property_id in properties}
    if isinstance(value, ScopeValue):
        terms.add(f"sc\0{_scope_key(item)}")
    if isinstance(value, QuoteValue):
        terms |= _quote_terms(value)
    return terms


def _subjects(item: SourcedClaim, mentioned: Mentioned) -> set[str]:
    subjects = {item.claim.subject}
    if item.claim.status is not Status.reviewed:
        subjects |= mentioned(item)
    return subjects


def _scope_key(item: SourcedClaim) -> str:
    return key_of(None, item, PairKey.scope_pair) or item.claim.subject  # type: ignore[arg-type]


def _quote_terms(value: QuoteValue) -> set[str]:
    terms = {f"sh\0{run}" for run in shingles(value.text, SHINGLE_WORDS)}
    terms |= {f"sw\0{value.speaker}\0{word}" for word in content_words(value.text)}
    return terms

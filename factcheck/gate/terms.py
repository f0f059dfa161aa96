"""The terms the gate's index keeps for each claim, and the terms a changed claim looks up.

A rule compares only claims that share a block (`engine/blocking.py`). The index must find, for a
changed claim, every claim that can share a block with it under any rule the gate may run; the rules
come from the base revision and can change, so the index keeps raw facets, not rule blocks, and the
lookup side turns a claim into terms with the rules in hand:

- `sp` subject and property: every claim, and an unreviewed claim also under each entity its
  evidence names (blocking puts it in those entities' blocks too); beside each, `spe` with the claim's
  event, or `spn` for a claim that names none. The engine pairs a block whose claims all name an event
  only within each event, so the gate can read one event's claims of a block (`spe`) when the index has
  no event-less claim there (`spn`): 7 claims of a block's 192 at a million (`event_term`);
- `so` subject, property and object of a statement: a rule that blocks statements by their object
  too (`implied_keys`) is looked up by it, not by the whole subject and property;
- `sc` the scope pair (subject and `than`, sorted) of a scope claim;
- `sh` each run of three words of a quote (a rule that pairs quotes by runs of three or more words
  pairs only quotes that share a run of three);
- `sw2` a speaker and two of the quote's content words (blocking pairs one speaker's quotes only when
  they share two content words), or `sw1` a speaker and one word, for a quote of many words.

A rule whose blocks no term covers (one that pairs by property or kind alone, or by runs of fewer than
three words) makes the gate read every claim (`indexable`). Terms are stored as 64-bit hashes: two
terms with one hash only make the gate read more claims, never fewer.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from factcheck.engine.blocking import implied_keys, key_of, shingles
from factcheck.model.claims import Status
from factcheck.model.sourced import SourcedClaim
from factcheck.model.values import QuoteValue, ScopeValue, StatementValue
from factcheck.model.words import content_words
from factcheck.rules import LoadedRule
from factcheck.rules.model import PairKey

SHINGLE_WORDS = 3  # the run of words the index keeps; a rule pairing by shorter runs is not indexable
PAIRED_WORDS = 24  # a quote with more content words is indexed by each word, not each two

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
    terms |= {event_term(term, claim.event) for term in terms}
    if isinstance(value, StatementValue) and value.object is not None:
        terms |= {f"so\0{subject}\0{claim.property}\0{value.object}" for subject in _subjects(item, mentioned)}
    if isinstance(value, ScopeValue):
        terms.add(f"sc\0{_scope_key(item)}")
    if isinstance(value, QuoteValue):
        terms |= _quote_terms(value)
    return terms


def event_term(term: str, event: str | None) -> str:
    """An `sp` term's term of one event's claims (`spe`), or of the claims that name no event (`spn`)."""
    return f"spe{term[2:]}\0{event}" if event is not None else f"spn{term[2:]}"


def is_block_term(term: str) -> bool:
    """Whether a lookup term is a subject and property's (`sp`), which `event_term` can narrow."""
    return term.startswith("sp\0")


def lookup_terms(item: SourcedClaim, rules: list[LoadedRule], mentioned: Mentioned) -> set[str]:
    """The terms under which every claim that can share a block with `item`, under a rule that matches
    it, is indexed (a rule that does not match it never pairs it)."""
    claim, value = item.claim, item.claim.value
    terms: set[str] = set()
    for loaded in rules:
        rule = loaded.rule
        if not rule.matches(claim.kind, claim.property, claim.subject, item.source_id):
            continue
        keys = set(rule.pair_by)
        if PairKey.quote_text in keys:
            terms |= _quote_terms(value, lookup=True) if isinstance(value, QuoteValue) else set()
        elif {PairKey.subject, PairKey.property} <= keys:
            properties = next((set(g) for g in rule.property_groups if claim.property in g), {claim.property})
            prefix = "sp"
            if (isinstance(value, StatementValue) and value.object is not None
                    and PairKey.object in (*rule.pair_by, *implied_keys(loaded))):
                prefix, properties = "so", {f"{p}\0{value.object}" for p in properties}  # its object's block
            terms |= {f"{prefix}\0{subject}\0{p}" for subject in _subjects(item, mentioned) for p in properties}
        else:  # a scope pair (`indexable` allows no other)
            terms.add(f"sc\0{_scope_key(item)}")
    return terms


def _subjects(item: SourcedClaim, mentioned: Mentioned) -> set[str]:
    subjects = {item.claim.subject}
    if item.claim.status is not Status.reviewed:
        subjects |= mentioned(item)
    return subjects


def _scope_key(item: SourcedClaim) -> str:
    return key_of(None, item, PairKey.scope_pair) or item.claim.subject  # type: ignore[arg-type]


def _quote_terms(value: QuoteValue, *, lookup: bool = False) -> set[str]:
    """Runs of three words, and the speaker with each two content words (`sw2`; one speaker's quotes pair
    only when they share two), or with each word (`sw1`) for a quote of more than PAIRED_WORDS words,
    whose pairs would be too many rows. A lookup asks for both, so each kind finds the other."""
    terms = {f"sh\0{run}" for run in shingles(value.text, SHINGLE_WORDS)}
    words = sorted(content_words(value.text))
    if len(words) < 2:
        return terms  # shares at most one word with any quote: the speaker's sieve never pairs it
    if lookup or len(words) <= PAIRED_WORDS:
        terms |= {f"sw2\0{value.speaker}\0{a}\0{b}" for i, a in enumerate(words) for b in words[i + 1:]}
    if lookup or len(words) > PAIRED_WORDS:
        terms |= {f"sw1\0{value.speaker}\0{word}" for word in words}
    return terms

"""Which claims to compare: group claims into blocks by what a rule says they must share.

Only claims of different sources in the same block are compared, so the work grows with the number
of overlapping pairs, not with the square of all claims. Quotes are blocked by runs of words they
share (an inverted index of word shingles), so a quote attributed to two different people in two
sources still meets its twin; and by speaker, so two outlets' translations of one statement, which
may share no run of words, meet too (the quote comparator sets different statements aside).

An unreviewed claim's subject is extraction's best guess, often the nearest name and not the thing
the number is about ("The duties cover 312 tariff lines" after a sentence about Argentina). So an
unreviewed claim also joins the blocks of every entity its evidence names; the same-fact test then
decides whether the pair is one fact. Reviewed claims stay in their subject's block only. A currency
the evidence names is the unit of its sums ("4.2 billion marels"), not what they are about: it makes no
block, or every sum of the story in that currency would meet every other.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain

from factcheck.comparators.quote import normalize_quote
from factcheck.model.claims import Claim, Status
from factcheck.model.entity_index import EntityIndex
from factcheck.model.sourced import SourcedClaim
from factcheck.model.words import content_words
from factcheck.model.values import DateValue, QuoteValue, ScopeValue, StatementValue
from factcheck.rules.load import LoadedRule
from factcheck.rules.model import PairKey, Rule

BlockKey = tuple[str, ...]
_NO_KEY = "\0none"


def key_of(rule: Rule, item: SourcedClaim, pair_key: PairKey) -> str | None:
    claim = item.claim
    value = claim.value
    if pair_key is PairKey.subject:
        return claim.subject
    if pair_key is PairKey.property:
        return rule.canonical_property(claim.property)
    if pair_key is PairKey.kind:
        return claim.kind
    if pair_key is PairKey.speaker:
        return value.speaker if isinstance(value, QuoteValue) else None
    if pair_key is PairKey.object:
        return value.object if isinstance(value, StatementValue) else None
    if pair_key is PairKey.scope_pair:
        if isinstance(value, ScopeValue) and value.than is not None:
            return "|".join(sorted((claim.subject, value.than)))
        return claim.subject  # a modality: about the agreement itself
    return None


def shingles(text: str, size: int) -> list[str]:
    """A quote's runs of `size` words, each once, in the order they appear: quotes are paired in
    this order, so it must not be a set's, which changes from process to process (string hashing),
    and with it the order of a finding's pairs and explanation."""
    return list(_runs(text, size))


def _runs(text: str, size: int) -> dict[str, None]:
    """`shingles` as the keys of a dict."""
    words = normalize_quote(text).split()
    if "..." in words:
        words = [word for word in words if word != "..."]  # an ellipsis joins nothing
    if len(words) <= size:
        return {" ".join(words): None} if words else {}
    return dict.fromkeys(map(" ".join, zip(*(words[start:] for start in range(size)))))


def _block_keys(rule: Rule, item: SourcedClaim, exact: list[PairKey],
                mentioned: Callable[[SourcedClaim], set[str]] | None, implied: tuple[PairKey, ...] = ()) -> list[BlockKey]:
    key = tuple(key_of(rule, item, k) for k in exact)
    if None in key:
        return []
    # A key the comparator needs to match: a claim without one (no object) meets only its likes.
    key += tuple(key_of(rule, item, k) or _NO_KEY for k in implied)
    keys = [key]  # type: ignore[list-item]
    if mentioned is not None and PairKey.subject in exact and item.claim.status is not Status.reviewed:
        at = exact.index(PairKey.subject)
        keys += [key[:at] + (other,) + key[at + 1:] for other in sorted(mentioned(item)) if other != key[at]]
    return keys  # type: ignore[return-value]


def implied_keys(loaded: LoadedRule) -> tuple[PairKey, ...]:
    """Keys that must match for the rule's comparator to say anything, beyond the rule's `pair_by`:
    the statement comparator compares claims about one object only (unless the property is
    functional, one object at a time, where two objects conflict). Blocking by them skips pairs the
    comparator would set aside, so no finding changes."""
    functional = getattr(loaded.params, "functional", True)
    if loaded.comparator.name == "statement" and not functional and PairKey.object not in loaded.rule.pair_by:
        return (PairKey.object,)
    return ()


def candidate_pairs(rule: Rule, claims: list[SourcedClaim], mentioned: Callable[[SourcedClaim], set[str]] | None = None,
                    implied: tuple[PairKey, ...] = ()) -> tuple[int, Iterator[tuple[SourcedClaim, SourcedClaim]]]:
    """The number of blocks, and each pair of claims from different sources that share a block
    (once, however many blocks they share). `mentioned` gives the entities a claim's evidence names;
    `implied` adds keys that must match (`implied_keys`)."""
    blocks = blocks_of(rule, claims, mentioned, implied)
    count = _rule_blocks(blocks, implied)
    if PairKey.quote_text not in rule.pair_by:
        return count, _pairs_in_blocks(blocks.values())
    return count, _pairs_by_shingles(rule, blocks.values())


@dataclass
class Candidates:
    """A rule's work: its blocks (as the summary counts them), the pairs to judge, in the order
    `candidate_pairs` yields them, and how many more candidate pairs were set aside unjudged (`apart`):
    claims that both name their event, and different ones, are different facts (`same_fact`), so
    they are counted, never visited. With them the pairs of a subject's block grow with the facts
    that overlap, not with the square of everything said about the subject."""

    blocks: int
    pairs: list[tuple[SourcedClaim, SourcedClaim]]
    apart: int = 0

    @property
    def total(self) -> int:
        """Every candidate pair: judged or set aside by its event."""
        return len(self.pairs) + self.apart


def candidates(rule: Rule, claims: list[SourcedClaim], mentioned: Callable[[SourcedClaim], set[str]] | None = None,
               implied: tuple[PairKey, ...] = (), focus: Collection[str] | None = None) -> Candidates:
    """What `candidate_pairs` gives, with the pairs of two different events counted rather than
    listed (`Candidates`). With `focus`, only pairs that involve a claim of one of those sources."""
    if PairKey.quote_text in rule.pair_by:
        count, pairs = candidate_pairs(rule, claims, mentioned, implied)
        return Candidates(count, [p for p in pairs if focus is None or p[0].source.id in focus
                                  or p[1].source.id in focus])
    blocks = _rows_of(rule, claims, mentioned, implied)
    found = Candidates(_rule_blocks(blocks, implied), [])
    seen: set[tuple[str, str]] = set()  # pairs of two claims that may stand in several blocks
    for block in blocks.values():
        if len(block) > 1:  # a block of one claim has no pair, judged or counted
            _judged_in_block(block, seen, focus, found)
    return found


def _rule_blocks(blocks: Mapping[BlockKey, object], implied: tuple[PairKey, ...]) -> int:
    return len({key[:len(key) - len(implied)] for key in blocks}) if implied else len(blocks)


def _repeats(item: SourcedClaim) -> bool:
    """Whether a claim may stand in several blocks (`_block_keys`: an unreviewed claim joins the
    blocks of the entities its evidence names), so that its pairs may be met twice."""
    return item.claim.status is not Status.reviewed


def _judged_in_block(block: list[Row], seen: set[tuple[str, str]], focus: Collection[str] | None,
                     found: Candidates) -> None:
    """Add a block's pairs to judge to `found`, and count its pairs of different events. A pair of
    two claims that may stand in several blocks is taken where it is first met, as `_pairs_in_blocks` does."""
    items, sources, events, repeats = zip(*block)
    across = None not in events and len(set(events)) >= 2
    if across:  # every claim names its event: pairs within each event, counted across them
        found.apart += _across_events(sources, events, focus)
        positions: Iterable[tuple[int, int]] = sorted(_within_events(sources, events))
        if focus is None and True not in repeats:  # the common case: every pair judged, none met before
            found.pairs.extend([(items[i], items[j]) for i, j in positions])
            return
    else:
        positions = _later_other_sources(sources)
    for i, j in positions:
        if focus is not None and sources[i] not in focus and sources[j] not in focus:
            continue
        if repeats[i] and repeats[j]:
            first, second = items[i].key, items[j].key
            pair = (first, second) if first < second else (second, first)
            if pair in seen:
                continue
            seen.add(pair)
        if events[i] is not None and events[j] is not None and events[i] != events[j]:
            found.apart += 1
        else:
            found.pairs.append((items[i], items[j]))
    if across and True in repeats:
        found.apart -= _met_before_across_events(block, seen, focus)


def _within_events(sources: Sequence[str], events: Sequence[str | None]) -> Iterator[tuple[int, int]]:
    groups: dict[str | None, list[int]] = defaultdict(list)
    for position, event in enumerate(events):
        groups[event].append(position)
    for group in groups.values():
        if len(group) > 1:
            for i, j in _later_other_sources([sources[p] for p in group]):
                yield group[i], group[j]


def _across_events(sources: Sequence[str], events: Sequence[str | None], focus: Collection[str] | None) -> int:
    """The pairs of claims from different sources and of different events (every claim names one),
    with a claim of `focus` when given: counted, not listed. Pairs of different sources less those
    of different sources within one event, from three counts (of sources, events, and both)."""
    def count(sources: Sequence[str], events: Sequence[str | None]) -> int:
        within_events = _squares(Counter(events)) - _squares(Counter(zip(events, sources)))  # twice the pairs
        return different_source_pairs(sources) - within_events // 2

    if focus is None:
        return count(sources, events)
    outside = [position for position, source in enumerate(sources) if source not in focus]
    return count(sources, events) - count([sources[p] for p in outside], [events[p] for p in outside])


def _squares(counts: Counter) -> int:
    return sum(n * n for n in counts.values())


def _met_before_across_events(block: list[Row], seen: set[tuple[str, str]],
                              focus: Collection[str] | None) -> int:
    """Of the block's pairs of different events counted by `_across_events`, those of two claims
    that stand in several blocks and were met in an earlier block (so counted there); the others
    are remembered as met."""
    repeating = [row for row in block if row[3]]
    again = 0
    for i, j in _later_other_sources([row[1] for row in repeating]):
        (first, first_source, first_event, _), (second, second_source, second_event, _) = repeating[i], repeating[j]
        if first_event == second_event:
            continue  # within one event: judged, and remembered, above
        if focus is not None and first_source not in focus and second_source not in focus:
            continue
        pair = (first.key, second.key) if first.key < second.key else (second.key, first.key)
        if pair in seen:
            again += 1
        else:
            seen.add(pair)
    return again


def blocks_of(rule: Rule, claims: list[SourcedClaim], mentioned: Callable[[SourcedClaim], set[str]] | None = None,
              implied: tuple[PairKey, ...] = ()) -> dict[BlockKey, list[SourcedClaim]]:
    """The claims of each block, in input order: what `candidate_pairs` pairs within (the gate sizes them)."""
    return {key: [row[0] for row in rows] for key, rows in _rows_of(rule, claims, mentioned, implied).items()}


Row = tuple[SourcedClaim, str, "str | None", bool]  # a claim, its source, its event, whether it may repeat


def blocking_event(claim: Claim) -> str | None:
    """The event a claim's pairs are set apart by. A time of day to the minute (not a quarter hour) sets
    nothing apart: two outlets' times of one moment may carry different events ("the failure hit at 04:52",
    "the system went down at 5:52"), and the same-fact test reads a slip of the hour (`same_fact.py`)."""
    event = claim.event
    if event is None:  # most claims at scale: nothing to set apart, and no value to read
        return None
    value = claim.value
    if value.__class__ is DateValue and value.time is not None and value.time.to_the_minute:
        return None
    return event


def _rows_of(rule: Rule, claims: list[SourcedClaim], mentioned: Callable[[SourcedClaim], set[str]] | None,
             implied: tuple[PairKey, ...]) -> dict[BlockKey, list[Row]]:
    """Each block's claims in input order, each with what pairing reads of it (`Row`), read in one
    pass: at a million claims every further pass over them costs a second (the claims are scattered
    in memory). Blocks keyed by subject and property (every shipped rule but quotes and scopes) are
    made without `key_of`'s dispatch, each property's canonical form found once; the same keys."""
    exact = [k for k in rule.pair_by if k is not PairKey.quote_text]
    rows: dict[BlockKey, list[Row]] = defaultdict(list)
    if exact != [PairKey.subject, PairKey.property] or implied not in ((), (PairKey.object,)):
        for item in claims:
            keys = _block_keys(rule, item, exact, mentioned, implied)
            if keys:
                row = (item, item.source.id, blocking_event(item.claim), _repeats(item))
                for key in keys:
                    rows[key].append(row)
        return rows
    canonical: dict[str, str] = {}
    by_object = bool(implied)
    for item in claims:
        claim = item.claim
        shown = canonical.get(claim.property)
        if shown is None:
            shown = canonical[claim.property] = rule.canonical_property(claim.property)
        repeats = claim.status is not Status.reviewed
        row = (item, item.source.id, blocking_event(claim), repeats)
        if by_object:
            value = claim.value
            thing = value.object if isinstance(value, StatementValue) else None
            key: BlockKey = (claim.subject, shown, thing or _NO_KEY)
        else:
            key = (claim.subject, shown)
        rows[key].append(row)
        if repeats and mentioned is not None:
            for other in sorted(mentioned(item)):
                if other != claim.subject:
                    rows[(other, *key[1:])].append(row)
    return rows


def cross_source_pairs(block: list[SourcedClaim]) -> int:
    """How many pairs of claims from different sources a block holds, counted without walking them."""
    return different_source_pairs([item.source_id for item in block])


def different_source_pairs(sources: Sequence[str]) -> int:
    """How many pairs of different sources claims of these `sources` (one a claim) make, counted
    without walking them."""
    return (len(sources) ** 2 - _squares(Counter(sources))) // 2


def _later_other_sources(sources: list[str]) -> Iterator[tuple[int, int]]:
    """Each (i, j), i < j, with sources[i] != sources[j], in the order of a plain double loop, without
    visiting same-source pairs: a run of one source is skipped in one step, so the work is the number
    of pairs yielded plus the length of the list (20,000 claims of one source next to one other
    claim are 20,000 steps, not 200 million)."""
    count = len(sources)
    run_end = [count] * count  # the first position after the run of equal sources at j
    for j in range(count - 2, -1, -1):
        run_end[j] = run_end[j + 1] if sources[j] == sources[j + 1] else j + 1
    for i in range(count):
        own = sources[i]
        j = run_end[i]
        while j < count:
            if sources[j] == own:
                j = run_end[j]
                continue
            yield i, j
            j += 1


def _pairs_in_blocks(blocks: object) -> Iterator[tuple[SourcedClaim, SourcedClaim]]:
    seen: set[tuple[str, str]] = set()
    for block in blocks:  # type: ignore[attr-defined]
        for i, j in _later_other_sources([item.source_id for item in block]):
            first, second = block[i], block[j]
            pair = (first.key, second.key) if first.key < second.key else (second.key, first.key)
            if pair in seen:
                continue
            seen.add(pair)
            yield first, second


def _pairs_by_shingles(rule: Rule, blocks: object) -> Iterator[tuple[SourcedClaim, SourcedClaim]]:
    """Each block's pairs of quotes that share a run of words, or a speaker (`_one_statement_pairs`),
    in the order the runs and speakers are first met. Sources repeat a quote word for word, so a text's
    runs of words and content words are read once; a run of words is kept with the first text that
    holds it (`first`), and with every text that does only when several do (`shared`); and a run only
    one text holds pairs that text's quotes once: every run of the text holds all of its quotes, so
    once one has paired them the others would find every pair met already (`seen`) and are passed over."""
    for block in blocks:  # type: ignore[attr-defined]
        first: dict[str | tuple[str, str], int] = {}  # a run: its first text; a speaker: -1 (in the order met)
        shared: dict[str, list[int]] = {}  # a run that several texts hold: those texts
        speakers: dict[str, list[int]] = {}  # a speaker's quotes
        text_of: dict[str, int] = {}
        at_text: list[list[int]] = []  # each distinct text's positions
        texts: list[str] = []
        number_at = [-1] * len(block)  # a quote's position: its text
        for position, item in enumerate(block):
            value = item.claim.value
            if not isinstance(value, QuoteValue):
                continue
            number = text_of.get(value.text)
            if number is None:
                number = text_of[value.text] = len(texts)
                texts.append(value.text)
                at_text.append([position])
                runs = dict.fromkeys(_runs(value.text, rule.shingle_words), number)
                for shingle in runs.keys() & first.keys():  # held by an earlier text too: rare
                    shared.setdefault(shingle, [first[shingle]]).append(number)  # type: ignore[index]
                    del runs[shingle]
                first.update(runs)  # the text's new runs, in order, as one setdefault each would add them
            else:
                at_text[number].append(position)
            number_at[position] = number
            said = speakers.get(value.speaker)
            if said is None:
                said = speakers[value.speaker] = []
                first[("speaker", value.speaker)] = -1  # a translation shares no run
            said.append(position)
        sources = [item.source.id for item in block]
        paired = [False] * len(texts)  # every pair of the text's quotes met
        seen: set[tuple[int, int]] = set()
        words: dict[int, frozenset[str]] = {}  # each text's content words, read once
        for key, number in first.items():
            if number < 0:  # one speaker's other statements: not worth the comparator
                positions = speakers[key[1]]  # type: ignore[index]
                if len(positions) < 2:
                    continue
                numbers = [number_at[p] for p in positions]
                for number in numbers:
                    if number not in words:
                        words[number] = content_words(texts[number])
                word_sets = [words[number] for number in numbers]
                local: Iterable[tuple[int, int]] = _one_statement_pairs(word_sets, [sources[p] for p in positions])
            else:
                holders = shared.get(key)  # type: ignore[call-overload]
                if holders is None:
                    positions = at_text[number]
                    if paired[number] or len(positions) < 2:  # most runs of words are one quote's: nothing to pair
                        continue
                    paired[number] = True
                else:
                    positions = sorted(chain.from_iterable(at_text[n] for n in holders))
                    for held in holders:
                        paired[held] = True
                local = _later_other_sources([sources[p] for p in positions])
            for i, j in local:
                pair = (positions[i], positions[j])
                if pair in seen:
                    continue
                seen.add(pair)
                yield block[pair[0]], block[pair[1]]


def _one_statement_pairs(word_sets: list[frozenset[str]], sources: list[str]) -> list[tuple[int, int]]:
    """The pairs (i, j) of one speaker's quotes from different sources that pass the sieve
    (`_may_be_one_statement`), in the order of `_later_other_sources`: those of `sharing_two_words`,
    sieved; or, when the index would not pay, every pair sieved."""
    met = sharing_two_words(word_sets)
    if met is None:
        return [(i, j) for i, j in _later_other_sources(sources) if _may_be_one_statement(word_sets[i], word_sets[j])]
    return sorted((i, j) for i, j in met
                  if sources[i] != sources[j] and _may_be_one_statement(word_sets[i], word_sets[j]))


def sharing_two_words(word_sets: list[frozenset[str]]) -> set[tuple[int, int]] | None:
    """Every pair (i, j), i < j, of word sets that share at least two words (and maybe others),
    through an inverted index of words; None when the index would hold more pairs than a double
    loop visits. Two sets that share two words share one among all but the most common word of
    each (ordered by how many sets use a word; prefix filtering, exact), so only those are indexed:
    a word every quote uses costs nothing."""
    used = Counter(word for found in word_sets for word in found)
    postings: dict[str, list[int]] = defaultdict(list)
    for position, found in enumerate(word_sets):
        if len(found) < 2:
            continue
        most = max(map(used.__getitem__, found))
        last = max(word for word in found if used[word] == most)  # the last in the order (uses, word)
        for word in found:
            if word != last:
                postings[word].append(position)
    if sum(len(p) * (len(p) - 1) // 2 for p in postings.values()) > len(word_sets) ** 2:
        return None
    met: set[tuple[int, int]] = set()
    for positions in postings.values():
        for x, i in enumerate(positions):
            met.update((i, j) for j in positions[x + 1:])
    return met


def _may_be_one_statement(wa: frozenset[str], wb: frozenset[str]) -> bool:
    """A cheap sieve for quotes of one speaker that share no run of words (given their content
    words): at least two in common and a Dice overlap of 0.3, as a translation of one statement has."""
    shared = len(wa & wb)
    return shared >= 2 and 2 * shared >= 0.3 * (len(wa) + len(wb))


def pairing_lists(rule: Rule, block: list[SourcedClaim]) -> list[list[SourcedClaim]]:
    """The lists a block's pairs are drawn from: the block itself, or for a rule that pairs quotes by
    their words, each run of words' (and each speaker's) quotes. What the gate sizes a block by."""
    if PairKey.quote_text not in rule.pair_by:
        return [block]
    index: dict[str, list[SourcedClaim]] = defaultdict(list)
    for item in block:
        if isinstance(item.claim.value, QuoteValue):
            for shingle in shingles(item.claim.value.text, rule.shingle_words):
                index[shingle].append(item)
            index[f"\0speaker:{item.claim.value.speaker}"].append(item)
    return list(index.values())


def evidence_mentions(entities: EntityIndex) -> Callable[[SourcedClaim], set[str]]:
    """The entities each claim's evidence names (for blocking unreviewed claims), looked up once
    per evidence text."""
    cache: dict[str, set[str]] = {}
    currencies = {entity.id for entity in entities.by_id.values() if entity.kind.value == "currency"}

    def mentioned(item: SourcedClaim) -> set[str]:
        text = item.claim.evidence.text
        if text not in cache:
            cache[text] = {entity_id for entity_id in entities.mentioned_in(text) if entity_id not in currencies}
        return cache[text]

    return mentioned

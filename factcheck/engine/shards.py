"""Shards of blocks: the unit of work of a parallel (`--jobs`) or distributed (`--executor dask`) run.

A rule's blocks are split into `count` shards by a stable hash, so every process that reads the same
project computes the same split and compares only its own share, from claims it already holds. Blocks
cannot be split one by one: a claim can stand in several blocks (an unreviewed claim joins the block
of every entity its evidence names), a pair met in two blocks is compared once, and grouping and best
matches look at every pair a claim is in. So blocks that share a claim go together: they are joined
through their claims, and each joined group goes to the shard of the hash of the rule's id and the
group's smallest claim key. A shard then holds whole connected parts of the rule's pairs, in the
corpus's order, and the findings of all shards are exactly a serial run's. The quote rule (FC201)
blocks by quote text alone, so all its quotes are one block; they are joined through the lists its
pairs are drawn from instead (each run of words, each speaker), which split it into many parts.

A worker sends back only what the parent cannot rebuild: findings without their claims (the claim
keys instead; `pack`), and the parent puts its own claims back (`unpack`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from factcheck.engine.blocking import blocks_of, pairing_lists
from factcheck.engine.engine import Compared
from factcheck.engine.finding import Finding
from factcheck.engine.grouping import connected_groups
from factcheck.model.sourced import SourcedClaim
from factcheck.rules.model import Rule


def shard_of(rule_id: str, label: str, count: int) -> int:
    """A stable shard number (the same in every process and on every machine, unlike `hash`)."""
    digest = hashlib.blake2b(f"{rule_id}\0{label}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") % count


@dataclass
class Split:
    """A rule's claims in shards, and the rule's blocks as a serial run counts them (the quote rule's
    one block, split over several shards, is still one block)."""

    shards: list[list[SourcedClaim]]
    blocks: int


def split_claims(rule: Rule, claims: list[SourcedClaim], mentioned: Callable[[SourcedClaim], set[str]] | None,
                 count: int) -> Split:
    """A rule's claims in `count` shards, each in the claims' order. Claims are joined through the
    lists their pairs are drawn from (`pairing_lists`: a block, or for the quote rule each run of words'
    and each speaker's quotes, whose whole lists then land in one shard, so each is drawn as in a
    serial run); a claim in none pairs with nothing and is in no shard. Blocks are taken without the
    keys a rule's comparator implies (`implied_keys`), so one block of the rule, as the summary counts
    it, is never split by them."""
    blocks = blocks_of(rule, claims, mentioned)
    links: list[tuple[str, str]] = []
    for block in blocks.values():
        for drawn in pairing_lists(rule, block):
            links.extend((drawn[0].key, item.key) for item in drawn)  # the first with itself: a list of one
    group_of = connected_groups(links)
    label: dict[str, str] = {}
    for key, root in group_of.items():
        if root not in label or key < label[root]:
            label[root] = key
    shard = {root: shard_of(rule.id, smallest, count) for root, smallest in label.items()}
    shards: list[list[SourcedClaim]] = [[] for _ in range(count)]
    for item in claims:
        root = group_of.get(item.key)
        if root is not None:
            shards[shard[root]].append(item)
    return Split(shards, len(blocks))


@dataclass
class Packed:
    """A shard's `Compared` to send back: its findings without their claims, and their claim keys."""

    compared: Compared
    claim_keys: list[tuple[str, ...]]


def pack(compared: Compared) -> Packed:
    keys = [tuple(item.key for item in finding.claims) for finding in compared.findings]
    light = Compared([replace(f, claims=()) for f in compared.findings], compared.linked, compared.blocks,
                     compared.pairs, compared.set_aside)
    return Packed(light, keys)


def unpack(parts: Iterable[Packed], claims: Iterable[SourcedClaim], blocks: int) -> Compared:
    """The shards' results as one, with this process's claims put back into the findings, and the
    rules' `blocks` (a block split over shards counts once: `Split.blocks`)."""
    by_key = {item.key: item for item in claims}
    merged = Compared(blocks=blocks)
    for part in parts:
        merged.findings.extend(_with_claims(f, keys, by_key) for f, keys in zip(part.compared.findings, part.claim_keys))
        merged.linked.update(part.compared.linked)
        merged.pairs += part.compared.pairs
        merged.set_aside += part.compared.set_aside
    return merged


def _with_claims(finding: Finding, keys: tuple[str, ...], by_key: dict[str, SourcedClaim]) -> Finding:
    return replace(finding, claims=tuple(by_key[key] for key in keys))

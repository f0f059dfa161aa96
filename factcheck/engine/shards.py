"""Shards of blocks: the unit of work of a parallel (`--jobs`) or distributed (`--executor dask`) run.

A rule's blocks are split into `count` shards by a stable hash, so every process that reads the same
project computes the same split and compares only its own share, from claims it already holds. Blocks
cannot be split one by one: a claim can stand in several blocks (an unreviewed claim joins the block
of every entity its evidence names), a pair met in two blocks is compared once, and grouping and best
matches look at every pair a claim is in. So blocks that share a claim go together: they are joined
through their claims, and each joined group goes to the shard of the hash of the rule's id and the
group's smallest claim key. A shard then holds whole connected parts of the rule's pairs, in the
corpus's order, and the findings of all shards are exactly a serial run's. (A rule that blocks by
quote text alone, FC201, has one block, so one shard.)

A worker sends back only what the parent cannot rebuild: findings without their claims (the claim
keys instead; `pack`), and the parent puts its own claims back (`unpack`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from factcheck.engine.blocking import blocks_of
from factcheck.engine.engine import Compared
from factcheck.engine.finding import Finding
from factcheck.engine.grouping import connected_groups
from factcheck.model.sourced import SourcedClaim
from factcheck.rules.model import Rule


def shard_of(rule_id: str, label: str, count: int) -> int:
    """A stable shard number (the same in every process and on every machine, unlike `hash`)."""
    digest = hashlib.blake2b(f"{rule_id}\0{label}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") % count


def split_claims(rule: Rule, claims: list[SourcedClaim], mentioned: Callable[[SourcedClaim], set[str]] | None,
                 count: int) -> list[list[SourcedClaim]]:
    """A rule's claims in `count` shards, each in the claims' order. A claim in no block pairs with
    nothing and is in no shard. Blocks are taken without the keys a rule's comparator implies
    (`implied_keys`), so one block of the rule, as the summary counts it, is never split."""
    links: list[tuple[str, str]] = []
    for block in blocks_of(rule, claims, mentioned).values():
        links.extend((block[0].key, item.key) for item in block)  # the first with itself: a block of one
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
    return shards


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


def unpack(parts: Iterable[Packed], claims: Iterable[SourcedClaim]) -> Compared:
    """The shards' results as one, with this process's claims put back into the findings."""
    by_key = {item.key: item for item in claims}
    merged = Compared()
    for part in parts:
        merged.findings.extend(_with_claims(f, keys, by_key) for f, keys in zip(part.compared.findings, part.claim_keys))
        merged.linked.update(part.compared.linked)
        merged.blocks += part.compared.blocks
        merged.pairs += part.compared.pairs
        merged.set_aside += part.compared.set_aside
    return merged


def _with_claims(finding: Finding, keys: tuple[str, ...], by_key: dict[str, SourcedClaim]) -> Finding:
    return replace(finding, claims=tuple(by_key[key] for key in keys))

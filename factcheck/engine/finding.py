"""Findings and the report: immutable values built by the engine and only read by the formats."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from factcheck.comparators.base import Comparison, Verdict
from factcheck.model.sourced import SourcedClaim


@dataclass(frozen=True)
class PairComparison:
    """The comparison of two claims (by their `source/claim` keys)."""

    first: str
    second: str
    comparison: Comparison


@dataclass(frozen=True)
class Finding:
    """What the sources say about one fact, under one rule.

    `claims` holds every claim of every source that speaks to the fact; `pairs` the comparisons
    behind the verdict (the worst of them); `majority` the claims of the value most sources
    support, and `outliers` the sources that stand apart from it (only when there is a conflict).
    """

    id: str
    rule_id: str
    rule_name: str
    severity: str
    verdict: Verdict
    subject: str
    subject_name: str
    property: str
    claims: tuple[SourcedClaim, ...]
    values: tuple[str, ...]  # the described value of each claim, in the order of `claims`
    pairs: tuple[PairComparison, ...]
    message: str
    explanation: str
    majority: tuple[str, ...] = ()  # claim keys
    outliers: tuple[str, ...] = ()  # source ids
    event: str | None = None  # what happened, when the claims name it (the most common `event`)

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.source_id for c in self.claims))

    @property
    def verdict_claims(self) -> tuple[SourcedClaim, ...]:
        """The claims the verdict rests on: those in a pair with the finding's verdict (every claim of
        an unverified finding)."""
        if not self.pairs:
            return self.claims
        keys = {key for pair in self.pairs if pair.comparison.verdict is self.verdict
                for key in (pair.first, pair.second)}
        return tuple(c for c in self.claims if c.key in keys)

    @property
    def unreviewed(self) -> tuple[SourcedClaim, ...]:
        """The claims behind the verdict that no person has reviewed yet (`status: auto`)."""
        return tuple(c for c in self.verdict_claims if c.claim.status.value != "reviewed")

    @property
    def rests_on_unreviewed(self) -> bool:
        """True when the verdict depends on at least one claim that nobody has reviewed."""
        return bool(self.unreviewed)

    @property
    def confidence(self) -> float | None:
        """How far an unreviewed verdict can be trusted: the lowest extraction confidence among the
        unreviewed claims behind it (1.0 for a reviewed claim); None when every claim is reviewed."""
        return lowest_confidence(self.unreviewed)


def lowest_confidence(unreviewed: tuple[SourcedClaim, ...]) -> float | None:
    """`Finding.confidence` of a finding whose `unreviewed` claims are these (a format that has them
    already need not walk the finding's pairs again): an auto claim without a confidence counts as 0.5."""
    if not unreviewed:
        return None
    return min(c.claim.confidence if c.claim.confidence is not None else 0.5 for c in unreviewed)


@dataclass(frozen=True)
class Summary:
    sources: int
    claims: int
    rules: int
    blocks: int
    pairs: int
    verdicts: dict[str, int] = field(default_factory=dict)
    different_facts: int = 0  # pairs in a block that the same-fact test set aside

    def describe(self) -> str:
        """`2 sources, 104 claims, 7 rules: 63 blocks, 19 pairs compared.`: the line every format shows."""
        counts = [(self.sources, "source"), (self.claims, "claim"), (self.rules, "rule")]
        work = [(self.blocks, "block"), (self.pairs, "pair")]
        aside = (f" ({_count(self.different_facts, 'pair')} set aside as different facts)"
                 if self.different_facts else "")
        return (f"{', '.join(_count(n, w) for n, w in counts)}: {', '.join(_count(n, w) for n, w in work)} "
                f"compared{aside}.")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


@dataclass(frozen=True)
class Report:
    findings: tuple[Finding, ...]
    summary: Summary


def finding_id(rule_id: str, claim_keys: list[str]) -> str:
    """Stable across runs and machines: the rule and the claims it covers, nothing else."""
    text = f"{rule_id}\n{claim_keys[0]}" if len(claim_keys) == 1 else "\n".join([rule_id, *sorted(claim_keys)])
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return f"{rule_id}-{digest[:10]}"


def unverified_finding(*, id: str, rule_id: str, rule_name: str, subject: str, subject_name: str, property: str,
                       claim: SourcedClaim, value: str, message: str, explanation: str) -> Finding:
    """The finding of a claim no other source speaks to: a `Finding` equal to the one its constructor
    makes, its fields stored one by one in its `__dict__` in the order of the fields, rather than one
    `object.__setattr__` each, as a frozen dataclass's `__init__` does (a large corpus makes a million
    of them). In that order the dict keeps sharing its keys with every other finding's: 0.8 µs and
    about 380 bytes a finding, where `__dict__.update` with a new dict took 1.5 µs and 620 bytes (it
    copies the given dict's own table of keys)."""
    finding = object.__new__(Finding)
    fields = finding.__dict__
    fields["id"] = id
    fields["rule_id"] = rule_id
    fields["rule_name"] = rule_name
    fields["severity"] = "note"
    fields["verdict"] = Verdict.unverified
    fields["subject"] = subject
    fields["subject_name"] = subject_name
    fields["property"] = property
    fields["claims"] = (claim,)
    fields["values"] = (value,)
    fields["pairs"] = ()
    fields["message"] = message
    fields["explanation"] = explanation
    fields["majority"] = ()
    fields["outliers"] = ()
    fields["event"] = None
    return finding

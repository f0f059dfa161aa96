"""One huge block cannot stall the gate (issue 9, item 7): a block over the limit is compared by one
claim per distinct value of each changed source, said in a located warning, or refused and failed;
never dropped in silence. Pairs compared are counted, not timed (benchmarks/gate_block.py times it)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from factcheck.gate import GateRequest, run_gate
from factcheck.gate.bound import MAX_BLOCK_PAIRS, bound_blocks
from factcheck.load import load_corpus
from factcheck.rules import load_rules
from tests.gate.repo import line_of, write_flood


def test_twenty_thousand_claims_of_one_fact_are_compared_by_representative(repo: Path) -> None:
    flood = write_flood(repo, 20_000, ["2019-12-31", "2020-01-15"])
    result = run_gate(GateRequest(paths=(flood.relative_to(repo),)))
    assert result.report.summary.pairs <= 20  # two distinct dates against the seeds' claims, not 40,000 pairs
    [block] = result.blocks
    assert (block.rule_id, block.block, block.claims, block.represented, block.refused) == \
        ("FC101", "gsomia · expires_on", 20_002, 19_998, False)
    assert (block.path, block.line) == ("claims/flood-wire.yaml", line_of(flood, "expiry-0"))
    assert block.pairs > MAX_BLOCK_PAIRS
    assert not result.passed and {f.rule_id for f in result.failing} == {"FC101"}  # the conflict is still found


def test_a_block_still_too_large_with_representatives_is_refused_and_fails(repo: Path) -> None:
    days = [str(dt.date(2019, 1, 1) + dt.timedelta(days=n)) for n in range(60)]
    write_flood(repo, 60, days)
    corpus = load_corpus([Path("claims")])
    rules = load_rules([Path("rules")])
    kept, [block] = bound_blocks(corpus, rules, {"flood-wire"}, limit=50)
    assert block.refused and block.represented == 0 and "it was not compared" in block.message
    assert not [c for c in kept.claims() if c.source_id == "flood-wire" and c.claim.property == "expires_on"]
    unchanged, bounds = bound_blocks(corpus, rules, {"flood-wire"}, limit=1_000)
    assert bounds == () and unchanged is corpus


def test_the_refusal_fails_the_gate_with_a_located_error(repo: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import factcheck.gate.bound as bound

    days = [str(dt.date(2019, 1, 1) + dt.timedelta(days=n)) for n in range(60)]
    flood = write_flood(repo, 60, days)
    monkeypatch.setattr(bound, "MAX_BLOCK_PAIRS", 50)
    monkeypatch.setattr(bound.bound_blocks, "__defaults__", (50,))
    from click.testing import CliRunner

    from factcheck.cli import cli

    result = CliRunner().invoke(cli, ["gate", "claims/flood-wire.yaml"])
    assert result.exit_code == 1, result.output
    assert f"claims/flood-wire.yaml:{line_of(flood, 'expiry-0')}: error: FC101 block gsomia · expires_on holds 62" \
        in result.output
    assert "1 block too large to compare" in result.output


def test_a_large_block_of_the_corpus_is_sized_by_the_pairs_with_a_changed_claim(repo: Path) -> None:
    """30 unchanged sources give one date of one fact (435 pairs among them, judged when they landed);
    one changed source adds one more: 30 pairs to compare, under a limit of 100. Not bounded, not refused."""
    from tests.gate.repo import date_claim, write_source

    text = "The intelligence pact will expire on Nov. 23, 2019.\n"
    for number in range(31):
        write_source(repo, f"archive-{number:02d}", text,
                     [date_claim("expiry", "2019-11-23", "The intelligence pact will expire on Nov. 23, 2019")])
    corpus = load_corpus([Path("claims")])
    rules = load_rules([Path("rules")])
    kept, bounds = bound_blocks(corpus, rules, {"archive-30"}, limit=100)
    assert bounds == () and kept is corpus
    _, [block] = bound_blocks(corpus, rules, None, limit=100)  # every source compared: every pair counts
    assert block.pairs > 435

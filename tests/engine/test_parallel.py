"""`--jobs`: shards of blocks compared in a pool of processes give the report a serial run gives, on
the seeds and on a generated corpus; a shard never splits what one finding needs."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from factcheck.engine import parallel, run_rules
from factcheck.engine.blocking import blocks_of, evidence_mentions, pairing_lists
from factcheck.engine.engine import compare_rules, rule_claims
from factcheck.engine.shards import shard_of, split_claims
from factcheck.load.corpus import load_corpus
from factcheck.rules import load_rules

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus_gen import generate  # noqa: E402
from tests.engine.test_blocking import findings_view  # noqa: E402


def project_claims(project: str, tmp_path: Path) -> Path:
    """The seeds' claims, a generated project's, or the same with every other claim unreviewed (an
    unreviewed statement joins the block of each entity its evidence names: blocks then share claims)."""
    if project == "seeds":
        return ROOT / "claims"
    claims_dir = generate(tmp_path, 30, 40, conflicts=6, seed=21).claims_dir
    if project == "unreviewed":
        for path in sorted(claims_dir.glob("*.yaml")):
            parts = path.read_text(encoding="utf-8").split("status: reviewed")
            path.write_text("".join(part + ("" if n == len(parts) - 1 else ("status: auto", "status: reviewed")[n % 2])
                                    for n, part in enumerate(parts)), encoding="utf-8")
    return claims_dir


@pytest.mark.parametrize("project", ["seeds", "generated", "unreviewed"])
def test_two_processes_give_the_serial_report(project: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 0)  # a small run would be compared in this process
    corpus, rules = load_corpus([project_claims(project, tmp_path)]), load_rules([ROOT / "rules"])
    merged: list[int] = []
    real_unpack = parallel.unpack

    def counted(parts, claims, blocks):  # type: ignore[no-untyped-def]
        parts = list(parts)
        merged.append(len(parts))
        return real_unpack(parts, claims, blocks)

    monkeypatch.setattr(parallel, "unpack", counted)
    done: list[tuple[int, int]] = []
    serial = run_rules(corpus, rules)
    pooled = run_rules(corpus, rules, executor=parallel.local_executor(2), progress=lambda d, t: done.append((d, t)))
    assert merged and merged[0] > 2  # the pool ran, and its shards came back
    assert findings_view(pooled) == findings_view(serial)
    assert [f.id for f in pooled.findings] == [f.id for f in serial.findings]
    assert pooled.summary == serial.summary
    assert any(f.verdict.value != "unverified" for f in serial.findings)
    assert done and done[-1][0] == done[-1][1] > 0  # every shard counted


@pytest.mark.parametrize("project", ["generated", "unreviewed"])
def test_shards_add_up_to_the_serial_comparison(project: str, tmp_path: Path) -> None:
    """Each rule's shard compared on its own (as a worker does), the shards' findings, pairs, blocks
    and set-aside pairs are the serial run's, each finding in exactly one shard."""
    corpus = load_corpus([project_claims(project, tmp_path)])
    rules = load_rules([ROOT / "rules"])
    serial = compare_rules(corpus, rules)
    splits = parallel.split_rules(corpus, rules, 7)
    parts = [parallel.unpack([parallel.compare_task(corpus, rules, None, splits, task)], corpus.claims(), 0)
             for task in parallel.tasks_of(splits)]
    assert sum(1 for part in parts if part.pairs) > 1  # the work was really spread
    assert sorted(f.id for part in parts for f in part.findings) == sorted(f.id for f in serial.findings)
    assert sum(p.pairs for p in parts) == serial.pairs
    assert sum(split.blocks for split in splits) == serial.blocks
    assert sum(p.set_aside for p in parts) == serial.set_aside
    assert set().union(*(p.linked for p in parts)) == serial.linked


def test_blocks_that_share_a_claim_stay_in_one_shard(tmp_path: Path) -> None:
    """Unreviewed statements stand in several blocks; every block lands whole in one shard, with every
    block it shares a claim with, in the claims' order, whatever the number of shards (the quote
    rule's one block: each run of words' and each speaker's quotes)."""
    corpus, rules = load_corpus([project_claims("unreviewed", tmp_path)]), load_rules([ROOT / "rules"])
    mentioned = evidence_mentions(corpus.entities)
    shared = 0
    for loaded, claims in zip(rules, rule_claims(corpus, rules)):
        blocks = list(blocks_of(loaded.rule, claims, mentioned).values())
        for count in (2, 3, 16):
            shards = split_claims(loaded.rule, claims, mentioned, count).shards
            where = {item.key: number for number, shard in enumerate(shards) for item in shard}
            assert sum(len(s) for s in shards) == len(where)  # no claim in two shards
            for number, shard in enumerate(shards):
                assert [c.key for c in shard] == [c.key for c in claims if where.get(c.key) == number]  # in order
            for block in blocks:  # a block is never split (the quote rule's: each list its pairs are drawn from)
                for drawn in pairing_lists(loaded.rule, block):
                    assert len({where[item.key] for item in drawn}) == 1
        seen: dict[str, int] = {}
        for block in blocks:
            for item in block:
                seen[item.key] = seen.get(item.key, 0) + 1
        shared += sum(1 for n in seen.values() if n > 1)
    assert shared > 10  # the case this test is about: claims in two blocks or more


def test_the_quote_rule_is_split_by_its_runs_of_words(tmp_path: Path) -> None:
    """The quote rule's one block is many tasks: its quotes joined through the runs of words and the
    speakers their pairs are drawn from, each task's pairs then drawn as in the whole block."""
    corpus, rules = load_corpus([project_claims("generated", tmp_path)]), load_rules([ROOT / "rules"])
    quotes = next(number for number, loaded in enumerate(rules) if loaded.rule.id == "FC201")
    splits = parallel.split_rules(corpus, rules, 8)
    assert splits[quotes].blocks == 1 and sum(1 for shard in splits[quotes].shards if shard) > 2
    serial = compare_rules(corpus, [rules[quotes]])
    parts = [compare_rules(corpus, [rules[quotes]], matched=[shard]) for shard in splits[quotes].shards if shard]
    assert serial.pairs > 20 and sum(p.pairs for p in parts) == serial.pairs
    assert sorted(f.id for p in parts for f in p.findings) == sorted(f.id for f in serial.findings)


def test_shard_numbers_are_stable() -> None:
    """The same in every process (Python's own `hash` of a string is not): recorded values."""
    assert [shard_of("FC101", f"s{n}/c1", 8) for n in range(6)] == RECORDED_SHARDS


RECORDED_SHARDS = [7, 4, 4, 4, 2, 4]


def test_a_small_run_stays_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "split_rules", lambda *args: pytest.fail("split 100 claims"))
    corpus = load_corpus([ROOT / "claims"])
    report = run_rules(corpus, load_rules([ROOT / "rules"]), executor=parallel.ProcessPool(2))
    assert len(corpus.claims()) < parallel.PARALLEL_FROM and report.summary.pairs > 0


def test_one_job_is_this_process() -> None:
    assert parallel.local_executor(1) is None


def test_report_with_jobs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from factcheck.cli import cli

    generate(tmp_path, 20, 30, conflicts=4, seed=8)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 0)
    args = ["report", "--claims", "claims", "--format", "json", "--exit-zero", "-q", "--no-cache"]
    one, two = (CliRunner().invoke(cli, [*args, "--jobs", jobs]) for jobs in ("1", "2"))
    assert one.exit_code == two.exit_code == 0, one.output
    assert one.stdout == two.stdout and json.loads(one.stdout)["summary"]["verdicts"]["conflict"] > 0

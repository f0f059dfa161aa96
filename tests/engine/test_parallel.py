"""`--jobs`: pairs judged in a pool of processes give the report a serial run gives, on the seeds and
on a generated corpus."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from factcheck.engine import parallel, run_rules
from factcheck.load.corpus import load_corpus
from factcheck.rules import load_rules

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus_gen import generate  # noqa: E402
from tests.engine.test_blocking import findings_view  # noqa: E402


@pytest.mark.parametrize("project", ["seeds", "generated"])
def test_two_processes_give_the_serial_report(project: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 0)  # a small run would be judged in this process
    claims_dir = ROOT / "claims" if project == "seeds" else generate(tmp_path, 30, 40, conflicts=6, seed=21).claims_dir
    corpus, rules = load_corpus([claims_dir]), load_rules([ROOT / "rules"])
    forks: list[int] = []
    real_pool = parallel._in_processes

    def counted(*args):  # type: ignore[no-untyped-def]
        forks.append(1)
        yield from real_pool(*args)

    monkeypatch.setattr(parallel, "_in_processes", counted)
    done: list[tuple[int, int]] = []
    serial = run_rules(corpus, rules, jobs=1)
    pooled = run_rules(corpus, rules, jobs=2, progress=lambda d, t: done.append((d, t)))
    assert forks == [1]  # the second run did use the pool
    assert findings_view(pooled) == findings_view(serial)
    assert pooled.summary == serial.summary
    assert done and done[-1][0] == done[-1][1] == serial.summary.pairs


def test_a_small_run_stays_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "_in_processes", lambda *args: pytest.fail("forked for 22 pairs"))
    report = run_rules(load_corpus([ROOT / "claims"]), load_rules([ROOT / "rules"]), jobs=2)
    assert report.summary.pairs < parallel.PARALLEL_FROM


def test_report_with_jobs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from factcheck.cli import cli

    generate(tmp_path, 20, 30, conflicts=4, seed=8)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 0)
    args = ["report", "--claims", "claims", "--format", "json", "--exit-zero", "-q", "--no-cache"]
    one, two = (CliRunner().invoke(cli, [*args, "--jobs", jobs]) for jobs in ("1", "2"))
    assert one.exit_code == two.exit_code == 0, one.output
    assert one.stdout == two.stdout and '"verdict": "conflict"' in one.stdout

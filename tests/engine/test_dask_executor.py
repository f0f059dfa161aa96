"""`--executor dask`: shards loaded and compared by the workers of a dask.distributed LocalCluster give
the serial report, on the seeds and on a generated corpus; an unreachable scheduler, a worker that
reads other files or none at all, each say so plainly (exit 2 from the CLI)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed", reason="the [dask] extra (dask, distributed) is not installed")

from factcheck.engine import dask_executor, run_rules  # noqa: E402
from factcheck.engine.dask_executor import DaskExecutor, ProjectSpec, WorkerError, compare_shard  # noqa: E402
from factcheck.load.corpus import load_corpus  # noqa: E402
from factcheck.rules import load_rules  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus_gen import generate  # noqa: E402
from tests.engine.test_blocking import findings_view  # noqa: E402
from tests.engine.test_parallel import project_claims  # noqa: E402


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """One LocalCluster of two worker processes for the module (each start costs seconds)."""
    import logging

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=logging.ERROR) as cluster:
        yield cluster.scheduler_address


@pytest.mark.parametrize("project", ["seeds", "generated", "unreviewed"])
def test_dask_gives_the_serial_report(project: str, scheduler: str, tmp_path: Path) -> None:
    claims_dir = project_claims(project, tmp_path)
    corpus, rules = load_corpus([claims_dir]), load_rules([ROOT / "rules"])
    done: list[tuple[int, int]] = []
    serial = run_rules(corpus, rules)
    spread = run_rules(corpus, rules, executor=DaskExecutor(ProjectSpec.of([claims_dir], None, cache=False, reviewed=False),
                                                           scheduler), progress=lambda d, t: done.append((d, t)))
    assert findings_view(spread) == findings_view(serial)
    assert [f.id for f in spread.findings] == [f.id for f in serial.findings]
    assert spread.summary == serial.summary and serial.summary.pairs > 0
    assert any(f.verdict.value != "unverified" for f in serial.findings)
    assert done and done[-1][0] == done[-1][1] > 0


def test_report_executor_dask(scheduler: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The command, through a scheduler's address, and on a LocalCluster of its own (no address)."""
    from click.testing import CliRunner

    from factcheck.cli import cli

    generate(tmp_path, 20, 30, conflicts=4, seed=8)
    monkeypatch.chdir(tmp_path)
    args = ["report", "--claims", "claims", "--format", "json", "--exit-zero", "-q", "--no-cache"]
    local = CliRunner().invoke(cli, args)
    dask = CliRunner().invoke(cli, [*args, "--executor", "dask", "--scheduler", scheduler])
    own = CliRunner().invoke(cli, [*args, "--executor", "dask", "--jobs", "2"])
    assert local.exit_code == dask.exit_code == own.exit_code == 0, dask.output + own.output
    assert local.stdout == dask.stdout == own.stdout and json.loads(local.stdout)["summary"]["verdicts"]["conflict"] > 0


def test_an_unreachable_scheduler_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from factcheck.cli import cli

    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(dask_executor, "CONNECT_TIMEOUT", 1.0)
    result = CliRunner().invoke(cli, ["report", "-q", "--no-cache", "--executor", "dask", "--scheduler", "tcp://127.0.0.1:9"])
    # --no-cache: a report kept by an earlier run in the tree would be served without any scheduler
    assert result.exit_code == 2
    assert result.stderr.startswith("error: could not reach the Dask scheduler at tcp://127.0.0.1:9: ")
    assert "Traceback" not in result.output


def test_scheduler_needs_dask(monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from factcheck.cli import cli

    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, ["report", "-q", "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2 and result.stderr == "error: --scheduler needs --executor dask\n"


def test_a_worker_that_reads_other_files_refuses(tmp_path: Path) -> None:
    """What a worker does, run here: the project changed (or is another one) where it looked."""
    claims_dir = generate(tmp_path, 4, 10, conflicts=1, seed=3).claims_dir
    spec = ProjectSpec.of([claims_dir], None, cache=False, reviewed=False)
    digest = spec.digest()
    rule = load_rules([ROOT / "rules"])[0]
    keys = [item.key for item in load_corpus([claims_dir]).claims() if item.claim.kind == "date"]
    packed = compare_shard(spec, digest, "run-1", rule, None, keys)
    assert packed.compared.pairs > 0 and packed.claim_keys
    first = sorted(claims_dir.glob("*.yaml"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    with pytest.raises(WorkerError, match=f"read other files at {claims_dir}"):
        compare_shard(spec, digest, "run-2", rule, None, keys)


def test_a_worker_that_cannot_load_names_the_path(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    spec = ProjectSpec.of([missing], None, cache=False, reviewed=False)
    with pytest.raises(WorkerError, match=f"could not load the project at {missing}: .*no such file"):
        compare_shard(spec, spec.digest(), "run-3", load_rules([ROOT / "rules"])[0], None, [])


def test_reviewed_only_on_the_workers(scheduler: str, tmp_path: Path) -> None:
    """--reviewed-only: the workers drop the unreviewed claims the parent dropped."""
    from factcheck.load.reviewed import reviewed_only

    claims_dir = project_claims("unreviewed", tmp_path)
    whole = load_corpus([claims_dir])
    corpus, rules = reviewed_only(whole), load_rules([ROOT / "rules"])
    assert len(corpus.claims()) < len(whole.claims())
    spec = ProjectSpec.of([claims_dir], None, cache=False, reviewed=True)
    spread = run_rules(corpus, rules, executor=DaskExecutor(spec, scheduler))
    assert findings_view(spread) == findings_view(run_rules(corpus, rules))
    assert spread.summary == run_rules(corpus, rules).summary


def test_executor_dask_without_dask(monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from factcheck.cli import cli

    monkeypatch.chdir(ROOT)
    monkeypatch.setitem(sys.modules, "distributed", None)  # `import distributed` raises ImportError
    result = CliRunner().invoke(cli, ["report", "-q", "--executor", "dask"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: --executor dask needs dask and distributed (")
    assert result.stderr.endswith("pip install 'factcheck-consistency[dask]'\n")

"""A cold load parsed in worker processes (`parse_pool`) gives what a load in one process gives: the
same claims, lines, texts and problems in the same order, with and without the cache; a worker that
dies, or a process that may not fork, leaves the load to this process."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from factcheck.load import parse_pool
from factcheck.load.corpus import Corpus, load_corpus
from factcheck.load.parse_pool import CHUNK, FileParser, parse_job
from factcheck.load.problems import ProblemsError

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus_gen import generate  # noqa: E402

SOURCES = 70  # over MIN_FILES (made 64 here: the pool is used)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FACTCHECK_ROOT", str(tmp_path / "project"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    monkeypatch.setattr(parse_pool, "MIN_FILES", 64)
    return generate(tmp_path / "project", SOURCES, 6, seed=3).claims_dir


def outcome(claims_dir: Path, jobs: int, monkeypatch: pytest.MonkeyPatch, *, cache: bool = False,
            forks: bool | None = None) -> Any:
    """What load_corpus gives with `jobs` load workers: every document as plain values, or the problems.
    With more than one job the workers must have started (else the comparison proves nothing), unless
    `forks` says otherwise."""
    monkeypatch.setenv(parse_pool.JOBS_VARIABLE, str(jobs))
    started: list[int] = []
    real = FileParser._start

    def start(parser: FileParser) -> None:
        real(parser)
        started.append(len(parser.workers))

    with monkeypatch.context() as patched:
        patched.setattr(FileParser, "_start", start)
        try:
            corpus = load_corpus([claims_dir], cache=cache)
        except ProblemsError as error:
            return [str(p) for p in error.problems]
        finally:
            assert started == ([jobs] if (jobs > 1 if forks is None else forks) else []), started
    return view(corpus)


def view(corpus: Corpus) -> list[tuple]:
    return [(d.path, d.claims_file, d.text, d.claim_lines) for d in corpus.documents]


def spoil(claims_dir: Path) -> None:
    """Problems of every kind in a few files, and files the fast path declines, spread over the chunks."""
    edits = {
        3: ("kind: date", "kind: dates"),  # a schema problem
        11: ("status: reviewed", "status: yes"),  # a YAML 1.1 trap
        20: ("start: 0", "start: 3"),  # evidence off its offsets
        33: ("claims:", "claims: &a"),  # an anchor: the fast path declines, read_yaml reports
        47: ("publisher:", "publisher: !!str"),  # a tag: declined, and valid
        60: ("id: c1\n", "id: c0\n"),  # a claim id twice
    }
    for number, (old, new) in edits.items():
        path = claims_dir / f"s{number:06d}.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    (claims_dir / "s000065.yaml").write_bytes(b"source:\n  id: \xff\n")  # not UTF-8
    (claims_dir / "s000066.yaml").unlink()
    (claims_dir / "s000066.yaml").symlink_to("/etc/hostname")  # outside the root: refused


def test_the_pool_gives_the_same_corpus(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    serial = outcome(project, 1, monkeypatch)
    pooled = outcome(project, 2, monkeypatch)
    assert isinstance(serial, list) and len(serial) == SOURCES
    assert pooled == serial
    assert [line for *_, lines in pooled for line in lines.values()] == \
        [line for *_, lines in serial for line in lines.values()]


def test_the_pool_gives_the_same_problems(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spoil(project)
    serial = outcome(project, 1, monkeypatch)
    pooled = outcome(project, 2, monkeypatch)
    assert pooled == serial
    for needle in ("s000003.yaml", "s000011.yaml", "s000020.yaml", "s000033.yaml", "s000060.yaml",
                   "s000065.yaml", "s000066.yaml"):
        assert any(needle in problem for problem in serial), needle
    assert not any("s000047.yaml" in problem for problem in serial)


def test_the_pool_with_the_cache(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    serial = outcome(project, 1, monkeypatch)
    cold = outcome(project, 2, monkeypatch, cache=True)  # fills the cache from the workers' reading
    warm = outcome(project, 1, monkeypatch, cache=True)
    assert cold == warm == serial
    # A few files changed after the cache was filled: misses, read here (too few to fork for); many: the pool.
    changed = project / "s000030.yaml"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Report 30", "Report thirty"), encoding="utf-8")
    again = outcome(project, 2, monkeypatch, cache=True, forks=False)
    assert again[30][1].source.title == "Report thirty"
    assert again == outcome(project, 1, monkeypatch)
    for path in sorted(project.glob("s*.yaml"))[:parse_pool.START_AFTER + 1]:
        path.write_text(path.read_text(encoding="utf-8").replace("Report", "Story"), encoding="utf-8")
    many = outcome(project, 2, monkeypatch, cache=True)
    assert many[0][1].source.title.startswith("Story") and many == outcome(project, 1, monkeypatch)


def parse_all(project: Path, *, before_results: Any = None) -> tuple[list[Any], list[int]]:
    """Every claims file of `project` through a FileParser of two workers, as (sha, data, places); and
    who took each batch sent to a worker (`before_results(parser)` runs once all are submitted)."""
    jobs = [(path, None, None) for path in sorted(project.glob("s*.yaml"))]
    parser = FileParser(2, expected=len(jobs), sha=True)
    try:
        got = []
        for start in range(0, len(jobs), CHUNK):
            parser.submit(jobs[start:start + CHUNK])
        assert len(parser.workers) == 2  # started once the first files were parsed here
        if before_results is not None:
            before_results(parser)
        while parser.pending:
            got.extend(parser.results())
        takers = list(parser.taken[:parser.started])
    finally:
        parser.close()
    here = [parse_job(job, True) for job in jobs]
    assert [(p.sha256, p.document.data, p.document.locations, p.document.claim_lines) for p in got] == \
        [(p.sha256, p.document.data, p.document.locations, p.document.claim_lines) for p in here]
    return got, takers


def test_batches_the_workers_took(project: Path) -> None:
    def until_all_taken(parser: FileParser) -> None:
        for _ in range(6000):  # the workers take each batch as it comes; wait for them (not a timing test)
            if parse_pool.PENDING not in parser.taken[:parser.started]:
                return
            time.sleep(0.01)

    _, takers = parse_all(project, before_results=until_all_taken)
    assert takers and set(takers) == {parse_pool.WORKER}


def _lazy_serve(tasks: Any, rows_up: Any, taken: Any, lock: Any, sha: bool) -> None:
    """A worker that is never given a processor in time: it answers each batch once the parent took it."""
    while (message := tasks.recv()) is not None:
        while taken[message[0]] == parse_pool.PENDING:
            time.sleep(0.001)
        rows_up.send(())


def test_batches_this_process_took_first(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parse_pool, "_serve", _lazy_serve)
    _, takers = parse_all(project)
    assert takers and set(takers) == {parse_pool.PARENT}


def test_a_worker_that_dies_leaves_its_files_to_this_process(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    serial = outcome(project, 1, monkeypatch)
    parent = os.getpid()
    real = parse_pool._parse_row

    def dies_on_one_file(path: Path, *args: Any) -> Any:
        if os.getpid() != parent and path.name == "s000040.yaml":
            os._exit(3)  # a worker killed mid-load (out of memory, a signal)
        return real(path, *args)

    monkeypatch.setattr(parse_pool, "_parse_row", dies_on_one_file)
    assert outcome(project, 2, monkeypatch) == serial


def test_no_pool_where_it_cannot_or_need_not_fork(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert not FileParser(2, expected=parse_pool.MIN_FILES - 1, sha=False).use_pool  # a small load
    assert not FileParser(1, expected=10_000, sha=False).use_pool  # FACTCHECK_LOAD_JOBS=1
    monkeypatch.setattr(parse_pool.multiprocessing.current_process(), "_config",
                        {**parse_pool.multiprocessing.current_process()._config, "daemon": True})
    assert not parse_pool.can_fork()  # a daemonic process (a Dask worker) may have no children
    assert not FileParser(2, expected=10_000, sha=False).use_pool
    monkeypatch.undo()
    assert parse_pool.can_fork()


def test_load_jobs_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(parse_pool.JOBS_VARIABLE, raising=False)
    assert parse_pool.load_jobs() == 1  # no pool unless asked for
    monkeypatch.setenv(parse_pool.JOBS_VARIABLE, "3")
    assert parse_pool.load_jobs() == 3
    monkeypatch.setenv(parse_pool.JOBS_VARIABLE, "0")
    assert parse_pool.load_jobs() == len(os.sched_getaffinity(0))
    monkeypatch.setenv(parse_pool.JOBS_VARIABLE, "many")
    assert parse_pool.load_jobs() == 1

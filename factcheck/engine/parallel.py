"""`--jobs N`: shards of blocks compared in a pool of processes, with the findings of a serial run.

The unit of work is one rule's shard of blocks (`shards.py`). A worker blocks the shard's claims,
judges the pairs (the same-fact test and the comparator) and groups them into findings, and sends back
only those findings, without their claims (`shards.pack`); the parent merges the shards, adds the
unverified claims and sorts, as a serial run does. Workers are forked after the corpus is loaded and
split, so each reads its shard's claims from its own copy of the parent's memory: a task is a rule's
number and a shard's, never pickled claims. `executor_for` picks the executor `--executor` names (this
pool, or `dask_executor.py`'s cluster).

Where processes cannot be forked (not Linux or macOS), or a run is small (fewer than `PARALLEL_FROM`
claims, where starting the pool costs more than it saves), everything is compared in this process.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from pathlib import Path
from typing import Any

from factcheck.engine.blocking import evidence_mentions
from factcheck.engine.engine import Compared, Executor, Progress, compare_rules, rule_claims
from factcheck.engine.shards import Packed, Split, pack, split_claims, unpack
from factcheck.load.corpus import Corpus
from factcheck.load.fast import paused_gc
from factcheck.model.sourced import SourcedClaim
from factcheck.rules.load import LoadedRule

PARALLEL_FROM = 20_000  # claims
EXECUTORS = ("local", "dask")  # `--executor`
SHARDS_PER_JOB = 4  # more shards than processes, so a process that finishes early takes another
_SHARED: tuple[Any, ...] | None = None  # what workers read, set in the parent before the fork


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def local_executor(jobs: int) -> Executor | None:
    """What compares a run on this machine: a pool of `jobs` processes, or None (this process) for
    one job or where processes cannot be forked."""
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return None
    return ProcessPool(jobs)


Task = tuple[int, int]  # (rule number, shard number)


def split_rules(corpus: Corpus, rules: list[LoadedRule], count: int) -> list[Split]:
    """For each rule, its claims in each of `count` shards. A task is one rule's shard, so a rule
    with few blocks is a few tasks among many, started first, and not shards that also carry an
    eighth of every other rule."""
    mentioned = evidence_mentions(corpus.entities)
    with paused_gc():  # many small objects, none of them garbage
        return [split_claims(loaded.rule, claims, mentioned, count)
                for loaded, claims in zip(rules, rule_claims(corpus, rules))]


def tasks_of(splits: list[Split]) -> list[Task]:
    """Every rule's non-empty shards, the largest first (the longest tasks start first)."""
    tasks = [(rule, number) for rule, split in enumerate(splits) for number, claims in enumerate(split.shards) if claims]
    return sorted(tasks, key=lambda task: (-len(shard_claims(splits, task)), task))


def shard_claims(splits: list[Split], task: Task) -> list[SourcedClaim]:
    rule, number = task
    return splits[rule].shards[number]


def compare_task(corpus: Corpus, rules: list[LoadedRule], focus: set[str] | None, splits: list[Split],
                 task: Task) -> Packed:
    """One rule's shard, compared and packed: what a worker does."""
    with paused_gc():  # as in a serial run: the collector would walk every claim again and again
        return pack(compare_rules(corpus, [rules[task[0]]], focus, matched=[shard_claims(splits, task)]))


def report_progress(progress: Progress | None, done: int, size: int, total: int) -> int:
    """Count a finished shard's claims one by one, as a serial run counts its pairs; the new count."""
    if progress is not None:
        for counted in range(done + 1, done + size + 1):
            progress(counted, total)
    return done + size


class ProcessPool:
    """Compare shards of blocks in `jobs` forked processes (an `Executor` for `run_rules`)."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs

    def __call__(self, corpus: Corpus, rules: list[LoadedRule], focus: set[str] | None,
                 progress: Progress | None) -> Compared:
        global _SHARED
        if len(corpus.claims()) < PARALLEL_FROM:
            return compare_rules(corpus, rules, focus, progress)
        splits = split_rules(corpus, rules, self.jobs * SHARDS_PER_JOB)
        tasks = tasks_of(splits)
        total, done = sum(len(shard_claims(splits, task)) for task in tasks), 0
        parts: dict[Task, Packed] = {}
        _SHARED = (corpus, rules, focus, splits)
        gc.freeze()  # the parent's objects stay out of the workers' collections: fewer pages copied
        try:
            with multiprocessing.get_context("fork").Pool(self.jobs) as pool:
                for task, packed in pool.imap_unordered(_compare_task, tasks):
                    parts[task] = packed
                    done = report_progress(progress, done, len(shard_claims(splits, task)), total)
        finally:
            _SHARED = None
            gc.unfreeze()
        return unpack((parts[task] for task in sorted(parts)), corpus.claims(), sum(s.blocks for s in splits))


def _compare_task(task: Task) -> tuple[Task, Packed]:
    """In a worker: one rule's shard, read from the forked memory."""
    assert _SHARED is not None
    return task, compare_task(*_SHARED, task)


class ExecutorError(Exception):
    """The chosen executor could not run: its extra is missing, an option is wrong, the cluster is out
    of reach or its workers could not read the project. The message names what, for one line, exit 2."""


def executor_for(name: str, jobs: int, *, scheduler: str | None = None, claims: list[Path] | None = None,
                 entities: Path | None = None, cache: bool = False, reviewed: bool = False) -> Executor | None:
    """The executor `--executor NAME` asks for: `local` (`--jobs` processes, `local_executor`) or `dask`
    (a dask.distributed cluster at `scheduler`, else a LocalCluster of `jobs` workers, which load the
    project at `claims` themselves: `dask_executor.py`)."""
    if name == "local":
        if scheduler is not None:
            raise ExecutorError("--scheduler needs --executor dask")
        return local_executor(jobs)
    try:
        import distributed  # noqa: F401

        from factcheck.engine.dask_executor import DaskExecutor, ProjectSpec
    except ImportError as error:
        raise ExecutorError(f"--executor dask needs dask and distributed ({error}): "
                            "pip install 'factcheck-consistency[dask]'") from None
    # A LocalCluster's workers share this machine's cache and its key; a remote one's may not (docs/parallel.md).
    project = ProjectSpec.of(claims or [], entities, cache=cache and scheduler is None, reviewed=reviewed)
    return DaskExecutor(project, scheduler, jobs)

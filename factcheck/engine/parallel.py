"""Judging candidate pairs in a pool of processes (`--jobs N`), with the findings of a serial run.

The engine's expensive step is the per-pair work: the same-fact test and the comparator. Each pair
is independent, so it runs in worker processes, and the engine then assembles the results in the
pairs' own order, exactly as a serial run would (grouping, best matches and findings are unchanged).
Workers are forked after the corpus is loaded, so each reads the claims from its own copy of the
parent's memory: a task is a rule's number and a run of pair numbers, never pickled claims; only
the judgements come back. Where processes cannot be forked (not Linux or macOS), or a run is small
(fewer than `PARALLEL_FROM` pairs, where starting the pool costs more than it saves), pairs are
judged in this process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any

PARALLEL_FROM = 20_000  # pairs
_SHARED: tuple[Any, ...] | None = None  # what workers read, set in the parent before the fork

Judge = Callable[[Any, Any, Any], Any]  # (rule, first claim, second claim) -> judgement
Progress = Callable[[int, int], None]


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def judge_all(work: Sequence[tuple[Any, Sequence[tuple[Any, Any]]]], judge: Judge, jobs: int,
              progress: Progress | None = None) -> Iterator[list[Any]]:
    """For each (rule, pairs) of `work`, in order, the judgement of each pair, in order."""
    total = sum(len(pairs) for _, pairs in work)
    if jobs <= 1 or total < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        yield from _serial(work, judge, total, progress)
        return
    yield from _in_processes(work, judge, jobs, total, progress)


def _serial(work: Sequence[tuple[Any, Sequence[tuple[Any, Any]]]], judge: Judge, total: int,
            progress: Progress | None) -> Iterator[list[Any]]:
    done = 0
    for rule, pairs in work:
        judged = []
        for first, second in pairs:
            done += 1
            if progress is not None:
                progress(done, total)
            judged.append(judge(rule, first, second))
        yield judged


def _in_processes(work: Sequence[tuple[Any, Sequence[tuple[Any, Any]]]], judge: Judge, jobs: int, total: int,
                  progress: Progress | None) -> Iterator[list[Any]]:
    global _SHARED
    size = max(500, total // (jobs * 16))
    tasks = [(number, start, min(start + size, len(pairs)))
             for number, (_, pairs) in enumerate(work) for start in range(0, len(pairs), size)]
    _SHARED = (work, judge)
    results: list[list[Any]] = [[] for _ in work]
    done = 0
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            for (number, start, end), judged in zip(tasks, pool.imap(_judge_run, tasks)):
                results[number].extend(judged)
                if progress is not None:
                    for counted in range(done + 1, end - start + done + 1):
                        progress(counted, total)  # pair by pair, as a serial run calls it
                done += end - start
    finally:
        _SHARED = None
    yield from results


def _judge_run(task: tuple[int, int, int]) -> list[Any]:
    """In a worker: judge pairs start..end of rule number `number`, read from the forked memory."""
    assert _SHARED is not None
    work, judge = _SHARED
    number, start, end = task
    rule, pairs = work[number]
    return [judge(rule, first, second) for first, second in pairs[start:end]]

"""`--executor dask [--scheduler ADDRESS]`: shards of blocks loaded and compared on a dask.distributed
cluster, with the findings of a serial run (docs/parallel.md).

The parent splits each rule's blocks into shards (`shards.py`); a task is one rule's shard, sent as
its claims' keys. A worker loads the project itself, from the claims files at the paths the run was
started with (so the project must be at the same absolute path on every worker: a shared file system,
or the same checkout in the same place), checks that it read the same files and runs the same
factcheck version as the parent (a digest), takes its shard's claims by key and compares them; it sends
back only the findings, without their claims (`shards.pack`). A worker process keeps the project it
loaded for the run's other tasks, so each worker loads it once. No claim travels over the network:
only rules, keys, the project's paths and findings. Without an address, a `LocalCluster` of `jobs`
worker processes on this machine.

Needs the `[dask]` extra (dask and distributed), on the workers too"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import factcheck
from factcheck.engine.engine import Compared, Progress, compare_rules
from factcheck.engine.parallel import (
    SHARDS_PER_JOB,
    ExecutorError,
    Task,
    report_progress,
    shard_claims,
    split_rules,
    tasks_of,
)
from factcheck.engine.shards import Packed, pack, unpack
from factcheck.load.corpus import ENTITIES_FILE, VOCABULARY_FILE, Corpus, claims_files_in, load_corpus, project_file
from factcheck.load.paths import ROOT_VARIABLE, project_root
from factcheck.load.fast import paused_gc
from factcheck.load.problems import ProblemsError
from factcheck.load.reviewed import reviewed_only
from factcheck.model.sourced import SourcedClaim
from factcheck.rules.load import LoadedRule

CONNECT_TIMEOUT = 10.0  # seconds to reach a scheduler, and for a first worker to join it
PROBLEMS_SHOWN = 5  # of a worker's load problems, in the error
_LOADED: dict[str, tuple[Corpus, dict[str, SourcedClaim]]] = {}  # in a worker: run token -> project, claims by key
_LOADING = threading.Lock()


class WorkerError(Exception):
    """Raised in a worker, re-raised in the parent by dask: a plain message, so it pickles."""


@dataclass(frozen=True)
class ProjectSpec:
    """What a worker needs to load the project itself: absolute paths, the project's root (which
    confines what is read, `load/paths.py`) and the load options."""

    claims: tuple[str, ...]
    root: str
    entities: str | None = None
    cache: bool = False
    reviewed: bool = False

    @classmethod
    def of(cls, claims: list[Path], entities: Path | None, *, cache: bool, reviewed: bool) -> ProjectSpec:
        return cls(tuple(str(p.resolve()) for p in claims), str(project_root()),
                   str(entities.resolve()) if entities else None, cache, reviewed)

    @property
    def paths(self) -> list[Path]:
        return [Path(p) for p in self.claims]

    def digest(self) -> str:
        """Of every file the load reads claims from, and factcheck's version: equal digests, equal corpora
        (the code itself is not compared: a worker must run the same factcheck, docs/parallel.md)."""
        paths = self.paths
        files = [*claims_files_in(paths), Path(self.entities) if self.entities else project_file(paths, ENTITIES_FILE),
                 project_file(paths, VOCABULARY_FILE)]
        digest = hashlib.sha256(f"factcheck {factcheck.__version__}\0{self.reviewed}\0".encode())
        for path in files:
            digest.update(f"{path}\0".encode())
            if path is not None and path.is_file():
                digest.update(hashlib.sha256(path.read_bytes()).digest())
        return digest.hexdigest()


class DaskExecutor:
    """Compare shards of blocks on a dask.distributed cluster (an `Executor` for `run_rules`)."""

    def __init__(self, project: ProjectSpec, scheduler: str | None = None, workers: int = 2) -> None:
        self.project, self.scheduler, self.workers = project, scheduler, workers

    def __call__(self, corpus: Corpus, rules: list[LoadedRule], focus: set[str] | None,
                 progress: Progress | None) -> Compared:
        from distributed import as_completed

        client, cluster = self._connect()
        try:
            splits = split_rules(corpus, rules, max(1, len(client.scheduler_info()["workers"])) * SHARDS_PER_JOB)
            token, digest = uuid.uuid4().hex, self.project.digest()
            futures = {client.submit(compare_shard, self.project, digest, token, rules[task[0]], focus,
                                     [item.key for item in shard_claims(splits, task)], pure=False): task
                       for task in tasks_of(splits)}  # the largest first
            total, done = sum(len(claims) for split in splits for claims in split.shards), 0
            parts: dict[Task, Packed] = {}
            for future in as_completed(futures):
                task = futures[future]
                parts[task] = future.result()
                done = report_progress(progress, done, len(shard_claims(splits, task)), total)
        except WorkerError as error:
            raise ExecutorError(str(error)) from None
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
        return unpack((parts[task] for task in sorted(parts)), corpus.claims(), sum(s.blocks for s in splits))

    def _connect(self) -> tuple[Any, Any]:
        """A client of the scheduler at the address, or of a new LocalCluster; ExecutorError if none."""
        from distributed import Client, LocalCluster

        if self.scheduler is None:
            cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                   dashboard_address=":0", silence_logs=logging.ERROR)
            return Client(cluster), cluster
        try:
            client = Client(self.scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError, ValueError, TypeError) as error:
            raise ExecutorError(f"could not reach the Dask scheduler at {self.scheduler}: {error}") from None
        try:
            client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as error:
            client.close()
            raise ExecutorError(f"no Dask worker joined the scheduler at {self.scheduler} within "
                                f"{CONNECT_TIMEOUT:g} s: {error}") from None
        return client, None


def compare_shard(project: ProjectSpec, digest: str, token: str, rule: LoadedRule, focus: set[str] | None,
                  keys: list[str]) -> Packed:
    """In a worker: one rule's shard (its claims' keys, in order), compared from the project this worker
    loaded itself; its findings, packed."""
    corpus, by_key = _loaded(project, digest, token)
    with paused_gc():  # as in a serial run: the collector would walk every claim again and again
        return pack(compare_rules(corpus, [rule], focus, matched=[[by_key[key] for key in keys]]))


def _loaded(project: ProjectSpec, digest: str, token: str) -> tuple[Corpus, dict[str, SourcedClaim]]:
    """The run's project in this worker, and its claims by key: loaded once per run (the last run's
    are dropped)."""
    with _LOADING:
        if token not in _LOADED:
            _LOADED.clear()
            corpus = _load(project, digest)
            _LOADED[token] = corpus, {item.key: item for item in corpus.claims()}
        return _LOADED[token]


def _load(project: ProjectSpec, digest: str) -> Corpus:
    where = ", ".join(project.claims)
    with _project_root(project.root):
        if project.digest() != digest:
            raise WorkerError(f"a Dask worker read other files at {where} than this run did, or runs another "
                              "factcheck: every worker must see the project at the same path, unchanged, and "
                              "run the same factcheck (docs/parallel.md)")
        try:
            corpus = load_corpus(project.paths, entities_path=Path(project.entities) if project.entities else None,
                                 cache=project.cache)
        except ProblemsError as error:
            shown = "; ".join(str(p) for p in error.problems[:PROBLEMS_SHOWN])
            raise WorkerError(f"a Dask worker could not load the project at {where}: {shown}") from None
    return reviewed_only(corpus) if project.reviewed else corpus


@contextmanager
def _project_root(root: str) -> Iterator[None]:
    """The parent's project root while a worker (whose working directory is its own) loads."""
    before = os.environ.get(ROOT_VARIABLE)
    os.environ[ROOT_VARIABLE] = root
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(ROOT_VARIABLE, None)
        else:
            os.environ[ROOT_VARIABLE] = before

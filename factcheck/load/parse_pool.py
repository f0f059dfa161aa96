"""The cold load on several cores, when asked: claims files parsed by the fast path in forked workers.

Parsing a claims file (reading it through the path policy, the fast path's safety checks, yaml-rs, the
claim lines) is more than half of a cold load and needs nothing but the file. Validating it builds the
models the loaded corpus keeps, and a pickled model costs more to unpickle than to validate again. So
workers parse and the parent validates, a chunk of files at a time and in the files' order, while the
workers parse the chunks after it. What a worker sends back is the fast path's plain data (its mapping
keys interned, so the pickle names each key once: a third of the bytes, half the unpickling) and each
claim's line; a file the fast path declines comes back as None and the parent reads it as it always
did (`read_yaml`, which reports every problem with its place), so the outcome never depends on the pool.

A worker is forked after the entity file and the vocabulary are read, reads the claims files itself (a
task is a few paths: never a claim or a file's bytes) through the same path policy (`read_project_file`
with the root the parent found), and asks nothing of the parent. The pool is asked for with
`FACTCHECK_LOAD_JOBS=N` (0: one worker per core); by default, and for a load of fewer than `MIN_FILES`
files to parse or in a process that may not fork (a daemonic worker, no `fork` on the platform), files
are parsed in this process. A worker that dies or a pipe that breaks stops the pool;
what it had not sent back is parsed here (tests/load/test_parse_pool.py). Figures: docs/performance.md.
"""

from __future__ import annotations

import fcntl
import hashlib
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from factcheck.load.document import YamlDocument, max_yaml_bytes
from factcheck.load.fast import parse_fast
from factcheck.load.paths import PathRefused, read_project_file

JOBS_VARIABLE = "FACTCHECK_LOAD_JOBS"  # worker processes of a cold load: 1 (none, the default), N, 0 (every core)
# Files a task: the parent validates a task's files right after unpickling them, while they are in the
# processor's caches; at 100k claims, 2 files a task took 2.45 s of CPU in all, 8 files 2.7-2.9 s.
CHUNK = 2
AHEAD = 32  # tasks queued a worker (64 files): a task is a few hundred bytes, so the queue never fills a pipe
PIPE_BYTES = 1 << 20  # a worker's rows pipe (`_widen`): about 25 tasks' rows
PENDING, WORKER, PARENT = 0, 1, 2  # who took a batch (`FileParser._take`)
LOCK_SECONDS = 10  # a worker holds the lock for a few instructions; not having it after this, one died in them
MIN_FILES = 200  # a load of fewer files (20,000 claims, generated) parses here: the forks cost what they save
START_AFTER = 16  # files parsed here before the workers start (a warm load with a few misses forks none)

Job = tuple[Path, "Path | None", "bytes | None"]  # a claims file, its root, and its bytes when already read
Row = tuple["str | None", "tuple[Any, list[int] | None] | None"] | None  # a worker's answer for one file (`_parse_row`)


@dataclass(slots=True)
class _Worker:
    """A worker process, the pipe its tasks go down, the pipe its rows come back up, and how many of its
    answers are only a "taken" mark for a batch this process parsed itself (read and dropped first)."""

    process: Any
    tasks: Connection
    rows: Connection
    owed: int = 0


@dataclass(frozen=True, slots=True)
class Parsed:
    """One claims file as the fast path read it: its document (None when the fast path declined, or
    the file could not be read) and the sha256 of the bytes it read (when asked, and only when it read
    them: None for bytes the caller gave)."""

    document: YamlDocument | None
    sha256: str | None


def load_jobs() -> int:
    """Worker processes for a cold load: `FACTCHECK_LOAD_JOBS` (0: one per core this process may use),
    else 1, no worker: on the 2-core machine this is measured on, the pool paid 10-20% with both cores
    to itself and cost 30-60% when other work had them (docs/performance.md)."""
    configured = os.environ.get(JOBS_VARIABLE, "").strip()
    if not configured.isdigit():
        return 1
    if int(configured) > 0:
        return int(configured)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    """Whether this process may start worker processes by forking (a daemonic process may not)."""
    return "fork" in multiprocessing.get_all_start_methods() and not multiprocessing.current_process().daemon


class FileParser:
    """Parses batches of claims files in the order they are given: in worker processes once enough
    files have come to pay for them (`jobs` > 1), else here. `submit` a batch, then `results` gives the
    oldest batch's `Parsed`, one per file; `ahead` batches may wait before their results are asked for.

    Each batch is taken once, by its worker or by this process, whichever comes to it first (a byte per
    batch in shared memory, under a lock): when this process needs a batch that its worker has not
    begun (the worker is behind: starting, or given less of a busy machine's processors), it parses
    the batch itself and the worker passes over it. So the pool is never much slower than one process,
    and takes what the other cores can give. A batch parsed here is parsed file by file as its results
    are taken, each file validated while its data is fresh in the processor's caches (parsing a batch
    first cost 15% more)."""

    def __init__(self, jobs: int, *, expected: int, sha: bool) -> None:
        self.sha = sha
        self.workers: list[_Worker] = []
        self.pending: deque[tuple[list[Job], _Worker | None, int]] = deque()  # None: to parse here
        self.started = 0  # batches sent to workers: each one's number in `taken`
        self.submitted = 0  # files submitted
        self.use_pool = jobs > 1 and expected >= MIN_FILES and can_fork()
        self.jobs = jobs
        self.expected = expected  # at most that many batches
        self.ahead = AHEAD * jobs if self.use_pool else 0
        self.taken: Any = None  # a byte per batch sent to a worker: PENDING, WORKER or PARENT
        self.lock: Any = None

    def submit(self, batch: list[Job]) -> None:
        self.submitted += len(batch)
        if self.use_pool and not self.workers and self.submitted > START_AFTER:
            self._start()
        number = self.started
        worker = self.workers[number % len(self.workers)] if self.workers and number < self.expected else None
        if worker is not None:
            self.started += 1
            try:
                named = [(str(path), None if root is None else str(root)) for path, root, _ in batch]
                worker.tasks.send((number, named))
            except OSError:
                self._stop()
                worker = None
        self.pending.append((batch, worker, number))

    def results(self) -> Iterator[Parsed]:
        """The oldest batch's files, parsed, in their order."""
        batch, worker, number = self.pending.popleft()
        if worker is not None and self.workers:
            taken = self._take(number)
            if taken is False:  # its worker has it
                rows = self._rows(worker, len(batch))
                if rows is not None:
                    return (_parsed(path, row) for (path, _, _), row in zip(batch, rows))
            elif taken:
                worker.owed += 1
        return (parse_job(job, self.sha) for job in batch)

    def close(self) -> None:
        self._stop()

    def _take(self, number: int) -> bool | None:
        """Take batch `number` for this process unless its worker took it first: True (parse it here),
        False (the worker has it), None when the lock cannot be had (a worker died holding it: the pool
        is stopped)."""
        if not self.lock.acquire(timeout=LOCK_SECONDS):
            self._stop()
            return None
        try:
            if self.taken[number] != PENDING:
                return False
            self.taken[number] = PARENT
            return True
        finally:
            self.lock.release()

    def _rows(self, worker: _Worker, size: int) -> list[Row] | None:
        """The worker's rows for its next batch this process did not take; None (and the pool stopped)
        when the worker died or a pipe broke."""
        try:
            while worker.owed:
                worker.rows.recv_bytes()  # the mark of a batch taken here: dropped unread
                worker.owed -= 1
            rows = worker.rows.recv()
        except (EOFError, OSError):
            rows = None
        if not isinstance(rows, list) or len(rows) != size:
            self._stop()
            return None
        return rows

    def _start(self) -> None:
        context = multiprocessing.get_context("fork")
        try:
            self.taken = context.RawArray("b", self.expected)  # shared with the workers forked below
            self.lock = context.Lock()
            for _ in range(self.jobs):
                their_tasks, tasks = context.Pipe(duplex=False)
                rows, their_rows = context.Pipe(duplex=False)
                _widen(their_rows)
                process = context.Process(target=_serve, daemon=True,
                                          args=(their_tasks, their_rows, self.taken, self.lock, self.sha))
                process.start()
                their_tasks.close()
                their_rows.close()
                self.workers.append(_Worker(process, tasks, rows))
        except OSError:
            self._stop()
        self.use_pool = False  # started (or failed to): never again

    def _stop(self) -> None:
        """Stop every worker; batches they still hold are parsed here when their results are asked for."""
        for worker in self.workers:
            try:
                worker.tasks.send(None)
            except OSError:
                pass
            worker.tasks.close()
            worker.rows.close()
            worker.process.join(timeout=1)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
        self.workers = []
        self.pending = deque((batch, None, number) for batch, _, number in self.pending)


def _widen(connection: Connection) -> None:
    """Let a worker's rows pipe hold up to 1 MiB (Linux; the default is 64 KiB, about two tasks' rows), so
    a worker parses ahead while this process is busy or not scheduled, instead of waiting in step with it."""
    try:
        fcntl.fcntl(connection.fileno(), getattr(fcntl, "F_SETPIPE_SZ", 1031), PIPE_BYTES)
    except OSError:
        pass  # a lower limit (/proc/sys/fs/pipe-max-size): the pipe stays as it is


def parse_job(job: Job, sha: bool) -> Parsed:
    """One claims file parsed here: by its bytes when the caller read them (and hashed them, if it
    needs to: no sha256 then), else read now."""
    path, root, raw = job
    digest = None
    if raw is None:
        try:
            raw = read_project_file(path, max_bytes=max_yaml_bytes(), root=root)
        except (PathRefused, OSError):
            return Parsed(None, None)
        digest = hashlib.sha256(raw).hexdigest() if sha else None
    try:
        return Parsed(parse_fast(path, raw.decode("utf-8"), raw), digest)
    except UnicodeDecodeError:
        return Parsed(None, digest)


def _parse_row(path: Path, root: Path | None, sha: bool) -> Row:
    """What a worker sends for one file: the sha256 of its bytes (when asked) and, unless the fast path
    declines it or it cannot be read, its data and the line of each claim."""
    parsed = parse_job((path, root, None), sha)
    if parsed.document is None:
        return parsed.sha256, None
    lines = parsed.document.claim_lines  # the claims' places, the only ones kept (None: no `claims` list)
    return parsed.sha256, (_shareable(parsed.document.data), lines)


def _parsed(path: Path, row: Row) -> Parsed:
    """A worker's row as this process's `Parsed` (None: the worker failed on the file)."""
    if row is None:
        return Parsed(None, None)
    digest, read = row
    if read is None:
        return Parsed(None, digest)
    data, lines = read
    document = YamlDocument(path, data)
    document.claim_lines = lines
    return Parsed(document, digest)


def _shareable(value: Any) -> Any:
    """`value` with its mapping keys interned: pickled, each key is written once, not once per mapping."""
    if type(value) is dict:
        return {sys.intern(key): _shareable(item) for key, item in value.items()}
    if type(value) is list:
        return [_shareable(item) for item in value]
    return value


def _serve(tasks: Connection, rows_up: Connection, taken: Any, lock: Any, sha: bool) -> None:
    """A worker: parse each batch it is sent, unless the parent took it first (then only say so), until
    None or a closed pipe. An interrupt (Ctrl-C reaches the whole process group) is the parent's to
    handle: it stops the workers."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while True:
        try:
            message = tasks.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        number, batch = message
        with lock:
            mine = taken[number] == PENDING
            if mine:
                taken[number] = WORKER
        rows: list[Row] | tuple[()] = ()
        if mine:
            rows = []
            for path, root in batch:
                try:
                    rows.append(_parse_row(Path(path), None if root is None else Path(root), sha))
                except Exception:  # noqa: BLE001 - anything unexpected: the parent reads the file itself
                    rows.append(None)
        try:
            rows_up.send(rows)
        except OSError:  # the parent stopped the pool (closed its end)
            return

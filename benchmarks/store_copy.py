"""What the report store's second copy costs a cold report (issue 11, part Y; docs/performance.md).

Run from a generated project's folder (a hard-linked copy: see docs/performance.md), with the claims
cache full and the kept reports removed before each run, one mode a process, the modes taking turns:

    rm -f .factcheck/cache/reports/*.json .factcheck/cache/reports/*.out
    /usr/bin/time python PATH/benchmarks/store_copy.py full|hash|none OUTPUT

`full` is the command as it is; `hash` hashes the pieces but neither writes nor flushes the kept copy
(what a hard link to the output would leave); `none` does neither (the most any cut can save). In
those two modes what the store kept is removed at once, as it is not the report. Prints the wall and
CPU seconds of the build (load and compare), the write (`_emit`, the store's tee in it) and the
store's own steps.
"""

from __future__ import annotations

import atexit
import os
import sys
import time
import traceback
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import factcheck.cli.report_commands as report_commands  # noqa: E402
import factcheck.load.report_store as report_store  # noqa: E402
from factcheck.cli import main  # noqa: E402

MODES = ("full", "hash", "none")
spent: dict[str, float] = {}


def timed(owner: Any, name: str, label: str) -> None:
    """Wrap `owner.name` so that each call adds its wall and CPU seconds to `spent`."""
    real = getattr(owner, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return real(*args, **kwargs)
        finally:
            spent[f"{label} wall"] = spent.get(f"{label} wall", 0.0) + time.perf_counter() - wall
            spent[f"{label} cpu"] = spent.get(f"{label} cpu", 0.0) + time.process_time() - cpu
    setattr(owner, name, wrapper)


def without_copy(mode: str) -> None:
    """The store's pieces hashed only (`hash`) or dropped (`none`), and its copy never flushed."""
    def keep_piece(self: report_store.ReportRecorder, piece: str | bytes) -> None:
        if self.sink is not None and mode == "hash":
            self.digest.update(piece if isinstance(piece, bytes) else piece.encode("utf-8"))
    report_store.ReportRecorder._keep_piece = keep_piece  # type: ignore[method-assign]
    real_fsync = os.fsync

    def fsync(handle: int) -> None:
        if traceback.extract_stack(limit=2)[0].name != "keep":  # the output's own fsync still runs
            real_fsync(handle)
    os.fsync = fsync
    real_keep = report_store.ReportRecorder.keep

    def keep(self: report_store.ReportRecorder, texts: list[tuple[str, str]], outcome: report_store.Outcome) -> None:
        real_keep(self, texts, outcome)
        if self.folder is not None:  # what it kept is not the report: never let a warm run serve it
            for kept in self.folder.glob(f"{self.request.key[:32]}.*"):
                kept.unlink()
    report_store.ReportRecorder.keep = keep  # type: ignore[method-assign]


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in MODES:
        sys.exit(f"usage: {sys.argv[0]} {'|'.join(MODES)} OUTPUT")
    chosen, output = sys.argv[1], sys.argv[2]
    if chosen != "full":
        without_copy(chosen)
    timed(report_commands, "_build", "build")
    timed(report_commands, "_emit", "write")
    timed(report_store.ReportRecorder, "_keep_piece", "copy")
    timed(report_store.ReportRecorder, "keep", "keep")
    atexit.register(lambda: print(chosen, " ".join(f"{k}={v:.2f}" for k, v in sorted(spent.items())), file=sys.stderr))
    sys.argv = ["factcheck", "report", "--format", "json", "-q", "-o", output]
    main()  # ends the process, after the atexit handlers, as the entry point does

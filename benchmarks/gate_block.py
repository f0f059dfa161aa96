"""The gate on one huge block: a generated pull-request file with 20,000 claims of one subject and
property (issue 9, item 7), timed end to end (`run_gate`: load, block bound, compare, baseline).

Run with `python benchmarks/gate_block.py [CLAIMS...]`; figures go to docs/performance.md. Builds a
temporary copy of the seeds' claims repository; nothing in this repository is touched.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factcheck.gate import GateRequest, run_gate  # noqa: E402
from tests.gate.repo import make_repo, write_flood  # noqa: E402

CASES = {
    "2 distinct dates": lambda count: ["2019-12-31", "2020-01-15"],
    "every date distinct": lambda count: [str(dt.date(1990, 1, 1) + dt.timedelta(days=n)) for n in range(count)],
}


def main(sizes: list[int]) -> None:
    print(f"{'claims':>8} {'values':<20} {'MiB':>5} {'pairs':>6} {'block':<9} {'seconds':>8}")
    for size in sizes:
        for name, dates in CASES.items():
            with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as folder:
                repo = make_repo(Path(folder) / "repo")
                flood = write_flood(repo, size, dates(size))
                os.chdir(repo)
                started = time.perf_counter()
                result = run_gate(GateRequest(paths=(flood.relative_to(repo),)))
                elapsed = time.perf_counter() - started
                how = ",".join("refused" if b.refused else "by value" for b in result.blocks) or "in full"
                print(f"{size:>8} {name:<20} {flood.stat().st_size / 2**20:>5.1f} {result.report.summary.pairs:>6} "
                      f"{how:<9} {elapsed:>8.2f}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [20_000])

"""Serial, `--jobs N` and `--executor dask` on the same generated projects: `python benchmarks/parallel.py`
(figures in docs/parallel.md).

For each size (default 10k and 100k claims; the projects of `scale.py`, kept in `$FACTCHECK_BENCH_DIR`)
and each way of comparing, a fresh process loads the project from a warm cache and times `run_rules`
(blocking, judging, grouping, merging shards, unverified claims, sorting): everything `--jobs` and
`--executor` change. Dask's time includes starting its LocalCluster (as `--executor dask` without an
address does) and its workers loading the project themselves, from the same warm cache. The pool runs
at every size here (a real run below `PARALLEL_FROM` claims stays in one process). Each process prints a digest of its findings (ids, verdicts, the summary),
and every way must give the serial digest. Runs alternate (serial, pool, dask, serial, ...) `--repeat`
times, so a neighbour's load weighs on each the same; the table shows each run, then the medians.

    python benchmarks/parallel.py [CLAIMS ...] [--jobs N] [--repeat R] [--no-dask]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import project_for  # noqa: E402

MODES = ("serial", "pool", "dask")


def measure(root: Path, mode: str, jobs: int) -> dict:
    """One mode's figures, in this process."""
    os.environ["FACTCHECK_ROOT"] = str(root)
    from factcheck.engine import run_rules
    from factcheck.engine.parallel import executor_for
    from factcheck.load.corpus import load_corpus
    from factcheck.rules import load_rules

    claims = [root / "claims"]
    load_corpus(claims, cache=True)  # fills the cache the first time: every run then loads warm
    corpus, rules = load_corpus(claims, cache=True), load_rules([], builtin=True)
    figures: dict = {"mode": mode, "jobs": jobs if mode != "serial" else 1}
    if mode == "pool":
        from factcheck.engine import parallel

        parallel.PARALLEL_FROM = 0  # measure the pool itself at every size
    executor = None if mode == "serial" else executor_for("local" if mode == "pool" else "dask", jobs,
                                                           claims=claims, cache=True)
    started = time.perf_counter()
    report = run_rules(corpus, rules, executor=executor)
    figures["compare"] = time.perf_counter() - started
    figures["parent_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures["worker_mib"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    digest = hashlib.sha256(json.dumps(report.summary.__dict__, sort_keys=True).encode())
    for finding in report.findings:
        digest.update(f"{finding.id} {finding.verdict.value}\n".encode())
    figures.update(claims=report.summary.claims, pairs=report.summary.pairs, digest=digest.hexdigest()[:12])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--no-dask", action="store_true")
    args = parser.parse_args()
    modes = [m for m in MODES if not (args.no_dask and m == "dask")]
    print(f"{os.cpu_count()} cores; load average at start {os.getloadavg()[0]:.1f}")
    print(f"{'claims':>8} {'mode':>7} {'jobs':>4} {'compare s':>9} {'parent MiB':>10} "
          f"{'largest worker MiB':>18} {'pairs':>8} {'findings digest':>16}")
    for size in args.sizes:
        root, _ = project_for(size)
        runs: dict[str, list[dict]] = {m: [] for m in modes}
        for _ in range(args.repeat):
            for mode in modes:
                child = subprocess.run([sys.executable, __file__, "--one", str(root), mode, str(args.jobs)],
                                       capture_output=True, text=True, check=True)
                f = json.loads(child.stdout.strip().splitlines()[-1])
                runs[mode].append(f)
                print(f"{f['claims']:>8} {mode:>7} {f['jobs']:>4} {f['compare']:>9.2f} {f['parent_mib']:>10.0f} "
                      f"{f['worker_mib']:>18.0f} {f['pairs']:>8} {f['digest']:>16}", flush=True)
        serial = runs["serial"][0]["digest"]
        for mode in modes:
            median = statistics.median(r["compare"] for r in runs[mode])
            same = all(r["digest"] == serial for r in runs[mode])
            print(f"{size:>8} {mode:>7} median {median:.2f} s; findings {'identical to serial' if same else 'DIFFER'}")
    print(f"load average at end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        print(json.dumps(measure(Path(sys.argv[2]), sys.argv[3], int(sys.argv[4]))))
    else:
        main()

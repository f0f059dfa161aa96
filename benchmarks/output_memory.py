"""Peak memory of `factcheck report --format json -o FILE` (figures in docs/performance.md, "JSON output").

Two measures on a generated project (`scale.py`'s `project_for`, or a project folder given with `--root`):

- **whole**: the command itself, `python -m factcheck report --format json -q -o FILE`, in a child
  process (run once first to fill the project's cache, then measured): its maximum resident set, from
  `wait4`, and its time;
- **write step**: in a fresh process, the report is built (load, compare), then only the write is
  measured, with resident memory sampled every 5 ms: `string` joins the JSON pieces and writes the
  one string atomically (what `-o FILE` did before `write_atomic` took pieces), `pieces` hands
  `write_atomic` the pieces as they are encoded (what `-o FILE` does now). Each prints seconds, the
  peak over the step (above the resident set at its start) and the file's size.

`python benchmarks/output_memory.py [--root DIR] [--skip-whole] [CLAIMS...]` (default 100000).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

PAGE = os.sysconf("SC_PAGE_SIZE")
MODES = ("string", "pieces")


def resident() -> int:
    """This process's resident set now, in bytes (/proc/self/statm)."""
    with open("/proc/self/statm", encoding="ascii") as stream:
        return int(stream.read().split()[1]) * PAGE


class Sampler:
    """The highest resident set seen while it runs, sampled every `every` seconds on a thread."""

    def __init__(self, every: float = 0.005) -> None:
        self.every, self.peak, self._stop = every, resident(), threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, resident())
            self._stop.wait(self.every)

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, resident())


def write_step(root: Path, mode: str, output: Path) -> None:
    """Build the report of `root`, then write it to `output` one way (`MODES`), printing the figures."""
    from factcheck.engine import run_rules
    from factcheck.load.corpus import load_corpus
    from factcheck.load.write import write_atomic
    from factcheck.report import RenderContext
    from factcheck.report import json as json_format
    from factcheck.rules import load_rules

    report = run_rules(load_corpus([root / "claims"]), load_rules([], builtin=True))
    context = RenderContext()
    before = resident()
    started = time.perf_counter()
    with Sampler() as sampler:
        if mode == "string":
            write_atomic(output, "".join(json_format.chunks(report, context)))
        else:
            write_atomic(output, json_format.chunks(report, context))
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{report.summary.claims:>9,} {mode:>7} {seconds:>8.2f} s {(sampler.peak - before) / 2**20:>+9,.0f} MiB "
          f"over {before / 2**20:,.0f} MiB (process peak {peak:,.0f} MiB) {output.stat().st_size / 1e6:>8.1f} MB",
          flush=True)


def whole(root: Path, output: Path) -> tuple[float, float]:
    """Seconds and peak resident MiB of the command `report --format json -q -o output`, run in `root`."""
    command = [sys.executable, "-m", "factcheck", "report", "--format", "json", "-q", "-o", str(output)]
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"report exited {code} in {root}")
    return seconds, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("claims", nargs="*", type=int, default=[100_000])
    parser.add_argument("--root", type=Path, help="a project folder (claims/, texts/) instead of a generated one")
    parser.add_argument("--skip-whole", action="store_true", help="only the write step")
    parser.add_argument("--step", choices=MODES, help=argparse.SUPPRESS)  # the child process of one write step
    arguments = parser.parse_args()
    if arguments.step:
        write_step(arguments.root, arguments.step, arguments.root / f"report-{arguments.step}.json")
        return
    roots = [arguments.root] if arguments.root else [_generated(n) for n in arguments.claims]
    for root in roots:
        output = root / "report.json"
        if not arguments.skip_whole:
            whole(root, output)  # fills the cache: the measured run reads it, as a second run does
            seconds, peak = whole(root, output)
            print(f"{root}: report --format json -o FILE: {seconds:.1f} s, peak {peak:,.0f} MiB", flush=True)
        for mode in MODES:  # each in a fresh process: one's peak is not the other's
            subprocess.run([sys.executable, __file__, "--root", str(root), "--step", mode], check=True)


def _generated(claims: int) -> Path:
    from scale import project_for

    return project_for(claims)[0]


if __name__ == "__main__":
    main()

"""`make fuzz`: hostile inputs to every reader, 10,000 each by default; a table of how they ended.

Each reader runs in a process of its own (two at a time: `--jobs`), so its peak memory is its own
(`ru_maxrss`, the process's resident peak: the interpreter and factcheck's imports included). An input
ends in an exit code its command allows, or is a failure: a traceback (exit 3), a hang (still
running after FUZZ_TIMEOUT seconds, default 5; a MemoryError past FUZZ_MEMORY_MIB of
address space, default 4096, is a traceback), a disallowed exit code, or an error line that is not
located. Failing inputs are saved to FUZZ_FOUND (default /tmp/factcheck-fuzz-found) with what went
wrong; the run exits 1 when there is any.

    .venv/bin/python benchmarks/fuzz.py                     # every reader, FUZZ_EXAMPLES (10,000) each
    .venv/bin/python benchmarks/fuzz.py --examples 200 cues # one reader, 200 inputs
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SAVED_PER_READER = 20
# The slowest readers first, so two workers finish close together.
LONGEST_FIRST = ["source-texts", "entities", "vocabulary", "cues", "claims", "rule-tests", "sidecars", "rules", "baselines"]


def work(name: str, examples: int, found: Path) -> dict[str, Any]:
    """Fuzz one reader in this process; its figures as a dict."""
    from tests.fuzz.harness import EXIT_BUG, EXIT_HANG, Outcome
    from tests.fuzz.session import fuzz_reader

    limit = int(os.environ.get("FUZZ_MEMORY_MIB", "4096")) * 1024 * 1024  # a blow-up is a MemoryError, not an OOM kill
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    exits: Counter[int] = Counter()
    faults: Counter[str] = Counter()
    slowest = 0.0
    saved = 0
    started = time.perf_counter()

    def record(data: bytes, choice: Any, outcome: Outcome) -> None:
        nonlocal slowest, saved
        exits[outcome.exit_code] += 1
        slowest = max(slowest, outcome.seconds)
        for fault in outcome.faults:
            faults["traceback" if outcome.exit_code == EXIT_BUG else "hang" if outcome.exit_code == EXIT_HANG
                   else fault.split(":")[0]] += 1
        if outcome.faults and saved < SAVED_PER_READER:
            saved += 1
            found.mkdir(parents=True, exist_ok=True)
            (found / f"{name}-{saved}.input").write_bytes(data)
            (found / f"{name}-{saved}.txt").write_text(f"choice: {choice!r}\nfaults: {outcome.faults}\n\n"
                                                      f"{outcome.traceback}\n{outcome.stderr[-3000:]}", encoding="utf-8")

    fuzz_reader(name, examples, record)
    return {"reader": name, "inputs": sum(exits.values()), "exits": {str(k): v for k, v in sorted(exits.items())},
            "tracebacks": exits[EXIT_BUG], "hangs": exits[EXIT_HANG], "faults": dict(faults),
            "seconds": round(time.perf_counter() - started, 1), "slowest": round(slowest, 2),
            "peak_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def main() -> int:
    from tests.fuzz.readers import READERS

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("readers", nargs="*", help=f"readers to fuzz (default all: {', '.join(READERS)})")
    parser.add_argument("--examples", type=int, default=int(os.environ.get("FUZZ_EXAMPLES", "10000")))
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--found", type=Path, default=Path(os.environ.get("FUZZ_FOUND", "/tmp/factcheck-fuzz-found")))
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(work(args.worker, args.examples, args.found)))
        return 0
    names = args.readers or [n for n in LONGEST_FIRST if n in READERS] + [n for n in READERS if n not in LONGEST_FIRST]
    unknown = sorted(set(names) - set(READERS))
    if unknown:
        parser.error(f"unknown readers: {', '.join(unknown)}")
    started = time.perf_counter()

    def spawn(name: str) -> dict[str, Any]:
        done = subprocess.run([sys.executable, __file__, "--worker", name, "--examples", str(args.examples),
                               "--found", str(args.found)], capture_output=True, text=True, cwd=ROOT)
        if done.returncode != 0:
            return {"reader": name, "error": f"exit {done.returncode}: {done.stderr[-2000:]}"}
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"  {name}: {figures['inputs']} inputs in {figures['seconds']} s", file=sys.stderr, flush=True)
        return figures

    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(spawn, names))
    print(render(results, time.perf_counter() - started))
    bad = any("error" in r or r["faults"] for r in results)
    if bad:
        print(f"\nFailing inputs saved in {args.found}", file=sys.stderr)
    return 1 if bad else 0


def render(results: list[dict[str, Any]], seconds: float) -> str:
    lines = ["| reader | inputs | exit 0 | exit 1 | exit 2 | tracebacks | hangs | other faults | slowest s | seconds | peak MiB |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in results:
        if "error" in r:
            lines.append(f"| {r['reader']} | worker failed: {[l for l in r['error'].splitlines() if l.strip()][-1:]} |")
            continue
        e = r["exits"]
        other = sum(v for k, v in r["faults"].items() if k not in ("traceback", "hang"))
        lines.append(f"| {r['reader']} | {r['inputs']:,} | {e.get('0', 0):,} | {e.get('1', 0):,} | {e.get('2', 0):,} | "
                     f"{r['tracebacks']} | {r['hangs']} | {other} | {r['slowest']} | {r['seconds']} | {r['peak_mib']} |")
    total = sum(r.get("inputs", 0) for r in results)
    lines.append(f"\n{total:,} inputs in {seconds:.0f} s")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())

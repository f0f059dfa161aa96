"""How a whole report scales with the number of claims: `make bench-scale` (figures in docs/performance.md).

For each size it generates a project (`corpus_gen.py`: 100 claims a source, 30% of them facts other
sources report too, planted conflicts), then, in a fresh process so that peak memory is that size's
own, times each step of `factcheck report --format json -o FILE`:

- **parse**: the readers `load_corpus` uses (the fast path, `read_yaml` where it declines), over
  every claims file, alone;
- **validate**: the rest of `load_corpus` (the model, ids, entities, vocabulary, evidence offsets and
  each source text's hash): `load_corpus`'s time less *parse*'s. With `FACTCHECK_LOAD_JOBS=N` a cold load
  parses in worker processes while it validates (`load/parse_pool.py`; none by default), and *validate*
  is then what the load took beyond a serial parse (it can be 0); **load CPU** is the load's CPU
  seconds, this process's and its workers';
- **compare**: `run_rules` (blocking, the same-fact test, comparators, findings); the pairs in blocks
  (the summary's), and of those the pairs judged (the rest are of two different events, counted unjudged);
- **write**: the JSON report written atomically as `-o FILE` writes it: in pieces as they are encoded
  (`json.utf8_chunks` into `write_atomic`; `json.chunks`, text, or one string for a factcheck before);
- **floor**: the fastest YAML parser on PyPI (`yaml-rs`, Rust) turning the same files into Python data,
  measured in the same run: what no reader of these files can beat;
- **warm load**: `load_corpus` again from a full cache (`.factcheck/` in the generated project);
- peak memory (the process's maximum resident set), and the planted conflicts found, and conflicts
  found that were not planted (none should be);
- then the command itself, each in a fresh process (start-up and imports included), with its peak
  memory: **command**, `factcheck report --format json -q -o FILE` with the claims cache full (the
  warm load above filled it) and no report kept yet (it keeps this one: `load/report_store.py`), and
  **warm report**, the same command again, nothing changed: the kept report, checked and copied
  (`same` says whether its bytes are the command's).

`python benchmarks/scale.py [CLAIMS...]` (default 10000 100000); generated projects are kept in
`$FACTCHECK_BENCH_DIR` (default /tmp/factcheck-bench) and reused.
"""

from __future__ import annotations

import filecmp
import gc
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_gen import generate  # noqa: E402

PER_SOURCE = 100
BENCH_DIR = Path(os.environ.get("FACTCHECK_BENCH_DIR", Path(tempfile.gettempdir()) / "factcheck-bench"))


def project_for(claims: int) -> tuple[Path, set[str]]:
    """The generated project of `claims` claims (made once), and its planted conflicts' events."""
    root = BENCH_DIR / f"claims-{claims}"
    planted_file = root / "planted.json"
    if not planted_file.exists():
        planted = generate(root, claims // PER_SOURCE, PER_SOURCE, conflicts=max(10, claims // 1000))
        planted_file.write_text(json.dumps(sorted(planted.conflicts)), encoding="utf-8")
    return root, set(json.loads(planted_file.read_text(encoding="utf-8")))


def measure(root: Path, planted: set[str]) -> dict:
    """Every figure of one size, in this process."""
    import yaml_rs

    from factcheck.engine import run_rules
    from factcheck.load.corpus import claims_files_in, load_corpus
    from factcheck.load.document import read_yaml
    try:
        from factcheck.load.fast import paused_gc, read_yaml_fast
    except ImportError:  # an older factcheck (PYTHONPATH=OLD_CHECKOUT): figures before the fast path
        from contextlib import nullcontext as paused_gc  # type: ignore[assignment]

        def read_yaml_fast(path: Path) -> None:  # type: ignore[misc]
            return None
    from factcheck.load.write import write_atomic
    from factcheck.report import RenderContext
    from factcheck.report import json as json_format
    from factcheck.rules import load_rules

    claims_dir = root / "claims"
    files = claims_files_in([claims_dir])
    figures: dict = {}
    started = time.perf_counter()
    for path in files:
        yaml_rs.loads(path.read_text(encoding="utf-8"))
    figures["floor"] = time.perf_counter() - started
    gc.collect()
    started = time.perf_counter()
    with paused_gc():
        for path in files:  # each file's data dropped once read, as load_corpus does
            read_yaml_fast(path) or read_yaml(path)
    figures["parse"] = time.perf_counter() - started
    gc.collect()
    rules = load_rules([], builtin=True)
    started, cpu = time.perf_counter(), _cpu_seconds()
    corpus = load_corpus([claims_dir])
    figures["load"] = time.perf_counter() - started
    figures["load_cpu"] = _cpu_seconds() - cpu
    figures["validate"] = max(0.0, figures["load"] - figures["parse"])
    started = time.perf_counter()
    report = run_rules(corpus, rules)
    figures["compare"] = time.perf_counter() - started
    started = time.perf_counter()
    if hasattr(json_format, "utf8_chunks"):  # as -o FILE writes it: the pieces in UTF-8, as orjson wrote them
        write_atomic(root / "report.json", json_format.utf8_chunks(report, RenderContext()))
    elif hasattr(json_format, "chunks"):  # a factcheck before: the pieces as text
        write_atomic(root / "report.json", json_format.chunks(report, RenderContext()))
    else:  # before that: one string
        write_atomic(root / "report.json", json_format.render(report, RenderContext()))
    figures["write"] = time.perf_counter() - started
    figures["report"] = figures["load"] + figures["compare"] + figures["write"]
    figures["claims"] = report.summary.claims
    figures["pairs"] = report.summary.pairs
    conflicts = {f.event for f in report.findings if f.verdict.value == "conflict"}
    figures["planted"] = len(planted)
    figures["found"] = len(planted & conflicts)
    figures["unplanted"] = len(conflicts - planted)
    figures["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures["judged"] = _judged_pairs(corpus, rules)  # after the peak is taken, untimed
    del corpus, report
    figures["warm"] = _warm_load(root, load_corpus)  # after the peak is taken: it loads a second corpus
    return figures


def _cpu_seconds() -> float:
    """CPU seconds of this process and of its children that have ended (a load's workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _judged_pairs(corpus: object, rules: list) -> int:
    """The pairs the engine judged (the summary's pairs less those of two different events, which are
    counted unjudged); all of them for a factcheck before that (not timed)."""
    try:
        from factcheck.engine.blocking import candidates, evidence_mentions, implied_keys
        from factcheck.engine.engine import rule_claims
    except ImportError:
        return -1
    mentioned = evidence_mentions(corpus.entities)  # type: ignore[attr-defined]
    return sum(len(candidates(loaded.rule, claims, mentioned, implied_keys(loaded)).pairs)
               for loaded, claims in zip(rules, rule_claims(corpus, rules)))  # type: ignore[arg-type]


def _warm_load(root: Path, load_corpus: object) -> float:
    """Seconds of a load from a full cache (`.factcheck/` of the generated project, filled first);
    0.0 for a factcheck without the cache."""
    os.environ["FACTCHECK_ROOT"] = str(root)
    try:
        load_corpus([root / "claims"], cache=True)  # type: ignore[operator]
    except TypeError:
        return 0.0
    gc.collect()
    started = time.perf_counter()
    load_corpus([root / "claims"], cache=True)  # type: ignore[operator]
    return time.perf_counter() - started


# The real entry point, which ends the process at once after the command (`cli/ending.py`): the peak is
# printed by an `atexit` handler, which it runs, and the exit code is the process's.
_COMMAND = """
import atexit, resource, sys
from factcheck.cli import main
atexit.register(lambda: print("peak", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, file=sys.stderr))
sys.argv = ["factcheck", *sys.argv[1:]]
main()
"""


def command(root: Path, *args: str) -> tuple[float, float]:
    """Seconds (start-up and imports included) and peak MiB of one `factcheck ARGS` in a fresh process
    at the project `root`."""
    environment = {**os.environ, "FACTCHECK_ROOT": str(root)}
    started = time.perf_counter()
    child = subprocess.run([sys.executable, "-c", _COMMAND, *args], cwd=root, env=environment, capture_output=True,
                           text=True, check=False)
    seconds = time.perf_counter() - started
    peak = next((line.split() for line in reversed(child.stderr.splitlines()) if line.startswith("peak ")), None)
    if peak is None or child.returncode not in (0, 1):
        raise RuntimeError(f"factcheck {' '.join(args)} failed:\n{child.stderr}")
    return seconds, float(peak[1])


def commands(root: Path) -> dict:
    """The report command with no report kept, then again with it kept (nothing changed between)."""
    first, again = root / "command-report.json", root / "warm-report.json"
    shutil.rmtree(root / ".factcheck" / "cache" / "reports", ignore_errors=True)  # no report kept yet
    figures: dict = {}
    figures["command"], figures["command_mib"] = command(root, "report", "--format", "json", "-q", "-o", str(first))
    figures["warm_report"], figures["warm_mib"] = command(root, "report", "--format", "json", "-q", "-o", str(again))
    # Compared a piece at a time: a child's peak counts its parent's (Linux keeps it across exec), so this
    # process must never hold a report whole.
    figures["same"] = filecmp.cmp(first, again, shallow=False)
    return figures


def main(sizes: list[int]) -> None:
    print(f"{'claims':>9} {'parse':>7} {'validate':>8} {'load CPU':>8} {'compare':>8} {'write':>7} {'report':>8} {'floor':>7} "
          f"{'ratio':>6} {'warm load':>9} {'pairs':>9} {'judged':>8} {'peak MiB':>9} {'planted found':>14} {'unplanted':>9} "
          f"{'command':>8} {'cmd MiB':>8} {'warm report':>11} {'warm MiB':>8} {'same':>5}")
    for size in sizes:
        root, planted = project_for(size)
        child = subprocess.run([sys.executable, __file__, "--one", str(root)], capture_output=True, text=True,
                               check=True)
        f = json.loads(child.stdout.strip().splitlines()[-1])
        c = commands(root)
        print(f"{f['claims']:>9} {f['parse']:>7.2f} {f['validate']:>8.2f} {f['load_cpu']:>8.2f} {f['compare']:>8.2f} {f['write']:>7.2f} "
              f"{f['report']:>8.2f} {f['floor']:>7.2f} {f['report'] / f['floor']:>5.1f}x {f['warm']:>9.2f} {f['pairs']:>9} {f['judged']:>8} "
              f"{f['peak_mib']:>9.0f} {f['found']:>7}/{f['planted']:<6} {f['unplanted']:>9} "
              f"{c['command']:>8.2f} {c['command_mib']:>8.0f} {c['warm_report']:>11.2f} {c['warm_mib']:>8.0f} "
              f"{'yes' if c['same'] else 'NO':>5}", flush=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        project = Path(sys.argv[2])
        print(json.dumps(measure(project, set(json.loads((project / "planted.json").read_text(encoding="utf-8"))))))
    else:
        main([int(a) for a in sys.argv[1:]] or [10_000, 100_000])

"""The gate at scale: one new 100-claim source, with a planted conflict, gated against N committed claims
(`make bench-gate`, `GATE_SIZES="50000 100000"`; figures in docs/performance.md).

For each size it generates a project (`corpus_gen.py`: 100 claims a source, 30% of them facts other
sources report too), commits it on `main` in a temporary git repository, then on a branch adds one new
source: a copy of a generated source's text and claims under a new id, with one shared date moved by
months (the planted conflict). It then runs `factcheck gate --base main --format json -o FILE` as
CI does, each in a fresh process, and prints for each run the wall time (Python's start-up and imports
included), its CPU time (user and system, git's included: on a shared machine it moves much less than
the wall clock), the gate's own time (`run_gate`, timed inside the process), the peak resident memory,
the exit code, and whether the planted conflict was the finding that failed:

- **no cache**: `--no-cache`, every claims file read and validated (only up to `GATE_UNCACHED_MAX`
  claims, default 100,000: it holds the whole corpus in memory);
- **cold**: the cache empty: every file read, validated and stored;
- **warm**: the cache full: what CI does on the second and later pull requests.

`python benchmarks/gate_scale.py [CLAIMS...]` (default 50000 100000). Generated projects are kept in
`$FACTCHECK_BENCH_DIR` (default /tmp/factcheck-bench, shared with `scale.py`) and reused; the git
repository and the cache are made fresh for each size.

Each run finds Python's bytecode compiled, as an installed package has it (`PYTHONPYCACHEPREFIX` in
the benchmark's folder, written by the first run): with `PYTHONDONTWRITEBYTECODE` set, as some
sandboxes and containers have it, every run would compile factcheck's modules anew (about 0.15 s).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import project_for  # noqa: E402

NEW_SOURCE = "new-source"
# Above this many claims the uncached run is skipped: it holds every claim in memory (~20 GiB at 1M).
UNCACHED_MAX = int(os.environ.get("GATE_UNCACHED_MAX", "100000"))
GIT = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.invalid", "-c", "commit.gpgsign=false"]
# Runs `factcheck gate` in-process, timing run_gate alone, and says how long it took on stderr.
RUNNER = """
import sys, time
from factcheck.gate import gate as gate_module
real = gate_module.run_gate
def timed(request):
    started = time.perf_counter()
    try:
        return real(request)
    finally:
        print(f"RUN_GATE {time.perf_counter() - started:.3f}", file=sys.stderr)
gate_module.run_gate = timed
import factcheck.cli.gate_commands as commands
commands.run_gate = timed
from factcheck.cli import main
sys.argv = ["factcheck", *sys.argv[1:]]
main()  # the real entry point, which ends the process at once after the gate (cli/ending.py)
"""


def git(repo: Path, *args: str) -> None:
    subprocess.run([*GIT, *args], cwd=repo, check=True, capture_output=True)


def make_repository(project: Path, folder: Path) -> Path:
    """The generated project committed on `main`, and a branch that adds the new source."""
    repo = folder / "repo"
    shutil.copytree(project / "claims", repo / "claims")
    shutil.copytree(project / "texts", repo / "texts")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "the corpus")
    git(repo, "checkout", "-q", "-b", "new-source")
    add_new_source(repo)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "a new source")
    return repo


def add_new_source(repo: Path, model: str = "s000007") -> str:
    """A copy of source `model` as a new source, its first shared date moved four months: the planted
    conflict's event. Evidence offsets stay right, since the text is copied too."""
    text = (repo / "texts" / f"{model}.txt").read_bytes()
    (repo / "texts" / f"{NEW_SOURCE}.txt").write_bytes(text)
    lines = (repo / "claims" / f"{model}.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
    event = None
    for number, line in enumerate(lines):
        if line.startswith("  id: "):
            lines[number] = f"  id: {NEW_SOURCE}\n"
        elif line.startswith("  text: ../texts/"):
            lines[number] = f"  text: ../texts/{NEW_SOURCE}.txt\n"
        elif event is None and line.startswith("    event: ev") and lines[number + 3].startswith("      date: "):
            event = line.split(": ", 1)[1].strip()
            year, month, day = lines[number + 3].split(": ", 1)[1].strip().split("-")
            moved = int(month) + 4
            lines[number + 3] = f"      date: {int(year) + (moved > 12)}-{(moved - 1) % 12 + 1:02d}-{day}\n"
    if event is None:
        raise SystemExit(f"{model} has no date with an event to plant a conflict on")
    (repo / "claims" / f"{NEW_SOURCE}.yaml").write_text("".join(lines), encoding="utf-8")
    return event


def environment(folder: Path) -> dict[str, str]:
    """The environment of a run: the cache's key in `folder`, bytecode cached there too (see the docstring)."""
    env = {**os.environ, "XDG_CACHE_HOME": str(folder / "user-cache"), "PYTHONPYCACHEPREFIX": str(folder / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run(repo: Path, *extra: str) -> dict:
    """One `factcheck gate` in a fresh process: wall time, run_gate's time, peak memory, exit code, findings."""
    output = repo.parent / "gate.json"
    output.unlink(missing_ok=True)
    args = [sys.executable, "-c", RUNNER, "gate", "--base", "main", "--format", "json", "-o", str(output), *extra]
    env = environment(repo.parent)
    started = time.perf_counter()
    child = subprocess.Popen(args, cwd=repo, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    stderr = child.stderr.read().decode("utf-8", errors="replace") if child.stderr else ""
    child.returncode = os.waitstatus_to_exitcode(status)
    gate_time = next((float(line.split()[1]) for line in stderr.splitlines() if line.startswith("RUN_GATE ")), None)
    data = json.loads(output.read_text(encoding="utf-8")) if output.exists() else {}
    failing = data.get("gate", {}).get("failing", [])
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "gate": gate_time, "peak_mib": usage.ru_maxrss / 1024,
            "exit": child.returncode,
            "failing": failing, "findings": data.get("findings", []), "stderr": stderr}


def start_up(folder: Path, code: str, runs: int = 3) -> float:
    """The best of `runs` fresh interpreters running `code`: Python's start-up and the imports it makes."""
    env = environment(folder)
    subprocess.run([sys.executable, "-c", code], check=True, env=env, stdout=subprocess.DEVNULL)  # bytecode written
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, env=env, stdout=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - started)
    return best


def main(sizes: list[int]) -> None:
    with tempfile.TemporaryDirectory(prefix="factcheck-gate-bench-") as folder:
        version = start_up(Path(folder), "import sys; from factcheck.cli import main; sys.argv = ['factcheck', "
                                         "'--version']; main()")
        imports = start_up(Path(folder), "import factcheck.cli.gate_commands")
    print(f"start-up, best of 3: `factcheck --version` {version:.2f} s, the gate's imports {imports:.2f} s")
    print(f"{'claims':>9} {'run':<9} {'wall s':>7} {'cpu s':>6} {'gate s':>7} {'peak MiB':>9} {'exit':>4}  failing")
    for size in sizes:
        project, _ = project_for(size)
        with tempfile.TemporaryDirectory(prefix="factcheck-gate-bench-") as folder:
            repo = make_repository(project, Path(folder))
            results = {}
            runs = [("cold", ()), ("warm", ()), ("warm", ())]
            if size <= UNCACHED_MAX:
                runs.insert(0, ("no cache", ("--no-cache",)))
            for name, extra in runs:
                results[name] = outcome = run(repo, *extra)
                failing = [f"{f['rule']['id']} {f['subject']} {f.get('event') or ''}".strip()
                           for f in outcome["findings"] if f["id"] in outcome["failing"]]
                print(f"{size:>9,} {name:<9} {outcome['wall']:>7.2f} {outcome['cpu']:>6.2f} "
                      f"{outcome['gate'] or 0:>7.2f} {outcome['peak_mib']:>9.0f} {outcome['exit']:>4}  "
                      f"{', '.join(failing) or '-'}")
                if outcome["exit"] == 2:
                    print(outcome["stderr"][-2000:])
            same = {json.dumps(r["findings"], sort_keys=True) for r in results.values()}
            print(f"{'':>9} findings identical across runs: {len(same) == 1}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [50_000, 100_000])

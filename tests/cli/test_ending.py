"""The real entry point ends `report`, `gate` and `eval` at once (`factcheck/cli/ending.py`): the same
output, files and exit code as ending the usual way, every `atexit` handler run, a cache written in the run
complete after it; and the usual ending wherever that could differ (another thread alive, an exit status
that is not a number, a command that did not ask, `CliRunner`)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli, ending
from factcheck.load.cache import CACHE_FILE, CACHE_FOLDER
from tests.cache.test_cache import read_files
from tests.cli.test_report_reuse import _isolate, seeds  # noqa: F401 (a fixture)

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus_gen import generate  # noqa: E402

# `factcheck ARGS` through `main` (the console entry point) or `run` (which ends the usual way). A module
# global with a finalizer says which ending happened: the usual one frees it ("freed"), os._exit does not.
SCRIPT = """
import atexit, sys
from factcheck.cli import {entry}
class Freed:
    def __del__(self):
        print("freed", file=sys.stderr, flush=True)
mark = Freed()
atexit.register(lambda: print("atexit ran", file=sys.stderr))
sys.argv = ["factcheck", *sys.argv[1:]]
{entry}()
"""


def factcheck(entry: str, *args: str, cwd: Path, script: str = SCRIPT) -> subprocess.CompletedProcess[bytes]:
    """A fresh interpreter, its standard output buffered as a user's is (not PYTHONUNBUFFERED)."""
    env = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
    return subprocess.run([sys.executable, "-c", script.format(entry=entry), *args], cwd=cwd, capture_output=True,
                          env=env, timeout=120, check=False)


def both_endings(project: Path, *args: str, output: str | None = None) -> tuple[bytes, int]:
    """Run `args` ending at once and the usual way (in turns, on the same files; each run's output file
    and caches removed first, so both do the same work); assert the two agree; the output and status."""
    seen = []
    for entry in ("main", "run"):
        shutil.rmtree(project / ".factcheck", ignore_errors=True)
        if output:
            (project / output).unlink(missing_ok=True)
        done = factcheck(entry, *args, cwd=project)
        stderr = done.stderr.decode()
        assert "Traceback" not in stderr and "atexit ran" in stderr, stderr
        assert ("freed" in stderr.splitlines()) == (entry == "run"), (entry, stderr)  # which ending it was
        written = (project / output).read_bytes() if output else None
        seen.append((done.returncode, done.stdout, stderr.replace("freed\n", ""), written))
    assert seen[0] == seen[1]
    return (seen[0][3] if output else seen[0][1]), seen[0][0]


@pytest.mark.parametrize("args", [("report", "--format", "json"), ("report", "--format", "text", "--no-color"),
                                  ("report", "--format", "json", "--no-cache", "--exit-zero")])
def test_report_to_standard_output(seeds: Path, args: tuple[str, ...]) -> None:
    text, status = both_endings(seeds, *args)
    assert status == 0 and text.strip()
    if "json" in args:  # as in-process, where nothing ends at once (text is as wide as CliRunner's terminal)
        assert text == CliRunner().invoke(cli, list(args)).stdout_bytes


def test_report_to_a_file_with_findings_that_fail(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    generate(tmp_path, 12, 30, conflicts=3, seed=5)
    _isolate(tmp_path, monkeypatch)
    written, status = both_endings(tmp_path, "report", "--format", "json", "-o", "out.json", output="out.json")
    assert status == 1 and written.startswith(b'{"schema_version"')


def test_gate_and_eval(seeds: Path) -> None:
    gated, status = both_endings(seeds, "gate", "claims/bloomberg-2019-08-22.yaml", "--format", "json")
    assert status == 0 and b'"passed":true' in gated
    scored, status = both_endings(seeds, "eval", str(ROOT / "tests" / "data" / "accuracy"), "--min-recall", "1")
    assert status == 1 and b"precision" in scored  # below the floor: exit 1, as ever


def test_usage_errors_end_at_once_with_their_code(seeds: Path) -> None:
    (seeds / "notes.txt").write_text("mine\n", encoding="utf-8")
    _, status = both_endings(seeds, "report", "-o", "notes.txt")
    assert status == 2 and (seeds / "notes.txt").read_text(encoding="utf-8") == "mine\n"


def test_a_cache_written_in_the_run_is_complete_after_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    generate(tmp_path, 20, 30, conflicts=3, seed=9)
    _isolate(tmp_path, monkeypatch)
    first = factcheck("main", "report", "--format", "json", "-o", "first.json", cwd=tmp_path)
    assert first.returncode == 1 and "freed" not in first.stderr.decode()  # ended at once
    database = sqlite3.connect(tmp_path / CACHE_FOLDER / CACHE_FILE)
    try:
        assert database.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert database.execute("SELECT count(*) FROM files").fetchone() == (20,)
    finally:
        database.close()
    _, read = read_files(tmp_path / "claims", monkeypatch)
    assert read == []  # every claims file a hit: all twenty rows were committed
    assert not list(tmp_path.rglob("*.tmp"))  # every atomic write renamed
    again = factcheck("main", "report", "--format", "json", "-o", "again.json", cwd=tmp_path)
    assert again.returncode == 1
    assert (tmp_path / "again.json").read_bytes() == (tmp_path / "first.json").read_bytes()


USUAL = {
    "a thread alive": "import threading, time\n"
                      "threading.Thread(target=lambda: (time.sleep(0.3), print('thread done', flush=True))).start()\n",
    "a text status": "import sys\nsys.exit('stopped: a reason')\n",
    "not asked": "",
}


@pytest.mark.parametrize("case", sorted(USUAL))
def test_where_ending_at_once_could_differ_it_ends_the_usual_way(tmp_path: Path, case: str) -> None:
    """A command that asks, then leaves a thread running or gives a status that is not a number, ends as
    Python would end it (the thread finishes; the text is printed and the status is 1), as does one
    that never asked."""
    ask = "" if case == "not asked" else "    keep_to_end()\n"
    script = SCRIPT.replace("{entry}()", "@cli.command('probe')\ndef probe():\n" + ask +
                            "".join(f"    {line}\n" for line in USUAL[case].splitlines()) + "    sys.exit(0)\n{entry}()")
    script = script.replace("from factcheck.cli import {entry}",
                            "from factcheck.cli import {entry}, cli\nfrom factcheck.cli.ending import keep_to_end")
    done = factcheck("main", "probe", cwd=tmp_path, script=script)
    stderr = done.stderr.decode()
    assert "freed" in stderr.splitlines() and "atexit ran" in stderr
    if case == "a thread alive":
        assert done.stdout == b"thread done\n" and done.returncode == 0
    if case == "a text status":
        assert "stopped: a reason" in stderr and done.returncode == 1


def test_the_same_probe_ends_at_once_when_nothing_stands_in_the_way(tmp_path: Path) -> None:
    """The test above is not blind: with nothing in the way, the same command ends at once."""
    script = SCRIPT.replace("{entry}()", "@cli.command('probe')\ndef probe():\n    keep_to_end(Freed())\n"
                            "    print('out', end='')\n    sys.exit(4)\n{entry}()")
    script = script.replace("from factcheck.cli import {entry}",
                            "from factcheck.cli import {entry}, cli\nfrom factcheck.cli.ending import keep_to_end")
    done = factcheck("main", "probe", cwd=tmp_path, script=script)
    assert done.returncode == 4 and done.stdout == b"out"  # buffered output flushed, the status kept
    assert "freed" not in done.stderr.decode() and "atexit ran" in done.stderr.decode()


def test_cli_runner_and_library_calls_keep_nothing(seeds: Path) -> None:
    result = CliRunner().invoke(cli, ["report", "--format", "json"])
    assert result.exit_code == 0 and result.output.startswith('{"schema_version"')
    assert ending._kept == [] and ending._state == {"armed": False, "asked": False}

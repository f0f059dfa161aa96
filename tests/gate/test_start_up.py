"""`factcheck gate --format json` imports what it uses and nothing else: not rich (the text format's),
not the other commands' modules, the HTML page, extraction or its dateparser (start-up is a large share
of a warm gate: docs/performance.md, *Start-up, the gate command and the warm report*)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from factcheck.cli import LAZY_COMMANDS
from tests.cli.test_lazy_commands import PROBE
from tests.gate.repo import commit_all, git, write_wire

NOT_FOR_THE_GATE = ("rich", "jinja2", "markupsafe", "dateparser", "wordfreq", "dask", "xml",
                    "factcheck.extract", "factcheck.accuracy", "factcheck.report.html", "factcheck.report.text",
                    "factcheck.report.markdown", "factcheck.rules.testing", "factcheck.load.report_store",
                    "factcheck.schemas")


def gate_modules(repo: Path, *args: str) -> tuple[set[str], dict]:
    """The modules a `factcheck gate --base main ARGS` imported, in a fresh interpreter, and its JSON."""
    output = repo / "gate.json"
    done = subprocess.run([sys.executable, "-c", PROBE, "gate", "--base", "main", "-o", str(output), *args],
                          cwd=repo, capture_output=True, text=True, check=True,
                          env={**os.environ, "XDG_CACHE_HOME": str(repo.parent / "user-cache")})
    return set(json.loads(done.stderr.strip().splitlines()[-1])), json.loads(output.read_text(encoding="utf-8"))


def test_a_json_gate_imports_nothing_it_does_not_use(repo: Path) -> None:
    write_wire(repo)
    git(repo, "checkout", "-q", "-b", "pr")
    commit_all(repo, "a conflicting source")
    for run in ("cold", "warm"):
        modules, report = gate_modules(repo, "--format", "json")
        assert report["gate"]["failing"], run  # it ran: the wire's conflicts fail
        assert {"factcheck.gate.gate", "factcheck.engine.engine", "pydantic"} <= modules
        unneeded = {m for m in modules for name in NOT_FOR_THE_GATE if m == name or m.startswith(name + ".")}
        assert not unneeded, (run, unneeded)
        others = {f"factcheck.cli.{c.module}" for c in LAZY_COMMANDS.values()} - {"factcheck.cli.gate_commands"}
        assert not modules & others, (run, modules & others)


def test_the_text_gate_imports_rich_which_it_uses(repo: Path) -> None:
    """The check above is not blind: the text format is drawn with rich."""
    write_wire(repo)
    output = repo / "gate.txt"
    done = subprocess.run([sys.executable, "-c", PROBE, "gate", "--format", "text", "-o", str(output)], cwd=repo,
                          capture_output=True, text=True, env={**os.environ, "XDG_CACHE_HOME": str(repo / "c")})
    assert "FC101 conflict" in output.read_text(encoding="utf-8")
    assert "rich" in set(json.loads(done.stderr.strip().splitlines()[-1]))

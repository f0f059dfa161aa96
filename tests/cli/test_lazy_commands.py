"""Commands are imported by name when they run: `factcheck gate` does not import the other commands'
modules, and `--help` still lists every command."""

from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner

from factcheck.cli import LAZY_COMMANDS, cli

PROBE = """
import json, sys
from factcheck.cli import cli
cli.get_command(None, sys.argv[1])
print(json.dumps(sorted(m for m in sys.modules if m.startswith("factcheck.cli."))))
"""


def imported_for(command: str) -> set[str]:
    done = subprocess.run([sys.executable, "-c", PROBE, command], capture_output=True, text=True, check=True)
    return set(json.loads(done.stdout))


def test_the_gate_imports_its_own_command_module_only() -> None:
    modules = imported_for("gate")
    assert "factcheck.cli.gate_commands" in modules
    others = {f"factcheck.cli.{m}" for m in LAZY_COMMANDS.values()} - {"factcheck.cli.gate_commands",
                                                                          "factcheck.cli.report_commands"}
    assert not modules & others, modules & others


def test_help_lists_every_command() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    listed = {line.split()[0] for line in result.output.split("Commands:")[1].splitlines() if line.strip()}
    assert listed == {*LAZY_COMMANDS, "validate", "schema"}


def test_an_unknown_command_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["gatee"])
    assert result.exit_code == 2 and "No such command" in result.output

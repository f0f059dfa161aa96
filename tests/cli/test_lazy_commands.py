"""Commands are imported by name when they run: `factcheck --help` and `--version` import no command and
no library module (pydantic, rich, YAML readers, the rules, the model), `factcheck gate` none of the
other commands' modules, and `--help` still lists every command as click would, by its own help."""

from __future__ import annotations

import json
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from factcheck.cli import LAZY_COMMANDS, LazyGroup, cli

# Runs `factcheck ARGS` in a fresh interpreter, then prints the modules it imported (`run`: the entry point
# `main` may end the process at once, with the command's exit code).
PROBE = """
import json, sys
from factcheck.cli import run
sys.argv = ["factcheck", *sys.argv[1:]]
try:
    run()
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""
# What listing the commands or printing the version never needs: each costs start-up (docs/performance.md).
LIBRARY = ("pydantic", "rich", "yaml", "yaml_rs", "jinja2", "dateparser", "wordfreq", "rapidfuzz", "orjson",
           "sqlite3", "factcheck.model", "factcheck.rules", "factcheck.load", "factcheck.engine",
           "factcheck.report", "factcheck.config", "factcheck.extract", "factcheck.gate")


def imported_by(*args: str) -> set[str]:
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=True)
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


def library_in(modules: set[str]) -> set[str]:
    return {m for m in modules if any(m == name or m.startswith(name + ".") for name in LIBRARY)}


@pytest.mark.parametrize("args", [("--help",), ("--version",), ("gate", "--help"), ("report", "--help")])
def test_help_and_version_import_no_library_module(args: tuple[str, ...]) -> None:
    modules = imported_by(*args)
    if args[0] == "--help" or args[0] == "--version":
        assert not library_in(modules), library_in(modules)
        # the entry point's own two small modules (no library): its exit codes, and how it ends
        assert not {m for m in modules if m.startswith("factcheck.cli.")} - {"factcheck.cli.exit_codes",
                                                                             "factcheck.cli.ending"}
    else:  # a command's own --help imports its module, and nothing of the others'
        others = {f"factcheck.cli.{c.module}" for name, c in LAZY_COMMANDS.items() if name != args[0]}
        assert not modules & (others - {f"factcheck.cli.{LAZY_COMMANDS[args[0]].module}"})
        assert "pydantic" not in modules or args[0] != "gate" or "factcheck.gate" in modules


@pytest.mark.parametrize("args", [("extract", "--help"), ("eval-extract", "--help"), ("entities", "--help"),
                                  ("entities", "accept", "--help"), ("eval", "--help")])
def test_help_of_an_extraction_command_imports_no_extraction(args: tuple[str, ...]) -> None:
    """`factcheck.extract` imports the whole pipeline and dateparser: only a command that extracts needs it."""
    modules = imported_by(*args)
    assert f"factcheck.cli.{LAZY_COMMANDS[args[0]].module}" in modules
    assert not {m for m in modules if m.split(".")[0] == "dateparser" or m.startswith(("factcheck.extract",
                                                                                         "factcheck.accuracy"))}


def test_the_probe_sees_what_a_command_imports() -> None:
    """The probe is not blind: `validate --help` imports its module and, through it, the loader."""
    modules = imported_by("validate", "--help")
    assert "factcheck.cli.validate_commands" in modules and "factcheck.load" in modules


def test_the_gate_imports_its_own_command_module_only() -> None:
    modules = imported_by("gate", "--help")
    assert "factcheck.cli.gate_commands" in modules
    others = {f"factcheck.cli.{c.module}" for c in LAZY_COMMANDS.values()} - {"factcheck.cli.gate_commands"}
    assert not modules & others, modules & others
    assert "rich" not in modules


def real_commands() -> dict[str, click.Command]:
    """Every command, imported."""
    context = click.Context(cli)
    found = {name: cli.get_command(context, name) for name in LAZY_COMMANDS}
    assert all(found.values())
    return found  # type: ignore[return-value]


def test_each_summary_is_the_first_paragraph_of_the_commands_own_help() -> None:
    for name, command in real_commands().items():
        assert command.help is not None
        assert LAZY_COMMANDS[name].summary == " ".join(command.help.partition("\n\n")[0].split()), name


def group_like_cli(cls: type[click.Group], **commands: click.Command) -> click.Group:
    group = cls("factcheck", commands=commands, help=cli.help, context_settings=cli.context_settings)
    return click.version_option("0", prog_name="factcheck")(group)


@pytest.mark.parametrize("width", [40, 60, 80, 100, 200])
def test_help_lists_every_command_as_click_lists_the_imported_ones(width: int) -> None:
    """A lazy group with no command imported lists them as click lists every command imported, at
    several terminal widths (the summaries are cut to fit)."""
    listed = CliRunner().invoke(group_like_cli(LazyGroup), ["--help"], terminal_width=width)
    names = {line.split()[0] for line in listed.output.split("Commands:")[1].splitlines() if line.strip()}
    assert names == set(LAZY_COMMANDS)
    expected = CliRunner().invoke(group_like_cli(click.Group, **real_commands()), ["--help"], terminal_width=width)
    assert listed.output == expected.output


def test_an_unknown_command_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["gatee"])
    assert result.exit_code == 2 and "No such command" in result.output

"""`--indent N` on `factcheck report` and `factcheck gate`: JSON is compact by default (a source or finding a
line, the report streamed to standard output), indented for people, the same data either way."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.report.json_schema import report_schema
from tests.cli.test_report import project  # noqa: F401 - the fixture: a copy of the seeds' project
from tests.gate.repo import make_repo, write_wire


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code in (0, 1), result.output
    return result.stdout


def test_report_json_is_compact_and_indent_gives_the_same_data(project: Path) -> None:
    compact = run("report", "--format", "json", "-q")
    assert compact.startswith('{"schema_version":2,"tool":{"name":"factcheck"')
    data = json.loads(compact)
    jsonschema.validate(data, report_schema())
    assert len(compact.splitlines()) == len(data["sources"]) + len(data["findings"]) + 3
    for indent in ("2", "4"):
        indented = run("report", "--format", "json", "-q", "--indent", indent)
        assert indented == json.dumps(data, indent=int(indent), ensure_ascii=False) + "\n"


def test_report_json_to_a_file_is_what_standard_output_shows(project: Path) -> None:
    for extra in ([], ["--indent", "3"]):
        shown = run("report", "--format", "json", "-q", *extra)
        written = project / "report.json"
        run("report", "--format", "json", "-q", "-o", str(written), *extra)  # the second time over the first
        assert written.read_text(encoding="utf-8") == shown


@pytest.mark.parametrize("command", [["report"], ["report", "--format", "markdown"], ["gate", "--format", "sarif"]])
def test_indent_without_json_is_a_usage_error(project: Path, command: list[str]) -> None:
    result = CliRunner().invoke(cli, [*command, "--indent", "2"])
    assert result.exit_code == 2
    assert "error: --indent applies to --format json" in result.stderr


def test_gate_json_is_compact_and_indent_gives_the_same_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = make_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    write_wire(repo, speaker=None)  # conflicts with the seeds: the gate fails
    changed = "claims/wire-2019-09-02.yaml"
    compact = run("gate", changed, "--format", "json")
    data = json.loads(compact)
    assert data["gate"]["passed"] is False and data["gate"]["failing"]
    jsonschema.validate(data, report_schema())
    assert compact.startswith('{"schema_version":2,"tool":') and len(compact.splitlines()) > len(data["findings"])
    indented = run("gate", changed, "--format", "json", "--indent", "2")
    assert indented == json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def test_report_and_gate_take_the_same_indent_option() -> None:
    """The gate takes `--indent` from rule_options (without importing the report command's module); the
    report's must read the same: name, type, bounds and help."""
    import click

    from factcheck.cli.gate_commands import gate
    from factcheck.cli.report_commands import report

    def indent(command: click.Command) -> dict:
        option = next(p for p in command.params if p.name == "indent")
        return {**option.to_info_dict(), "help": option.help}

    assert indent(report) == indent(gate)
    assert indent(gate)["type"] == {"param_type": "IntRange", "name": "integer range", "min": 0, "max": None,
                                    "min_open": False, "max_open": False, "clamp": False}

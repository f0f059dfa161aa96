"""`factcheck schema --for report`: the JSON report's schema, as checked in at schemas/report.schema.json,
which the report the command writes on the seeds satisfies."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from factcheck.cli import cli

ROOT = Path(__file__).resolve().parents[2]


def test_schema_for_report_writes_the_checked_in_report_schema() -> None:
    result = CliRunner().invoke(cli, ["schema", "--for", "report"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8")


def test_the_seeds_report_satisfies_the_schema_the_command_writes(tmp_path: Path) -> None:
    out = tmp_path / "report.schema.json"
    assert CliRunner().invoke(cli, ["schema", "--for", "report", "-o", str(out)]).exit_code == 0
    schema = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    report = CliRunner().invoke(cli, ["report", "--claims", str(ROOT / "claims"), "--format", "json", "--exit-zero"])
    assert report.exit_code == 0, report.output
    jsonschema.validate(json.loads(report.stdout), schema)
    with pytest.raises(jsonschema.ValidationError):  # a report of another schema version
        jsonschema.validate({**json.loads(report.stdout), "schema_version": 1}, schema)


def test_the_help_offers_report() -> None:
    result = CliRunner().invoke(cli, ["schema", "--help"])
    assert result.exit_code == 0 and "report" in result.output


def test_the_report_schema_it_wrote_is_replaced_on_a_second_run(tmp_path: Path) -> None:
    out = tmp_path / "report.schema.json"
    for _ in range(2):  # the second run replaces factcheck's own output; it was refused (exit 2)
        result = CliRunner().invoke(cli, ["schema", "--for", "report", "-o", str(out)])
        assert result.exit_code == 0, result.output

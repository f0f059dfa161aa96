"""`factcheck validate` and `factcheck schema` as a user runs them: output and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from tests.report.hostile import HOSTILE, assert_no_command_lines, write_project

DATA = Path(__file__).resolve().parents[1] / "data" / "load"


def test_valid_project_exits_0() -> None:
    result = CliRunner().invoke(cli, ["validate", str(DATA / "valid")])
    assert result.exit_code == 0, result.output
    assert "1 sources, 3 claims, 5 entities: all valid." in result.output


def test_invalid_files_exit_1_with_located_problems_and_a_count() -> None:
    result = CliRunner().invoke(cli, ["validate", str(DATA / "broken" / "unknown_property.yaml"),
                                      str(DATA / "broken" / "yaml11_norway.yaml")])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert lines[-1] == "Found 3 problems in 2 files."
    assert any(line.endswith("unknown_property.yaml:14:15: R002 claims[0].property: unknown property 'expire_on' "
                             "(did you mean 'expires_on'?)") for line in lines)
    assert "Traceback" not in result.output


def test_usage_error_exits_2() -> None:
    result = CliRunner().invoke(cli, ["validate", "--entities", "/no/such/file.yaml"])
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_schema_is_a_json_schema_that_accepts_the_claims_file(tmp_path: Path) -> None:
    import jsonschema

    out = tmp_path / "claims.schema.json"
    result = CliRunner().invoke(cli, ["schema", "-o", str(out)])
    assert result.exit_code == 0, result.output
    schema = json.loads(out.read_text())
    assert set(schema["properties"]) == {"source", "claims"}
    valid = {
        "source": {"id": "x", "publisher": "P", "title": "T", "published": "2019-08", "text": "a.txt",
                   "sha256": "0" * 64},
        "claims": [{"id": "c", "kind": "date", "subject": "gsomia", "property": "expires_on",
                    "value": {"date": "2019-11-23"}, "evidence": {"text": "Nov. 23", "start": 0, "end": 7}}],
    }
    jsonschema.validate(valid, schema)
    valid["claims"][0]["kind"] = "dat"
    try:
        jsonschema.validate(valid, schema)
    except jsonschema.ValidationError:
        pass
    else:
        raise AssertionError("the schema accepted an unknown kind")


def test_schema_for_entities() -> None:
    result = CliRunner().invoke(cli, ["schema", "--for", "entities"])
    assert result.exit_code == 0
    assert "entities" in json.loads(result.output)["properties"]


def test_a_missing_path_is_a_usage_error(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    missing = CliRunner().invoke(cli, ["validate", str(tmp_path / "nope")])
    assert missing.exit_code == 2 and "does not exist" in missing.output
    monkeypatch.chdir(tmp_path)  # no claims directory here, and none given
    default = CliRunner().invoke(cli, ["validate"])
    assert default.exit_code == 2 and "no claims directory here" in default.output


@pytest.mark.parametrize("hostile", list(HOSTILE.values()), ids=list(HOSTILE))
def test_validate_never_lets_a_hostile_file_name_key_or_value_start_a_line(
        hostile: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hostile_file = write_project(tmp_path, hostile)
    monkeypatch.chdir(tmp_path)
    text = hostile_file.read_text(encoding="utf-8")  # broken: an unknown key and a bad date, both hostile
    text = text.replace("  status: reviewed\n", f"  status: reviewed\n  {json.dumps(hostile)}: 1\n", 1)
    text = text.replace("date: '2019-11-23'", f"date: {json.dumps(hostile)}", 1)
    hostile_file.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", "claims"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert_no_command_lines(result.stdout)
    assert_no_command_lines(result.stderr)
    assert result.stderr.strip().splitlines()[-1].startswith("Found ")

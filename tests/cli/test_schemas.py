"""JSON Schemas for every file factcheck reads (`factcheck schema --for KIND`), checked with jsonschema
against the shipped files; the checked-in copies in schemas/ are current; extracted claims files carry
the `# yaml-language-server: $schema=` line, which survives re-extraction and does not break loading."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.schemas import KINDS, json_schema, schema_text

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]
SHIPPED_RULES = ROOT / "factcheck" / "data" / "rules"


def plain(value: Any) -> Any:
    """YAML data as JSON sees it: dates as ISO strings."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def load(path: Path) -> Any:
    return plain(yaml.safe_load(path.read_text(encoding="utf-8")))


def files(kind: str) -> list[Path]:
    rules = [*SHIPPED_RULES.glob("*.yaml"), *(ROOT / "rules").glob("*.yaml")]
    found = {
        "claims": [p for p in (ROOT / "claims").glob("*.yaml") if p.name not in ("entities.yaml", "vocabulary.yaml",
                                                                                 "cues.yaml")],
        "entities": list((ROOT / "claims").glob("entities.yaml")),
        "vocabulary": [ROOT / "factcheck" / "data" / "vocabulary.yaml"],
        "rules": [p for p in rules if not p.name.endswith(".test.yaml")],
        "rule-tests": [p for p in rules if p.name.endswith(".test.yaml")],
        "cues": [ROOT / "factcheck" / "data" / "cues.yaml", ROOT / "factcheck" / "data" / "events.yaml"],
    }
    return found.get(kind, [])


@pytest.mark.parametrize("kind", ["claims", "entities", "vocabulary", "rules", "rule-tests", "cues"])
def test_the_shipped_files_are_valid_by_their_schema(kind: str) -> None:
    schema = json_schema(kind)
    jsonschema.Draft202012Validator.check_schema(schema)
    paths = files(kind)
    assert paths, kind
    for path in paths:
        jsonschema.validate(load(path), schema)


@pytest.mark.parametrize(("kind", "data", "wrong"), [
    ("rules", {"id": "FC101", "name": "x", "description": "d", "explain": "e", "pair_by": ["subject"],
               "compare": {"comparator": "date"}, "sevrity": "error"}, "sevrity"),
    ("rule-tests", {"rule": "FC101", "cases": [{"name": "n", "sources": [], "expect": []}]}, "sources"),
    ("cues", {"speech_verbs": "said"}, "speech_verbs"),
    ("config", {"fail-on": 3}, "fail-on"),
    ("baseline", {"entries": [{"finding": "FC101-0"}]}, "reason"),
])
def test_a_wrong_file_is_refused_by_its_schema(kind: str, data: Any, wrong: str) -> None:
    with pytest.raises(jsonschema.ValidationError) as raised:
        jsonschema.validate(data, json_schema(kind))
    assert wrong in str(raised.value)


def test_a_written_baseline_and_the_documented_config_are_valid(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.gate.repo import make_repo, write_wire

    repo = make_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    write_wire(repo, speaker=None)
    report = json.loads(CliRunner().invoke(cli, ["report", "--format", "json"]).stdout)
    [conflict] = [f["id"] for f in report["findings"] if f["verdict"] == "conflict"]
    added = CliRunner().invoke(cli, ["baseline", "add", conflict, "--reason", "r", "--expires", "2999-01-01"])
    assert added.exit_code == 0, added.output
    jsonschema.validate(load(repo / ".factcheck" / "baseline.yaml"), json_schema("baseline"))
    page = (ROOT / "docs" / "config.md").read_text(encoding="utf-8")
    examples = [block.split("\n", 1)[1] for block in page.split("```toml\n")[1:]]
    for example in (block.split("```", 1)[0] for block in examples):
        data = tomllib.loads(example)
        jsonschema.validate(data.get("tool", {}).get("factcheck", data), json_schema("config"))


@pytest.mark.parametrize("kind", KINDS)
def test_the_checked_in_schemas_are_current_and_the_command_writes_them(kind: str) -> None:
    checked_in = ROOT / "schemas" / f"{kind}.schema.json"
    assert checked_in.read_text(encoding="utf-8") == schema_text(kind), f"run: factcheck schema --for {kind} -o {checked_in.relative_to(ROOT)}"
    result = CliRunner().invoke(cli, ["schema", "--for", kind])
    assert result.exit_code == 0 and result.stdout == schema_text(kind)


def test_schema_o_replaces_an_earlier_schema_and_nothing_else(tmp_path: Path) -> None:
    out = tmp_path / "s.json"
    for kind in KINDS:  # each overwrites the one before: a schema factcheck wrote
        assert CliRunner().invoke(cli, ["schema", "--for", kind, "-o", str(out)]).exit_code == 0
        assert json.loads(out.read_text())["$schema"].startswith("https://json-schema.org/")
    notes = tmp_path / "notes.json"
    notes.write_text('{"mine": true}\n')
    assert CliRunner().invoke(cli, ["schema", "--for", "rules", "-o", str(notes)]).exit_code == 2
    assert notes.read_text() == '{"mine": true}\n'


def test_extracted_files_carry_the_schema_line_through_re_extraction(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    source = next((ROOT / "seeds").glob("*.txt"))
    shutil.copy(source, tmp_path / "story.txt")
    args = ["extract", "story.txt", "--id", "story", "--published", "2019-08-22", "--publisher", "P", "--title", "T",
            "-o", "claims/story.yaml"]
    for _ in range(2):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, result.output
        text = (tmp_path / "claims" / "story.yaml").read_text(encoding="utf-8")
        first = text.splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema=") and first.endswith("/schemas/claims.schema.json")
        assert text.count("yaml-language-server") == 1
    data = load(tmp_path / "claims" / "story.yaml")
    jsonschema.validate(data, json_schema("claims"))
    validated = CliRunner().invoke(cli, ["validate", "claims/story.yaml"])
    assert "S001" not in validated.output and "Y00" not in validated.output  # only unknown entities, if anything

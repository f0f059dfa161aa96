"""The config file: found like Ruff's, paths relative to it, flags win, mistakes located (exit 2)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factcheck.cli import cli
from factcheck.config import Config, ConfigError, find_config_file, load_config, read_settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The seeds' project in a git repository, run from a folder below its root."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    for folder in ("claims", "seeds"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    (tmp_path / "notes").mkdir()
    monkeypatch.chdir(tmp_path / "notes")
    return tmp_path


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def rules_run(result: Result) -> set[str]:
    return {f["rule"]["id"] for f in json.loads(result.stdout)["findings"] if f["verdict"] != "unverified"}


def test_found_by_walking_up_and_paths_are_relative_to_the_file(project: Path) -> None:
    (project / "factcheck.toml").write_text('claims = "claims"\nselect = ["fc10"]\nformat = "json"\n')
    assert find_config_file() == project / "factcheck.toml"
    result = run("report")
    assert result.exit_code == 0, result.output
    assert rules_run(result) == {"FC101"} and json.loads(result.stdout)["summary"]["rules"] == 3  # FC101, FC103, FC104
    assert run("validate").output.startswith("2 sources, 104 claims")


def test_a_flag_wins_over_the_file(project: Path) -> None:
    (project / "factcheck.toml").write_text('claims = "claims"\nselect = ["FC1"]\nformat = "json"\n')
    assert rules_run(run("report", "--select", "FC201")) == {"FC201"}
    assert run("report", "--format", "markdown").output.startswith("# factcheck")


def test_pyproject_tool_table_and_factcheck_toml_winning_in_one_folder(project: Path) -> None:
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.factcheck]\nclaims = ["claims"]\n'
                                            'ignore = ["FC1", "fc2"]\nformat = "json"\n')
    assert find_config_file() == project / "pyproject.toml"
    assert not rules_run(run("report")) & {"FC101", "FC103", "FC201"}
    (project / "factcheck.toml").write_text('claims = "claims"\nselect = ["FC201"]\nformat = "json"\n')
    assert rules_run(run("report")) == {"FC201"}


def test_a_pyproject_without_the_table_is_passed_over_and_the_search_stops_at_the_repository(
        project: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert find_config_file() is None
    assert load_config() == Config()
    outer = tmp_path_factory.mktemp("outer")
    (outer / "factcheck.toml").write_text("bogus = 1\n")
    inner = outer / "repo"
    subprocess.run(["git", "init", "-q", str(inner)], check=True)
    assert find_config_file(inner) is None  # a file above the repository is not the project's
    assert find_config_file(outer) == outer / "factcheck.toml"


@pytest.mark.parametrize(("text", "expected"), [
    ('claims = "claims"\n\nselekt = ["FC1"]\n', "factcheck.toml:3: selekt: unknown key; known keys: claims,"),
    ('claims = "claims"\nselect = "FC1"\n', "factcheck.toml:2: select: Input should be a valid list, got 'FC1'"),
    ('fail-on = "fatal"\n', "factcheck.toml:1: fail-on: 'fatal': use a severity"),
    ('format = "pdf"\n', "factcheck.toml:1: format: Input should be 'text', 'json'"),
    ('reviewed-only = "yes"\n', "factcheck.toml:1: reviewed-only: Input should be a valid boolean, got 'yes'"),
    ('claims = "claims"\nselect = [,]\n', "factcheck.toml:2: not valid TOML"),
])
def test_a_mistake_names_the_file_line_and_key_and_exits_2(project: Path, text: str, expected: str) -> None:
    (project / "factcheck.toml").write_text(text)
    for command in (["report"], ["gate"], ["validate"], ["test-rules"], ["baseline", "prune"]):
        result = run(*command)
        assert result.exit_code == 2, (command, result.output)
        assert result.output.startswith("error: ") and expected in result.output, result.output
        assert "Traceback" not in result.output
    assert run("report", "--help").exit_code == 0  # help still works


def test_pyproject_mistakes_are_located_in_the_tool_table(project: Path) -> None:
    (project / "pyproject.toml").write_text('[project]\nname = "x"\nselect = 1\n\n[tool.factcheck]\nformat = "json"\n'
                                            'select = 1\n')
    with pytest.raises(ConfigError, match=r"pyproject.toml:7: select: Input should be a valid list"):
        read_settings(project / "pyproject.toml")


def test_fail_on_from_the_file_sets_the_exit_code(project: Path) -> None:
    (project / "factcheck.toml").write_text('claims = "claims"\nfail-on = "compatible"\n')
    assert run("report", "-q").exit_code == 1  # the seeds have two compatible findings
    assert run("report", "-q", "--fail-on", "conflict").exit_code == 0
    assert run("report", "-q", "--exit-zero").exit_code == 0


def test_every_key_is_documented() -> None:
    from factcheck.config import Settings

    page = (ROOT / "docs" / "config.md").read_text(encoding="utf-8")
    for name, field in Settings.model_fields.items():
        assert f"`{field.alias or name}`" in page, name


def test_the_config_formats_are_the_registry_formats() -> None:
    from factcheck.config import GATE_FORMATS, REPORT_FORMATS
    from factcheck.gate.render import GATE_FORMATS as GATE
    from factcheck.report import FORMATS

    assert set(REPORT_FORMATS) == set(FORMATS) and set(GATE_FORMATS) == set(GATE)


def test_the_file_init_writes_is_valid_with_every_commented_key_set(tmp_path: Path) -> None:
    import re

    template = (ROOT / "factcheck" / "data" / "init" / "factcheck.toml").read_text(encoding="utf-8")
    uncommented = re.sub(r"(?m)^# ([a-z-]+ = .*)$", r"\1", template)
    assert uncommented != template
    for number, text in enumerate((template, uncommented)):
        path = tmp_path / f"{number}" / "factcheck.toml"
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
        settings = read_settings(path)
        assert settings.claims == "claims" and settings.rules == "rules"
    assert settings.select and settings.ignore and settings.fail_on and settings.baseline and settings.format


def test_the_gate_and_baseline_take_their_settings_from_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.gate.repo import make_repo, write_wire

    repo = make_repo(tmp_path / "repo")
    (repo / "notes").mkdir()
    monkeypatch.chdir(repo / "notes")
    (repo / "factcheck.toml").write_text('claims = "claims"\ngate-format = "json"\nbaseline = "accepted.yaml"\n'
                                         'fail-on = ["error", "conflict"]\n')
    write_wire(repo, speaker=None)
    gate = run("gate")
    assert gate.exit_code == 1, gate.output
    data = json.loads(gate.stdout)
    [finding_id] = data["gate"]["failing"]
    assert run("baseline", "add", finding_id, "--reason", "known").exit_code == 0
    assert (repo / "accepted.yaml").is_file() and not (repo / ".factcheck" / "baseline.yaml").exists()
    assert run("gate").exit_code == 0
    assert run("gate", "--baseline", "../.factcheck/none.yaml").exit_code == 1  # the flag wins

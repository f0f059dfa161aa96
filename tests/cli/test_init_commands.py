"""`factcheck init`: a project skeleton that validate, report, gate and test-rules accept at once, that
never replaces a user's file, and whose commented examples and keys are right when uncommented."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.config import read_settings
from factcheck.skeleton import FILES

ROOT = Path(__file__).resolve().parents[2]
SKELETON = [path for path, _, _ in FILES] + [".gitignore"]


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


@pytest.fixture
def empty_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_init_gives_a_project_every_command_accepts(empty_repo: Path) -> None:
    code, output = run("init")
    assert code == 0, output
    for name in SKELETON:
        assert (empty_repo / name).is_file(), name
        assert name in output
    assert "factcheck extract" in output and "pre-commit install" in output
    for command in (["validate"], ["report"], ["gate"], ["test-rules"], ["rules"]):
        code, output = run(*command)
        assert code == 0, (command, output)
    assert "10 rules" in run("report")[1]


def test_init_makes_the_folder_it_is_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, output = run("init", "newsroom/project")
    assert code == 0, output
    assert (tmp_path / "newsroom" / "project" / "claims" / "entities.yaml").is_file()


def test_init_replaces_nothing_and_says_which_files_exist(empty_repo: Path) -> None:
    (empty_repo / "factcheck.toml").write_text("# mine\n", encoding="utf-8")
    (empty_repo / "claims").mkdir()
    (empty_repo / "claims" / "entities.yaml").write_text("entities: []  # mine\n", encoding="utf-8")
    code, output = run("init")
    assert code == 2
    assert "error: factcheck.toml exists: factcheck init does not replace it" in output
    assert "error: claims/entities.yaml exists" in output and "Nothing was written." in output
    assert (empty_repo / "factcheck.toml").read_text(encoding="utf-8") == "# mine\n"
    assert not (empty_repo / ".pre-commit-config.yaml").exists() and not (empty_repo / ".gitignore").exists()


def test_an_existing_gitignore_keeps_its_lines_and_gets_the_missing_ones(empty_repo: Path) -> None:
    (empty_repo / ".gitignore").write_text("node_modules/\n.*.yaml.lock", encoding="utf-8")  # no final newline
    code, output = run("init")
    assert code == 0, output
    lines = (empty_repo / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert lines[:2] == ["node_modules/", ".*.yaml.lock"]
    assert lines.count(".*.yaml.lock") == 1 and "/.factcheck/gate-report.txt" in lines
    assert re.search(r"\.gitignore +kept; added 1 line\n", output)
    assert "the lock file" not in (empty_repo / ".gitignore").read_text(encoding="utf-8"), "no comment without its line"


def test_the_commented_entity_example_is_valid_when_uncommented(empty_repo: Path) -> None:
    run("init")
    path = empty_repo / "claims" / "entities.yaml"
    text = path.read_text(encoding="utf-8")
    example = "\n".join(line[2:] for line in text.splitlines() if line.startswith("#   ") or line == "# entities:")
    data = yaml.safe_load(example)
    assert [e["id"] for e in data["entities"]] == ["harbour-authority", "ada-okafor"]
    path.write_text(example + "\n", encoding="utf-8")
    code, output = run("validate")
    assert code == 0, output
    assert "2 entities" in output


def test_every_commented_config_key_is_one_the_config_reads(empty_repo: Path) -> None:
    run("init")
    text = (empty_repo / "factcheck.toml").read_text(encoding="utf-8")
    assert read_settings(empty_repo / "factcheck.toml").rules == "rules"
    uncommented = re.sub(r"(?m)^# ([a-z-]+ = )", r"\1", text)
    keys = re.findall(r"(?m)^([a-z-]+) = ", uncommented)
    assert set(keys) >= {"claims", "rules", "select", "ignore", "fail-on", "baseline", "format"}
    (empty_repo / "factcheck.toml").write_text(uncommented, encoding="utf-8")
    settings = read_settings(empty_repo / "factcheck.toml")
    assert settings.select == ["FC1", "FC201"] and settings.fail_on == "error"


def test_the_init_hooks_are_the_published_hooks_run_locally(empty_repo: Path) -> None:
    run("init")
    local = yaml.safe_load((empty_repo / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    [repo] = local["repos"]
    published = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    same = ("id", "name", "entry", "files", "pass_filenames", "require_serial")
    assert repo["repo"] == "local"
    assert [{k: h.get(k) for k in same} for h in repo["hooks"]] == [{k: h.get(k) for k in same} for h in published]
    assert {h["language"] for h in repo["hooks"]} == {"system"}
    text = (empty_repo / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert "@VERSION@" not in text and "@REPOSITORY@" not in text


def test_the_workflow_to_copy_pins_factcheck_by_tag(empty_repo: Path) -> None:
    from factcheck import __version__

    run("init")
    workflow = yaml.safe_load((empty_repo / "ci" / "github-workflow.yml").read_text(encoding="utf-8"))
    steps = [step.get("run", "") for step in workflow["jobs"]["gate"]["steps"]]
    install = next(step for step in steps if step.startswith("pip install"))
    assert f"@v{__version__}" in install and "git+" in install
    assert any("factcheck gate --base origin/" in step for step in steps)

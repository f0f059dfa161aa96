"""Rule files, `plugins.yaml` and rule tests found in a rules directory go through the path policy:
a pull request's symlink, FIFO or device there is a located E005 (exit 2, bad rules), never a read."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli

REPO = Path(__file__).resolve().parents[2]
CLAIMS = REPO / "tests" / "data" / "load" / "valid"
TIMEOUT = 60


@pytest.fixture
def rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository with one rule and its test in `rules/`, as the working directory."""
    repo = tmp_path / "repo"
    (repo / "rules").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    for name in ("FC101-date-consistency.yaml", "FC101-date-consistency.test.yaml"):
        shutil.copy(REPO / "factcheck" / "data" / "rules" / name, repo / "rules" / name)
    (tmp_path / "outside.yaml").write_text("rules: []\n")
    monkeypatch.chdir(repo)
    monkeypatch.delenv("FACTCHECK_ROOT", raising=False)
    return repo / "rules"


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.output


def test_the_rules_as_built_pass(rules: Path) -> None:
    code, output = invoke("test-rules", "rules")
    assert code == 0, output


@pytest.mark.parametrize("target", ["../../outside.yaml", "/etc/passwd", "/dev/zero", "/dev/urandom"])
@pytest.mark.parametrize("name", ["FC999-stolen.yaml", "plugins.yaml", "FC999-stolen.test.yaml"])
def test_a_file_symlinked_out_of_the_rules_directory_is_refused(rules: Path, name: str, target: str) -> None:
    (rules / name).symlink_to(target)
    for args in (("report", "--claims", str(CLAIMS), "--rules", "rules"), ("test-rules", "rules")):
        if name.endswith(".test.yaml") and args[0] == "report":
            continue  # report does not read rule tests
        code, output = invoke(*args)
        assert code == 2, output
        assert f"rules/{name}: E005 refused: outside the project root (after following symlinks)" in output


@pytest.mark.parametrize("name", ["FC999-pipe.yaml", "plugins.yaml", "FC999-pipe.test.yaml"])
def test_a_fifo_in_the_rules_directory_is_refused_without_hanging(rules: Path, name: str) -> None:
    os.mkfifo(rules / name)
    environment = {key: value for key, value in os.environ.items() if key != "FACTCHECK_ROOT"}
    result = subprocess.run([sys.executable, "-m", "factcheck", "test-rules", "rules"], cwd=rules.parent,
                            capture_output=True, text=True, timeout=TIMEOUT, env=environment)
    assert result.returncode == 2, result.stderr
    assert f"rules/{name}: E005 refused: a FIFO (named pipe), not a regular file" in result.stderr


def test_a_rules_directory_symlinked_out_of_the_root_is_refused(rules: Path, tmp_path: Path) -> None:
    (rules.parent / "evil").symlink_to(REPO / "rules")
    code, output = invoke("test-rules", "evil")
    assert code == 2
    assert "evil: E005 refused: outside the project root" in output
    assert "FC101" not in output  # its files were not even listed


def test_a_rule_test_source_id_that_is_a_path_is_a_located_error(rules: Path) -> None:
    test_file = rules / "FC101-date-consistency.test.yaml"
    test_file.write_text(test_file.read_text().replace("      - id: bloomberg\n", "      - id: ../x\n", 1))
    code, output = invoke("test-rules", "rules")
    assert code == 2
    assert "rules/FC101-date-consistency.test.yaml:8:13: S001 cases[0].sources[0].id: " in output

"""The pre-commit hooks, run by pre-commit itself from a copy of this project, in a claims repository.

Slow (pre-commit builds a virtualenv with factcheck in it, from PyPI): marked `slow`, deselect with
`-m "not slow"`. It needs pre-commit (the [dev] extra) and git, and runs on a copy of the project's
working tree committed in a temporary repository, so it does not depend on this repository's commits.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.gate.repo import ROOT, commit_all, date_claim, git, make_repo, write_source, write_wire

PROJECT_FILES = ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "factcheck")
PRE_COMMIT = Path(sys.executable).parent / "pre-commit"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not PRE_COMMIT.exists(), reason="pre-commit is not installed (pip install -e '.[dev]')"),
]


def project_copy(target: Path) -> tuple[Path, str]:
    """This project's working tree (what pip needs to install it), committed in a new repository."""
    target.mkdir(parents=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, target / name)
    git(target, "init", "-q", "-b", "main")
    commit_all(target, "factcheck")
    return target, git(target, "rev-parse", "HEAD").strip()


def pre_commit(repo: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    env.pop("VIRTUAL_ENV", None)
    return subprocess.run([str(PRE_COMMIT), *args], cwd=repo, env=env, capture_output=True, text=True, timeout=900)


HOOKS = ("factcheck-validate", "factcheck-gate", "factcheck-test-rules")


def claims_repo_with_hooks(tmp_path: Path, project: Path, revision: str) -> Path:
    """The seeds' claims repository, with the hooks configured and the gate hook's report ignored (as
    `factcheck init` and docs/ci.md have it)."""
    claims_repo = make_repo(tmp_path / "claims-repo")
    (claims_repo / ".pre-commit-config.yaml").write_text(hooks_config(project, revision), encoding="utf-8")
    (claims_repo / ".gitignore").write_text("/.factcheck/gate-report.txt\n", encoding="utf-8")
    return claims_repo


def hooks_config(project: Path, revision: str) -> str:
    hooks = "".join(f"      - id: {hook}\n" for hook in HOOKS)
    return f"repos:\n  - repo: {project}\n    rev: {revision}\n    hooks:\n{hooks}"


def test_the_hooks_fail_on_a_new_conflict_and_pass_when_it_is_resolved(tmp_path: Path) -> None:
    project, revision = project_copy(tmp_path / "factcheck")
    claims_repo = claims_repo_with_hooks(tmp_path, project, revision)
    write_wire(claims_repo)
    git(claims_repo, "add", "-A")
    home = tmp_path / "pre-commit-home"  # the hooks' environment is built once, for every run

    failed = pre_commit(claims_repo, home, "run", "--files", "claims/wire-2019-09-02.yaml")
    output = failed.stdout + failed.stderr
    assert failed.returncode == 1, output
    assert "factcheck validate" in output and "factcheck gate" in output
    assert "claims/wire-2019-09-02.yaml:" in output and "FC101 conflict" in output and "FC201 conflict" in output
    # Concise: the failing findings, one line each, and the outcome; the whole report is in the file.
    gate_output = output.split("factcheck gate", 1)[1].split("factcheck test-rules", 1)[0]
    assert len(gate_output.strip().splitlines()) < 12, gate_output
    assert "Wrote .factcheck/gate-report.txt." in gate_output
    assert "2019-10-30..2019-11-29" in (claims_repo / ".factcheck" / "gate-report.txt").read_text(encoding="utf-8")
    assert "factcheck test-rules" in output and "(no files to check)Skipped" in output.replace(".", "")

    agreeing = "The pact will expire on Nov. 23, 2019, unless renewed.\n"
    (claims_repo / "claims" / "wire-2019-09-02.yaml").unlink()
    (claims_repo / "seeds" / "wire-2019-09-02.txt").unlink()
    write_source(claims_repo, "agreeing-wire", agreeing,
                 [date_claim("gsomia-expiry", "2019-11-23", "expire on Nov. 23, 2019")])
    git(claims_repo, "add", "-A")
    passed = pre_commit(claims_repo, home, "run", "--files", "claims/agreeing-wire.yaml")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout

    # Committed, then touched: its old findings are not new against HEAD.
    (claims_repo / ".pre-commit-config.yaml").unlink()
    write_wire(claims_repo, speaker=None)
    commit_all(claims_repo, "a wire whose conflict was accepted before the hooks")
    (claims_repo / ".pre-commit-config.yaml").write_text(hooks_config(project, revision), encoding="utf-8")
    wire = claims_repo / "claims" / "wire-2019-09-02.yaml"
    wire.write_text(wire.read_text(encoding="utf-8") + "# checked again\n", encoding="utf-8")
    git(claims_repo, "add", "-A")
    touched = pre_commit(claims_repo, home, "run", "--files", "claims/wire-2019-09-02.yaml")
    assert touched.returncode == 0, touched.stdout + touched.stderr


def test_the_hooks_run_on_source_texts_and_rules(tmp_path: Path) -> None:
    project, revision = project_copy(tmp_path / "factcheck")
    claims_repo = claims_repo_with_hooks(tmp_path, project, revision)
    home = tmp_path / "pre-commit-home"
    seed = claims_repo / "seeds" / "000_a030a752b5a4a38b.txt"  # the Bloomberg seed
    seed.write_text(seed.read_text(encoding="utf-8").replace("Pompeo", "Pompei", 1), encoding="utf-8")
    rule = claims_repo / "rules" / "FC502-office-held.yaml"
    rule.write_text(rule.read_text(encoding="utf-8").replace("functional: true", "functional: maybe"), encoding="utf-8")
    git(claims_repo, "add", "-A")
    result = pre_commit(claims_repo, home, "run", "--all-files")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert f"seeds/{seed.name}" in output and "E003" in output  # the source text changed: validate says so
    assert "rules/FC502-office-held.yaml:" in output and "functional" in output  # test-rules loads the rules

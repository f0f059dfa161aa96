"""A pull request cannot get past the gate unseen: by a symlinked claims file, by accepting its own
conflict in the baseline, or by deleting the source its conflict is with (issue 9, item 2)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import yaml
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.gate import GateRequest, run_gate
from tests.gate.repo import commit_all, git, write_wire
from tests.gate.test_gate_cli import gate, on_branch

BASELINE = Path(".factcheck/baseline.yaml")


def accept_on_main(repo: Path) -> str:
    """The wire's expiry conflict, accepted in main's baseline; returns its finding id."""
    write_wire(repo, speaker=None)
    [finding] = run_gate(GateRequest()).failing
    assert CliRunner().invoke(cli, ["baseline", "add", finding.id, "--reason", "known"]).exit_code == 0
    commit_all(repo, "the wire, accepted")
    return finding.id


def test_a_symlinked_claims_file_is_a_change_and_is_judged(repo: Path) -> None:
    wire = write_wire(repo, speaker=None)
    hidden = repo / "notes" / "wire.yaml"
    hidden.parent.mkdir()
    shutil.move(wire, hidden)
    os.symlink("../notes/wire.yaml", wire)
    on_branch(repo)
    result = gate("--base", "main")
    assert result.exit_code == 1, result.output
    assert "FC101 conflict" in result.output and "1 changed claims file" in result.output


def test_a_link_whose_target_the_change_edits_is_a_change(repo: Path) -> None:
    wire = write_wire(repo, expiry="2019-11-23", speaker=None)  # agrees
    hidden = repo / "notes" / "wire.yaml"
    hidden.parent.mkdir()
    shutil.move(wire, hidden)
    os.symlink("../notes/wire.yaml", wire)
    commit_all(repo, "an agreeing wire behind a link")
    hidden.write_text(hidden.read_text(encoding="utf-8").replace("2019-11-23", "2019-12-31"), encoding="utf-8")
    on_branch(repo)
    result = gate("--base", "main")
    assert result.exit_code == 1, result.output
    assert "FC101 conflict" in result.output


def test_a_link_out_of_the_repository_is_not_followed(repo: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text("source: {}\n", encoding="utf-8")
    os.symlink(outside, repo / "claims" / "leak.yaml")
    on_branch(repo)
    result = gate("--base", "main")
    assert result.exit_code == 1, result.output
    assert "claims/leak.yaml: G001 a symlink that leads outside the repository: not followed" in result.output
    assert "Traceback" not in result.output


def test_a_baseline_entry_added_by_the_change_fails_unless_allowed(repo: Path) -> None:
    write_wire(repo, speaker=None)
    [finding] = run_gate(GateRequest()).failing
    assert CliRunner().invoke(cli, ["baseline", "add", finding.id, "--reason", "trust me"]).exit_code == 0
    on_branch(repo, "a conflicting wire that accepts itself")
    result = gate("--base", "main")
    assert result.exit_code == 1, result.output
    assert f"error: accepted in this change: needs review: finding {finding.id} (added in the baseline): trust me" \
        in result.output
    assert "1 baseline entry accepted in this change need review" in result.output
    assert gate("--base", "main", "--format", "json", "-o", "gate.json").exit_code == 1
    data = json.loads(Path("gate.json").read_text(encoding="utf-8"))
    assert data["gate"]["passed"] is False and data["gate"]["failing"] == [finding.id]
    assert data["gate"]["baseline_changes"][0]["how"] == "added"
    allowed = gate("--base", "main", "--allow-baseline-changes")
    assert allowed.exit_code == 0, allowed.output
    assert "warning: accepted in this change: needs review" in allowed.output


def test_a_changed_baseline_reason_needs_review(repo: Path) -> None:
    finding_id = accept_on_main(repo)
    data = yaml.safe_load(BASELINE.read_text(encoding="utf-8"))
    data["entries"][0]["reason"] = "a new reason"
    data["entries"][0]["expires"] = "2999-12-31"
    BASELINE.write_text(yaml.safe_dump(data), encoding="utf-8")
    write_wire(repo, speaker=None, source_id="wire-2019-09-02")  # unchanged: the PR edits only the baseline
    on_branch(repo, "a longer acceptance")
    result = gate("--base", "main", "claims/wire-2019-09-02.yaml")
    assert result.exit_code == 1, result.output
    assert f"accepted in this change: needs review: finding {finding_id} (changed in the baseline): a new reason" \
        in result.output
    assert f"accepted {finding_id} (FC101 gsomia expires_on): known" in result.output  # main's entry judges
    markdown = gate("--base", "main", "claims/wire-2019-09-02.yaml", "--format", "markdown").output
    assert "## The change itself" in markdown and "needs review" in markdown
    assert gate("--base", "main", "claims/wire-2019-09-02.yaml", "--allow-baseline-changes").exit_code == 0


def test_deleting_the_counterpart_source_fails_and_names_the_finding(repo: Path) -> None:
    write_wire(repo, speaker=None)
    commit_all(repo, "a wire that conflicts with the seeds")
    [known] = [f for f in run_gate(GateRequest(paths=(Path("claims/wire-2019-09-02.yaml"),))).failing]
    (repo / "claims" / "wire-2019-09-02.yaml").unlink()
    on_branch(repo, "drop the wire")
    result = gate("--base", "main")
    assert result.exit_code == 1, result.output
    assert "deleted source wire-2019-09-02: claims/wire-2019-09-02.yaml" in result.output
    assert (f"error: finding {known.id} (FC101 gsomia expires_on, a conflict at the base) lost its evidence: "
            "its source wire-2019-09-02 is deleted") in result.output
    for format_name, expected in (("github", "::error title=factcheck gate::finding"), ("sarif", "lost its evidence"),
                                  ("junit", "lost its evidence"), ("markdown", "deleted source"),
                                  ("json", '"deleted_source":"wire-2019-09-02"')):
        shown = gate("--base", "main", "--format", format_name)
        assert shown.exit_code == 1 and expected in shown.output, (format_name, shown.output)
    assert gate("--base", "main", "--allow-deleted-sources").exit_code == 0


def test_deleting_a_baselined_source_fails_too(repo: Path) -> None:
    finding_id = accept_on_main(repo)
    (repo / "claims" / "wire-2019-09-02.yaml").unlink()
    on_branch(repo, "drop the wire")
    result = gate("--base", "main")
    assert result.exit_code == 1, result.output
    assert f"finding {finding_id} (FC101 gsomia expires_on, accepted in the baseline) lost its evidence" in result.output


def test_a_renamed_source_is_listed_in_every_format(repo: Path) -> None:
    write_wire(repo, expiry="2019-11-23", speaker=None)
    commit_all(repo, "an agreeing wire")
    git(repo, "mv", "claims/wire-2019-09-02.yaml", "claims/wire-renamed.yaml")
    on_branch(repo, "rename")
    result = gate("--base", "main")
    assert result.exit_code == 0, result.output
    assert "renamed source wire-2019-09-02: claims/wire-2019-09-02.yaml -> claims/wire-renamed.yaml" in result.output
    for format_name in ("json", "markdown", "sarif", "junit", "github"):
        shown = gate("--base", "main", "--format", format_name).output
        assert "wire-renamed.yaml" in shown, format_name

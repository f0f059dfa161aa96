"""`factcheck gate` as CI runs it, in a temporary claims repository: exit codes, and messages that point
at the exact claims."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from factcheck.cli import cli
from tests.gate.repo import (
    commit_all,
    date_claim,
    git,
    line_of,
    write_source,
    write_wire,
)


def gate(*args: str) -> Result:
    return CliRunner().invoke(cli, ["gate", *args])


def on_branch(repo: Path, message: str = "a new source") -> None:
    """Commit the working tree's changes on a pull-request branch off main."""
    git(repo, "checkout", "-q", "-b", "pr")
    commit_all(repo, message)


def test_a_conflicting_source_fails_with_exit_1_and_points_at_its_claims(repo: Path) -> None:
    wire = write_wire(repo)
    on_branch(repo)
    result = gate("--base", "main")
    assert result.exit_code == 1, result.output
    assert f"claims/wire-2019-09-02.yaml:{line_of(wire, 'gsomia-expiry')}: FC101 conflict" in result.output
    assert f"claims/wire-2019-09-02.yaml:{line_of(wire, 'concern-quote')}: FC201 conflict" in result.output
    assert "Taro Kono" in result.output and "Standing apart: wire-2019-09-02" in result.output
    assert "factcheck gate: failed: 2 new findings" in result.output
    assert "Traceback" not in result.output


def test_uncommitted_and_untracked_sources_are_gated_too(repo: Path) -> None:
    write_wire(repo, speaker=None)  # untracked: the gate sees it before it is committed
    assert gate("--base", "main").exit_code == 1
    assert gate().exit_code == 1  # no --base: what is not committed yet


def test_a_source_that_only_agrees_passes(repo: Path) -> None:
    text = "The pact will expire on Nov. 23, 2019, unless renewed.\n"
    write_source(repo, "agreeing-wire", text, [date_claim("gsomia-expiry", "2019-11-23", "expire on Nov. 23, 2019")])
    on_branch(repo)
    result = gate("--base", "main")
    assert result.exit_code == 0, result.output
    assert "factcheck gate: passed" in result.output


def test_no_change_passes_with_a_note(repo: Path) -> None:
    result = gate("--base", "main")
    assert result.exit_code == 0, result.output
    assert "no claims file changed" in result.output


def test_paths_are_gated_without_git(tmp_path: Path, repo: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    plain = tmp_path / "plain"
    for folder in ("claims", "rules", "seeds"):
        (plain / folder).mkdir(parents=True)
        for item in (repo / folder).iterdir():
            (plain / folder / item.name).write_bytes(item.read_bytes())
    monkeypatch.chdir(plain)
    wire = write_wire(plain)
    result = gate(str(wire.relative_to(plain)))
    assert result.exit_code == 1, result.output
    assert "claims/wire-2019-09-02.yaml:" in result.output


def test_an_invalid_claims_file_fails_with_exit_1_and_its_location(repo: Path) -> None:
    wire = write_wire(repo, speaker=None)
    wire.write_text(wire.read_text(encoding="utf-8").replace("property: expires_on", "property: expire_on"),
                    encoding="utf-8")
    result = gate("--base", "main")
    assert result.exit_code == 1, result.output
    line = line_of(wire, "gsomia-expiry") + 3
    assert f"claims/wire-2019-09-02.yaml:{line}:" in result.output and "R002" in result.output
    assert "Traceback" not in result.output


def test_a_broken_rule_file_gives_exit_2_with_its_location(repo: Path) -> None:
    write_wire(repo, speaker=None)
    (repo / "rules" / "FC999-broken.yaml").write_text("id: FC999\nname: broken\ncompare: {comparator: nope}\n",
                                                     encoding="utf-8")
    result = gate()
    assert result.exit_code == 2, result.output
    assert "rules/FC999-broken.yaml:1:1:" in result.output
    assert "Traceback" not in result.output


def test_a_broken_rule_at_the_base_is_shown_at_the_base(repo: Path) -> None:
    (repo / "rules" / "FC999-broken.yaml").write_text("id: FC999\nname: [\n", encoding="utf-8")
    commit_all(repo, "a broken rule on main")
    write_wire(repo, speaker=None)
    on_branch(repo)
    result = gate("--base", "main")
    assert result.exit_code == 2, result.output
    assert "main:rules/FC999-broken.yaml:" in result.output


BUILT_IN_FC101 = Path(__file__).resolve().parents[2] / "factcheck" / "data" / "rules" / "FC101-date-consistency.yaml"


def lenient(rule_text: str) -> str:
    return rule_text.replace("tolerance_days: 0", "tolerance_days: 400")


def test_rules_are_taken_from_the_base_so_a_change_cannot_weaken_them(repo: Path) -> None:
    write_wire(repo, speaker=None)  # only the date conflict, which FC101 judges
    (repo / "rules" / "FC101-date-consistency.yaml").write_text(lenient(BUILT_IN_FC101.read_text(encoding="utf-8")),
                                                                encoding="utf-8")
    on_branch(repo, "a new source, and a lenient override of the rule that would flag it")
    result = gate("--base", "main")
    assert result.exit_code == 1, result.output
    assert "FC101 conflict" in result.output
    assert "judged by the rules at main" in result.output
    weakened = gate("--base", "main", "--rules-from-head")
    assert weakened.exit_code == 0, weakened.output


def test_a_project_rule_made_lenient_in_the_change_is_ignored(repo: Path) -> None:
    rule = repo / "rules" / "FC101-date-consistency.yaml"
    rule.write_text(BUILT_IN_FC101.read_text(encoding="utf-8"), encoding="utf-8")
    commit_all(repo, "the project's own copy of FC101")
    write_wire(repo, speaker=None)
    rule.write_text(lenient(rule.read_text(encoding="utf-8")), encoding="utf-8")
    on_branch(repo)
    assert gate("--base", "main").exit_code == 1
    assert gate("--base", "main", "--rules-from-head").exit_code == 0


def test_rules_missing_at_the_base_are_taken_from_the_working_tree_with_a_note(repo: Path) -> None:
    git(repo, "mv", "rules", "checks")
    commit_all(repo, "rules moved")
    write_wire(repo, speaker=None)
    on_branch(repo)
    result = gate("--base", "main~1", "--rules", "checks")
    assert result.exit_code == 1, result.output
    assert "checks does not exist at main~1" in result.output


def test_not_a_git_repository_is_exit_2_with_a_clear_message(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    result = gate("--base", "main")
    assert result.exit_code == 2
    assert "not inside a git repository" in result.output
    assert "Traceback" not in result.output


def test_a_bad_revision_is_exit_2_with_a_clear_message(repo: Path) -> None:
    result = gate("--base", "no-such-branch")
    assert result.exit_code == 2
    assert "bad revision 'no-such-branch'" in result.output and "fetch-depth" in result.output
    assert gate("--base", "--output=x").exit_code == 2


def test_a_missing_path_is_a_usage_error(repo: Path) -> None:
    result = gate("claims/nope.yaml")
    assert result.exit_code == 2
    assert "no such file" in result.output


def test_fail_on_compatible_and_unverified(repo: Path) -> None:
    text = "The pact will expire in November 2019, unless renewed. Seoul will talk to Tokyo.\n"
    write_source(repo, "month-wire", text, [date_claim("gsomia-expiry", "2019-11", "expire in November 2019")])
    on_branch(repo)
    assert gate("--base", "main").exit_code == 0
    compatible = gate("--base", "main", "--fail-on", "compatible")
    assert compatible.exit_code == 1, compatible.output
    assert "FC101 compatible" in compatible.output


def test_fail_on_unverified_fails_on_a_claim_no_one_else_makes(repo: Path) -> None:
    text = "The pact was first proposed in 2011.\n"
    write_source(repo, "lonely-wire", text, [date_claim("gsomia-proposed", "2011", "first proposed in 2011",
                                                       property_id="announced_on")])
    on_branch(repo)
    assert gate("--base", "main").exit_code == 0
    result = gate("--base", "main", "--fail-on", "unverified")
    assert result.exit_code == 1, result.output
    assert "unverified" in result.output


def test_a_changed_entity_file_compares_every_source(repo: Path) -> None:
    entities = repo / "claims" / "entities.yaml"
    entities.write_text(entities.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    result = gate("--base", "main")
    assert result.exit_code == 0, result.output
    assert "entities.yaml changed: every source is compared" in result.output


def test_the_output_file_and_the_summary_on_stderr(repo: Path) -> None:
    write_wire(repo)
    result = gate("--format", "json", "-o", "gate.json")
    assert result.exit_code == 1
    assert "Wrote gate.json." in result.stderr and result.stdout == ""

    data = json.loads((repo / "gate.json").read_text(encoding="utf-8"))
    assert data["gate"]["passed"] is False and len(data["gate"]["failing"]) == 2
    assert data["gate"]["changed_sources"] == ["wire-2019-09-02"]
    assert all(len(f["fingerprint"]) == 64 for f in data["findings"])


def test_markdown_leads_with_the_new_conflicts_and_what_to_do(repo: Path) -> None:
    write_wire(repo)
    result = gate("--format", "markdown")
    assert result.exit_code == 1
    markdown = result.stdout
    assert markdown.startswith("# factcheck gate: ❌ failed: 2 new findings")
    assert markdown.index("### What to do") < markdown.index("## ❌ New findings that fail (2)")
    assert "factcheck baseline add FINDING_ID" in markdown
    assert "wire-2019-09-02 ⚠️" in markdown


def test_an_unknown_rule_id_is_exit_2(repo: Path) -> None:
    result = gate("--base", "main", "--select", "FC999")
    assert result.exit_code == 2
    assert "unknown rule 'FC999'" in result.output and "Traceback" not in result.output

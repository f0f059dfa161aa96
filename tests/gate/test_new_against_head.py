"""What is new, and what judges it, now that the built-in rules are in force by default.

- Before a commit (no `--base`, the changes asked of git: the pre-commit hook), a finding is new only
  when the committed tree (HEAD) did not already have it: touching a committed claims file does not
  report its old findings as new.
- With `--base`, a rules folder missing at the base does not let the change bring its own rules: the
  built-in rules judge it.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from factcheck.cli import cli
from tests.gate.repo import commit_all, git, write_wire

LENIENT_FC101 = """id: FC101
name: date-consistency
description: A lenient override that a pull request would like to slip in.
explain: Any two dates within ten years agree.
match: {kinds: [date, duration]}
pair_by: [subject, property]
compare: {comparator: date, params: {tolerance_days: 3650}}
"""


def gate(*args: str) -> Result:
    return CliRunner().invoke(cli, ["gate", *args])


def test_touching_a_committed_claims_file_does_not_make_its_findings_new(repo: Path) -> None:
    wire = write_wire(repo, speaker=None)
    first = gate()
    assert first.exit_code == 1 and "FC101 conflict" in first.output, first.output  # new: not committed yet
    commit_all(repo, "the wire, conflict and all (say, accepted by a maintainer before the gate existed)")
    wire.write_text(wire.read_text(encoding="utf-8") + "# checked again\n", encoding="utf-8")
    touched = gate()
    assert touched.exit_code == 0, touched.output
    assert "1 finding the changed files already had at HEAD is not new: FC101-" in touched.output
    assert "FC101 conflict:" not in touched.output  # no failing line


def test_a_new_conflict_in_a_touched_file_is_still_new(repo: Path) -> None:
    wire = write_wire(repo, speaker=None)
    commit_all(repo, "the wire")
    write_wire(repo, speaker="taro-kono")  # adds the misattributed quote to the committed file
    result = gate()
    assert result.exit_code == 1, result.output
    assert "FC201 conflict" in result.output and "1 finding the changed files already had at HEAD" in result.output
    assert wire.is_file()


def test_a_change_cannot_bring_the_rules_that_judge_it_when_the_base_has_none(repo: Path) -> None:
    git(repo, "rm", "-r", "-q", "rules")
    commit_all(repo, "no project rules: the built-in ones are enough")
    write_wire(repo, speaker=None)
    (repo / "rules").mkdir()
    (repo / "rules" / "FC101-lenient.yaml").write_text(LENIENT_FC101, encoding="utf-8")
    git(repo, "checkout", "-q", "-b", "pr")
    commit_all(repo, "a conflicting wire, and a rule that would excuse it")
    judged = gate("--base", "main")
    assert judged.exit_code == 1, judged.output
    assert "rules does not exist at main: only the built-in rules judge this change" in judged.output
    assert gate("--base", "main", "--rules-from-head").exit_code == 0  # the override works when asked for

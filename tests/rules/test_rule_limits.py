"""A rule's `message` takes only `{name}` placeholders (issue 9, item 8): a format spec or a conversion
(`{subject:>999999999999}` exhausts memory, `{values:d}` fails at report time) is a located rule
error when the rules load, and `factcheck report` exits 2."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli.report_commands import report
from factcheck.load import ProblemsError
from factcheck.rules import load_rules

ROOT = Path(__file__).resolve().parents[2]
BASE = (ROOT / "factcheck" / "data" / "rules" / "FC101-date-consistency.yaml").read_text()
MESSAGE_LINE = next(n for n, line in enumerate(BASE.splitlines(), 1) if line.startswith("message:"))


def rule_problems(tmp_path: Path, message: str) -> list:
    text = "\n".join(f"message: {message!r}" if line.startswith("message:") else line
                     for line in BASE.splitlines()) + "\n"
    (tmp_path / "rule.yaml").write_text(text)
    with pytest.raises(ProblemsError) as caught:
        load_rules([tmp_path])
    return caught.value.problems


@pytest.mark.parametrize(("message", "needle"), [
    ("{subject:>999999999999}", "{subject:>999999999999} has a format spec or conversion"),
    ("{values:d}", "{values:d} has a format spec"),
    ("{subject:{verdict}}", "{subject:{verdict}} has a format spec"),
    ("{subject!r}", "{subject!r} has a format spec or conversion"),
    ("{subject!s:^20}", "{subject!s:^20}"),
    ("{subject.__class__}", "unknown placeholder(s) subject.__class__"),
    ("{values[0]}", "unknown placeholder(s) values[0]"),
    ("{}", "unknown placeholder(s) {}"),
    ("{subject", "bad placeholder"),
    ("close }", "bad placeholder"),
])
def test_a_message_with_more_than_plain_placeholders_is_a_located_rule_error(tmp_path: Path, message: str,
                                                                             needle: str) -> None:
    [problem] = rule_problems(tmp_path, message)
    assert problem.code == "S001" and problem.field == "rules[0].message" and problem.line == MESSAGE_LINE
    assert needle in problem.message


def test_plain_placeholders_and_escaped_braces_are_fine(tmp_path: Path) -> None:
    (tmp_path / "rule.yaml").write_text(BASE.replace("{subject_name}", "{{literal}} {subject_name} {values}", 1))
    [loaded] = load_rules([tmp_path], builtin=False)
    assert "{{literal}}" in loaded.rule.message


def test_report_with_such_a_rule_exits_2_without_a_traceback(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "claims", tmp_path / "claims")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "rule.yaml").write_text(
        "\n".join("message: '{subject:>999999999999}'" if line.startswith("message:") else line
                  for line in BASE.splitlines()) + "\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(report, ["--claims", "claims", "--rules", "rules"], catch_exceptions=False)
    assert result.exit_code == 2, result.output
    assert f"rules/rule.yaml:{MESSAGE_LINE}:" in result.output and "format spec" in result.output

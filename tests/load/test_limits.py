"""Limits of the YAML reader (issue 9, items 8 and 10): every hostile file ends in a located problem.

Huge integers, too many keys or list items, an overlong evidence text, control characters, and the
same claims file named twice; for each YAML file factcheck reads (claims, entities, vocabulary,
rules, baseline, cues) through its own loader.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli.validate_commands import validate
from factcheck.extract.cues import read_lexicon
from factcheck.gate.baseline import load_baseline
from factcheck.load import ProblemsError, load_corpus
from factcheck.load.document import MAX_INT_DIGITS, read_yaml
from factcheck.rules import load_rules

ROOT = Path(__file__).resolve().parents[2]
HUGE = "9" * 5000  # Python refuses int() of more than 4,300 digits


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped claims and seeds, as the working directory and project root."""
    shutil.copytree(ROOT / "claims", tmp_path / "claims")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACTCHECK_ROOT", str(tmp_path))
    return tmp_path


def test_an_integer_over_the_limit_is_a_located_y002(tmp_path: Path) -> None:
    [problem] = read_yaml(write(tmp_path, "doc.yaml", f"a: 1\nb: {HUGE}\n")).problems
    assert (problem.code, problem.line, problem.column, problem.field) == ("Y002", 2, 4, "b")
    assert f"{len(HUGE)} digits" in problem.message


def test_an_integer_at_the_limit_is_read(tmp_path: Path) -> None:
    document = read_yaml(write(tmp_path, "doc.yaml", f"a: -{'9' * MAX_INT_DIGITS}\n"))
    assert document.problems == [] and document.data["a"] == -int("9" * MAX_INT_DIGITS)


def test_a_huge_integer_in_a_claims_file_fails_validate_with_exit_1(project: Path) -> None:
    claims = project / "claims" / "bloomberg-2019-08-22.yaml"
    claims.write_text(claims.read_text().replace("start: 4068", f"start: {HUGE}", 1))
    result = CliRunner().invoke(validate, ["claims"], catch_exceptions=False)
    assert result.exit_code == 1, result.output
    assert "Y002" in result.output and "5000 digits" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("name", ["entities.yaml", "vocabulary.yaml"])
def test_a_huge_integer_in_entities_or_vocabulary(project: Path, name: str) -> None:
    path = project / "claims" / name
    path.write_text(path.read_text() + f"extra: {HUGE}\n")
    with pytest.raises(ProblemsError) as caught:
        load_corpus([project / "claims"])
    assert any(p.code == "Y002" and p.path.endswith(name) and p.line > 1 for p in caught.value.problems)


def test_a_huge_integer_in_a_rule(tmp_path: Path) -> None:
    rule = (ROOT / "factcheck" / "data" / "rules" / "FC101-date-consistency.yaml").read_text().replace("tolerance_days: 0",
                                                                                f"tolerance_days: {HUGE}")
    write(tmp_path, "rule.yaml", rule)
    with pytest.raises(ProblemsError) as caught:
        load_rules([tmp_path])
    [problem] = caught.value.problems
    line = next(n for n, text in enumerate(rule.splitlines(), 1) if "tolerance_days:" in text)
    assert problem.code == "Y002" and problem.line == line


def test_a_huge_integer_in_a_baseline(tmp_path: Path) -> None:
    path = write(tmp_path, "baseline.yaml", f"version: {HUGE}\nentries: []\n")
    with pytest.raises(ProblemsError) as caught:
        load_baseline(path)
    [problem] = caught.value.problems
    assert (problem.code, problem.line) == ("Y002", 1)


def test_a_huge_integer_in_a_cue_file(tmp_path: Path) -> None:
    path = write(tmp_path, "cues.yaml", f"quantities:\n  scales:\n    zillion: {HUGE}\n")
    with pytest.raises(ProblemsError) as caught:
        read_lexicon(path)
    [problem] = caught.value.problems
    assert (problem.code, problem.line, problem.column) == ("Y002", 3, 14)


def test_too_many_keys_in_one_mapping(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_MAX_YAML_KEYS", "50")
    text = "top:\n" + "".join(f"  k{i}: {i}\n" for i in range(51))
    [problem] = read_yaml(write(tmp_path, "doc.yaml", text)).problems
    assert (problem.code, problem.line, problem.field) == ("Y002", 52, "top")
    assert "more than 50 keys" in problem.message and "FACTCHECK_MAX_YAML_KEYS" in problem.message


def test_the_default_key_limit_stops_a_500k_key_file_early(tmp_path: Path) -> None:
    text = "".join(f"k{i}: 1\n" for i in range(500_000))
    [problem] = read_yaml(write(tmp_path, "doc.yaml", text)).problems
    assert problem.code == "Y002" and problem.line == 10_001


def test_too_many_items_in_one_flow_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_MAX_YAML_ITEMS", "100")
    text = "items: [" + ", ".join("1" for _ in range(101)) + "]\n"
    [problem] = read_yaml(write(tmp_path, "doc.yaml", text)).problems
    assert (problem.code, problem.line, problem.field) == ("Y002", 1, "items")
    assert "more than 100 items" in problem.message and "FACTCHECK_MAX_YAML_ITEMS" in problem.message


def test_a_nested_list_over_the_limit_is_refused_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_MAX_YAML_ITEMS", "3")
    [problem] = read_yaml(write(tmp_path, "doc.yaml", "a:\n- [1]\n- {b: 1}\n- []\n- [2]\n")).problems
    assert (problem.code, problem.line, problem.column) == ("Y002", 5, 3)


def test_a_bad_limit_in_the_environment_keeps_the_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_MAX_YAML_ITEMS", "-1")
    assert read_yaml(write(tmp_path, "doc.yaml", "a: [1, 2, 3]\n")).problems == []


def test_an_evidence_text_over_the_limit(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_MAX_EVIDENCE_CHARS", "20")
    result = CliRunner().invoke(validate, ["claims/bloomberg-2019-08-22.yaml"], catch_exceptions=False)
    assert result.exit_code == 1
    over = [line for line in result.output.splitlines() if " Y002 " in line]
    assert over and all(".evidence.text: evidence text of" in line and "over the limit of 20" in line
                        for line in over)
    assert over[0].startswith("claims/bloomberg-2019-08-22.yaml:")


def test_the_default_evidence_limit_reads_the_shipped_claims(project: Path) -> None:
    assert len(load_corpus([project / "claims"]).documents) == 2


@pytest.mark.parametrize(("text", "line", "column"), [
    ('a: "x\x01y"\n', 1, 6),
    ("a: 1\nb: c\x07d\n", 2, 5),
    ("a:\n  - ok\n  - \x1b[2Jcleared\n", 3, 5),
])
def test_control_characters_are_y001_with_line_and_column(tmp_path: Path, text: str, line: int, column: int) -> None:
    [problem] = read_yaml(write(tmp_path, "doc.yaml", text)).problems
    assert (problem.code, problem.line, problem.column) == ("Y001", line, column)
    assert "is not allowed" in problem.message and "position" not in problem.message


def test_the_same_claims_file_given_twice_is_read_once(project: Path) -> None:
    named = ["claims/bloomberg-2019-08-22.yaml", "./claims/bloomberg-2019-08-22.yaml", "claims"]
    result = CliRunner().invoke(validate, named, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "R004" not in result.output and "2 sources" in result.output


def test_a_symlinked_claims_file_is_still_a_file_of_its_own(project: Path) -> None:
    (project / "claims" / "copy.yaml").symlink_to("bloomberg-2019-08-22.yaml")
    result = CliRunner().invoke(validate, ["claims"], catch_exceptions=False)
    assert result.exit_code == 1 and "R004" in result.output

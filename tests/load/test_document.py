"""The safe YAML reader: values, locations, and every unsafe or ambiguous construct."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from factcheck.load.document import read_yaml


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "doc.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_values_follow_yaml_12_core_rules(tmp_path: Path) -> None:
    document = read_yaml(write(tmp_path, "a: 1\nb: 2.5\nc: true\nd: ~\ne: 2019-08-22\nf: 2019-08\ng: text\nh: '0123'\n"))
    assert document.problems == []
    assert document.data == {"a": 1, "b": 2.5, "c": True, "d": None, "e": dt.date(2019, 8, 22), "f": "2019-08",
                             "g": "text", "h": "0123"}


def test_locations_are_one_based_line_and_column(tmp_path: Path) -> None:
    document = read_yaml(write(tmp_path, "source:\n  id: x\nclaims:\n  - id: a\n    kind: date\n"))
    assert document.locate(("source", "id")) == (2, 7)
    assert document.locate(("claims", 0)) == (4, 5)
    assert document.locate(("claims", 0, "kind")) == (5, 11)
    # a field that is not there is located at its nearest enclosing value
    assert document.locate(("claims", 0, "subject")) == (4, 5)


@pytest.mark.parametrize(
    ("text", "line", "column", "needle"),
    [
        ("country: NO\n", 1, 10, "unquoted NO is the boolean false in YAML 1.1"),
        ("answer: yes\n", 1, 9, "unquoted yes is the boolean true"),
        ("flag: off\n", 1, 7, "unquoted off is the boolean false"),
        ("id: 0123\n", 1, 5, "unquoted 0123 is an octal number"),
        ("time: 1:20\n", 1, 7, "unquoted 1:20 is a base-60 number"),
        ("n: 1_000\n", 1, 4, "unquoted 1_000 is a number in YAML 1.1"),
    ],
)
def test_yaml11_surprises_are_errors_and_keep_the_text(tmp_path: Path, text: str, line: int, column: int,
                                                        needle: str) -> None:
    document = read_yaml(write(tmp_path, text))
    [problem] = document.problems
    assert (problem.code, problem.line, problem.column) == ("Y003", line, column)
    assert needle in problem.message
    assert list(document.data.values()) == [text.split(": ", 1)[1].strip()]


def test_a_date_that_does_not_exist(tmp_path: Path) -> None:
    [problem] = read_yaml(write(tmp_path, "date: 2019-02-29\n")).problems
    assert (problem.code, problem.line, problem.column) == ("E004", 1, 7)
    assert "2019-02-29 does not exist" in problem.message


def test_duplicate_keys_are_reported_not_overwritten(tmp_path: Path) -> None:
    [problem] = read_yaml(write(tmp_path, "a: 1\nb: 2\na: 3\n")).problems
    assert (problem.code, problem.line, problem.field) == ("Y004", 3, "a")


def test_anchors_and_aliases_are_refused(tmp_path: Path) -> None:
    [problem] = read_yaml(write(tmp_path, "a: &x [1, 2]\nb: *x\n")).problems
    assert problem.code == "Y002" and "anchors" in problem.message


def test_billion_laughs_is_refused_quickly(data_dir: Path) -> None:
    document = read_yaml(data_dir / "load" / "broken" / "alias_bomb.yaml")
    assert [p.code for p in document.problems] == ["Y002"]


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    [problem] = read_yaml(write(tmp_path, "a: " + "[" * 100 + "]" * 100 + "\n"), max_depth=64).problems
    assert problem.code == "Y002" and "deeper than 64" in problem.message


def test_files_over_the_size_limit_are_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "a: " + "x" * 200 + "\n")
    [problem] = read_yaml(path, max_bytes=100).problems
    assert problem.code == "Y002" and "over the limit of 100" in problem.message
    monkeypatch.setenv("FACTCHECK_MAX_YAML_BYTES", "50")
    assert [p.code for p in read_yaml(path).problems] == ["Y002"]


def test_python_tags_are_never_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    document = read_yaml(write(tmp_path, f'a: !!python/object/apply:os.system ["touch {marker}"]\n'))
    assert [p.code for p in document.problems] == ["Y002"]
    assert not marker.exists()


def test_syntax_errors_are_located(tmp_path: Path) -> None:
    [problem] = read_yaml(write(tmp_path, "a: [1, 2\nb: 3\n")).problems
    assert problem.code == "Y001" and problem.line == 2


def test_invalid_utf8_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(b"a: ok\nb: \xff\n")
    [problem] = read_yaml(path).problems
    assert (problem.code, problem.line) == ("Y001", 2)


def test_explicit_str_tag_is_allowed(tmp_path: Path) -> None:
    document = read_yaml(write(tmp_path, "a: !!str 0123\n"))
    assert document.problems == [] and document.data == {"a": "0123"}

"""Validation says where an evidence text really is, with every offset or length error: once, several
times (each place listed), or nowhere. The project in tests/data/fix has a claims file with a wrong `end`
(a length mismatch, S001) and a quote one character off (E001)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factcheck.load import ProblemsError, load_corpus
from factcheck.load.evidence import Span, describe_places, find_spans

FIX = Path(__file__).resolve().parents[1] / "data" / "fix"
TEXT = (FIX / "seeds" / "mini.txt").read_text(encoding="utf-8")


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    shutil.copytree(FIX, tmp_path / "project")
    return tmp_path / "project"


def messages(project: Path) -> dict[str, str]:
    with pytest.raises(ProblemsError) as caught:
        load_corpus([project / "claims"])
    return {f"{p.code} {p.field}": p.message for p in caught.value.problems}


def test_places_are_offsets_and_lines() -> None:
    assert find_spans(TEXT, "We are disappointed") == [Span(186, 205, 5)]
    assert find_spans(TEXT, "pact") == [Span(24, 28, 1), Span(143, 147, 3)]
    assert find_spans("aaa", "aa") == [Span(0, 2, 1), Span(1, 3, 1)]  # overlapping places count
    assert find_spans(TEXT, "no such words") == []
    assert describe_places(find_spans(TEXT, "pact")) == "found 2 times: at 24..28 (line 1), 143..147 (line 3)"
    assert describe_places([]) == "not found in the source text"


def test_a_long_list_of_places_is_cut() -> None:
    spans = find_spans("x\n" * 500, "x")
    assert len(spans) == 101  # searched no further than the limit
    assert describe_places(spans).startswith("found more than 100 times: at 0..1 (line 1), 2..3 (line 2)")
    assert describe_places(spans).endswith("8..9 (line 5), ...")


def test_a_wrong_end_says_where_the_text_is(project: Path) -> None:
    found = messages(project)
    assert found["S001 claims[0].evidence"] == ("end - start is 1 but the evidence text has 44 characters; "
                                               "found at 139..183 (line 3)")
    assert found["E001 claims[1].evidence"] == ("evidence text is not at 187..206 in ../seeds/mini.txt; "
                                               "found at 186..205 (line 5)")


@pytest.mark.parametrize(("evidence", "expected"), [
    ("{text: pact, start: 0, end: 1}", "end - start is 1 but the evidence text has 4 characters; "
                                       "found 2 times: at 24..28 (line 1), 143..147 (line 3)"),
    ("{text: pacts, start: 0, end: 1}", "end - start is 1 but the evidence text has 5 characters; "
                                        "not found in the source text"),
])
def test_a_text_found_several_times_or_never_is_said_so(project: Path, evidence: str, expected: str) -> None:
    path = project / "claims" / "mini.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("{text: We are disappointed, start: 187, end: 206}", evidence), encoding="utf-8")
    assert messages(project)["S001 claims[1].evidence"] == expected


def test_a_negative_start_says_where_the_text_is(project: Path) -> None:
    path = project / "claims" / "mini.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("start: 30", "start: -78"), encoding="utf-8")
    message = messages(project)["S001 claims[2].evidence.start"]
    assert message.endswith("; found at 30..138 (line 3)")

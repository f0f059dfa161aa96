"""`factcheck fix` as a library: offsets repaired in the file's text (comments and layout kept), a changed
source's hash only when accepted, and what cannot be repaired left alone with the reason. The project in
tests/data/fix has a wrong `end` (S001), a quote one character off in a flow mapping (E001), and comments."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from factcheck.fix import fix_file, plan_repairs
from factcheck.load import load_corpus

FIX = Path(__file__).resolve().parents[1] / "data" / "fix"


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    shutil.copytree(FIX, tmp_path / "project")
    return tmp_path / "project"


def claims_path(project: Path) -> Path:
    return project / "claims" / "mini.yaml"


def changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    return [(old, new) for old, new in zip(before.splitlines(), after.splitlines()) if old != new]


def test_offsets_found_once_are_repaired_and_nothing_else_changes(project: Path) -> None:
    path = claims_path(project)
    before = path.read_text(encoding="utf-8")
    plan = fix_file(path)
    after = path.read_text(encoding="utf-8")
    assert changed_lines(before, after) == [
        ("      end: 140", "      end: 183"),
        ("    evidence: {text: We are disappointed, start: 187, end: 206}",
         "    evidence: {text: We are disappointed, start: 186, end: 205}"),
    ]
    assert len(before.splitlines()) == len(after.splitlines())
    assert "      start: 139   # counted by hand" in after and after.startswith("# The mini wire story")
    assert [r.problem.field for r in plan.repairs] == ["claims[0].evidence", "claims[1].evidence"]
    assert plan.unrepaired == []
    corpus = load_corpus([project / "claims"])  # now valid
    assert [c.claim.evidence.end for c in corpus.claims()] == [183, 205, 138]


def test_a_dry_run_writes_nothing(project: Path) -> None:
    path = claims_path(project)
    before = path.read_bytes()
    plan = fix_file(path, write=False)
    assert plan.changed and path.read_bytes() == before


def test_a_fixed_file_keeps_its_mode(project: Path) -> None:
    path = claims_path(project)
    path.chmod(0o640)
    fix_file(path)
    assert path.stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize(("words", "reason"), [
    ("pact", "found 2 times: at 24..28 (line 1), 143..147 (line 3): not repaired, set `start` and `end` to the place you mean"),
    ("pacts", "not found in the source text: not repaired, correct the evidence text"),
])
def test_a_text_found_twice_or_never_is_left_alone(project: Path, words: str, reason: str) -> None:
    path = claims_path(project)
    path.write_text(path.read_text(encoding="utf-8").replace(
        "{text: We are disappointed, start: 187, end: 206}", f"{{text: {words}, start: 0, end: 1}}"), encoding="utf-8")
    plan = plan_repairs(path)
    [problem] = plan.unrepaired
    assert problem.code == "E001" and problem.field == "claims[1].evidence" and problem.line == 37
    assert problem.message == f"evidence text is not at 0..1; {reason}"
    assert "start: 0, end: 1" in plan.fixed  # untouched, while the other claim is repaired
    assert "end: 183" in plan.fixed


def test_a_changed_source_is_blessed_only_when_accepted(project: Path) -> None:
    source = project / "seeds" / "mini.txt"
    text = "Breaking: " + source.read_text(encoding="utf-8")  # every offset moves by 10
    source.write_text(text, encoding="utf-8")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    path = claims_path(project)
    refused = plan_repairs(path)
    [problem] = refused.unrepaired
    assert problem.code == "E003" and "--accept-source-changes" in problem.message and digest in problem.message
    assert "76e08aa615af14d38c0e6581df49efb0cc2837a7651b5b30a6c61d7c211c7be8  # sha256sum" in refused.fixed
    assert "start: 149" in refused.fixed  # the offsets are repaired against the new text all the same
    accepted = fix_file(path, accept_source_changes=True)
    assert accepted.unrepaired == []
    written = path.read_text(encoding="utf-8")
    assert f"  sha256: {digest}  # sha256sum seeds/mini.txt\n" in written
    assert [c.claim.evidence.start for c in load_corpus([project / "claims"]).claims()] == [149, 196, 40]


def test_an_unreadable_file_is_not_touched(project: Path) -> None:
    path = claims_path(project)
    path.write_text("source: [\n", encoding="utf-8")
    plan = fix_file(path)
    assert not plan.changed and path.read_text(encoding="utf-8") == "source: [\n"
    [problem] = plan.unrepaired
    assert problem.code == "Y001" and problem.message.endswith("(the file must be valid first)")


def test_a_source_outside_the_project_is_refused(project: Path, tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("The pact will expire Nov. 23 if not renewed.", encoding="utf-8")
    path = claims_path(project)
    path.write_text(path.read_text(encoding="utf-8").replace("../seeds/mini.txt", "../../secret.txt"),
                    encoding="utf-8")
    plan = plan_repairs(path)
    [problem] = plan.unrepaired
    assert problem.code == "E005" and problem.message.startswith("refused:")
    assert not plan.changed


def test_windows_line_endings_stay(project: Path) -> None:
    from factcheck.fix.claim import ClaimRequest, add_claim

    path = claims_path(project)
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    fix_file(path)
    add_claim(path, ClaimRequest("date", "gsomia", "expires_on", ("2019-11-23",), "The pact will expire"))
    raw = path.read_bytes()
    assert b"      end: 183\r\n" in raw and b"  - id: gsomia-expires-on\r\n    kind: date\r\n" in raw
    assert raw.count(b"\n") == raw.count(b"\r\n")
    assert [c.claim.id for c in load_corpus([project / "claims"]).claims()][-1] == "gsomia-expires-on"


@pytest.mark.parametrize("tail", ["    note: |\n      checked twice\n      by hand\n# the end\n",
                                  "    note: x\n# the end\n", "    note: x"])
def test_a_claim_is_added_after_a_last_block_scalar_or_comment(project: Path, tail: str) -> None:
    from factcheck.fix.claim import ClaimRequest, add_claim

    path = claims_path(project)
    fix_file(path)
    path.write_text(path.read_text(encoding="utf-8") + tail, encoding="utf-8")
    add_claim(path, ClaimRequest("date", "gsomia", "expires_on", ("2019-11-23",), "The pact will expire"))
    claims = [c.claim for c in load_corpus([project / "claims"]).claims()]
    assert [c.id for c in claims][-2:] == ["announced", "gsomia-expires-on"]
    assert claims[-2].note == ("checked twice\nby hand\n" if "|" in tail else "x")
    assert path.read_text(encoding="utf-8").endswith("# the end\n" if "# the end" in tail else "end: 159\n")

"""Vouching from one signed summary (factcheck/gate/summary.py): a warm run vouches for the files of the
last run's summary that git has unchanged since, and only the others one by one; what changed is read,
and a summary that is tampered with, whose tree git does not have, or whose file changed size under git
is not believed. The findings are a full load's each time."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from factcheck.gate import GateRequest
from factcheck.gate import focused as focused_module
from factcheck.load.cache import CACHE_FILE, CACHE_FOLDER, open_cache
from factcheck.load.corpus import cache_context
from tests.gate.repo import commit_all, git
from tests.gate.test_focused import Spy, gated, generated, outcome, user_cache  # noqa: F401  (fixtures)


class OneByOne:
    """The claims files each run vouched for one by one (not from the summary)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.asked: list[list[str]] = []
        real = focused_module._vouch_each

        def spy(cache, paths, *args):  # type: ignore[no-untyped-def]
            self.asked.append(sorted(p.name for p in paths))
            return real(cache, paths, *args)

        monkeypatch.setattr(focused_module, "_vouch_each", spy)

    @property
    def last(self) -> list[str]:
        return self.asked[-1] if self.asked else []


def summary_rows(repo: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(repo / CACHE_FOLDER / CACHE_FILE) as connection:
        return connection.execute("SELECT context, tree FROM summaries").fetchall()


def test_a_warm_run_vouches_from_the_summary(generated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = outcome(gated(GateRequest(base="main", cache=False)))
    gated(GateRequest(base="main"))  # cold: every file read and indexed, then the summary written
    head_tree = git(generated, "rev-parse", "HEAD^{tree}").strip()
    assert [tree for _, tree in summary_rows(generated)] == [head_tree]
    spy, each = Spy(monkeypatch), OneByOne(monkeypatch)
    assert outcome(gated(GateRequest(base="main"))) == expected
    assert spy.focused and spy.read == [] and each.asked == []  # 60 files vouched, none one by one


def test_a_new_commit_reads_what_changed_and_vouches_for_the_rest(generated: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    gated(GateRequest(base="main"))
    git(generated, "checkout", "-q", "main")  # the base moves on: a title edited there, merged into the branch
    claims = generated / "claims" / "s000003.yaml"
    claims.write_text(claims.read_text(encoding="utf-8").replace("Report 3", "Report three"), encoding="utf-8")
    commit_all(generated, "a title")
    git(generated, "checkout", "-q", "pr")
    git(generated, "merge", "-q", "--no-edit", "main")  # another tree; the change against main is the same
    expected = outcome(gated(GateRequest(base="main", cache=False)))
    spy, each = Spy(monkeypatch), OneByOne(monkeypatch)
    assert outcome(gated(GateRequest(base="main"))) == expected
    assert each.last == ["s000003.yaml"]  # git names it between the summary's tree and HEAD's
    assert spy.read == ["s000003.yaml"]  # and the cache's rows are of its old bytes: read, indexed, vouched
    asked = len(each.asked)
    assert outcome(gated(GateRequest(base="main"))) == expected
    assert len(each.asked) == asked and spy.read == []  # the summary of the new tree vouches for all 60


def test_a_file_changed_behind_gits_back_is_read(generated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """git is told the file did not change (as a checkout that converts line endings can leave it): the
    size vouched for is not the size on disk, so it is read, and its new title is what the gate sees."""
    gated(GateRequest(base="main"))
    claims = generated / "claims" / "s000004.yaml"
    git(generated, "update-index", "--assume-unchanged", "claims/s000004.yaml")
    claims.write_text(claims.read_text(encoding="utf-8").replace("Report 4", "Report number four"), encoding="utf-8")
    assert git(generated, "diff", "--name-only", "HEAD") == ""
    spy = Spy(monkeypatch)
    gated(GateRequest(base="main"))
    assert spy.read == ["s000004.yaml"]


def test_a_summary_edited_or_of_an_unknown_tree_is_not_believed(generated: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    expected = outcome(gated(GateRequest(base="main", cache=False)))
    gated(GateRequest(base="main"))
    with sqlite3.connect(generated / CACHE_FOLDER / CACHE_FILE) as connection:
        connection.execute("UPDATE summaries SET body = replace(body, ',60,', ',61,')")  # sizes or numbers
    spy, each = Spy(monkeypatch), OneByOne(monkeypatch)
    assert outcome(gated(GateRequest(base="main"))) == expected
    assert spy.read == [] and len(each.last) == 60  # vouched one by one, each from its signed rows
    # A summary signed with the runner's key but of a tree git does not have (a branch gone, gc'd):
    (context, _), = summary_rows(generated)
    cache = open_cache(context, generated)
    body = cache.summary()[1]  # type: ignore[index]
    cache.store_summary("0" * 40, body)
    cache.close()
    assert outcome(gated(GateRequest(base="main"))) == expected
    assert len(each.last) == 60
    assert context == cache_context([Path("claims")], None)

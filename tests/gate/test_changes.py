"""What git says changed, asked the fast way: `name_status` and `touched` ask for the work tree's changes
under a folder with `--relative=FOLDER/` instead of a pathspec (five times faster at 10,000 files), and
must say exactly what the pathspec says; `check_links` finds links by reading each folder once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from factcheck.gate.changes import (
    FileChange,
    _links_among,
    _statuses,
    absolute_paths,
    check_links,
    name_status,
    touched,
)
from tests.gate.repo import commit_all, git, make_repo


def lines(count: int, word: str) -> str:
    return "".join(f"{word} line {n}\n" for n in range(count))


@pytest.fixture
def moved(tmp_path: Path) -> Path:
    """A repository with files in claims/, a sibling folder whose name starts the same (claims2/), a file
    named like the folder's prefix, and then every kind of uncommitted change: an edit, a rename within
    claims/, a rename into it from outside and one out of it, a deletion, a staged addition, edits beside."""
    repo = tmp_path / "repo"
    for name, word in (("claims/a.yaml", "a"), ("claims/b.yaml", "b"), ("claims/c.yaml", "c"),
                       ("claims/d.yaml", "d"), ("claims/sub/e.yaml", "e"), ("claims2/a.yaml", "a"),
                       ("texts/t.yaml", "t"), ("claimsx", "x")):
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(lines(40, word), encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    commit_all(repo, "first")
    (repo / "claims/a.yaml").write_text(lines(40, "a") + "edited\n", encoding="utf-8")
    git(repo, "mv", "claims/b.yaml", "claims/b2.yaml")
    git(repo, "mv", "texts/t.yaml", "claims/t.yaml")
    git(repo, "mv", "claims/c.yaml", "texts/c.yaml")
    (repo / "claims/d.yaml").unlink()
    (repo / "claims/sub/e.yaml").write_text(lines(3, "new e"), encoding="utf-8")
    (repo / "claims/new.yaml").write_text(lines(5, "new"), encoding="utf-8")
    git(repo, "add", "claims/new.yaml")
    (repo / "claims2/a.yaml").write_text("changed\n", encoding="utf-8")
    (repo / "claimsx").write_text("changed\n", encoding="utf-8")
    return repo


def by_pathspec(repo: Path, folder: str) -> list[FileChange]:
    """What name_status said before: the pathspec form."""
    return _statuses(git(repo, "diff", "--name-status", "-z", "-M", "HEAD", "--", folder).encode(), "HEAD")


@pytest.mark.parametrize("folder", ["claims", "claims/sub", "texts", "claims2"])
def test_the_work_tree_changes_under_a_folder_are_the_pathspecs(moved: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 folder: str) -> None:
    monkeypatch.chdir(moved)
    expected = by_pathspec(moved, folder)
    assert expected  # each folder has changes of its own
    assert name_status(moved, None, Path(folder)) == expected


def test_the_changes_are_what_git_status_says(moved: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(moved)
    changes = {(c.status[:1], c.old, c.new) for c in name_status(moved, None, Path("claims"))}
    assert changes == {("M", "claims/a.yaml", "claims/a.yaml"), ("R", "claims/b.yaml", "claims/b2.yaml"),
                       ("A", "claims/t.yaml", "claims/t.yaml"), ("D", "claims/c.yaml", "claims/c.yaml"),
                       ("D", "claims/d.yaml", "claims/d.yaml"), ("M", "claims/sub/e.yaml", "claims/sub/e.yaml"),
                       ("A", "claims/new.yaml", "claims/new.yaml")}


def test_the_folder_at_the_root_is_the_whole_work_tree(moved: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(moved)
    assert name_status(moved, None, Path(".")) == by_pathspec(moved, ".")


def test_touched_sees_the_work_tree_under_the_folder_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = make_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    (repo / "rules2").mkdir()
    (repo / "rules2" / "x.yaml").write_text("x: 1\n", encoding="utf-8")
    commit_all(repo, "a sibling of rules/")
    assert not touched(repo, "main", Path("rules"))
    (repo / "rules2" / "x.yaml").write_text("x: 2\n", encoding="utf-8")  # rules2/ starts like rules/
    assert not touched(repo, "main", Path("rules"))
    rule = next((repo / "rules").glob("*.yaml"))
    rule.write_text(rule.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert touched(repo, "main", Path("rules"))


def test_links_are_found_by_reading_each_folder_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "claims"
    folder.mkdir()
    (folder / "real.yaml").write_text("a: 1\n", encoding="utf-8")
    (folder / "inside.yaml").symlink_to(folder / "real.yaml")
    (folder / "outside.yaml").symlink_to(tmp_path.parent)
    (folder / "nowhere.yaml").symlink_to(folder / "missing.yaml")
    monkeypatch.chdir(tmp_path)
    paths = [Path("claims") / n for n in ("real.yaml", "inside.yaml", "outside.yaml", "nowhere.yaml", "gone.yaml")]
    paths += [folder / "inside.yaml", Path("absent-folder/x.yaml")]
    assert _links_among(paths) == [p for p in paths if p.is_symlink()]
    problems = check_links(paths, tmp_path)
    assert [(p.path, p.message.split(":")[0]) for p in problems] == [
        ("claims/outside.yaml", "a symlink that leads outside the repository"),
        ("claims/nowhere.yaml", "a symlink that leads to no regular file")]
    assert os.path.islink(folder / "inside.yaml")


def test_absolute_paths_are_abspaths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    written = ["claims/a.yaml", "claims/b.yaml", "a.yaml", "/a.yaml", "/x/y.yaml", "//x/y.yaml", "../up/a.yaml",
               "claims/../other/a.yaml", "claims/sub/..", "claims/.", ".", "..", "/", "./claims/c.yaml",
               str(tmp_path / "claims" / "d.yaml"), "claims/with space/é.yaml"]
    paths = [Path(w) for w in written] + [Path("claims") / "e.yaml"]
    assert absolute_paths(paths) == {path: os.path.abspath(path) for path in paths}

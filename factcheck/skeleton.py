"""A new project's files, as `factcheck init` writes them: a claims folder with an entity file, the
project's rules folder, the config file, a pre-commit config and a CI workflow to copy.

The files are package data (factcheck/data/init/), written as they are but for two markers: the
version of factcheck that wrote them and its repository (from the installed package's metadata), for
the lines that pin factcheck. Nothing a user wrote is replaced: when any of these files exists the
whole skeleton is refused, naming each; an existing `.gitignore` only gets the lines it lacks.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

from factcheck import __version__
from factcheck.load.write import write_atomic

DISTRIBUTION = "factcheck-consistency"
# (path in the new project, template in factcheck/data/init/, what it is for)
FILES: tuple[tuple[str, str, str], ...] = (
    ("factcheck.toml", "factcheck.toml", "the settings; every key commented"),
    ("claims/entities.yaml", "entities.yaml", "the entities claims name; an example in comments"),
    ("rules/README.md", "rules-README.md", "the project's rules: add to or override the built-in ones"),
    (".pre-commit-config.yaml", "pre-commit-config.yaml", "hooks: validate, gate, test-rules"),
    ("ci/github-workflow.yml", "github-workflow.yml", "copy to .github/workflows/ to gate pull requests"),
)
GITIGNORE = ".gitignore"


class SkeletonRefused(Exception):
    """Files of the skeleton already exist: nothing was written."""

    def __init__(self, existing: list[Path]) -> None:
        super().__init__(", ".join(map(str, existing)))
        self.existing = existing


@dataclass(frozen=True)
class Skeleton:
    """What `write_skeleton` did: the files it created, and the lines it added to `.gitignore`."""

    created: tuple[tuple[Path, str], ...]
    gitignore: Path
    gitignore_added: tuple[str, ...]
    gitignore_existed: bool


def repository_url() -> str:
    """The project's repository, as the installed package's metadata gives it."""
    try:
        urls = metadata.metadata(DISTRIBUTION).get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        urls = []
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() == "repository":
            return url.strip()
    return "<the factcheck repository's git URL>"


def template(name: str) -> str:
    text = resources.files("factcheck").joinpath("data", "init", name).read_text(encoding="utf-8")
    return text.replace("@VERSION@", __version__).replace("@REPOSITORY@", repository_url())


def write_skeleton(folder: Path) -> Skeleton:
    """Write a new project into `folder` (created when missing). SkeletonRefused, before anything is
    written, when one of its files exists; WriteError when a write fails."""
    existing = [folder / path for path, _, _ in FILES if (folder / path).exists() or (folder / path).is_symlink()]
    if existing:
        raise SkeletonRefused(existing)
    created = []
    for path, name, purpose in FILES:
        write_atomic(folder / path, template(name))
        created.append((folder / path, purpose))
    ignore = folder / GITIGNORE
    existed = ignore.exists()
    before = ignore.read_text(encoding="utf-8") if existed else ""
    have = {line.strip() for line in before.splitlines()}
    block: list[str] = []
    added: list[str] = []
    comment: list[str] = []
    for line in template("gitignore").splitlines():  # each pattern with the comments just above it
        if line.startswith("#") or not line.strip():
            comment.append(line)
            continue
        if line.strip() not in have:
            block += [*comment, line]
            added.append(line)
        comment = []
    if block:
        separator = "" if not before or before.endswith("\n") else "\n"
        write_atomic(ignore, before + separator + ("\n" if before else "") + "\n".join(block) + "\n")
    return Skeleton(tuple(created), ignore, tuple(added), existed)

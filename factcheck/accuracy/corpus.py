"""Find the events of an evaluation corpus: folders with `articles/` and `answers.yaml`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ARTICLES = "articles"
ANSWERS = "answers.yaml"
ENTITIES = "entities.yaml"


@dataclass(frozen=True)
class EvalEvent:
    """One news event: its articles are compared with each other, and scored by its key."""

    folder: Path

    @property
    def name(self) -> str:
        return self.folder.name

    @property
    def articles(self) -> list[Path]:
        return sorted(p for p in (self.folder / ARTICLES).iterdir() if p.suffix == ".txt" and p.is_file())

    @property
    def answers(self) -> Path:
        return self.folder / ANSWERS

    @property
    def entities(self) -> Path | None:
        path = self.folder / ENTITIES
        return path if path.is_file() else None


def _is_event(folder: Path) -> bool:
    return (folder / ARTICLES).is_dir() and (folder / ANSWERS).is_file()


def find_events(root: Path) -> list[EvalEvent]:
    """`root` itself when it is an event, else every event below it (any depth), in path order."""
    if _is_event(root):
        return [EvalEvent(root)]
    return [EvalEvent(path.parent) for path in sorted(root.rglob(ANSWERS)) if _is_event(path.parent)]

"""What extraction needs from a project: its entities, its vocabulary and its cue lexicon.

A project is the folder of the output claims file (normally `claims/`): `entities.yaml`, `vocabulary.yaml`
and `cues.yaml` there are used when present; `--entities` and `--cues` name other files. Each file is
read with the project's safe YAML reader and validated by the model, and a mistake in one is a
`ProblemsError` with its location, as `factcheck validate` would report it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from factcheck.extract.cues import Cues, load_cues
from factcheck.load.corpus import ENTITIES_FILE, VOCABULARY_FILE, load_entities, load_vocabulary
from factcheck.load.problems import Problem, ProblemsError
from factcheck.model import PropertyDef
from factcheck.model.entity_index import EntityIndex

T = TypeVar("T")

CUES_FILE = "cues.yaml"


@dataclass(frozen=True)
class Project:
    entities: EntityIndex
    vocabulary: dict[str, PropertyDef]
    cues: Cues


def load_project(folder: Path, *, entities_path: Path | None = None, cues_path: Path | None = None) -> Project:
    """The entities, vocabulary and cues for claims written into `folder`."""
    entities_path = entities_path or _existing(folder / ENTITIES_FILE)
    return Project(
        entities=_checked(load_entities, entities_path),
        vocabulary=_checked(load_vocabulary, _existing(folder / VOCABULARY_FILE)),
        cues=load_cues(_existing(folder / CUES_FILE), cues_path),
    )


def _existing(path: Path) -> Path | None:
    return path if path.is_file() else None


def _checked(load: Callable[[Path | None, list[Problem]], T], path: Path | None) -> T:
    """Load with the corpus loader, which checks what `factcheck validate` checks; any mistake raises."""
    problems: list[Problem] = []
    loaded = load(path, problems)
    if problems:
        raise ProblemsError(problems)
    return loaded

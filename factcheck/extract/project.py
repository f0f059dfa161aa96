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
    entities = _checked(load_entities, entities_path)
    return Project(
        entities=entities,
        vocabulary=_checked(load_vocabulary, _existing(folder / VOCABULARY_FILE)),
        cues=load_cues(_existing(folder / CUES_FILE), cues_path, currencies=currency_words(entities)),
    )


def currency_words(entities: EntityIndex) -> dict[str, str]:
    """The words that write each currency of the entity file after a number ("2.4 million dalers"): the
    last word of each of its names, and that word with an -s, each as the currency's id (`load_cues`
    keeps the unit of a word the lexicon already reads: dollars, crowns)."""
    words: dict[str, str] = {}
    for entity in entities.by_id.values():
        if entity.kind.value != "currency":
            continue
        for name in entity.names():
            last = name.split()[-1].casefold() if name.split() else ""
            if last.isalpha() and len(last) > 2:
                words.setdefault(last, entity.id)
                words.setdefault(last + "s" if not last.endswith("s") else last, entity.id)
    return words


def _existing(path: Path) -> Path | None:
    return path if path.is_file() else None


def _checked(load: Callable[[Path | None, list[Problem]], T], path: Path | None) -> T:
    """Load with the corpus loader, which checks what `factcheck validate` checks; any mistake raises."""
    problems: list[Problem] = []
    loaded = load(path, problems)
    if problems:
        raise ProblemsError(problems)
    return loaded

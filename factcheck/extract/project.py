"""What extraction needs from a project: its entities, its vocabulary and its cue lexicon.

A project is the folder of the output claims file (normally `claims/`): `entities.yaml`, `vocabulary.yaml`
and `cues.yaml` there are used when present; `--entities` and `--cues` name other files. Each file is
read with the project's safe YAML reader and validated by the model, and a mistake in one is a
`ProblemsError` with its location, as `factcheck validate` would report it.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from factcheck.extract.cues import Cues, load_cues
from factcheck.load.document import read_yaml
from factcheck.load.problems import ProblemsError
from factcheck.load.schema_errors import validate_document
from factcheck.model import EntitiesFile, PropertyDef, VocabularyFile
from factcheck.model.entity_index import EntityIndex

ENTITIES_FILE = "entities.yaml"
VOCABULARY_FILE = "vocabulary.yaml"
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
        entities=load_entities(entities_path),
        vocabulary=load_vocabulary(_existing(folder / VOCABULARY_FILE)),
        cues=load_cues(_existing(folder / CUES_FILE), cues_path),
    )


def _existing(path: Path) -> Path | None:
    return path if path.is_file() else None


def load_entities(path: Path | None) -> EntityIndex:
    if path is None:
        return EntityIndex()
    document = read_yaml(path)
    parsed, problems = (None, document.problems) if document.problems else validate_document(document, EntitiesFile)
    if problems or parsed is None:
        raise ProblemsError(list(problems))
    assert isinstance(parsed, EntitiesFile)
    return EntityIndex(parsed.entities)


def load_vocabulary(path: Path | None) -> dict[str, PropertyDef]:
    """The shipped vocabulary, extended by the project's."""
    shipped = resources.files("factcheck").joinpath("data", VOCABULARY_FILE).read_text(encoding="utf-8")
    vocabulary = {p.id: p for p in VocabularyFile.model_validate(yaml.safe_load(shipped)).properties}
    if path is None:
        return vocabulary
    document = read_yaml(path)
    parsed, problems = (None, document.problems) if document.problems else validate_document(document, VocabularyFile)
    if problems or parsed is None:
        raise ProblemsError(list(problems))
    assert isinstance(parsed, VocabularyFile)
    vocabulary.update({p.id: p for p in parsed.properties})
    return vocabulary

"""Helpers for the extraction tests: paths to the real files, and small builders."""

from __future__ import annotations

import hashlib
from pathlib import Path

from factcheck.extract.pipeline import Extraction, extract
from factcheck.model import PartialDate, Source
from factcheck.model.entities import Entity
from factcheck.model.entity_index import EntityIndex

ROOT = Path(__file__).resolve().parents[2]
CLAIMS = ROOT / "claims"
DATA = ROOT / "tests" / "data" / "extract"
SEEDS = {
    "bloomberg-2019-08-22": ("000_a030a752b5a4a38b.txt", "2019-08-22"),
    "diplomat-2019-08": ("003_bd8de7ecbc2ea738.txt", "2019-08"),
}


def make_source(text: str, published: str, source_id: str = "test-source", title: str = "A test article") -> Source:
    return Source(id=source_id, publisher="Test Wire", title=title, published=PartialDate.parse(published),
                  text="article.txt", sha256=hashlib.sha256(text.encode()).hexdigest())


def of_kind(extraction, kind: str) -> list:
    return [c for c in extraction.claims_file.claims if c.kind == kind]


def extract_with(project, entities: list[Entity], text: str, published: str) -> Extraction:
    """`text` extracted with an entity file of `entities` (not the project's) and the project's lexicons."""
    return extract(text, make_source(text, published), EntityIndex(entities), project.vocabulary, project.cues)

"""Fixtures: the project's entities and vocabulary (claims/), the shipped cues, and `run`, which
extracts a text written in a test as if it were an article published on a given date."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from factcheck.extract.cues import Cues, load_cues
from factcheck.extract.pipeline import Extraction, extract
from factcheck.extract.project import Project, load_project
from tests.extract.extract_helpers import CLAIMS, make_source


@pytest.fixture(scope="session")
def project() -> Project:
    return load_project(CLAIMS)


@pytest.fixture(scope="session")
def cues() -> Cues:
    return load_cues()


@pytest.fixture(scope="session")
def run(project: Project) -> Callable[..., Extraction]:
    def extract_text(text: str, published: str = "2019-08-22", title: str = "A test article") -> Extraction:
        extraction = extract(text, make_source(text, published, title=title), project.entities, project.vocabulary,
                             project.cues)
        for claim in extraction.claims_file.claims:  # every claim's evidence stands at its offsets
            assert text[claim.evidence.start:claim.evidence.end] == claim.evidence.text
        return extraction
    return extract_text

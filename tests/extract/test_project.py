"""What extraction reads from a project folder: currencies of the entity file become currency words."""

from __future__ import annotations

from pathlib import Path

from factcheck.extract.pipeline import extract
from factcheck.extract.project import load_project
from tests.extract.extract_helpers import make_source


def test_a_currency_of_the_entity_file_is_read_after_a_number(tmp_path: Path) -> None:
    # written for tests: an invented currency no lexicon knows
    (tmp_path / "entities.yaml").write_text(
        "entities:\n"
        "  - {id: daler, kind: currency, name: Veskarian daler}\n"
        "  - {id: veskaria, kind: country, name: Veskaria}\n", encoding="utf-8")
    project = load_project(tmp_path)
    text = "Veskaria fined the company 2.4 million dalers on Wednesday.\n"
    claims = extract(text, make_source(text, "2026-10-22"), project.entities, project.vocabulary,
                     project.cues).claims_file.claims
    assert [(c.value.amount, c.value.unit) for c in claims if c.kind == "quantity"] == [(2.4e6, "daler")]


def test_a_currency_word_the_lexicon_knows_keeps_its_unit(tmp_path: Path) -> None:
    # written for tests: "crowns" is read by the shipped lexicon; an entity named "Norland crown" does not change it
    (tmp_path / "entities.yaml").write_text(
        "entities:\n"
        "  - {id: nok, kind: currency, name: Norland crown}\n"
        "  - {id: norland, kind: country, name: Norland}\n", encoding="utf-8")
    project = load_project(tmp_path)
    text = "Norland fined the bank 2 million crowns on Wednesday.\n"
    claims = extract(text, make_source(text, "2026-10-22"), project.entities, project.vocabulary,
                     project.cues).claims_file.claims
    assert [(c.value.amount, c.value.unit) for c in claims if c.kind == "quantity"] == [(2e6, "crown")]


def test_a_currency_of_the_entity_file_is_never_a_claim_s_subject(tmp_path: Path) -> None:
    # written for tests: "dalen" is the unit of the fare, not what the date is about
    (tmp_path / "entities.yaml").write_text(
        "entities:\n"
        "  - {id: dalen, kind: currency, name: dalen}\n"
        "  - {id: korvassa, kind: place, name: Korvassa}\n", encoding="utf-8")
    project = load_project(tmp_path)
    text = "In Korvassa the increase, which takes the single fare to 2.75 dalen, will take effect on February 1.\n"
    claims = extract(text, make_source(text, "2026-10-30"), project.entities, project.vocabulary,
                     project.cues).claims_file.claims
    assert claims and "dalen" not in {c.subject for c in claims}

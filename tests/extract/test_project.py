"""What extraction reads from a project folder: currencies of the entity file become currency words."""

from __future__ import annotations

from pathlib import Path

from factcheck.extract.pipeline import extract
from factcheck.extract.project import load_project
from tests.extract.extract_helpers import make_source


def claims_of(folder: Path, entities: str, text: str, published: str) -> list:
    """The claims extracted from `text` in a project whose entity file lists `entities` (YAML flow items)."""
    (folder / "entities.yaml").write_text("entities:\n" + entities, encoding="utf-8")
    project = load_project(folder)
    return list(extract(text, make_source(text, published), project.entities, project.vocabulary,
                        project.cues).claims_file.claims)


def amounts(claims: list) -> list[tuple[float, str]]:
    return [(c.value.amount, c.value.unit) for c in claims if c.kind == "quantity"]


def test_a_currency_of_the_entity_file_is_read_after_a_number(tmp_path: Path) -> None:
    # written for tests: an invented currency no lexicon knows
    claims = claims_of(tmp_path, "  - {id: daler, kind: currency, name: Veskarian daler}\n"
                                 "  - {id: veskaria, kind: country, name: Veskaria}\n",
                       "Veskaria fined the company 2.4 million dalers on Wednesday.\n", "2026-10-22")
    assert amounts(claims) == [(2.4e6, "daler")]


def test_a_currency_word_the_lexicon_knows_keeps_its_unit(tmp_path: Path) -> None:
    # written for tests: "crowns" is read by the shipped lexicon; an entity named "Norland crown" does not change it
    claims = claims_of(tmp_path, "  - {id: nok, kind: currency, name: Norland crown}\n"
                                 "  - {id: norland, kind: country, name: Norland}\n",
                       "Norland fined the bank 2 million crowns on Wednesday.\n", "2026-10-22")
    assert amounts(claims) == [(2e6, "crown")]


def test_a_currency_of_the_entity_file_is_never_a_claim_s_subject(tmp_path: Path) -> None:
    # written for tests: "dalen" is the unit of the fare, not what the date is about
    claims = claims_of(tmp_path, "  - {id: dalen, kind: currency, name: dalen}\n"
                                 "  - {id: korvassa, kind: place, name: Korvassa}\n",
                       "In Korvassa the increase, which takes the single fare to 2.75 dalen, will take effect on "
                       "February 1.\n", "2026-10-30")
    assert claims and "dalen" not in {c.subject for c in claims}

"""Accepting proposals into an entity file: text edits that keep every byte a person wrote."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.extract.entity_file import AcceptError, accept
from factcheck.load.problems import ProblemsError
from factcheck.model import Entity, Role

WRITTEN = """# People and places of the story.
entities:
  - id: moon-jae-in   # the president
    kind: person
    name: Moon Jae-in
    aliases:
      - President Moon
  - id: japan
    kind: country
    name: Japan
"""


@pytest.fixture
def entity_file(tmp_path: Path) -> Path:
    path = tmp_path / "entities.yaml"
    path.write_text(WRITTEN)
    return path


def test_new_entities_go_at_the_end_of_the_list_with_its_indentation(entity_file):
    kono = Entity(id="taro-kono", kind="person", name="Taro Kono", roles=[Role(title="Foreign Minister", organisation="japan")],
                  description="Proposed by factcheck extract: ...")
    result = accept(entity_file, [kono])
    text = entity_file.read_text()
    assert text == WRITTEN + ("  - id: taro-kono\n    kind: person\n    name: Taro Kono\n    roles:\n"
                              "    - title: Foreign Minister\n      organisation: japan\n")
    assert result.added == ["taro-kono"] and not result.rewritten


def test_a_role_organisation_the_file_lacks_is_left_out_and_said(entity_file):
    pompeo = Entity(id="michael-pompeo", kind="person", name="Michael Pompeo",
                    roles=[Role(title="Secretary of State", organisation="united-states")])
    result = accept(entity_file, [pompeo])
    assert result.dropped_roles == [("michael-pompeo", "united-states")]
    assert "united-states" not in entity_file.read_text()
    both = accept(entity_file.with_name("other.yaml"), [pompeo, Entity(id="united-states", kind="country",
                                                                        name="United States")])
    assert both.dropped_roles == [] and "organisation: united-states" in entity_file.with_name("other.yaml").read_text()


def test_names_merged_as_aliases_go_after_the_last_alias_or_into_a_new_list(entity_file):
    accept(entity_file, [Entity(id="moon", kind="person", name="Moon")], alias_of="moon-jae-in")
    accept(entity_file, [Entity(id="nippon", kind="country", name="Nippon", aliases=["Japan"])], alias_of="japan")
    assert entity_file.read_text() == WRITTEN.replace("      - President Moon\n", "      - President Moon\n      - Moon\n") \
        + "    aliases:\n    - Nippon\n"


def test_an_inline_list_is_written_anew_keeping_every_entry(tmp_path):
    path = tmp_path / "entities.yaml"
    path.write_text("# a comment\nentities: [{id: japan, kind: country, name: Japan}]\n")
    result = accept(path, [Entity(id="china", kind="country", name="China")])
    assert result.rewritten and "id: japan" in path.read_text() and "id: china" in path.read_text()


def test_an_empty_inline_list_becomes_a_block(tmp_path):
    path = tmp_path / "entities.yaml"
    path.write_text("# a comment\nentities: []\n")
    result = accept(path, [Entity(id="china", kind="country", name="China")])
    assert not result.rewritten
    assert path.read_text() == "# a comment\nentities:\n  - id: china\n    kind: country\n    name: China\n"


def test_a_name_of_another_entity_is_refused_and_nothing_is_written(entity_file):
    with pytest.raises(ProblemsError) as raised:
        accept(entity_file, [Entity(id="moon", kind="person", name="President Moon")])
    assert "R005" in str(raised.value) and str(entity_file) in str(raised.value)
    with pytest.raises(AcceptError):
        accept(entity_file, [Entity(id="japan", kind="country", name="Nippon")])
    with pytest.raises(AcceptError):
        accept(entity_file, [Entity(id="x", kind="person", name="X")], alias_of="nobody")
    assert entity_file.read_text() == WRITTEN

"""The entity proposer on a project with no entity file: kinds and names as an entity is called."""

from __future__ import annotations

import pytest

from factcheck.extract.pipeline import extract
from factcheck.extract.readers.entities import Resolver, slug
from factcheck.extract.readers.names import clean_name, load_names, name_start, places_before
from factcheck.model.entity_index import EntityIndex
from tests.extract.extract_helpers import DATA, ROOT, SEEDS, make_source


def proposals_of(project, text: str, published: str = "2019-08-22") -> dict:
    extraction = extract(text, make_source(text, published), EntityIndex(), project.vocabulary, project.cues)
    for claim in extraction.claims_file.claims:
        assert text[claim.evidence.start:claim.evidence.end] == claim.evidence.text
    return {entity.id: entity for entity in extraction.proposals}


@pytest.fixture(scope="module")
def bloomberg(project) -> tuple[str, dict]:
    text = (ROOT / "seeds" / SEEDS["bloomberg-2019-08-22"][0]).read_text(encoding="utf-8")
    return text, proposals_of(project, text)


@pytest.mark.parametrize(("written", "kind", "name"), [
    ("South Korea’s", "country", "South Korea"), ("U.S.", "country", "United States"),
    ("La Trobe University", "organisation", "La Trobe University"),
    ("the Ministry of Transport", "organisation", "Ministry of Transport"),
    ("Acme Shipping Company", "organisation", "Acme Shipping Company"), ("Euan Graham", "person", "Euan Graham"),
])
def test_a_proposal_has_the_kind_and_name_its_words_say(written, kind, name):
    resolver = Resolver(EntityIndex())
    entity = resolver.proposals[resolver.propose(written, "person")]
    assert (entity.kind.value, entity.name) == (kind, name)


def test_names_lose_articles_possessives_and_a_sentence_full_stop_but_not_initials():
    assert [clean_name(n) for n in ("the Pentagon", "Japan’s", "Kim.", "U.S.", "Acme Corp.")] == [
        "Pentagon", "Japan", "Kim", "U.S.", "Acme Corp."]
    assert slug("U.S. Department of Defense") == "us-department-of-defense"
    assert load_names().country("the U.K.") == "United Kingdom" and load_names().country("Portvale") is None


def test_the_seed_proposes_no_cut_off_initials_and_no_person_for_a_country_or_university(bloomberg):
    _, proposals = bloomberg
    assert not [i for i in proposals if i.startswith("s-")]
    assert proposals["south-korea"].kind.value == "country"
    assert all(p.kind.value != "person" for p in proposals.values() if "University" in p.name or p.name == "South Korea")
    assert "la-trobe-university" not in proposals  # Euan Graham, not his university, said it


def test_an_office_and_its_country_are_split_from_the_name(bloomberg):
    _, proposals = bloomberg
    pompeo = proposals["michael-pompeo"]  # "U.S. Secretary of State Michael Pompeo said ..."
    assert (pompeo.kind.value, pompeo.name) == ("person", "Michael Pompeo")
    assert [(r.title, r.organisation) for r in pompeo.roles] == [("Secretary of State", "united-states")]
    assert proposals["united-states"].kind.value == "country" and "U.S." in proposals["united-states"].aliases
    kono = proposals["taro-kono"]  # "Japan’s Foreign Minister Taro Kono ..."
    assert [(r.title, r.organisation) for r in kono.roles] == [("Foreign Minister", "japan")]
    assert proposals["japan"].kind.value == "country"


def test_a_surname_alone_is_the_full_name_said_before_it(project):
    # "Euan Graham, executive director of La Trobe Asia at La Trobe University in Melbourne, said ..." then
    # "“...,” Graham said in a message." (the Bloomberg seed): one person, not "graham".
    text = (ROOT / "seeds" / SEEDS["bloomberg-2019-08-22"][0]).read_text(encoding="utf-8")
    extraction = extract(text, make_source(text, "2019-08-22"), EntityIndex(), project.vocabulary, project.cues)
    speakers = {c.value.speaker for c in extraction.claims_file.claims if c.kind == "quote"}
    assert {"euan-graham", "kim-hyun-wook"} <= speakers and not {"graham", "kim"} & speakers


def test_a_written_article_gives_people_organisations_and_offices(project):
    text = (DATA / "portvale-strike.txt").read_text(encoding="utf-8")
    proposals = proposals_of(project, text, "2026-03-03")
    assert {i: p.kind.value for i, p in proposals.items()} == {
        "portvale-dockers-union": "organisation", "maria-okonkwo": "person", "daniel-reyes": "person",
        "anna-berg": "person"}  # "Portvale’s Labour Minister Daniel Reyes": no possessive, no office in the id


@pytest.mark.parametrize(("run", "name"), [
    ("U.S. Secretary of State Michael Pompeo", "Michael Pompeo"), ("Japan’s Foreign Minister Taro Kono", "Taro Kono"),
    ("Portvale’s Labour Minister Daniel Reyes", "Daniel Reyes"), ("Foreign Minister Jane Doe", "Jane Doe"),
    ("Euan Graham", "Euan Graham"), ("South Korea", "South Korea"),
])
def test_the_name_starts_after_the_place_and_the_office(cues, run, name):
    words = run.split()
    assert " ".join(words[name_start(words, cues.titles):]) == name


def test_the_places_before_an_office_longest_first():
    assert places_before("told reporters , South Korea’s".split()) == ["South Korea’s", "Korea’s"]
    assert places_before("alliance with U.S.".split()) == ["U.S."]
    assert places_before("the talks".split()) == []

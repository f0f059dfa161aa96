"""The mentions layer: which entity a phrase names (sentences written for tests)."""

from __future__ import annotations

from factcheck.extract.pipeline import annotated
from factcheck.model.entities import Entity
from factcheck.model.entity_index import EntityIndex
from tests.extract.extract_helpers import make_source

ENTITIES = EntityIndex([
    Entity(id="fraud-trial", kind="event", name="the fraud trial of Jan Novak"),
    Entity(id="protest-0312", kind="event", name="Student protest outside the Supreme Court on 12 March"),
])


def mentioned(project, text: str) -> list[tuple[str, str]]:
    document = annotated(text, make_source(text, "2030-03-14"), ENTITIES, project.vocabulary, project.cues)
    return [(m.entity_id, text[m.start:m.end]) for sentence in document.mentions.values() for m in sentence]


def test_the_head_of_an_event_name_is_before_its_preposition(project):
    # "Student protest outside the Supreme Court": a protest, so "the court" does not name it, "the protest" does
    assert ("protest-0312", "court") not in mentioned(project, "The court found that he had taken the money.\n")
    assert ("protest-0312", "protest") in mentioned(project, "Police watched the protest from the steps.\n")


def test_a_noun_after_a_preposition_is_no_head_of_the_phrase_before(project):
    # written for tests: "the bid by 31 votes" is a bid; its votes name no vote event
    votes = EntityIndex([Entity(id="council-vote", kind="event", name="City council vote on the bid",
                                aliases=["the council vote"])])
    text = "The council approved the bid by 31 votes to 19. The vote was close.\n"
    document = annotated(text, make_source(text, "2030-03-14"), votes, project.vocabulary, project.cues)
    found = [text[m.start:m.end] for sentence in document.mentions.values() for m in sentence]
    assert "votes" not in found and "vote" in found


FIRES = EntityIndex([
    Entity(id="harbour-fire", kind="event", name="Port Ellin harbour fire"),
    Entity(id="depot-fire-2019", kind="event", name="2019 Ellin depot fire"),
    Entity(id="refinery-explosion-2011", kind="event", name="Ellin refinery explosion"),
])


def test_an_earlier_event_marked_by_its_year_takes_no_bare_reference(project):
    # Written for tests. The story's fire and a 2019 fire share the head "fire"; the 2019 one is background,
    # so "The fire" is the story's. The 2011 explosion is named by its names only, never by "the explosion".
    text = ("The fire broke out shortly before 5 a.m. on Tuesday.\nThe explosion was heard across the bay.\n"
            "The Ellin refinery explosion killed four people.\n")
    document = annotated(text, make_source(text, "2026-09-09"), FIRES, project.vocabulary, project.cues)
    found = [(m.entity_id, text[m.start:m.end]) for sentence in document.mentions.values() for m in sentence]
    assert ("harbour-fire", "fire") in found
    assert not any(entity == "refinery-explosion-2011" and words == "explosion" for entity, words in found)
    assert ("refinery-explosion-2011", "Ellin refinery explosion") in found


def test_the_places_of_a_wire_dateline_are_where_it_was_filed_not_what_it_is_about(project):
    # written for tests: Merlosa and Estrovia in the dateline name no subject; Merlosa later in the sentence does
    entities = EntityIndex([Entity(id="estrovia", kind="country", name="Estrovia"),
                            Entity(id="merlosa", kind="place", name="Merlosa")])
    text = ("MERLOSA, Estrovia, Aug 11 (Estropress) - A wildfire that broke out on Monday in the hills above "
            "Merlosa had burned 2,400 hectares by Tuesday.\n")
    document = annotated(text, make_source(text, "2026-08-11"), entities, project.vocabulary, project.cues)
    found = [(m.entity_id, m.start) for sentence in document.mentions.values() for m in sentence]
    assert found == [("merlosa", text.rindex("Merlosa"))]

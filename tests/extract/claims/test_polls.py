"""Polls (claims/polls.py): which poll a figure is from (sentences written for tests)."""

from __future__ import annotations

from factcheck.extract.pipeline import extract
from factcheck.model.entities import Entity
from factcheck.model.entity_index import EntityIndex
from tests.extract.extract_helpers import make_source, of_kind

ENTITIES = EntityIndex([
    Entity(id="vote-2030", kind="event", name="the 2030 general election"),
    Entity(id="exit-poll", kind="event", name="Northstar exit poll for Channel 9", aliases=["the exit poll"]),
    Entity(id="northstar", kind="organisation", name="Northstar Polling"),
    Entity(id="channel-9", kind="organisation", name="Channel 9"),
    Entity(id="green-party", kind="organisation", name="Green Party"),
])


def poll_figures(project, text: str) -> dict[float, tuple]:
    extraction = extract(text, make_source(text, "2030-05-02"), ENTITIES, project.vocabulary, project.cues)
    return {c.value.amount: (c.subject, c.event, c.value.counted) for c in of_kind(extraction, "quantity")}


def test_a_poll_the_entity_file_knows_is_that_poll_whoever_is_named_with_it(project):
    # written for tests: one outlet names the pollster, the other the broadcaster
    by_pollster = poll_figures(project, "The exit poll by Northstar Polling gives the Green Party 31.5 percent.\n")
    by_broadcaster = poll_figures(project, "At 10 p.m. the exit poll for Channel 9 put the Green Party on 33.5 percent.\n")
    assert by_pollster[31.5][0] == by_broadcaster[33.5][0] == "exit-poll"
    assert by_pollster[31.5][1] == by_broadcaster[33.5][1]  # the poll's key (dropped: it is the subject)
    assert by_pollster[31.5][2] == by_broadcaster[33.5][2]


def test_an_unknown_poll_is_still_named_by_its_pollster(project):
    # written for tests
    assert poll_figures(project, "A poll by Northstar Polling found 40 percent backed the plan.\n")[40][:2] == (
        "northstar", "poll-northstar")


def test_a_bare_poll_word_is_not_the_known_poll(project):
    # written for tests: "the final polls" are the opinion polls, not the exit poll the entity file names
    found = poll_figures(project, "The final polls had the Green Party on 28.5 percent.\n")
    assert found[28.5][1] != "exit-poll"


def test_a_pollster_named_with_a_possessive_and_a_month_is_the_pollster(project):
    # written for tests: "Northstar Polling's May survey" is Northstar's poll, not a pollster called "May"
    figures = poll_figures(project, "Northstar Polling's May survey showed 45% of voters backing the plan.\n")
    assert figures[45][:2] == ("northstar", "poll-northstar")


def test_each_answer_of_a_poll_counts_its_own_answer(project):
    # written for tests: the 37% against is not the 54% in favour, said either way
    figures = poll_figures(project, "A Northstar Polling survey finds 54% of voters support leaving the treaty, "
                                    "37% are against and 9% don't know.\n")
    assert figures[54][2] == "respondents support leave treaty"  # "support", "backing", "in favour" are one answer
    assert figures[37][2] == "respondents oppose"  # "against", "opposed", "oppose": one answer


def test_the_answer_of_a_group_among_those_asked_names_the_group(project):
    # written for tests: the young respondents' answer is not everyone's; the sample ("among 1,012 adults") is
    figures = poll_figures(project, "A Northstar Polling survey conducted among 1,012 adults found that 64% "
                                    "back the plan. Among 18- to 29-year-olds, support falls to 52%.\n")
    assert figures[64][2] == "respondents support plan"
    assert figures[52][2] == "18 29 year-old support"

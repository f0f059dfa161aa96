"""A named person's age (`claims/ages.py`). Sentences written for tests, about the people of the
project's entity file (claims/entities.yaml)."""

from __future__ import annotations

import pytest

from tests.extract.extract_helpers import of_kind


def ages(extraction) -> list[tuple[str, float]]:
    return [(c.subject, c.value.amount) for c in of_kind(extraction, "duration") if c.property == "age"]


@pytest.mark.parametrize("text", [
    "Kang Kyung-wha, 54, told reporters the pact had served its purpose.\n",
    "The minister, Kang Kyung-wha, aged 54, flew to Bangkok on Thursday.\n",
    "Kang Kyung-wha (54) flew to Bangkok on Thursday.\n",
    "Kang Kyung-wha, a 54-year-old career diplomat, flew to Bangkok on Thursday.\n",
    "The delegation was led by Kang Kyung-wha, who is a 54-year-old career diplomat.\n",
    "The 54-year-old foreign minister Kang Kyung-wha flew to Bangkok on Thursday.\n",
    "Kang Kyung-wha, aged fifty-four, flew to Bangkok on Thursday.\n",
])
def test_a_named_persons_age_is_read_after_or_before_the_name(run, text):
    assert ages(run(text)) == [("kang-kyung-wha", 54.0)]


def test_the_age_a_sentence_opens_with_is_the_person_named_just_before(run):
    text = ("Flowers lined the steps of the ministry on Wednesday, hours after Kang Kyung-wha resigned.\n\n"
            "The 54-year-old career diplomat had led the ministry since 2017.\n")
    assert ages(run(text)) == [("kang-kyung-wha", 54.0)]


def test_an_age_no_sentence_just_before_names_is_the_storys_one_person(run):
    # written for tests: a live blog whose entries name the minister far apart; "The 54-year-old arrived" acts
    text = ("09:00 - Kang Kyung-wha is expected in Bangkok this morning.\n\n"
            "09:40 - Kang Kyung-wha's plane is late, officials say.\n\n"
            "10:10 - Taro Kono has arrived at the hotel.\n\n"
            "10:30 - Cars are lining up at the gate. Nobody is saying anything.\n\n"
            "11:05 - She is here. The 54-year-old arrived at the hotel in a grey suit.\n")
    assert ages(run(text)) == [("kang-kyung-wha", 54.0)]
    thing = text.replace("The 54-year-old arrived at the hotel", "The 54-year-old hotel was repainted")
    assert ("kang-kyung-wha", 54.0) not in ages(run(thing))  # a thing's age, not hers


def test_no_age_when_the_sentences_before_name_two_people(run):
    text = ("Kang Kyung-wha met Taro Kono in Bangkok on Thursday.\n\n"
            "The 54-year-old career diplomat said little afterwards.\n")
    assert ages(run(text)) == []


@pytest.mark.parametrize("text", [
    "A 47-year-old man was seen near the ministry on Thursday.\n",  # no one is named: whose age is a guess
    "Kang Kyung-wha, 2019 and 2020 were hard years, an aide wrote.\n",  # a year, not an age
    "Kang Kyung-wha, 54 percent of voters said, is trusted.\n",  # a share
])
def test_no_age_without_a_named_person_or_with_another_number(run, text):
    assert ages(run(text)) == []


def test_a_span_near_someone_s_age_is_no_age(run):
    # "for 30 days" was read as an age because "-year-old" stood nearby
    text = "A 47-year-old man accused of leaking the files was remanded in custody for 30 days on Friday.\n"
    assert [c.value.amount for c in of_kind(run(text), "duration") if c.property == "age"] == [47.0]  # the man's


def test_an_unnamed_suspects_age_is_the_storys_with_the_suspects_noun(project):
    # written for tests: one arrested man told three ways; a tutor and a student detained are two people
    from factcheck.extract.pipeline import extract
    from factcheck.model import Entity
    from factcheck.model.entity_index import EntityIndex
    from tests.extract.extract_helpers import make_source
    entities = EntityIndex([Entity(id="vallemora-fire", kind="event", name="Vallemora fire"),
                            Entity(id="ilaria-bensaro", kind="person", name="Ilaria Bensaro")])

    def found(text: str) -> list[tuple[str, str | None, float]]:
        extraction = extract(text, make_source(text, "2026-08-14"), entities, project.vocabulary, project.cues)
        return [(c.subject, c.event, c.value.amount) for c in of_kind(extraction, "duration") if c.property == "age"]

    assert found("Police have arrested a 47-year-old man on suspicion of arson.\n") == [
        ("vallemora-fire", "suspect-man", 47.0)]
    # the man arrested, not the governor named just before
    assert found("Governor Ilaria Bensaro visited Merlosa.\n\nThe 57-year-old man arrested on suspicion of "
                 "starting the fire remains in custody.\n") == [("vallemora-fire", "suspect-man", 57.0)]
    assert sorted(found("Officers detained a 51-year-old private tutor and a 19-year-old student.\n")) == [
        ("vallemora-fire", "suspect-student", 19.0), ("vallemora-fire", "suspect-tutor", 51.0)]

"""Mentions and names resolved to entity ids: aliases, surnames, fuzzy matches, proposals."""

from __future__ import annotations

from factcheck.extract.readers.entities import Resolver, slug


def test_aliases_longest_first_and_case_insensitive_for_phrases(project):
    resolver = Resolver(project.entities)
    text = "The pact and the Moon administration, then Moon, and the intelligence-sharing pact."
    assert [(m.text, m.entity_id) for m in resolver.mentions(text)] == [
        ("The pact", "gsomia"), ("the Moon administration", "south-korea"), ("Moon", "moon-jae-in"),
        ("the intelligence-sharing pact", "gsomia")]


def test_a_hyphen_and_a_space_are_the_same_in_aliases(project):
    resolver = Resolver(project.entities)
    assert [m.entity_id for m in resolver.mentions("an intelligence sharing pact")] == ["gsomia"]


def test_one_word_capitalised_aliases_match_their_case_only(project):
    resolver = Resolver(project.entities)
    assert [m.entity_id for m in resolver.mentions("tell us about the moon")] == []


def test_a_surname_is_the_most_recent_person_with_it(project):
    resolver = Resolver(project.entities)
    assert resolver.resolve("Kim", ["kim-hyun-wook", "kim-you-geun"]) == ("kim-hyun-wook", False)
    assert resolver.resolve("Kim", ["kim-you-geun"]) == ("kim-you-geun", False)


def test_an_unknown_name_is_proposed_once(project):
    resolver = Resolver(project.entities)
    assert resolver.resolve("Victor Cha") == ("victor-cha", True)
    assert resolver.resolve("Victor Cha") == ("victor-cha", True)
    assert list(resolver.proposals) == ["victor-cha"]


def test_a_proposed_id_never_collides_with_a_known_one(project):
    resolver = Resolver(project.entities)
    assert resolver.propose("GSOMIA!", "agreement") == "gsomia-2"


def test_slug():
    assert slug("Tarō Kōno") == "taro-kono"
    assert slug("Kim You-geun") == "kim-you-geun"

"""Scope statements about agreements: comparisons and modalities."""

from __future__ import annotations

from tests.extract.extract_helpers import of_kind


def scopes(run, text: str) -> list[tuple[str, str, dict]]:
    return [(c.property, c.subject, c.value.model_dump(mode="json", exclude_none=True))
            for c in of_kind(run(text, "2019-08"), "scope")]


def test_narrower_than_another_agreement(run):
    text = "However, the TISA covers a narrower range of information than GSOMIA.\n"
    assert scopes(run, text) == [("scope", "tisa", {"relation": "narrower_than", "than": "gsomia"})]


def test_more_limited_in_scope_compares_with_the_main_agreement(run):
    text = ("GSOMIA was signed in 2016. Japan, South Korea and the U.S. also have a trilateral information-sharing pact, "
            "but it’s more limited in scope.\n")
    assert scopes(run, text) == [("scope", "tisa", {"relation": "narrower_than", "than": "gsomia"})]


def test_allows_but_does_not_require(run):
    text = ("The General Security of Military Information Agreement was signed in November 2016. The agreement allows, "
            "but doesn’t require, the exchange of intelligence.\n")
    assert scopes(run, text) == [("sharing_terms", "gsomia",
                                  {"modality": "allows_not_requires", "action": "the exchange of intelligence"})]


def test_requires_in_a_clause_about_another_agreement(run):
    text = ("However, the TISA covers a narrower range of information than GSOMIA and requires South Korea and Japan "
            "to use the United States as an intermediary.\n")
    found = scopes(run, text)
    assert found[1] == ("sharing_terms", "tisa", {"modality": "requires", "action":
                        "South Korea and Japan to use the United States as an intermediary"})


def test_a_modal_verb_not_about_an_agreement_is_not_a_scope(run):
    text = "Japan’s suggestion was allowing some in Seoul to argue that South Korea should not share intelligence.\n"
    assert scopes(run, text) == []

"""The clause layer: where a sentence is cut, the role of each clause, its predicates and modality.

Sentences written for tests unless marked as the seeds'."""

from __future__ import annotations

from factcheck.extract.pipeline import annotated
from tests.extract.extract_helpers import make_source


def clauses(project, text: str) -> list[tuple[str, str, tuple[str, ...], str | None]]:
    document = annotated(text, make_source(text, "2019-08-22"), project.entities, project.vocabulary, project.cues)
    return [(c.role, text[c.start:c.end].strip(), tuple(p.property for p in c.predicates), c.modality)
            for c in document.clauses]


def test_the_annotators_run_in_order_and_fill_their_layers(project):
    text = "Seoul said Thursday it would end the pact.\n"
    document = annotated(text, make_source(text, "2019-08-22"), project.entities, project.vocabulary, project.cues)
    assert document.annotated == ["segment", "mentions", "quotes", "values", "clauses"]
    assert document.sentences and document.values and document.clauses


def test_speech_splits_attribution_from_what_was_said(project):
    assert clauses(project, "Seoul said Thursday it would end the pact.\n") == [
        ("attribution", "Seoul said Thursday", ("announced_on",), None),
        ("complement", "it would end the pact.", ("ended_on",), "planned"),
    ]


def test_an_attribution_that_closes_the_sentence(project):
    found = clauses(project, "The pact will expire in November, a senior official said on Friday.\n")
    assert [role for role, *_ in found] == ["main", "attribution"]
    assert found[1][1].startswith(", a senior official said")


def test_told_takes_an_addressee_not_a_clause(project):
    # the Bloomberg seed
    text = ("South Korea’s defense minister, Jeong Kyeong-doo, told the National Assembly’s defense committee Aug. 5 "
            "that there had been 26 instances of intelligence-sharing with Japan since the agreement was signed.\n")
    found = clauses(project, text)
    assert found[0][0] == "attribution" and found[0][1].endswith("Aug. 5")
    assert found[1][0] == "complement" and found[1][1].startswith("that there had been")


def test_relative_adverbial_and_background_clauses(project):
    found = clauses(project, "The yen, which is viewed as a safe haven, strengthened after the announcement.\n")
    assert [role for role, *_ in found] == ["main", "relative", "main", "adverbial"]  # the yen strengthened
    found = clauses(project, "Japan says all such claims were settled under a 1965 treaty.\n")  # the seed
    assert found[-1][0] == "background" and found[-1][1] == "under a 1965 treaty."


def test_a_condition_first(project):
    found = clauses(project, "If talks fail, Seoul will quit the deal on Nov. 23.\n")
    assert found[0][:2] == ("adverbial", "If talks fail,") and found[0][3] == "conditional"
    assert found[1][3] == "planned"


def test_words_inside_quote_marks_are_not_the_sentences(project):
    found = clauses(project, "Kono said “we will announce it on Monday” in Tokyo.\n")
    assert all(modality is None for *_, modality in found)


def test_may_the_month_is_not_may_the_modal(project):
    found = clauses(project, "The pact was signed on May 5.\n")
    assert found[0][3] is None


def test_an_agreement_named_by_its_own_words(project, tmp_path):
    # written for tests: "the General Security deal" is GSOMIA by the words of its name
    from factcheck.extract.pipeline import annotated
    text = "The General Security deal expires in November.\n"
    document = annotated(text, make_source(text, "2019-08-22"), project.entities, project.vocabulary, project.cues)
    assert [m.entity_id for m in document.mentions[0] if m.kind == "agreement"] == ["gsomia"]


def test_a_live_blog_aside_before_a_colon_is_no_condition_of_what_follows(project):
    # "If you are just joining us:" addresses the reader; the launch after the colon happened, no "if" about it
    found = clauses(project, "If you are just joining us: the rocket lifted off at 01:14 on Wednesday.\n")
    assert found[0][0] == "adverbial" and found[0][3] == "conditional"
    assert found[1][1] == "the rocket lifted off at 01:14 on Wednesday." and found[1][3] is None


def test_a_length_before_after_opens_the_adverbial_clause(project):
    # "Five weeks after dockers walked off": the walk-out is the adverbial's; the date is the main clause's
    found = clauses(project, "Five weeks after dockers walked off the job, the ships reached a berth on October 12.\n")
    assert found[0][0] == "adverbial"
    assert any(role == "main" and "reached a berth on October 12" in text for role, text, _, _ in found)
    assert not any(role == "main" and "walked off" in text for role, text, _, _ in found)


def test_the_main_clause_goes_on_after_a_relative_one(project):
    # a date after the relative clause is the main verb's: the man was remanded on Friday, nothing started then
    found = clauses(project, "A man accused of starting the fire that has ravaged the hills was remanded in custody "
                             "on Friday.\n")
    assert [(role, words) for role, words, *_ in found] == [
        ("main", "A man accused of starting the fire"), ("relative", "that has ravaged the hills"),
        ("main", "was remanded in custody on Friday.")]
    found = clauses(project, "The fire, which broke out on Monday, has burned 2,400 hectares.\n")
    assert [(role, words) for role, words, *_ in found][1:] == [
        ("relative", ", which broke out on Monday,"), ("main", "has burned 2,400 hectares.")]
    found = clauses(project, "The man who was arrested on Monday was released on Friday.\n")
    assert found[-1][:2] == ("main", "was released on Friday.")
    # what someone said stays one clause: "officials said was agreed" is no resumed main verb
    assert len(clauses(project, "The plan that officials said was agreed on Monday collapsed.\n")) == 1
    # written for tests: a verb in the past tense of its own, dated right after it, goes on with the main clause
    found = clauses(project, "A woman who collapsed during Sunday's race died late on Tuesday in hospital.\n")
    assert [(role, words) for role, words, *_ in found] == [
        ("main", "A woman"), ("relative", "who collapsed during Sunday's race"),
        ("main", "died late on Tuesday in hospital.")]


def test_a_relative_clause_after_a_comma_ends_at_a_comma_whatever_it_holds(project):
    # the "since" clause inside the relative one does not swallow what the coach did on Friday
    found = clauses(project, "Her coach, Zelna Strocka, who has trained her since she was 14, did not return calls "
                             "on Friday.\n")
    assert found[-1][:2] == ("main", "did not return calls on Friday.")

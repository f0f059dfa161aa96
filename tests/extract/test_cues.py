"""The cue lexicon is data: a project file extends it, and a broken one is a located error."""

from __future__ import annotations

import pytest

from factcheck.extract.cues import load_cues, merge_lexicons, shipped_lexicon
from factcheck.extract.document import Sentence
from factcheck.extract.readers.quantities import find_quantities
from factcheck.load.problems import ProblemsError


def test_a_project_cue_file_adds_cues_to_a_property(tmp_path):
    project_cues = tmp_path / "cues.yaml"
    project_cues.write_text("date_properties:\n  - property: expires_on\n    cues: [sunsets]\n", encoding="utf-8")
    cues = load_cues(project_cues)
    expires = next(c for c in cues.events if c.property == "expires_on")  # read as an event entry
    assert expires.pattern.search("the pact sunsets in November") and expires.pattern.search("will expire")


def test_a_project_event_entry_adds_words_to_its_event(tmp_path):
    project_cues = tmp_path / "cues.yaml"
    project_cues.write_text("events:\n  - property: met_on\n    event: phone-call\n    words: [rang]\n", encoding="utf-8")
    cues = load_cues(project_cues)
    calls = [c for c in cues.events if c.property == "met_on" and c.event == "phone-call"]
    assert len(calls) == 1 and calls[0].pattern.search("Abe rang Moon") and calls[0].pattern.search("phone call")
    assert any(c.event == "summit" for c in cues.events)  # the other met_on entries are untouched


def test_lists_are_appended_and_values_replaced():
    merged = merge_lexicons({"speech_verbs": ["said"], "default_date_property": "announced_on"},
                            {"speech_verbs": ["quipped"], "default_date_property": None})
    assert merged == {"speech_verbs": ["said", "quipped"], "default_date_property": None}


def test_a_broken_cue_file_is_reported_with_its_location(tmp_path):
    broken = tmp_path / "cues.yaml"
    broken.write_text("speech_verbs: [said\n", encoding="utf-8")
    with pytest.raises(ProblemsError) as error:
        load_cues(broken)
    assert "cues.yaml" in str(error.value)


def test_a_project_cue_extends_extraction(run, project, tmp_path):
    from factcheck.extract.pipeline import extract
    from tests.extract.extract_helpers import make_source
    project_cues = tmp_path / "cues.yaml"
    project_cues.write_text("date_properties:\n  - property: expires_on\n    cues: [sunsets]\n    tense: future\n",
                            encoding="utf-8")
    text = "The pact sunsets Nov. 23.\n"
    claims = extract(text, make_source(text, "2019-08-22"), project.entities, project.vocabulary,
                     load_cues(project_cues)).claims_file.claims
    assert [(c.property, str(c.value.date)) for c in claims] == [("expires_on", "2019-11-23")]


def test_patterns_compiled_from_a_lexicon_are_its_own():
    # Two projects' lexicons differ by the currencies of their entity files. The quantity patterns were once
    # cached by id(), so a lexicon built where another had been freed could read with the other's currencies:
    # a claim came and went between runs of the same corpus.
    text = "The fine was 400 talers.\n"
    sentence = Sentence(0, 0, 0, len(text) - 1, text.strip())
    dorins = load_cues(currencies={"dorins": "DRN"})
    talers = load_cues(currencies={"talers": "TLR"})
    assert [v.unit for _, _, v in find_quantities(text, sentence, dorins)] == ["taler"]  # a count of talers, no money
    assert [v.unit for _, _, v in find_quantities(text, sentence, talers)] == ["TLR"]
    assert dorins.compiled["quantities"] is not talers.compiled["quantities"]


def test_a_lexicon_read_again_is_compiled_once_and_an_edited_one_again(tmp_path):
    # `factcheck eval` and `extract` over many sources read one project's lexicon once a source; compiling
    # it each time was a third of the run. The compiled lexicon is shared, and an edit is never missed.
    project_cues = tmp_path / "cues.yaml"
    project_cues.write_text("date_properties:\n  - property: expires_on\n    cues: [sunsets]\n", encoding="utf-8")
    first = load_cues(project_cues, currencies={"talers": "TLR"})
    assert load_cues(project_cues, currencies={"talers": "TLR"}) is first
    assert load_cues(project_cues, currencies={"dorins": "DRN"}) is not first  # another entity file's currencies
    project_cues.write_text("date_properties:\n  - property: expires_on\n    cues: [lapses]\n", encoding="utf-8")
    edited = load_cues(project_cues, currencies={"talers": "TLR"})
    expires = next(c for c in edited.events if c.property == "expires_on")
    assert edited is not first and expires.pattern.search("the pact lapses") and not expires.pattern.search("sunsets")


def test_each_caller_gets_a_shipped_lexicon_of_its_own():
    lexicon = shipped_lexicon()
    lexicon["speech_verbs"].append("harrumphed")
    lexicon.pop("noise")
    again = shipped_lexicon()
    assert "harrumphed" not in again["speech_verbs"] and "noise" in again


def _extend(tmp_path, project, text: str, lexicon: str):
    """The claims drafted from `text` with the shipped lexicon, and with a project cue file `lexicon` over it."""
    from factcheck.extract.pipeline import extract
    from tests.extract.extract_helpers import make_source
    project_cues = tmp_path / "cues.yaml"
    project_cues.write_text(lexicon, encoding="utf-8")
    return [extract(text, make_source(text, "2019-08-22"), project.entities, project.vocabulary, cues).claims_file.claims
            for cues in (load_cues(), load_cues(project_cues))]


def test_a_project_extends_the_units_of_traded_goods(project, tmp_path):
    # Written for tests. A sum per unit of a traded good is a price of the day (as of publication); the
    # units are the lexicon's (`quantities.traded_units`), so a newsroom covering grain adds "bushel".
    text = "South Korea sold wheat at $5.20 a bushel, the ministry said.\n"
    shipped, extended = _extend(tmp_path, project, text, "quantities:\n  traded_units: [bushel]\n")
    assert [(c.value.unit, c.as_of) for c in shipped] == [("USD", None)]
    assert [(c.value.unit, str(c.as_of)) for c in extended] == [("USD/bushel", "2019-08-22")]


def test_a_project_extends_the_nouns_that_are_no_event_length(project, tmp_path):
    # Written for tests. "a 90-day spell" is the length of an event called "spell" until the project says a
    # spell is a span of time (`not_event_lengths`), as "a 90-day period" is.
    text = "South Korea said it would end GSOMIA, a 90-day spell that began on Aug. 22.\n"
    shipped, extended = _extend(tmp_path, project, text, "not_event_lengths: [spell]\n")
    assert [(c.property, c.event) for c in shipped if c.kind == "duration"] == [("lasted", "spell")]
    assert [c for c in extended if c.kind == "duration"] == []

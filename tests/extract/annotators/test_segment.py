"""Page noise: captions with a credit inside them are dropped, the line above a caption is not
(sentences written for tests)."""

from __future__ import annotations

from factcheck.extract.annotators.segment import segment


def kept(cues, text: str) -> list[str]:
    return [s.text for s in segment(text, cues).sentences]


def test_a_sentence_with_a_credit_is_a_caption(cues):
    text = ("Trucks wait at the border crossing on Monday. (AP Photo/Jane Doe)\n\n"
            "Argentina announced the duties on Tuesday.\n\n"
            "Protesters gather outside the ministry. REUTERS/John Roe\n\n"
            "Police stand guard on Thursday. Photo: Getty Images\n")
    assert kept(cues, text) == ["Argentina announced the duties on Tuesday."]


def test_the_line_above_a_caption_with_a_credit_is_kept(cues):
    text = ("The manifest listed 178 passengers and 14 crew, relatives said.\n\n"
            "Relatives wait for news at the port on Monday. (Photo: A. Writer/The Herald)\n")
    assert kept(cues, text) == ["The manifest listed 178 passengers and 14 crew, relatives said."]


def test_the_line_above_a_credit_line_is_a_caption(cues):
    text = "A woman walks past a shop in Tokyo, Aug. 2, 2019.\n\nCredit: AP Photo/Eugene Hoshiko\n\nThe pact ends.\n"
    assert kept(cues, text) == ["The pact ends."]

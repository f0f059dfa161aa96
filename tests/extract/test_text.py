"""Segmentation keeps offsets into the original text and drops page noise; a repeated sentence counts once."""

from __future__ import annotations

from factcheck.extract.annotators.segment import segment
from tests.extract.extract_helpers import ROOT, SEEDS

BLOOMBERG = (ROOT / "seeds" / SEEDS["bloomberg-2019-08-22"][0]).read_bytes().decode()
DIPLOMAT = (ROOT / "seeds" / SEEDS["diplomat-2019-08"][0]).read_bytes().decode()


def kept_text(document) -> str:
    return "\n".join(s.text for s in document.sentences)


def test_every_sentence_indexes_the_original_text(cues):
    for text in (BLOOMBERG, DIPLOMAT):
        document = segment(text, cues)
        assert document.sentences
        for sentence in document.sentences:
            assert text[sentence.start:sentence.end] == sentence.text


def test_bloomberg_page_noise_is_dropped(cues):
    kept = kept_text(segment(BLOOMBERG, cues))
    for noise in ("ADVERTISEMENT", "U.S. Chagrin", "Photographer", "To contact", "©2019 Bloomberg", "With assistance",
                  "Breakthrough Deal"):
        assert noise not in kept


def test_diplomat_navigation_and_photo_credit_are_dropped(cues):
    kept = kept_text(segment(DIPLOMAT, cues))
    for noise in ("The Koreas | Diplomacy", "Recent Features", "Credit: AP Photo", "A woman walks past",
                  "Spills Into National Security"):
        assert noise not in kept


def test_the_dateline_is_not_part_of_the_first_sentence(cues):
    first = segment(BLOOMBERG, cues).sentences[0]
    assert first.text.startswith("South Korea said it would withdraw")


def test_a_standfirst_repeated_as_the_start_of_a_body_sentence_is_kept_once(cues):
    document = segment(BLOOMBERG, cues)
    starts = [s for s in document.sentences if s.text.startswith("South Korea notified Japan of plans")]
    assert len(starts) == 1 and "Kim You-geun said Thursday" in starts[0].text


def test_the_same_sentence_twice_is_one_sentence(cues):
    text = "Seoul will end the pact.\n\nSeoul will end the pact.\n\nTokyo regrets it.\n"
    document = segment(text, cues)
    assert [s.text for s in document.sentences] == ["Seoul will end the pact.", "Tokyo regrets it."]
    assert any(reason == "repeated sentence" for _, reason in document.dropped)


def test_abbreviations_do_not_end_sentences(cues):
    text = "The U.S. Department of Defense said so on Nov. 23 in Washington. It was Lt. Col. Dave Eastburn.\n"
    assert [s.text for s in segment(text, cues).sentences] == [
        "The U.S. Department of Defense said so on Nov. 23 in Washington.", "It was Lt. Col. Dave Eastburn."]


def test_a_sentence_ending_inside_a_quote_splits_before_the_next_quote(cues):
    text = "“We will not back down,” Kim said. “However, this will change things.”\n"
    assert [s.text for s in segment(text, cues).sentences] == [
        "“We will not back down,” Kim said.", "“However, this will change things.”"]


def test_the_title_is_dropped_when_given(cues):
    text = "Seoul Ends Pact.\n\nSeoul ended the pact on Thursday.\n"
    assert [s.text for s in segment(text, cues, title="Seoul Ends Pact.").sentences] == [
        "Seoul ended the pact on Thursday."]

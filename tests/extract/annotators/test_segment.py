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


def test_datelines_are_not_part_of_the_first_sentence(cues):
    text = ("SAPE, Indonesia (Test Wire) -- A ferry sank.\n\nSANTIAGO — Chile and Argentina signed.\n\n"
            "LABUAN BAJO — Rescue teams will search.\n")
    assert kept(cues, text) == ["A ferry sank.", "Chile and Argentina signed.", "Rescue teams will search."]


def test_credits_inside_a_line(cues):
    text = ("Protesters gather outside parliament on Friday. Photograph: Jane Doe/AP\n\n"
            "Police stand guard. Jane Doe/Reuters\n\nThe talks ended.\n")
    assert kept(cues, text) == ["The talks ended."]


def test_the_line_above_a_photo_line_with_its_own_caption_is_kept_when_it_quotes_someone_or_runs_on(cues):
    # written for tests: the "Photo:" line captions the picture itself; the paragraph above it quotes a minister,
    # or tells two things in two sentences (a caption is one)
    quoted = "“Small firms will have to choose between prices and staff,” said Ottar Dalvik, their chairman."
    told = "Thirty-two people were taken to hospital on Thursday night, according to the health authority."
    caption = "Riot police stood outside the ministry on Tuesday as crowds gathered."
    two = "The owner, who was arrested last Thursday, remains in custody. His manager was arrested on Friday."
    for paragraph, expected in ((quoted, [quoted]), (told, [told]), (caption, []),
                                (two, ["The owner, who was arrested last Thursday, remains in custody.",
                                       "His manager was arrested on Friday."])):
        text = f"{paragraph}\n\nPhoto: Shoppers in the market square on Monday. (Tidende/P. Engen)\n"
        assert kept(cues, text) == expected, paragraph
    assert kept(cues, f"{quoted}\n\nPhoto: Reuters\n") == []  # a credit alone: the line above is its caption


def test_a_caption_credited_after_a_slash_still_captions_itself(cues):
    # written for tests, from round 29: "... last autumn. / Courier" is a caption and its credit; only the
    # capitalised words right before a slash are a credit, not the whole caption
    quoted = "Maren Okstad was blunt. “We would have blocked the merger,” she said."
    text = f"{quoted}\n\nPhoto: Staff at the Harbour Road centre during a visit by managers last autumn. / Courier\n"
    assert kept(cues, text) == ["Maren Okstad was blunt.", "“We would have blocked the merger,” she said."]
    assert kept(cues, f"{quoted}\n\nPhoto: Kim Hong-ji/Reuters\n") == []  # a credit alone


def test_a_bullet_told_as_a_sentence_is_content_but_a_labelled_fact_is_not(cues):
    # written for tests, from round 28's bank story and the dev live blogs: a "key points" list is news
    text = ("Key points\n\n- The reactor will be offline for at least six weeks, according to the operator\n"
            "- About 4,200 litres of water leaked, all inside the containment\n"
            "- Cost: 41 million dalen\n- Reactor offline\n")
    assert kept(cues, text) == ["- The reactor will be offline for at least six weeks, according to the operator",
                                "- About 4,200 litres of water leaked, all inside the containment"]


def test_a_sign_up_line_is_noise_but_subscribers_are_news(cues):
    # written for tests
    text = "Subscribe to our newsletter\n\nSign up for alerts\n\nSubscribers climbed to 2.3 million.\n"
    assert kept(cues, text) == ["Subscribers climbed to 2.3 million."]

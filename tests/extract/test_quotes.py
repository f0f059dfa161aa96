"""Quotes with their speakers, in every shape the seeds use and the hard ones they don't."""

from __future__ import annotations

import pytest

from factcheck.model.entities import Entity
from tests.extract.extract_helpers import extract_with, of_kind


def quotes(run, text: str, published: str = "2019-08-22") -> list[tuple[str, str]]:
    return [(c.value.speaker, c.value.text) for c in of_kind(run(text, published), "quote")]


def only_quote(run, text: str):
    found = of_kind(run(text), "quote")
    assert len(found) == 1, [c.value for c in found]
    return found[0]


def test_speaker_named_after_the_quote(run):
    claim = only_quote(run, "“If Japan and Korea are pulling apart, it is not all the U.S.’s fault,” Graham said in a message.\n")
    assert claim.value.speaker == "euan-graham"
    assert claim.value.text == "If Japan and Korea are pulling apart, it is not all the U.S.’s fault"
    assert claim.status.value == "auto" and 0 < claim.confidence <= 1


def test_said_x_with_an_appositive_role_and_organisation(run):
    claim = only_quote(run, "“This signals that access to information is not a priority,” said Yuki Tatsumi, "
                            "co-director of the East Asia Program at the Stimson Center in Washington.\n")
    assert claim.value.speaker == "yuki-tatsumi"
    assert claim.value.role == "co-director of the East Asia Program at the Stimson Center in Washington"
    assert claim.value.organisation == "stimson-center"


def test_a_role_that_names_its_organisation_by_kind(run):
    # written for tests, from round 28: "the agency's operations director" speaks for the agency named before
    text = ("The Stimson Center published the study on Monday. “This signals that access to information is not a "
            "priority,” said Yuki Tatsumi, the center's co-director.\n")
    found = [(c.value.speaker, c.value.organisation) for c in of_kind(run(text), "quote")]
    assert found == [("yuki-tatsumi", "stimson-center")]


def test_x_a_pentagon_spokesman_said_in_a_statement(run):
    claim = only_quote(run, "“We strongly believe the ties must persist,” Lieutenant Colonel Dave Eastburn, a Pentagon "
                            "spokesman, said in a statement.\n")
    assert (claim.value.speaker, claim.value.role, claim.value.organisation) == (
        "dave-eastburn", "a Pentagon spokesman", "us-dod")


def test_speaker_named_before_with_a_title(run):
    claim = only_quote(run, "Japan’s Foreign Minister Taro Kono said in a statement that the action “shows complete "
                            "misunderstanding of the security environment.”\n")
    assert claim.value.speaker == "taro-kono"
    assert claim.value.role == "Foreign Minister"
    assert claim.value.organisation == "japan-mofa"  # Japan, through Kono's role in the entity file


def test_according_to(run):
    claim = only_quote(run, "According to Kang Kyung-wha, “the alliance will continue to grow stronger.”\n")
    assert claim.value.speaker == "kang-kyung-wha"


def test_told_reporters(run):
    claim = only_quote(run, "“South Korea and U.S. will continue to strengthen the alliance,” South Korea’s Foreign "
                            "Minister Kang Kyung-wha told reporters after the announcement.\n")
    assert claim.value.speaker == "kang-kyung-wha"


@pytest.mark.parametrize("verb", ["stressed in an interview", "vowed", "cautioned", "emphasised"])
def test_more_speech_verbs_after_the_quote(run, verb):
    # written for tests
    claim = only_quote(run, f"“South Korea and U.S. will continue to strengthen the alliance,” Kang Kyung-wha {verb}.\n")
    assert claim.value.speaker == "kang-kyung-wha"


def test_straight_quotes(run):
    claim = only_quote(run, '"We are watching the situation very closely," Pompeo said on Thursday.\n')
    assert claim.value.speaker == "mike-pompeo"
    assert claim.value.text == "We are watching the situation very closely"


def test_a_quote_split_around_he_said_is_one_quote(run):
    text = "“The decision is regrettable,” Kono said, “and we will respond calmly to it.”\n"
    claim = only_quote(run, text)
    assert claim.value.speaker == "taro-kono"
    assert claim.value.text == "The decision is regrettable ... and we will respond calmly to it."
    assert claim.evidence.text == text[1:].rstrip("\n")  # the quote and its attribution, to the sentence end


def test_a_pronoun_is_the_nearest_named_speaker(run):
    text = ("Japan’s Foreign Minister Taro Kono said the decision was a mistake. He said “relations between Japan and "
            "South Korea are in an extremely difficult state.”\n")
    assert quotes(run, text)[0][0] == "taro-kono"


def test_she_said_after_the_quote_in_a_sentence_naming_another_person(run):
    text = ("“This signals a shift in priorities for the government,” said Yuki Tatsumi. Moon’s administration was "
            "“allowing the ‘history’ issue to poison the relationship,” she said.\n")
    assert [speaker for speaker, _ in quotes(run, text)] == ["yuki-tatsumi", "yuki-tatsumi"]


def test_a_role_noun_is_the_nearest_speaker_with_that_role(run):
    text = ("“We regret the decision deeply,” said Taro Kono, the foreign minister. Euan Graham, an analyst, said it "
            "was a wedge. “We will respond calmly and firmly to this,” the minister said.\n")
    assert quotes(run, text)[-1][0] == "taro-kono"


def test_a_role_noun_before_any_quote_is_the_person_named_with_that_title(project):
    # written for tests: no one has been quoted yet, and the last person named is the judge the minister
    # appointed; "The Minister" is the person the text named with that title
    entities = [Entity(id="petra-olund", kind="person", name="Petra Olund"),
                Entity(id="helga-marrin", kind="person", name="Helga Marrin")]
    text = ("The Minister of Justice, Petra Olund, has appointed Helga Marrin, a retired judge of the Supreme Court, "
            "to lead an independent inquiry.\n\nThe Minister said: \"The state failed these men, and the state will "
            "answer for it.\"\n")
    extraction = extract_with(project, entities, text, "2027-04-15")
    assert [c.value.speaker for c in of_kind(extraction, "quote")] == ["petra-olund"]


_MAYOR = Entity(id="ilse-varnhold", kind="person", name="Ilse Varnhold", description="Mayor of Keswarden.")


@pytest.mark.parametrize(("other", "speakers"), [
    (Entity(id="hesper-langroth", kind="person", name="Hesper Langroth", description="City auditor."), ["ilse-varnhold"]),
    # two mayors in the entity file and none named in the text: "the mayor" is neither
    (Entity(id="otto-brenn", kind="person", name="Otto Brenn", description="Mayor of Haldmoor."), []),
])
def test_a_role_opening_a_live_blog_entry_is_the_one_person_the_entity_file_gives_that_title(project, other, speakers):
    # written for tests: the blog never names the mayor
    text = ('22:31\nFinal speeches done. The mayor closes for the administration: "This line will carry Keswarden '
            'into the next fifty years. I ask the council to vote for Haldmoor."\n')
    extraction = extract_with(project, [_MAYOR, other], text, "2026-03-10")
    assert [c.value.speaker for c in of_kind(extraction, "quote")] == speakers


def test_a_role_of_several_role_nouns_is_named_by_its_last(project):
    # written for tests: "the chief executive" is the chief executive, not any "chief" (the operating officer)
    entities = [Entity(id="marit-solhaug", kind="person", name="Marit Solhaug", description="Chief executive of Norvalt."),
                Entity(id="petter-lindahl", kind="person", name="Petter Lindahl", description="Chief operating officer.")]
    text = '"I take full responsibility," the chief executive said.\n'
    extraction = extract_with(project, entities, text, "2026-06-12")
    assert [c.value.speaker for c in of_kind(extraction, "quote")] == ["marit-solhaug"]


def test_nested_single_quotes_stay_inside_the_quote(run):
    claim = only_quote(run, "Moon’s administration was “allowing the ‘history’ issue to poison the relationship,” "
                            "Yuki Tatsumi said.\n")
    assert claim.value.text == "allowing the ‘history’ issue to poison the relationship"


def test_partial_quotes_inside_a_sentence_share_the_speaker(run):
    text = ("U.S. Secretary of State Michael Pompeo said during a visit to Ottawa that “we’re urging each of the two "
            "countries to continue to engage” so they “can begin to put that relationship back in exactly the right "
            "place.”\n")
    found = quotes(run, text)
    assert [speaker for speaker, _ in found] == ["mike-pompeo", "mike-pompeo"]
    assert found[1][1].startswith("can begin to put")


def test_a_quote_spanning_two_paragraphs(run):
    text = ("“The Department of Defense expresses our strong concern and disappointment,” Dave Eastburn said. “We "
            "strongly believe that the integrity of our mutual defense must persist.\n\n"
            "“We urge both governments to keep talking to each other.”\n")
    found = of_kind(run(text), "quote")
    assert len(found) == 2
    second = found[1]
    assert second.value.speaker == "dave-eastburn"
    assert second.value.text == ("We strongly believe that the integrity of our mutual defense must persist. "
                                 "We urge both governments to keep talking to each other.")
    assert "\n\n“We urge" in second.evidence.text


def test_a_speaker_named_only_in_the_previous_sentence(run):
    text = "Taro Kono spoke to reporters in Tokyo on Friday. “This is extremely regrettable for the region.”\n"
    claim = only_quote(run, text)
    assert claim.value.speaker == "taro-kono"
    assert claim.confidence < 0.8


def test_a_quote_that_continues_a_paragraph_keeps_its_speaker(run):
    text = ("“South Korea is showing that it will not back down on this,” Kim Hyun-wook said. “However, this will "
            "impact how the U.S. identifies South Korea as a partner.”\n")
    assert [speaker for speaker, _ in quotes(run, text)] == ["kim-hyun-wook", "kim-hyun-wook"]


def test_a_surname_is_the_most_recent_person_of_that_name(run):
    text = ("Deputy National Security Director Kim You-geun announced the decision. Kim Hyun-wook, a professor, "
            "said the leaders had domestic incentives.\n\n"
            "“South Korea is showing that it will not back down on this,” Kim said.\n")
    assert quotes(run, text) == [("kim-hyun-wook", "South Korea is showing that it will not back down on this")]


def test_an_organisation_speaking_through_a_role(run):
    claim = only_quote(run, "A U.S. Department of Defense official expressed “strong concern and disappointment,” "
                            "while Japanese Foreign Minister Taro Kono suggested otherwise.\n")
    assert (claim.value.speaker, claim.value.role, claim.value.organisation) == (
        "us-dod", "A U.S. Department of Defense official", "us-dod")


def test_a_spokesman_for_an_organisation(run):
    claim = only_quote(run, "“We are deeply concerned by this decision,” said a spokesman for Japan’s Foreign Ministry.\n")
    assert (claim.value.speaker, claim.value.role) == ("japan-mofa", "a spokesman for Japan’s Foreign Ministry")


def test_an_unnamed_speaker_is_not_the_last_speaker(run):
    text = ("“We regret the decision deeply,” said Taro Kono. “Nothing is final yet in this matter,” "
            "one official said.\n")
    assert quotes(run, text) == [("taro-kono", "We regret the decision deeply")]


def test_a_scare_quote_is_not_a_quote(run):
    assert quotes(run, "South Korea formally falls off Japan’s “white list” on August 28.\n") == []


def test_an_echo_of_an_earlier_quote_keeps_its_speaker(run):
    text = ("Pompeo said “the shared interests of Japan and South Korea are important.” Washington wants to protect "
            "those “shared interests.”\n")
    assert [speaker for speaker, _ in quotes(run, text)] == ["mike-pompeo", "mike-pompeo"]


def test_an_unknown_speaker_is_proposed_with_a_kebab_id(run):
    extraction = run("“The pact served both countries well for years,” said Jane Doe-Smith, a researcher at the "
                     "Asan Institute.\n")
    claim = of_kind(extraction, "quote")[0]
    assert claim.value.speaker == "jane-doe-smith"
    assert [(e.id, e.name, e.kind.value) for e in extraction.proposals] == [("jane-doe-smith", "Jane Doe-Smith", "person")]


def test_a_fuzzy_name_resolves_to_the_known_person(run):
    claim = only_quote(run, "“We hope the two countries can talk again soon,” said Mike Pompeio.\n")
    assert claim.value.speaker == "mike-pompeo"


def test_seed_quotes_have_the_reviewed_speakers(run):
    from tests.extract.extract_helpers import ROOT, SEEDS
    text = (ROOT / "seeds" / SEEDS["bloomberg-2019-08-22"][0]).read_bytes().decode()
    speakers = [c.value.speaker for c in of_kind(run(text, "2019-08-22"), "quote")]
    assert speakers.count("kim-you-geun") == 2 and speakers.count("kim-hyun-wook") == 2
    assert speakers.count("taro-kono") == 2 and speakers.count("yuki-tatsumi") == 2


def test_straight_single_quotes_as_british_copy_writes_them(run):
    # written for tests
    claim = only_quote(run, "Kono was blunt. 'The workers' rights are not for sale, and we won't back down,' he said, "
                            "Foreign Minister Taro Kono told reporters.\n")
    assert claim.value.text == "The workers' rights are not for sale, and we won't back down"


def test_an_apostrophe_opens_no_quote(run):
    # written for tests
    assert quotes(run, "The ministers' talks in Seoul's old city hall ended on the committee's schedule.\n") == []


def test_a_person_introducing_a_quote_without_a_speech_verb(run):
    # written for tests: a live blog's entry and a quote after "accused ... of"
    found = quotes(run, 'Tomas Reiner of Vardesh, leaving the ministry: "We did not come to win an argument. '
                        'We came to stop the shelling."\n')
    assert [s for s, _ in found] and found[0][0].startswith("tomas-reiner")
    found = quotes(run, 'Ambrell chair Marguerite Solberg accused Kestrel of trying to buy the company '
                        '"on the cheap, at the top of the copper cycle".\n')
    assert [s for s, _ in found] == ["marguerite-solberg"]


def test_past_a_possessive_to_the_person_it_introduces(run):
    # written for tests
    found = quotes(run, '"We could hear her tapping on a water pipe, so we knew we had to keep digging," said '
                        "Orlek's mayor, Ana Siljak, who stayed at the site.\n")
    assert [s for s, _ in found] == ["ana-siljak"]


def test_a_month_opening_the_sentence_is_no_speaker(run):
    # written for tests
    found = quotes(run, 'In June the ministry said it would "study the operation carefully to protect the jobs of '
                        'its workers."\n')
    assert all(not speaker.startswith("in-") for speaker, _ in found)


def test_a_figure_in_the_second_sentence_of_a_quotation_is_the_speaker_s_not_a_claim(run):
    # written for tests: the quotation runs over two sentences; its figures are someone's words
    text = ('South Korean Defense Minister Jeong Kyeong-doo spoke to reporters. "We will not back down. '
            'Japan was given 90 days to reconsider and it did nothing," he said.\n')
    claims = run(text, "2019-08-23").claims_file.claims
    assert [c.kind for c in claims if c.kind != "quote"] == []
    assert any(c.kind == "quote" for c in claims)


def test_she_is_the_person_named_since_the_last_quote_not_the_man_quoted_before(run):
    # written for tests: Jeong was "he"; the next paragraph names Kang and quotes "she"
    text = ('South Korean Defense Minister Jeong Kyeong-doo said the pact would end. "It is over," he said.\n\n'
            'Foreign Minister Kang Kyung-wha told reporters that talks would go on. '
            '"Nobody should expect a quick deal," she said.\n')
    quotes = {c.value.text: c.value.speaker for c in run(text, "2019-08-23").claims_file.claims if c.kind == "quote"}
    assert quotes == {"It is over": "jeong-kyeong-doo", "Nobody should expect a quick deal": "kang-kyung-wha"}


def test_she_after_a_quote_of_two_sentences_is_the_person_named_before_the_quote(run):
    # written for tests: the quote's first sentence is its own sentence, so the person named before it is two
    # sentences back from "she"
    text = ('"It is over," Defense Minister Jeong Kyeong-doo told reporters.\n\n'
            'Foreign Minister Kang Kyung-wha said talks would go on.\n\n'
            '"Nobody expects a quick deal. Nobody expects a deal at all," she said.\n')
    quotes = {c.value.text: c.value.speaker for c in run(text, "2019-08-23").claims_file.claims if c.kind == "quote"}
    assert quotes["Nobody expects a quick deal. Nobody expects a deal at all"] == "kang-kyung-wha"


def test_a_quotation_of_two_sentences_is_attributed_after_its_close(run):
    # written for tests: the speaker is named after the second sentence, not the person named before
    text = ("The changes will cost about 11 million next year, Deputy Mayor for Finance Anton Brenic said.\n\n"
            '"We listened, and we got some things wrong. This is a budget the city can afford," Mayor Teodora '
            "Vals said after the vote.\n")
    quotes = {c.value.text: c.value.speaker for c in run(text, "2026-10-29").claims_file.claims if c.kind == "quote"}
    assert quotes == {"We listened, and we got some things wrong. This is a budget the city can afford": "teodora-vals"}


def test_a_title_in_quote_marks_is_no_statement(run):
    # written for tests: a painting's name is quoted, but nobody said it; the next quotation is a statement
    text = ("Among the stolen works was “Girl with a Lantern”, Graham said. "
            "“They knew exactly where it was kept,” Graham said.\n")
    assert [text for _, text in quotes(run, text)] == ["They knew exactly where it was kept"]


def test_what_reads_as_a_title():
    from factcheck.extract.readers.quotemarks import reads_as_title
    assert reads_as_title("Girl with a Lantern") and reads_as_title("Operation Northern Shield")
    assert not reads_as_title("Never") and not reads_as_title("We Will Not Back Down, Ever")
    assert not reads_as_title("a grave threat") and not reads_as_title("They knew exactly where it was kept")


def test_a_speaker_named_before_the_quote_without_a_speech_verb_is_in_its_evidence(run):
    # written for tests: "our translation" before the colon tells the comparator the words are a translation's
    found = of_kind(run("11:12 - Graham at the press conference, in Korean, our translation: "
                        "“We had to act, and we acted.” He left at noon.\n"), "quote")
    assert [c.value.speaker for c in found] == ["euan-graham"]
    assert found[0].evidence.text.startswith("11:12 - Graham at the press conference, in Korean, our translation:")


# Written for tests: a speaker named after a long title that follows the speech verb, and a name right
# after the verb whose title comes behind it.
@pytest.mark.parametrize(("sentence", "speaker"), [
    ("“We expect demand from telecom operators to stay weak until next year,” said Chief Financial Officer "
     "Ansgar Dalvang.\n", "ansgar-dalvang"),
    ("“No one who works a full week should have to choose between rent and food,” said the Minister of Labour "
     "and Social Affairs, Ylva Brenvik.\n", "ylva-brenvik"),
    ("“These are painful decisions, but we cannot protect every job,” said Liselotte Varstrand, President and "
     "CEO.\n", "liselotte-varstrand"),
    ("“We will rebuild the bridge within a year,” said Orlek mayor Ana Siljak.\n", "ana-siljak"),  # not Orlek
    ("Crews worked through the night at the site of the collapse on Tuesday. “We will rebuild the bridge within "
     "a year.” – Mayor Ana Siljak\n", "ana-siljak"),  # a speaker after a dash, no verb of saying
    ("Ana Siljak runs the town. “We will rebuild the bridge within a year,” Siljak, 54, told the Herald.\n",
     "ana-siljak"),  # an age between a name no entity file knows and its verb
    ("“We will rebuild the bridge within a year,” according to a statement from Euan Graham.\n", "euan-graham"),
    ("“We will rebuild the bridge within a year,” Euan Graham posted on social media.\n", "euan-graham"),
])
def test_the_name_a_title_after_the_speech_verb_leads_to(run, sentence: str, speaker: str):
    assert only_quote(run, sentence).value.speaker == speaker


def test_a_person_named_later_in_other_words_is_not_the_speaker(run):
    found = quotes(run, "“These are painful decisions, but we cannot protect every job,” said the minister on "
                        "Tuesday in Velsa, where Ylva Brenvik also spoke.\n")
    assert ("ylva-brenvik", "These are painful decisions, but we cannot protect every job") not in found


def _quoted_with(project, entities, text: str) -> list[tuple[str, str | None, str | None]]:
    extraction = extract_with(project, entities, text, "2026-09-24")
    return [(c.value.speaker, c.value.role, c.value.organisation) for c in of_kind(extraction, "quote")]


@pytest.mark.parametrize("text", [
    'Finance Minister Cosima Sandoval said: "The economy is growing."\n',
    'The Minister of Finance, Mrs Cosima Sandoval, said: "The economy is growing."\n',
    '"The economy is growing," said Cosima Sandoval, the finance minister.\n',
])
def test_a_minister_speaks_for_the_ministry_the_entity_file_names(project, text):
    # written for tests: the entity file gives Sandoval no role, but her office names the one finance ministry
    from factcheck.model.entities import Entity
    people = [Entity(id="cosima-sandoval", kind="person", name="Cosima Sandoval", aliases=["Sandoval"])]
    ministries = [Entity(id="finance-ministry", kind="organisation", name="Ministry of Finance",
                         aliases=["the finance ministry"]),
                  Entity(id="health-ministry", kind="organisation", name="Ministry of Health")]
    assert [(s, o) for s, _, o in _quoted_with(project, people + ministries, text)] == [
        ("cosima-sandoval", "finance-ministry")]
    two = ministries + [Entity(id="other-finance-ministry", kind="organisation", name="Finance Ministry of Ostravia")]
    assert [(s, o) for s, _, o in _quoted_with(project, people + two, text)] == [("cosima-sandoval", None)]

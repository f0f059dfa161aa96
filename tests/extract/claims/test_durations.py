"""How long an event lasted: `lasted`, the kind of event, the modality (sentences written for tests)."""

from __future__ import annotations

import pytest

from tests.extract.extract_helpers import of_kind


def lasted(extraction) -> list[tuple]:
    return [(c.value.amount, c.value.unit.value, c.value.approximation.value if c.value.approximation else None,
             c.event, c.modality.value if c.modality else None)
            for c in of_kind(extraction, "duration") if c.property == "lasted"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Abe and Moon spoke in a 35-minute call on Monday.\n", (35, "minute", None, "phone-call", None)),
    ("The talks, which ran for 90 minutes, ended without a deal.\n", (90, "minute", None, "talks", None)),
    ("Talks that ran for 90 minutes ended without a deal.\n", (90, "minute", None, "talks", None)),
    ("Ministers held a two-hour meeting in Seoul.\n", (2, "hour", None, "talks", None)),
    ("Leaders left after a day-long summit.\n", (1, "day", None, "summit", None)),
    ("Negotiators emerged from days-long talks.\n", (2, "day", "at least", "talks", None)),
    ("The meeting is planned to last two hours.\n", (2, "hour", None, "talks", "planned")),
    ("The ferry sank within 10 minutes.\n", (10, "minute", None, "sink", None)),
    ("Seoul will suspend its tariffs for 90 days.\n", (90, "day", None, "pause", None)),
    ("Council inspectors shut the company's kitchen on Thursday for two weeks.\n", (2, "week", None, "close", None)),
    ("The operator said the line would be closed for at least three months.\n", (3, "month", "at least", "close", None)),
    ("Japan won a case that had dragged on for five and a half years.\n", (5.5, "year", None, "case", None)),
    # written for tests: a length before a noun phrase whose head names the action
    ("Tokyo opened a 30-day public comment period on the rule.\n", (30, "day", None, "consult", None)),
    ("Tokyo approved the rule after a three-week consultation.\n", (3, "week", None, "consult", None)),
    ("The food spent nearly four hours in the delivery van.\n", (4, "hour", "nearly", None, None)),
    # written for tests: a siege and a standoff are one thing that lasted, told in other words
    ("The siege of Wing C lasted 36 hours.\n", (36, "hour", None, "siege", None)),
    ("The 48-hour standoff ended when police stormed the wing.\n", (48, "hour", None, "siege", None)),
    # written for tests: months of an event told by its noun after "of"
    ("The order concludes 18 months of negotiations.\n", (18, "month", None, "talks", None)),
    # written for tests: how long a plan takes, told by what it is spread over or takes
    ("The return of the objects will be spread over three years.\n", (3, "year", None, None, None)),
    ("The return of the objects will take three years.\n", (3, "year", None, None, None)),
    # written for tests: offline and out of service are closed, told in other words
    ("The reactor will stay offline for at least six weeks.\n", (6, "week", "at least", "close", None)),
    ("The line will be out of service for two weeks.\n", (2, "week", None, "close", None)),
])
def test_event_lengths(run, text, expected):
    assert lasted(run(text)) == [expected]


def test_months_of_something_that_is_no_event_are_no_length(run):
    assert lasted(run("The company had 18 months of growth.\n")) == []


def test_a_span_after_something_is_a_deadline_not_a_length(run):
    # written for tests: the commission's first session is due within three months; nothing lasted that long
    assert lasted(run("The joint commission will hold its first session within three months of the entry into "
                      "force.\n")) == []
    assert lasted(run("The ferry went down within 30 minutes of taking on water.\n")) == [
        (30, "minute", None, "sink", None)]  # how long the sinking took


def test_a_meeting_within_days_is_a_deadline_not_its_length(run):
    # written for tests: the meeting is to be held within 14 days; how long it will run is not said
    assert lasted(run("The ministry has invited the company's managers to a meeting in Velsa within 14 days.\n")) == []


def test_a_meetings_length_told_in_the_future_is_a_plan(run):
    # written for tests: "will ... for 90 days" is a term agreed; a one-hour session is a meeting's planned length,
    # which a report of the meeting itself ("ran for more than three hours") does not contradict
    assert lasted(run("The minister will present the budget to the cabinet at a one-hour session this afternoon.\n")) \
        == [(1, "hour", None, "talks", "planned")]


@pytest.mark.parametrize(("text", "modality"), [
    ("The guild's 48-hour national strike is due to begin on Monday.\n", "forecast"),
    ("The union is calling a 48-hour strike at all nine ports, starting at 6 a.m. on Monday.\n", "planned"),
    ("The dockworkers' guild has called a 48-hour strike at every port from Monday.\n", "planned"),
])
def test_the_length_a_strike_is_called_for_is_a_plan(run, text, modality):
    # written for tests: the strike was called for 48 hours and called off after 30; the 48 are the plan's
    assert lasted(run(text, "2026-10-15")) == [(48, "hour", None, "strike", modality)]


def test_a_would_inside_a_relative_clause_is_no_plan_of_the_length(run):
    # written for tests: the case lasted seven years; "would never end" is what people believed
    assert lasted(run("The ruling ends the seven-year case that Kavaria fought, a fight that many here believed "
                      "would never end.\n", "2026-10-09")) == [(7, "year", None, "case", None)]


def test_a_length_in_a_verb_phrase_after_and_is_of_the_sentences_subject(run):
    # written for tests: "The outage began ... and lasted ...": the outage lasted, not the date before "and"
    assert lasted(run("The outage began at 4:52 a.m. on Oct. 8 and lasted 14 hours and 18 minutes.\n",
                      "2026-11-26")) == [(858, "minute", None, "outage", None)]


def test_a_round_of_talks_is_a_meeting_of_its_own(run):
    # written for tests: the final round lasted nine hours; Monday's talks three; two meetings, not one misreported
    assert lasted(run("The final round of talks at the transport ministry lasted nearly nine hours.\n", "2026-09-11")) \
        == [(9, "hour", "nearly", "talks-final", None)]
    assert lasted(run("The minister met both sides for about three hours on Monday night.\n", "2026-09-08")) \
        == [(3, "hour", "about", "talks", None)]


def test_how_long_an_agreement_runs_is_its_term(run):
    # written for tests: three ways to tell the pact's term; the condition is the renewal's, not the term's
    def terms(text: str) -> list[tuple]:
        found = of_kind(run("South Korea will end GSOMIA, the intelligence-sharing pact. " + text, "2026-10-08"), "duration")
        return [(c.subject, c.value.amount, c.value.unit.value, c.modality) for c in found if c.property == "term"]
    assert terms("The 25-year pact was concluded for a term of twenty years.\n") == [
        ("gsomia", 25, "year", None), ("gsomia", 20, "year", None)]
    assert terms("It will remain in force for 20 years and renews itself unless one side objects.\n") == [
        ("gsomia", 20, "year", None)]
    # "stays in place" and "in effect" say what "remains in force" says
    assert terms("The pact will stay in place for at least 60 days, officials said.\n") == [
        ("gsomia", 60, "day", None)]
    assert terms("The pact is in effect for two years from its signing.\n") == [("gsomia", 2, "year", None)]


def test_a_sentence_pointing_back_at_an_earlier_event_is_about_it(run):
    # written for tests: "that incident" is the 2019 overrun of the sentence before, not this week's
    text = ("A cargo jet overran the same runway in 2019. No one was hurt in that incident, which closed the airport "
            "for seven hours.\n")
    assert [e for *_, e, _ in lasted(run(text, "2026-10-09"))] == ["close-2019"]
    assert [c for c in of_kind(run("Cyclone Mira struck in 2019. That storm killed 14 people.\n", "2026-10-14"),
                               "quantity")] == []  # the earlier storm's dead are background
    assert [c for c in of_kind(run("The last crisis came in 2014. Then, the bank froze deposits for 11 days and "
                                   "needed a $2.6 billion loan.\n", "2026-12-01"), "quantity")] == []


def test_an_averaging_window_is_not_a_length(run):
    # written for tests: the one-minute window is how the wind was measured
    assert lasted(run("Forecasters measured one-minute sustained winds of 205 km/h at landfall.\n", "2026-10-14")) == []


def test_a_persons_age_is_no_age_of_the_story(run):
    # written for tests: the framework's age is a claim; the woman's is not the story's
    text = ("South Korea notified Japan of plans to withdraw from the three-year-old framework. Two people have "
            "died, one of them an 81-year-old woman.\n")
    assert [(c.property, c.value.amount) for c in of_kind(run(text), "duration")] == [("age", 3)]


def test_a_notice_period_is_not_the_length_of_an_event(run):
    found = of_kind(run("South Korea gave a 90-day notice period.\n"), "duration")
    assert [c.property for c in found] in ([], ["notice_period"])


def test_the_seed_durations_keep_their_properties(run):
    text = "GSOMIA itself does not expire for 90 days.\n"
    assert [(c.property, c.value.amount) for c in of_kind(run(text, "2019-08"), "duration")] == [("expires_on", 90)]
    text = "South Korea notified Japan of plans to withdraw from the three-year-old framework.\n"
    claims = of_kind(run(text), "duration")
    assert [(c.property, c.value.amount, c.modality) for c in claims] == [("age", 3, None)]


def test_an_hour_and_a_half_and_unnamed_lengths(run):
    # written for tests: the length of a conversation with no meeting word has no event
    assert lasted(run("Hart spoke to her counterpart for an hour and a half on Sunday.\n")) == [
        (1.5, "hour", None, None, None)]


def test_a_prison_term_is_the_persons(run):
    # written for tests
    found = of_kind(run("A court on Tuesday sentenced Jeong Kyeong-doo to nine years in prison.\n"), "duration")
    assert [(c.subject, c.property, c.event, c.value.amount, c.value.unit.value) for c in found] == [
        ("jeong-kyeong-doo", "lasted", "prison-sentence", 9, "year")]


def terms(run, text: str) -> list[tuple]:
    return [(c.subject, c.event, c.value.amount, c.value.unit.value) for c in of_kind(run(text), "duration")]


def test_prison_terms_written_other_ways(run):
    # written for tests
    assert terms(run, "Judge Park told Jeong Kyeong-doo on Tuesday he had betrayed the public, before sentencing him "
                      "to 11 years in prison.\n") == [("jeong-kyeong-doo", "prison-sentence", 11, "year")]
    assert terms(run, "12:10 - The judge sentences Jeong Kyeong-doo to nine years in prison.\n") == [
        ("jeong-kyeong-doo", "prison-sentence", 9, "year")]
    assert terms(run, "His former deputy, Kim You-geun, received five years.\n") == [
        ("kim-you-geun", "prison-sentence", 5, "year")]
    assert terms(run, "The court sentenced Jeong Kyeong-doo to nine years in prison and his deputy Kim You-geun "
                      "to six years.\n") == [("jeong-kyeong-doo", "prison-sentence", 9, "year"),
                                             ("kim-you-geun", "prison-sentence", 6, "year")]
    assert terms(run, "Jeong Kyeong-doo, who is serving an 18-year sentence, was freed on Thursday.\n") == [
        ("jeong-kyeong-doo", "prison-sentence", 18, "year")]
    assert terms(run, "Kim You-geun was convicted in 2023 of spying and given 15 years.\n") == [
        ("kim-you-geun", "prison-sentence", 15, "year")]


def test_received_years_that_are_no_term(run):
    # written for tests
    assert not [t for t in terms(run, "Kim You-geun received five years of funding for the project.\n")
                if t[1] == "prison-sentence"]


def test_a_length_before_any_noun_is_the_length_of_what_it_names(run):
    # written for tests: an analysis piece that gets a truce's length wrong
    found = [(c.property, c.event) for c in of_kind(run("The 90-day truce contains no mechanism for talks.\n"),
                                                     "duration")]
    assert found == [("lasted", found[0][1])] and found[0][1] in ("truce", "pause")
    spans = [(c.property, c.event) for c in of_kind(run("Shares hit a three-year low on Monday.\n"), "duration")]
    assert ("lasted", "low") not in spans


@pytest.mark.parametrize(("text", "expected"), [
    ("Japan gave South Korea 60 days to put its export controls in order.\n", (60, "day")),
    ("South Korea must answer Japan within 90 days, the ruling says.\n", (90, "day")),
    ("South Korea said six Japanese diplomats were given 48 hours to pack up.\n", (48, "hour")),
    ("The Pentagon has been given six months to deliver its conclusions.\n", (6, "month")),
    ("Japan froze new exports and gave the two governments a year to agree.\n", (1, "year")),
    ("The Pentagon set an 18-month deadline for the talks.\n", (18, "month")),
    ("The Pentagon had given investigators ten days to finish.\n", (10, "day")),  # written for tests: a plain plural
])
def test_a_time_allowed_is_its_length_whatever_the_modality(run, text, expected):
    # written for tests: "must fix within" (an obligation) and "gave ... 60 days" (done) tell one term
    found = [(c.value.amount, c.value.unit.value, c.modality) for c in of_kind(run(text, "2026-10-15"), "duration")
             if c.property == "time_allowed"]
    assert found == [(*expected, None)]


@pytest.mark.parametrize(("text", "subject"), [
    ("Japan gave South Korea 60 days to put its export controls in order.\n", "south-korea"),
    ("The National Assembly, chaired by a panel under Kim You-geun, has been given six months to report.\n",
     "south-korea-national-assembly"),
])
def test_a_time_allowed_is_about_whoever_is_given_it(run, text, subject):
    # written for tests: the one given the time, not the nearest name
    found = [c.subject for c in of_kind(run(text, "2026-10-15"), "duration") if c.property == "time_allowed"]
    assert found == [subject]


@pytest.mark.parametrize("text, expected", [
    # written for tests: a notice period, however it is told, is a length after the notice
    ("GSOMIA ends six months after the other party receives that notice.\n", [("notice_period", 6)]),
    ("Under its exit clause, GSOMIA stays in force for twelve months after notice is received.\n",
     [("notice_period", 12)]),
    ("GSOMIA shall cease to have effect six months after the date on which the other party receives the note.\n",
     [("notice_period", 6)]),
    ("Either side may leave GSOMIA on 90 days' notice.\n", [("notice_period", 90)]),
])
def test_a_notice_period_is_read_as_one_whatever_its_words(run, text, expected):
    found = of_kind(run(text), "duration")
    assert [(c.property, c.value.amount) for c in found] == expected
    assert all(c.modality is None for c in found)


def test_a_suspended_sentence_is_no_pause(run):
    # written for tests: "suspended" qualifies the head, "sentence"; the term is the person's, not a pause
    assert not any(c.event == "pause" for c in of_kind(run("Kim Jong-su received a two-year suspended sentence.\n"),
                                                       "duration"))


def test_a_past_tense_sentence_after_one_dated_to_a_past_year_continues_its_story(run):
    # written for tests: the second sentence of a background paragraph has no pointer, only the past tense
    text = ("Marvonia suspended the agreement once before, in 2014. The border stayed closed for four months and "
            "about 3,000 lorries were stuck.\n")
    assert [e for *_, e, _ in lasted(run(text, "2026-09-08"))] == ["close-2014"]
    assert of_kind(run(text, "2026-09-08"), "quantity") == []  # the 2014 lorries are background
    now = ("Marvonia suspended the agreement once before, in 2014. The border is now closed and about 3,000 lorries "
           "are stuck.\n")
    assert [c.value.amount for c in of_kind(run(now, "2026-09-08"), "quantity")] == [3000]  # the story's, now


def test_days_of_an_event_noun_are_its_length(run):
    # written for tests: the length told by the noun after "of"; rain and "the notice" are no event's length
    assert lasted(run("The deal was struck after four fractious days of talks.\n")) == [(4, "day", None, "talks", None)]
    assert lasted(run("Farmers lost their crops to three days of heavy rain.\n")) == []
    assert lasted(run("Either side may end the pact within 90 days of the notice.\n")) == []


def test_days_of_several_events_are_no_one_events_length(run):
    # written for tests: four days of strikes over the winter, not one four-day strike
    assert lasted(run("The union accepted the award, closing a dispute that led to four days of school strikes "
                      "this winter.\n")) == []
    assert lasted(run("Parents had endured five days of strikes.\n")) == []
    assert lasted(run("The city faced a two-day strike in March.\n")) == [(2, "day", None, "strike", None)]


def test_a_length_before_a_unit_of_time_is_a_schedule_not_an_events_length(run):
    # written for tests: a working week's days and hours were read as the length of an event `week`, and met
    # each other as 4 days against 32 hours (round 25's four-day week law)
    assert lasted(run("The pilot will move 38,500 employees to a four-day, 32-hour working week.\n")) == []
    assert lasted(run("Nurses work 12-hour days on the ward.\n")) == []
    assert lasted(run("It sets up a two-year pilot of a four-day week.\n")) == [(2, "year", None, "pilot", None)]
    assert lasted(run("The talks ended after a nine-hour debate.\n")) == [(9, "hour", None, "debate", None)]


def test_hours_and_minutes_are_one_length(run):
    # written for tests: the minutes after the hours were dropped ("three hours and 50 minutes" read as 3 hours)
    assert lasted(run("The talks lasted two hours and 15 minutes.\n")) == [(135, "minute", None, "talks", None)]
    found = [(c.value.amount, c.value.unit.value) for c in of_kind(
        run("A transformer fire cut power to 180,000 homes for three hours and 50 minutes.\n"), "duration")]
    assert found == [(230, "minute")]


@pytest.mark.parametrize(("text", "expected"), [
    # written for tests: how far a date was moved, told in the ways outlets tell it
    ("GSOMIA talks were pushed back by nine days.\n", (9, "day", "talks")),
    ("The ministry pushed back the deadline for GSOMIA by nine days.\n", (9, "day", "deadline")),
    ("Organisers brought the start forward by one hour, to 8:00.\n", (1, "hour", "start")),
    ("On the eve of the race it moved the start just 30 minutes earlier, to 8:30 a.m.\n", (30, "minute", "start")),
    ("The GSOMIA review will end 18 months later than scheduled.\n", (18, "month", None)),
    ("The review will now end a year and a half later than planned.\n", (1.5, "year", None)),
    ("The ministry announced a delay of eighteen months.\n", (18, "month", None)),
    ("The vote was postponed for two weeks.\n", (2, "week", "vote")),
])
def test_how_far_a_date_was_moved_is_a_length(run, text, expected):
    found = [(c.value.amount, c.value.unit.value, c.event) for c in of_kind(run(text, "2026-09-28"), "duration")
             if c.property == "shifted_by"]
    assert found == [expected]
    assert not [c for c in of_kind(run(text, "2026-09-28"), "date") if "later" in text and "2028" in str(c.value.date)]


def test_how_long_captives_were_held_is_the_length_of_their_captivity(run):
    # written for tests: a hijacked ship and a crew held hostage; talks "held" are talks
    for text in ("The ship had been held for 19 days.\n", "The crew were held hostage for 19 days.\n"):
        found = [(c.property, c.event, c.value.amount, c.value.unit.value) for c in of_kind(run(text, "2026-06-12"),
                                                                                          "duration")]
        assert found == [("lasted", "captivity", 19, "day")], text
    found = of_kind(run("The two sides held talks for three hours.\n", "2026-06-12"), "duration")
    assert [c.event for c in found] == ["talks"]


def test_a_time_allowed_told_as_a_window_or_with_no_one_named_is_the_story_s(run):
    # written for tests: no entity is named, so the time allowed is the story's
    for text, expected in (("Growers will have two weeks to apply.\n", (2, "week")),
                           ("The application window is four weeks.\n", (4, "week"))):
        found = [(c.property, c.value.amount, c.value.unit.value) for c in of_kind(run(text, "2026-06-12"), "duration")]
        assert found == [("time_allowed", *expected)], text


@pytest.mark.parametrize(("text", "expected"), [
    # written for tests: the time between two events, keyed by both, the later first
    ("The jet landed at Ruvenholm 17 minutes after the engine failed.\n", [(17, "minute", "land-after-fail")]),
    ("By our reconstruction 27 minutes passed between the failure and the landing.\n",
     [(27, "minute", "land-after-fail")]),
    ("The motorway reopened to traffic 19 hours after the crash.\n", [(19, "hour", "reopen-after-crash")]),
    ("Rescuers were still at work nine hours later.\n", []),  # after what: unnamed
    ("Rescuers reached the site nine hours after it.\n", []),
])
def test_the_time_between_two_events_is_elapsed_keyed_by_both(run, text, expected):
    found = [(c.value.amount, c.value.unit.value, c.event) for c in of_kind(run(text, "2026-10-09"), "duration")
             if c.property == "elapsed"]
    assert found == expected

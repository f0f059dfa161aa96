"""Quantities in base units, with their approximation words and units."""

from __future__ import annotations

import pytest

from factcheck.comparators.quantity import Params, quantity_range
from tests.extract.extract_helpers import of_kind


def amounts(run, text: str, published: str = "2019-08") -> list[tuple[float, str, str | None]]:
    return [(c.value.amount, c.value.unit, c.value.approximation.value if c.value.approximation else None)
            for c in of_kind(run(text, published), "quantity")]


def test_percent_words_and_signs(run):
    text = ("At the time, 59 percent of the South Korean public opposed the agreement; only 47.7 percent supported "
            "ending it, and now nearly 55 percent do.\n")
    assert amounts(run, text) == [(59.0, "percent", None), (47.7, "percent", None), (55.0, "percent", "nearly")]


def test_a_percent_sign_and_an_exchange_rate_named_by_the_currency(run):
    text = "The yen, a safe haven currency, strengthened 0.4% to 106.25 per dollar after the announcement.\n"
    claims = of_kind(run(text, "2019-08-22"), "quantity")
    assert [(c.property, c.subject, c.value.amount, c.value.unit) for c in claims] == [
        ("appreciation", "jpy", 0.4, "percent"), ("exchange_rate", "jpy", 106.25, "JPY/USD")]


def test_money_with_a_scale_and_approximation_words(run):
    text = ("Washington is pushing for South Korea to increase the amount it contributes from a little under $1 billion "
            "to reportedly $5 billion.\n")
    assert amounts(run, text) == [(1e9, "USD", "a little under"), (5e9, "USD", "reportedly")]


def test_money_written_with_a_currency_word(run):
    assert amounts(run, "Japan pledged 2.5 billion yen to the fund.\n") == [(2.5e9, "JPY", None)]


def test_a_count_with_its_noun(run):
    text = ("South Korea’s defense minister told the committee there had been 26 instances of intelligence-sharing "
            "with Japan since the agreement was signed.\n")
    assert amounts(run, text, "2019-08-22") == [(26.0, "instance", None)]


def test_a_count_in_words(run):
    assert amounts(run, "Japan issued licenses for two chemicals critical for the industry.\n") == [
        (2.0, "chemical", None)]


def test_a_number_referring_back_is_not_a_count(run):
    assert amounts(run, "Pompeo urged the two countries to keep talking.\n") == []


def test_a_sentence_without_a_currency_gives_no_exchange_rate(run):
    assert amounts(run, "The index rose to 106.25 per dollar.\n") == []


def test_speeds_are_not_lengths_and_say_what_moves(run):
    text = ("The weather service measured a gust of 134 km/h at the airport. Forecasters had expected winds of "
            "80 miles per hour.\n")
    claims = of_kind(run(text, "2026-10-07"), "quantity")
    assert [(c.value.amount, c.value.unit, c.value.counted) for c in claims] == [
        (134.0, "km/h", "gust speed"), (80.0, "mph", "wind speed")]


def measured(run, text: str, published: str) -> list[tuple[float, str, str | None]]:
    return [(c.value.amount, c.value.unit, c.value.counted) for c in of_kind(run(text, published), "quantity")]


def test_speeds_per_second_are_speeds_not_lengths(run):
    # written for tests: "17 kilometres per second" was read as 17 km, a length
    text = ("The rock entered the atmosphere at 17 kilometres per second. Gusts reached 30 metres per second.\n"
            "The agency gave an entry speed of 15.8 km/s.\n")
    assert measured(run, text, "2027-03-20") == [
        (17.0, "km/s", "speed"), (30.0, "m/s", "gust speed"), (15.8, "km/s", "speed")]


def test_a_distance_moved_written_in_words(run):
    text = "Under the truce both armies pull back five kilometres from the border.\n"
    claims = of_kind(run(text, "2026-09-10"), "quantity")
    assert [(c.value.amount, c.value.unit, c.value.counted) for c in claims] == [(5.0, "km", "distance moved")]


def test_a_part_of_a_whole_whose_size_is_not_given(run):
    text = "Three of the bridge's spans collapsed into the river. One of the passengers swam ashore.\n"
    assert amounts(run, text, "2026-10-09") == [(3.0, "span", None)]


def test_a_count_followed_by_a_time_preposition(run):
    text = "Monitors counted 17 breaches during the first week of the truce.\n"
    assert amounts(run, text, "2026-09-23") == [(17.0, "breach", None)]


def test_amounts_of_data_in_gigabytes(run):
    # written for tests: "1.2 terabytes" and "1,200 GB" are one amount
    assert amounts(run, "The hackers stole 1.2 terabytes of data from the ministry.\n", "2026-05-02") == [
        (1200.0, "GB", None)]
    assert amounts(run, "They published about 400 GB of files on Friday.\n", "2026-05-02") == [(400.0, "GB", "about")]


def test_a_count_in_millions_written_with_digits(run):
    # written for tests: "2.3 million" counts customers; "of" before it is no part of a whole
    text = "The regulator ruled that Korvel had failed to protect the personal details of 2.3 million customers.\n"
    assert amounts(run, text, "2026-10-15") == [(2_300_000.0, "customer", None)]


def test_a_part_of_a_stated_whole_is_still_left_out(run):
    text = "The Freedom Party won 67 of the 150 seats in the assembly.\n"  # written for tests
    assert amounts(run, text, "2027-04-17") == [(67.0, "seat", None)]


def test_one_of_a_stated_whole_picks_one_out(run):
    # written for tests: "one of the two divers" names a member, it counts no divers (the whole of a part is
    # left out too, as in "67 of the 150 seats")
    text = "Mr Rudbeck was one of the two divers who reached the cavers on Tuesday evening.\n"
    assert amounts(run, text, "2026-10-14") == []


def test_a_count_brought_to_a_new_figure(run):
    # written for tests: wire copy's "bringing the toll to", "brought the number of ... to"
    text = ("The new order brought the number of people forced from their homes to 6,800, officials said. "
            "Rescuers found more bodies on Friday, bringing the death toll to 45.\n")
    assert amounts(run, text, "2026-09-09") == [(6800.0, "people", None), (45.0, "dead", None)]


def test_counts_the_article_or_a_participle_does_not_hide(run):
    # written for tests: "the 28 miners trapped since ..." states a count; "the two countries" and
    # "the last two prisoners" refer to things counted before; "23 coal miners" counts miners
    text = ("Crews are within a few metres of the 28 miners trapped since Tuesday. Twenty-three coal miners were "
            "trapped. The two countries spoke. The last two prisoners, held back for treatment, were freed. "
            "The council scraps 14 of the city's 96 bus routes. The last of the seven Tirassian diplomats ordered "
            "out of the country left on Friday.\n")
    assert amounts(run, text, "2026-09-10") == [(28.0, "miner", None), (23.0, "miner", None), (14.0, "route", None),
                                                (7.0, "diplomat", None)]


def test_a_count_after_the_is_stated_by_a_relative_clause_after_its_stuff(run):
    # written for tests: "the 16 millimetres of rain that fell" states how much fell; "the two" refers back
    text = "The 16 millimetres of rain that fell on Saturday did little. The two sides of the town met.\n"
    assert amounts(run, text, "2026-08-19") == [(16.0, "millimetre", None)]


def test_masses_volumes_and_flows(run):
    # written for tests: tonnes and kilograms are one mass; barrels and a dam's release are amounts of their own
    text = ("The tanker was carrying about 78,000 tonnes of crude. A further 800 kg had leaked by Friday. "
            "Engineers cut the release to 40 cubic metres per second, and 66,000 barrels were recovered.\n")
    assert amounts(run, text, "2026-10-16") == [(78000.0, "t", "about"), (0.8, "t", None), (40.0, "m3/s", None),
                                                 (66000.0, "barrel", None)]


def test_a_people_named_by_its_nationality_are_its_citizens(run):
    # written for tests: "122,000 Halmorans" and "212,000 Halmoran citizens" count one thing; Japanese diplomats
    # stay diplomats
    assert [(a, u) for a, u, _ in amounts(run, "The ministry says 122,000 Halmorans are registered in the city.\n")] \
        == [(122000, "citizen")]
    assert [(a, u) for a, u, _ in amounts(run, "The ministry says 212,000 Halmoran citizens are registered.\n")] \
        == [(212000, "citizen")]
    assert [(a, u) for a, u, _ in amounts(run, "Some 4,000 Halmoran nationals were registered.\n")] == [(4000, "citizen")]
    assert [(a, u) for a, u, _ in amounts(run, "Seoul expelled 12 Japanese diplomats.\n")] == [(12, "diplomat")]


def test_only_a_result_has_an_owner(run):
    # written for tests: a country's seats are its result; items exported to a country are items, not its result
    found = {c.value.amount: (c.value.counted, c.event) for c in of_kind(run(
        "The ministry will require a licence for exports to Japan of 857 items. South Korea won 67 seats.\n",
        "2026-08-18"), "quantity")}
    assert found[857] == ("item", None)
    assert found[67][1] == "result"


def test_a_population_is_a_count_of_people(run):
    # written for tests: a population told three ways; a decimal before "million" is a whole count
    for text in ("The census put Japan's population at 4,182,000.\n", "Japan has a population of 4.182 million.\n",
                 "Japan has 4.182 million inhabitants.\n"):
        assert [(a, u) for a, u, _ in amounts(run, text, "2031-03-02")] == [(4182000, "people")], text


def test_a_change_since_a_past_year_is_told_now(run):
    # written for tests: "from the 2020 census" is the baseline of the 3.1 percent; the 4.18 million is now
    found = {c.value.amount: c.event for c in of_kind(run(
        "Japan has 4.18 million inhabitants, down 3.1 percent from the 2020 census.\n", "2031-03-02"), "quantity")}
    assert set(found) == {4180000, 3.1}


def test_a_when_clause_after_a_past_year_is_that_years_however_long(run):
    # written for tests: the 1.1 million birds are 2021's, far as they stand from the year
    found = of_kind(run("It was the country's worst outbreak since 2021, when the virus reached 14 farms in the "
                        "northern province and 1.1 million birds were culled.\n", "2026-11-02"), "quantity")
    assert [c.value.amount for c in found] == []


def test_what_happened_to_the_counted_after_a_place_is_counted(run):
    # written for tests: the birds were killed, wherever they were
    found = {c.value.amount: c.value.counted for c in of_kind(run(
        "In all, 271,000 birds on six farms were killed.\n", "2026-11-02"), "quantity")}
    assert found[271000] == "bird killed"


def test_a_share_written_as_a_fraction_is_a_rounded_percentage(run):
    # written for tests: "one in seven of its employees" is a share, not a count of seven employees
    text = ("Japan will cut nearly a fifth of its staff. The Pentagon will cut roughly one in seven of its "
            "employees. About two-thirds of the passengers were Japanese. Three in ten voters back the pact. "
            "Half of the 40 stations closed.\n")
    assert amounts(run, text) == [(20.0, "percent", "nearly"), (14.0, "percent", "roughly"), (67.0, "percent", "about"),
                                  (30.0, "percent", "about"), (50.0, "percent", "about")]
    assert amounts(run, "An eighth of the 40 stations closed.\n") == [(12.5, "percent", "about")]


def test_a_fraction_is_told_to_the_percent_so_almost_a_third_takes_in_thirty(run):
    # written for tests: "a third" written as 33.3 looked precise to a tenth, so "almost a third" was
    # 32.8..33.3 percent and the 30 percent another outlet gave for the same sale was a conflict
    [share] = [c.value for c in of_kind(run("The state sold 360 million shares, almost a third of the airline.\n",
                                            "2026-11-10"), "quantity") if c.property == "share"]
    assert (share.amount, share.approximation.value) == (33.0, "almost")
    reach = quantity_range(share, Params().approximation_width)
    assert (reach.low, reach.high) == (29.7, 33.0)


def test_a_bound_after_no_or_not_is_turned_round(run):
    # written for tests: "no less than 300 million" is at least 300 million, not under it
    assert amounts(run, "Customs valued the haul at no less than $300 million on Tuesday.\n") == \
        [(300e6, "USD", "at least")]
    assert amounts(run, "The fund will pay not more than $40 million this year.\n") == [(40e6, "USD", "at most")]
    assert amounts(run, "Police seized less than $2 million in cash.\n") == [(2e6, "USD", "less than")]


def temperatures(run, text: str, published: str = "2026-07-16") -> list[tuple]:
    return [(c.value.amount, c.value.unit, c.value.counted, c.as_of and str(c.as_of))
            for c in of_kind(run(text, published), "quantity") if c.value.unit in ("°C", "°F")]


@pytest.mark.parametrize(("text", "amount", "unit"), [
    # written for tests: a temperature told every way a weather report writes it (published Thursday 16 July)
    ("A station at Halvost recorded 45.3C on Tuesday.\n", 45.3, "°C"),
    ("The station recorded an air temperature of 45.3 °C on 14 July.\n", 45.3, "°C"),
    ("A station at Halvost recorded 45.3 degrees Celsius on Tuesday afternoon.\n", 45.3, "°C"),
    ("On Tuesday the thermometer climbed to 45.8 degrees, and by Wednesday the roads had begun to melt.\n", 45.8, "°C"),
    ("The mercury fell to minus 4.5 degrees on Tuesday.\n", -4.5, "°C"),
    ("It was -5C at dawn on Tuesday.\n", -5, "°C"),
    ("Readings of 113F were taken on Tuesday.\n", 113, "°F"),
])
def test_a_temperature_is_read_with_its_day(run, text, amount, unit):
    assert [(t[0], t[1], t[3]) for t in temperatures(run, text)] == [(amount, unit, "2026-07-14")]


def test_what_is_no_temperature_to_compare(run):
    # written for tests: no day, a range's end, an angle, a latitude
    for text in ("For Halvost, where the record was set, 44C.\n", "Daytime highs of 39 to 42C are expected on Friday.\n",
                 "The ship turned 180 degrees on Tuesday.\n", "The site lies at 45 degrees north.\n"):
        assert temperatures(run, text) == []


def test_what_a_temperature_is_of(run):
    # written for tests: the river's water, a forecast and a limit are other things than the air's temperature
    found = temperatures(run, "The water of the river reached 29.4C on Monday, above the 28C limit for the plant.\n")
    assert [t[2] for t in found] == ["water temperature", "water temperature limit"]
    found = temperatures(run, "Forecasters are predicting up to 43C in Sellamar on Friday.\n")
    assert [t[2] for t in found] == ["expect temperature"]  # "forecast" is said as "expect" (cues: counted_synonyms)


def test_the_minutes_of_a_clock_time_count_nothing(run):
    # written for tests: "07:42 local time" is no 42 of anything, and "At 09:15 three trains" counts three
    assert amounts(run, "The crash happened at 07:42 local time.\n", "2026-06-12") == []
    assert amounts(run, "At 09:15 three trains were stopped.\n", "2026-06-12") == [(3.0, "train", None)]


def test_a_rates_denominator_is_no_figure_of_its_own(run):
    # written for tests: "per 1,000 cubic metres" says what the price is of, not an amount of gas
    text = "The company wants 412 dollars per 1,000 cubic metres of gas this year.\n"
    assert [(c.value.amount, c.value.unit) for c in of_kind(run(text, "2026-01-13"), "quantity")] == [(412.0, "USD")]


def test_a_count_of_a_plural_after_two_or_three_modifiers(run):
    # written for tests: "hospital doctor posts" are posts; the count used to stop at its first two words
    text = "The union says 1,150 hospital doctor posts are unfilled. The association counts 760 vacant hospital doctor posts.\n"
    assert [(c.value.amount, c.value.unit) for c in of_kind(run(text, "2026-03-12"), "quantity")] == [
        (1150.0, "post"), (760.0, "post")]
    # two modifiers and then a joining word: no plural to count
    assert of_kind(run("The committee met 12 hospital doctor and nurse representatives.\n", "2026-03-12"),
                   "quantity") == []


def test_up_to_after_a_move_is_the_level_reached_not_a_bound(run):
    # written for tests: "goes up to 21 percent" is a rise to 21 percent, not "as much as 21 percent"
    text = ("South Korea's standard VAT rate goes up to 21 percent in January. Fares in South Korea went up to "
            "4 dollars. Up to 300 people were evacuated from their homes in South Korea. South Korea put up to 40 "
            "dollars a day into each account.\n")
    claims = of_kind(run(text, "2026-10-07"), "quantity")
    assert [(c.value.amount, c.value.approximation.value if c.value.approximation else None) for c in claims] == [
        (21.0, None), (4.0, None), (300.0, "up to"), (40.0, "up to")]
    assert [c.value.counted for c in claims][:3] == ["standard vat rate", "fare", "people evacuated home"]


def test_an_aircraft_s_height_in_feet_is_its_altitude(run):
    # written for tests: feet were no unit, and "23,000 feet over the hills" counted 23,000 hills
    text = ("The South Korean jet lost its left engine at 23,000 feet over the hills. The South Korean airliner was "
            "at 33,000 ft when the engine failed. A South Korean cliff is 300 feet high.\n")
    assert measured(run, text, "2026-10-07") == [
        (23000.0, "ft", "altitude"), (33000.0, "ft", "altitude"), (300.0, "ft", "height")]


def test_people_who_lost_their_lives_are_the_dead(run):
    # written for tests: "lost their lives" was counted as "people lost live", apart from "people were killed"
    text = "Eleven people lost their lives in South Korea on Tuesday. Twelve people were killed in South Korea.\n"
    assert measured(run, text, "2026-10-07") == [(11.0, "dead", "dead"), (12.0, "dead", "dead")]


def test_a_number_before_a_joining_word_or_a_past_verb_counts_no_noun_of_them(run):
    # written for tests: "58,000 after the march" counted "after march"es, "5,000 watched flight KE17" "watched flight"s
    text = ("Police estimated the crowd at 58,000 after the march began in Seoul. In Seoul 5,000 watched flight KE17 "
            "land. In Seoul 312 tariff lines were cut.\n")
    assert amounts(run, text, "2026-10-07") == [(312.0, "tariff line", None)]

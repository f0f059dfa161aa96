"""Numbers in words through text2num: values right, spans verbatim, quantity claims of word numbers."""

from __future__ import annotations

import re

import pytest

from factcheck.extract.document import Sentence
from factcheck.extract.readers.quantities import find_quantities
from factcheck.model.numbers import NUMBER, parse_number
from tests.extract.extract_helpers import of_kind


@pytest.mark.parametrize(("written", "value"), [
    ("two hundred", 200.0), ("Two Hundred", 200.0), ("two dozen", 24.0), ("dozen", 12.0),
    ("twenty-six", 26.0), ("twenty six", 26.0), ("one hundred and five", 105.0), ("seventeen", 17.0),
    ("two hundred and fifty thousand", 250000.0), ("1,200", 1200.0), ("106.25", 106.25), ("half", 0.5),
])
def test_number_words_have_their_value(written, value):
    assert parse_number(written) == value


@pytest.mark.parametrize("written", ["", "people", "two three", "hundred dozen people"])
def test_what_is_not_a_number_has_no_value(written):
    assert parse_number(written) is None


def test_the_pattern_takes_the_whole_number_and_no_more():
    text = "two hundred people, two dozen eggs and twenty-six of them"
    assert [m.group() for m in re.finditer(NUMBER, text)] == ["two hundred", "two dozen", "twenty-six"]


def test_a_count_in_words_keeps_its_verbatim_span(cues):
    text = "Police said two hundred people gathered outside the ministry, and two dozen protesters were detained."
    sentence = Sentence(0, 0, 0, len(text), text)
    found = [(text[start:end], value.amount, value.unit) for _, (start, end), value in find_quantities(text, sentence, cues)]
    assert found == [("two hundred people", 200.0, "people"), ("two dozen protesters", 24.0, "protester")]


def test_two_hundred_people_is_a_quantity_claim_of_200(run):
    text = "Police said two hundred people gathered outside the ministry in Seoul on Friday.\n"
    claims = of_kind(run(text, "2019-08-22"), "quantity")
    assert [(c.value.amount, c.value.unit) for c in claims] == [(200.0, "people")]
    evidence = claims[0].evidence
    assert "two hundred people" in evidence.text
    assert text[evidence.start:evidence.end] == evidence.text


def test_two_dozen_is_24(run):
    claims = of_kind(run("Police detained two dozen protesters in Seoul on Friday.\n", "2019-08-22"), "quantity")
    assert [(c.value.amount, c.value.unit) for c in claims] == [(24.0, "protester")]


def test_a_duration_in_words(run):
    claims = of_kind(run("The pact does not expire for ninety days, officials said.\n", "2019-08-22"), "duration")
    assert [(c.value.amount, c.value.unit.value) for c in claims] == [(90.0, "day")]


def test_a_sum_with_a_scale_word_is_the_figure_the_text_means(cues):
    # written for tests: 68.1 * 10**9 in binary floating point is 68,099,999,999.99999
    text = "The equity holdings lost $68.1 billion, and 1.2 TB of files and 4.18 million people were hit."
    sentence = Sentence(0, 0, 0, len(text), text)
    found = {text[start:end]: value.amount for _, (start, end), value in find_quantities(text, sentence, cues)}
    assert found["$68.1 billion"] == 68_100_000_000
    assert found["4.18 million people"] == 4_180_000


def test_a_difference_of_two_sums_is_shown_without_floating_point_residue():
    from factcheck.comparators.quantity import number
    assert number(68.2e9 - 68.1e9) == "100,000,000"
    assert number(0.1 + 0.2) == "0.3" and number(49.5) == "49.5"

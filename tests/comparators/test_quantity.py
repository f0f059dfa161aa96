"""The quantity comparator: units normalised, approximation words widen a figure on their side."""

from __future__ import annotations

from hypothesis import given, strategies as st

from factcheck.comparators.base import Comparison, Context, Verdict
from factcheck.comparators.quantity import Params, compare_quantities, normalize_unit, quantity_range
from factcheck.model import Approximation, QuantityValue

from factcheck.model.sourced import SourcedClaim

from .comparator_claims import compare_both_ways, make_claim

CONTEXT = Context()


def figure(amount: float, unit: str = "percent", approximation: str | None = None,
           source: str = "diplomat-2019-08") -> SourcedClaim:
    return make_claim("quantity", {"amount": amount, "unit": unit, "approximation": approximation}, source=source,
                      published="2019-08", property="public_support_for_ending")


def maybe_compare(a: SourcedClaim, b: SourcedClaim, params: Params | None = None) -> Comparison | None:
    """The comparison both ways round, checked to give the same verdict (or None both ways)."""
    return compare_both_ways(compare_quantities, a, b, params or Params())


def compare(a: SourcedClaim, b: SourcedClaim, params: Params | None = None) -> Comparison:
    result = maybe_compare(a, b, params)
    assert result is not None
    return result


# "those numbers have risen to nearly 55 percent" (The Diplomat)
NEARLY_55 = figure(55, approximation="nearly")


def test_nearly_55_percent_is_compatible_with_54() -> None:
    result = compare(NEARLY_55, figure(54, source="other-source"))
    assert result.verdict is Verdict.compatible
    assert result.explanation == "nearly 55 percent = 49.5..55 percent; 54 percent lies within: compatible."
    assert result.facts["ranges"][0] == {"label": "nearly 55 percent", "low": 49.5, "high": 55.0}


def test_nearly_55_percent_conflicts_with_56() -> None:
    result = compare(NEARLY_55, figure(56, "%", source="other-source"))
    assert result.verdict is Verdict.conflict
    assert "56 percent lies outside it, 1 percent above" in result.explanation
    assert result.facts["gap"] == 1.0


def test_the_same_figure_agrees_across_unit_spellings() -> None:
    # "from a little under $1 billion to reportedly $5 billion"
    result = compare(figure(5e9, "USD", "reportedly"), figure(5e9, "$", source="other-source"))
    assert result.verdict is Verdict.agree
    assert "'reportedly'" in result.explanation
    assert compare(figure(59, "per cent"), figure(59, "%", source="x")).verdict is Verdict.agree


def test_about_and_more_than_reach_both_sides() -> None:
    assert compare(figure(55, approximation="about"), figure(60, source="x")).verdict is Verdict.compatible
    assert compare(figure(55, approximation="about"), figure(61, source="x")).verdict is Verdict.conflict
    assert compare(figure(55, approximation="more than"), figure(58, source="x")).verdict is Verdict.compatible
    assert compare(figure(55, approximation="more than"), figure(54, source="x")).verdict is Verdict.conflict


def test_a_figure_written_to_three_digits_is_rounded_no_further_than_its_last_digit() -> None:
    # written for tests: "about 20.5 billion crowns" is 20.0..21.0 billion, not 10% either side
    about = figure(20.5e9, "crown", "about")
    assert quantity_range(about.claim.value, 0.1).low == 20.0e9
    assert compare(about, figure(22.5e9, "crown", "about", source="x")).verdict is Verdict.conflict
    assert compare(about, figure(20.9e9, "crown", source="x")).verdict is Verdict.compatible
    assert quantity_range(figure(640_000, "dose", "about").claim.value, 0.1).low == 576_000  # two digits: 10%


def test_a_big_figure_told_with_fewer_digits_is_the_other_rounded() -> None:
    # written for tests: a bank's statement gives "4.21bn ostrals", a paper "a net profit of 4.2 billion"
    rounded = compare(figure(4.2e9, "ostral"), figure(4.21e9, "ostral", source="x"))
    assert rounded.verdict is Verdict.compatible
    assert rounded.explanation == ("4,200,000,000 ostral is 4,210,000,000 ostral rounded to its last digit "
                                   "(within 50,000,000 ostral): compatible.")
    assert compare(figure(11.9e9, "ostral"), figure(11.93e9, "ostral", source="x")).verdict is Verdict.compatible
    # a unit of the last digit apart, as many digits, one digit only, or under a million: still a conflict
    assert compare(figure(4.2e9, "ostral"), figure(4.3e9, "ostral", source="x")).verdict is Verdict.conflict
    assert compare(figure(4.2e9, "ostral"), figure(4.26e9, "ostral", source="x")).verdict is Verdict.conflict
    assert compare(figure(20e6, "ostral"), figure(22e6, "ostral", source="x")).verdict is Verdict.conflict
    assert compare(figure(3.0, "dalen"), figure(3.2, "dalen", source="x")).verdict is Verdict.conflict
    assert compare(figure(4.2e9, "ostral"), figure(4.21e9, "ostral", source="x"),
                   Params(rounded_from=0)).verdict is Verdict.conflict


def test_a_figure_written_to_a_fraction_is_rounded_whatever_its_size() -> None:
    # written for tests: customs seized "4,218 kilograms", a paper says "4.2 tonnes"
    assert compare(figure(4.2, "t"), figure(4.218, "t", source="x")).verdict is Verdict.compatible
    assert compare(figure(4.2, "t"), figure(4.3, "t", source="x")).verdict is Verdict.conflict
    assert compare(figure(4.2, "t"), figure(4.26, "t", source="x")).verdict is Verdict.conflict
    assert compare(figure(42, "t"), figure(42.3, "t", source="x")).verdict is Verdict.conflict  # a whole number is as written


def test_tolerances() -> None:
    # "there had been 26 instances of intelligence-sharing with Japan"
    a, b = figure(26, "instances"), figure(27, "instance", source="x")
    assert compare(a, b).verdict is Verdict.conflict
    assert compare(a, b, Params(absolute_tolerance=1)).verdict is Verdict.compatible
    assert compare(a, b, Params(relative_tolerance=0.04)).verdict is Verdict.compatible  # 0.04 * 27 = 1.08
    assert compare(a, b, Params(relative_tolerance=0.03)).verdict is Verdict.conflict


def test_different_units_and_currencies_are_not_compared() -> None:
    assert maybe_compare(figure(5e9, "USD"), figure(5e9, "JPY", source="x")) is None
    assert maybe_compare(figure(55), figure(55, "instance", source="x")) is None


def test_a_sum_per_period_is_compared_per_one_period() -> None:
    # written for tests: a cap of 2,000 a day is not a cap of 2,000 a week, and 14,000 a week is 2,000 a day
    result = compare(figure(2000, "KRW/day"), figure(2000, "KRW/week", source="x"))
    assert result.verdict is Verdict.conflict and "2,000 KRW/week is 285.71 KRW/day" in result.explanation
    assert compare(figure(2000, "KRW/day"), figure(14000, "KRW/week", source="x")).verdict is Verdict.agree
    assert maybe_compare(figure(2000, "KRW/day"), figure(2000, "KRW/litre", source="x")) is None
    assert maybe_compare(figure(2000, "KRW/day"), figure(2000, "KRW", source="x")) is None


def test_unit_aliases() -> None:
    assert normalize_unit("per cent") == normalize_unit("%") == "percent"
    assert normalize_unit("US$") == normalize_unit("dollars") == "USD"
    assert normalize_unit("yen per dollar") == normalize_unit("JPY/USD") == "JPY/USD"
    assert normalize_unit("instances") == "instance"
    assert normalize_unit("EUR/megawatt-hour") == normalize_unit("euros per MWh") == "EUR/MWh"


amounts = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False).map(lambda x: round(x, 2))
qualifiers = st.sampled_from([None, *[a.value for a in Approximation]])


@given(amounts, qualifiers, amounts, qualifiers, st.sampled_from([0.0, 0.05]), st.sampled_from([0.0, 1.0]))
def test_verdicts_are_symmetric(x: float, qx: str | None, y: float, qy: str | None, relative: float,
                                absolute: float) -> None:
    compare(figure(x, approximation=qx), figure(y, approximation=qy, source="x"),
            Params(relative_tolerance=relative, absolute_tolerance=absolute))


@given(amounts, qualifiers)
def test_a_range_contains_its_figure(x: float, qualifier: str | None) -> None:
    value = QuantityValue(amount=x, unit="percent", approximation=Approximation(qualifier) if qualifier else None)
    span = quantity_range(value, 0.1)
    assert span.low <= x <= span.high
    assert compare(figure(x, approximation=qualifier), figure(x, source="x")).verdict in (
        Verdict.agree, Verdict.compatible)


def test_at_least_is_open_above_so_a_larger_at_least_does_not_contradict_it() -> None:
    # "killing at least 9 people" on day one, "at least 17" two days later (written for tests)
    result = compare(figure(9, "people", "at least"), figure(17, "people", "at least", source="other-source"))
    assert result.verdict is Verdict.compatible
    assert result.explanation == ("at least 9 people = 9 people or more; at least 17 people = 17 people or more "
                                  "lies within it: compatible.")
    assert result.facts["ranges"][0]["high"] is None or result.facts["ranges"][1]["high"] is None


def test_at_least_still_conflicts_with_a_smaller_exact_figure_and_open_ended_false_keeps_the_old_reach() -> None:
    assert compare(figure(9, "people", "at least"), figure(7, "people", source="x")).verdict is Verdict.conflict
    assert compare(figure(9, "people", "at least"), figure(17, "people", source="x"),
                   Params(open_ended=False)).verdict is Verdict.conflict

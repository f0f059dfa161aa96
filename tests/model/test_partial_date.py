"""PartialDate: parsing, precision, the interval of days, and its laws."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.model import PartialDate, Precision


@pytest.mark.parametrize(
    ("text", "precision", "first", "last"),
    [
        ("2016", Precision.year, dt.date(2016, 1, 1), dt.date(2016, 12, 31)),
        ("2016-11", Precision.month, dt.date(2016, 11, 1), dt.date(2016, 11, 30)),
        ("2019-08-22", Precision.day, dt.date(2019, 8, 22), dt.date(2019, 8, 22)),
        ("2020-02", Precision.month, dt.date(2020, 2, 1), dt.date(2020, 2, 29)),
    ],
)
def test_interval_of_days(text: str, precision: Precision, first: dt.date, last: dt.date) -> None:
    date = PartialDate.parse(text)
    assert (date.precision, date.first_day(), date.last_day(), str(date)) == (precision, first, last, text)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2019-02-29", "2019-02-29 does not exist"),
        ("2019-13", "month 13 does not exist"),
        ("Nov 2016", "is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
        (True, "not a boolean"),
        (123, "is not a year"),
        (dt.datetime(2019, 1, 1, 12), "not a date and time"),
    ],
)
def test_bad_dates_say_why(value: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        PartialDate.coerce(value)


def test_coerce_accepts_what_yaml_holds() -> None:
    assert PartialDate.coerce(dt.date(2019, 8, 22)) == PartialDate(2019, 8, 22)
    assert PartialDate.coerce(2019) == PartialDate(2019)
    assert PartialDate.coerce("2019-08") == PartialDate(2019, 8)


partial_dates = st.builds(
    lambda day, precision: [PartialDate(day.year), PartialDate(day.year, day.month), PartialDate.from_date(day)][precision],
    st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31)),
    st.integers(0, 2),
)


@given(partial_dates)
def test_parse_of_str_is_identity(date: PartialDate) -> None:
    assert PartialDate.parse(str(date)) == date


@given(partial_dates, st.sampled_from(list(Precision)))
def test_truncating_widens_the_interval(date: PartialDate, precision: Precision) -> None:
    coarser = date.truncate(precision)
    assert coarser.first_day() <= date.first_day() <= date.last_day() <= coarser.last_day()


def test_immutable() -> None:
    with pytest.raises(AttributeError):
        PartialDate(2019).year = 2020  # type: ignore[misc]


def test_a_date_read_again_is_the_same_object_and_mistakes_are_raised_each_time() -> None:
    """Dates are read once per distinct text or date and shared (a corpus repeats a few thousand)."""
    assert PartialDate.coerce("2019-08-22") is PartialDate.coerce("".join(["2019-08", "-22"]))
    assert PartialDate.coerce(dt.date(2019, 8, 22)) is PartialDate.coerce(dt.date(2019, 8, 22))
    assert PartialDate.coerce(dt.date(2019, 8, 22)) == PartialDate.coerce("2019-08-22") == PartialDate(2019, 8, 22)
    assert str(PartialDate.coerce(" 2019-08 ")) == "2019-08"
    for _ in range(2):
        with pytest.raises(ValueError, match="not a date and time"):
            PartialDate.coerce(dt.datetime(2019, 8, 22, 10, 0))
        with pytest.raises(ValueError, match="2019-02-30 does not exist"):
            PartialDate.coerce("2019-02-30")

    class Text(str):
        pass

    assert PartialDate.coerce(Text("2019-08")) == PartialDate(2019, 8)


@given(partial_dates)
def test_text_is_made_once_and_is_the_dates_text(date: PartialDate) -> None:
    """`str()` is kept after its first call (dates are shared): the same text, zero-padded, every time;
    the kept text is not a field (equality and hashing read the date alone) and cannot be set."""
    expected = "-".join([f"{date.year:04d}", *(f"{part:02d}" for part in (date.month, date.day) if part is not None)])
    first = str(date)
    assert first == expected and str(date) is first and repr(date) == f"PartialDate({expected!r})"
    fresh = PartialDate(date.year, date.month, date.day)
    assert fresh == date and hash(fresh) == hash(date)  # one has its text kept, the other not yet
    with pytest.raises(AttributeError):
        date._text = "1999"  # type: ignore[misc]
    assert str(date) == expected

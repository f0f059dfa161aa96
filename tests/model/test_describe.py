"""The one-line value reports show in their "value" column."""

from __future__ import annotations

from pydantic import TypeAdapter

from factcheck.model.claims import Claim
from factcheck.model.describe import describe_value


def date_claim(value: dict) -> Claim:
    text = "The fire broke out at about 3:40 a.m. on Sept. 8."  # written for tests
    return TypeAdapter(Claim).validate_python({"id": "fire", "kind": "date", "subject": "fire", "property": "started_on",
                                 "value": value, "evidence": {"text": text, "start": 0, "end": len(text)}})


def test_a_date_shows_its_time_of_day_when_one_is_written() -> None:
    assert describe_value(date_claim({"date": "2026-09-08"})) == "2026-09-08"
    timed = {"date": "2026-09-08", "time": {"hour": 3, "minute": 40, "approximation": "about"}}
    assert describe_value(date_claim(timed)) == "2026-09-08 about 03:40"

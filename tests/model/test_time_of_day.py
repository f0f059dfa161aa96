"""A date claim's time of day: what it holds, what it refuses (with the place of the mistake), and that
it survives a dump and a load. The claims are written for tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from factcheck.load import dump_claims_file, read_yaml, validate_document
from factcheck.model import ClaimsFile, DateValue
from factcheck.model.time_of_day import TimeApproximation, TimeOfDay

HEAD = """source:
  id: wire-2026-09-08
  publisher: Test Wire
  title: Fire at the plant
  published: 2026-09-08
  text: ../source.txt
  sha256: 76e08aa615af14d38c0e6581df49efb0cc2837a7651b5b30a6c61d7c211c7be8
claims:
  - id: fire-start
    kind: date
    subject: gsomia
    property: started_on
    value:
"""
TAIL = """    evidence:
      text: The fire broke out at about 3:40 a.m. on Sept. 8.
      start: 0
      end: 49
"""


def load(tmp_path: Path, value: str) -> tuple[ClaimsFile | None, list]:
    path = tmp_path / "claims.yaml"
    path.write_text(HEAD + value + TAIL, encoding="utf-8")
    document = read_yaml(path)
    assert document.problems == []
    loaded, problems = validate_document(document, ClaimsFile)
    return loaded, problems  # type: ignore[return-value]


def test_a_time_loads_prints_and_round_trips(tmp_path: Path) -> None:
    loaded, problems = load(tmp_path, "      date: 2026-09-08\n      time: {hour: 3, minute: 40, approximation: about}\n")
    assert problems == [] and loaded is not None
    value = loaded.claims[0].value
    assert isinstance(value, DateValue) and value.time == TimeOfDay(hour=3, minute=40,
                                                                     approximation=TimeApproximation.about)
    assert str(value.time) == "about 03:40" and value.time.minutes == 220
    path = tmp_path / "again.yaml"
    path.write_text(dump_claims_file(loaded), encoding="utf-8")
    again, problems = validate_document(read_yaml(path), ClaimsFile)
    assert problems == [] and again == loaded


def test_a_date_without_a_time_dumps_as_before() -> None:
    assert DateValue.model_validate({"date": "2026-09-08"}).model_dump(mode="json", exclude_none=True) == {
        "date": "2026-09-08"}


@pytest.mark.parametrize(("value", "field", "words"), [
    ("      date: 2026-09-08\n      time: {hour: 24, minute: 0}\n", "hour", "less than or equal to 23"),
    ("      date: 2026-09-08\n      time: {hour: 5, minute: 60}\n", "minute", "less than or equal to 59"),
    ("      date: 2026-09-08\n      time: {hour: 5, approximation: nearly}\n", "approximation", "shortly before"),
    ("      date: 2026-09\n      time: {hour: 5}\n", "value", "needs a date known to the day"),
])
def test_a_bad_time_is_one_located_problem(tmp_path: Path, value: str, field: str, words: str) -> None:
    loaded, problems = load(tmp_path, value)
    assert len(problems) == 1
    text = str(problems[0])
    assert field in text and words in text and "claims.yaml:" in text


def test_the_approximations_say_their_side() -> None:
    assert [a.side for a in (TimeApproximation.about, TimeApproximation.shortly_before,
                             TimeApproximation.soon_after)] == ["around", "before", "after"]
    with pytest.raises(ValidationError):
        TimeOfDay(hour=3, zone="local time; rm -rf /")

"""load(dump(x)) == x: for the shipped claims, the test fixtures, and generated claims files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.load import dump_claims_file, read_yaml, validate_document
from factcheck.model import (
    Approximation,
    ClaimsFile,
    DurationUnit,
    Modality,
    PartialDate,
    ScopeRelation,
)

ROOT = Path(__file__).resolve().parents[2]
CLAIMS_FILES = sorted(p for p in (ROOT / "claims").glob("*.yaml") if p.name not in ("entities.yaml", "vocabulary.yaml"))


def reload(claims_file: ClaimsFile, tmp_path: Path) -> ClaimsFile:
    path = tmp_path / "claims.yaml"
    path.write_text(dump_claims_file(claims_file), encoding="utf-8")
    document = read_yaml(path)
    assert document.problems == []
    loaded, problems = validate_document(document, ClaimsFile)
    assert problems == []
    assert isinstance(loaded, ClaimsFile)
    return loaded


@pytest.mark.parametrize("path", [*CLAIMS_FILES, ROOT / "tests/data/load/valid/claims.yaml"], ids=lambda p: p.name)
def test_real_claims_files_round_trip(path: Path, tmp_path: Path) -> None:
    loaded, problems = validate_document(read_yaml(path), ClaimsFile)
    assert problems == [] and isinstance(loaded, ClaimsFile)
    assert reload(loaded, tmp_path) == loaded


ids = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)
text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40)
partial_dates = st.builds(
    lambda day, precision: [PartialDate(day.year), PartialDate(day.year, day.month), PartialDate.from_date(day)][precision],
    st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31)),
    st.integers(0, 2),
)
values = st.one_of(
    st.fixed_dictionaries({"kind": st.just("date"), "value": st.fixed_dictionaries({"date": partial_dates})}),
    st.fixed_dictionaries({"kind": st.just("duration"), "value": st.fixed_dictionaries({
        "amount": st.floats(0.5, 1000, allow_nan=False), "unit": st.sampled_from(list(DurationUnit)),
        "anchor": st.one_of(st.just("published"), st.just("as_of"), partial_dates),
        "direction": st.sampled_from(["after", "before"])})}),
    st.fixed_dictionaries({"kind": st.just("quantity"), "value": st.fixed_dictionaries({
        "amount": st.floats(-1e12, 1e12, allow_nan=False), "unit": text,
        "approximation": st.one_of(st.none(), st.sampled_from(list(Approximation)))})}),
    st.fixed_dictionaries({"kind": st.just("quote"), "value": st.fixed_dictionaries(
        {"text": text, "speaker": ids, "role": st.one_of(st.none(), text)})}),
    st.fixed_dictionaries({"kind": st.just("scope"), "value": st.one_of(
        st.fixed_dictionaries({"relation": st.sampled_from(list(ScopeRelation)), "than": ids}),
        st.fixed_dictionaries({"modality": st.sampled_from(list(Modality)), "action": text}))}),
    st.fixed_dictionaries({"kind": st.just("statement"), "value": st.fixed_dictionaries(
        {"object": st.one_of(st.none(), ids), "negated": st.booleans(), "summary": text})}),
)


@st.composite
def claims_files(draw: st.DrawFn) -> ClaimsFile:
    claims = []
    for index, typed in enumerate(draw(st.lists(values, max_size=5))):
        evidence = draw(text)
        start = draw(st.integers(0, 10_000))
        claims.append({"id": f"c{index}", "subject": draw(ids), "property": "said", **typed,
                       "qualifier": draw(st.one_of(st.none(), text)), "status": draw(st.sampled_from(["auto", "reviewed"])),
                       "as_of": draw(st.one_of(st.none(), partial_dates)),
                       "evidence": {"text": evidence, "start": start, "end": start + len(evidence)}})
    source = {"id": draw(ids), "publisher": draw(text), "title": draw(text), "published": draw(partial_dates),
              "text": "../seeds/x.txt", "sha256": "0" * 64, "authors": draw(st.one_of(st.none(), st.lists(text)))}
    return ClaimsFile.model_validate({"source": source, "claims": claims})


@settings(max_examples=60, deadline=None)
@given(claims_files())
def test_generated_claims_files_round_trip(tmp_path_factory: pytest.TempPathFactory, claims_file: ClaimsFile) -> None:
    assert reload(claims_file, tmp_path_factory.mktemp("rt")) == claims_file

"""Golden files for every report format on the seeds. After an intended change, refresh them with
`make golden` (FACTCHECK_UPDATE_GOLDEN=1) and review the diff like code."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from factcheck.engine import run_rules
from factcheck.load import load_corpus
from factcheck.report import FORMATS, RenderContext, render
from factcheck.rules import load_rules

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "golden"
SUFFIX = {"text": "txt", "json": "json", "markdown": "md", "html": "html"}


@pytest.fixture(scope="module")
def seeds_report():  # type: ignore[no-untyped-def]
    cwd = os.getcwd()
    os.chdir(ROOT)  # claim paths are shown relative to the working directory
    try:
        return run_rules(load_corpus([Path("claims")]), load_rules([Path("rules")]))
    finally:
        os.chdir(cwd)


@pytest.mark.parametrize("format_name", sorted(FORMATS))
def test_format_matches_golden_file(format_name: str, seeds_report, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(ROOT)  # the HTML page reads each source text (for the paragraphs) from the claims paths
    output = render(seeds_report, format_name, RenderContext(color=False, width=100, version="test"))
    golden = GOLDEN / f"seeds.{SUFFIX.get(format_name, format_name)}"
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN"):
        golden.write_text(output, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}: run `make golden`"
    assert output == golden.read_text(encoding="utf-8")


def test_json_has_the_documented_shape(seeds_report) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(render(seeds_report, "json"))
    assert data["schema_version"] == 2
    assert set(data["summary"]) >= {"sources", "claims", "rules", "blocks", "pairs", "verdicts"}
    first = data["findings"][0]
    assert set(first) >= {"id", "rule", "verdict", "subject", "property", "claims", "explanation"}
    assert set(first["claims"][0]) >= {"source", "id", "value", "evidence"}


def test_text_puts_checked_findings_before_unverified_and_ends_with_the_counts(seeds_report) -> None:  # type: ignore[no-untyped-def]
    output = render(seeds_report, "text", RenderContext(color=False, width=100))
    assert output.index("COMPATIBLE") < output.index("Unverified:")
    assert output.rstrip().splitlines()[-1].endswith("unverified.")

"""The JSON report: written a piece at a time (never as one string), compact by default and, indented, what
`json.dumps(indent=N)` writes; unverified findings compact, with everything they leave out following from
their claim as docs/report-json.md says; valid by schemas/report.schema.json."""

from __future__ import annotations

import io
import json
import os
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from factcheck.engine import Finding, Report, run_rules
from factcheck.load import load_corpus
from factcheck.model.claims import Status
from factcheck.report import RenderContext, render
from factcheck.report import json as json_format
from factcheck.report.json_schema import report_schema
from factcheck.report.json_stream import BATCH, Items, object_chunks
from factcheck.report.sources import source_data, sources_of
from factcheck.rules import load_rules
from factcheck.schemas import report_schema_text

ROOT = Path(__file__).resolve().parents[2]
CONTEXT = RenderContext(version="test")


@pytest.fixture(scope="module")
def seeds() -> Report:
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        return run_rules(load_corpus([Path("claims")]), load_rules([Path("rules")]))
    finally:
        os.chdir(cwd)


def with_auto_unverified(report: Report) -> Report:
    """The seeds' report, with one unverified claim drafted by extraction (auto, confidence 0.4) and one
    without a confidence: the unreviewed fields an unverified finding leaves out must follow from them."""
    findings = list(report.findings)
    unverified = [i for i, f in enumerate(findings) if f.verdict.value == "unverified"]
    for index, confidence in zip(unverified[:2], (0.4, None)):
        item = findings[index].claims[0]
        claim = item.claim.model_copy(update={"status": Status.auto, "confidence": confidence})
        findings[index] = replace(findings[index], claims=(replace(item, claim=claim),))
    return Report(tuple(findings), report.summary)


def test_the_checked_in_schema_is_current() -> None:
    checked_in = ROOT / "schemas" / "report.schema.json"
    assert checked_in.read_text(encoding="utf-8") == report_schema_text(), \
        "run: python -c 'from factcheck.schemas import report_schema_text as t; print(t(), end=\"\")' " \
        "> schemas/report.schema.json"
    jsonschema.Draft202012Validator.check_schema(json.loads(checked_in.read_text(encoding="utf-8")))


@pytest.mark.parametrize("indent", [None, 2])
def test_the_schema_validates_the_report(seeds: Report, indent: int | None) -> None:
    data = json.loads(json_format.render(with_auto_unverified(seeds), CONTEXT, indent))
    jsonschema.validate(data, report_schema())


def test_the_schema_refuses_an_unverified_finding_that_is_not_compact(seeds: Report) -> None:
    data = json.loads(render(seeds, "json", CONTEXT))
    unverified = next(f for f in data["findings"] if f["verdict"] == "unverified")
    unverified["comparisons"] = []
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, report_schema())


def test_compact_puts_each_source_and_finding_on_a_line(seeds: Report) -> None:
    text = render(seeds, "json", CONTEXT)
    lines = text.splitlines()
    assert lines[0].startswith('{"schema_version":2,"tool":{"name":"factcheck","version":"test"},"summary":')
    assert lines[0].endswith('"findings":[')
    data = json.loads(text)
    starts = lines.index('],"sources":[')  # after the findings: counted as their claims were written
    assert [json.loads(line.rstrip(",")) for line in lines[1:starts]] == data["findings"]
    assert [json.loads(line.rstrip(",")) for line in lines[starts + 1:-1]] == data["sources"]
    assert len(data["findings"]) == len(seeds.findings)
    assert lines[-1] == "]}" and text.endswith("]}\n")


@pytest.mark.parametrize("indent", [None, 2])
def test_the_sources_written_are_those_of_the_findings(seeds: Report, indent: int | None) -> None:
    """The writer counts each claim as it writes it (`SourceCount`): the same sources, counts, paths and
    order as `sources_of`'s walk of the findings, a claim in two findings counted once with its last status."""
    findings = list(seeds.findings)
    item = findings[-1].claims[0]  # the last finding names a claim the first finding now names too, as auto
    auto = replace(item, claim=item.claim.model_copy(update={"status": Status.auto}))
    changed = Report((replace(findings[0], claims=(*findings[0].claims, auto)), *findings[1:]), seeds.summary)
    for report in (seeds, changed, Report(tuple(reversed(findings)), seeds.summary)):
        written = json.loads(json_format.render(report, CONTEXT, indent))["sources"]
        assert written == [source_data(row) for row in sources_of(report)]
    counts = {row.id: (row.reviewed, row.auto) for row in sources_of(changed)}
    assert counts[item.source_id] == next((r.reviewed, r.auto) for r in sources_of(seeds) if r.id == item.source_id)
    assert [row.id for row in sources_of(Report(tuple(reversed(findings)), seeds.summary))] != \
        [row.id for row in sources_of(seeds)]  # the order follows the findings


@pytest.mark.parametrize("indent", [1, 2, 4])
def test_indented_is_what_json_dumps_writes(seeds: Report, indent: int) -> None:
    compact = render(seeds, "json", CONTEXT)
    indented = json_format.render(seeds, CONTEXT, indent)
    assert indented == json.dumps(json.loads(compact), indent=indent, ensure_ascii=False) + "\n"


@pytest.mark.parametrize("count", [0, 1, BATCH - 1, BATCH, BATCH + 1, 2 * BATCH + 3])
@pytest.mark.parametrize("indent", [None, 3])
def test_a_streamed_list_of_any_length(count: int, indent: int | None) -> None:
    items = [{"n": n, "text": f"item “{n}”", "empty": [], "nested": {"a": [n, None]}} for n in range(count)]
    document = {"head": {"x": [1, 2]}, "items": items, "tail": "end"}
    members = [("head", document["head"]), ("items", Items(iter(items))), ("tail", "end")]
    text = "".join(object_chunks(members, indent))
    assert json.loads(text) == document
    if indent is None:
        assert len(text.splitlines()) == (count + 2 if count else 1)
    else:
        assert text == json.dumps(document, indent=indent, ensure_ascii=False) + "\n"
    assert "".join(object_chunks([], indent)) == "{}\n"


class Recording(io.StringIO):
    """A stream that keeps the size of each write."""

    def __init__(self) -> None:
        super().__init__()
        self.sizes: list[int] = []

    def write(self, text: str) -> int:
        self.sizes.append(len(text))
        return super().write(text)


def test_write_streams_the_report_in_pieces(seeds: Report) -> None:
    many = Report(seeds.findings * 40, seeds.summary)  # 3,360 findings
    stream = Recording()
    json_format.write(many, CONTEXT, stream)
    text = stream.getvalue()
    assert text == render(many, "json", CONTEXT)
    assert len(stream.sizes) >= len(many.findings) // BATCH
    longest = max(len(line) + 1 for line in text.splitlines())
    assert max(stream.sizes) <= BATCH * longest  # a batch of findings at most,
    assert max(stream.sizes) < len(text) / 10  # never the document


def expand(finding: dict[str, Any]) -> dict[str, Any]:
    """An unverified finding's left-out fields, as docs/report-json.md says a reader finds them."""
    [claim] = finding["claims"]
    auto = claim["status"] == "auto"
    unmatched = finding["rule"]["id"] == "FC000"
    return {
        "severity": "note", "event": None, "majority": [], "outliers": [], "comparisons": [],
        "message": f"{finding['subject_name']} {claim['property']}: only {claim['source']} says so",
        "explanation": (f"no rule compares {claim['kind']} claims with property {claim['property']}" if unmatched
                        else "no other source makes a claim this rule compares it with"),
        "rests_on_unreviewed": auto,
        "confidence": (claim.get("confidence", 0.5) if auto else None),
        "unreviewed_claims": [f"{claim['source']}/{claim['id']}"] if auto else [],
    }


def test_an_unverified_finding_leaves_out_only_what_follows_from_its_claim(seeds: Report) -> None:
    report = with_auto_unverified(seeds)
    data = json.loads(render(report, "json", CONTEXT))
    checked = 0
    for finding, shown in zip(report.findings, data["findings"]):
        if finding.verdict.value != "unverified":
            assert "comparisons" in shown and "event" in shown["claims"][0]  # checked findings: every field
            continue
        assert set(shown) == {"id", "rule", "verdict", "subject", "subject_name", "property", "claims"}
        assert expand(shown) == full(finding)
        [claim] = shown["claims"]
        item = finding.claims[0]
        assert (claim["source"], claim["id"], claim["value"]) == (item.source_id, item.claim.id, finding.values[0])
        assert (claim["evidence"]["start"], claim["evidence"]["end"]) == (item.claim.evidence.start,
                                                                          item.claim.evidence.end)
        assert all(claim[name] is not None for name in json_format.OPTIONAL_CLAIM_FIELDS if name in claim)
        checked += 1
    assert checked == 65
    auto = [f for f in data["findings"] if f["verdict"] == "unverified" and f["claims"][0]["status"] == "auto"]
    assert [expand(f)["confidence"] for f in auto] == [0.4, 0.5]


def full(finding: Finding) -> dict[str, Any]:
    """What the engine's finding says of the fields an unverified finding leaves out."""
    return {"severity": finding.severity, "event": finding.event, "majority": list(finding.majority),
            "outliers": list(finding.outliers), "comparisons": [], "message": finding.message,
            "explanation": finding.explanation, "rests_on_unreviewed": finding.rests_on_unreviewed,
            "confidence": finding.confidence, "unreviewed_claims": [c.key for c in finding.unreviewed]}

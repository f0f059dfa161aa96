"""The JSON writer's fast paths (issue 11): a batch of findings encoded and searched at once
(`escape.json_lines`), orjson's bytes searched by lead byte, the claims' values dumped a batch at a time,
and the sources counted in one walk. Each must write what the plain path writes, byte for byte."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from factcheck.engine import Report
from factcheck.model.claims import Status
from factcheck.report import json as json_format
from factcheck.report.escape import _inert, _standard_json, json_lines, json_value
from factcheck.report.json_stream import BATCH
from factcheck.report.sources import sources_of
from tests.report.hostile import HOSTILE
from tests.report.test_json import seeds, with_auto_unverified  # noqa: F401 - seeds: the fixture

# Every character the JSON channel rewrites, and its neighbours, which it must leave as they are.
EDGES = [*range(0x7E, 0xA1), *range(0x2026, 0x2031), *range(0x2064, 0x206B), 0xB7, 0x201C, 0x201D, 0x2019]


def test_orjson_bytes_are_searched_as_the_text_is_for_every_character() -> None:
    """The lead-byte patterns over UTF-8 decide as the character class over text: every code point but
    the surrogates (which orjson refuses), alone and amid text, gives the standard library's bytes."""
    for code in [*range(0x0, 0xD800), *range(0xE000, 0x10000), 0x10FFFF, 0x1F600]:
        for data in (chr(code), {"text": f"a{chr(code)}b ##", "n": code}):
            assert json_value(data) == _inert(_standard_json(data, None)), hex(code)


@pytest.mark.parametrize("code", EDGES)
def test_a_batch_is_escaped_as_its_items_are(code: int) -> None:
    items = [{"n": n, "text": f"“{n}”"} for n in range(5)] + [{"text": f"x{chr(code)}y"}, {"text": "##[error]"}]
    assert json_lines(items) == ",\n".join(json_value(item) for item in items)


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_batch_with_a_hostile_string_or_what_orjson_refuses(name: str) -> None:
    hostile = HOSTILE[name]
    for odd in ({"nan": float("nan")}, {"big": 10 ** 30}, {"path": "a\udcff.yaml"}, {1: "key"}, {}):
        items = [{"plain": "Korea’s “pact”"}, {"value": hostile, **odd}, {"after": hostile}]
        text = json_lines(items)
        assert text == ",\n".join(json_value(item) for item in items)
        assert "##[" not in text and len(text.splitlines()) == len(items)
        assert [json.loads(line.rstrip(",")) for line in text.splitlines()][2] == {"after": hostile}


def test_finding_dicts_are_each_findings_own_dict(seeds: Report) -> None:
    """One _Shown a report (dates made once, values dumped a batch at a time, batches cut mid-report)
    makes what `finding_data` makes of each finding alone, and what the claims' own dumps say."""
    report = with_auto_unverified(seeds)
    findings = list(report.findings) * (2 * BATCH // len(report.findings) + 1)
    assert list(json_format.finding_dicts(findings)) == [json_format.finding_data(f) for f in findings]
    for finding, data in zip(findings, json_format.finding_dicts(findings)):
        for item, shown in zip(finding.claims, data["claims"]):
            assert shown["value_data"] == item.claim.value.model_dump(mode="json", exclude_none=True)
            assert shown["as_of"] == str(item.as_of)
            assert shown["status"] == item.claim.status.value
            assert shown.get("modality") == (item.claim.modality.value if item.claim.modality else None)
        if finding.pairs:
            assert data["unreviewed_claims"] == [c.key for c in finding.unreviewed]
            assert data["confidence"] == finding.confidence
    unreviewed = [f for f in report.findings if f.pairs and f.unreviewed]
    auto = replace(seeds.findings[0], claims=tuple(
        replace(c, claim=c.claim.model_copy(update={"status": Status.auto, "confidence": 0.3}))
        for c in seeds.findings[0].claims))  # a checked finding on auto claims: the pairs are walked
    shown = json_format.finding_data(auto)
    assert not unreviewed and shown["rests_on_unreviewed"] and shown["confidence"] == 0.3


def test_sources_count_a_claim_once_with_its_last_status(seeds: Report) -> None:
    findings = list(seeds.findings)
    lone = next(i for i, f in enumerate(findings) if not f.pairs)
    item = findings[lone].claims[0]
    auto = replace(item, claim=item.claim.model_copy(update={"status": Status.auto}))
    again = replace(findings[lone], claims=(auto,))  # the same claim in a second finding, now auto
    before = {row.id: (row.reviewed, row.auto, row.path) for row in sources_of(seeds)}
    after = {row.id: (row.reviewed, row.auto, row.path) for row in sources_of(Report((*findings, again),
                                                                                    seeds.summary))}
    reviewed, unreviewed, path = before[item.source_id]
    assert after == {**before, item.source_id: (reviewed - 1, unreviewed + 1, path)}
    assert list(after) == [row.id for row in sources_of(seeds)]  # the order the findings first name them
    assert sum(r + a for r, a, _ in before.values()) == len({c.key for f in findings for c in f.claims})

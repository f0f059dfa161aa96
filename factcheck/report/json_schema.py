"""The JSON Schema of the JSON report (`report/json.py`, docs/report-json.md), checked in as
schemas/report.schema.json.

It says what a reader may rely on in this schema version: the fields every finding has, the compact
shape of an unverified one, and the types. Fields are only added within a version, so objects stay
open (`additionalProperties` is not forbidden): the gate adds `gate`, and `fingerprint` and `baseline`
to each finding.
"""

from __future__ import annotations

from typing import Any

from factcheck.report.json import SCHEMA_VERSION

_TEXT = {"type": "string"}
_TEXTS = {"type": "array", "items": _TEXT}
_OPTIONAL_TEXT = {"type": ["string", "null"]}
_COUNT = {"type": "integer", "minimum": 0}
_CHECKED = ["agree", "compatible", "conflict"]


def _object(required: dict[str, Any], optional: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
    return {"type": "object", "required": list(required), "properties": {**required, **(optional or {})}, **extra}


_RULE = _object({"id": _TEXT, "name": _TEXT})
_CLAIM = _object(
    {"source": _TEXT, "id": _TEXT, "kind": _TEXT, "property": _TEXT, "value": _TEXT,
     "value_data": {"type": "object"}, "as_of": _TEXT, "status": {"enum": ["reviewed", "auto"]},
     "evidence": _object({"text": _TEXT, "start": _COUNT, "end": _COUNT}),
     "location": _object({"path": _TEXT, "line": {"type": ["integer", "null"]}})},
    {"event": _OPTIONAL_TEXT, "modality": _OPTIONAL_TEXT, "qualifier": _OPTIONAL_TEXT,
     "confidence": {"type": ["number", "null"]}},
    description="A source's claim: in a checked finding every field is there (null when unknown); in an "
                "unverified one a null event, modality, qualifier or confidence is left out.")
_ABOUT = {"id": _TEXT, "rule": _RULE, "subject": _TEXT, "subject_name": _TEXT, "property": _TEXT}
_COMPARISON = _object({"claims": {**_TEXTS, "minItems": 2, "maxItems": 2}, "verdict": {"enum": _CHECKED},
                       "explanation": _TEXT, "score": {"type": ["number", "null"]}, "facts": {"type": "object"}})
_CHECKED_FINDING = _object(
    {**_ABOUT, "verdict": {"enum": _CHECKED}, "severity": _TEXT, "event": _OPTIONAL_TEXT, "message": _TEXT,
     "claims": {"type": "array", "items": _CLAIM, "minItems": 2}, "majority": _TEXTS, "outliers": _TEXTS,
     "comparisons": {"type": "array", "items": _COMPARISON, "minItems": 1}, "explanation": _TEXT,
     "rests_on_unreviewed": {"type": "boolean"}, "confidence": {"type": ["number", "null"]},
     "unreviewed_claims": _TEXTS},
    title="A checked finding: two or more sources compared")
_UNVERIFIED_FINDING = _object(
    {**_ABOUT, "verdict": {"const": "unverified"}, "claims": {"type": "array", "items": _CLAIM, "minItems": 1}},
    title="An unverified finding, compact: its claim; everything else is empty or follows from the claim",
    **{"not": {"anyOf": [{"required": [name]} for name in ("comparisons", "message", "explanation",
                                                          "rests_on_unreviewed", "severity")]}})
_SOURCE = _object({"id": _TEXT, "publisher": _TEXT, "title": _OPTIONAL_TEXT, "url": _OPTIONAL_TEXT,
                   "published": _TEXT, "precision": {"enum": ["year", "month", "day"]}, "authors": _TEXTS,
                   "language": _OPTIONAL_TEXT, "claims": _object({"reviewed": _COUNT, "auto": _COUNT}),
                   "location": _object({"path": _TEXT})})
_SUMMARY = _object({"sources": _COUNT, "claims": _COUNT, "rules": _COUNT, "blocks": _COUNT, "pairs": _COUNT,
                    "different_facts": _COUNT, "findings": _COUNT,
                    "verdicts": {"type": "object", "additionalProperties": _COUNT}})


def report_schema() -> dict[str, Any]:
    """The schema of `factcheck report --format json` (and of the gate's JSON, which adds to it)."""
    return {
        **_object({"schema_version": {"const": SCHEMA_VERSION},
                   "tool": _object({"name": {"const": "factcheck"}, "version": _TEXT}),
                   "summary": _SUMMARY, "sources": {"type": "array", "items": _SOURCE},
                   "findings": {"type": "array", "items": {"oneOf": [_CHECKED_FINDING, _UNVERIFIED_FINDING]}}}),
        "description": "factcheck's JSON report (docs/report-json.md).",
        "title": "factcheck report",
    }

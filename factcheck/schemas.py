"""JSON Schemas of every file factcheck reads, for editors (`factcheck schema --for KIND`), and of the
JSON report it writes (`report_schema_text`, schemas/report.schema.json; `--for report`).

Each comes from the model that checks the file, so an editor and `validate` agree: the pydantic models
of claims, entities, vocabulary, rules, rule tests, the baseline and the config. The cue lexicon has
no model (its keys and shapes are the shipped lexicon's, as `extract/cue_check.py` checks them), so
its schema is made from the shipped lexicon's shape: every key optional, each value of the same shape.
The checked-in copies in `schemas/` are what the `# yaml-language-server: $schema=` line of the
claims files `extract` writes points at; a test keeps them equal to what this module makes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, Union

from pydantic import BaseModel, TypeAdapter

DRAFT = "https://json-schema.org/draft/2020-12/schema"
PARTIAL_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"  # model/partial_date.py's pattern
REPOSITORY_SCHEMAS = "https://raw.githubusercontent.com/factcheck-consistency/factcheck/main/schemas"


def _model(name: str) -> Callable[[], type[BaseModel]]:
    def load() -> type[BaseModel]:
        from factcheck.config import Settings
        from factcheck.gate.baseline import BaselineFile
        from factcheck.model import ClaimsFile, EntitiesFile, VocabularyFile

        models: dict[str, type[BaseModel]] = {"claims": ClaimsFile, "entities": EntitiesFile,
                                              "vocabulary": VocabularyFile, "baseline": BaselineFile,
                                              "config": Settings}
        return models[name]
    return load


def _rule_tests() -> dict[str, Any]:
    """Claims in a rule test need no evidence: the runner fills in a placeholder (rules/testing.py)."""
    from factcheck.rules.testing import RuleTestFile

    schema = RuleTestFile.model_json_schema(by_alias=True)
    for name, definition in schema.get("$defs", {}).items():
        if name.endswith("Claim") and "evidence" in definition.get("required", []):
            definition["required"] = [field for field in definition["required"] if field != "evidence"]
    return schema


def _rules() -> dict[str, Any]:
    """A rule file holds `rules: [...]`, or one rule at its top."""
    from factcheck.rules.model import Rule, RulesFile

    schema = TypeAdapter(Union[RulesFile, Rule]).json_schema()  # noqa: UP007 - a runtime union of models
    schema["title"] = "RulesFile"
    return schema


def _shape(value: Any) -> dict[str, Any]:
    if isinstance(value, dict):
        return {"type": "object", "properties": {k: _shape(v) for k, v in value.items()}}
    if isinstance(value, list):
        items = [_shape(v) for v in value]
        return {"type": "array", "items": items[0] if items and all(i == items[0] for i in items) else {}}
    if isinstance(value, bool):
        return {"type": "boolean"}
    if isinstance(value, (int, float)):
        return {"type": "number"}
    return {"type": "string"}


def _cues() -> dict[str, Any]:
    from factcheck.extract.cue_check import EXTRA_KEYS
    from factcheck.extract.cues import shipped_lexicon

    lexicon = {**shipped_lexicon(), **EXTRA_KEYS}
    return {"properties": {key: _shape(value) for key, value in lexicon.items()}, "additionalProperties": False,
            "description": "A project's cue lexicon (claims/cues.yaml), laid over the shipped one "
                           "(docs/extraction.md).",
            "title": "CueLexicon", "type": "object"}  # the title last, where `previous_output` looks for it


SCHEMA_MAKERS: dict[str, Callable[[], dict[str, Any]]] = {
    **{name: (lambda load=_model(name): load().model_json_schema(by_alias=True))
       for name in ("claims", "entities", "vocabulary", "baseline", "config")},
    "rule-tests": _rule_tests,
    "rules": _rules,
    "cues": _cues,
}
KINDS = tuple(sorted(SCHEMA_MAKERS))
OUTPUT_KINDS = ("report",)  # what factcheck writes: the JSON report (the gate's JSON adds to it)
SCHEMA_CHOICES = tuple(sorted((*KINDS, *OUTPUT_KINDS)))  # `factcheck schema --for`


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of the files of `kind` (one of KINDS)."""
    document = _with_year_numbers(SCHEMA_MAKERS[kind]())
    document["$schema"] = DRAFT
    return document


def _with_year_numbers(node: Any) -> Any:
    """A partial date may be written as a bare year (`date: 2016`, a YAML integer), as the loader accepts
    (model/partial_date.py); its schema says only "a string", so an editor would flag the seeds."""
    if isinstance(node, dict):
        node = {key: _with_year_numbers(value) for key, value in node.items()}
        if node.get("type") == "string" and node.get("pattern") == PARTIAL_DATE:
            string = {k: v for k, v in node.items() if k in ("type", "pattern")}
            rest = {k: v for k, v in node.items() if k not in ("type", "pattern")}
            return {**rest, "anyOf": [string, {"type": "integer", "minimum": 1, "maximum": 9999}]}
        return node
    if isinstance(node, list):
        return [_with_year_numbers(item) for item in node]
    return node


def schema_text(kind: str) -> str:
    """The schema `factcheck schema --for KIND` writes: of a file factcheck reads (KINDS), or of the
    JSON report it writes (`report`, OUTPUT_KINDS)."""
    if kind == "report":
        return report_schema_text()
    return json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n"


def schema_url(kind: str) -> str:
    """Where the checked-in schema of `kind` is published (the repository's `schemas/`)."""
    return f"{REPOSITORY_SCHEMAS}/{kind}.schema.json"


def report_schema_text() -> str:
    """The JSON report's schema (what `report --format json` writes, so not one of KINDS, the files
    factcheck reads), as checked in at schemas/report.schema.json; made by `report/json_schema.py`."""
    from factcheck.report.json_schema import report_schema

    return json.dumps({**report_schema(), "$schema": DRAFT}, indent=2, ensure_ascii=False) + "\n"

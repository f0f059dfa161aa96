"""Turn pydantic validation errors into located, readable problems."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from factcheck.load.document import FieldPath, YamlDocument
from factcheck.load.problems import Problem, closest


def validate_document(document: YamlDocument, model: type[BaseModel]) -> tuple[BaseModel | None, list[Problem]]:
    """Validate a read document against `model`; every schema error becomes one located problem.

    Top-level lists of records (`claims`, `entities`, `properties`) are validated item by item, so
    one broken claim does not hide the mistakes of the others, nor stop the checks that follow.
    """
    if document.data is None:
        return None, [document.problem((), "S001", f"the file is empty; expected a {_describe(model)}")]
    if not isinstance(document.data, dict):
        return None, [document.problem((), "S001", f"expected a mapping at the top of the file ({_describe(model)})")]
    try:
        return model.model_validate(document.data), []
    except ValidationError as error:
        return None, _without_reader_duplicates(document, problems_from_errors(document, error, model))


def validate_items(document: YamlDocument, model: type[BaseModel], field: str) -> list[tuple[int, Any]]:
    """The items of the top-level list `field` that are valid on their own, with their positions.

    Used after `validate_document` failed, so that checks across files still run on what is valid.
    """
    items = document.data.get(field) if isinstance(document.data, dict) else None
    if not isinstance(items, list):
        return []
    adapter = TypeAdapter(model.model_fields[field].annotation)
    valid: list[tuple[int, Any]] = []
    for position, item in enumerate(items):
        try:
            valid.extend((position, value) for value in adapter.validate_python([item]))
        except ValidationError:
            continue
    return valid


def _describe(model: type[BaseModel]) -> str:
    return "mapping with " + ", ".join(f"`{name}`" for name in model.model_fields)


def _without_reader_duplicates(document: YamlDocument, problems: list[Problem]) -> list[Problem]:
    """Drop schema errors about a value the reader already reported (an unquoted NO, a 30 February)."""
    reported = {(p.line, p.column) for p in document.problems}
    return [p for p in problems if (p.line, p.column) not in reported]


def problems_from_errors(document: YamlDocument, error: ValidationError, model: type[BaseModel]) -> list[Problem]:
    merged: dict[FieldPath, list[str]] = {}
    for item in error.errors(include_url=False):
        field_path, message = _explain(document.data, item, _field_names(model))
        messages = merged.setdefault(field_path, [])
        if message not in messages:
            messages.append(message)
    return [document.problem(path, "S001", " or ".join(messages)) for path, messages in merged.items()]


def _explain(data: Any, item: dict[str, Any], field_names: frozenset[str]) -> tuple[FieldPath, str]:
    """The field the error is about (as it stands in the data) and a message a person can act on."""
    path: list[str | int] = []
    current = data
    for part in item["loc"]:
        if isinstance(current, dict) and part in current:
            path.append(part)
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            path.append(part)
            current = current[part]
        elif isinstance(current, dict) and isinstance(part, str) and current.get("kind") == part:
            continue  # the tag pydantic adds for a discriminated union
        elif item["type"] in ("missing", "extra_forbidden") and part == item["loc"][-1]:
            path.append(part)
            current = None
        else:
            break
    kind = item["type"]
    field = path[-1] if path else ""
    if kind == "missing":
        return tuple(path), f"missing required field `{field}`"
    if kind == "extra_forbidden":
        return tuple(path), f"unknown field `{field}`{_did_you_mean(field, field_names)}"
    if kind == "union_tag_invalid":
        expected = item.get("ctx", {}).get("expected_tags", "")
        return tuple(path) + ("kind",), f"unknown kind {item['input'].get('kind')!r}; expected one of {expected}"
    if kind == "union_tag_not_found":
        return tuple(path), "missing required field `kind`"
    message = item["msg"]
    for prefix in ("Value error, ", "Assertion failed, "):
        message = message.removeprefix(prefix)
    if kind == "string_pattern_mismatch":
        message = f"{item['input']!r} is not a valid id: use lower-case letters, digits and - _ ."
    elif kind in ("string_type", "int_type", "float_type", "bool_type", "date_type", "list_type", "dict_type",
                  "model_type", "model_attributes_type", "int_parsing", "float_parsing", "bool_parsing", "enum",
                  "literal_error"):
        message = f"{message}, got {_show(item.get('input'))}"
    return tuple(path), message


def _show(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return type(value).__name__.replace("dict", "a mapping").replace("list", "a list")
    return repr(value)


@lru_cache(maxsize=None)
def _field_names(model: type[BaseModel]) -> frozenset[str]:
    """Every field name anywhere in the model, for "did you mean" hints."""
    names: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("properties"), dict):
                names.update(node["properties"])
            for child in node.values():
                walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(model.model_json_schema())
    return frozenset(names)


def _did_you_mean(field: str | int, known: frozenset[str]) -> str:
    if not isinstance(field, str) or len(field) < 3:
        return ""
    match = closest(field, known)
    return f" (did you mean `{match}`?)" if match else ""

"""Edit a YAML file as text, so that everything a person wrote (comments, layout, quoting, key order)
stays byte for byte except the values changed.

`locate_nodes` maps each value's field path to where its text is; `replace_scalars` rewrites scalar
values in place and `append_item` adds an item to a block list. Both check their result: the edited
text must read back as the old data with exactly the intended change, or `EditRefused` is raised and
the caller writes nothing. Only a file our safe reader accepted is edited (no anchors, tags or aliases).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from factcheck.load.document import FieldPath, format_field_path, max_yaml_bytes, reads_back_as
from factcheck.load.paths import read_project_file


class EditRefused(Exception):
    """The change cannot be made by editing the text safely; the message says why."""


@dataclass(frozen=True)
class Node:
    """Where one value is written: character offsets of its text, and how it is written."""

    start: int
    end: int
    kind: str  # "scalar", "sequence" or "mapping"
    style: str | None = None  # a scalar's quote or block style; None for plain
    flow: bool = False  # a collection written `[...]` / `{...}`
    column: int = 0  # 0-based column of the first character


def read_text(path: Path) -> str:
    """A YAML file's text exactly as it is (line endings kept), read through the path policy."""
    return read_project_file(path, max_bytes=max_yaml_bytes()).decode("utf-8")


def locate_nodes(text: str) -> dict[FieldPath, Node]:
    """Every value of the document by field path (`("claims", 0, "evidence", "end")`)."""
    nodes: dict[FieldPath, Node] = {}
    stack: list[list[Any]] = []  # [path, is_mapping, pending_key, next_index, start_event]
    try:
        events = list(yaml.parse(text, Loader=yaml.SafeLoader))  # the Python parser: marks are str indices
    except yaml.YAMLError as error:
        raise EditRefused(f"the file is not valid YAML ({error})") from None
    for event in events:
        if isinstance(event, yaml.ScalarEvent):
            top = stack[-1] if stack else None
            if top is not None and top[1] and top[2] is None:
                top[2] = event.value
                continue
            path = _next_path(stack)
            nodes[path] = Node(event.start_mark.index, event.end_mark.index, "scalar", event.style or None,
                               column=event.start_mark.column)
        elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            path = _next_path(stack) if stack else ()
            stack.append([path, isinstance(event, yaml.MappingStartEvent), None, 0, event])
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            path, is_mapping, _, _, start = stack.pop()
            nodes[path] = Node(start.start_mark.index, event.end_mark.index, "mapping" if is_mapping else "sequence",
                               flow=bool(start.flow_style), column=start.start_mark.column)
    return nodes


def _next_path(stack: list[list[Any]]) -> FieldPath:
    """The path of the value that comes next in the innermost open collection (and move past it)."""
    top = stack[-1]
    if top[1]:
        key, top[2] = top[2], None
        return (*top[0], key)
    index, top[3] = top[3], top[3] + 1
    return (*top[0], index)


def replace_scalars(text: str, values: dict[FieldPath, str | int]) -> str:
    """`text` with the scalar at each field path replaced by the new value, its quoting kept."""
    nodes = locate_nodes(text)
    edits: list[tuple[Node, str]] = []
    for path, value in values.items():
        node = nodes.get(path)
        if node is None or node.kind != "scalar":
            raise EditRefused(f"no value to replace at {_shown(path)}")
        if node.style in ("|", ">"):
            raise EditRefused(f"{_shown(path)} is a block scalar")
        edits.append((node, _written(value, node.style)))
    edited = text
    for node, written in sorted(edits, key=lambda edit: edit[0].start, reverse=True):
        edited = edited[:node.start] + written + edited[node.end:]
    expected = _plain_data(text)
    for path, value in values.items():
        _set(expected, path, value)
    if _plain_data(edited) != expected:
        raise EditRefused("the edited file would not read back as intended")
    return edited


def append_item(text: str, list_path: FieldPath, item: dict[str, Any], item_yaml: str) -> str:
    """`text` with `item` (already dumped as `item_yaml`, a block mapping) added at the end of the block
    list at `list_path`; a missing top-level list or an empty flow list `[]` is written as a block list."""
    nodes = locate_nodes(text)
    newline = "\r\n" if "\r\n" in text else "\n"  # the file's own line endings
    node = nodes.get(list_path)
    if node is not None and node.kind != "sequence":
        raise EditRefused(f"{_shown(list_path)} is not a list")
    if node is not None and node.flow and text[node.start:node.end].strip() not in ("[]", "[ ]"):
        raise EditRefused(f"{_shown(list_path)} is written as a flow list [...]")
    if node is None or node.flow:
        if len(list_path) != 1:
            raise EditRefused(f"no list at {_shown(list_path)}")
        block = _indented(item_yaml, "  - ", "    ", newline)
        if node is None:
            edited = text + ("" if text.endswith("\n") or not text else newline) + f"{list_path[0]}:{newline}{block}"
        else:
            edited = text[:node.start].rstrip(" ") + newline + block + text[node.end:].lstrip(" \r\n")
    else:
        last = nodes[(*list_path, _length(nodes, list_path) - 1)]
        line_start = text.rfind("\n", 0, last.start) + 1
        dash = text.rfind("-", line_start, last.start)
        indent = " " * ((dash - line_start) if dash >= 0 else max(node.column, 0))
        insert_at = _end_of_line(text, _end_of_item(nodes, list_path, last))
        block = _indented(item_yaml, indent + "- ", indent + "  ", newline)
        prefix = text[:insert_at] + ("" if text[:insert_at].endswith("\n") else newline)
        edited = prefix + block + text[insert_at:]
    expected = _plain_data(text) or {}
    target = expected
    for part in list_path[:-1]:
        target = target[part]
    target.setdefault(list_path[-1], None)
    target[list_path[-1]] = [*(target[list_path[-1]] or []), copy.deepcopy(item)]
    if _plain_data(edited) != expected:
        raise EditRefused("the edited file would not read back as intended")
    return edited


def _length(nodes: dict[FieldPath, Node], list_path: FieldPath) -> int:
    count = 0
    while (*list_path, count) in nodes:
        count += 1
    return count


def _end_of_item(nodes: dict[FieldPath, Node], list_path: FieldPath, last: Node) -> int:
    """Where the last item's text ends (a block mapping's end mark can lie past trailing comments)."""
    inside = [n.end for path, n in nodes.items() if path[:len(list_path)] == list_path
              and len(path) > len(list_path) and (n.kind == "scalar" or n.flow)]
    return max([last.start, *inside])


def _end_of_line(text: str, index: int) -> int:
    if index > 0 and text[index - 1] == "\n":  # a block scalar ends after its last line break
        return index
    newline = text.find("\n", index)
    return len(text) if newline < 0 else newline + 1


def _indented(block: str, first: str, rest: str, newline: str = "\n") -> str:
    lines = block.rstrip("\n").split("\n")
    return "".join((first if number == 0 else rest) + line + newline for number, line in enumerate(lines))


def _written(value: str | int, style: str | None) -> str:
    if isinstance(value, int):
        return str(value)
    if style in ("'", '"'):
        quote = style
    elif reads_back_as(value):
        return value
    else:
        quote = '"'
    if any(ch in value for ch in "\\\"'\n") or not value.isprintable():
        raise EditRefused("a value that needs escaping")
    return f"{quote}{value}{quote}"


def _plain_data(text: str) -> Any:
    return yaml.load(text, Loader=yaml.SafeLoader)  # noqa: S506 - a safe loader; only compares before and after


def _set(data: Any, path: FieldPath, value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def _shown(path: FieldPath) -> str:
    return format_field_path(path) or "the top of the file"

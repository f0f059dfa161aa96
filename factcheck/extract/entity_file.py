"""Accepting proposals into the entity file without losing a byte a person wrote.

`entities.yaml` carries comments and a layout people chose, and PyYAML cannot write comments back. So
the file is edited as text, at places PyYAML's composer locates (a node's line and column): a new
entity is added at the end of the `entities:` list, with the indentation of its items; a name merged
into an existing entity is added after the last of its `aliases` (or as a new `aliases:` list after its
last key). Everything else stays byte for byte. The result is read back and validated as `factcheck
validate` reads the file (no id twice, no name of two entities, no unknown `part_of` or role
organisation); only when the text edit cannot be made (a list written inline) is the file written anew
from the model, which keeps every entry but not the comments, and the result says so. Writes are atomic.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from factcheck.load.corpus import load_entities
from factcheck.load.problems import Problem, ProblemsError
from factcheck.load.write import dump_yaml, write_atomic
from factcheck.model import Entity, Role
from factcheck.model.entity_index import EntityIndex

HEADER = ("# Every entity the claims in this folder refer to, by canonical id (docs/entities.md).\n"
          "# `factcheck entities propose` lists the names extraction met that are not here yet;\n"
          "# `factcheck entities accept` adds them.\n")
ENTITY_ORDER = ("id", "kind", "name", "aliases", "roles", "part_of", "description")


class AcceptError(Exception):
    """An accept that cannot be done (an unknown target, an id already defined): nothing is written."""


@dataclass
class Accepted:
    added: list[str] = field(default_factory=list)  # new entity ids
    aliases: list[str] = field(default_factory=list)  # names added to an existing entity
    dropped_roles: list[tuple[str, str]] = field(default_factory=list)  # (entity, organisation not in the file)
    rewritten: bool = False  # the file was written anew from the model: its comments are gone
    created: bool = False


def accept(path: Path, chosen: list[Entity], *, alias_of: str | None = None) -> Accepted:
    """Add `chosen` to the entity file at `path` (created when missing) as entities of their own, or,
    with `alias_of`, their names as aliases of that entity; write atomically; say what was done."""
    result = Accepted(created=not path.exists())
    text = HEADER + "entities:\n" if result.created else path.read_text(encoding="utf-8")
    current = EntityIndex() if result.created else _load(path)
    if alias_of is not None:
        if alias_of not in current:
            raise AcceptError(f"--as {alias_of}: no entity {alias_of!r} in {path}")
        names = [n for e in chosen for n in e.names() if current.resolve(n) is None]
        names = list(dict.fromkeys(names))
        result.aliases = names
        edited = _with_aliases(text, alias_of, names)
        expected = [e.model_copy(update={"aliases": [*e.aliases, *names]}) if e.id == alias_of else e
                    for e in current.by_id.values()]
    else:
        taken = [e.id for e in chosen if e.id in current]
        if taken:
            raise AcceptError(f"{', '.join(taken)}: already in {path} (use --as ID to add the names to an entity)")
        ids = set(current.by_id) | {e.id for e in chosen}
        entities = [_accepted(e, ids, result) for e in chosen]
        result.added = [e.id for e in entities]
        edited = _with_entities(text, entities)
        expected = [*current.by_id.values(), *entities]
    if edited is None or _read_back(edited, path) != expected:
        edited = HEADER + dump_yaml({"entities": [_data(e) for e in expected]})
        result.rewritten = not result.created
    problems = _problems(edited, path)
    if problems:
        raise ProblemsError(problems)
    write_atomic(path, edited)
    return result


def _accepted(entity: Entity, ids: set[str], result: Accepted) -> Entity:
    """The proposal as an entry of the file: its review note gone, role organisations the file lacks left out."""
    roles = []
    for role in entity.roles:
        if role.organisation and role.organisation not in ids:
            result.dropped_roles.append((entity.id, role.organisation))
            role = Role(title=role.title)
        roles.append(role)
    return entity.model_copy(update={"roles": roles, "description": None})


def _data(entity: Entity) -> dict:
    data = entity.model_dump(mode="json", exclude_none=True, exclude_defaults=True) | {"kind": entity.kind.value}
    return {key: data[key] for key in ENTITY_ORDER if key in data}


def _with_entities(text: str, entities: list[Entity]) -> str | None:
    """`text` with `entities` added at the end of its `entities:` list, or None when it is written inline."""
    root = _compose(text)
    items = _value_of(root, "entities") if root is not None else None
    empty = isinstance(items, yaml.ScalarNode) and items.value in ("", "~", "null") or \
        isinstance(items, yaml.SequenceNode) and items.flow_style and not items.value
    if empty:  # `entities:` or `entities: []`: the items start on the next line
        lines = text.splitlines(keepends=True)
        line = lines[items.start_mark.line]
        lines[items.start_mark.line] = line[:items.start_mark.column].rstrip() + line[items.end_mark.column:].lstrip(" ")
        if not lines[items.start_mark.line].endswith("\n"):
            lines[items.start_mark.line] += "\n"
        block = _indented(dump_yaml([_data(e) for e in entities]), 2)
        return _insert("".join(lines), items.start_mark.line + 1, block)
    if not isinstance(items, yaml.SequenceNode) or items.flow_style:
        return None
    indent = items.value[0].start_mark.column - 2 if items.value else 2
    block = _indented(dump_yaml([_data(e) for e in entities]), indent)
    return _insert(text, _line_after(text, items), block)


def _with_aliases(text: str, entity_id: str, names: list[str]) -> str | None:
    """`text` with `names` added to the aliases of `entity_id`, or None when its entry cannot be edited."""
    if not names:
        return text
    root = _compose(text)
    items = _value_of(root, "entities") if root is not None else None
    entry = next((n for n in getattr(items, "value", []) if isinstance(n, yaml.MappingNode)
                  and getattr(_value_of(n, "id"), "value", None) == entity_id), None)
    if entry is None or entry.flow_style:
        return None
    aliases = _value_of(entry, "aliases")
    if isinstance(aliases, yaml.SequenceNode) and aliases.value and not aliases.flow_style:
        indent = aliases.value[-1].start_mark.column - 2
        return _insert(text, _line_after(text, aliases), _indented(dump_yaml(names), indent))
    if aliases is not None:
        return None  # `aliases: [a, b]` or empty: written anew
    indent = entry.value[0][0].start_mark.column
    block = _indented(dump_yaml({"aliases": names}), indent)
    return _insert(text, _line_after(text, entry.value[-1][1]), block)


def _compose(text: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None


def _value_of(mapping: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(mapping, yaml.MappingNode):
        return None
    return next((value for name, value in mapping.value if getattr(name, "value", None) == key), None)


def _line_after(text: str, node: yaml.Node) -> int:
    """The line after a node's last character (a block node ends at the start of what follows it)."""
    mark = node.end_mark
    if isinstance(node, (yaml.SequenceNode, yaml.MappingNode)) and not node.flow_style and node.value:
        last = node.value[-1]
        return _line_after(text, last[1] if isinstance(last, tuple) else last)
    return mark.line + (1 if mark.column > 0 else 0)


def _indented(block: str, indent: int) -> str:
    return "".join(" " * indent + line if line.strip() else line for line in block.splitlines(keepends=True))


def _insert(text: str, line: int, block: str) -> str:
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    return "".join(lines[:line]) + block + "".join(lines[line:])


def _read_back(text: str, path: Path) -> list[Entity] | None:
    try:
        return list(_load_text(text, path).by_id.values())
    except ProblemsError:
        return None


def _problems(text: str, path: Path) -> list[Problem]:
    try:
        _load_text(text, path)
    except ProblemsError as error:
        return error.problems
    return []


def _load(path: Path) -> EntityIndex:
    problems: list[Problem] = []
    index = load_entities(path, problems)
    if problems:
        raise ProblemsError(problems)
    return index


def _load_text(text: str, path: Path) -> EntityIndex:
    """The entities of `text` as `validate` reads them; problems name `path`, the file it will become."""
    with tempfile.TemporaryDirectory() as folder:
        draft = Path(folder) / path.name
        draft.write_text(text, encoding="utf-8")
        try:
            return _load(draft)
        except ProblemsError as error:
            raise ProblemsError([_renamed(p, draft, path) for p in error.problems]) from None


def _renamed(problem: Problem, draft: Path, path: Path) -> Problem:
    return replace(problem, path=str(path)) if problem.path == str(draft) else problem


"""Read a YAML file safely, keeping the line and column of every value.

Claims, entities and rules are written by people and arrive in pull requests, so reading them must
never execute anything, never exhaust memory, and never change a value silently. This reader builds
plain Python data from libyaml's event stream (the C parser when PyYAML has it) and:

- reads through the path policy (`factcheck.load.paths`): regular files inside the root only, no
  larger than `max_bytes` (checked on the open descriptor before reading);
- refuses anchors and aliases (no "billion laughs"), nesting deeper than `max_depth`, explicit tags
  other than `!!str`, and more than one document;
- reads plain scalars by YAML 1.2's core rules and reports the YAML 1.1 readings that would change
  a value: `NO`/`yes`/`on` (booleans in 1.1), `0123` (octal), `1:20` (base 60), `1_000`;
  the value is kept as the text it was written as, and the problem says to quote it;
- reports a duplicate mapping key instead of keeping the last one;
- records where each value starts, so later checks can point at `file:line:column`;
- bounds what a small file can cost: an integer of at most `MAX_INT_DIGITS` digits, at most
  `max_yaml_keys()` keys per mapping and `max_yaml_items()` items per list, evidence texts of at
  most `max_evidence_chars()` characters (each a located Y002).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from factcheck.load.paths import REFUSED, PathRefused, read_project_file
from factcheck.load.problems import Problem, display_path

try:  # libyaml's parser is an order of magnitude faster; the pure-Python one gives the same events.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

DEFAULT_MAX_BYTES = 10 * 1024 * 1024  # override with FACTCHECK_MAX_YAML_BYTES


def load_trusted_yaml(text: str) -> Any:
    """Plain data from YAML that factcheck itself wrote or ships (its own data files, a claims file it
    just dumped), with libyaml when present. Never for a user's file: that goes through `read_yaml`,
    which checks for aliases, tags, limits and YAML 1.1 traps and locates every problem."""
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader, C or Python
DEFAULT_MAX_DEPTH = 64
MAX_INT_DIGITS = 100  # an amount in base units needs far fewer; Python refuses to read over 4,300
DEFAULT_MAX_KEYS = 10_000  # per mapping; override with FACTCHECK_MAX_YAML_KEYS
DEFAULT_MAX_ITEMS = 100_000  # per list; override with FACTCHECK_MAX_YAML_ITEMS
DEFAULT_MAX_EVIDENCE_CHARS = 20_000  # per evidence text; override with FACTCHECK_MAX_EVIDENCE_CHARS

FieldPath = tuple[str | int, ...]

_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_YAML11_BOOL = {
    **{w: True for w in ("y", "Y", "yes", "Yes", "YES", "on", "On", "ON")},
    **{w: False for w in ("n", "N", "no", "No", "NO", "off", "Off", "OFF")},
}
_INT = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+\.[0-9]*|[0-9]+)([eE][-+]?[0-9]+)?$")
_SPECIAL_FLOAT = {".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf"), ".nan": float("nan")}
_OCTAL = re.compile(r"^[-+]?0[0-9_]+$")
_BASE60 = re.compile(r"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$")
_UNDERSCORED = re.compile(r"^[-+]?[0-9][0-9_]*_[0-9_]*(\.[0-9_]*)?$")
_DATE = re.compile(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$")
_STR_TAG = "tag:yaml.org,2002:str"


@dataclass
class YamlDocument:
    """A parsed file: its data, where each value starts, and what was wrong with it."""

    path: Path
    data: Any = None
    locations: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # The fast path's only places: the line of each claim (`claims[i]` at column 1), kept as the list it
    # found them in rather than as a place each (a tuple key and a tuple value a claim, made and read
    # again by the loader: a million claims at scale). `locate` reads it where `locations` has no entry.
    claim_lines: list[int] | None = None

    @property
    def shown_path(self) -> str:
        return display_path(self.path)

    def locate(self, field_path: FieldPath) -> tuple[int, int]:
        """Line and column of the value at `field_path`, or of its nearest enclosing value."""
        for end in range(len(field_path), -1, -1):
            found = self.locations.get(tuple(field_path[:end]))
            if found:
                return found
            if end == 2 and self.claim_lines is not None:
                found = self._claim_place(field_path[0], field_path[1])
                if found:
                    return found
        return (1, 1)

    def _claim_place(self, key: Any, index: Any) -> tuple[int, int] | None:
        """The place of `claims[index]` from `claim_lines`, as `locations[("claims", index)]` would give it."""
        if key == "claims" and isinstance(index, int) and 0 <= index < len(self.claim_lines or ()):
            return (self.claim_lines[index], 1)  # type: ignore[index]
        return None

    def problem(self, field_path: FieldPath, code: str, message: str) -> Problem:
        line, column = self.locate(field_path)
        return Problem(self.shown_path, line, column, code, message, format_field_path(field_path))


def format_field_path(field_path: FieldPath) -> str:
    """`('claims', 3, 'value')` -> `claims[3].value`."""
    text = ""
    for part in field_path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


class _Abort(Exception):
    """Stop reading: the file cannot be read further (a limit was hit)."""


def limit_from_env(name: str, default: int) -> int:
    """A positive whole number from the environment variable `name`, or `default`."""
    try:
        value = int(os.environ.get(name, default))
    except ValueError:
        return default
    return value if value > 0 else default


def max_yaml_bytes() -> int:
    """The largest YAML file read: FACTCHECK_MAX_YAML_BYTES, or 10 MiB."""
    return limit_from_env("FACTCHECK_MAX_YAML_BYTES", DEFAULT_MAX_BYTES)


def max_yaml_keys() -> int:
    """The most keys in one mapping: FACTCHECK_MAX_YAML_KEYS, or 10,000."""
    return limit_from_env("FACTCHECK_MAX_YAML_KEYS", DEFAULT_MAX_KEYS)


def max_yaml_items() -> int:
    """The most items in one list: FACTCHECK_MAX_YAML_ITEMS, or 100,000."""
    return limit_from_env("FACTCHECK_MAX_YAML_ITEMS", DEFAULT_MAX_ITEMS)


def max_evidence_chars() -> int:
    """The longest evidence text (`evidence.text`): FACTCHECK_MAX_EVIDENCE_CHARS, or 20,000 characters."""
    return limit_from_env("FACTCHECK_MAX_EVIDENCE_CHARS", DEFAULT_MAX_EVIDENCE_CHARS)


def read_yaml(path: Path, *, max_bytes: int | None = None, max_depth: int = DEFAULT_MAX_DEPTH,
              root: Path | None = None) -> YamlDocument:
    """Read one YAML file; problems are collected in the result, never raised. The file is read
    through the path policy (`factcheck.load.paths`): confined to `root` (default: the root of
    `path`), a regular file, its size checked before reading."""
    max_bytes = max_yaml_bytes() if max_bytes is None else max_bytes
    document = YamlDocument(path)
    shown = document.shown_path
    try:
        raw = read_project_file(path, max_bytes=max_bytes, root=root)
    except PathRefused as refusal:
        if refusal.too_large:
            document.problems.append(Problem(shown, 0, 0, "Y002", f"file is over the limit of {max_bytes} bytes "
                                             "(set FACTCHECK_MAX_YAML_BYTES to raise it)"))
        else:
            document.problems.append(Problem(shown, 0, 0, REFUSED, refusal.message))
        return document
    except OSError as error:
        document.problems.append(Problem(shown, 0, 0, "Y001", f"cannot read file: {error.strerror or error}"))
        return document
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        document.problems.append(Problem(shown, line, 1, "Y001", "file is not valid UTF-8"))
        return document
    _Builder(document, max_depth).build(text)
    return document


class _Builder:
    """Turns libyaml events into Python data, checking the safety rules as it goes."""

    def __init__(self, document: YamlDocument, max_depth: int) -> None:
        self.document = document
        self.max_depth = max_depth
        self.max_keys = max_yaml_keys()
        self.max_items = max_yaml_items()
        self.max_evidence = max_evidence_chars()

    def fail(self, mark: Any, code: str, message: str, field_path: FieldPath = ()) -> None:
        self.document.problems.append(
            Problem(self.document.shown_path, mark.line + 1, mark.column + 1, code, message,
                    format_field_path(field_path))
        )

    def build(self, text: str) -> None:
        try:
            self._build(yaml.parse(text, Loader=_Loader))
        except _Abort:
            pass
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            reason = error.problem or str(error)
            line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
            self.document.problems.append(Problem(self.document.shown_path, line, column, "Y001",
                                                  f"invalid YAML: {reason}"))
        except yaml.reader.ReaderError as error:  # a control character: located by its position
            before = text[: error.position]
            line, column = before.count("\n") + 1, error.position - (before.rfind("\n") + 1) + 1
            self.document.problems.append(Problem(self.document.shown_path, line, column, "Y001",
                                                  f"invalid YAML: character U+{error.character:04X} is not allowed "
                                                  f"({error.reason})"))
        except yaml.YAMLError as error:
            self.document.problems.append(Problem(self.document.shown_path, 0, 0, "Y001", f"invalid YAML: {error}"))

    def _build(self, events: Any) -> None:
        # Each open container is [value, field_path, pending_key, key_mark, seen_keys].
        stack: list[list[Any]] = []
        documents = 0
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    self.fail(event.start_mark, "Y002", "a file holds one YAML document; found a second")
                    raise _Abort
                continue
            if isinstance(event, yaml.AliasEvent):
                self.fail(event.start_mark, "Y002", "aliases (*name) are not allowed: write the value out")
                raise _Abort
            if isinstance(event, (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                if event.anchor is not None:
                    self.fail(event.start_mark, "Y002", f"anchors (&{event.anchor}) are not allowed: write values out")
                    raise _Abort
                if event.tag not in (None, "!", _STR_TAG) and not (
                    isinstance(event, yaml.SequenceStartEvent) and event.tag == "tag:yaml.org,2002:seq"
                ) and not (isinstance(event, yaml.MappingStartEvent) and event.tag == "tag:yaml.org,2002:map"):
                    self.fail(event.start_mark, "Y002", f"explicit tags ({event.tag}) are not allowed")
                    raise _Abort
            if isinstance(event, yaml.ScalarEvent):
                self._scalar(stack, event)
            elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                if len(stack) >= self.max_depth:
                    self.fail(event.start_mark, "Y002", f"nesting deeper than {self.max_depth} levels")
                    raise _Abort
                container: Any = [] if isinstance(event, yaml.SequenceStartEvent) else {}
                field_path = self._place(stack, container, event.start_mark)
                if field_path is None:
                    raise _Abort
                stack.append([container, field_path, None, None, set()])
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                stack.pop()

    def _scalar(self, stack: list[list[Any]], event: yaml.ScalarEvent) -> None:
        top = stack[-1] if stack else None
        if top is not None and isinstance(top[0], dict) and top[2] is None:
            # A mapping key: always text (a key is never meant as a boolean or a number).
            key = event.value
            if key in top[4]:
                self.fail(event.start_mark, "Y004", f"duplicate key {key!r}: each key may appear once",
                          top[1] + (key,))
            top[4].add(key)
            top[2], top[3] = key, event.start_mark
            return
        field_path = self._field_path(stack)
        if field_path[-2:] == ("evidence", "text") and len(event.value) > self.max_evidence:
            self.fail(event.start_mark, "Y002", f"evidence text of {len(event.value)} characters is over the limit "
                      f"of {self.max_evidence} (set FACTCHECK_MAX_EVIDENCE_CHARS to raise it)", field_path)
        value = self._resolve(event, field_path)
        if self._place(stack, value, event.start_mark) is None:
            raise _Abort

    def _field_path(self, stack: list[list[Any]]) -> FieldPath:
        if not stack:
            return ()
        top = stack[-1]
        if isinstance(top[0], dict):
            return top[1] + (top[2],)
        return top[1] + (len(top[0]),)

    def _place(self, stack: list[list[Any]], value: Any, mark: Any) -> FieldPath | None:
        field_path = self._field_path(stack)
        self.document.locations[field_path] = (mark.line + 1, mark.column + 1)
        if not stack:
            self.document.data = value
            return field_path
        top = stack[-1]
        if isinstance(top[0], dict):
            if isinstance(top[2], (dict, list)):
                self.fail(mark, "Y002", "mapping keys must be plain text")
                return None
            if len(top[0]) >= self.max_keys:
                self.fail(mark, "Y002", f"a mapping has more than {self.max_keys} keys "
                          "(set FACTCHECK_MAX_YAML_KEYS to raise the limit)", top[1])
                return None
            top[0][top[2]] = value
            top[2] = None
        else:
            if len(top[0]) >= self.max_items:
                self.fail(mark, "Y002", f"a list has more than {self.max_items} items "
                          "(set FACTCHECK_MAX_YAML_ITEMS to raise the limit)", top[1])
                return None
            top[0].append(value)
        return field_path

    def _resolve(self, event: yaml.ScalarEvent, field_path: FieldPath) -> Any:
        text = event.value
        if not (event.implicit[0] and not event.style and event.tag is None):
            return text  # quoted, block or !!str: always text
        value, surprise = read_plain_scalar(text)
        if surprise:
            code = "E004" if surprise.startswith("the date") else "Y002" if surprise.startswith("an integer") else "Y003"
            self.fail(event.start_mark, code, surprise, field_path)
        return value


def read_plain_scalar(text: str) -> tuple[Any, str | None]:
    """The value of an unquoted scalar by YAML 1.2's core rules, and what YAML 1.1 would have
    made of it differently (or of a date that does not exist), as a message; None when nothing."""
    if text in _NULL:
        return None, None
    if text in _BOOL:
        return _BOOL[text], None
    if text in _YAML11_BOOL:
        meaning = str(_YAML11_BOOL[text]).lower()
        return text, f"unquoted {text} is the boolean {meaning} in YAML 1.1: quote it ('{text}') for text, or write {meaning}"
    if _OCTAL.match(text):
        return text, (f"unquoted {text} is an octal number in YAML 1.1: quote it ('{text}') for text, "
                      "or drop the leading zero for a number")
    if _BASE60.match(text):
        return text, f"unquoted {text} is a base-60 number in YAML 1.1: quote it ('{text}')"
    if _UNDERSCORED.match(text):
        return text, (f"unquoted {text} is a number in YAML 1.1 but text in YAML 1.2: quote it, "
                      "or write the number without underscores")
    if _INT.match(text):
        digits = len(text.lstrip("+-"))
        if digits > MAX_INT_DIGITS:
            return text, f"an integer of {digits} digits is over the limit of {MAX_INT_DIGITS} digits"
        return int(text), None
    if _FLOAT.match(text):
        return float(text), None
    if text.lower() in _SPECIAL_FLOAT:
        return _SPECIAL_FLOAT[text.lower()], None
    match = _DATE.match(text)
    if match:
        year, month, day = (int(part) for part in match.groups())
        try:
            return dt.date(year, month, day), None
        except ValueError:
            return text, f"the date {text} does not exist"
    return text, None


def reads_back_as(text: str) -> bool:
    """Whether `text`, written unquoted, is read back as this same text with no problem."""
    value, surprise = read_plain_scalar(text)
    return surprise is None and value == text and isinstance(value, str)

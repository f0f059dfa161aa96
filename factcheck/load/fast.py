"""The fast load path: a claims file parsed by a native YAML parser, or not at all.

`read_yaml` (document.py) builds data from libyaml's events in Python and locates every value; at a
hundred thousand claims that is most of a report's time. `yaml-rs` (Rust) turns the same file into
plain data about ten times faster, but it reads more than we allow (anchors, aliases, tags, YAML 1.1
numbers such as `0123` or `1_000`, a quoted date as a date) and keeps no places. So the fast path
takes a file only when nothing in it can read differently, and gives up otherwise:

- the text holds no character libyaml refuses, no tab, no byte-order mark, no directive, no second
  document, no anchor, alias or tag at the start of a node, no number a YAML 1.1 reader sees otherwise
  (a leading zero, an underscore), no quoted or escaped text that `yaml-rs` would take for a date, no
  date alone on a line (block scalar content), no block scalar whose end the two read differently
  (kept, numbered, empty, or the whole file), and it ends with a newline;
- the data holds only text keys, no datetime, no text that `read_yaml` would read as something else
  or warn about (`yes`, `1:20`, `2019-02-30`), no integer over the digit limit, and stays within the
  depth, key, item and evidence-length limits.

Anything else, and any file with a problem at all, is read again by `read_yaml`, which reports the
problem with its place: the fast path never reports a problem of its own. Where each claim starts
(its line, shown in findings) is found by scanning the lines under `claims:`, checked against the
data. `tests/load/test_fast.py` runs both readers over every YAML file of the repository, generated
files, hostile inputs and seeded random texts, and compares data, claim lines and problems.
"""

from __future__ import annotations

import datetime as dt
import gc
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Union

import yaml_rs

from factcheck.load.document import (
    DEFAULT_MAX_DEPTH,
    MAX_INT_DIGITS,
    YamlDocument,
    max_evidence_chars,
    max_yaml_bytes,
    max_yaml_items,
    max_yaml_keys,
    reads_back_as,
)
from factcheck.load.paths import PathRefused, read_project_file

_NODE_START = r"(?:(?:\A|\n)[ \t]*|[:,\[{?\-][ \t]+|[\[{,:])"
_TOKEN_END = r"[ \t]*(?:#|\n|\Z|[,\]}])"
# A test of a text: a substring it holds, a pattern it matches somewhere, or a function of the text.
Probe = Union[str, "re.Pattern[str]", Callable[[str], object]]
# What only `read_yaml` may read. Each is a chain of tests, cheapest first, every one necessary for
# the next: only the last one decides, the others only spare it (Python's regular expressions try
# every position of a text unless the pattern starts with a literal character, which makes the
# deciding patterns the slow part of the fast path). A tuple in a chain is any of its tests.
# `(?=([ \t]*))\1` is `[ \t]*` that never gives back what it took (Python 3.10 has no `*+`).
_UNSAFE: tuple[tuple[Probe | tuple[Probe, ...], ...], ...] = (
    # what libyaml refuses, and NEL, CR, LS, PS (line breaks where the readers may differ) and BOM
    (lambda text: _refused_character(text),),
    ("\t", re.compile("\t")),  # a tab: libyaml refuses it as indentation, yaml-rs does not always
    ("%", re.compile(r"(?:\A|\n)%")),  # a directive
    ("\n", re.compile(r"\n(?:---|\.\.\.)(?=[ \t\n]|\Z)")),  # a second document, or the end of one
    ("&", re.compile(_NODE_START + "&")),  # an anchor
    ("*", re.compile(_NODE_START + "\\*")),  # an alias
    ("!", re.compile(_NODE_START + "!")),  # a tag
    # 0123, 0x1F, 1_000: numbers in YAML 1.1 (and to yaml-rs), text or a problem to read_yaml. Such a
    # token starts the text, or is a whole token of a 0 after a boundary (and a sign; told at each 0,
    # so that a hash such as `sha256: 05cd01...` does not send the text to the slow pattern below, which
    # tries every position: 620 µs a claims file), or has an underscore after a digit, a dot, a sign
    # or a boundary.
    ((re.compile(r"[-+0-9._]").match,
      re.compile(r"0(?:(?<=[\s:,\[{]0)|(?<=[\s:,\[{][-+]0))(?:[xXoObB][0-9a-fA-F_]*|[0-9_][0-9_.:eE+-]*)"
                 + _TOKEN_END),
      re.compile(r"_(?<=[-+0-9._\s:,\[{]_)")),
     re.compile(r"(?:\A|(?<=[\s:,\[{]))[-+]?(?:0[xXoObB][0-9a-fA-F_]*|0[0-9_][0-9_.:eE+-]*"
                r"|[0-9._]*_[0-9._eE+-]*)" + _TOKEN_END)),
    (re.compile(r"\A[-+]?[0-9._]"),),  # a number as the whole file
    (re.compile(r"\A(?:[ \t]*(?:#[^\n]*)?\n)*[ \t]*[|>]"),),  # a block scalar as the whole file
    # block scalars whose ends the two parsers read differently: kept (+) or indented by number, or
    # empty (the next line is no deeper than the header's), or a file that does not end with a newline
    ("|", re.compile(_NODE_START + r"\|(?:[-+]?[0-9]|[0-9]?\+)")),
    (">", re.compile(_NODE_START + r">(?:[-+]?[0-9]|[0-9]?\+)")),
    (("|", ">"), re.compile(r"[:\-?][ \t]+[|>]"),
     re.compile(r"(?:\A|\n)([ \t]*)[^\n]*?(?:[:\-?][ \t]+|\A[ \t]*)[|>][-+0-9]*[ \t]*(?:#[^\n]*)?"
                r"(?:\n|\Z)(?!\1[ \t]+\S)")),
    (lambda text: text[-1:] not in ("", "\n"),),  # the last character is not a line break
    # a quoted date or time (yaml-rs reads a quoted date as a date)
    (lambda text: _year_after(text, " \t\n", "\"'"),
     re.compile(r"[\"'][ \t\n]*[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt \t][^\"'\n]*)?[ \t\n]*[\"']")),
    ("\\", re.compile(r"\\[xuU\n]")),  # an escape that could spell a date
    # a date alone on a line
    (lambda text: _year_after(text, " \t", "\n", at_start=True),
     re.compile(r"(?:\A|\n)[ \t]*[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}[ \t]*(?:\n|\Z)")),
)
# The characters `_UNSAFE`'s first chain refuses; every other ASCII character is allowed.
_REFUSED = re.compile("[^\t\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
_ALLOWED_ASCII = bytes([9, 10, *range(0x20, 0x7F)])
_YEAR_DASH = re.compile(r"-(?<=[0-9]{4}-)")  # a dash after four digits, as a date's year is written
# The first letters of text `read_plain_scalar` may read as something else: numbers, dates, null,
# true/false and YAML 1.1's yes/no/on/off; other text reads back as itself.
_SIGNS = frozenset("-+.0123456789~")
_WORDS = frozenset("yYnNoOtTfF")
_CLAIMS_KEY = re.compile(r"(?m)^claims:[ \t]*(?:#.*)?$")
_FIRST_LINE = re.compile(r"\n(?:[ \t]*(?:#[^\n]*)?\n)*([ \t]*)-[ \t]")  # the first item of a block list
_STRICT = yaml_rs.AliasLimits(max_total_replayed_events=0)
_INT_LIMIT = 10**MAX_INT_DIGITS  # the least integer of more than MAX_INT_DIGITS digits
FREEZE_FROM = 100_000  # objects made (and alive) in a pause, from which `paused_gc(keep=True)` freezes them


class _Unsafe(Exception):
    """The data holds something only `read_yaml` may judge."""


@contextmanager
def paused_gc(*, keep: bool = False) -> Iterator[None]:
    """No cyclic garbage collection while bulk loading: the data makes no cycles, and the collector
    would walk every new object again and again (it more than doubles load time at scale). With
    `keep`, when the pause made many objects (a loaded corpus, kept to the end of the run), what is
    alive is moved out of the collector's sight (`gc.freeze`): else the first collection after the
    pause walks all of it (0.4 s at 100k claims), and each full one later walks it again. Freed
    objects are still freed; a small load (the seeds, a test) is left to the collector as before."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
        if keep and gc.get_count()[0] >= FREEZE_FROM:
            gc.freeze()
    finally:
        if enabled:
            gc.enable()


def read_yaml_fast(path: Path, *, root: Path | None = None) -> YamlDocument | None:
    """The file's data, parsed natively, with the line of each claim; None when only `read_yaml`
    may read it (it is unsafe, unusual, or wrong in any way)."""
    try:
        raw = read_project_file(path, max_bytes=max_yaml_bytes(), root=root)
        text = raw.decode("utf-8")
    except (PathRefused, OSError, UnicodeDecodeError):
        return None
    return parse_fast(path, text, raw)


def parse_fast(path: Path, text: str, raw: bytes | None = None) -> YamlDocument | None:
    """`text` as `read_yaml` would read it, or None when the fast path cannot be sure (`raw`: the text
    in UTF-8, when the caller read it so)."""
    if unsafe_text(text, raw):
        return None
    try:
        data = yaml_rs.loads(text, alias_limits=_STRICT)
        _check(data, 1, (DEFAULT_MAX_DEPTH, max_yaml_keys(), max_yaml_items(), max_evidence_chars()))
    except (yaml_rs.YAMLDecodeError, _Unsafe, RecursionError, ValueError):
        return None
    document = YamlDocument(path, data)
    if isinstance(data, dict) and "claims" in data:
        lines = claim_lines(text, data["claims"])
        if lines is None:
            return None
        document.claim_lines = lines  # each claim's place, `claims[i]` at column 1 (`YamlDocument.locate`)
    return document


def unsafe_text(text: str, raw: bytes | None = None) -> bool:
    """Whether the text holds anything that only `read_yaml` may read (`_UNSAFE`); `raw`, the text in
    UTF-8 when the caller has it, spares encoding it again for the first chain."""
    if _refused_character(text, raw):
        return True
    for chain in _CHAINS[1:]:  # loops, not all() and any() of generators: most tests cost less than those
        for test in chain:
            if not test(text):
                break
        else:
            return True
    return False


def _refused_character(text: str, raw: bytes | None = None) -> bool:
    """Whether `text` holds a character `_REFUSED` names. The allowed ASCII bytes are deleted from its
    UTF-8 (`raw`) first, in one pass (a tenth of the pattern's time over a 29 KB claims file); what is
    left is each refused ASCII character and each non-ASCII character whole, in order, since UTF-8
    writes those with bytes from 0x80 only, and the pattern decides on that."""
    rest = (text.encode("utf-8", "surrogatepass") if raw is None else raw).translate(None, _ALLOWED_ASCII)
    return bool(rest) and _REFUSED.search(rest.decode("utf-8", "surrogatepass")) is not None


_last_years: list[tuple[str, list[int]]] = [("", [])]  # the last text's year dashes: two chains ask for them


def _year_after(text: str, blanks: str, marks: str, *, at_start: bool = False) -> bool:
    """Whether a year and its dash (`_YEAR_DASH`) follows one of `marks` (or the text's start, when
    `at_start`) with only `blanks` between: the front of the quoted-date and lone-date patterns, told
    at each of the few dashes after four digits (a claims file has one or two in a date per claim)
    instead of at each of its quotes or line breaks."""
    last = _last_years[0]
    if last[0] is not text:
        last = _last_years[0] = (text, [found.start() for found in _YEAR_DASH.finditer(text)])
    for dash in last[1]:
        before = dash - 5
        while before >= 0 and text[before] in blanks:
            before -= 1
        if (text[before] in marks) if before >= 0 else at_start:
            return True
    return False


def _compiled(test: Probe | tuple[Probe, ...]) -> Callable[[str], bool]:
    """A test of `_UNSAFE` as one call: told apart once, here, rather than on every text."""
    if isinstance(test, tuple):
        tests = tuple(_compiled(each) for each in test)
        return lambda text: any(each(text) for each in tests)
    if isinstance(test, str):
        return lambda text: test in text
    if isinstance(test, re.Pattern):
        search = test.search
        return lambda text: search(text) is not None
    return lambda text: bool(test(text))


_CHAINS = tuple(tuple(_compiled(test) for test in chain) for chain in _UNSAFE)


def _check(value: Any, depth: int, limits: tuple[int, int, int, int]) -> None:
    """Raise _Unsafe unless `value` is what `read_yaml` gives for the same text, with no problem. Told by
    exact type (yaml-rs makes no subclass; anything else is declined). A mapping's or a list's strings,
    integers and other scalars (most nodes) are told in its own loop (`_scalar_is_safe`, written out
    there), not in a call each: only mappings and lists recurse."""
    kind = type(value)
    if kind is dict:
        if depth > limits[0] or len(value) > limits[1]:
            raise _Unsafe
        for key, item in value.items():
            if type(key) is not str:
                raise _Unsafe
            kind = type(item)
            if kind is str:  # `_scalar_is_safe`'s test of a string, written out
                if len(item) > limits[3] or not item or ((item[0] in _SIGNS or (item[0] in _WORDS and len(item) < 6))
                                                         and not reads_back_as(item)):
                    raise _Unsafe
            elif kind is dict or kind is list:
                _check(item, depth + 1, limits)
            elif kind is int:  # written out too: two of a claim's scalars are its evidence's offsets
                if not -_INT_LIMIT < item < _INT_LIMIT:
                    raise _Unsafe
            elif not _scalar_is_safe(item, limits):
                raise _Unsafe
    elif kind is list:
        if depth > limits[0] or len(value) > limits[2]:
            raise _Unsafe
        for item in value:
            kind = type(item)
            if kind is dict or kind is list:
                _check(item, depth + 1, limits)
            elif not _scalar_is_safe(item, limits):
                raise _Unsafe
    elif not _scalar_is_safe(value, limits):
        raise _Unsafe


def _scalar_is_safe(value: Any, limits: tuple[int, int, int, int]) -> bool:
    """Whether a node that is neither a mapping nor a list reads back as `read_yaml` reads it: a string
    within the evidence limit that no YAML 1.1 rule reads as something else, an integer within the digit
    limit, a boolean, null, a float or a date (a datetime, or anything else, `read_yaml` keeps as text)."""
    kind = type(value)
    if kind is str:
        return not (len(value) > limits[3] or not value or ((value[0] in _SIGNS or (value[0] in _WORDS and len(value) < 6))
                                                           and not reads_back_as(value)))
    if kind is int:
        return -_INT_LIMIT < value < _INT_LIMIT  # more than MAX_INT_DIGITS digits, without writing them out
    return kind is bool or value is None or kind is float or kind is dt.date


def claim_lines(text: str, claims: Any) -> list[int] | None:
    """The line where each item of the top-level `claims:` list starts (its first key), found by
    scanning the text after `claims:`; None unless every item was found and its first key matches.
    Every line from the first item to the end of the text that starts at the items' indent with `-` must
    be an item this scan understands, and there must be as many as the list holds: where the list ends
    is not looked for (a search that stopped at each of a file's line breaks, a third of this scan), so
    a list followed by another at the same indent is declined (read by `read_yaml`), never misread."""
    if not isinstance(claims, list):
        return None
    if not claims:
        return []
    found = _CLAIMS_KEY.search(text)
    first = _FIRST_LINE.match(text, found.end()) if found else None  # the line right after `claims:` (blank and comment lines aside)
    if first is None:
        return None
    indent = first.group(1)
    items = list(re.compile(rf"\n{indent}-[ \t]+([^\s#'\"][^:#\n]*?):(?:[ \t]|\n)").finditer(text, first.start()))
    if len(items) != len(claims) or text.count(f"\n{indent}-", first.start()) != len(items):
        return None  # an item this scan does not understand (`-` alone on its line, a quoted key), or another list
    lines: list[int] = []
    line, position = text.count("\n", 0, first.start()) + 2, first.start() + 1
    for item, match in zip(claims, items):
        if not isinstance(item, dict) or next(iter(item), None) != match.group(1):
            return None
        line += text.count("\n", position, match.start() + 1)
        position = match.start() + 1
        lines.append(line)
    return lines

"""Hostile inputs for the fuzzer: real shipped files, mutated the way a careless or hostile pull request would.

An input is bytes. It starts from a seed (a real claims, entity, rule, cue... file), optionally
rewritten as data (a value anywhere in the tree replaced by one of the wrong type, a key dropped or
added) and then damaged as text: a BOM, NUL, CRLF or a lone CR, invalid UTF-8, a 100,000-character
line, deep nesting, anchors and aliases, tags, huge integers, `.nan`/`.inf`, duplicate keys (a line
repeated), lines dropped, swapped or re-indented, the file cut short. Every strategy draws a few
integers and applies the edits in plain Python, so an input costs microseconds, whatever its size.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

try:
    from yaml import CSafeDumper as _Dumper
except ImportError:  # pragma: no cover
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]

ROOT = Path(__file__).resolve().parents[2]

# Scalars written as YAML text where a value goes: each one is a reading a reader must survive.
HOSTILE_SCALARS = [
    "9" * 101, "-" + "9" * 5000, "1" + "0" * 4301, "1e999", "-1e999", "1e-999", ".nan", ".NaN", ".inf", "-.inf", "+.inf",
    "0x1F", "0o17", "0123", "1:20", "1_000", "-0", "0", "-1", "2147483648", "18446744073709551616", "3.0",
    "yes", "NO", "on", "off", "y", "~", "null", "true", "FALSE", "''", '""', "' '",
    "2019-02-30", "2019-13-01", "0000-00-00", "9999-12-31", "2019-08-22T10:00:00Z", "2019-8-2", "10000-01-01",
    "&a value", "*a", "&a [1, 2]", "<<: *a", "!!python/object/apply:os.system ['id']", "!!binary aGVsbG8=",
    "!!int '3'", "!!str 3", "!custom x", "!!set {a, b}", "!!omap [a: 1]", "!<tag:yaml.org,2002:int> 5",
    "[]", "{}", "[[[[[[]]]]]]", "{a: {b: {c: {}}}}", "[1, [2, [3]]]", "{? [a]: b}", "[a: 1]",
    "|\n  block\n  text", ">-\n  folded", "'\\x00'", '"\\0\\a\\e\\x1b[2J"', '"\\u202e\\u2028\\x85"', '"\\uD800"',
    "\ufeff", "\u00e9t\u00e9", "\U0001F600", "a\tb", "%TAG ! tag:x,2000:", "--- ", "...", "- x", "? x", ": x",
    "@x", "`x`", "|", ">", "#", "'unterminated", '"unterminated', "[unclosed", "{unclosed", "a: b: c",
    "../../../../etc/passwd", "/proc/self/environ", "/dev/zero", "::error file=x::pwned", "{subject:>999999999}",
    "{values:d}", "{subject!r}", "(a+)+$", "(\\s\\w+)*", "(", "[z-a]", "(?P<x>a)(?P=y)",
]

# Values put into a parsed tree, where a field of another type was: wrong types at every field.
HOSTILE_VALUES: list[Any] = [
    None, True, False, 0, -1, 10**101, 2**64, 1.5, float("nan"), float("inf"), float("-inf"), "", " ", "x" * 5000,
    "NO", "0123", "1:20", "2019-02-30", dt.date(2019, 2, 28), [], {}, [None], {"": None}, {"x": [1, {"y": []}]},
    ["a", 1, None], {1: 2}, {"id": "../x"}, "Bad Id", "a\x00b", "\x1b]0;title\x07", "\u202eevil", "::error::x",
    "{subject:>99}", "(a+)+$",
]

BOMS = [b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00"]
BAD_BYTES = [b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xc0\xaf", b"\x80", b"\xe2\x82"]
ODD_TEXT = ["\x00", "\r", "\r\n", "\x85", "\u2028", "\u2029", "\x0b", "\x0c", "\x1b[2J", "\x07", "\t", "\ufeff",
            "\u202e", "\U0001F600", "\ud7ff", "\x7f", "\n---\n", "\n...\n", "\n%YAML 1.1\n", "\n%TAG !e! tag:x:\n"]
LONG_LINE_LENGTH = 100_000


def seed_texts(*patterns: str) -> list[bytes]:
    """The bytes of every file under the repository matching the glob patterns, sorted, non-empty."""
    found = sorted({p for pattern in patterns for p in ROOT.glob(pattern) if p.is_file()})
    seeds = [p.read_bytes() for p in found]
    if not seeds:
        raise FileNotFoundError(f"no seed files match {patterns}")
    return seeds


def _dump(data: Any) -> bytes:
    try:
        return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000).encode("utf-8", "surrogatepass")
    except (yaml.YAMLError, RecursionError, ValueError, TypeError):
        return repr(data).encode("utf-8", "surrogatepass")


def _paths(data: Any, prefix: tuple[Any, ...] = (), out: list[tuple[Any, ...]] | None = None) -> list[tuple[Any, ...]]:
    """Every path to a value of the tree (the root included), depth first."""
    out = [] if out is None else out
    out.append(prefix)
    if isinstance(data, dict):
        for key, value in data.items():
            _paths(value, prefix + (key,), out)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            _paths(value, prefix + (index,), out)
    return out


def _nested(depth: int, kind: int) -> Any:
    value: Any = "leaf"
    for _ in range(depth):
        value = [value] if kind == 0 else {"k": value}
    return value


def _rewritten(draw: st.DrawFn, tree: Any) -> bytes:
    """The seed's data with one to three values replaced, keys dropped or added, then dumped as YAML."""
    import copy

    data = copy.deepcopy(tree)
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(data)
        path = paths[draw(st.integers(0, len(paths) - 1))]
        action = draw(st.integers(0, 5))
        if action == 5:
            replacement: Any = _nested(draw(st.integers(1, 90)), draw(st.integers(0, 1)))
        elif action == 4:
            replacement = draw(st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
                                            lambda inner: st.lists(inner, max_size=3)
                                            | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=8))
        else:
            replacement = copy.deepcopy(HOSTILE_VALUES[draw(st.integers(0, len(HOSTILE_VALUES) - 1))])  # never edit the table
        if not path:
            if action == 3 and isinstance(data, dict):
                data[draw(st.sampled_from(["unknown", "id", "version", "x"]))] = replacement
            else:
                data = replacement
            continue
        parent = data
        for step in path[:-1]:
            parent = parent[step]
        if action == 3 and isinstance(parent, dict):
            del parent[path[-1]]  # a missing field
        elif action == 2 and isinstance(parent, dict):
            parent[f"{path[-1]}_extra"] = replacement  # an unknown field
        else:
            parent[path[-1]] = replacement
    return _dump(data)


def _line_starts(text: bytes) -> list[int]:
    return [0] + [i + 1 for i, byte in enumerate(text) if byte == 0x0A]


def _damaged(draw: st.DrawFn, text: bytes) -> bytes:
    """`text` with zero to four edits of the kinds a hostile file brings."""
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.integers(0, 17))
        at = draw(st.integers(0, len(text)))
        starts = _line_starts(text)
        line = draw(st.integers(0, len(starts) - 1))
        line_start = starts[line]
        line_end = starts[line + 1] if line + 1 < len(starts) else len(text)
        if kind == 0:  # a byte order mark, sometimes with the whole file in that encoding
            bom = draw(st.sampled_from(BOMS))
            if bom in (b"\xff\xfe", b"\xfe\xff") and draw(st.booleans()):
                encoded = text.decode("utf-8", "replace").encode("utf-16-le" if bom == b"\xff\xfe" else "utf-16-be")
                text = bom + encoded
            else:
                text = bom + text
        elif kind == 1:  # CRLF everywhere, or lone CRs
            text = text.replace(b"\n", draw(st.sampled_from([b"\r\n", b"\r", b"\n\r", b"\r\r\n"])))
        elif kind == 2:
            text = text[:at] + draw(st.sampled_from(BAD_BYTES)) + text[at:]
        elif kind == 3:
            text = text[:at] + draw(st.sampled_from(ODD_TEXT)).encode("utf-8", "surrogatepass") + text[at:]
        elif kind == 4:  # a very long line: in a scalar, in a key, or a line of its own
            filler = draw(st.sampled_from([b"a", b" ", b"\xc3\xa9", b"9", b"[", b"{a: ", b"- ", b"x, "]))
            size = draw(st.sampled_from([LONG_LINE_LENGTH, 20_001, 4_301, 1_000]))
            text = text[:at] + filler * (size // len(filler)) + text[at:]
        elif kind == 5:  # deep nesting, flow or block
            depth = draw(st.sampled_from([63, 64, 65, 100, 1_000, 10_000]))
            style = draw(st.integers(0, 2))
            nest = (b"[" * depth + b"]" * depth if style == 0 else b"{a: " * depth + b"1" + b"}" * depth if style == 1
                    else b"".join(b"  " * i + b"k:\n" for i in range(min(depth, 200))))
            text = text[:line_end] + nest + b"\n" + text[line_end:]
        elif kind == 6:  # a value replaced by a hostile scalar
            body = text[line_start:line_end]
            colon = body.find(b": ")
            scalar = draw(st.sampled_from(HOSTILE_SCALARS)).encode("utf-8", "surrogatepass")
            if colon >= 0:
                text = text[:line_start] + body[:colon + 2] + scalar + b"\n" + text[line_end:]
            else:
                text = text[:at] + scalar + text[at:]
        elif kind == 7:  # a line repeated: a duplicate key or item
            text = text[:line_end] + text[line_start:line_end] + text[line_end:]
        elif kind == 8:
            text = text[:line_start] + text[line_end:]
        elif kind == 9:  # two lines swapped
            other = draw(st.integers(0, len(starts) - 1))
            a, b = sorted((line, other))
            if a != b:
                a_end = starts[a + 1]
                b_end = starts[b + 1] if b + 1 < len(starts) else len(text)
                text = text[:starts[a]] + text[starts[b]:b_end] + text[a_end:starts[b]] + text[starts[a]:a_end] + text[b_end:]
        elif kind == 10:  # indentation changed
            text = text[:line_start] + draw(st.sampled_from([b" ", b"  ", b"   ", b"\t"])) + text[line_start:]
        elif kind == 11:
            text = text[:at]
        elif kind == 12:  # a byte flipped
            if text:
                spot = min(at, len(text) - 1)
                text = text[:spot] + bytes([draw(st.integers(0, 255))]) + text[spot + 1:]
        elif kind == 13:  # an alias bomb, or an anchor and its alias
            bomb = (b"a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                    b"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n")
            text = draw(st.sampled_from([bomb + text, text[:at] + b" &anchor " + text[at:], text[:at] + b" *anchor" + text[at:],
                                         text + b"\nextra: *undefined\n", text + b"\n<<: {merged: 1}\n"]))
        elif kind == 14:  # a second document, or a directive
            text = draw(st.sampled_from([text + b"\n---\n" + text[:200], b"%YAML 1.1\n---\n" + text, b"--- !!map\n" + text,
                                         text + b"\n...\n", b"%YAML 2.0\n---\n" + text]))
        elif kind == 15:  # an explicit tag before a value
            tag = draw(st.sampled_from([b"!!python/object/apply:os.system ", b"!!python/name:os.system ", b"!!binary ",
                                        b"!!str ", b"!!int ", b"!local ", b"!!float ", b"!!timestamp "]))
            text = text[:at] + tag + text[at:]
        elif kind == 16:  # a key repeated in the same mapping, explicitly
            body = text[line_start:line_end]
            colon = body.find(b":")
            if colon > 0:
                key = body[:colon]
                text = text[:line_end] + key + b": again\n" + text[line_end:]
        else:  # many keys or items in one mapping or list
            count = draw(st.sampled_from([10_001, 20_000, 100_001]))
            form = draw(st.integers(0, 2))
            if form == 0:
                text = b"".join(b"k%d: 1\n" % i for i in range(count))
            elif form == 1:
                text = b"[" + b"1," * count + b"]\n"
            else:
                text = text + b"\nextra:\n" + b"".join(b"  k%d: 1\n" % i for i in range(min(count, 20_000)))
    return text


class Seeds:
    """The seed files of a reader and their data; shown by name, since hypothesis shows its arguments."""

    def __init__(self, name: str, texts: list[bytes]) -> None:
        self.name = name
        self.texts = texts
        self.trees = parsed_trees(texts)

    def __repr__(self) -> str:
        return f"Seeds({self.name!r}, {len(self.texts)} files)"


@st.composite
def hostile_yaml(draw: st.DrawFn, corpus: Seeds) -> bytes:
    """A seed, perhaps rewritten as data, then damaged as text; sometimes a wholly generated document."""
    seeds, trees = corpus.texts, corpus.trees
    choice = draw(st.integers(0, 9))
    index = draw(st.integers(0, len(seeds) - 1))
    if choice == 0:  # a generated document
        text = _dump(draw(st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)
                                       | st.dates(), lambda inner: st.lists(inner, max_size=5)
                                       | st.dictionaries(st.text(max_size=10), inner, max_size=5), max_leaves=30)))
    elif choice <= 4 and trees[index] is not None:
        text = _rewritten(draw, trees[index])
    else:
        text = seeds[index]
    return _damaged(draw, text)


def parsed_trees(seeds: list[bytes]) -> list[Any]:
    """Each seed's data (None when it is not plain YAML: a broken fixture), for rewriting as data."""
    trees = []
    for seed in seeds:
        try:
            loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
            if any(isinstance(event, yaml.AliasEvent) for event in yaml.parse(seed, Loader=loader)):
                trees.append(None)  # an alias bomb fixture: as data it would be exponential
                continue
            trees.append(yaml.load(seed, Loader=loader))
        except (yaml.YAMLError, ValueError):  # a broken fixture: mutated as text only
            trees.append(None)
    return trees


@st.composite
def hostile_text(draw: st.DrawFn, corpus: Seeds) -> bytes:
    """A source text: a real article (or a part of it), damaged: encodings, BOMs, NUL, CRLF, long lines."""
    seeds = corpus.texts
    text = seeds[draw(st.integers(0, len(seeds) - 1))]
    if draw(st.booleans()):
        start = draw(st.integers(0, max(0, len(text) - 1)))
        text = text[start:start + draw(st.sampled_from([200, 1_000, 3_000]))]
    choice = draw(st.integers(0, 5))
    if choice == 0:
        text = draw(st.text(max_size=300)).encode("utf-8", "surrogatepass")
    elif choice == 1:
        text = draw(st.binary(max_size=300))
    elif choice == 2:
        encoding = draw(st.sampled_from(["utf-16", "utf-16-le", "utf-32", "latin-1", "cp1252", "shift_jis"]))
        text = text.decode("utf-8", "replace").encode(encoding, "replace")
    return _damaged(draw, text)

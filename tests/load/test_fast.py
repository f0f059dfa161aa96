"""The fast load path reads what the line-tracking reader reads, or declines: identical data, claim
lines and problems, over every YAML file of the repository, generated projects and hostile inputs."""

from __future__ import annotations

import math
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from factcheck.load import corpus as corpus_module
from factcheck.load import parse_pool
from factcheck.load.corpus import load_corpus
from factcheck.load.document import YamlDocument, read_yaml
from factcheck.load.fast import (
    _INT_LIMIT,
    _REFUSED,
    _CHAINS,
    _UNSAFE,
    _YEAR_DASH,
    _Unsafe,
    _check,
    _scalar_is_safe,
    claim_lines,
    parse_fast,
    paused_gc,
    unsafe_text,
)
from factcheck.load.problems import ProblemsError

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus_gen import generate  # noqa: E402


def same(one: Any, other: Any) -> bool:
    """Equal data, with types (1 is not 1.0 nor True) and NaN equal to itself."""
    if type(one) is not type(other):
        return False
    if isinstance(one, dict):
        return list(one) == list(other) and all(same(one[k], other[k]) for k in one)
    if isinstance(one, list):
        return len(one) == len(other) and all(same(a, b) for a, b in zip(one, other))
    if isinstance(one, float) and math.isnan(one):
        return math.isnan(other)
    return one == other


def assert_agrees(path: Path, text: str) -> bool:
    """The fast reader gives read_yaml's data and claim lines, or declines; True when it read the file."""
    fast = parse_fast(path, text)
    if fast is None:
        return False
    slow = read_yaml(path)
    assert slow.problems == [], f"{path}: the fast path read a file with problems: {slow.problems}"
    assert same(fast.data, slow.data), path
    assert fast.locations == {}  # the fast path's only places are the claims' lines
    for index, line in enumerate(fast.claim_lines or ()):
        assert slow.locations[("claims", index)][0] == line, (path, index)
        assert fast.locate(("claims", index)) == (line, 1) == fast.locate(("claims", index, "value", "text"))
    return True


def repository_yaml() -> list[Path]:
    listed = subprocess.run(["git", "ls-files", "*.yaml", "*.yml"], cwd=ROOT, capture_output=True, text=True,
                            check=True).stdout.split()
    return [ROOT / name for name in listed if (ROOT / name).is_file()]


def test_every_yaml_file_of_the_repository() -> None:
    files = repository_yaml()
    assert len(files) > 50
    read = sum(assert_agrees(path, path.read_text(encoding="utf-8", errors="replace")) for path in files)
    assert read > len(files) // 2  # most real files take the fast path
    assert assert_agrees(ROOT / "claims/diplomat-2019-08.yaml",
                         (ROOT / "claims/diplomat-2019-08.yaml").read_text(encoding="utf-8"))


def test_generated_files(tmp_path: Path) -> None:
    planted = generate(tmp_path, 12, 40, conflicts=4, seed=3)
    files = sorted(planted.claims_dir.glob("*.yaml"))
    assert all(assert_agrees(path, path.read_text(encoding="utf-8")) for path in files)


HOSTILE = [
    "a: &x 1\nb: *x\n", "a: !!str 12\n", "a: !foo x\n", "%YAML 1.2\n---\na: 1\n", "a: 1\n---\nb: 2\n",
    "a: 1\n...\n", "a: 0123\n", "a: 0x1F\n", "a: 0o17\n", "a: 1_000\n", "a: +1_0\n", "a: yes\n", "a: NO\n",
    "a: on\n", "a: 1:20\n", "a: 2019-02-30\n", 'a: "2019-08-22"\n', "a: '2019-08-22'\n",
    'a: "2019\\x2d08-22"\n', "a: |-\n  2019-08-22\n", "a: 2019-08-22T10:00:00Z\n", "a: 2019-08-22 10:00\n",
    "a: 2019-8-2\n", "1: x\n", "null: 1\n", "? [a]\n: 1\n", "a: 1\na: 2\n", "a: b: c\n", "a: \x07\n",
    "\ufeffa: 1\n", "a: 1\r\nb: 2\r\n", "a: x\x85y\n", "a: x\u2028y\n", "a: " + "9" * 101 + "\n", "[" * 70 + "]" * 70,
    "a: .iNf\n", "a: ''\n", "a:\n", "a: ~\n", "a: TRUE\n", "a: tRUE\n", "a: 1e3\n", "a: 1.\n", "a: .5\n",
    "a: -.inf\n", "a: .NaN\n", "a: 00.5\n", "a: 20190822\n", "a: [1, 'x', \"y\", {b: 2019-08-22}]\n",
    "'0123': x\n", "a: >\n  folded\n  text\n", "a: |\n  kept\n  lines\n", "a: 'it''s'\n", 'a: "caf\\u00e9"\n',
    "- a\n- - b\n  - c\n", "", "# nothing\n", "just text\n", "12\n", "a: x # comment\n", "a:\tb\n",
    '"2019-08-22": x\n', "'2019-08-22'\n", "2019-08-22\n",  # a date at the very start, quoted or alone
    "sha256: 05cd01e9\n", "a: [0x1F, -0_1, +07]\n", "a: {b: 0b1}\n",  # a 0 starting a hash, and numbers
    "a: " + "9" * 100 + "\n", "a: -1" + "0" * 100 + "\n", "a: [-" + "9" * 100 + "]\n",  # at the digit limit
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_inputs_agree_or_decline(tmp_path: Path, text: str) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    assert_agrees(path, text)


@pytest.mark.parametrize("text", ["a: &x 1\n", "a: *x\n", "a: !!str 1\n", "a: 0123\n", "a: 1_000\n", "a: yes\n",
                                  'a: "2019-08-22"\n', "a: 2019-08-22T10:00:00\n", "a: 1\n---\nb: 2\n", "1: x\n"])
def test_declines_what_only_read_yaml_may_judge(tmp_path: Path, text: str) -> None:
    assert parse_fast(tmp_path / "f.yaml", text) is None


def test_claim_lines_of_a_list_at_the_key_indent() -> None:
    text = "source: {id: s}\nclaims:\n# first\n- id: a\n  kind: date\n\n- id: b\nafter: 1\n"
    assert claim_lines(text, [{"id": "a", "kind": "date"}, {"id": "b"}]) == [4, 7]
    assert claim_lines(text, [{"id": "a"}]) is None  # the count differs
    assert claim_lines("claims:\n  -\n    id: a\n", [{"id": "a"}]) is None  # `-` alone: not understood


@pytest.mark.parametrize("text", [
    "source: {id: s}\nclaims:\n  [{id: a}]\nother:\n  - id: a\n",  # a flow list, then another key's block list
    "claims:\n  - id: a\nother:\n  - id: b\n",  # a list after the claims, at their indent
    "claims:\n  - id: a\nsource:\n  authors:\n  - id: b\n",
    "claims:\n\n  # first\n  [{id: a}]\n  - id: a\n",
])
def test_claim_lines_never_from_another_list(tmp_path: Path, text: str) -> None:
    """Lines are taken from the block list right under `claims:` only, and every line at its items'
    indent that starts with `-` after it must be one of its items: else the fast path declines (the flow
    list was read as the next block list's item before, on the wrong line)."""
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    fast = parse_fast(path, text)
    assert fast is None or not fast.claim_lines
    assert_agrees(path, text)


def load_both(paths: list[Path], monkeypatch: pytest.MonkeyPatch) -> tuple[Any, Any]:
    """load_corpus's outcome (a Corpus or its problems) with and without the fast path."""
    def outcome() -> Any:
        try:
            return load_corpus(paths)
        except ProblemsError as error:
            return [str(p) for p in error.problems]

    fast = outcome()
    with monkeypatch.context() as patched:
        patched.setattr(parse_pool, "parse_fast", lambda path, text, raw=None: None)
        slow = outcome()
    return fast, slow


def test_load_corpus_identical_on_the_seeds_and_a_generated_project(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    for paths in ([ROOT / "claims"], [generate(tmp_path, 10, 30, seed=5).claims_dir]):
        fast, slow = load_both(paths, monkeypatch)
        assert [c.claim for c in fast.claims()] == [c.claim for c in slow.claims()]
        assert [(c.path, c.line) for c in fast.claims()] == [(c.path, c.line) for c in slow.claims()]


def test_load_corpus_identical_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    claims_dir = generate(tmp_path, 4, 10, seed=5).claims_dir
    first = claims_dir / "s000000.yaml"
    first.write_text(first.read_text(encoding="utf-8").replace("kind: date", "kind: dates", 1)
                     .replace("status: reviewed", "status: yes", 1), encoding="utf-8")
    second = claims_dir / "s000001.yaml"
    second.write_text(second.read_text(encoding="utf-8").replace("start: 0", "start: 3", 1), encoding="utf-8")
    fast, slow = load_both([claims_dir], monkeypatch)
    assert isinstance(fast, list) and fast == slow
    assert any("s000000.yaml" in p and "yes" in p for p in fast)
    assert any("s000001.yaml" in p and "claims[0].evidence" in p for p in fast)


def test_paused_gc_restores_the_collector() -> None:
    import gc

    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_entity_file_problems_identical_with_and_without_the_fast_path(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    claims_dir = generate(tmp_path, 3, 10, seed=5).claims_dir
    entities = claims_dir / "entities.yaml"
    entities.write_text(entities.read_text(encoding="utf-8") + "  - id: e1\n    kind: organisation\n    name: Again\n"
                        "  - id: e-bad\n    kind: planet\n    name: Mars\n", encoding="utf-8")
    fast = [str(p) for p in _problems(lambda: load_corpus([claims_dir]))]
    with monkeypatch.context() as patched:
        patched.setattr(corpus_module, "read_yaml_fast", lambda path: None)
        slow = [str(p) for p in _problems(lambda: load_corpus([claims_dir]))]
    assert fast == slow and any("R004" in p and "entities.yaml" in p for p in fast)
    assert any("entities[" in p and "kind" in p for p in fast)


def _problems(load: Any) -> list[Any]:
    try:
        load()
    except ProblemsError as error:
        return error.problems
    return []


def test_bytes_that_are_not_utf8_are_reported_as_before(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    claims_dir = generate(tmp_path, 2, 5, seed=5).claims_dir
    first = claims_dir / "s000000.yaml"
    first.write_bytes(first.read_bytes().replace(b"Publisher 0", b"Publisher \xff"))
    fast, slow = load_both([claims_dir], monkeypatch)
    assert fast == slow and any("s000000.yaml" in p and "not valid UTF-8" in p for p in fast)


PIECES = ["a", "b: ", "- ", "  ", "\n", ": ", "[", "]", "{", "}", ", ", "'", '"', "#", "x y", "1", "0", ".5", "_1",
          "2019-08-22", "|", ">", "|+", ">-", "-", "?", "\t", "\\", "yes", "null", "~", "e3", "_", ":", "&", "*", "!",
          "%", "---", "...", "é", "0x", "1_", "inf", ".Inf", "'s'", '"q"']


def test_random_texts_agree_or_decline(tmp_path: Path) -> None:
    """Seeded random texts and small edits of the seeds' files: the fast path never reads a file
    otherwise than read_yaml (each disagreement found this way is now a guard in fast.py)."""
    import random

    rng = random.Random(20261130)
    seeds = [(ROOT / name).read_text(encoding="utf-8") for name in ("claims/bloomberg-2019-08-22.yaml",
                                                                     "claims/entities.yaml")]
    path = tmp_path / "f.yaml"
    for _ in range(3000):
        if rng.random() < 0.5:
            text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 25)))
        else:
            base = rng.choice(seeds)
            start = rng.randrange(len(base))
            end = min(len(base), start + rng.randint(0, 10))
            text = base[:start] + "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 3))) + base[end:]
        path.write_text(text, encoding="utf-8")
        assert_agrees(path, text)


@pytest.mark.parametrize("header", ["|", ">", "|-", ">-", "|+", ">+", "|2", ">1-"])
def test_block_scalars_agree_or_decline(tmp_path: Path, header: str) -> None:
    path = tmp_path / "f.yaml"
    for body in ["", "  x\n", "  x\n\n", "  # c\n", "\n  x\n", "  x\n  y\n", "x\n", "  x"]:
        for text in (f"a: {header}\n{body}", f"a: {header}\n{body}b: end\n", f"r:\n  a: {header}\n" +
                     "".join(f"  {line}\n" for line in body.splitlines())):
            path.write_text(text, encoding="utf-8")
            assert_agrees(path, text)


# `_UNSAFE` as it stood before cheaper tests were put in front of its patterns (2026-11-30): a hint
# (a substring or a pattern), then the deciding pattern. The specification `unsafe_text` must keep.
_NODE = r"(?:(?:\A|\n)[ \t]*|[:,\[{?\-][ \t]+|[\[{,:])"
SPECIFICATION = [(hint, re.compile(pattern)) for hint, pattern in (
    ("", "[^\t\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"), ("\t", "\t"),
    ("%", r"(?:\A|\n)%"), ("\n", r"\n(?:---|\.\.\.)(?=[ \t\n]|\Z)"), ("&", _NODE + "&"), ("*", _NODE + "\\*"),
    ("!", _NODE + "!"),
    ("", r"(?:\A|(?<=[\s:,\[{]))[-+]?(?:0[xXoObB][0-9a-fA-F_]*|0[0-9_][0-9_.:eE+-]*|[0-9._]*_[0-9._eE+-]*)"
         r"[ \t]*(?:#|\n|\Z|[,\]}])"),
    ("", r"\A[-+]?[0-9._]"), ("", r"\A(?:[ \t]*(?:#[^\n]*)?\n)*[ \t]*[|>]"),
    ("|", _NODE + r"\|(?:[-+]?[0-9]|[0-9]?\+)"), (">", _NODE + r">(?:[-+]?[0-9]|[0-9]?\+)"),
    (re.compile(r"[:\-?][ \t]+[|>]"),
     r"(?:\A|\n)([ \t]*)[^\n]*?(?:[:\-?][ \t]+|\A[ \t]*)[|>][-+0-9]*[ \t]*(?:#[^\n]*)?(?:\n|\Z)(?!\1[ \t]+\S)"),
    ("", r"[^\n]\Z"), ("", r"[\"'][ \t\n]*[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt \t][^\"'\n]*)?[ \t\n]*[\"']"),
    ("\\", r"\\[xuU\n]"), ("", r"(?:\A|\n)[ \t]*[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}[ \t]*(?:\n|\Z)"))]


def specified(hint: str | re.Pattern[str], pattern: re.Pattern[str], text: str) -> bool:
    return bool(hint in text if isinstance(hint, str) else hint.search(text)) and pattern.search(text) is not None


TOKENS = [" ", "  ", "\n", "\t", ":", ",", "[", "{", "]", "}", "-", "+", "0", "1", "9", "_", ".", "x", "b", "O", "e",
          "E", "a", "#", "'", '"', "|", ">", "2019", "2019-08-22", "-8-2", "T", "&", "*", "!", "%", "---", "...", "\\x",
          "\\", "\u2028", "\x85", "\ufeff", "é", "\r", ": ", "- ", "? ", "\n  ", "|2", ">+", "|-", "0x1", "1_0", "'2019-",
          # for the refused characters told on UTF-8 (one byte, two, three, four and a lone surrogate) and the
          # year dashes (five digits, a year right after a quote or a line break, a blank before it)
          "\x07", "\x7f", "\x9f", "\xa0", "\u2029", "\ufffe", "\U0001f600", "\ud800", "12019-", '"2019-', "\n2019-",
          " \t2019-", "\n\t 2019-1-1", "\n...", "\n---"]


def test_unsafe_text_decides_as_the_specification(tmp_path: Path) -> None:
    """The cheap tests in front of each deciding pattern never change its decision: over every YAML
    file of the repository, a generated project, the hostile inputs and seeded random texts of the
    characters the patterns turn on, each chain of `_UNSAFE` says what its pattern alone says."""
    import random

    rng = random.Random(1130)
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in repository_yaml()]
    texts += [path.read_text(encoding="utf-8") for path in generate(tmp_path, 3, 40, seed=9).claims_dir.glob("*.yaml")]
    texts += HOSTILE
    texts += ["".join(rng.choice(TOKENS) for _ in range(rng.randint(0, 12))) + rng.choice(["", "\n", "\n"])
              for _ in range(40_000)]
    assert len(_UNSAFE) == len(_CHAINS) == len(SPECIFICATION)
    declined = [0] * len(SPECIFICATION)
    for text in texts:
        expected = [specified(hint, pattern, text) for hint, pattern in SPECIFICATION]
        assert [all(test(text) for test in chain) for chain in _CHAINS] == expected, repr(text)
        assert unsafe_text(text) == any(expected)
        assert unsafe_text(text, text.encode("utf-8", "surrogatepass")) == any(expected)  # the bytes read
        declined = [count + found for count, found in zip(declined, expected)]
    assert all(declined), declined  # every pattern declined some text


def test_paused_gc_keeps_what_it_made_out_of_the_collectors_sight() -> None:
    """With `keep`, what a large load made is frozen (never walked by a collection again) and still
    freed when dropped; a small one, or one without `keep`, is left to the collector."""
    import gc
    import weakref

    from factcheck.load.fast import FREEZE_FROM

    class Node:
        pass

    gc.unfreeze()
    with paused_gc():
        loose = [Node() for _ in range(FREEZE_FROM + 10)]
    gc.collect()
    with paused_gc(keep=True):
        few = [Node() for _ in range(100)]
    assert gc.get_freeze_count() == 0
    with paused_gc(keep=True):
        kept = [Node() for _ in range(FREEZE_FROM + 10)]
    assert gc.isenabled() and gc.get_freeze_count() >= FREEZE_FROM
    assert not any(o is kept for o in gc.get_objects())  # out of every generation the collector walks
    dropped = weakref.ref(kept[0])
    del kept, loose, few
    assert dropped() is None  # reference counting still frees it
    gc.unfreeze()


def test_patterns_need_nothing_newer_than_python_3_10() -> None:
    """`requires-python = ">=3.10"`: no possessive quantifier or atomic group (both came in 3.11)."""
    patterns: list[str] = []

    def collect(test: Any) -> None:
        if isinstance(test, tuple):
            for each in test:
                collect(each)
        elif isinstance(test, re.Pattern):
            patterns.append(test.pattern)
        elif isinstance(getattr(test, "__self__", None), re.Pattern):
            patterns.append(test.__self__.pattern)

    collect((_UNSAFE, _REFUSED, _YEAR_DASH))
    assert len(patterns) > 15
    assert [p for p in patterns if re.search(r"(?<!\\)[*+?}]\+|\(\?>", p)] == []


def _check_as_specified(value: Any, depth: int, limits: tuple[int, int, int, int]) -> None:
    """What `_check` decides, node by node: every mapping and list within the depth and its size limit,
    every key text, every other node a scalar `_scalar_is_safe` takes (which `_check` writes out in its
    loops for strings and integers)."""
    nodes = [(value, depth)]
    while nodes:
        node, level = nodes.pop()
        if type(node) is dict:
            if level > limits[0] or len(node) > limits[1] or any(type(key) is not str for key in node):
                raise _Unsafe
            nodes.extend((item, level + 1) for item in node.values())
        elif type(node) is list:
            if level > limits[0] or len(node) > limits[2]:
                raise _Unsafe
            nodes.extend((item, level + 1) for item in node)
        elif not _scalar_is_safe(node, limits):
            raise _Unsafe


def test_check_decides_as_the_specification() -> None:
    """The walk of the data tells a mapping's and a list's strings and integers in its own loop: it
    declines exactly what telling every node alone declines, over seeded random trees of every kind of node, at and around
    every limit (depth, keys, items, text length, the integer digit limit)."""
    import datetime as dt
    import random

    class Text(str):
        pass

    rng = random.Random(20261201)
    scalars = ["a", "", "yes", "no", "On", "true", "false", "FALSE", "y", "tables", "null", "~", "-", "-1", "+3", ".5", "0x1F", "1_000", "2019-08-22",
               "2019-02-30", "12:30", "1:20", "Tuesday", "offer", "e3", "x" * 9, "é", 0, 7, -5, True, False, None, 1.5,
               float("nan"), _INT_LIMIT - 1, _INT_LIMIT, -_INT_LIMIT, 1 - _INT_LIMIT, dt.date(2019, 8, 22),
               dt.datetime(2019, 8, 22, 1, 2), Text("a"), b"a", 3j, (1,)]

    def tree(depth: int) -> Any:
        roll = rng.random()
        if depth > 5 or roll < 0.45:
            return rng.choice(scalars)
        if roll < 0.75:
            return {rng.choice(["k", "id", "value", 1, None, (1,)]) if rng.random() < 0.1 else f"k{n}": tree(depth + 1)
                    for n in range(rng.randint(0, 5))}
        return [tree(depth + 1) for _ in range(rng.randint(0, 5))]

    declined = 0
    for _ in range(20000):
        value = tree(0)
        limits = (rng.randint(1, 6), rng.randint(1, 5), rng.randint(1, 5), rng.randint(1, 10))
        outcome = []
        for walk in (_check, _check_as_specified):
            try:
                walk(value, 1, limits)
                outcome.append(True)
            except _Unsafe:
                outcome.append(False)
        assert outcome[0] == outcome[1], (value, limits)
        declined += not outcome[0]
    assert 2000 < declined < 18000  # both outcomes, often


@pytest.mark.parametrize("lines", [None, [], [3], [2, 5, 9]])
def test_claim_lines_locate_as_the_places_did(tmp_path: Path, lines: list[int] | None) -> None:
    """The fast path keeps each claim's line as a list (`claim_lines`) where it kept a place each
    (`locations[("claims", i)] = (line, 1)`): every path locates as it did, inside a claim, beyond the
    list, under another key, with a bool index (equal to 0 or 1 as a key), and when a place is known."""
    listed = YamlDocument(tmp_path / "f.yaml", {}, claim_lines=lines)
    placed = YamlDocument(tmp_path / "f.yaml", {}, locations={("claims", i): (line, 1) for i, line in enumerate(lines or ())})
    paths = [(), ("claims",), ("source", "id"), ("source", 0), ("claims", -1), ("claims", "0"), ("claims", True),
             ("claims", False), *[("claims", i, *rest) for i in range(5) for rest in ((), ("value",), ("evidence", "start"))]]
    for path in paths:
        assert listed.locate(path) == placed.locate(path), path
    for document in (listed, placed):
        document.locations[("claims", 1, "value")] = (7, 3)
        document.locations[("source",)] = (1, 1)
    for path in paths:
        assert listed.locate(path) == placed.locate(path), path

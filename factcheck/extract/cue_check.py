"""Checks of a project's cue file (`claims/cues.yaml`, `--cues FILE`) before it is laid over the shipped lexicon.

A cue file arrives in pull requests like claims do, so its mistakes are located problems, never a
traceback or a hang:

- every key must be one the lexicon knows (`tense`, `quantities`, ...; inside `tense`, `quantities`,
  `polls` and `scope_property` too), or S001 with a "did you mean";
- every value must have the shape of the shipped one: `quantities: []` or `tense: 5` is S001;
- no word or pattern in a list may be blank (`words: ['']`, `speech_verbs: [' ']`): S001;
- every regular expression (`noise`, `caption_marks`, `datelines`, `report_datelines`, `clause_marks[].mark`,
  `quantities.count_lead`, `quantities.vote_splits`, `quantities.score_splits`) must compile and must
  not nest quantifiers (`(a+)+$`, `(\\w+\\s?)*`), which Python's backtracking engine can take exponential time on: C001.
  The shipped patterns are trusted and not checked.

The known keys and shapes come from the shipped lexicon itself, so a key added there is known here.
"""

from __future__ import annotations

import re
from typing import Any

from factcheck.load.document import FieldPath, YamlDocument
from factcheck.load.problems import Problem, closest

try:  # Python 3.11+
    from re import _parser as sre_parse  # type: ignore[attr-defined]
    from re import _constants as sre_constants  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

FIXED_SECTIONS = ("tense", "quantities", "polls", "scope_property")  # mappings whose keys are the lexicon's
EXTRA_KEYS = {"date_properties": [{"property": "", "cues": [""]}]}  # the form before the event lexicon
PATTERN_LISTS = (("noise",), ("caption_marks",), ("datelines",), ("report_datelines",), ("quantities", "count_lead"),
                 ("quantities", "vote_splits"), ("quantities", "score_splits"))
_BOUNDED = 10  # a repeat of at most this many is not "unbounded" for the nesting test
_REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT} | (
    {sre_constants.POSSESSIVE_REPEAT} if hasattr(sre_constants, "POSSESSIVE_REPEAT") else set())


def check_lexicon(document: YamlDocument, shipped: dict[str, Any]) -> list[Problem]:
    """Every problem of a project's cue file (its data a mapping), located."""
    known = {**shipped, **EXTRA_KEYS}
    problems: list[Problem] = []
    _check_mapping(document, document.data, known, (), fixed=True, problems=problems)
    problems.extend(_blank_words(document, document.data, ()))
    if not problems:
        problems.extend(_check_patterns(document))
    return problems


def _shape(value: Any) -> str:
    return "a mapping" if isinstance(value, dict) else "a list" if isinstance(value, list) else "a single value"


def _check_value(document: YamlDocument, value: Any, expected: Any, path: FieldPath,
                 problems: list[Problem]) -> None:
    if _shape(value) != _shape(expected):
        problems.append(document.problem(path, "S001", f"must be {_shape(expected)}, not {_shape(value)}"))
    elif isinstance(expected, dict):
        fixed = len(path) == 1 and path[0] in FIXED_SECTIONS
        _check_mapping(document, value, expected, path, fixed=fixed, problems=problems)
    elif isinstance(expected, list) and expected and len(path) < 3:
        for position, item in enumerate(value):
            _check_value(document, item, expected[0], path + (position,), problems)


def _check_mapping(document: YamlDocument, value: dict[str, Any], expected: dict[str, Any], path: FieldPath, *,
                   fixed: bool, problems: list[Problem]) -> None:
    # A record in a list (an `events` entry) has its own optional fields: only the known ones are checked.
    record = bool(path) and isinstance(path[-1], int)
    sample = None if record else next(iter(expected.values()), None)
    for key, item in value.items():
        if key in expected:
            _check_value(document, item, expected[key], path + (key,), problems)
        elif fixed:
            match = closest(str(key), expected)
            hint = f" (did you mean {match!r}?)" if match else f"; known: {', '.join(sorted(expected))}"
            problems.append(document.problem(path + (key,), "S001", f"unknown key {key!r}{hint}"))
        elif sample is not None:
            _check_value(document, item, sample, path + (key,), problems)


def _blank_words(document: YamlDocument, value: Any, path: FieldPath) -> list[Problem]:
    """A word or pattern in a list that is empty or only spaces: it would match everywhere or nowhere."""
    if isinstance(value, dict):
        return [p for key, item in value.items() for p in _blank_words(document, item, path + (key,))]
    if isinstance(value, list):
        found = []
        for position, item in enumerate(value):
            if isinstance(item, str) and not item.strip():
                found.append(document.problem(path + (position,), "S001", "a blank word: write the word, or drop the item"))
            else:
                found.extend(_blank_words(document, item, path + (position,)))
        return found
    return []


def _check_patterns(document: YamlDocument) -> list[Problem]:
    data = document.data
    found: list[tuple[FieldPath, Any]] = []
    for where in PATTERN_LISTS:
        section: Any = data
        for key in where:
            section = section.get(key) if isinstance(section, dict) else None
        found.extend((where + (i,), p) for i, p in enumerate(section or []))
    found.extend((("clause_marks", i, "mark"), m.get("mark")) for i, m in enumerate(data.get("clause_marks") or [])
                 if isinstance(m, dict))
    problems = []
    for path, pattern in found:
        reason = pattern_problem(pattern)
        if reason:
            problems.append(document.problem(path, "C001", reason))
    return problems


def pattern_problem(pattern: Any) -> str | None:
    """Why a project's cue pattern is refused, or None: not text, not a regular expression, or
    nested quantifiers (catastrophic backtracking)."""
    if not isinstance(pattern, str):
        return f"a pattern is text, not {_shape(pattern)}"
    text = pattern.replace("{n}", "1")
    try:
        tree = sre_parse.parse(text)
        re.compile(text)
    except (re.error, OverflowError, RecursionError) as error:
        return f"not a regular expression: {error}"
    if _nested_repeat(tree, inside=0):
        return ("refused: nested quantifiers ((a+)+, (\\s\\w+)*) can take exponential time in Python's regular "
                "expressions; repeat at one level only, or bound both repeats to at most 10")
    return None


def _nested_repeat(tree: Any, *, inside: int) -> bool:
    """Whether a repeat sits inside another and one of the two is unbounded (`(a+)+`, `(a+){2,5}`,
    `(a{1,3})*`). `inside` is 0 outside any repeat, 1 inside a bounded one, 2 inside an unbounded one."""
    for op, arg in _children(tree):
        if op in _REPEATS:
            _, high, sub = arg
            unbounded = high is sre_constants.MAXREPEAT or high > _BOUNDED
            if high > 1 and (inside == 2 or (inside == 1 and unbounded)):
                return True
            level = max(inside, 2 if unbounded else 1 if high > 1 else 0)
            if _nested_repeat(sub, inside=level):
                return True
        elif _nested_repeat(arg, inside=inside) if op is None else False:
            return True
    return False


def _children(tree: Any) -> list[tuple[Any, Any]]:
    """The items of a parsed pattern, with groups, branches and assertions opened: (None, subpattern)
    for each nested subpattern."""
    items = []
    for op, arg in tree:
        if op in _REPEATS:
            items.append((op, arg))
        elif op is sre_constants.SUBPATTERN:
            items.append((None, arg[-1]))
        elif op is sre_constants.BRANCH:
            items.extend((None, branch) for branch in arg[1])
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            items.append((None, arg[1]))
        elif op is getattr(sre_constants, "ATOMIC_GROUP", object()):
            items.append((None, arg))
        elif op is sre_constants.GROUPREF_EXISTS:
            items.extend((None, branch) for branch in arg[1:] if branch is not None)
    return items

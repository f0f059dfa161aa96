"""The cue lexicon: the words that tie a date to a property, a quote to a speaker, a number to a unit.

Which verb means "expires" or "said" is language, not logic, and every newsroom has its own: so cues
live in YAML (`factcheck/data/cues.yaml` and the event lexicon `factcheck/data/events.yaml`, extended by
`claims/cues.yaml` or `--cues FILE`) and this module only loads them and compiles each list once into a
regular expression. A project's `date_properties` entries (the form before the event lexicon) are read
as `events` entries with no event key. Extending merges: lists
are appended to, mappings updated, and single values replaced, so a project file names only what it adds.
"""

from __future__ import annotations

import copy
import functools
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any


from factcheck.extract.cue_check import check_lexicon
from factcheck.extract.readers.verb_keys import base_key
from factcheck.load.document import load_trusted_yaml, read_yaml
from factcheck.load.problems import Problem, ProblemsError
from factcheck.model.numbers import NUMBER

SHIPPED = "cues.yaml"
SHIPPED_EVENTS = "events.yaml"


@dataclass(frozen=True)
class PropertyCue:
    """A property and the words that announce it, e.g. `expires_on` for "will expire"."""

    property: str
    pattern: re.Pattern[str]
    subject_kinds: tuple[str, ...] = ()
    tense: str | None = None
    direction: str = "after"
    measures: tuple[str, ...] = ()  # for quantity cues: percent, money, count, rate
    first: bool = False  # the subject is the first fitting mention of the sentence, not the nearest


@dataclass(frozen=True)
class EventCue:
    """Predicate words of one (property, event) of the event lexicon: "informed" -> `notified_on`, `notice`.

    `event` is a fixed key, a template with `{object}`, `{action}`, `{what}`, `{subject}`, `{from}` or
    `{happening}` (claims/governing.py fills them in), or None; `default` the key when the template finds
    nothing."""

    property: str
    pattern: re.Pattern[str]
    event: str | None = None
    default: str | None = None
    subject_kinds: tuple[str, ...] = ()
    tense: str | None = None
    scheduled: bool = False
    condition_is_qualifier: bool = False
    first: bool = False
    words: tuple[str, ...] = ()


@dataclass(frozen=True)
class Cues:
    """The compiled lexicon; built once per run and shared by every document."""

    duration_properties: tuple[PropertyCue, ...]
    quantity_properties: tuple[PropertyCue, ...]
    future: re.Pattern[str]
    past: re.Pattern[str]
    speech: re.Pattern[str]
    titles: frozenset[str]
    role_nouns: frozenset[str]
    pronouns: frozenset[str]
    percent: re.Pattern[str]
    currencies: dict[str, str]
    scales: dict[str, float]
    count_nouns: frozenset[str]
    quantity_property: dict[str, str]
    scope: dict[str, re.Pattern[str]]
    noise: tuple[re.Pattern[str], ...]
    datelines: tuple[re.Pattern[str], ...]
    report_datelines: tuple[re.Pattern[str], ...]
    captions: tuple[re.Pattern[str], ...] = ()
    events: tuple[EventCue, ...] = ()
    speech_predicates: re.Pattern[str] = re.compile(r"(?!x)x")
    actions: tuple[tuple[str, re.Pattern[str]], ...] = ()
    modality: tuple[tuple[str, re.Pattern[str]], ...] = ()
    deadline: re.Pattern[str] = re.compile(r"(?!x)x")
    clause_marks: tuple[tuple[re.Pattern[str], str], ...] = ()
    poll_words: re.Pattern[str] = re.compile(r"(?!x)x")
    fieldwork: re.Pattern[str] = re.compile(r"(?!x)x")
    margin: re.Pattern[str] = re.compile(r"(?!x)x")
    everyone: re.Pattern[str] = re.compile(r"(?!x)x")
    reported_exceptions: re.Pattern[str] = re.compile(r"(?!x)x")
    prefix_currencies: tuple[str, ...] = ()
    baseline_words: re.Pattern[str] = re.compile(r"(?!x)x")
    event_nouns: frozenset[str] = frozenset()
    happenings: frozenset[str] = frozenset()
    count_synonyms: dict[str, str] = field(default_factory=dict)  # written noun -> the unit it counts as
    count_lead: tuple[str, ...] = ()
    vote_splits: tuple[re.Pattern[str], ...] = ()  # "voted 5-2": groups `for` and `against`
    score_splits: tuple[re.Pattern[str], ...] = ()  # "beat Kalvenn 3-0", "lost 0-2": groups `a` and `b`
    levels: tuple[tuple[str, re.Pattern[str]], ...] = ()  # a level's name, and the ways it is written
    level_qualifiers: frozenset[str] = frozenset()
    counted_synonyms: dict[str, str] = field(default_factory=dict)  # a word of `counted` -> the word it is kept as
    money_roles: tuple[tuple[str, re.Pattern[str]], ...] = ()
    versions: tuple[tuple[str, re.Pattern[str]], ...] = ()  # a version ("revised", "first") and how it is written
    estimators: dict[str, str] = field(default_factory=dict)  # a party giving its own estimate, as written -> its key
    dated_nouns: dict[str, str] = field(default_factory=dict)  # a noun of an event that takes place once -> its key
    measures: tuple[tuple[str, re.Pattern[str]], ...] = ()  # a measure taken on a thing, and how it is written
    dated_verbs: dict[str, str] = field(default_factory=dict)  # the verb key of a dated noun's word -> its key
    occurrences: dict[str, dict[str, str]] = field(default_factory=dict)  # a dated noun's key -> {verb key: that key}
    open_verbs: dict[str, str] = field(default_factory=dict)  # an open predicate's verb key -> the key it is kept as
    open_objects: dict[str, str] = field(default_factory=dict)  # its object's head noun -> the noun kept
    result_units: frozenset[str] = frozenset()  # what a party wins in a count: seat, vote
    money_stocks: frozenset[str] = frozenset()  # money roles that are a stock held, not a sum paid: reserves
    traded_units: frozenset[str] = frozenset()  # the unit of a price of a traded good: "$81.90 a barrel"
    people_nouns: frozenset[str] = frozenset()  # nouns that count people: "a population of 4.2 million"
    dimensions: frozenset[str] = frozenset()  # what a length measures: depth, height
    not_event_lengths: frozenset[str] = frozenset()  # nouns after "N-day" that no event is: "a 90-day period"
    other_papers: frozenset[str] = frozenset()  # what one signs besides an agreement: law, decree
    predicate_nouns: frozenset[str] = frozenset()  # event-lexicon words written as nouns: talks, summit
    agreement_words: frozenset[str] = frozenset()  # nouns that name an agreement: accord, pact
    raw: dict[str, Any] = field(repr=False, default_factory=dict)
    # Patterns readers compile from this lexicon, kept with it (a cache keyed by id() handed one project's
    # patterns, with its currencies, to another lexicon that later took the same address).
    compiled: dict[str, Any] = field(repr=False, compare=False, default_factory=dict)


def words_pattern(words: list[str], *, ignore_case: bool = True) -> re.Pattern[str]:
    """One case-insensitive alternation of `words`, longest first, on word boundaries where the word
    starts or ends with a word character (so `%` and `-year-old` match too)."""
    parts = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):  # one order whatever the hash seed
        escaped = re.sub(r"['’]", "['’]", re.escape(word).replace(r"\ ", r"\s+"))
        left = r"\b" if word[:1].isalnum() else ""
        right = r"\b" if word[-1:].isalnum() else ""
        parts.append(f"{left}{escaped}{right}")
    if not parts:
        return re.compile(r"(?!x)x")
    return re.compile("|".join(parts), re.IGNORECASE if ignore_case else 0)


def merge_lexicons(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """`extra` laid over `base`: lists appended (list entries with a `property` merge by it),
    mappings merged, other values replaced."""
    merged = dict(base)
    for key, value in extra.items():
        old = merged.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            merged[key] = merge_lexicons(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            merged[key] = _merge_lists(old, value)
        else:
            merged[key] = value
    return merged


def _merge_lists(old: list[Any], new: list[Any]) -> list[Any]:
    result = list(old)
    for item in new:
        if isinstance(item, dict) and "property" in item:
            for position, existing in enumerate(result):
                if isinstance(existing, dict) and _same_entry(existing, item):
                    result[position] = {**existing, **item, "cues": [*existing.get("cues", []), *item.get("cues", [])],
                                        "words": [*existing.get("words", []), *item.get("words", [])]}
                    break
            else:
                result.append(item)
        elif item not in result:
            result.append(item)
    return result


def _same_entry(existing: dict[str, Any], item: dict[str, Any]) -> bool:
    """Entries of one property merge; event entries only when their event is the same too (or unsaid)."""
    if existing.get("property") != item["property"]:
        return False
    return "event" not in item or "event" not in existing or existing.get("event") == item.get("event")


def shipped_lexicon() -> dict[str, Any]:
    """The shipped cue lexicon with the event lexicon laid over it: a copy of its own for each caller,
    read from the package once a process."""
    return copy.deepcopy(_shipped_lexicon())


@functools.cache
def _shipped_lexicon() -> dict[str, Any]:
    data = resources.files("factcheck").joinpath("data")
    cues = load_trusted_yaml(data.joinpath(SHIPPED).read_text(encoding="utf-8"))
    return merge_lexicons(cues, load_trusted_yaml(data.joinpath(SHIPPED_EVENTS).read_text(encoding="utf-8")))


def read_lexicon(path: Path) -> dict[str, Any]:
    """A user's cue file, read safely; its mistakes are a ProblemsError with their locations."""
    document = read_yaml(path)
    if document.problems:
        raise ProblemsError(document.problems)
    if document.data is None:
        return {}
    if not isinstance(document.data, dict):
        raise ProblemsError([document.problem((), "S001", "a cue file is a mapping (see factcheck/data/cues.yaml)")])
    problems = check_lexicon(document, shipped_lexicon())  # unknown keys, wrong shapes, unsafe patterns
    if problems:
        raise ProblemsError(problems)
    return document.data


def load_cues(*extra_files: Path | None, currencies: dict[str, str] | None = None) -> Cues:
    """The shipped lexicon extended by each existing file of `extra_files`, in order, and by the
    currency words of the project's entity file (`currencies`: word -> unit)."""
    lexicon = shipped_lexicon()
    for path in extra_files:
        if path is not None and path.is_file():
            lexicon = merge_lexicons(lexicon, read_lexicon(path))
    if currencies:  # a word the lexicon already reads keeps its unit
        known = {str(word).casefold() for word in lexicon.get("quantities", {}).get("currencies", {})}
        added = {word: unit for word, unit in currencies.items() if word.casefold() not in known}
        lexicon = merge_lexicons(lexicon, {"quantities": {"currencies": added}})
    try:
        return compile_cues(lexicon)
    except (KeyError, TypeError, ValueError, re.error) as error:
        where = ", ".join(str(p) for p in extra_files if p) or SHIPPED
        raise ProblemsError([Problem(where, 0, 0, "S001", f"bad cue lexicon: {error}")]) from error


def _property_cues(entries: list[dict[str, Any]]) -> tuple[PropertyCue, ...]:
    return tuple(
        PropertyCue(
            property=str(entry["property"]),
            pattern=words_pattern([str(c) for c in entry.get("cues", [])]),
            subject_kinds=tuple(entry.get("subject_kinds", [])),
            tense=entry.get("tense"),
            direction=entry.get("direction", "after"),
            measures=tuple(entry.get("measures", [])),
            first=entry.get("subject_position") == "first",
        )
        for entry in entries
    )


def _event_cues(lexicon: dict[str, Any]) -> tuple[EventCue, ...]:
    """The `events` entries, then a project's `date_properties` entries as events with no event key
    (their words added to the first entry of the same property, if there is one)."""
    entries = [dict(entry) for entry in lexicon.get("events", [])]
    for entry in lexicon.get("date_properties", []):
        same = next((e for e in entries if e.get("property") == entry.get("property")), None)
        if same is not None:
            same["words"] = [*same.get("words", []), *entry.get("cues", [])]
        else:
            entries.append({**entry, "event": None, "words": entry.get("cues", [])})
    return tuple(
        EventCue(
            property=str(entry["property"]),
            pattern=words_pattern([str(w) for w in entry.get("words", [])]),
            event=entry.get("event"),
            default=entry.get("default"),
            subject_kinds=tuple(entry.get("subject_kinds", [])),
            tense=entry.get("tense"),
            scheduled=bool(entry.get("scheduled", False)),
            condition_is_qualifier=entry.get("condition") == "qualifier",
            first=entry.get("subject_position") == "first",
            words=tuple(str(w).casefold() for w in entry.get("words", [])),
        )
        for entry in entries
    )

# A vote is a small whole number, in digits or words ("voted 5-2", "by four votes to three").
_VOTE_NUMBER = rf"(?:\d{{1,3}}(?![\d,.]\d)|{NUMBER})"
_SCORE_NUMBER = r"(?<![\d.,:/])\d{1,3}(?!\d|[,.:/]\d)"  # a score is written in digits: "3-0", "102-98"


# Lexicons compiled in this process, by their text (`repr`): extracting many sources of one project
# reads one lexicon many times, and compiling it took a third of `factcheck eval`. A `Cues` is never
# changed once made (its `compiled` memo only gains patterns made from it), so one can be shared.
_COMPILED: dict[str, Cues] = {}
_COMPILED_KEPT = 8


def compile_cues(lexicon: dict[str, Any]) -> Cues:
    """The lexicon compiled (the same `Cues` again for a lexicon already compiled in this process)."""
    key = repr(lexicon)
    cues = _COMPILED.get(key)
    if cues is None:
        cues = _compile(lexicon)
        if len(_COMPILED) >= _COMPILED_KEPT:
            _COMPILED.clear()
        _COMPILED[key] = cues
    return cues


def _compile(lexicon: dict[str, Any]) -> Cues:
    quantities = lexicon.get("quantities", {})
    scope = lexicon.get("scope", {})
    polls = lexicon.get("polls", {})

    def lower(key: str, section: dict[str, Any] = lexicon) -> frozenset[str]:
        return frozenset(str(w).casefold() for w in section.get(key, []))

    return Cues(
        duration_properties=_property_cues(lexicon.get("duration_properties", [])),
        quantity_properties=_property_cues(lexicon.get("quantity_properties", [])),
        future=words_pattern(lexicon.get("tense", {}).get("future", [])),
        past=words_pattern(lexicon.get("tense", {}).get("past", [])),
        # Case matters for verbs: "States" in "United States" is not "states".
        speech=words_pattern(lexicon.get("speech_verbs", []), ignore_case=False),
        titles=lower("titles"),
        role_nouns=lower("role_nouns"),
        pronouns=lower("pronouns"),
        percent=words_pattern(quantities.get("percent", [])),
        currencies={str(k).casefold(): str(v) for k, v in quantities.get("currencies", {}).items()},
        scales={str(k).casefold(): float(v) for k, v in quantities.get("scales", {}).items()},
        count_nouns=frozenset(str(n).casefold() for n in quantities.get("count_nouns", [])),
        quantity_property={str(k): str(v) for k, v in quantities.get("property", {}).items()},
        scope={str(k): words_pattern([str(w) for w in v]) for k, v in scope.items()},
        noise=tuple(re.compile(str(p)) for p in lexicon.get("noise", [])),
        datelines=tuple(re.compile(p) for p in lexicon.get("datelines", [])),
        report_datelines=tuple(re.compile(str(p)) for p in lexicon.get("report_datelines", [])),
        captions=tuple(re.compile(str(p)) for p in lexicon.get("caption_marks", [])),
        events=_event_cues(lexicon),
        speech_predicates=words_pattern([str(w) for w in lexicon.get("speech_predicates", [])]),
        actions=tuple((str(k), words_pattern([str(w) for w in v])) for k, v in lexicon.get("actions", {}).items()),
        modality=tuple((str(k), words_pattern([str(w) for w in v])) for k, v in lexicon.get("modality", {}).items()),
        deadline=words_pattern([str(w) for w in lexicon.get("deadline", [])]),
        clause_marks=tuple((re.compile(str(m["mark"]), re.IGNORECASE), str(m.get("role", "main")))
                           for m in lexicon.get("clause_marks", [])),
        poll_words=words_pattern([str(w) for w in polls.get("words", [])]),
        fieldwork=words_pattern([str(w) for w in polls.get("fieldwork", [])]),
        margin=words_pattern([str(w) for w in polls.get("margin", [])]),
        everyone=words_pattern([str(w) for w in polls.get("everyone", [])]),
        reported_exceptions=words_pattern([str(w) for w in lexicon.get("reported_exceptions", [])]),
        happenings=frozenset(str(w) for w in lexicon.get("happenings", [])),
        event_nouns=frozenset(str(w).casefold() for w in lexicon.get("event_nouns", [])),
        baseline_words=words_pattern([str(w) for w in lexicon.get("baseline_words", [])]),
        prefix_currencies=tuple(str(w).casefold() for w in quantities.get("prefix_currencies", [])),
        count_synonyms={str(w).casefold(): str(unit) for unit, words in quantities.get("count_synonyms", {}).items()
                        for w in words},
        money_roles=tuple((str(k), words_pattern([str(w) for w in v]))
                          for k, v in quantities.get("money_roles", {}).items()),
        count_lead=tuple(str(p) for p in quantities.get("count_lead", [])),
        vote_splits=tuple(re.compile(str(p).replace("{n}", _VOTE_NUMBER), re.IGNORECASE) for p in quantities.get("vote_splits", [])),
        score_splits=tuple(re.compile(str(p).replace("{n}", _SCORE_NUMBER), re.IGNORECASE)
                           for p in quantities.get("score_splits", [])),
        levels=tuple((str(k), words_pattern([str(w) for w in v])) for k, v in quantities.get("levels", {}).items()),
        level_qualifiers=frozenset(str(w).casefold() for w in quantities.get("level_qualifiers", [])),
        counted_synonyms={str(w).casefold(): str(word) for word, written in quantities.get("counted_synonyms", {}).items()
                          for w in written},
        versions=_versions(quantities.get("versions", {}), quantities.get("version_nouns", [])),
        estimators=_synonyms(quantities.get("estimators", {})),
        dated_nouns=_synonyms(lexicon.get("dated_nouns", {})),
        measures=tuple((str(k), words_pattern([str(w) for w in v])) for k, v in lexicon.get("measures", {}).items()),
        dated_verbs={base_key(word): key for word, key in _synonyms(lexicon.get("dated_nouns", {})).items()},
        open_verbs=(open_verbs := {base_key(word): base_key(kept)
                                   for word, kept in _synonyms(lexicon.get("open_synonyms", {}).get("verbs", {})).items()}),
        occurrences={str(key): {open_verbs.get(base_key(str(v)), base_key(str(v))): str(key) for v in verbs or []}
                     for key, verbs in lexicon.get("occurrences", {}).items()},
        open_objects=_synonyms(lexicon.get("open_synonyms", {}).get("objects", {})),
        result_units=lower("result_units", quantities),
        money_stocks=lower("money_stocks", quantities),
        traded_units=lower("traded_units", quantities),
        people_nouns=lower("people_nouns", quantities),
        dimensions=lower("dimensions", quantities),
        not_event_lengths=lower("not_event_lengths"),
        other_papers=lower("other_papers"),
        predicate_nouns=lower("predicate_nouns"),
        agreement_words=lower("agreement_words"),
        raw=lexicon,
    )


def _versions(versions: dict[str, Any], nouns: list[Any]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each version with one pattern: one of its words right before a version noun ("the new offer",
    "its initial estimate"), a word between allowed ("the raised cash offer"), not "first to offer help"."""
    if not nouns:
        return ()
    noun = "|".join(re.escape(str(n)) for n in sorted(nouns, key=len, reverse=True))
    between = r"(?:(?!(?:to|of|and|or|the|a|an|its|their)\b)[a-z-]+\s+)?"
    found = []
    for version, words in versions.items():
        if words:
            written = "|".join(re.escape(str(w)) for w in words)
            found.append((str(version), re.compile(rf"\b(?:{written})\s+{between}(?:{noun})\b", re.IGNORECASE)))
    return tuple(found)


def _synonyms(groups: dict[str, Any]) -> dict[str, str]:
    """{kept word: [other words]} as {each word: the kept word}."""
    return {str(w).casefold(): str(kept).casefold() for kept, words in groups.items() for w in [kept, *(words or [])]}

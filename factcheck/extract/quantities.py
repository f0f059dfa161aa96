"""Quantities: percentages, sums of money, exchange rates and counts, with the words that qualify them.

Each is read into a `QuantityValue` in base units: "$5 billion" is 5000000000 USD, "nearly 55 percent"
is 55 percent with approximation `nearly`, "a little under $1 billion" keeps "a little under" (the
qualifiers are exactly the model's `Approximation` words, longest first), "106.25 per dollar" in a
sentence about the yen is 106.25 JPY/USD, "26 instances of intelligence-sharing" is 26 `instance`.
Counts are taken only for nouns of the lexicon (`quantities.count_nouns`), and not after "the" ("the
two countries" refers, it does not count). Which property a quantity is of comes from the nearest
`quantity_properties` cue the vocabulary knows, else from its measure (share, amount, count).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.extract.cues import Cues, PropertyCue
from factcheck.extract.entities import Mention
from factcheck.extract.findings import Finding, choose_subject, nearest_cue
from factcheck.extract.numbers import NUMBER, parse_number
from factcheck.extract.text import Sentence
from factcheck.model import Approximation, QuantityValue

_APPROX = "|".join(re.escape(a.value) for a in sorted(Approximation, key=lambda a: len(a.value), reverse=True))
_AMOUNT = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_LEAD = rf"(?:(?P<approx>{_APPROX})\s+)?"


@dataclass(frozen=True)
class _Patterns:
    percent: re.Pattern[str]
    money_symbol: re.Pattern[str]
    money_word: re.Pattern[str]
    rate: re.Pattern[str]
    count: re.Pattern[str]
    currency_word: re.Pattern[str]


_CACHE: dict[int, _Patterns] = {}


def _patterns(cues: Cues) -> _Patterns:
    """Compiled once per lexicon: the units and scales come from the cue file."""
    cached = _CACHE.get(id(cues))
    if cached:
        return cached
    symbols = "|".join(re.escape(k) for k in sorted(cues.currencies, key=len, reverse=True) if not k.isalpha())
    words = "|".join(re.escape(k) for k in sorted(cues.currencies, key=len, reverse=True) if k.isalpha())
    scales = "|".join(re.escape(k) for k in sorted(cues.scales, key=len, reverse=True))
    built = _Patterns(
        percent=re.compile(rf"(?i:{_LEAD})(?P<n>{_AMOUNT})\s*(?P<unit>{cues.percent.pattern})", re.IGNORECASE),
        money_symbol=re.compile(rf"(?i:{_LEAD})(?P<cur>{symbols})\s?(?P<n>{_AMOUNT})(?:\s*(?P<scale>{scales})\b)?",
                                re.IGNORECASE),
        money_word=re.compile(rf"(?i:{_LEAD})(?P<n>{_AMOUNT})(?:\s*(?P<scale>{scales}))?\s+(?P<cur>{words})\b",
                              re.IGNORECASE),
        rate=re.compile(rf"(?P<n>{_AMOUNT})\s+(?:per|to\s+the|against\s+the|a)\s+(?P<base>{words})\b", re.IGNORECASE),
        count=re.compile(rf"(?i:{_LEAD})(?<![\w$.,])(?P<n>{NUMBER})\s+(?P<noun>[a-z][a-z\-]+)\b"),
        currency_word=re.compile(rf"\b(?:{words})\b", re.IGNORECASE),
    )
    _CACHE[id(cues)] = built
    return built


def quantity_findings(text: str, sentence: Sentence, mentions: list[Mention], cues: Cues,
                      vocabulary: frozenset[str], recent: dict[str, Mention]) -> list[Finding]:
    """Every quantity of one sentence, left to right, each span read once (money before counts)."""
    patterns = _patterns(cues)
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, Finding]] = []

    def free(match: re.Match[str]) -> bool:
        return not any(a < match.end() and match.start() < b for a, b in taken)

    for measure, pattern in (("rate", patterns.rate), ("percent", patterns.percent), ("money", patterns.money_symbol),
                             ("money", patterns.money_word), ("count", patterns.count)):
        for match in pattern.finditer(text, sentence.start, sentence.end):
            if not free(match):
                continue
            value = _value(measure, match, text, sentence, cues, patterns)
            if value is None:
                continue
            taken.append((match.start(), match.end()))
            finding = _finding(measure, value, (match.start(), match.end()), text, sentence, mentions, cues,
                               vocabulary, recent)
            if finding:
                found.append((match.start(), finding))
    return [finding for _, finding in sorted(found, key=lambda pair: pair[0])]


def _value(measure: str, match: re.Match[str], text: str, sentence: Sentence, cues: Cues,
           patterns: _Patterns) -> QuantityValue | None:
    groups = match.groupdict()
    approximation = Approximation(groups["approx"].casefold()) if groups.get("approx") else None
    amount = parse_number(groups["n"])
    if amount is None:
        return None
    if measure == "percent":
        unit = "percentage point" if "point" in groups["unit"].casefold() else "percent"
        return QuantityValue(amount=amount, unit=unit, approximation=approximation)
    if measure == "money":
        scale = cues.scales.get((groups.get("scale") or "").casefold(), 1.0)
        return QuantityValue(amount=amount * scale, unit=cues.currencies[groups["cur"].casefold()],
                             approximation=approximation)
    if measure == "rate":
        base = cues.currencies[groups["base"].casefold()]
        named = [cues.currencies[w.group().casefold()] for w in patterns.currency_word.finditer(text, sentence.start,
                                                                                               sentence.end)]
        quoted = next((code for code in named if code != base), None)
        if quoted is None:
            return None
        return QuantityValue(amount=amount, unit=f"{quoted}/{base}")
    noun = groups["noun"].casefold()
    if noun not in cues.count_nouns or amount != int(amount):
        return None
    before = text[max(sentence.start, match.start() - 12):match.start()].casefold().split()
    if before and before[-1] in ("the", "those", "these", "both", "its", "their", "his", "her"):
        return None
    return QuantityValue(amount=amount, unit=_singular(noun), approximation=approximation)


def _singular(noun: str) -> str:
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    if noun.endswith(("ches", "shes", "sses", "xes")):
        return noun[:-2]
    if noun.endswith("s") and not noun.endswith("ss"):
        return noun[:-1]
    return noun


def _finding(measure: str, value: QuantityValue, span: tuple[int, int], text: str, sentence: Sentence,
             mentions: list[Mention], cues: Cues, vocabulary: frozenset[str],
             recent: dict[str, Mention]) -> Finding | None:
    fitting = tuple(c for c in cues.quantity_properties if measure in c.measures)
    cue, distance = nearest_cue(text, sentence.start, sentence.end, span, fitting, vocabulary)
    cue = cue if cue is not None and distance <= 60 else None
    prop = cue.property if cue else cues.quantity_property.get(measure)
    if prop is None or prop not in vocabulary:
        return None
    subject = _subject(mentions, span, cue, recent)
    if subject is None:
        return None
    confidence = 0.8 if cue else 0.65
    return Finding(kind="quantity", property=prop, subject=subject.entity_id, value=value,
                   evidence=(sentence.start, sentence.end), confidence=confidence,
                   note=f"{measure} written as {text[span[0]:span[1]]!r}",
                   proposed=(subject.entity_id,) if subject.proposed else ())


def _subject(mentions: list[Mention], span: tuple[int, int], cue: PropertyCue | None,
             recent: dict[str, Mention]) -> Mention | None:
    kinds = cue.subject_kinds if cue else ()
    chosen = choose_subject(mentions, span, kinds)
    if kinds and (chosen is None or chosen.kind not in kinds):
        for kind in kinds:
            if kind in recent:
                return recent[kind]
    return chosen or next(iter(recent.values()), None)

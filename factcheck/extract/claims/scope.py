"""Scope statements about agreements: what one covers compared with another, or what it does to an action.

"the TISA covers a narrower range of information than GSOMIA" is TISA `narrower_than` GSOMIA; "it’s more
limited in scope" (no "than") compares with the agreement the article is about, the one it mentions
most, at a lower confidence; "The agreement allows, but doesn’t require, the exchange of intelligence"
is `allows_not_requires` + "the exchange of intelligence". The phrases are the `scope` lists of the cue
lexicon. A modal verb counts only when an agreement (by alias, or "the agreement", "it" standing for the
agreement last named) is what comes right before it: "allowing some in Seoul to argue" is not a scope.
"""

from __future__ import annotations

import re

from factcheck.extract.claims.finding import Finding
from factcheck.extract.cues import Cues
from factcheck.extract.document import Mention, Sentence
from factcheck.model import Modality, ScopeRelation, ScopeValue

_RELATIONS = ("narrower_than", "broader_than", "same_as")
_MODALITIES = ("allows_not_requires", "requires", "forbids", "allows")  # the compound form first
_GENERIC = re.compile(r"\b(?:the|this|that)\s+(?:agreement|accord|pact|treaty|deal|arrangement|framework)\b|\bit(?:’s|'s)?\b",
                      re.IGNORECASE)
_ACTION = re.compile(r"\s*(?P<action>[^,.;:()]{3,120})")
_NEAR = 60


def scope_findings(text: str, sentence: Sentence, mentions: list[Mention], cues: Cues,
                   vocabulary: frozenset[str], recent: dict[str, Mention], main_agreement: str | None) -> list[Finding]:
    found: list[Finding] = []
    taken: list[tuple[int, int]] = []
    for name in (*_RELATIONS, *_MODALITIES):
        pattern = cues.scope.get(name)
        if pattern is None:
            continue
        for match in pattern.finditer(text, sentence.start, sentence.end):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue
            subject = _agreement_before(text, match.start(), sentence, mentions, recent)
            if subject is None:
                continue
            if name in _RELATIONS:
                finding = _relation(text, name, match, subject, sentence, mentions, main_agreement, cues, vocabulary)
            else:
                finding = _modality(text, name, match, subject, sentence, cues, vocabulary)
            if finding is not None:
                taken.append((match.start(), match.end()))
                found.append(finding)
    return found


def _agreement_before(text: str, position: int, sentence: Sentence, mentions: list[Mention],
                      recent: dict[str, Mention]) -> Mention | None:
    """The agreement the verb is about: an agreement named in its clause before it ("the TISA covers
    ... than GSOMIA and requires": TISA), or a generic "the agreement"/"it" there standing for the
    agreement named last. "GSOMIA, which facilitated ..." has neither: the clause is a relative one."""
    window_start = max(sentence.start, position - _NEAR)
    boundary = max(text.rfind(mark, window_start, position) for mark in ",;()")
    window_start = max(window_start, boundary + 1)
    named = [m for m in mentions if m.kind == "agreement" and window_start <= m.start and m.end <= position]
    if named:
        return named[0]
    if _GENERIC.search(text, window_start, position):
        before = [m for m in mentions if m.kind == "agreement" and m.end <= position]
        return before[-1] if before else recent.get("agreement")
    return None


def _relation(text: str, name: str, match: re.Match[str], subject: Mention, sentence: Sentence,
              mentions: list[Mention], main_agreement: str | None, cues: Cues,
              vocabulary: frozenset[str]) -> Finding | None:
    prop = _property(cues, "relation", vocabulary)
    if prop is None:
        return None
    than = [m for m in mentions if m.kind == "agreement" and match.end() <= m.start <= match.end() + 40
            and m.entity_id != subject.entity_id]
    if than:
        other, confidence = than[0].entity_id, 0.8
    elif main_agreement and main_agreement != subject.entity_id and not match.group().casefold().endswith("than"):
        other, confidence = main_agreement, 0.55  # "more limited in scope": than the article's agreement
    else:
        return None
    value = ScopeValue(relation=ScopeRelation(name), than=other)
    return Finding(kind="scope", property=prop, subject=subject.entity_id, value=value,
                   evidence=(sentence.start, sentence.end), confidence=confidence,
                   note=f"scope written as {match.group()!r}", proposed=())


def _modality(text: str, name: str, match: re.Match[str], subject: Mention, sentence: Sentence,
              cues: Cues, vocabulary: frozenset[str]) -> Finding | None:
    prop = _property(cues, "modality", vocabulary)
    if prop is None:
        return None
    action = _ACTION.match(text, match.end(), sentence.end)
    if not action:
        return None
    words = action.group("action").strip()
    value = ScopeValue(modality=Modality(name), action=words)
    confidence = 0.75 if name == "allows_not_requires" else 0.55
    return Finding(kind="scope", property=prop, subject=subject.entity_id, value=value,
                   evidence=(sentence.start, sentence.end), confidence=confidence,
                   note=f"modality written as {match.group()!r}", proposed=())


def _property(cues: Cues, form: str, vocabulary: frozenset[str]) -> str | None:
    """The first property of the lexicon's `scope_property` list for `form` that the vocabulary has."""
    choices = cues.raw.get("scope_property", {}).get(form, ["scope"])
    return next((p for p in choices if p in vocabulary), None)

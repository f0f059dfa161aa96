"""Measures taken on a thing: "the cabinet decided to suspend the agreement", "terminated the pact",
"restricted the use of the vaccine", "suspended the vaccine altogether", "no suspension".

Each is a `measure_taken` statement about the thing, its `action` the lexicon's key (`measures` in
data/events.yaml: suspend, terminate, restrict, ban, lift), so that outlets who say "froze" and
"suspended" agree and one who says "terminated" conflicts (rule FC503). The thing is the agreement or
event named right after the words, else the story's agreement or event. "not", "no", "did not",
"rather than", "instead of" right before the words deny the measure ("chose suspension rather than
termination" states suspend and denies terminate). Its modality is the clause's: "will suspend" is a
plan, shown beside what was done in time order, not as a conflict. The country that took it, when the
sentence names one as its subject, is its event (`by-<id>`): Ardesca's suspension and Tolmeria's ban are
two measures, not one told two ways. Organisations and people are not used: outlets name a ban's panel,
its federation or its chairman for one decision.
"""

from __future__ import annotations

import re

from factcheck.extract.claims.finding import Finding
from factcheck.extract.document import Document, Mention
from factcheck.model import StatementValue

PROPERTY = "measure_taken"
_DENIED = re.compile(r"\b(?:not|no|never|nothing|none|neither|nor|rather\s+than|instead\s+of|did\s+not|didn['’]t|"
                     r"has\s+not|have\s+not|had\s+not|was\s+not|were\s+not|without)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_THINGS = ("agreement", "event")
_ARTICLE = re.compile(r"\b(?:a|an|the|its|their|his|her)\s+$", re.IGNORECASE)
_CHOSEN = re.compile(r"\b(?:chose|chosen|opted\s+for|ordered|announced|imposed|decided\s+on|agreed\s+on|approved|"
                     r"declared|confirmed)\s+(?:the\s+|a\s+)?$", re.IGNORECASE)
_WANTED = re.compile(r"\b(?:calling\s+for|called\s+for|calls\s+for|urged|urging|urges|demanded|demanding|demands|"
                     r"proposed|proposing|proposes|pushing\s+for|pressed\s+for|wants|wanted)\b", re.IGNORECASE)
_DECIDED = re.compile(r"\b(?:decided|decides|voted|votes|agreed|agrees|moved|chose|opted|ordered|orders|required|"
                      r"requires|instructed|forced|had|has\s+had|have\s+had)\s+(?:[\w’'-]+\s+){0,3}?to\s+(?:be\s+)?$",
                      re.IGNORECASE)
_SUMMARY = 200
# A measure named as what another ends: "lifted the ban", "the lifting of the suspension", "overturned the ban".
_ENDED_BEFORE = re.compile(r"\b(?:lift|lifts|lifted|lifting|lifting\s+of|end|ends|ended|ending|overturn|overturns|"
                           r"overturned|repeal|repeals|repealed|revoke|revokes|revoked)\s+(?:the|a|an|its|their|his|her)"
                           r"\s+(?:[\w’'-]+\s+)?$", re.IGNORECASE)
# What is restored, cut or suspended that is a supply or a service, not a measure on a thing: "Power was restored",
# "restored electricity to 40,000 homes", "suspended service on the line".
_SUPPLIES = (r"(?:power|electricity|supplies|supply|water|gas|heating|service|services|calm|order|contact|communications|"
             r"connection|connections|signal)")
_SUPPLY = re.compile(rf"(?:\b{_SUPPLIES}\s+(?:was\s+|were\s+|has\s+been\s+|had\s+been\s+|is\s+|are\s+)?$)"
                     rf"|(?:\s+(?:the\s+)?{_SUPPLIES}\b)", re.IGNORECASE)


def measure_findings(document: Document) -> list[Finding]:
    """Every measure the document's sentences say was taken (or not) on a thing."""
    if PROPERTY not in document.vocabulary or not document.cues.measures:
        return []
    found: list[Finding] = []
    quoted = document.quoted
    for sentence in document.sentences:
        for action, pattern in document.cues.measures:
            for match in pattern.finditer(document.text, sentence.start, sentence.end):
                if any(a <= match.start() < b for a, b in quoted.get(sentence.index, ())):
                    continue  # someone's words: the quote claim has them
                if not _taken(document.text, sentence.start, match.start(), match.end()):
                    continue
                finding = _measure(document, sentence.index, action, match.start(), match.end())
                if finding is not None:
                    found.append(finding)
    return found


def _taken(text: str, floor: int, start: int, end: int) -> bool:
    """Whether the words say a measure was taken (or denied), not only named: "a suspended sentence"
    describes a sentence; "termination requires 90 days' notice" and "a suspension can be declared"
    speak of the measure in general; "urged the government to terminate" wants it. A noun counts when
    denied ("no suspension", "rather than termination") or chosen ("chose suspension", "ordered the
    suspension of"); an infinitive when decided or ordered ("decided to suspend", "ordered Korvel to
    suspend"), not when called for ("calling for the agreement to be terminated")."""
    before = text[max(floor, start - 40):start]
    word = text[start:end].casefold()
    if _WANTED.search(text, floor, start):
        return False  # "the amendment calling for the agreement to be terminated rather than suspended"
    if _ARTICLE.search(before) and word.endswith("ed"):
        return False  # "a suspended sentence", "the banned substance"
    if _ENDED_BEFORE.search(before):
        return False  # "lifted the ban", "ended the suspension of": the lifting is the measure taken
    if _SUPPLY.search(before) or _SUPPLY.match(text, end):
        return False  # "Power was restored to 90 per cent of homes", "restored electricity": a supply, no measure
    if word.endswith(("ion", "ions", "ion of", "ions on", "al of")):
        return bool(_DENIED.search(before) or _CHOSEN.search(before))
    if re.search(r"\bto\s+(?:be\s+)?$", before):
        return bool(_DECIDED.search(before))
    return True


def _measure(document: Document, index: int, action: str, start: int, end: int) -> Finding | None:
    sentence = document.sentences[index]
    subject = _thing_after(document, index, end) or _story(document, start)
    if subject is None:
        return None
    clause = document.clause_at(start)
    denied = bool(_DENIED.search(document.text, max(sentence.start, start - 30), start))
    summary = document.text[sentence.start:sentence.end].strip()
    if len(summary) > _SUMMARY:
        summary = summary[:_SUMMARY - 1].rstrip() + "…"
    actor = _actor(document, index, start)
    return Finding(kind="statement", property=PROPERTY, subject=subject.entity_id,
                   value=StatementValue(action=action, negated=denied, summary=summary),
                   evidence=(sentence.start, sentence.end), confidence=0.6,
                   note=f"measure written as {document.text[start:end]!r}",
                   proposed=(subject.entity_id,) if subject.proposed else (),
                   event=f"by-{actor}" if actor and actor != subject.entity_id else None,
                   modality=clause.modality if clause is not None and clause.modality != "reported" else None)


_ACTORS = ("country",)
_GOVERNED = re.compile(r"\b(?:from|of|to|into|in|on|for|with|against|by|at|over|across|than)\s+(?:the\s+)?$",
                       re.IGNORECASE)


def _actor(document: Document, index: int, start: int) -> str | None:
    """Which country took the measure: the first its sentence names before the words, as a grammatical
    subject (not "imports from Tesvaria", not "Tesvaria's customer"): "Tolmeria banned ..." and "Ardesca
    suspended ..." are two measures by two countries, not one told two ways."""
    sentence = document.sentences[index]
    for mention in document.mentions.get(index, []):
        if mention.kind not in _ACTORS or mention.end > start:
            continue
        if _GOVERNED.search(document.text, sentence.start, mention.start) or \
                document.text[mention.end:mention.end + 2] in ("'s", "’s"):
            continue
        return mention.entity_id
    return None


def _thing_after(document: Document, index: int, end: int) -> Mention | None:
    """The agreement or event named right after the measure's words ("suspend the Defence Information
    Exchange Agreement", "suspended the Malvora vaccine"), before the clause ends."""
    stop = re.search(r"[,;:.]|\b(?:and|but|after|because|while|when)\b", document.text[end:end + 80])
    limit = end + (stop.start() if stop else 80)
    return next((m for m in document.mentions.get(index, []) if m.kind in _THINGS and end <= m.start < limit), None)


def _story(document: Document, at: int) -> Mention | None:
    """The story's agreement, else its event: what an unnamed "no suspension" is about."""
    story = document.main_agreement or document.main_event
    if not story:
        return None
    kind = "agreement" if story == document.main_agreement else "event"
    return Mention(at, at, "", story, kind)

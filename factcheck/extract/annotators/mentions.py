"""Annotator 2, `mentions`: which entities each sentence names, and who a sentence is about by default.

Names become ids through the project's entity file (`readers.entities.Resolver`: aliases, surnames,
fuzzy matches). Three things are added on top, because claims need a subject even when a sentence names
none: "the agreement"/"the accord" stands for the agreement named last; the entities named before each
sentence (`recent`, one per kind) are the subjects of last resort; and when nothing was named yet, the
first multi-word proper name of the sentence is proposed as an organisation ("The Asan Forum said ..."
-> `asan-forum`). The article's main agreement (the one named most) is the topic of quotes that name none;
its main event (the event named most, else the main agreement) is the subject of figures and event
lengths that name no event themselves, so that two articles about one story give them one subject.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from typing import TypeVar
from weakref import WeakKeyDictionary

from factcheck.extract.document import Document, Mention, Sentence
from factcheck.extract.readers.entities import PROPER_NOUN, Resolver
from factcheck.model import Entity
from factcheck.model.entity_index import EntityIndex

_DEFINITE = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hese)\s+")
_PHRASE_WORD = re.compile(r"[\w%’'-]+")
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
_GENERIC_AGREEMENT = re.compile(r"\b(?:the|this|that)\s+(?:agreement|accord|pact|treaty|deal)\b", re.IGNORECASE)


def annotate(document: Document) -> None:
    """The `mentions`, `recent`, `fallback`, `main_agreement`, `main_event` and `actors` layers."""
    text, resolver = document.text, document.resolver
    agreement_words = document.cues.agreement_words
    heads = _once_per_index(resolver.index, ("heads", agreement_words), lambda: _event_heads(resolver, agreement_words))
    named = {}
    for sentence in document.sentences:
        filed = document.dateline_end(sentence)  # "MERLOSA, Estrovia, Aug 11 (Estropress) - ": where it was filed
        found = [m for m in resolver.mentions(text, sentence.start, sentence.end)
                 if not _unit_of_a_figure(text, m) and m.start >= filed]
        references = _head_references(text, sentence, found, heads, agreement_words)
        named[sentence.index] = sorted(found + references, key=lambda m: m.start)
    current = [[m for m in mentions if not _dated_name(text, m, document.published.year)] for mentions in named.values()]
    document.main_agreement = main_topic(current, ("agreement",))
    document.main_event = _story_event(resolver) or document.main_agreement
    document.actors = _once_per_index(resolver.index, "actors", lambda: _event_actors(resolver))
    recent: dict[str, Mention] = {}
    for sentence in document.sentences:
        here = named[sentence.index] + _generic_references(text, sentence, named[sentence.index], recent)
        here.sort(key=lambda m: m.start)
        fallback = recent.get("agreement") or recent.get("event") or (next(iter(recent.values())) if recent else None)
        if not here and fallback is None:
            fallback = _proposed_subject(text, sentence, resolver)
            if fallback is not None:
                recent[fallback.kind] = fallback
        document.mentions[sentence.index] = here
        document.recent[sentence.index] = dict(recent) or ({fallback.kind: fallback} if fallback else {})
        document.fallback[sentence.index] = fallback
        for mention in here:
            if not (mention.kind == "agreement" and _dated_name(text, mention, document.published.year)):
                recent[mention.kind] = mention  # "the agreement" is never the 1965 treaty of the background


_NUMBER_BEFORE = re.compile(r"\d[\d,.]*(?:\s*(?:thousand|million|billion|mn|bn))?[\s-]*$", re.IGNORECASE)
_NUMBER_AFTER = re.compile(r"\s?\d")


def _unit_of_a_figure(text: str, mention: Mention) -> bool:
    """A currency written as a figure's unit ("2.75 dalen", "DL 2.50") is what the figure is counted in,
    never what a claim of the sentence is about; "the dalen weakened" still names it."""
    if mention.kind != "currency":
        return False
    return bool(_NUMBER_BEFORE.search(text, max(0, mention.start - 24), mention.start)
                or _NUMBER_AFTER.match(text, mention.end))


def main_topic(mention_lists: Iterable[list[Mention]], kinds: tuple[str, ...]) -> str | None:
    counts = Counter(m.entity_id for mentions in mention_lists for m in mentions if m.kind in kinds)
    return counts.most_common(1)[0][0] if counts else None


def _dated_name(text: str, mention: Mention, published_year: int) -> bool:
    """"the 1984 Treaty of Peace and Friendship", "a 1965 treaty", "the Treaty of ... of 1984": an agreement
    named by an old year is background, and does not make the article's main agreement."""
    around = text[max(0, mention.start - 6):mention.end + 9]
    return any(int(year) < published_year - 1 for year in _YEAR.findall(around))


_Built = TypeVar("_Built")
# What the annotator derives from the entity file alone, built once per entity index (one per project run),
# not once per article; weak keys, so an index dropped by its run takes its entries with it.
_PER_INDEX: WeakKeyDictionary[EntityIndex, dict[object, object]] = WeakKeyDictionary()


def _once_per_index(index: EntityIndex, key: object, build: Callable[[], _Built]) -> _Built:
    built = _PER_INDEX.setdefault(index, {})
    if key not in built:
        built[key] = build()
    return built[key]  # type: ignore[return-value]


def _story_event(resolver: Resolver) -> str | None:
    """The story's event: the first event of the entity file (a story's file lists its main event
    first), whatever events the article itself names, so that every article of one story gives a
    figure that no named event claims the same subject. (Preferring an event the article names
    instead was tried and lost a tenth of eval/dev's recall: articles name side events.)"""
    events = [entity_id for entity_id, entity in resolver.index.by_id.items() if entity.kind.value == "event"]
    if not events:
        return None
    return events[0]


_ACTOR_KINDS = frozenset(("organisation", "person"))


def _event_actors(resolver: Resolver) -> dict[str, frozenset[str]]:
    """Per event of the entity file, the organisations and people its names name: "Talvik Airlines order
    for Haldane H-7 jets" -> Talvik Airlines, Haldane Aeroworks."""
    people = [(entity.id, re.compile(rf"\b{re.escape(name)}\b"))
              for entity in resolver.index.by_id.values() if entity.kind.value in _ACTOR_KINDS
              for name in entity.names() if len(name) > 2]
    return {entity.id: frozenset(actor for actor, name in people if any(name.search(n) for n in entity.names()))
            for entity in resolver.index.by_id.values() if entity.kind.value == "event"}


_NAME_HEAD = re.compile(r"\s+(?:of|on|in|for|with|against|between|to|outside|inside|at|near|over|about|by|from|"
                        r"during|after|before|into|under|across|through|around|behind)\s+")


def _event_heads(resolver: Resolver, agreement_words: frozenset[str]) -> dict[str, tuple[str, str]]:
    """Head nouns of the names of events and agreements, when only one entity has them: "the Argentine
    duties" -> `duty`, "Mendoza talks" -> `talks`. An article's "the duties" then names that event. The
    lexicon's `agreement_words` ("the deal") are left to the agreements' own words."""
    owners: dict[str, set[str]] = {}
    for entity in resolver.index.by_id.values():
        if entity.kind.value not in ("event", "agreement") or _dated_entity(entity):
            continue
        names = entity.names() if entity.kind.value == "event" else [n for n in entity.names() if n.startswith("the ")]
        for name in names:
            words = _NAME_HEAD.split(name.casefold())[0].split()  # "protest outside the court": a protest
            if len(words) >= 2 and words[-1].isalpha() and len(words[-1]) > 3:
                owners.setdefault(_singular(words[-1]), set()).add(entity.id)
    unique = {head: next(iter(ids)) for head, ids in owners.items() if len(ids) == 1 and head not in agreement_words}
    heads = {head: (entity_id, _names_text(resolver, entity_id)) for head, entity_id in unique.items()}
    for entity in resolver.index.by_id.values():  # "the grain corridor deal": an agreement by its own words
        if entity.kind.value == "agreement":
            heads[f"agreement:{entity.id}"] = (entity.id, _names_text(resolver, entity.id))
    return heads


def _dated_entity(entity: Entity) -> bool:
    """An earlier event or agreement the entity file marks by its year (`tarsk-explosion-2011`, "2019 Kessel
    Quay loading-bay fire"): the story's background. A bare "the explosion" or "the fire" in the story is its
    own, so such an entity is named only by its names, never by a head noun."""
    return any(_YEAR.search(name) for name in (entity.id, *entity.names()))


def _names_text(resolver: Resolver, entity_id: str) -> str:
    return " ".join(resolver.index.get(entity_id).names()).casefold()  # type: ignore[union-attr]


def _head_references(text: str, sentence: Sentence, named: list[Mention],
                     heads: dict[str, tuple[str, str]], agreement_words: frozenset[str]) -> list[Mention]:
    """"the duties", "the 28 per cent duties", "this hearing": a definite noun phrase whose head is the head
    of exactly one event's or agreement's name is a mention of it."""
    if not heads:
        return []
    found = []
    for start, head_start, head_end, modifiers in _definite_phrases(text, sentence, heads, agreement_words):
        if any(m.start < head_end and start < m.end for m in named):
            continue
        head = _singular(text[head_start:head_end].casefold())
        if head in agreement_words:
            agreement = _agreement_by_words(modifiers, heads)
            if agreement is not None:
                found.append(Mention(start, head_end, text[start:head_end], agreement, "agreement"))
            continue
        entity_id, names = heads[head]
        proper = [w for w in modifiers.split() if w[:1].isupper()]
        if any(word.casefold() not in names for word in proper):
            continue  # "the Chilean tariffs" are not "the Argentine duties"
        found.append(Mention(head_start, head_end, text[head_start:head_end], entity_id, "event"))
    return found


_ENDS_PHRASE = frozenset("by of to in on at for with from into over against after before".split())


def _definite_phrases(text: str, sentence: Sentence, heads: dict[str, tuple[str, str]],  # noqa: ANN202
                      agreement_words: frozenset[str]):
    """(start, head start, head end, modifiers) of each "the ..." phrase whose head, within four words, is a
    known head noun or an agreement word: "the grain corridor deal", "the 28 per cent duties"."""
    for article in _DEFINITE.finditer(text, sentence.start, sentence.end):
        words = list(_PHRASE_WORD.finditer(text, article.end(), min(sentence.end, article.end() + 60)))[:4]
        for position, word in enumerate(words):
            between = text[article.end():word.start()]
            if any(mark in between for mark in ",;:()“”\"") or word.group().casefold() in _ENDS_PHRASE:
                break  # "the bid by 31 votes to 19": the votes are no head of "the bid"
            head = _singular(word.group().casefold())
            if head in heads or head in agreement_words:
                modifiers = text[article.end():word.start()]
                yield article.start(), word.start(), word.end(), modifiers
                break


def _agreement_by_words(modifiers: str, heads: dict[str, tuple[str, str]]) -> str | None:
    """The one agreement whose names hold every word before "deal" ("the grain corridor deal")."""
    words = [w.casefold() for w in modifiers.split() if w.isalpha() and len(w) > 2]
    if not words:
        return None
    fitting = [entity_id for key, (entity_id, names) in heads.items() if key.startswith("agreement:")
               and all(re.search(rf"\b{re.escape(w)}\b", names) for w in words)]
    return fitting[0] if len(fitting) == 1 else None


def _singular(word: str) -> str:
    return word[:-3] + "y" if word.endswith("ies") else word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _generic_references(text: str, sentence: Sentence, named: list[Mention],
                        recent: dict[str, Mention]) -> list[Mention]:
    """"the agreement", "the accord": the agreement named last, when the sentence names none itself."""
    last = recent.get("agreement")
    if last is None or any(m.kind == "agreement" for m in named):
        return []
    return [Mention(match.start(), match.end(), match.group(), last.entity_id, "agreement")
            for match in _GENERIC_AGREEMENT.finditer(text, sentence.start, sentence.end)
            if not any(m.start < match.end() and match.start() < m.end for m in named)]


def _proposed_subject(text: str, sentence: Sentence, resolver: Resolver) -> Mention | None:
    """When a sentence names no known entity and none came before: its first multi-word proper name,
    as a proposed entity ("The Asan Forum said ..." -> `asan-forum`)."""
    for match in PROPER_NOUN.finditer(text, sentence.start, sentence.end):
        words = match.group().split()
        while words and words[0].casefold() in ("the", "a", "an"):
            words = words[1:]
        if len(words) >= 2:
            name = " ".join(words)
            entity_id = resolver.propose(name, "organisation")
            return Mention(match.start(), match.end(), name, entity_id, "organisation", proposed=True)
    return None

"""Annotator 2, `mentions`: which entities each sentence names, and who a sentence is about by default.

Names become ids through the project's entity file (`readers.entities.Resolver`: aliases, surnames,
fuzzy matches). Three things are added on top, because claims need a subject even when a sentence names
none: "the agreement"/"the accord" stands for the agreement named last; the entities named before each
sentence (`recent`, one per kind) are the subjects of last resort; and when nothing was named yet, the
first multi-word proper name of the sentence is proposed as an organisation ("The Asan Forum said ..."
-> `asan-forum`). The article's main agreement (the one named most) is the topic of quotes that name none.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from factcheck.extract.document import Document, Mention, Sentence
from factcheck.extract.readers.entities import PROPER_NOUN, Resolver

_GENERIC_AGREEMENT = re.compile(r"\b(?:the|this|that)\s+(?:agreement|accord|pact|treaty|deal)\b", re.IGNORECASE)


def annotate(document: Document) -> None:
    """The `mentions`, `recent`, `fallback` and `main_agreement` layers."""
    text, resolver = document.text, document.resolver
    named = {s.index: resolver.mentions(text, s.start, s.end) for s in document.sentences}
    document.main_agreement = main_topic(named.values(), ("agreement",))
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
            recent[mention.kind] = mention


def main_topic(mention_lists: Iterable[list[Mention]], kinds: tuple[str, ...]) -> str | None:
    counts = Counter(m.entity_id for mentions in mention_lists for m in mentions if m.kind in kinds)
    return counts.most_common(1)[0][0] if counts else None


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

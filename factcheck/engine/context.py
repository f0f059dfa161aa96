"""How alike the words around two values are: the context half of the same-fact test.

Evidence sentences are compared as weighted sets of content-word stems (values, quoted words and
stop words masked; see `factcheck.model.words`), each word weighted by how rare it is in the
language: `8 - zipf frequency` from the `wordfreq` lists, so "said" or "government" count for little
and "capsized" or "notified" for much. The weights come from the language, not from the corpus, so
a verdict never changes because unrelated sources were added, and the gate, which compares a few
claims, judges exactly as the full report does. The subject's own names are masked: both claims
have that subject already. A figure's own clause, found by its digits, narrows the context where a
sentence holds several figures.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection
from functools import lru_cache

from factcheck.model.entity_index import EntityIndex
from factcheck.model.sourced import SourcedClaim
from factcheck.model.words import content_words, stem, words


@lru_cache(maxsize=131072)
def rarity(word: str, language: str = "en") -> float:
    """How much a word says: 8 minus its Zipf frequency (0 for "the", about 5 for "capsized")."""
    from wordfreq import zipf_frequency  # imported on first use: 0.1 s of every command's start-up otherwise

    return max(0.5, 8.0 - zipf_frequency(word, language))


@lru_cache(maxsize=65536)
def weighted_words(text: str, language: str = "en") -> dict[str, float]:
    """Content-word stems of `text`, each with the rarity of its rarest surface form."""
    weights: dict[str, float] = {}
    for word in words(text):
        key = stem(word)
        weights[key] = max(weights.get(key, 0.0), rarity(word, language))
    return weights


ACTOR_KINDS = frozenset({"person", "organisation", "country", "group"})


class ContextIndex:
    """Context similarity of two claims' evidence, with the subject's own names masked; and which
    (subject, property) pairs name one fact by themselves."""

    def __init__(self, entities: EntityIndex | None = None, once: Collection[str] = ()) -> None:
        self._entities = entities or EntityIndex()
        self._once = frozenset(once)

    def names_one_fact(self, item: SourcedClaim) -> bool:
        """The property happens once to the subject: a thing's signing or expiry, not an actor's."""
        entity = self._entities.get(item.claim.subject)
        return item.claim.property in self._once and entity is not None and entity.kind.value not in ACTOR_KINDS

    def is_person(self, subject: str) -> bool:
        """The subject is a person the entity file knows (a person has one age at a time, however told)."""
        entity = self._entities.get(subject)
        return entity is not None and entity.kind.value == "person"

    def names_its_event(self, item: SourcedClaim) -> bool:
        """The claim's subject is an event the entity file knows (an inquiry, a recount), named in the claim's
        own evidence, not a story's event the extractor fell back on."""
        entity = self._entities.get(item.claim.subject)
        return entity is not None and entity.kind.value == "event" \
            and entity.id in self._entities.mentioned_in(item.claim.evidence.text)

    def happens_once(self, item: SourcedClaim) -> bool:
        """The property happens once to whatever it is about (`once: true` in the vocabulary)."""
        return item.claim.property in self._once

    @lru_cache(maxsize=4096)  # noqa: B019 - one index per run; entity names do not change during it
    def year_in_name(self, subject: str) -> re.Pattern[str] | None:
        """A pattern of the subject's names with a year written into them, the year as group `year`:
        "the 1961 Treaty of Saltmere", "the Saltmere treaty of 1967", "the 2015 Paris Agreement"."""
        entity = self._entities.get(subject)
        if entity is None or entity.kind.value in ACTOR_KINDS:
            return None
        names = "|".join(re.escape(n) for n in sorted(entity.names(), key=len, reverse=True) if n.strip())
        if not names:
            return None
        return re.compile(rf"\b(?P<year>1[5-9]\d\d|20\d\d)\s+(?:[A-Za-z-]+\s+)?(?:{names})\b"
                          rf"|\b(?:{names})\s+(?:of|from|in)\s+(?P<year2>1[5-9]\d\d|20\d\d)\b", re.IGNORECASE)

    @lru_cache(maxsize=4096)  # noqa: B019 - one index per run; entity names do not change during it
    def subject_words(self, subject: str) -> frozenset[str]:
        entity = self._entities.get(subject)
        names = [subject.replace("-", " ")] + (entity.names() if entity is not None else [])
        return frozenset(word for name in names for word in content_words(name))

    def similarity(self, a: SourcedClaim, b: SourcedClaim) -> float:
        """Weighted Jaccard of the two evidence texts' content words, in [0, 1]."""
        masked = self.subject_words(a.claim.subject) | self.subject_words(b.claim.subject)
        wa = {w: x for w, x in weighted_words(a.claim.evidence.text, a.source.language).items() if w not in masked}
        wb = {w: x for w, x in weighted_words(b.claim.evidence.text, b.source.language).items() if w not in masked}
        union = wa.keys() | wb.keys()
        if not union:
            return 0.0
        # math.fsum: a float sum whose result does not depend on the order of the words, which set
        # iteration leaves to the hash seed (a plain sum could print 0.12 in one run and 0.13 in another)
        shared = math.fsum(min(wa[w], wb[w]) for w in wa.keys() & wb.keys())
        return shared / math.fsum(max(wa.get(w, 0.0), wb.get(w, 0.0)) for w in union)


_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:and|but|while|which|after|as|whereas)\b")


def _written_forms(amount: float) -> list[str]:
    """How a figure may be written in the text: 1200000000 as "1,200,000,000", "1.2" (billion), ..."""
    forms = []
    for scale in (1.0, 1e3, 1e6, 1e9, 1e12):
        value = amount / scale
        if scale > 1 and value < 1:
            break
        forms += [f"{value:,.0f}", f"{value:.0f}"] if value == int(value) else [f"{value:g}", f"{value:,.2f}".rstrip("0")]
    return sorted(set(forms), key=len, reverse=True)


def value_start(text: str, amount: float) -> int | None:
    """Where the figure `amount` is first written in `text`, or None when it cannot be found."""
    for form in _written_forms(amount):
        found = re.search(rf"(?<![\d.,]){re.escape(form)}(?![\d])", text)
        if found:
            return found.start()
    return None


def value_clause(text: str, amount: float) -> str | None:
    """The clause of `text` that holds the figure `amount`, or None when it cannot be found."""
    for form in _written_forms(amount):
        found = re.search(rf"(?<![\d.,]){re.escape(form)}(?![\d])", text)
        if found:
            breaks = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(text)]
            start = max((end for begin, end in breaks if end <= found.start()), default=0)
            end = min((begin for begin, _ in breaks if begin >= found.end()), default=len(text))
            return text[start:end]
    return None

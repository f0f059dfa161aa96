"""Entity names to ids: find mentions in a text and turn names into entity ids, proposing new entities when needed.

Claims refer to entities by id, but articles write "the pact", "Seoul", "Michael Pompeo" or just
"Kim". Resolution goes from safest to loosest: an alias of the entity file (one compiled regex of every
alias, longest first, so "the Moon administration" wins over "Moon"); a surname that names a person
mentioned earlier in the same article (the Bloomberg seed has two Kims: "Kim said" is the most recent
one); a fuzzy match of the whole name against the aliases (rapidfuzz, high cutoff, same last word); and
finally a proposed entity with a generated kebab-case id. A proposal is named as an entity is called
(no article, no possessive: "South Korea’s" is `south-korea`) and given the kind its name says
(`readers.names`: a country, an organisation's word like "University" or "Ministry"), else the kind the
caller saw it act as; a speaker's office becomes the proposal's role. Proposals are collected, never
written into the user's entity file: `factcheck entities propose` shows them, `accept` moves them there.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from factcheck.extract.document import Mention
from factcheck.extract.readers.names import clean_name, load_names
from factcheck.model import Entity, EntityKind, Role
from factcheck.model.entity_index import EntityIndex, alias_key

# Initials first: "U.S." is one word, never "U." and then "S. Secretary ...".
_NAME_WORD = r"(?:[A-Z]\.(?:[A-Z]\.)+|[A-Z][\w’'\-]*\.?)"
# A run of capitalised words (with "of", "the", "and" inside), as names and titles are written.
PROPER_NOUN = re.compile(rf"{_NAME_WORD}(?:\s+(?:(?:of|the|and|for|de|van|von|al|bin)\s+)?{_NAME_WORD})*")
_SLUG = re.compile(r"[^a-z0-9]+")
FUZZY_CUTOFF = 88
PROPOSED = "Proposed by factcheck extract: check the name, kind and id, then accept it (factcheck entities accept)."


@dataclass
class Resolver:
    """Resolves names of one project; holds the proposals made while extracting."""

    index: EntityIndex
    proposals: dict[str, Entity] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._names = sorted(self.index.by_alias, key=len, reverse=True)
        self._pattern = _alias_pattern([n for e in self.index.by_id.values() for n in e.names()])
        self._loose_aliases = {_loose_key(alias): entity_id for alias, entity_id in self.index.by_alias.items()}
        self._surnames: dict[str, list[str]] = {}
        for entity in self.index.by_id.values():
            if entity.kind is EntityKind.person:
                for token in {t for n in entity.names() for t in n.replace("-", " ").split()}:
                    self._surnames.setdefault(token.casefold(), []).append(entity.id)

    def mentions(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        """Known entities named in `text[start:end]`, left to right, longest alias first."""
        found = []
        for match in self._pattern.finditer(text, start, len(text) if end is None else end):
            entity_id = self.index.resolve(match.group()) or self._loose(match.group())
            if entity_id:
                entity = self.index.get(entity_id) or self.proposals.get(entity_id)
                kind = entity.kind.value if entity else "organisation"
                found.append(Mention(match.start(), match.end(), match.group(), entity_id, kind))
        return found

    def _loose(self, name: str) -> str | None:
        return self._loose_aliases.get(_loose_key(name))

    def resolve(self, name: str, recent_people: list[str] = (), *, kind: str = "person") -> tuple[str, bool]:
        """The entity id for a name as written, and whether it is a proposal (unknown to the entity file).

        `recent_people` are ids of people named earlier in the article, most recent first: a surname
        alone ("Kim") is the most recent person whose name contains it."""
        name = clean_name(name)
        exact = self.index.resolve(name) or self._loose(name)
        if exact:
            return exact, False
        tokens = name.replace("-", " ").split()
        if len(tokens) == 1:
            key = tokens[0].casefold()
            for person in recent_people:
                entity = self.index.get(person) or self.proposals.get(person)
                if entity and any(key == t.casefold() for n in entity.names() for t in n.replace("-", " ").split()):
                    return person, person in self.proposals
            candidates = self._surnames.get(key, [])
            if len(candidates) == 1:
                return candidates[0], False
        fuzzy = self._fuzzy(name)
        if fuzzy:
            return fuzzy, False
        return self.propose(name, kind), True

    def known_person(self, name: str, recent_people: list[str] = ()) -> str | None:
        """The id of a known person called `name` (never a proposal), or None."""
        name = clean_name(name)
        exact = self.index.resolve(name) or self._loose(name)
        if exact:
            return exact if self.kind_of(exact) == "person" else None
        tokens = name.replace("-", " ").split()
        if len(tokens) == 1:
            key = tokens[0].casefold()
            for person in recent_people:
                entity = self.index.get(person)
                if entity and any(key == t.casefold() for n in entity.names() for t in n.replace("-", " ").split()):
                    return person
            candidates = self._surnames.get(key, [])
            return candidates[0] if len(candidates) == 1 else None
        return self._fuzzy(name)

    def _fuzzy(self, name: str) -> str | None:
        if len(name) < 4 or not self._names:
            return None
        match = process.extractOne(alias_key(name), self._names, scorer=fuzz.token_sort_ratio,
                                   score_cutoff=FUZZY_CUTOFF)
        if not match:
            return None
        last_written = alias_key(name).split()[-1]
        if fuzz.ratio(alias_key(match[0]).split()[-1], last_written) < 80:
            return None  # the last words must agree too: a shared "Kim" makes no match
        return self.index.by_alias[match[0]]

    def propose(self, name: str, kind: str = "person") -> str:
        """A new entity for an unknown name, with an id made from the name (`euan-graham`); its kind is
        what the name says it is (a country, an organisation), else `kind`."""
        names = load_names()
        written = clean_name(name) or name.strip()
        kind = names.kind(written, kind)
        country = names.country(written) if kind == "country" else None
        name = country or written
        aliases = [written] if country and written != country else []
        base = slug(name) or "entity"
        entity_id = base
        number = 2
        while entity_id in self.index.by_id or (entity_id in self.proposals and self.proposals[entity_id].name != name):
            entity_id = f"{base}-{number}"
            number += 1
        existing = self.proposals.get(entity_id)
        if existing is None:
            self.proposals[entity_id] = Entity(id=entity_id, kind=EntityKind(kind), name=name, aliases=aliases,
                                               description=PROPOSED)
        elif aliases and aliases[0] not in existing.names():
            self.proposals[entity_id] = existing.model_copy(update={"aliases": [*existing.aliases, *aliases]})
        return entity_id

    def add_role(self, entity_id: str, title: str, organisation: str | None) -> None:
        """A proposed person's office as written ("Secretary of State", of `united-states`), once."""
        entity = self.proposals.get(entity_id)
        if entity is None or entity.kind is not EntityKind.person or entity.roles:
            return
        self.proposals[entity_id] = entity.model_copy(update={"roles": [Role(title=title, organisation=organisation)]})

    def place(self, written: str) -> str | None:
        """The entity of a place written before an office ("U.S.", "Japan’s"): known, else a proposed country."""
        name = clean_name(written)
        known = self.index.resolve(name) or self._loose(name)
        if known:
            return known
        return self.propose(name, "country") if load_names().country(name) else None

    def kind_of(self, entity_id: str) -> str | None:
        entity = self.index.get(entity_id) or self.proposals.get(entity_id)
        return entity.kind.value if entity else None


def slug(name: str) -> str:
    """`Euan Graham` -> `euan-graham`, `U.S. Department of Defense` -> `us-department-of-defense`; accents
    and full stops dropped, anything else becomes a hyphen."""
    ascii_name = unicodedata.normalize("NFKD", name.replace(".", "")).encode("ascii", "ignore").decode()
    return _SLUG.sub("-", ascii_name.casefold()).strip("-")


def _loose_key(name: str) -> str:
    return alias_key(name.replace("’", "'").replace("-", " "))


def _alias_pattern(names: list[str]) -> re.Pattern[str]:
    """One regex for every alias, longest first. A one-word capitalised alias ("Moon", "US") matches
    its case exactly; longer or lower-case aliases ignore case; a hyphen and a space are the same."""
    parts = []
    for name in sorted(set(names), key=len, reverse=True):
        words = re.split(r"[\s\-]+", name.strip())
        body = r"[\s\-]+".join(re.escape(w).replace("’", "[’']").replace("'", "[’']") for w in words)
        ignore_case = len(words) > 1 or not any(c.isupper() for c in name)
        parts.append(f"(?i:{body})" if ignore_case else body)
    if not parts:
        return re.compile(r"(?!x)x")
    return re.compile(rf"(?<![\w.])(?:{'|'.join(parts)})(?![\w])")

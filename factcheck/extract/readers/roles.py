"""The role and organisation a sentence gives a speaker, as written.

"Lieutenant Colonel Dave Eastburn, a Pentagon spokesman, said": the role is the appositive after the
name ("a Pentagon spokesman"); "Japan’s Foreign Minister Taro Kono said": the office written before the
name (words of the `titles` lexicon); "South Korea’s defense minister, Jeong Kyeong-doo": a lower-case
office before the name. The organisation is an organisation (else a country) named in the role (or by its
kind: "the agency's operations director" is the agency named last whose name ends in "Agency"), or
right before it ("Japan’s"), made precise by the speaker's roles in the entity file when one of them
belongs to it (Kono's Foreign Minister role is at `japan-mofa`, part of `japan`). An organisation may
speak through an unnamed person: "a spokesman for Japan’s Foreign Ministry" is `japan-mofa`.
"""

from __future__ import annotations

import re

from factcheck.extract.cues import Cues
from factcheck.extract.document import Mention
from factcheck.extract.readers.entities import PROPER_NOUN, Resolver
from factcheck.extract.readers.names import clean_name, load_names
from factcheck.extract.document import Sentence

_APPOSITIVE = re.compile(r",\s+(?P<role>[^,“”\"]{2,140}?)\s*(?:,|\.?$)")
_ROLE_BEFORE = re.compile(r"(?P<role>[a-z][\w\- ]{2,40}),\s*$")
# "The Minister of Finance, Mrs Cosima Sandoval": an office written before the name with capitals, then a comma.
_MINISTER_BEFORE = re.compile(r"(?P<role>\b(?:[A-Z][a-z]+\s+)?[Mm]inister(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][a-z]+"
                              r"(?:\s+(?:and\s+)?[A-Z][a-z]+)?)?),\s*(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?$")
_WORD = re.compile(r"[\w.’'\-]+")
_FOR_ORGANISATION = re.compile(r"\s+(?:for|of|at|from|with)\s+")
# An organisation named by its kind in a role: "the agency's operations director", "the director of the company".
_THE_KIND = re.compile(r"\bthe\s+(?:(?P<own>[a-z]+)[’']s\b|[a-z]+\s+of\s+the\s+(?P<of>[a-z]+)\b)")
_LEADING_FUNCTION_WORD = re.compile(r"(?:the|of|a|an)\s+", re.IGNORECASE)


class RoleReader:
    """Reads roles and organisations around speakers in one text."""

    def __init__(self, text: str, resolver: Resolver, cues: Cues) -> None:
        self.text, self.resolver, self.cues = text, resolver, cues

    def spoken_for(self, agent_start: int, agent_end: int, sentence: Sentence) -> tuple[str, str] | None:
        """"a Pentagon spokesman", "a spokesman for Japan’s Foreign Ministry": the organisation speaks,
        through the role as written."""
        inside = [m for m in self.resolver.mentions(self.text, agent_start, agent_end)
                  if m.kind in ("organisation", "country", "group")]
        if inside:
            return self.text[agent_start:agent_end], _best_org(inside) or inside[0].entity_id
        unknown = self._organisation_named(agent_start, agent_end)
        if unknown is not None:  # "A U.S. Department of Defense official", the department unknown yet
            return self.text[agent_start:agent_end], unknown
        following = _FOR_ORGANISATION.match(self.text, agent_end, sentence.end)
        if following:
            after = [m for m in self.resolver.mentions(self.text, following.end(), min(sentence.end, following.end() + 60))
                     if m.kind in ("organisation", "country", "group")]
            if after and not self.text[following.end():after[0].start].strip(" ’'s"):
                # the organisation named right after "for": prefer the longest (the ministry over Japan)
                chosen = max((m for m in after if m.start <= after[0].end), key=lambda m: m.end - m.start)
                best = next((m for m in after[:2] if m.kind == "organisation"), chosen)
                return self.text[agent_start:best.end], best.entity_id
        return None

    def _organisation_named(self, start: int, end: int) -> str | None:
        """A proposed organisation named inside a role, by a name that says it is one ("Department of
        Defense", "La Trobe University"), when the entity file knows none there."""
        for match in PROPER_NOUN.finditer(self.text, start, end):
            name = clean_name(match.group())
            if len(name.split()) > 1 and load_names().kind(name, "person") == "organisation":
                return self.resolver.propose(name, "organisation")
        return None

    def role_of(self, start: int, end: int, entity_id: str, sentence: Sentence) -> tuple[str | None, str | None]:
        role: str | None = None
        appositive = _APPOSITIVE.match(self.text, end, sentence.end)
        if appositive and not self.cues.speech.match(appositive.group("role")):
            role = appositive.group("role").strip()
            role_span = (appositive.start("role"), appositive.end("role"))
        else:
            role_span = (start, start)
            lead = self.text[max(sentence.start, start - 60):start]
            lowered = _ROLE_BEFORE.search(lead) or _MINISTER_BEFORE.search(lead)
            titles = self.titles_before(start, sentence.start)
            own = self._titles_inside(start, end)
            if titles is not None:  # 0 too: an office at the very start of the text
                role, role_span = self.text[titles:start].strip(" ,"), (titles, start)
            elif lowered:
                role = lowered.group("role").strip()
                role_span = (start - len(lead) + lowered.start(), start)
            elif own:  # a name of the entity file that holds the office: "Finance Minister Cosima Sandoval"
                role, role_span = self.text[start:own].strip(), (start, own)
        organisation = self.organisation(role_span, entity_id, sentence)
        return role, organisation

    def _titles_inside(self, start: int, end: int) -> int | None:
        """Where the words of the `titles` lexicon that open a name end, when they do."""
        last = None
        for word in _WORD.finditer(self.text, start, end):
            if word.group().casefold() not in self.cues.titles:
                break
            last = word.end()
        return last if last is not None and last < end else None

    def titles_before(self, position: int, floor: int) -> int | None:
        """Where the office written before a name begins ("Foreign Minister" in "Japan’s Foreign
        Minister Taro Kono", "defense minister" in "South Korea’s defense minister, Jeong ...")."""
        start = None
        for word in reversed(list(_WORD.finditer(self.text, max(floor, position - 80), position))):
            if word.group().casefold() not in self.cues.titles:
                break
            start = word.start()
        while start is not None:
            lead = _LEADING_FUNCTION_WORD.match(self.text, start, position)
            if not lead:
                break
            start = lead.end()
        return start if start is not None and start < position else None

    def organisation(self, role_span: tuple[int, int], entity_id: str, sentence: Sentence) -> str | None:
        start, end = role_span
        inside = self.resolver.mentions(self.text, start, end)
        lead = [m for m in self.resolver.mentions(self.text, max(sentence.start, start - 30), start)
                if not self.text[m.end:start].strip(" ’'s")]
        found = _best_org(inside) or _best_org(lead) or self._ministry_of(self.text[start:end]) or \
            self._the_organisation(start, end)
        if found is None:
            return None
        entity = self.resolver.index.get(entity_id)
        for role in entity.roles if entity else []:
            if role.organisation and found in self.resolver.index.ancestors(role.organisation):
                return role.organisation
        return found

    def _the_organisation(self, start: int, end: int) -> str | None:
        """The organisation a role names by its kind ("the agency's operations director", "the director of
        the company"): the one named last before it whose name ends with that word ("Varsk Road Agency")."""
        written = _THE_KIND.search(self.text, start, end)
        if written is None:
            return None
        kind = (written.group("own") or written.group("of")).casefold()
        named = [m.entity_id for m in self.resolver.mentions(self.text, 0, start) if m.kind == "organisation"
                 and any(name.casefold().split()[-1:] == [kind] for name in self._names(m.entity_id))]
        return named[-1] if named else None

    def _names(self, entity_id: str) -> list[str]:
        entity = self.resolver.index.get(entity_id)
        return list(entity.names()) if entity else []

    def _ministry_of(self, role: str) -> str | None:
        """The ministry an office heads, by the entity file's names: "Finance Minister" and "the Minister of
        Finance" speak for the organisation named "Ministry of Finance" or "the finance ministry"."""
        office = _MINISTER_OF.search(role) or _MINISTER_AFTER.search(role)
        if office is None:
            return None
        field = " ".join(office.group("field").casefold().split())
        ministry = re.compile(rf"\bministry\s+(?:of|for)\s+(?:the\s+)?{re.escape(field)}\b|\b{re.escape(field)}\s+ministry\b",
                              re.IGNORECASE)
        found = {entity.id for entity in self.resolver.index.by_id.values() if entity.kind.value == "organisation"
                 and any(ministry.search(name) for name in entity.names())}
        return found.pop() if len(found) == 1 else None


# An office that heads a ministry: "Finance Minister", "Minister of Foreign Affairs", "the minister for health".
_MINISTER_OF = re.compile(r"\bminister\s+(?:of|for)\s+(?:the\s+)?(?P<field>[a-z]+(?:\s+(?!and\b)[a-z]+)?)\b", re.IGNORECASE)
_MINISTER_AFTER = re.compile(r"\b(?P<field>(?!(?:prime|the|a|an|deputy|junior|former)\b)[a-z]+)\s+minister\b", re.IGNORECASE)


def _best_org(mentions: list[Mention]) -> str | None:
    for kind in ("organisation", "group", "country"):
        for mention in mentions:
            if mention.kind == kind:
                return mention.entity_id
    return None

"""Who said a quote: the speaker's entity id, role and organisation as the sentence gives them.

News attributes quotes in a handful of shapes, tried in this order for each quote:

1. right after it: "“...,” Graham said", "“...,” said Yuki Tatsumi, co-director of ...", "“...,” she said";
2. before it: "Kim cited ..., saying it “...”", "Pompeo said during a visit to Ottawa that “...”",
   "A U.S. Department of Defense official expressed “...”" (an organisation speaks through a role);
3. the quote before it in the same paragraph ("“We strongly believe ...”" after Eastburn's quote), or
   in the same sentence ("... that “we’re urging ...” so they “can begin ...”");
4. a person named in the previous sentence, when the quote stands alone.

A pronoun ("he", "she") or a role ("the minister") is the nearest named speaker (with that role); a
surname alone is the nearest person of that name (`Resolver.resolve`). A speech verb after the quote
counts only when no clause starts in between ("“...,” while Kono suggested" is not Kono's quote).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from factcheck.extract.cues import Cues
from factcheck.extract.readers.dates import MONTH_NAME, WEEKDAY_NAME
from factcheck.extract.readers.entities import PROPER_NOUN, Resolver
from factcheck.extract.readers.names import clean_name, load_names, name_start, places_before
from factcheck.extract.readers.quotemarks import QuoteSpan, reads_as_title
from factcheck.extract.readers.roles import RoleReader
from factcheck.extract.document import Document, Sentence

_CLAUSE = re.compile(r"\b(?:while|whereas|although|though|but|because|if|when|as)\b|[;—]", re.IGNORECASE)
_WORD = re.compile(r"[\w.’'\-]+")
_ECHO_WINDOW = 30  # how many earlier quotes an echo may repeat (keeps long texts linear)
_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
_AGE = re.compile(r"^\s*,\s*\d{1,3}\s*,")  # "Graham, 54, told the Herald": an age between a name and its verb
_DOCUMENT_OF = re.compile(r"\s*(?:a|an|the)\s+(?:written\s+|brief\s+|short\s+|joint\s+)?(?:statement|letter|post|message|"
                          r"interview|speech|tweet)\s+(?:from|by|issued\s+by|posted\s+by)\s+", re.IGNORECASE)
_DASH_BYLINE = re.compile(r"\s*(?:—|–|--|-)\s*")  # a quote's speaker after a dash: "“...” – Mayor Ana Siljak"
_TITLE_GLUE = frozenset(("of", "and", "for", "the", "&"))  # "the Minister of Labour and Social Affairs"
_RANK = {"person": 0, "name": 1, "pronoun": 2, "role": 3, "organisation": 4, "country": 5, "group": 5}


@dataclass(frozen=True)
class Attribution:
    speaker: str
    proposed: bool
    role: str | None
    organisation: str | None
    confidence: float
    how: str


UNNAMED = Attribution("", False, None, None, 0.0, "an unnamed speaker")  # attributed, but to no one we can name


@dataclass(frozen=True)
class AttributedQuote:
    quote: QuoteSpan
    sentence: Sentence
    attribution: Attribution


@dataclass(frozen=True)
class _Agent:
    start: int
    end: int
    name: str
    kind: str
    entity_id: str | None = None

    @property
    def rank(self) -> int:
        return _RANK.get(self.kind, 9)


# "In June the ministry said": a month or a day opening a sentence is no one's name.
_CALENDAR = re.compile(rf"(?:(?:In|On|By|Since|Last|This|Next|Early|Late|Until)\s+)?(?:{MONTH_NAME}|{WEEKDAY_NAME})")
_POSSESSIVE_LEAD = re.compile(r"\s{0,3}(?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w.\-]*['’]s\s")


class SpeakerFinder:
    """Attributes the quotes of one document, in text order (earlier speakers resolve later pronouns)."""

    def __init__(self, document: Document, resolver: Resolver, cues: Cues) -> None:
        self.document, self.text, self.resolver, self.cues = document, document.text, resolver, cues
        self.roles = RoleReader(document.text, resolver, cues)
        self._pronoun = re.compile(rf"\b(?:{'|'.join(sorted(cues.pronouns)) or 'he'})\b", re.IGNORECASE)
        nouns = "|".join(sorted(cues.role_nouns)) or "minister"
        # "the chief executive": a role runs on over role nouns that follow each other, so its last word is "executive"
        self._role_noun = re.compile(rf"\b(?:the|a|an|one)\s+(?:[\w.\-’']+\s+){{0,5}}?(?:{nouns})"
                                     rf"(?:\s+(?:{nouns}))*\b", re.IGNORECASE)
        self._org_role = re.compile(rf"\s+(?P<role>(?:[\w\-]+\s+)?(?:{nouns}))\b", re.IGNORECASE)
        self._people: list[tuple[int, str]] = sorted(
            (m.start, m.entity_id) for s in document.sentences for m in resolver.mentions(self.text, s.start, s.end)
            if m.kind == "person")
        self._speakers: list[tuple[int, int, Attribution]] = []  # (offset, line, attribution)
        self._gender: dict[str, str] = {}  # speaker -> the pronoun that referred to them ("he"/"she")
        self._full_names: list[tuple[int, str]] = self._names_of_people()
        self._holders: dict[str, str | None] = {}  # a title -> the one person of the entity file given it

    def _names_of_people(self) -> list[tuple[int, str]]:
        """Every name of two words or more that reads as a person's, with its offset, in text order."""
        found = []
        for sentence in self.document.sentences:
            for match in PROPER_NOUN.finditer(self.text, sentence.start, sentence.end):
                start = self._after_titles(match.start(), match.end())
                name = clean_name(self.text[start:match.end()])
                if len(name.split()) >= 2 and load_names().kind(name, "person") == "person":
                    found.append((start, name))
        return found

    def attribute(self, quotes: list[QuoteSpan]) -> list[AttributedQuote]:
        results: list[AttributedQuote] = []
        previous: AttributedQuote | None = None
        for position, quote in enumerate(quotes):
            sentence = self.document.sentence_at(quote.start) or self.document.sentence_at(quote.start - 1)
            if sentence is None:
                continue  # inside noise or a repeated sentence
            if reads_as_title(quote.value_text(self.text)):
                continue  # "Girl with a Lantern": a painting's, a book's or an operation's name, not a statement
            neighbours = quotes[max(0, position - 1):position + 2]  # quotes are in text order, never overlapping
            attribution = self._explicit(quote, sentence, neighbours) or self._echo(quote, results)
            if attribution is None and quote.words(self.text) >= 4:
                attribution = self._implicit(quote, sentence, previous) or self._introduced(quote, sentence)
            if attribution is None or attribution is UNNAMED:
                continue
            if (previous and previous.sentence.index == sentence.index and attribution.how.startswith("named")
                    and previous.attribution.how == "named after" and previous.attribution.speaker == attribution.speaker
                    and self._between_is_attribution(previous.quote, quote)):
                merged = QuoteSpan(previous.quote.parts + quote.parts, quote.closed, elided=True)
                results[-1] = previous = AttributedQuote(merged, previous.sentence, previous.attribution)
                continue
            previous = AttributedQuote(quote, sentence, attribution)
            self._speakers.append((quote.start, sentence.line, attribution))
            results.append(previous)
        return results

    # --- the attribution shapes -------------------------------------------------------------------

    def _explicit(self, quote: QuoteSpan, sentence: Sentence, quotes: list[QuoteSpan]) -> Attribution | None:
        # A quotation of several sentences is attributed after its close: "“We listened. This is a
        # budget we can afford,” Mayor Vals said."
        closing = self.document.sentence_at(quote.end - 1) or sentence
        closing = closing if closing.index > sentence.index else sentence
        before_start, after_end = sentence.start, closing.end
        for other in quotes:
            if sentence.start <= other.end <= quote.start - 1:
                before_start = max(before_start, other.end + 1)
            if quote.end < other.start - 1 and other.start <= closing.end:
                after_end = min(after_end, other.start - 1)
        after_start = min(quote.end + 1, closing.end)
        verbs_after = list(self.cues.speech.finditer(self.text, after_start, max(after_start, after_end)))
        if verbs_after:
            verb = verbs_after[0]
            if not _CLAUSE.search(self.text, after_start, verb.start()):
                agent = self._choose(after_start, verb.start(), verb.start(), adjacent=True) or \
                    self._first_after(verb.end(), max(verb.end(), after_end))
                if agent:
                    return self._attribution(agent, closing, "named after", 0.9)
        dash = _DASH_BYLINE.match(self.text, after_start, max(after_start, after_end))
        if dash and not verbs_after:  # "“We will rebuild the bridge.” – Mayor Ana Siljak"
            agent = self._named_after_title(dash.end(), after_end)
            if agent:
                return self._attribution(agent, closing, "named after", 0.85)
        verbs_before = list(self.cues.speech.finditer(self.text, before_start, max(before_start, quote.start - 1)))
        for verb in reversed(verbs_before):
            agent = self._choose(before_start, verb.start(), verb.start(), adjacent=False) or \
                self._first_after(verb.end(), quote.start - 1)
            if agent:
                return self._attribution(agent, sentence, "named before", 0.85)
        return None

    def _echo(self, quote: QuoteSpan, earlier: list[AttributedQuote]) -> Attribution | None:
        """A few words quoted again later ("those “shared interests”") are the speaker's who said them."""
        words = _normal(quote.value_text(self.text))
        if not words:
            return None
        for attributed in reversed(earlier[-_ECHO_WINDOW:]):
            if words in _normal(attributed.quote.value_text(self.text)):
                return _with(attributed.attribution, how="echo of an earlier quote", confidence=0.6, role=None)
        return None

    def _implicit(self, quote: QuoteSpan, sentence: Sentence, previous: AttributedQuote | None) -> Attribution | None:
        if previous and previous.sentence.line == sentence.line and sentence.index - previous.sentence.index <= 1:
            return _with(previous.attribution, how="previous quote", confidence=0.75)
        if sentence.index > 0:
            before = self.document.sentences[sentence.index - 1]
            if sentence.line - before.line <= 1:
                people = [m for m in self.resolver.mentions(self.text, before.start, before.end) if m.kind == "person"]
                if people:
                    agent = _Agent(people[-1].start, people[-1].end, people[-1].text, "person", people[-1].entity_id)
                    return self._attribution(agent, before, "previous sentence", 0.6)
        return None

    def _introduced(self, quote: QuoteSpan, sentence: Sentence) -> Attribution | None:
        """No speech verb, but the sentence names a person before the quote: "Tomas Reiner of Vardesh,
        leaving the ministry: “...”", "Ambrell's chair Marguerite Solberg accused Kestrel of trying to buy
        the company “on the cheap”". The first person named is the likeliest speaker; a low confidence
        says the attribution was inferred."""
        if not sentence.start <= quote.start <= sentence.end:
            return None
        agents = self._agents(sentence.start, max(sentence.start, quote.start - 1))
        people = [a for a in agents if a.kind == "person" or (a.kind == "name" and len(a.name.split()) > 1)]
        if not people:
            return self._role_introduces(quote, sentence, agents)
        first = min(people, key=lambda a: a.start)
        return self._attribution(first, sentence, "the person the sentence names before the quote", 0.55)

    def _role_introduces(self, quote: QuoteSpan, sentence: Sentence, agents: list[_Agent]) -> Attribution | None:
        """"The mayor closes for the administration: “...”": a role that opens the sentence and a colon right
        before the quote introduce its speaker, as a name would."""
        roles = [a for a in agents if a.kind == "role" and a.name.casefold().startswith("the ")]
        if not roles or not self.text[sentence.start:quote.start].rstrip(" \"“«").endswith(":"):
            return None
        first = min(roles, key=lambda a: a.start)
        if re.search(r"[,;:]", self.text[sentence.start:first.start]):
            return None
        attribution = self._attribution(first, sentence, "the role the sentence names before the quote", 0.55)
        return None if attribution is UNNAMED else attribution

    # --- agents ------------------------------------------------------------------------------------

    def _agents(self, start: int, end: int) -> list[_Agent]:
        mentions = self.resolver.mentions(self.text, start, end)
        agents = [_Agent(m.start, m.end, m.text, m.kind, m.entity_id) for m in mentions]
        for match in PROPER_NOUN.finditer(self.text, start, end):
            run_start = max([match.start()] + [m.end for m in mentions if m.start < match.end() and match.start() < m.end])
            if run_start > match.start():  # "Japan’s Foreign Minister Taro Kono" with Japan known: what follows it
                run_start = next((w.start() for w in _WORD.finditer(self.text, run_start, match.end())
                                  if w.group()[:1].isupper()), match.end())
            name_start = self._after_titles(run_start, match.end())
            name = self.text[name_start:match.end()]
            if name_start >= match.end() or name.casefold() in self.cues.pronouns or _CALENDAR.fullmatch(name):
                continue
            if len(name.split()) > 1 and load_names().kind(name, "person") != "person":  # "La Trobe University"
                agents.append(_Agent(name_start, match.end(), name, "organisation", self.resolver.propose(name, "organisation")))
                continue
            person = self.resolver.known_person(name, self._recent_people(name_start))
            agents.append(_Agent(name_start, match.end(), name, "person" if person else "name", person))
        agents += [_Agent(m.start(), m.end(), m.group(), "pronoun") for m in self._pronoun.finditer(self.text, start, end)]
        agents += [_Agent(m.start(), m.end(), m.group(), "role") for m in self._role_noun.finditer(self.text, start, end)]
        return [a for a in agents if a.rank < 9]

    def _choose(self, start: int, end: int, verb_at: int, *, adjacent: bool) -> _Agent | None:
        candidates = []
        bound = self._appositive_start(start, verb_at)
        for agent in self._agents(start, end):
            if bound is not None and agent.start > bound:
                continue  # "Euan Graham, executive director of ... at La Trobe University, said": Graham speaks
            single = agent.kind == "name" and len(agent.name.split()) == 1
            if single and _AGE.sub("", self.text[agent.end:verb_at]).strip():
                continue  # a lone capitalised word is a name only right before its verb ("Kim said")
            candidates.append(agent)
        if adjacent:
            candidates = [a for a in candidates if a.kind not in ("organisation", "country") or
                          not self.text[a.end:verb_at].strip(" ,")]
        if not candidates:
            return None
        return min(candidates, key=lambda a: (a.rank, verb_at - a.end))

    def _appositive_start(self, start: int, verb_at: int) -> int | None:
        """Where an appositive between a name and its verb begins ("Kim Hyun-wook, a professor at ...,
        said"): the names inside it are not the speaker."""
        segment = self.text[start:verb_at].rstrip()
        first = segment.find(",")
        if not segment.endswith(",") or first < 0 or first == len(segment) - 1:
            return None
        after = segment[first + 1:].lstrip()
        if after[:1].islower() or re.match(r"(?:a|an|the)\s", after):
            return start + first
        return None

    def _first_after(self, start: int, end: int) -> _Agent | None:
        """The agent right after a speech verb; past a possessive to the person it introduces ("said
        Orlek's mayor, Ana Siljak": Siljak speaks, Orlek names whose mayor she is)."""
        found = [a for a in self._agents(start, end) if a.kind in ("person", "name", "role", "organisation")]
        possessive = _POSSESSIVE_LEAD.match(self.text, start, end)
        if possessive:
            named = [a for a in found if a.kind in ("person", "name") and possessive.end() <= a.start
                     <= possessive.end() + 50 and len(a.name.split()) > 1
                     and not re.search(r"[.;:]", self.text[possessive.end():a.start])]
            if named:
                return min(named, key=lambda a: a.start)
        document = _DOCUMENT_OF.match(self.text, start, end)
        if document:  # "according to a statement from Euan Graham", "in a letter by ...": who wrote it
            start = document.end()
        agents = [a for a in found if a.start - start <= 3]
        near = min(agents, key=lambda a: a.start) if agents else None
        if near is not None and (near.kind == "person" or near.kind == "name" and len(near.name.split()) > 1):
            return near
        # "said Chief Financial Officer Ansgar Dalvang", "said the Minister of Labour, Ylva Brenvik", "said Orlek
        # mayor Ana Siljak": a name a title leads to
        return self._named_after_title(start, end, found) or near

    def _named_after_title(self, start: int, end: int, found: list[_Agent] | None = None) -> _Agent | None:
        """The last person's name that a run of title words from `start` leads to (within 90 characters)."""
        agents = found if found is not None else self._agents(start, end)
        titled = [a for a in agents if a.kind == "person" or (a.kind == "name" and len(a.name.split()) > 1)]
        after_title = [a for a in titled if 0 <= a.start - start <= 90
                       and (not self.text[start:a.start].strip() or self._title_run(start, a.start))]
        return max(after_title, key=lambda a: a.start) if after_title else None

    def _title_run(self, start: int, end: int) -> bool:
        """Whether `text[start:end]` is nothing but a title before a name: capitalised words, "of", "and",
        "for", "the", the lexicon's titles, a comma before the name."""
        words = self.text[start:end].strip().rstrip(",").split()
        return bool(words) and all(w[:1].isupper() or w.casefold() in _TITLE_GLUE or w.casefold() in self.cues.titles
                                   for w in words)

    def _after_titles(self, start: int, end: int) -> int:
        """Where the name begins in a run like "Foreign Minister Jane Doe", "U.S. Secretary of State Michael
        Pompeo" or "Japan’s Foreign Minister Taro Kono" (`names.name_start`)."""
        words = list(_WORD.finditer(self.text, start, end))
        first = name_start([w.group() for w in words], self.cues.titles)
        return words[first].start() if first < len(words) else end

    def _place_before(self, name_start: int, floor: int) -> str | None:
        """The entity of the place written before a name's office ("U.S.", "Japan’s"), if any."""
        titles = self.roles.titles_before(name_start, floor)
        if titles is None:
            return None
        words = [w.group() for w in _WORD.finditer(self.text, max(floor, titles - 40), titles)]
        return next((found for place in places_before(words) if (found := self.resolver.place(place))), None)

    # --- from an agent to an attribution -----------------------------------------------------------

    def _attribution(self, agent: _Agent, sentence: Sentence, how: str, confidence: float) -> Attribution | None:
        if agent.kind == "role":
            spoken_for = self.roles.spoken_for(agent.start, agent.end, sentence)
            if spoken_for is not None:
                role_text, organisation = spoken_for
                return Attribution(organisation, False, role_text, organisation, confidence - 0.15, how)
            if not agent.name.casefold().startswith("the "):
                return UNNAMED  # "a spokesman", "one official": someone unnamed, not the last speaker
        if agent.kind in ("pronoun", "role"):
            earlier = self._earlier_speaker(agent)
            if earlier is None:
                return None
            gender = _GENDER.get(agent.name.casefold())
            if gender:
                self._gender.setdefault(earlier.speaker, gender)
            return _with(earlier, how=f"{how} ({agent.kind})", confidence=confidence - 0.1, role=None)
        if agent.kind in ("organisation", "country", "group"):
            role = self._org_role.match(self.text, agent.end, sentence.end)
            written = role.group("role") if role else None
            return Attribution(agent.entity_id or "", False, written, agent.entity_id, confidence - 0.15, how)
        entity_id, proposed = agent.entity_id, False
        if entity_id is None:
            written = self._full_name(agent.name, agent.start)
            entity_id, proposed = self.resolver.resolve(written, self._recent_people(agent.start))
            confidence -= 0.15 if proposed else 0.05
        if not proposed:
            bisect.insort(self._people, (agent.start, entity_id))
        role, organisation = self.roles.role_of(agent.start, agent.end, entity_id, sentence)
        if proposed and role:
            self.resolver.add_role(entity_id, role, organisation or self._place_before(agent.start, sentence.start))
        return Attribution(entity_id, proposed, role, organisation, confidence, how)

    def _full_name(self, name: str, before: int) -> str:
        """A surname alone ("Graham said") is the last full name before it that has it ("Euan Graham"), when
        the entity file knows neither; else the name as written."""
        if len(name.split()) != 1 or self.resolver.known_person(name, self._recent_people(before)):
            return name
        key = name.casefold()
        position = bisect.bisect_left(self._full_names, (before, ""))
        for _, full in reversed(self._full_names[max(0, position - _ECHO_WINDOW):position]):
            if key in (w.casefold() for w in full.replace("-", " ").split()):
                return full
        return name

    def _earlier_speaker(self, agent: _Agent) -> Attribution | None:
        noun = agent.name.split()[-1].casefold() if agent.kind == "role" else None
        gender = _GENDER.get(agent.name.casefold()) if agent.kind == "pronoun" else None
        introduced = self._introduced_since(agent, gender) if agent.kind == "pronoun" else None
        if introduced is not None:
            return introduced
        for offset, _, attribution in reversed(self._speakers):
            if gender and self._gender.get(attribution.speaker, gender) != gender:
                continue  # "she said" after "he told S1 News": not him
            if offset < agent.start and (noun is None or (attribution.role and noun in attribution.role.casefold())):
                return attribution
        # "The Minister said:" after "The Minister of Justice, Petra Olund, has appointed Judge Helga Marrin": the
        # minister, not the judge named last
        titled = self._titled_person(noun, agent.start) if noun else None
        if titled is not None:
            return Attribution(titled, False, None, None, 0.6, "person named with that title")
        holder = self._only_holder(noun) if noun else None
        if holder is not None:  # "The mayor closes for the administration:" in a live blog that never names her
            return Attribution(holder, False, None, None, 0.55, "the one person the entity file gives that title")
        people = self._recent_people(agent.start)
        if people:
            return Attribution(people[0], False, None, None, 0.6, "nearest person")
        if noun is not None and self._speakers:
            return self._speakers[-1][2]
        return None

    def _titled_person(self, noun: str, before: int, limit: int = 8) -> str | None:
        """The last person named before `before` with the title `noun` beside the name ("Justice Minister Petra
        Olund", "Petra Olund, the justice minister") or in the entity file's description or roles."""
        position = bisect.bisect_left(self._people, (before, ""))
        for start, person in reversed(self._people[max(0, position - limit):position]):
            entity = self.resolver.index.get(person)
            described = " ".join([entity.description or "", *(r.title for r in entity.roles)]) if entity else ""
            end = start + len(self.text[start:start + 60].split(",")[0])  # the name ends at its comma, if any
            # the words before the name ("The Minister of Justice, ") and after it (", the justice minister")
            around = self.text[max(0, start - 40):start] + " " + self.text[end:end + 40].split(".")[0]
            if re.search(rf"\b{re.escape(noun)}\b", f"{around} {described}", re.IGNORECASE):
                return person
        return None

    def _only_holder(self, noun: str) -> str | None:
        """The one person of the entity file whose description or roles give them the title `noun` ("Mayor of
        Keswarden"); none when two people share it, since "the minister" then names no one in particular."""
        if noun not in self._holders:
            pattern = re.compile(rf"\b{re.escape(noun)}\b", re.IGNORECASE)
            holders = [entity.id for entity in self.resolver.index.by_id.values() if entity.kind == "person"
                       and pattern.search(" ".join([entity.description or "", *(r.title for r in entity.roles)]))]
            self._holders[noun] = holders[0] if len(holders) == 1 else None
        return self._holders[noun]

    def _introduced_since(self, agent: _Agent, gender: str | None) -> Attribution | None:
        """The person who opens the pronoun's sentence or the one before it, when named after the last
        speaker's quote: 'Mayor Ilse Marhoven told residents ... "Nobody goes home ...," she said' is the
        mayor, not the fire chief quoted a paragraph earlier."""
        here = self.document.sentence_at(agent.start)
        if here is None:
            return None
        last_quote = max((offset for offset, _, _ in self._speakers if offset < agent.start), default=-1)
        for index in self._looked_back_at(here.index):
            sentence = self.document.sentences[index]
            position = bisect.bisect_left(self._people, (sentence.start, ""))
            if position < len(self._people) and self._people[position][0] < min(sentence.end, agent.start):
                start, person = self._people[position]
                opens = not re.search(r"[.;:!?\"“”]", self.text[sentence.start:start])
                if start > last_quote and opens and self._gender.get(person, gender) == gender:
                    return Attribution(person, False, None, None, 0.6, "person named since")
        return None

    def _looked_back_at(self, index: int) -> list[int]:
        """The pronoun's sentence and the one before it; a sentence the quote opened ('"These were not people
        who were unfit. This was heat ...," she said') is the quote's, so the look goes on to the one before."""
        found = [index]
        earlier = index - 1
        while earlier >= 0 and len(found) < 4 and self.document.sentences[earlier + 1].text.lstrip()[:1] not in "\"“" \
                and self.document.sentences[earlier].text.lstrip()[:1] in "\"“":
            found.append(earlier)  # part of the same quote, opened in an earlier sentence
            earlier -= 1
        if earlier >= 0:
            found.append(earlier)
        return found

    def _recent_people(self, offset: int, limit: int = 12) -> list[str]:
        """People named before `offset`, most recent first (a few are enough for a surname)."""
        position = bisect.bisect_left(self._people, (offset, ""))
        seen: list[str] = []
        while position > 0 and len(seen) < limit:
            position -= 1
            person = self._people[position][1]
            if person not in seen:
                seen.append(person)
        return seen

    def _between_is_attribution(self, first: QuoteSpan, second: QuoteSpan) -> bool:
        """"“A,” he said, “B.”": the words between two quotes of a sentence only attribute them."""
        between = self.text[first.end + 1:max(first.end + 1, second.start - 1)]
        return (len(between.split()) <= 12 and bool(self.cues.speech.search(between))
                and between.rstrip().endswith((",", ":")))

def _normal(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold().replace("’", "'")).split())


def _with(attribution: Attribution, *, how: str, confidence: float, role: str | None | bool = False) -> Attribution:
    return Attribution(attribution.speaker, attribution.proposed,
                       attribution.role if role is False else role,  # type: ignore[arg-type]
                       attribution.organisation, min(confidence, attribution.confidence), how)

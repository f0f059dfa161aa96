"""Which clause governs a value, and what that clause makes of it: property, event, modality, qualifier.

The value's own clause is read first: its event-lexicon word nearest before the value (else nearest
after it) is the predicate ("The pact will expire Nov. 23": `expires_on`). A clause with none hangs on
another: a complement on its attribution, a relative or adverbial clause on the clause before it, a
background "In 2016," on the clause it introduces ("In 2016, when Britain voted to leave ..."). A value
whose clauses have no predicate gets none, and no date claim: a caption-like "Riot police stood outside
the ministry on Tuesday" dates nothing.

The event key follows the lexicon entry: fixed (`notice`, `phone-call`), the object's head noun
(`{object}`: "since the 2014 floods" -> `flood`), or the action of what was announced or decided
(`{action}`: "said Thursday it would scrap the pact" -> `end`, "decided to withdraw" -> `decision-to-end`).
A background clause ("under a 1951 accord") names its own thing: the event is that noun, the subject an
entity named in that clause if there is one.

Modality: the clause's own cue (conditional, forecast, planned, reported); else a complement's attribution
when it is reported ("Yonhap reported the talks lasted ..."); else "according to" anywhere in the sentence.
"will" does not make a plan of a scheduled date (`scheduled` entries: "will expire Nov. 23"); "if not
renewed" after an expiry is its qualifier (`condition: qualifier`), anywhere else "if" is conditional. A
deadline ("by Friday") right before a date is a plan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.extract.cues import EventCue
from factcheck.extract.document import Clause, Document, Mention, Predicate, Value
from factcheck.extract.readers.events import action_in, event_key, head_after, head_before

_PREPOSITIONS = frozenset(("since", "until", "till"))
_INTENT = re.compile(r"\b(?:would|will|plans\s+to|planned\s+to|intends\s+to|is\s+to|was\s+to|to)\s+(?:not\s+)?"
                     r"(?!be\b|have\b|do\b|make\b|take\b|get\b|go\b)([a-z]{3,})\b")
# Speech verbs whose object is a clause, not a thing announced: with no action, their event stays unknown.
_SPEECH = frozenset(("said", "says", "say", "told", "tells", "stated", "added", "adds", "noted", "expressed",
                     "confirmed", "confirms"))
_PREPOSITION_ENDS = frozenset(("in", "on", "at", "by", "for", "from", "during"))  # "signed in", "signed on"
_QUALIFIER = re.compile(r"\b(?:if not|unless|if)\b[^,.;:]*", re.IGNORECASE)


@dataclass(frozen=True)
class Governed:
    """What the governing clause says about one value."""

    clause: Clause | None
    predicate: Predicate | None
    event: str | None
    modality: str | None
    qualifier: str | None
    background: bool = False

    @property
    def cue(self) -> EventCue | None:
        return self.predicate.cue if self.predicate else None


def govern(document: Document, value: Value, *, allow: tuple[str, ...] | None = None,
           exclude: tuple[str, ...] = ("lasted",)) -> Governed:
    """The governing clause of `value` and what it says; `allow`/`exclude` restrict the properties."""
    clause = document.clause_at(value.start)
    if clause is None:
        return Governed(None, None, None, None, None)
    predicate, home = _predicate(document, clause, value, allow, exclude)
    background = clause.role == "background" or (home is not None and home.role == "background")
    event = _event(document, predicate, home, value) if predicate else None
    if background and predicate is not None:
        event = _background_event(document, clause, value) or event
        named = background_subject(document, clause)
        if named is not None and named.entity_id == event:
            event = None  # "under the 1965 treaty": the treaty is the subject, no event needed
    modality = _modality(document, clause, value, predicate)
    qualifier = _qualifier(document, clause, value)
    if qualifier and modality is None and not (predicate and predicate.cue.condition_is_qualifier):
        modality = "conditional"
    return Governed(clause, predicate, event, modality, qualifier, background)


def chain(document: Document, clause: Clause) -> list[Clause]:
    """The clause, then the clauses it hangs on or that complete it, in the order they are read."""
    ordered = [clause]
    if clause.parent is not None:
        ordered.append(document.clauses[clause.parent])
    short = len(document.text[clause.start:clause.end].split()) <= 4  # "In 2016," opens the clause it dates
    if clause.role == "background" or short:
        ordered += [c for c in document.clauses_of(clause.sentence) if c.parent == clause.index and c not in ordered]
    return ordered


def _predicate(document: Document, clause: Clause, value: Value, allow: tuple[str, ...] | None,
               exclude: tuple[str, ...]) -> tuple[Predicate | None, Clause | None]:
    for candidate in chain(document, clause):
        if candidate is not clause and candidate.role == "attribution":
            continue  # "Seoul said it would quit on Nov. 23": Nov. 23 is not the day it was said
        usable = [p for p in candidate.predicates if (allow is None or p.property in allow)
                  and p.property not in exclude
                  and not (value.kind == "duration" and p.start >= value.start and p.end <= value.end)]
        if not usable:
            continue
        if candidate is clause:
            chosen = _nearest(document.text, usable, value, document.cues.predicate_nouns,
                              nouns_after=clause.role == "background")
            if chosen is None:
                continue
        else:
            chosen = usable[-1] if candidate.start < clause.start else usable[0]
        return chosen, candidate
    return None, None


def _nearest(text: str, usable: list[Predicate], value: Value, nouns: frozenset[str], *,
             nouns_after: bool = False) -> Predicate | None:
    """The predicate of a clause that governs a value in it: a preposition right before the value ("since
    July"); else the verb nearest before it ("announced the decision three days ago": announced), else the
    noun nearest before it ("talks on Tuesday"); else the verb nearest after it ("On Monday, talks began"),
    or in a background clause the noun ("under a 1965 treaty")."""
    before = [p for p in usable if p.end <= value.start or (p.start <= value.start and value.kind == "date")]
    for predicate in reversed(before):
        if predicate.text.casefold() in _PREPOSITIONS and not text[predicate.end:value.start].strip():
            return predicate
    verbs = [p for p in before if not _nominal(p.text, nouns)]
    if verbs:
        if value.kind == "date" and _OTHER_VERB.search(text, verbs[-1].end, value.start):
            return None  # "the ship that ran aground on Saturday was detained on Monday": Monday is the detention's
        return verbs[-1]
    if before:
        return before[-1]
    after = [p for p in usable if p.start >= value.end and (nouns_after or not _nominal(p.text, nouns))]
    if not after:
        return None  # "promised on Tuesday to respond to Argentina's decision": a later noun is not the verb
    return min(after, key=lambda p: p.start - value.end)


# A verb of its own between a predicate and a date ("... was detained on Monday"): the date is that verb's.
_OTHER_VERB = re.compile(r"\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en)\b")


_PARTS_OF_DAY = frozenset("morning mornings afternoon evening night nights dawn midday noon midnight".split())


def _nominal(word: str, nouns: frozenset[str]) -> bool:
    """A predicate written as a noun ("decision", "talks", "expiry"): weaker than a verb in its clause.
    `nouns` are the lexicon's `predicate_nouns`; a word with a noun's ending is one too."""
    lowered = word.casefold().split()[-1]
    return lowered in nouns or lowered.endswith(("ion", "ment", "al", "ry", "ence"))


def _event(document: Document, predicate: Predicate, home: Clause | None, value: Value) -> str | None:
    cue = predicate.cue
    template = cue.event
    if template is None or "{" not in template:
        return template
    found: str | None = None
    if "{happening}" in template:  # "The rockfall struck the group": what struck, not what it struck
        found = action_in(document.cues, document.text, [(predicate.start, predicate.end)])
        template = template.replace("{happening}", "{subject}" if found is None else found)
        if found is None and head_after(document.text, home.start if home else max(0, predicate.start - 60),
                                        predicate.start) is None:
            template = "{object}"  # "erupted on Tuesday" after a dateline: what is named after it, if anything
    if "{what}" in template:  # the action of the predicate or before it, else the thing after it
        found = action_in(document.cues, document.text, [(predicate.start, predicate.end)])  # "walked off": strike
        if found in (None, "end"):  # "ended" says only that something ended: what?
            found = action_in(document.cues, document.text, [(home.start if home else predicate.start, predicate.start)])
        template = template.replace("{what}", "{object}") if found is None else template.replace("{what}", found)
    if "{object}" in template:
        end = home.end if home else predicate.end + 60
        head = head_after(document.text, predicate.end, end)
        words = predicate.text.casefold().split()
        if len(words) > 1 and words[-1] in _PREPOSITION_ENDS:
            head = None  # "signed in Saltholm", "signed on Thursday evening": a place or a time, not what was signed
        if head is None or value.start <= head[0] < value.end:  # "Talks between ... ended on Thursday": what ended
            head = head_after(document.text, home.start if home else max(0, predicate.start - 60), predicate.start)
        if head is None and home is not None and home.role == "relative":  # "the talks that began on Monday"
            head = head_before(document.text, home.start, document.sentences[home.sentence].start)
        if head is not None and not (head[0] < value.end and value.start < head[1]) \
                and document.text[head[0]:head[1]].casefold() not in _PARTS_OF_DAY:  # "since Monday morning": a time
            found = event_key(document.cues, document.text[head[0]:head[1]], document.mentions.get(value.sentence, []),
                              head)
    if "{subject}" in template:  # "The crash happened on ...", "Oral hearings took place in November": what did
        head = head_after(document.text, home.start if home else max(0, predicate.start - 60), predicate.start)
        if head is not None:
            found = event_key(document.cues, document.text[head[0]:head[1]], document.mentions.get(value.sentence, []),
                              head)
    if "{from}" in template:
        end = home.end if home else predicate.end + 80
        after = re.compile(r"\bfrom\s+").search(document.text, predicate.end, end)
        head = head_after(document.text, after.end(), end) if after else None
        if head is not None:
            found = event_key(document.cues, document.text[head[0]:head[1]], document.mentions.get(value.sentence, []),
                              head)
    if "{action}" in template:
        spans = [(predicate.end, home.end if home else predicate.end)]
        if home is not None:  # what was said comes before the speaker's own words ("search and rescue officials")
            spans += [(c.start, c.end) for c in document.clauses_of(home.sentence)
                      if c.parent == home.index or home.parent == c.index]
            spans.append((home.start, predicate.start))
        found = action_in(document.cues, document.text, spans, exclude=document.cues.happenings)
        if found is None:  # "announced on Dec. 20 that it would review the pact": what it will do
            for start, end in spans[:-1] if home is not None else spans:
                intent = _INTENT.search(document.text, start, end)
                if intent:
                    found = intent.group(1).casefold()
                    break
        if found is None and template == "{action}" and predicate.text.casefold() not in _SPEECH:
            end = home.end if home else predicate.end + 60
            head = head_after(document.text, predicate.end, value.start if predicate.end < value.start < end else end)
            if head is not None and not (value.start <= head[0] < value.end):  # "announced the decision": decision
                found = event_key(document.cues, document.text[head[0]:head[1]], [], head)
    if "{" not in template:
        return template
    if found is None:
        return cue.default
    return re.sub(r"\{(?:object|action|from|subject)\}", found, template)


def _background_event(document: Document, clause: Clause, value: Value) -> str | None:
    """"under a 1951 accord": the accord is the thing the date is about."""
    head = head_after(document.text, value.end, clause.end) or head_after(document.text, clause.start, clause.end)
    if head is None:
        return None
    return event_key(document.cues, document.text[head[0]:head[1]], document.mentions.get(value.sentence, []), head)


def background_subject(document: Document, clause: Clause) -> Mention | None:
    """An entity named inside a background clause ("under the 1965 treaty" -> `treaty-1965`)."""
    inside = [m for m in document.mentions.get(clause.sentence, []) if clause.start <= m.start < clause.end]
    return inside[0] if inside else None


def _modality(document: Document, clause: Clause, value: Value, predicate: Predicate | None) -> str | None:
    """The modality of the value: a cue of its clause before it (or between it and a predicate after
    it); "if"/"unless" and reports anywhere in the clause; then the clauses around (see the docstring)."""
    limit = value.start
    if predicate is not None and predicate.start > value.start and value.kind != "quantity":
        limit = predicate.start  # "On Tuesday, Seoul will inform Brussels": the plan governs the date
    own = [kind for kind, at, _ in clause.modalities
           if at < limit or kind in ("conditional", "reported")]
    modality = own[0] if own else None
    siblings = document.clauses_of(clause.sentence)
    if modality != "conditional" and any(c.parent == clause.index and c.opener in ("if", "unless") for c in siblings):
        modality = "conditional"  # "If talks fail, the tariffs will take effect": the condition comes first
    if modality is None and clause.parent is not None and document.clauses[clause.parent].modality == "reported":
        modality = "reported"
    if modality is None and any(words == "according to" for c in siblings for kind, _, words in c.modalities
                                if kind == "reported"):
        modality = "reported"
    if modality is None and value.kind == "date":
        before = document.text[clause.start:value.start]
        deadline = list(document.cues.deadline.finditer(before))
        if deadline and not before[deadline[-1].end():].strip() and not document.cues.past.search(before) \
                and not document.cues.past.search(document.text, value.end, clause.end):
            modality = "planned"  # "will inform Brussels by Friday"; not "41 ships were waiting by Tuesday" nor
            # "By Tuesday night, 530,000 customers had lost power"
    if modality == "planned" and predicate is not None and predicate.cue.scheduled:
        modality = None
    if modality == "conditional" and predicate is not None and predicate.cue.condition_is_qualifier:
        modality = None
    return modality


def _qualifier(document: Document, clause: Clause, value: Value) -> str | None:
    """A condition right after the value: "Nov. 23 if not renewed" -> "if not renewed"."""
    sentence = document.sentences[clause.sentence]
    match = _QUALIFIER.search(document.text, value.end, sentence.end)
    if match and not document.text[value.end:match.start()].strip(" ,"):
        return match.group().strip()
    return None

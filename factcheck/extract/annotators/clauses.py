"""Annotator 5, `clauses`: each sentence cut into clauses, each with its predicates and its modality.

A value is about what its own clause says, not about the nearest word of the sentence: in "Riot police
stood outside the ministry on Tuesday as crowds gathered" nothing was announced on Tuesday, and in
"Japan says all such claims were settled under a 1965 treaty" the year belongs to the treaty. So a
sentence is cut where a clause begins, by the marks of the lexicon's `clause_marks` (";", ", which",
"after", "while", "when", "as", "if", "under a ... accord", ...), and around speech:

- "Seoul said Thursday it would end the pact": "Seoul said Thursday" is the `attribution` (its date is the
  day it was said) and "it would end the pact" the `complement` (what was said, with its own modality);
- "..., Kim said Thursday in Seoul": the attribution at the end, after the last comma;
- after a relative clause the main clause goes on where a verb of its own resumes it ("the fire that has
  ravaged the hills | was remanded ...", "The fire, which broke out on Monday, | has burned ...", "a woman who
  collapsed during Sunday's race | died late on Tuesday").

Each clause gets the event-lexicon words it contains (outside quote marks), or, when it has none, its
past-tense verbs as open predicates (`readers/verbs.py`: "approved the vaccine on Wednesday" ->
`happened_on`, event `approve`), and the first modality cue of
the lexicon's `modality` lists (conditional, forecast, planned, reported, in that order), never a word
that is part of a date ("May 5"). Which of them governs a value is the claim builder's choice.
"""

from __future__ import annotations

import re
from dataclasses import replace

from factcheck.extract.document import Clause, Document, Predicate, Sentence
from factcheck.extract.readers.events import STATE_AFTER
from factcheck.extract.readers.events import predicates_in
from factcheck.extract.readers.verbs import not_until_predicates, open_predicates
from factcheck.model.vocabulary import ONCE_PROPERTY, OPEN_PROPERTY

_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_AFTER_SPEECH = re.compile(
    rf"(?:\s+(?:on\s+)?(?:{_WEEKDAY}|yesterday|today|late\s+\w+|earlier\s+\w+|last\s+\w+|"
    rf"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{{1,2}}))?"
    r"(?:\s+(?:in|at|from)\s+(?:a\s+(?:statement|briefing|press\s+conference|news\s+conference|interview)|"
    r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*))*"
    r"\s*,?\s+(?:that\s+)?")
_CLAUSE_START = re.compile(r"(?:it|he|she|they|we|i|there|the|a|an|its|their|this|his|her|about|some|nearly|more|"
                           r"[A-Z][\w.’'-]*|\d[\d,.]*)\b")
_PRONOUN_START = re.compile(r"(?:it|he|she|they|we|i|there)\b")
# Speech verbs that rarely take a noun object: a noun phrase after them starts what was said.
_CLAUSAL = frozenset(("said", "says", "say", "reported", "reports", "added", "adds", "warned", "warns", "insisted",
                      "insists", "noted", "notes"))
_ADDRESSED = frozenset(("told", "tells", "tell", "informed", "informs", "notified", "notifies"))
_THAT = re.compile(r"\s+that\s+")
# "Five weeks after dockers walked off, the last ships ...", "Hours before the vote, ...": a length before
# "after"/"before" opens the same adverbial clause.
_LEAD_LENGTH = (r"(?:(?:[\w-]+\s+){0,2}(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|moments?|decades?)\s+"
                r"|(?:shortly|soon|just|long|only|right|immediately|barely)\s+)")
_INITIAL_ADVERBIAL = re.compile(rf"(?i:if|unless|when|{_LEAD_LENGTH}?(?:after|before)|while|although|though|as|once|"
                                r"because)\b")
_ADVERBIAL_END = re.compile(r"[,:](?!\d)")  # a comma or a colon, not the colon of a clock time ("at 01:14")


def annotate(document: Document) -> None:
    """The `clauses` layer: every kept sentence cut into clauses, in text order."""
    clauses: list[Clause] = []
    occurring = _occurrences(document) if ONCE_PROPERTY in document.vocabulary else None
    for sentence in document.sentences:
        clauses += _clauses(document, sentence, len(clauses), occurring)
    document.set_clauses(clauses)


def _clauses(document: Document, sentence: Sentence, first_index: int,
             occurring: dict[str, str] | None = None) -> list[Clause]:
    text, cues = document.text, document.cues
    skip = document.quoted.get(sentence.index, ())
    marks = _marks(document, sentence, skip)
    starts = sorted(marks)
    bounds = [*starts, sentence.end]
    dates = [(v.start, v.end) for v in document.values_in(sentence.index) if v.kind != "quantity"]
    clauses: list[Clause] = []
    for position, start in enumerate(starts):
        end = bounds[position + 1]
        role, opener = marks[start]
        predicates = tuple(Predicate(a, b, text[a:b], cue)
                           for a, b, cue in predicates_in(text, start, end, cues, document.vocabulary, skip)
                           if not _inside_a_date(text, a, b, dates))
        not_until = not_until_predicates(text, start, end, skip, cues.open_verbs, cues.open_objects) \
            if OPEN_PROPERTY in document.vocabulary else ()
        if not_until:  # "did not reopen until March 7": the reopening's day, not an end
            predicates = (*not_until, *(p for p in predicates if p.text.casefold() not in ("until", "till")))
        if not predicates and role != "attribution" and OPEN_PROPERTY in document.vocabulary:
            once = cues.dated_verbs if ONCE_PROPERTY in document.vocabulary else None
            predicates = open_predicates(text, start, end, skip, dates, cues.open_verbs, cues.open_objects, once,
                                         occurring)
        modalities = _modalities(document, start, end, skip, dates)
        if role == "adverbial" and opener in ("if", "unless"):
            modalities = (("conditional", start, opener), *modalities)
        modality, cue = (modalities[0][0], modalities[0][2]) if modalities else (None, None)
        parent = None
        if role in ("complement", "relative", "adverbial", "background") and position > 0:
            parent = first_index + position - 1
        elif role == "adverbial" and position == 0 and len(starts) > 1:
            parent = first_index + 1
        clauses.append(Clause(first_index + position, sentence.index, start, end, role, opener, predicates,
                              modality, cue, parent, modalities))
    return _attributions(clauses)


# The words that open a date's range ("since July", "until Friday") are its predicate; any other word inside a
# date ("the end of August", "late June") is part of when, not what happened.
_RANGE_WORDS = frozenset(("since", "until", "till", "from", "through"))


def _inside_a_date(text: str, start: int, end: int, dates: list[tuple[int, int]]) -> bool:
    return text[start:end].casefold() not in _RANGE_WORDS and any(a <= start and end <= b for a, b in dates)


def _occurrences(document: Document) -> dict[str, str]:
    """The verbs that tell the story's own event happened (`occurrences`), by the `dated_nouns` its entity's
    names hold: "the bridge dropped into the river" in a story of the "Aulmar Bridge collapse"."""
    story = document.resolver.index.get(document.main_event) if document.main_event else None
    if story is None or not document.cues.occurrences:
        return {}
    named = {w.casefold() for name in story.names() for w in re.findall(r"[\w-]+", name)}
    keys = {document.cues.dated_nouns[w] for w in named if w in document.cues.dated_nouns}
    return {verb: key for key in keys for verb, key in document.cues.occurrences.get(key, {}).items()}


def _marks(document: Document, sentence: Sentence, skip: tuple[tuple[int, int], ...]) -> dict[int, tuple[str, str]]:
    """Where each clause starts, with its role and the word that opens it."""
    text, cues = document.text, document.cues
    marks: dict[int, tuple[str, str]] = {sentence.start: ("main", "")}
    initial = _INITIAL_ADVERBIAL.match(text, sentence.start, sentence.end)
    if initial:
        marks[sentence.start] = ("adverbial", initial.group().casefold())
        comma = _ADVERBIAL_END.search(text, initial.end(), sentence.end)  # "If you are just joining us: the rocket ..."
        if comma is not None:
            marks[comma.end()] = ("main", "")

    def add(position: int, role: str, opener: str = "") -> None:
        if any(a <= position < b for a, b in skip) or not sentence.start < position < sentence.end - 2:
            return
        if any(abs(position - other) <= 2 for other in marks):
            return
        marks[position] = (role, opener)

    for pattern, role in cues.clause_marks:
        for match in pattern.finditer(text, sentence.start, sentence.end):
            words = re.findall(r"[a-z]+", match.group().casefold())
            add(match.start(), role, words[-1] if words else "")
    for verb in cues.speech_predicates.finditer(text, sentence.start, sentence.end):
        if any(a <= verb.start() < b for a, b in skip) or STATE_AFTER.match(text, verb.end()):
            continue
        _speech_marks(text, sentence, verb, add, skip)
    for start, (role, _) in sorted(marks.items()):
        if role == "relative":  # a relative clause after a comma ends at a comma, whatever clauses it holds
            end = sentence.end if text[start] == "," else min([m for m in marks if m > start] + [sentence.end])
            resumed = _main_resumed(text, start, end)
            if resumed is not None:
                add(resumed, "main")
    return marks


# The main clause going on after a relative one: "A man accused of starting the wildfire that has ravaged the
# hills | was remanded in custody on Friday", "The fire, which broke out on Monday, | has burned 2,400
# hectares". A verb of the relative clause comes first; the resumed verb follows a noun (not "said", "and").
_RESUMED = re.compile(r"(?:(?<=[a-z0-9])\s+|,\s+)(?=(?:was|were|is|are|remains|remained|has|have|had|will|would)\s+"
                      r"(?:(?:now|still|also|been|being|not)\s+)*(?:[a-z]+(?:ed|en)|in|under|on|at|due|expected)\b"
                      r"|(?<=,\s)(?:[a-z]+ed|(?:did|does|do|could|can|would|will|has|have|had)\s+not)\b"
                      # "a woman who collapsed during Sunday's race | died late on Tuesday": a verb in the past
                      # tense of its own, dated or placed right after it
                      r"|(?<=[a-z0-9]\s)[a-z]{2,}ed\s+(?:late|early|on|in|at|last|overnight|yesterday)\b)")
_RELATIVE_VERB = re.compile(r"\b(?:[a-z]+(?:ed|en)|was|were|is|are|has|have|had|will|would|ran|began|took|went|"
                            r"broke|fell|rose|grew|led|left|hit|made|gave|won|lost|came|became|saw|held|"
                            r"[a-z]+s)\b")
_NOT_A_SUBJECT = re.compile(r"\b(?:said|says|say|think|thinks|thought|believe|believes|believed|and|or|but|that|which|"
                            r"who|it|he|she|they|there|what)\s*,?$", re.IGNORECASE)


def _main_resumed(text: str, start: int, end: int) -> int | None:
    """Where the main clause goes on inside the span of a relative clause, or None."""
    opener = re.match(r",?\s*(?:that|which|who|whom|whose)\s+", text[start:end], re.IGNORECASE)
    if opener is None:
        return None
    body = start + opener.end()
    first = _RELATIVE_VERB.search(text, body, end)
    if first is None:
        return None
    comma = text[start] == ","  # ", which broke out on Monday, has burned": the relative clause ends at a comma
    for found in _RESUMED.finditer(text, first.end(), end):
        if comma != text[found.start()].startswith(","):
            continue
        if len(text[first.end():found.start()].split()) < 2 or _NOT_A_SUBJECT.search(text, body, found.start()):
            continue
        return found.end()
    return None


def _speech_marks(text: str, sentence: Sentence, verb: re.Match[str], add, skip) -> None:  # noqa: ANN001
    """The complement after a speech verb, or the attribution that closes a sentence."""
    after = _AFTER_SPEECH.match(text, verb.end(), sentence.end)
    if verb.group().casefold() in _ADDRESSED:
        after = None  # "told the committee ... that": what follows is who was told, not what
    start_of = _CLAUSE_START if verb.group().casefold() in _CLAUSAL else _PRONOUN_START
    if (after and after.end() < sentence.end and start_of.match(text, after.end(), sentence.end)
            and len(text[after.end():sentence.end].split()) >= 3):
        if not any(a <= after.end() < b for a, b in skip) and text[after.end()] not in "“\"‘":
            add(after.end(), "complement", verb.group().casefold())
            return
    that = _THAT.search(text, verb.end(), min(sentence.end, verb.end() + 100))
    if that and not re.search(r"[;,]", text[verb.end():that.start()]):
        add(that.start() + 1, "complement", verb.group().casefold())
        return
    following = text.find(",", verb.end(), sentence.end)
    rest = text[verb.end():following if following > 0 else sentence.end]
    if len(rest.split()) <= 6 and "“" not in rest and '"' not in rest:
        comma = text.rfind(",", max(sentence.start, verb.start() - 100), verb.start())
        if comma > sentence.start and not any(a <= comma < b for a, b in skip):
            add(comma, "attribution", verb.group().casefold())  # "..., Aravena said, the first step ..."
            if following > 0:
                add(following + 1, "main")


def _attributions(clauses: list[Clause]) -> list[Clause]:
    """A clause followed by the complement of its speech verb is an attribution; a clause closed by a
    sentence-final attribution depends on it (what was said, like a complement)."""
    result = list(clauses)
    for position, clause in enumerate(clauses):
        if clause.role == "complement" and position > 0 and result[position - 1].role in ("main", "attribution"):
            previous = result[position - 1]
            result[position - 1] = replace(previous, role="attribution")
        if clause.role == "attribution" and clause.opener and position > 0:
            for earlier in range(position):
                item = result[earlier]
                if item.parent is None and item.role == "main":
                    result[earlier] = replace(item, parent=clause.index)
    return result


def _modalities(document: Document, start: int, end: int, skip: tuple[tuple[int, int], ...],
                dates: list[tuple[int, int]]) -> tuple[tuple[str, int, str], ...]:
    """Every modality cue in `text[start:end]` (outside quotes and dates), in the lexicon's order of kinds,
    then in text order. "according to" a poll, figures or a statement is where a figure comes from, not a
    report (the lexicon's `reported_exceptions`)."""
    text, cues = document.text, document.cues
    found = []
    for kind, pattern in cues.modality:
        for match in pattern.finditer(text, start, end):
            if any(a <= match.start() < b for a, b in skip) or any(a <= match.start() < b for a, b in dates):
                continue
            if kind == "reported" and cues.reported_exceptions.search(text, match.end(), min(end, match.end() + 45)):
                continue
            found.append((kind, match.start(), match.group().casefold()))
    return tuple(found)

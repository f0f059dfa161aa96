"""Date and duration claims: each value with the property, event and modality of its governing clause.

`readers/dates.py` says what a date expression means; this says what the article uses it for. The
clause that governs the date (`governing.govern`) gives the property and the event ("The pact will
expire Nov. 23" -> `expires_on`; "Seoul said Thursday it would scrap the pact" -> `announced_on`, event
`end`); a date no predicate governs is not a claim. The tense of the clause (the tense word nearest before
the date, else the predicate's tense) sends a year-less date forward or back. The subject is the nearest
mention of the kind the predicate expects (the first of the sentence for the one who speaks), an entity
named in a background clause for a background date. A year range ("1910-45") gives started_on and
ended_on. A poll's fieldwork dates are not claims: they are the `as_of` of its figures. A date fixed to
an event by its noun ("Sunday's election", "the collapse of the bridge on 6 October") is `took_place_on`,
with no event when the noun is among the subject's own names (the subject's own date).

Durations: "the 35-minute call", "a day-long summit", "talks that ran for 90 minutes" are `lasted`, the
event being the noun they measure ("call" -> `phone-call`); "for 90 days" and "three-year-old" keep the
duration cues of the lexicon (`expires_on`, `notice_period`, `age`); "given 72 hours to leave" and "within
90 days" are `time_allowed`, about whoever is given the time, whatever the modality.
"""

from __future__ import annotations

import re
from dataclasses import replace

from factcheck.extract.claims.finding import Finding, choose_subject, earlier_event_year, nearest_cue, topic_subject
from factcheck.extract.claims.governing import Governed, background_subject, govern
from factcheck.extract.cues import Cues, EventCue, PropertyCue
from factcheck.extract.document import Clause, Document, Mention, Sentence, Value
from factcheck.extract.readers.dates import SHIFT_VERB_WORD, find_dates
from factcheck.extract.readers.events import action_in, event_key, head_after, head_before
from factcheck.extract.readers.quantities import singular
from factcheck.extract.readers.verbs import first_past_verb, is_past_verb
from factcheck.model import DateValue, DurationUnit
from factcheck.model.vocabulary import AGE_PROPERTY, ONCE_PROPERTY, OPEN_PROPERTY, TERM_PROPERTY
from factcheck.model.words import stem

_RANGE_PROPERTY = {"start": "started_on", "end": "ended_on"}
_SHORT_UNITS = (DurationUnit.minute, DurationUnit.hour)
_EVENT_LENGTH_FORMS = ("length", "length_word", "lasted")


def time_findings(document: Document, skip: frozenset[int] = frozenset()) -> list[Finding]:
    """Every date and duration claim of the document; `skip` holds the starts of values that are not
    claims of their own (a poll's fieldwork dates)."""
    findings: list[Finding] = []
    for value in document.values:
        if value.kind == "quantity" or value.start in skip:
            continue
        finding = _duration(document, value) if value.kind == "duration" else _date(document, value)
        if finding is not None:
            findings.append(finding)
    return findings


_LAST_THE_VERB = re.compile(r"\b(?:to|will|would|could|may|might|should|must|can|cannot|not)\s+last$", re.IGNORECASE)


def clause_tense(text: str, sentence: Sentence | Clause, span: tuple[int, int], cues: Cues,
                 quoted: tuple[tuple[int, int], ...] = ()) -> str | None:
    """`future`, `past` or None. The tense word nearest before the date decides ("will resume ... on
    Sept. 1, officials said" looks forward); only without one, the nearest after it. Words inside
    quote marks are someone else's tense, not the sentence's."""
    before: tuple[str | None, int] = (None, 1 << 30)
    after: tuple[str | None, int] = (None, 1 << 30)
    for tense, pattern in (("future", cues.future), ("past", cues.past)):
        for match in pattern.finditer(text, sentence.start, sentence.end):
            if any(a <= match.start() < b for a, b in quoted) and not any(a <= span[0] < b for a, b in quoted):
                continue
            if tense == "past" and _LAST_THE_VERB.search(text, max(sentence.start, match.start() - 12), match.end()):
                continue  # "expected to last until October": the verb, not "last week"
            if match.end() <= span[0] and span[0] - match.end() < before[1]:
                before = (tense, span[0] - match.end())
            elif match.start() >= span[1] and match.start() - span[1] < after[1]:
                after = (tense, match.start() - span[1])
    if before[0] is None and after[0] == "future":  # "On 8 March, the minister picked up the phone to tell her
        # that the government would not lend ...": the verb told in the past comes first, "would" is reported
        verb = first_past_verb(text, span[1], min(sentence.end, span[1] + after[1]))
        if verb is not None and not any(a <= verb.start() < b for a, b in quoted):
            return "past"
    return before[0] or after[0]


# "restrictions on two chemicals ... since July": a figure after a preposition is no count that runs.
_PREPOSITION_BEFORE = re.compile(r"\b(?:on|of|for|to|with|in|at|from|between|among|about)\s+(?:the\s+)?(?:nearly\s+|"
                                 r"about\s+|some\s+)?$", re.IGNORECASE)


def _date(document: Document, value: Value) -> Finding | None:
    text, sentence = document.text, document.sentences[value.sentence]
    expression = value.reading
    named = _NOUN_NEXT.match(text, value.end) if expression.form == "year" else None
    if named and _YEAR_AS_NAME.search(text, max(0, value.start - 12), value.start) \
            and named.group(1).casefold() not in document.cues.agreement_words \
            and not _SINCE_THE.search(text, max(0, value.start - 24), value.start) \
            and not (document.cues.dated_nouns and _dated_noun(document, value)):
        return None  # "the 2027 budget", "its 2029 bonds" name a thing ("a 1965 treaty" was signed then, and
        # "since the 2014 floods" dates a start by the floods' year)
    governed = govern(document, value)
    cue = governed.cue
    confidence = expression.certainty
    dated = _dated_noun(document, value) if ONCE_PROPERTY in document.vocabulary and not expression.role \
        and expression.form != "year" else None  # "the 2019 election" names an election; it dates nothing
    if dated is not None:  # "Sunday's election", "the election on April 11": the date of that event
        prop, cue, confidence = ONCE_PROPERTY, None, max(confidence, 0.85)
    elif expression.role:
        prop = _RANGE_PROPERTY[expression.role]
        if prop not in document.vocabulary:
            return None
        cue = next((c for c in document.cues.events if c.property == prop), cue)
    elif cue is not None:
        prop = cue.property
        predicate = governed.predicate
        if predicate is not None and governed.clause is not None and _NEGATED.search(
                text, max(governed.clause.start, predicate.start - 40), predicate.start) and not _UNTIL.search(
                text, predicate.end, max(predicate.end, value.start)):
            return None  # "did not return calls on Friday": no call was made that day ("not ... until" dates it)
        if predicate is not None and predicate.text.casefold() == "since" and governed.clause is not None and (
                document.cues.baseline_words.search(text, governed.clause.start, predicate.start)
                or _NOT_SINCE.search(text, governed.clause.start, predicate.start)):
            return None  # "the worst toll since 1963", "had not run a test since 2023": a baseline, not a start
        if predicate is not None and predicate.text.casefold() == "since" and any(
                v.kind == "quantity" and v.sentence == value.sentence and 0 < predicate.start - v.end < 120
                and not re.search(r"[;:]", text[v.end:predicate.start])
                and not _PREPOSITION_BEFORE.search(text, max(sentence.start, v.start - 12), v.start)
                for v in document.values):
            return None  # "received 61 reports since July": the window of a count, not the start of anything
        if governed.predicate and governed.clause and governed.predicate.start < governed.clause.start:
            confidence -= 0.1  # read from the clause it hangs on
    else:
        return None
    if prop == "announced_on" and governed.event is None and not _testimony(document, governed):
        return None  # "the ministry said on Saturday that 147 had died": a statement's day, with nothing it announces
    # the year depends on the tense, in either order of day and month ("collapsed on 6 October", said in June)
    if expression.form in ("month_day", "day_month", "month", "weekday") and dated is None:
        quoted = document.quoted.get(sentence.index, ())
        tense = clause_tense(text, sentence, value.span, document.cues, quoted) or (cue.tense if cue else None)
        own = governed.clause
        if own is not None and own.role == "adverbial" and cue is not None and cue.tense \
                and clause_tense(text, own, value.span, document.cues, quoted) is None:
            tense = cue.tense  # "Aldmark will give aid after the cyclone struck on Tuesday": the clause's own verb
        predicate = governed.predicate
        if (cue is not None and cue.tense and predicate is not None and predicate.end <= value.start
                and not document.cues.future.search(text, predicate.end, value.start)
                and not document.cues.past.search(text, predicate.end, value.start)
                and (cue.scheduled or not clause_tense(text, sentence, (predicate.start, predicate.end), document.cues,
                                                      quoted))):
            tense = cue.tense  # "announced its list, to apply from Oct. 15": the predicate's own tense
        if predicate is not None and is_past_verb(text[predicate.start:predicate.end].split()[0]) \
                and governed.modality in (None, "reported"):
            # "it took effect at noon on Oct. 19", said on Oct. 28: the day before, not next year's; as much when
            # the text reports it ("shelved a first attempt in February, citing fuel prices")
            tense = "past"
        if governed.modality in ("planned", "forecast"):
            tense = "future"  # "had been due to end on Saturday": what was expected lies ahead of the expectation
        again = [e for e in find_dates(text, expression.start, expression.end, document.published, tense)
                 if e.form == expression.form]
        if again:
            expression = replace(again[0], time=expression.time)  # the time was read beside the date, not in it
    subject = _subject(document, value, governed, cue) if dated is None else dated[1]
    if subject is None or expression.date is None:
        return None
    event = _of_year(document, value, governed.event) if governed.event and governed.event != subject.entity_id \
        else governed.event
    if dated is not None:
        event = dated[0]
    predicate = governed.predicate
    if prop == "ended_on" and event == "pause" and predicate is not None and \
            action_in(document.cues, text, [(predicate.start, predicate.end)]) == "pause":
        prop = "started_on"  # "halted all poultry imports on Monday": the halt began; "until Dec. 13" is its end
    if prop == "signed_on" and event in document.cues.other_papers \
            and not _names_the_event(document, subject.entity_id, event):
        return None  # "the president signed the ratification law on Tuesday": another paper than the accord
    if prop == ONCE_PROPERTY and event and _names_the_event(document, subject.entity_id, event):
        event = subject.entity_id  # "the detention on 10 September" of `kovit-arrest`: the subject's own date
    if prop == ONCE_PROPERTY and _is_meeting(document.cues, event) and "met_on" in document.vocabulary:
        prop = "met_on"  # "A summit in Osaka took place on June 28": the day they met, as "met on June 28"
    if prop == "met_on" and event and predicate is not None:
        event = _staged(text, predicate.start, event)  # "a third round of talks on Thursday": that round's day
    if prop != "met_on" and event and governed.clause is not None:
        event = _occurrence(text, governed.clause.start, governed.clause.end, event)
    if predicate is not None and _counted_doers(document, value, predicate.start):
        return None  # "On February 24, 1,862 schools were closed": that day's count, not a closure of the story
    if prop == ONCE_PROPERTY and subject.entity_id == document.main_event and event in (None, subject.entity_id) \
            and (document.published.first_day() - expression.date.last_day()).days > _NEWS_AGE_DAYS:
        return None  # "The last exchange took place on June 4, 2021": an earlier one, not the story's (news is new)
    return Finding(kind="date", property=prop, subject=subject.entity_id, value=DateValue(date=expression.date, time=expression.time if expression.date.day else None),
                   evidence=(sentence.start, sentence.end), confidence=round(max(0.05, confidence), 2),
                   qualifier=governed.qualifier, note=f"date written as {text[value.start:value.end]!r}",
                   proposed=(subject.entity_id,) if subject.proposed else (), event=event,
                   modality=governed.modality)


def _duration(document: Document, value: Value) -> Finding | None:
    text, sentence, cues = document.text, document.sentences[value.sentence], document.cues
    expression = value.reading
    duration = expression.duration
    if expression.form == "sentence":
        return _prison_term(document, value)
    if expression.form == "shift":
        return _shift(document, value)
    if expression.form == "elapsed":
        return _elapsed(document, value)
    lasted = _lasted_event(document, value) if expression.form not in ("allowed", "agreement_term") else None
    if lasted is not None:
        governed = govern(document, value, allow=("lasted", "met_on"), exclude=())
        prop: str = "lasted"
        event: str | None = lasted or None
        cue: PropertyCue | EventCue | None = next((c for c in cues.events if c.property == "lasted"), None)
        if "lasted" not in document.vocabulary:
            return None
    else:
        governed = govern(document, value)
        if expression.form == "age" and _PERSON_AFTER.match(text, value.end):
            return None  # "an 81-year-old woman died": a person's age, not the age of what the story is about
        if expression.form in ("age", "agreement_term", "notice"):  # what the reader found says it
            wanted = {"age": AGE_PROPERTY, "notice": "notice_period"}.get(expression.form, TERM_PROPERTY)
            cue = next((c for c in cues.duration_properties if c.property == wanted), None)
        else:
            # an age is read only as one ("a 47-year-old man ... remanded for 30 days": the 30 days are no age)
            cue, _ = nearest_cue(text, sentence.start, sentence.end, value.span,
                                 tuple(c for c in cues.duration_properties if c.property != AGE_PROPERTY),
                                 document.vocabulary)
            if expression.form == "allowed":  # "given 72 hours to leave": what the reader found says it
                cue = next((c for c in cues.duration_properties if c.property == "time_allowed"), cue)
            if cue is None and expression.form == "ago":
                cue = governed.cue
        if cue is None or cue.property not in document.vocabulary:
            return None
        prop, event = cue.property, (governed.event if governed.cue is cue else None)
        direction = getattr(cue, "direction", "before" if expression.form == "ago" else "after")
        if expression.form not in ("ago", "age") and duration.direction != direction:
            duration = duration.model_copy(update={"direction": direction})
    subject = (_given_to(document, value) if prop == "time_allowed" else None) or _subject(document, value, governed, cue)
    if subject is None:
        return None
    # An age describes, it does not happen; a time allowed (or a notice period) is the same term whether it
    # "must" be met or "was given"; an agreement's term is its own ("will remain in force for 20 years ...
    # unless one side gives notice").
    modality = None if expression.form == "age" or prop in ("time_allowed", "notice_period", TERM_PROPERTY) \
        else governed.modality
    if prop == "lasted" and event:
        # "the siege lasted 36 hours", "the 48-hour standoff": one thing that lasted, in the lexicon's one word
        event = _of_year(document, value, cues.open_objects.get(event, event))
    if prop == "lasted" and modality is None and expression.form in ("length", "length_word"):
        modality = _planned_length(document, value, governed)
    if prop == "lasted" and modality == "planned" and _bare_future(governed, value) and not _is_meeting(cues, event):
        modality = None  # "will suspend its tariffs for 90 days": the term of what was agreed, not a plan; but
        # "will present it at a one-hour session" plans a meeting's length, which the meeting itself may not keep
    return Finding(kind="duration", property=prop, subject=subject.entity_id, value=duration,
                   evidence=(sentence.start, sentence.end), confidence=round(expression.certainty, 2),
                   qualifier=governed.qualifier, note=f"duration written as {text[value.start:value.end]!r}",
                   proposed=(subject.entity_id,) if subject.proposed else (), event=event,
                   modality=modality)


_THING_MOVED = re.compile(r"\s+(?:(?:back|forward|up|the|its|their|his|her|a|an)\s+)*"
                          r"(?!(?:back|forward|up|by|for|just|only|about|until|to)\b)([a-z][a-z-]+)\b")
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|be)\s+$", re.IGNORECASE)


def _shift(document: Document, value: Value) -> Finding | None:
    """How far a date was moved ("delayed by 18 months", "moved the start forward by an hour", "18 months later
    than scheduled"): `shifted_by`, a length, about the event or agreement its sentence names, else the story's;
    its event is the thing moved, the head of the noun after the verb ("the start", "the deadline"). Told as a
    plan or as done, it is one length (the modality is left out, as a time allowed's is)."""
    if "shifted_by" not in document.vocabulary:
        return None
    text, sentence = document.text, document.sentences[value.sentence]
    subject = _thing_or_story(document, value)
    if subject is None:
        return None
    verbs = list(SHIFT_VERB_WORD.finditer(text, max(sentence.start, value.start - 80), value.start))
    event = None
    if verbs and _PASSIVE_BEFORE.search(text, max(sentence.start, verbs[-1].start() - 12), verbs[-1].start()):
        head = head_before(text, verbs[-1].start(), sentence.start)  # "the vote was postponed": the vote
        noun = text[head[0]:head[1]].casefold() if head else ""
        event = event_key(document.cues, noun) if noun.isalpha() and noun not in ("was", "were") else None
    elif verbs:
        moved = _THING_MOVED.match(text, verbs[-1].end(), value.start)
        event = event_key(document.cues, moved.group(1).casefold()) if moved else None
    return Finding(kind="duration", property="shifted_by", subject=subject, value=value.reading.duration,
                   evidence=(sentence.start, sentence.end), confidence=round(value.reading.certainty, 2),
                   note=f"shift written as {text[value.start:value.end]!r}", event=event)


def _elapsed(document: Document, value: Value) -> Finding | None:
    """The time between two events ("landed 17 minutes after the engine failed", "27 minutes passed between
    the failure and the landing"): `elapsed`, about the event or agreement its sentence names, else the
    story's. Its event names both, the later first (`land-after-fail`): the story's crash is followed by
    many things, each after its own time. Either event unnamed, no claim: the figure says too little."""
    if "elapsed" not in document.vocabulary:
        return None
    text, sentence = document.text, document.sentences[value.sentence]
    written = text[value.start:value.end]
    between = _BETWEEN.match(text, value.end, sentence.end) if re.search(r"\bbetween\s*$", written) else None
    if between:  # "27 minutes passed between the failure and the landing"
        earlier, later = _event_word(between.group("first")), _event_word(between.group("second"))
    else:  # "landed at Ruvenholm 17 minutes after the engine failed"
        clause = document.clause_at(value.start)
        start = clause.start if clause else sentence.start
        verbs = [w for w in re.finditer(r"[a-z]+", text[start:value.start]) if is_past_verb(w.group())]
        later = _event_word(verbs[-1].group()) if verbs else None
        after = _AFTER_WHAT.match(text, value.end, sentence.end)
        earlier = _event_word(after.group("verb") or after.group("noun")) if after else None
    subject = _thing_or_story(document, value)
    if subject is None or not later or not earlier or later == earlier:
        return None
    return Finding(kind="duration", property="elapsed", subject=subject, value=value.reading.duration,
                   evidence=(sentence.start, sentence.end), confidence=round(value.reading.certainty, 2),
                   note=f"time between two events written as {written!r}",
                   event=f"{later}-after-{earlier}", modality=govern(document, value).modality)


def _thing_or_story(document: Document, value: Value) -> str | None:
    """The event or agreement the value's sentence names nearest to it, else the story's: what a delay or the
    time between two events is about."""
    things = [m for m in document.mentions.get(value.sentence, []) if m.kind in ("event", "agreement")]
    if things:
        return min(things, key=lambda m: abs(m.start - value.start)).entity_id
    return document.main_event or document.main_agreement


# "... minutes after the engine failed" (what failed, then how: the verb names the event), "after the crash";
# "passed between the failure and the landing".
_AFTER_WHAT = re.compile(r"\s*(?:after\s+)?(?:the|its|their|his|her)\s+(?:[a-z-]+\s+){0,2}?(?P<noun>[a-z]+)"
                         r"(?:\s+(?P<verb>[a-z]+ed)\b)?", re.IGNORECASE)
_BETWEEN = re.compile(r"\s*(?:(?:had\s+|have\s+)?(?:passed|elapsed|went\s+by)\s+between\s+)?(?:the|its|their)\s+"
                      r"(?:[a-z-]+\s+){0,2}?(?P<first>[a-z]+)\s+and\s+(?:the|its|their)\s+(?:[a-z-]+\s+){0,2}?"
                      r"(?P<second>[a-z]+)\b", re.IGNORECASE)
def _event_word(word: str) -> str | None:
    """A verb or noun of an event cut to a stem both forms share (`model.words.stem`, and "-ure" for the
    nouns it leaves: "failed", "failure" -> "fail"; "landing", "landed" -> "land")."""
    lowered = word.casefold()
    if lowered.endswith("ure") and len(lowered) >= 6:
        lowered = lowered[:-3]
    return stem(lowered) if len(lowered) >= 3 else None


_TERM_VERB = re.compile(r"\b(?:sentenced|sentencing|sentences|jailed|jailing|imprisoned|received|receives|got|gets|"
                        r"given|drew|draws)\b", re.IGNORECASE)


def _prison_term(document: Document, value: Value) -> Finding | None:
    """"sentenced Viktor Haldan to nine years in prison": how long the term lasts, `lasted` with event
    `prison-sentence`, about the person sentenced (named after the verb, else before it)."""
    if "lasted" not in document.vocabulary:
        return None
    text, sentence = document.text, document.sentences[value.sentence]
    verb = list(_TERM_VERB.finditer(text, sentence.start, value.start))
    at = verb[-1].end() if verb else sentence.start
    people = [m for m in document.mentions.get(value.sentence, []) if m.kind == "person"]
    after = [m for m in people if at <= m.start < value.start]
    before = [m for m in people if m.end <= at]
    person = after[-1] if after else (before[-1] if before else None)  # "him": the person named last
    if person is None:
        return None
    governed = govern(document, value, allow=("lasted",), exclude=())
    return Finding(kind="duration", property="lasted", subject=person.entity_id, value=value.reading.duration,
                   evidence=(sentence.start, sentence.end), confidence=0.75, event="prison-sentence",
                   modality=governed.modality, note=f"prison term written as {text[value.start:value.end]!r}")


_WORD_START = re.compile(r"\b[a-z-]")


def _head_action(document: Document, start: int, head: tuple[int, int]) -> str | None:
    """The action named by the noun phrase from `start` to its `head` (`head_after`), an action phrase
    ending on the head: "public comment period" and "consultation" are `consult`; "a two-year suspended
    sentence" is no pause (its head is "sentence")."""
    text = document.text
    starts = [m.start() for m in _WORD_START.finditer(text, start, head[1])]
    for key, pattern in document.cues.actions:
        for word in starts:
            found = pattern.match(text, word, head[1])
            if found is not None and found.end() == head[1]:
                return key
    return None


def _several(noun: str, key: str) -> bool:
    """The noun is the plural of an event that happens one at a time ("strikes", "walkouts", "protests"):
    not a noun that is plural in one event ("talks", "negotiations")."""
    last = noun.split()[-1] if noun.split() else ""
    return last.endswith("s") and not last.endswith("ss") and key.rsplit("-", 1)[-1] == last[:-1]


def _lasted_event(document: Document, value: Value) -> str | None:
    """The event a duration measures when it is the length of an event, else None. The key is a kind of
    event, never an entity, so that two articles agree: "35-minute call" -> `phone-call`; "talks that ran
    for 90 minutes" -> `talks`; "sank within 10 minutes" -> `sink` (an action of the lexicon); "will
    suspend its tariffs for 90 days" -> `pause`; none when nothing says which. "a 90-day notice period"
    is not the length of an event."""
    text, cues = document.text, document.cues
    expression = value.reading
    unit = expression.duration.unit
    sentence = document.sentences[value.sentence]
    if unit not in _SHORT_UNITS and _OFFSET.match(text, value.start) and re.match(r"\s+(?:of|after|from)\b", text[value.end:value.end + 8]):
        return None  # "its first session within three months of the entry into force": a deadline, not a
        # length ("went down within 30 minutes of taking on water" is how long the sinking took)
    if expression.form == "length_of":  # "three days of national mourning": the head noun after "of"
        of = re.match(r"\s+of\s+", text[value.end:value.end + 8])
        head = head_after(text, value.end + of.end(), sentence.end) if of else None
        noun = text[head[0]:head[1]].casefold() if head else ""
        key = event_key(cues, noun) if noun else None
        if key and _several(noun, key):
            return None  # "four days of school strikes": days of several strikes, no one strike's length
        return key if _is_event(cues, key) else None  # "four days of talks"; "two days of rain" is no event here
    if expression.form in ("length", "length_word"):
        if _AVERAGED.match(text, value.end):
            return None  # "one-minute sustained winds", "a ten-minute average": how a figure is measured
        head = head_after(text, value.end, sentence.end)
        if head and _no_event_head(text[head[0]:head[1]]):
            return None  # "a four-day, 32-hour working week": how work is scheduled, no event's length
        key = event_key(cues, text[head[0]:head[1]]) if head else None
        if unit in _SHORT_UNITS or expression.form == "length_word" or _is_event(cues, key):
            return key or ""
        named = _head_action(document, value.end, head) if head else None
        if named is not None:
            return named  # "a 30-day public comment period" and "a three-week consultation": `consult`
        noun = re.match(r"\s*([a-z]{3,})\b", text[value.end:value.end + 40])
        if noun and not noun.group(1).endswith("ed") and noun.group(1) not in cues.not_event_lengths and not any(
                cue.pattern.match(text, noun.start(1) + value.end) for cue in cues.duration_properties):
            return event_key(cues, noun.group(1)) or None  # "the 90-day truce": the length of what the noun names
        return None
    clause = document.clause_at(value.start)
    if clause is None:
        return None
    met = [p for p in clause.predicates if p.property in ("met_on", "lasted") and not (value.start <= p.start < value.end)]
    meeting = next((p for p in met if p.property == "met_on" and p.cue.event and "{" not in p.cue.event), None)
    if meeting is not None:
        if _OFFSET.match(text, value.start):
            return None  # "invited them to a meeting within 14 days": when it is to be held, not how long it runs
        return _staged(text, meeting.start, meeting.cue.event)
    if expression.form == "lasted":  # "the call lasted", "the search, which lasts seven days"
        before = clause.start if clause.role == "relative" else value.start
        head = head_before(text, before, sentence.start)
        if re.search(r"\band\s+$", text[max(sentence.start, value.start - 6):value.start]):
            head = head_after(text, sentence.start, value.start)  # "The outage began at 4:52 and lasted 14 hours"
        key = event_key(cues, text[head[0]:head[1]]) if head else None
        if _is_event(cues, key):
            return _staged(text, head[0], key) if _is_meeting(cues, key) else key
    action = action_in(cues, text, [(clause.start, value.start)])
    if action is not None and (unit in _SHORT_UNITS or expression.form == "lasted" or _is_state(action)):
        return action
    if expression.form == "lasted" or (met and unit in _SHORT_UNITS):
        return ""  # the length of something unnamed ("spoke to her counterpart for an hour"): no event
    return None


_PERSON_AFTER = re.compile(r"\s+(?:[A-Z][a-z]+\s+)?(?:woman|women|man|men|boy|boys|girl|girls|child|children|baby|"
                           r"citizen|resident|driver|passenger|pensioner|mother|father|son|daughter|worker|soldier|"
                           r"victim|patient|tourist|student|grandmother|grandfather|teenager|guest|miner|pilot|"
                           r"nurse|doctor|farmer)\b", re.IGNORECASE)
# A negation just before the predicate: what the clause dates did not happen ("did not return calls on Friday",
# "has never met him").
_NEGATED = re.compile(r"\b(?:not|never|n[’']t)\s+(?:[a-z]+\s+){0,2}$", re.IGNORECASE)
# A year between an article (or a possessive) and a noun is part of a name: "the 2027 budget", "its 2029 bond".
_YEAR_AS_NAME = re.compile(r"\b(?:the|its|their|his|her|a|an)\s+$|[’']s\s+$", re.IGNORECASE)
_SINCE_THE = re.compile(r"\b(?:since|after|before|until|during|following)\s+(?:the|its|their)\s+$", re.IGNORECASE)
_NOUN_NEXT = re.compile(r"\s+(?!(?:and|or|to|of|in|on|at|for|with|was|were|is|are|has|had|when|after|before|alone)\b)"
                        r"([a-z][a-z-]+)\b")
_NEWS_AGE_DAYS = 366  # a story's own event happened within a year of the report; anything older is another
# A negation before "since": "had not run a full test since 2023" says when it last happened, not that
# anything started then.
_NOT_SINCE = re.compile(r"\b(?:not|never|no)\b|n[’']t\b", re.IGNORECASE)
_UNTIL = re.compile(r"\b(?:until|till|before)\b", re.IGNORECASE)
_AVERAGED = re.compile(r"\s+(?:sustained|average|averaged|mean|rolling)\b", re.IGNORECASE)
_OFFSET = re.compile(r"(?i:within|in)\b")


def _of_year(document: Document, value: Value, event: str) -> str:
    """"The last major strike, in 2002, lasted nine days": a past year in the clause (or in the clause a
    "when" clause hangs on) makes it that year's event (`strike-2002`), not the one the story is about."""
    clause = document.clause_at(value.start)
    sentence = document.sentences[value.sentence]
    spans = [(clause.start, clause.end) if clause else (sentence.start, sentence.end)]
    if clause is not None and clause.opener == "when" and clause.parent is not None:
        parent = document.clauses[clause.parent]  # "since 2014, when a truce fell apart within three weeks"
        spans.append((parent.start, parent.end))
    for other in document.values:
        date = other.reading.date if other.kind == "date" else None
        if date is not None and any(start <= other.start < end for start, end in spans) \
                and date.year < document.published.year - 1:
            return f"{event}-{date.year}"
    earlier = earlier_event_year(document, value)  # "that incident, which closed the airport for seven hours"
    return f"{event}-{earlier}" if earlier is not None else event


_TESTIMONY = ("committee", "parliament", "assembly", "congress", "senate", "lawmakers", "court", "inquiry", "hearing")


def _testimony(document: Document, governed: Governed) -> bool:
    """"told the defense committee Aug. 5": a statement to a committee, a parliament or a court is a fact
    of its own; any other announcement's day needs what it announces (its event)."""
    predicate, clause = governed.predicate, governed.clause
    if predicate is None or predicate.text.casefold() not in ("told", "tells", "testified"):
        return False
    where = document.text[predicate.end:clause.end if clause else predicate.end + 80].casefold()
    return any(word in where for word in _TESTIMONY)


# "is calling a 48-hour strike", "has called a two-day stoppage": the length a strike or a meeting is called for
_CALLED_FOR = re.compile(r"\b(?:call|calls|calling|called)\s+(?:an?|its|their|the)\s+(?:[a-z]+\s+)?$", re.IGNORECASE)


def _planned_length(document: Document, value: Value, governed: Governed) -> str | None:
    """A length told as an event's adjective ("a 48-hour strike") is the plan's when its clause plans or
    forecasts anywhere ("the 48-hour strike is due to begin on Monday") or calls the event ("is calling a
    48-hour strike"): what was called, not how long it ran."""
    if _CALLED_FOR.search(document.text, max(0, value.start - 40), value.start):
        return "planned"
    kinds = [kind for kind, at, words in (governed.clause.modalities if governed.clause else ())
             if at < value.start or words not in _BARE_FUTURE]  # "a case that ... would never end": not the case's
    return next((kind for kind in kinds if kind in ("planned", "forecast")), None)


# The round a meeting is: "a third round of talks", "the final round of talks", "the second meeting", "the
# next council meeting".
_STAGE_BEFORE = re.compile(r"\b(first|second|third|fourth|fifth|final|last|next|previous)\s+"
                           r"(?:round\s+of\s+|session\s+of\s+)?(?:[a-z]+\s+)?$", re.IGNORECASE)


def _staged(text: str, start: int, event: str) -> str:
    """A meeting's event with its round when the text names one before it (`talks-third`): the talks of two
    rounds are two meetings, each with its day and length."""
    stage = _STAGE_BEFORE.search(text, max(0, start - 40), start)
    return f"{event}-{stage.group(1).casefold()}" if stage else event


def _occurrence(text: str, start: int, end: int, event: str) -> str:
    """An event told as one occurrence of several ("passed the budget a second time", "voted again",
    "approved it in first reading", "the second wave of strikes began"): `pass-budget-again`, `vote-again`,
    `approve-first`, `strike-again`. Two numbered occurrences are two events. An occurrence its clause does
    not number keeps the bare key, which is a key of its own too: it meets other unnumbered ones, not the
    numbered. (A meeting's round is `_staged`'s.)"""
    found = _OCCURRENCE.search(text, start, end)
    if found is None:
        return event
    which = re.sub(r"\s+", " ", next(g for g in found.groups() if g).casefold())
    which = "again" if which in _AGAIN else which
    return event if event.endswith(f"-{which}") else f"{event}-{which}"


_OCCURRENCE = re.compile(r"\b(?:(?:for\s+)?(?:a|the)\s+(second|third|fourth)\s+time"
                         r"|(?:in\s+)?(first|second|third|final)\s+reading"
                         r"|(first|second|third|fourth|fifth|final)\s+wave"
                         r"|(again|once\s+more|re-?vote|re-?run))\b", re.IGNORECASE)
_AGAIN = frozenset(("second", "again", "once more", "revote", "re-vote", "rerun", "re-run"))  # the next time


def _bare_future(governed: Governed, value: Value) -> bool:
    """Whether the clause's plan is only a future tense ("will", "would") before the value."""
    cues = [words for kind, at, words in (governed.clause.modalities if governed.clause else ())
            if kind == "planned" and at < value.start]
    return bool(cues) and all(words in _BARE_FUTURE for words in cues)


_BARE_FUTURE = frozenset(("will", "would", "'ll", "shall"))


def _counted_doers(document: Document, value: Value, predicate_start: int) -> bool:
    """The predicate's subject is a count of many ("1,140 schools closed their doors on January 27", "412
    flights were cancelled on Monday"): the date is the day of that figure, which the figure's claim carries,
    and no happening of the story's own."""
    return any(v.kind == "quantity" and v.measure == "count" and v.reading.amount >= _MANY
               and v.end <= predicate_start and _DOERS_GAP.fullmatch(document.text, v.end, predicate_start)
               for v in document.values_in(value.sentence))


# A count this big tells how widely something happened that day ("1,140 schools closed"); a small one may be
# the happening itself ("two spans dropped into the river on the night of October 7").
_MANY = 50
# Between a count and its verb: the counted noun phrase and an auxiliary ("1,862 of the country's 2,310 public
# schools were", "412 flights had been"), no comma or clause between.
_DOERS_GAP = re.compile(r"\s+(?:[\w’'-]+\s+){0,6}?"
                        r"(?:were\s+|was\s+|had\s+been\s+|have\s+been\s+|has\s+been\s+|are\s+|is\s+)?")


def _is_state(action: str) -> bool:
    """Actions that last for a term ("suspended for 90 days"), not ones that merely happen within one."""
    return action in ("pause", "sanction", "questioning", "rescue", "close", "captivity")


def _is_event(cues: Cues, key: str | None) -> bool:
    return key is not None and (_is_meeting(cues, key) or key in cues.event_nouns
                                or any(key == action for action, _ in cues.actions))


def _is_meeting(cues: Cues, key: str | None) -> bool:
    return key is not None and any(c.property == "met_on" and c.event == key for c in cues.events)


def _given_to(document: Document, value: Value) -> Mention | None:
    """Who a time is allowed to: the name right after "gave"/"gives" ("gave Korvel 60 days"), else the
    first name of the clause that "was"/"has been given" it ("The independent inquiry, chaired by ...
    Amalia Ferrant, has been given six months"), which is its subject, not the nearest name."""
    sentence = document.sentences[value.sentence]
    mentions = [m for m in document.mentions.get(value.sentence, []) if m.end <= value.start]
    if not mentions:
        return None
    before = document.text[sentence.start:value.start]
    active = re.search(r"\b(?:gave|gives|give|giving)\s+$", document.text[sentence.start:mentions[-1].start])
    if active and not document.text[mentions[-1].end:value.start].strip(" ,"):
        return mentions[-1]
    if re.search(r"\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been|been)\s+given\s+$", before):
        clause = document.clause_at(value.start)
        start = clause.start if clause is not None and clause.role == "main" else sentence.start
        return next((m for m in mentions if m.start >= start), None)
    return None


def _names_the_event(document: Document, subject: str, key: str) -> bool:
    """Whether the subject's names hold a word of the event's noun group (`dated_nouns`): `kovit-arrest`
    ("Arrest of Lieutenant Colonel Andrej Kovit") for an arrest or a detention, `corran-sea-judgment`
    ("Corran Sea judgment") for a ruling or a verdict."""
    entity = document.resolver.index.get(subject)
    if entity is None:
        return False
    words = {w for w, k in document.cues.dated_nouns.items() if k == key} | {key}
    named = {w.casefold() for name in entity.names() for w in re.findall(r"[\w-]+", name)}
    return bool(words & named)


def _dated_noun(document: Document, value: Value) -> tuple[str, Mention | None] | None:
    """The event a date is fixed to by its noun (`dated_nouns`), with the event named there or else the
    story's: "Sunday's parliamentary election", "the April 4 election", "the election on April 11", "the
    elections of Sunday 11 April", "the collapse of the Aulmar Bridge on 6 October". None otherwise."""
    text, sentence, nouns = document.text, document.sentences[value.sentence], document.cues.dated_nouns
    if not nouns:
        return None
    noun: tuple[int, int] | None = None
    after = _NOUN_AFTER_DATE.match(text, value.end, sentence.end)
    if after:  # the first word, or the second after an adjective
        groups = (1,) if after.group(1).casefold() in _NOT_ADJECTIVE else (1, 2)  # "on August 19 before signing"
        noun = next((after.span(g) for g in groups if after.group(g) and after.group(g).casefold() in nouns), None)
    if noun is None:
        before = _NOUN_BEFORE_DATE.search(text, max(sentence.start, value.start - 80), value.start)
        if before and before.group(1).casefold() in nouns:
            noun = before.span(1)
    if noun is None:
        return None
    mentions = document.mentions.get(value.sentence, [])
    named = next((m for m in mentions if m.kind == "event" and m.start <= noun[0] < m.end + 40 and m.start < noun[1]),
                 None)
    story = document.main_event or document.main_agreement
    subject = named or (Mention(value.start, value.start, "", story, "event") if story else None)
    return nouns[text[noun[0]:noun[1]].casefold()], subject


# Words after a date that start another phrase, not an adjective of a noun: "on August 19 before signing".
_NOT_ADJECTIVE = frozenset("before after and or but when while as to in on at for with by from until since during "
                           "the a an his her its their than then".split())
# "Sunday's parliamentary election", "the April 4 election": the noun right after the date (a word between).
_NOUN_AFTER_DATE = re.compile(r"(?:’s|'s)?\s+([a-z][a-z-]+)\b(?:\s+([a-z][a-z-]+)\b)?")
# "the election on April 11", "elections of Sunday 11 April", "the collapse of the Aulmar Bridge in Durnholm on 6 October",
# "the election held on Sunday": the noun, at most five words before the date, and nothing that acts between.
_NOUN_BEFORE_DATE = re.compile(r"\b([a-z][a-z-]+)(?:\s+of\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})?"
                               r"(?:\s+(?:in|at|near|over|outside)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})?"
                               r"(?:\s+(?:held|that\s+took\s+place|which\s+took\s+place|took\s+place|was\s+held))?"
                               r"\s+(?:on|of)\s+(?:the\s+night\s+of\s+|the\s+evening\s+of\s+)?$")


def _subject(document: Document, value: Value, governed: Governed, cue: PropertyCue | EventCue | None) -> Mention | None:
    """The background clause's own entity; for a meeting or an event length the event named (else the
    article's main event: the event key says which meeting); else the nearest mention of the kinds the
    predicate expects."""
    mentions = document.mentions.get(value.sentence, [])
    fallback = document.fallback.get(value.sentence)
    if cue is not None and cue.property in (OPEN_PROPERTY, ONCE_PROPERTY):  # what happened in the story: the story
        story = document.main_event or document.main_agreement
        if story:
            return Mention(value.start, value.start, "", story, "event")
    meeting = governed.event is not None and (_is_meeting(document.cues, governed.event)
                                              or governed.event in document.cues.event_nouns)
    if cue is not None and (cue.property in ("lasted", "met_on") or meeting):  # "opened two days of talks on Tuesday"
        if document.main_event:  # the event key says which meeting; the story is the subject
            return Mention(value.start, value.start, "", document.main_event, "event")
        topic = topic_subject(document, value)
        if topic is not None:
            return topic
    if governed.background and governed.clause is not None:
        named = background_subject(document, governed.clause)
        if named is not None:
            return named
        if governed.clause.role == "background":
            return None  # "well above the 25 of the 1987 treaty": an older thing no entity names, not the story's
    kinds = cue.subject_kinds if cue else ()
    chosen = choose_subject(mentions, value.span, kinds, first=bool(cue and getattr(cue, "first", False)))
    if kinds and (chosen is None or chosen.kind not in kinds):
        if fallback is not None and fallback.kind in kinds:
            return fallback
        # The story's agreement or event: for the kind the predicate wants first ("signed an agreement on
        # Tuesday", "the ferry capsized on Saturday"), and for any kind it wants when the sentence names
        # nothing ("The new rules will take effect on September 28": the story's, not a place named before).
        wanted = kinds[:1] if chosen is not None else (kinds[0], *(k for k in ("agreement", "event") if k in kinds))
        for kind in wanted:
            story = {"agreement": document.main_agreement, "event": document.main_event}.get(kind)
            if story:
                return Mention(value.start, value.start, "", story, kind)
    if chosen is None and fallback is None and cue is not None and cue.property == "time_allowed":
        story = document.main_event or document.main_agreement  # "Growers will have two weeks to apply": the story's
        if story:
            return Mention(value.start, value.start, "", story, "event")
    return chosen or fallback


def _no_event_head(phrase: str) -> bool:
    """Whether the noun a length comes before is itself a unit of time ("a four-day week", "a 32-hour working
    week", "12-hour days"): a schedule, which no event's length is."""
    words = phrase.casefold().split()
    return bool(words) and singular(words[-1]) in _TIME_NOUNS


_TIME_NOUNS = frozenset({*(unit.value for unit in DurationUnit), "fortnight"})

"""Quantity claims: the property, what is counted, which poll, and as of when.

- **Property**: the nearest `quantity_properties` cue of the same measure within 60 characters
  ("strengthened 0.4%" -> `appreciation`, "106.25 per dollar" -> `exchange_rate`), else by measure
  (`share`, `amount`, `count`).
- **Counted**: the noun phrase the number counts, as content words in lower case: "55 percent of
  respondents backed ending the pact" -> "respondents backed ending pact"; "14,000 people were
  displaced" -> "people displaced"; "12 people were killed" -> "dead" (unit `dead` too: the dead, bodies
  and deaths are one thing counted); "a margin of error of 3.1 percentage points" -> "margin of error";
  "The peso rose 1.4%" -> "peso rise" (a change: what, which way, and its day as the event). The phrase
  stops at the end of the clause, and after a few words.
- **Polls** (`polls.py`): a figure in a sentence about a poll or survey, or in the
  paragraph of one, is a poll figure: its event is `poll-<pollster>` ("a Realmeter poll" -> `poll-realmeter`,
  `poll` when unnamed) and its subject the pollster when named. The poll's fieldwork dates ("conducted
  Aug. 20-22") are its figures' `as_of`, and no date claims of their own.
- **As of**: a count said on a date ("told the committee Aug. 5 that there had been 26 instances")
  is as of that date.
"""

from __future__ import annotations

import re

from factcheck.extract.claims.finding import Finding, choose_subject, nearest_cue, topic_subject
from factcheck.extract.claims.governing import govern
from factcheck.extract.claims.polls import fieldwork_dates, poll_of_sentences
from factcheck.extract.document import Document, Mention, Value
from factcheck.model import PartialDate, QuantityValue

_WORD = re.compile(r"[A-Za-z][\w’'\-]*|\b\d{1,2}:\d{2}\b")  # a clock time says which count: "turnout at 18:00"
_FUNCTION = frozenset((
    "the a an of to in on at by for from with and or but as than that which who whom whose this these those its "
    "their his her our your it they them there is are was were be been being has have had do does did will would "
    "shall should can could may might must percent per cent percentage point points about around nearly almost "
    "some only just more less over under up least most roughly approximately rise rose risen fell fallen stood "
    "reached hit now still also even initially all such against them falls fall rises drops dropped climbed "
    "climbs stands own monday tuesday wednesday thursday friday saturday sunday "
    "today yesterday week according january february march april may june july august september october november "
    "december jan feb mar apr jun jul aug sep sept oct nov dec").split())
_OPINION = frozenset(("said", "say", "says", "consider", "considers", "considered", "think", "thinks", "thought",
                      "believe", "believes", "believed", "felt", "feel", "feels", "described", "describe", "view",
                      "views", "see", "sees", "found", "find", "finds", "told"))
_ANSWER_VERBS = frozenset((
    "said say says think thought support supports back backs favor favour favors favours approve approves reject "
    "rejects want wants trust trusts expect expects prefer prefers believe believes feel feels consider considers "
    "agree agrees disagree disagrees oppose opposes remain remains view views see sees would will do did had have "
    "were are is was").split())
_AUXILIARY = frozenset("is are was were be been being has have had".split())
_MAX_WORDS = 6


def quantity_findings(document: Document, skip: frozenset[int] = frozenset()) -> tuple[list[Finding], frozenset[int]]:
    """Every quantity claim of the document (but those starting in `skip`), and the starts of the date
    values that are a poll's fieldwork."""
    polls = poll_of_sentences(document)
    fieldwork, poll_dates = fieldwork_dates(document, polls)
    findings = []
    for value in document.values:
        if value.kind != "quantity" or value.start in skip:
            continue
        finding = _quantity(document, value, polls.get(value.sentence), poll_dates)
        if finding is not None:
            findings.append(finding)
    return findings, frozenset(fieldwork)


def _quantity(document: Document, value: Value, poll: tuple[str, Mention | None] | None,
              poll_dates: dict[str, PartialDate]) -> Finding | None:
    text, sentence, cues = document.text, document.sentences[value.sentence], document.cues
    fitting = tuple(c for c in cues.quantity_properties if value.measure in c.measures)
    cue, distance = nearest_cue(text, sentence.start, sentence.end, value.span, fitting, document.vocabulary)
    cue = cue if cue is not None and distance <= 60 else None
    prop = cue.property if cue else cues.quantity_property.get(value.measure or "")
    if prop is None or prop not in document.vocabulary:
        return None
    change = None
    if cue is None and value.measure == "percent" and poll is None:
        change = _change(text, sentence.start, value)
        if change == "previous":
            return None  # "from 9.25% to 9.75%": the former value is not what the sentence reports
    governed = govern(document, value)
    modality = governed.modality
    if modality == "reported" and governed.clause and governed.clause.modality_cue == "reportedly" \
            and _hedges_another(document, value, governed.clause):
        modality = None  # "from $1 billion to reportedly $5 billion": the hedge is the other figure's
    counted = _change_counted(document, value, change) if change else counted_phrase(document, value, poll is not None)
    if value.measure == "percent" and _PROGRESS.search(text, max(sentence.start, value.start - 12), value.end + 60) \
            and _PROGRESS.search(text, max(sentence.start, value.start - 12), value.end + 60).start() <= value.start:
        return None  # "with 98.6 percent of polling stations counted": how far a count has got, not a fact
    owner = _owner(document, value, poll[1] if poll else None) if value.measure in ("percent", "count") \
        and not change else None
    stage = None
    if owner is not None:  # "the NRP had 41.2 percent", "29.4 percent for the Civic Alliance": whose share, when
        stages = list(dict.fromkeys(_STAGE.findall(sentence.text.casefold())))
        if _PROGRESS.search(sentence.text):
            stages = [*stages, "partial"]  # "with 98.6 percent of polling stations counted": not yet final
        if not stages:  # the stage a paragraph opened with: "In the final results, ... The Civic Alliance took"
            earlier = [s for s in document.sentences if s.line == sentence.line and s.index < sentence.index]
            stages = next((_STAGE.findall(s.text.casefold()) for s in reversed(earlier)
                           if _STAGE.search(s.text.casefold())), [])
        stage = stages[0] if stages else None
        of_what = re.match(r"\s*(?:percent|per\s+cent|%)?\s+of\s+(?:the\s+)?(?:valid\s+|popular\s+)?(vote|votes|ballots)\b",
                           text[value.end:value.end + 40])
        counted = normal_counted([owner, *stages, *(["vote"] if of_what else [])])
    if value.measure == "measure" and not counted:
        return None  # a length that measures no dimension of the story's thing
    event, as_of = None, None
    subject = _subject(document, value, cue)
    if poll is not None and value.measure == "percent":
        event, pollster = poll
        as_of = poll_dates.get(event)
        subject = pollster or subject
    else:
        as_of = _dated_by(document, value) or _said_on(document, value)
        event = _past_year(document, value)
        if event is not None and value.measure in ("percent", "count", "money", "measure"):
            return None  # "At the 2019 election the Civic Alliance won 44.1 percent": background, not the story
        if change:
            event = _change_day(document, value)  # "rose 1.4% on Thursday": that day's change
        elif owner is not None and event is None:
            event = f"result-{stage}" if stage else "result"  # a result, never a poll's figure
    if subject is None:
        return None
    reading: QuantityValue = value.reading
    if value.measure == "count" and reading.unit in ("people", "person") and counted and \
            set(counted.split()) & set(document.cues.count_synonyms):
        dead = document.cues.count_synonyms[next(w for w in counted.split() if w in document.cues.count_synonyms)]
        reading, counted = reading.model_copy(update={"unit": dead}), dead  # "147 people confirmed dead"
    if value.measure == "money":
        counted = _money_role(document, value)  # what a sum is, when a word says: a fine, an embezzled sum
    if counted and (prop in ("share", "count", "amount")):
        reading = reading.model_copy(update={"counted": counted})
    confidence = 0.8 if cue else 0.65
    return Finding(kind="quantity", property=prop, subject=subject.entity_id, value=reading,
                   evidence=(sentence.start, sentence.end), confidence=confidence,
                   note=f"{value.measure} written as {text[value.start:value.end]!r}",
                   proposed=(subject.entity_id,) if subject.proposed else (), event=event,
                   modality=modality, as_of=as_of)


_RISE = ("rose rise rises risen gained gains gain jumped jumps climbed climbs increased increases grew grows grown "
         "surged surges soared soars rallied strengthened advanced up higher stronger more").split()
_FALL = ("fell fall falls fallen lost loses lose dropped drops declined declines decreased decreases shrank shrinks "
         "slumped slumps plunged plunges slid slides tumbled tumbles weakened retreated eased down lower weaker "
         "less").split()
_CHANGE_BEFORE = re.compile(
    rf"\b(?P<verb>{'|'.join(_RISE + _FALL)}|by|from|edged\s+up|edged\s+down)\s+"
    r"(?:(?:about|around|roughly|nearly|almost|some|more\s+than|less\s+than|over|just|a\s+further)\s+)?$",
    re.IGNORECASE)
_CHANGE_AFTER = re.compile(rf"\s*(?P<verb>{'|'.join(_RISE + _FALL)})\b", re.IGNORECASE)


def _change(text: str, floor: int, value: Value) -> str | None:
    """"rise" or "fall" for a percentage that is a change ("rose 11.4%", "2.3% stronger"), "previous" for
    the value before one ("from 9.25% to 9.75%"), None for a proportion or a level ("rose to 7.8%")."""
    before = _CHANGE_BEFORE.search(text[max(floor, value.start - 40):value.start])
    after = _CHANGE_AFTER.match(text, value.end)
    found = before or after
    if found is None:
        return None
    verb = found.group("verb").casefold()
    if verb == "from":
        return "previous" if re.match(r"\s+to\s", text[value.end:value.end + 5]) else None
    if verb == "by":
        verb = (re.search(rf"\b({'|'.join(_RISE + _FALL)}|raised?|cut|lowered|hiked)\b",
                          text[max(floor, value.start - 60):value.start], re.IGNORECASE) or found).group(1).casefold()
    return "fall" if verb in _FALL or verb in ("cut", "lowered") else "rise"


def _change_counted(document: Document, value: Value, change: str) -> str | None:
    """What changed and which way: "The peso rose 1.4%" -> "peso rise" (the words of any rise say "rise")."""
    clause = document.clause_at(value.start)
    start = clause.start if clause else document.sentences[value.sentence].start
    before = re.split(r"[,;:(“\"]", document.text[start:value.start])[-1]
    words = [w for w in _content(before, verbs=False) if w not in _RISE and w not in _FALL][-2:]
    return normal_counted([*words, change]) if words else change


def _change_day(document: Document, value: Value) -> str | None:
    """The day or period of a change, as its event ("on Thursday" -> `change-2026-09-17`): the changes of
    two days are two facts."""
    clause = document.clause_at(value.start)
    if clause is None:
        return None
    for other in document.values:
        if other.kind == "date" and clause.start <= other.start < clause.end and other.reading.date is not None:
            return f"change-{other.reading.date}"
    return None


def _hedges_another(document: Document, value: Value, clause) -> bool:  # noqa: ANN001
    """Whether "reportedly" in the clause is the approximation of another figure, not of this one."""
    if value.reading.approximation is not None and value.reading.approximation.value == "reportedly":
        return False
    return any(v.kind == "quantity" and v is not value and clause.start <= v.start < clause.end
               and v.reading.approximation is not None and v.reading.approximation.value == "reportedly"
               for v in document.values)


def counted_phrase(document: Document, value: Value, poll: bool = True) -> str | None:
    """What the number counts, as normalised content words (see the module docstring)."""
    text = document.text
    clause = document.clause_at(value.start)
    end = clause.end if clause else document.sentences[value.sentence].end
    start = clause.start if clause else document.sentences[value.sentence].start
    before = text[start:value.start]
    margin = list(document.cues.margin.finditer(before))
    if margin and not re.sub(r"\W|\b(?:of|was|is|at|plus|or|minus|about|around|roughly)\b", "",
                             before[margin[-1].end():]).strip():
        return "margin of error"
    after = text[value.end:end]
    words: list[str] = []
    if value.measure == "count" and value.reading.unit in document.cues.count_synonyms.values():
        return value.reading.unit  # "23 bodies", "the number of dead": one thing, counted once
    lead = re.search(r"\bnumber\s+of\s+(.*?)\s+(?:rose|risen|climbed|reached|stood|stands|is|was|hit|jumped|"
                     r"increased|at|by|in|from|after|since)\b[^.;]{0,80}$", text[start:value.start], re.IGNORECASE)
    if value.measure == "measure":
        return _measured(document, value, before, after) or ""
    if value.measure == "count" and lead:  # "the number of displaced people at 21,000"
        words = _content(lead.group(1), verbs=True)
        if value.reading.unit in words and words[0] != value.reading.unit:
            words.remove(value.reading.unit)
            words = [value.reading.unit, *words]
    elif value.measure == "count":  # the span ends with the counted noun ("26 instances", "312 tariff lines")
        words = [value.reading.unit, *_content(after, verbs=True)]
    elif re.match(r"\s+of\s+", after):
        words = _everyone(document, _content(_object_only(after), verbs=True), after) if poll else \
            _content(_object_only(after), verbs=True)
    elif _starts_with_verb(after) and not poll:  # "the fire was 20% contained": what, and how
        subject = _content(re.split(r"[,;:(“\"]", before)[-1], verbs=False)[-2:]
        words = [*subject, *_content(_object_only(after), verbs=True)]
    elif _starts_with_verb(after):
        words = ["respondents", *_content(_object_only(after), verbs=True)]  # "27% oppose them": those asked
    elif re.match(r"\s+[a-z]{3,}", after) and re.match(r"\s+([a-z]+)", after).group(1) not in _FUNCTION:
        # "Chile's own 20% tariffs on ...": whose rate of what
        owner = re.search(r"([A-Z][\w-]*)[’']s\s+(?:own\s+)?(?:[a-z]+\s+)?$", before)
        words = ([owner.group(1).casefold()] if owner else []) + _content(
            re.split(r"\s+(?:on|of|for|in|at|to|from|against|with)\s+", after, maxsplit=1)[0], verbs=True)[:2]
    else:  # "support falls to 52%", "Turnout at noon: 24.7 percent", "the margin over X, 11.4 points"
        pieces = [piece for piece in re.split(r"[,;(“\"]|(?<!\d):(?!\d)|\s[—–]\s", before) if _content(piece, verbs=False)]
        words = _content(pieces[-1], verbs=False)[-3:] if pieces else []
    return normal_counted(words[:_MAX_WORDS])


_MEASURED = {"deep": "depth", "long": "length", "wide": "width", "high": "height", "tall": "height", "away": "distance",
             "earthquake": "quake", "tremor": "quake", "shock": "quake", "mainshock": "quake"}
_SHOCKS = re.compile(r"\b(aftershocks?|foreshocks?|earthquakes?|quakes?|tremors?|mainshock|shocks?)\b", re.IGNORECASE)


def _measured(document: Document, value: Value, before: str, after: str) -> str | None:
    """What a measurement measures: "a depth of 12 km" -> "depth"; "12 km deep" -> "depth"; "a magnitude 7.1
    earthquake" -> "quake magnitude"; "one of magnitude 5.6" in a sentence about aftershocks -> "aftershock
    magnitude", so the main shock and its aftershocks are different things measured."""
    if value.reading.unit == "magnitude":
        clause = document.clause_at(value.start)
        start = clause.start if clause else document.sentences[value.sentence].start
        end = clause.end if clause else document.sentences[value.sentence].end
        shocks = list(_SHOCKS.finditer(document.text, start, end))
        if not shocks:
            return "magnitude"
        nearest = min(shocks, key=lambda m: abs(m.start() - value.start))
        noun = _lemma(nearest.group(1).casefold())
        return f"{_MEASURED.get(noun, noun)} magnitude"
    of = re.search(r"\b([a-z]+)\s+of\s+(?:about\s+|around\s+|some\s+|approximately\s+)?$", before)
    word = of.group(1) if of else (re.match(r"\s+([a-z]+)", after) or re.match("", "")).group(0).strip()
    word = _MEASURED.get(word, word)
    return word if word in _DIMENSIONS else None  # "25 km from Orlek": a distance between places, left out


_DIMENSIONS = frozenset(("depth", "length", "width", "height", "distance", "altitude", "diameter", "radius", "elevation"))


def normal_counted(words: list[str]) -> str | None:
    """The comparable form of what is counted, still readable: content words in their order, opinion
    verbs left out ("said", "consider"), each word lemmatised lightly (plural -s, -ing) so that "said
    travelling by ferry was unsafe" and "consider ferry travel unsafe" count the same words."""
    kept = [w if position == 0 else _lemma(w) for position, w in enumerate(words) if w not in _OPINION]
    unique = list(dict.fromkeys(kept))
    return " ".join(unique) if unique else None


def _lemma(word: str) -> str:
    if word.endswith("ing") and len(word) > 6:
        stem = word[:-3]
        if stem[-1] == stem[-2] and stem[-1] not in "aeiousz":
            stem = stem[:-1]  # "travelling" -> "travel", "stopping" -> "stop"
        return stem
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "ous")) and len(word) > 3:
        return word[:-1]
    return word


def _object_only(after: str) -> str:
    """What was answered, without a name the outlet adds after it ("support the sanctions on Estovia":
    "support the sanctions"; "travelling by ferry" stays whole). The first "of" is kept."""
    lead = re.match(r"\s+of\s+", after)
    start = lead.end() if lead else 0
    cut = re.search(r"\s+(?:on|against|in|for|to|from|at|with|by|over|among|amid)\s+(?:the\s+)?(?=[A-Z])", after[start:])
    return after[:start + cut.start()] if cut else after


def _starts_with_verb(after: str) -> bool:
    """"27% oppose them", "9% are undecided", "71% said ...": the figure is the subject of a verb."""
    first = re.match(r"\s+([a-z]+)", after)
    return bool(first) and (first.group(1) in _AUXILIARY or first.group(1) in _ANSWER_VERBS
                            or first.group(1).endswith(("e", "ed")) and not first.group(1).endswith("ee"))


def _everyone(document: Document, words: list[str], after: str) -> list[str]:
    """"64% of Chileans support ..." and "61% of respondents support ...": the group that is everyone asked
    is one word, `respondents` (the lexicon's `polls.everyone`, or a people: capitalised words only, as
    "South Koreans", "Japanese"; "Seoul residents" is a group of its own)."""
    group = re.match(r"\s+of\s+((?:the\s+)?(?:[A-Z][\w-]+\s+)*[A-Z][\w-]*\b|[\w\s]{1,25}?)(?=\s|$)", after)
    if not words or group is None:
        return words
    written = group.group(1).strip()
    is_everyone = document.cues.everyone.fullmatch(written) or re.fullmatch(r"(?:the\s+)?(?:[A-Z][\w-]+\s+)*[A-Z][\w-]*",
                                                                             written)  # a people: "South Koreans"
    if not is_everyone:
        return words
    dropped = len(_content(" " + written, verbs=True))
    return ["respondents", *words[dropped:]]


def _content(fragment: str, *, verbs: bool) -> list[str]:
    """Content words of a fragment, in order; a comma ends it."""
    fragment = re.split(r"[,;(“\"]|(?<!\d):(?!\d)|\b(?:and|or|while|but)\s+(?:[a-z]+\s+){0,3}?[$€£¥\d]", fragment, maxsplit=1)[0]
    found = []
    for word in _WORD.finditer(fragment):
        lowered = word.group().casefold().replace("’", "'")
        if lowered in _FUNCTION or lowered.endswith("'s") and not verbs:
            continue
        found.append(lowered.removesuffix("'s"))
    return found


def _subject(document: Document, value: Value, cue) -> Mention | None:  # noqa: ANN001
    """With a cue of its own ("106.25 per dollar": a currency), the nearest mention of its kinds; else the
    event or agreement the figure's sentence names, else the article's main event: figures are facts
    about what happened, and the actor nearest to a number is seldom what it measures."""
    mentions = document.mentions.get(value.sentence, [])
    recent = document.recent.get(value.sentence, {})
    kinds = cue.subject_kinds if cue else ()
    if not kinds:
        topic = topic_subject(document, value)
        if topic is not None:
            return topic
    chosen = choose_subject(mentions, value.span, kinds)
    if kinds and (chosen is None or chosen.kind not in kinds):
        for kind in kinds:
            if kind in recent:
                return recent[kind]
    return chosen or next(iter(recent.values()), None)


def _past_year(document: Document, value: Value) -> str | None:
    """"The region was last hit in 1963, when more than 1,000 people died": a figure in a sentence about a
    past year is about that year's event (`in-1963`), not the story's. "since 2019" is not of 2019."""
    for other in document.values:
        date = other.reading.date if other.kind == "date" else None
        lead = document.text[max(0, other.start - 8):other.start].casefold()
        if abs(other.start - value.end) > 50 and abs(value.start - other.end) > 50:
            continue  # "54.2 percent, the CEC says, up from 51.6 percent at the same hour in 2019": 51.6's year
        if (date is not None and other.sentence == value.sentence and not other.reading.role
                and date.year < document.published.year - 1 and re.search(r"\b(?:in|of|during|the)\s+$", lead)):
            return f"in-{date.year}"
    return None


_PROGRESS = re.compile(r"\b[Ww]ith\s+(?:about\s+|nearly\s+|some\s+)?[\d.]+\s*(?:percent|per\s+cent|%)\s+of\s+"
                       r"(?:the\s+)?[\w\s]{0,30}?\b(?:counted|reporting|tallied|processed|in)\b")
_OWNER_VERBS = re.compile(r"^\s*(?:[’']s\s+)?(?:(?:has|had|have|would|will|won|wins|took|takes|got|gets|received|receives|secured|"
                          r"polled|scored|was|is|stood|stands|at|on|with|of)\s+){0,3}(?:about\s+|nearly\s+|some\s+)?$")
# Words that say at which stage a running figure was given: a preliminary count and the final one differ.
_STAGE = re.compile(r"\b(preliminary|partial|provisional|final|official|exit|early|first|latest|projected|estimated|"
                    r"unofficial|full|complete)\b")


def _owner(document: Document, value: Value, pollster: Mention | None) -> str | None:
    """Whose share a percentage is: the party, person or country named right before it through a verb of
    having ("the NRP had 41.2 percent", "put the NRP on 36 percent") or right after it ("29.4 percent for
    the Civic Alliance")."""
    clause = document.clause_at(value.start)
    sentence = document.sentences[value.sentence]
    floor = clause.start if clause else sentence.start
    kinds = ("organisation", "person", "country", "group", "list")  # a party may be an electoral list
    named = [m for m in document.mentions.get(value.sentence, []) if m.kind in kinds
             and (pollster is None or m.entity_id != pollster.entity_id)]
    before = [m for m in named if floor <= m.start and m.end <= value.start
              and _OWNER_VERBS.match(document.text[m.end:value.start])]
    if before:
        return before[-1].entity_id
    after = re.match(r"\s*(?:of\s+the\s+vote\s+)?(?:for|to)\s+(?:the\s+)?", document.text[value.end:value.end + 40])
    if after:
        start = value.end + after.end()
        following = [m for m in named if start <= m.start <= start + 40]
        if following:
            return following[0].entity_id
    return None


_STOCKS = frozenset(("reserves", "budget"))


def _money_role(document: Document, value: Value) -> str | None:
    """The role of a sum from the lexicon's `money_roles`, by the nearest role word before it in its clause
    ("fined Haldan 2 million crowns" -> "fine"), else right after it ("2 million crowns in fines")."""
    clause = document.clause_at(value.start)
    start = max(clause.start if clause else 0, value.start - 90)
    best: tuple[int, str] | None = None
    for role, pattern in document.cues.money_roles:
        for match in pattern.finditer(document.text, start, value.start):
            stock = role in _STOCKS  # "of reserves ... and a further $400 million": the sale, not the stock
            if best is None or (match.start() > best[0] and not stock) or best[1] in _STOCKS and not stock:
                best = (match.start(), role)
    if best is not None:
        floor = clause.start if clause else document.sentences[value.sentence].start
        people = [m for m in document.mentions.get(value.sentence, []) if m.kind == "person"
                  and floor <= m.start < value.start]
        if people:  # "Brandt was ... fined 1.5 million crowns": whose fine
            return f"{best[1]} {people[-1].entity_id}"
    if best is None:
        for role, pattern in document.cues.money_roles:
            if pattern.match(document.text, value.end + 1, value.end + 20) or \
                    re.match(rf"\s+(?:of|in)\s+{pattern.pattern}", document.text[value.end:value.end + 30], re.IGNORECASE):
                return role
    return best[1] if best else None


def _dated_by(document: Document, value: Value) -> PartialDate | None:
    """"By Wednesday evening, 23 bodies ...", "rose to 32 by Wednesday": the count as of that date."""
    clause = document.clause_at(value.start)
    sentence = document.sentences[value.sentence]
    dates = sorted((v for v in document.values if v.kind == "date" and v.sentence == value.sentence
                    and v.reading.date is not None), key=lambda v: (v.start < value.start, v.start))
    for other in dates:  # the date after the figure first: "rose to 112 by Thursday morning"
        lead = document.text[max(sentence.start, other.start - 20):other.start].casefold()
        if document.text[other.end:other.end + 2] in ("’s", "'s"):
            continue  # "killed by Tuesday's earthquake" dates the earthquake, not the count
        if re.search(r"\b(?:by|as of|as at|up to|until)\s+(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?\s+)?)?$", lead) and (
                clause is None or clause.start <= other.start < clause.end or other.start < clause.start):
            return other.reading.date
    return None


def _said_on(document: Document, value: Value) -> PartialDate | None:
    """The date a figure was given on: a date in the attribution its clause depends on."""
    clause = document.clause_at(value.start)
    if clause is None or clause.parent is None:
        return None
    parent = document.clauses[clause.parent]
    if parent.role != "attribution":
        return None
    dates = [v for v in document.values if v.kind == "date" and parent.start <= v.start < parent.end
             and v.reading.date is not None and not v.reading.role]
    return dates[0].reading.date if dates else None

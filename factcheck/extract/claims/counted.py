"""What a quantity counts: the `counted` phrase, and the changes a percentage can state.

`counted` is the noun phrase the number counts, as content words in their order, lightly lemmatised
(`normal_counted`): "55 percent of respondents backed ending the pact" -> "respondents backed ending pact";
"14,000 people were displaced" -> "people displaced"; "a margin of error of 3.1 percentage points" ->
"margin of error"; "27% oppose them" in a poll -> "respondents oppose"; "the fire was 20% contained" ->
"fire contained"; "Chile's own 20% tariffs" -> "chile tariffs"; measurements by dimension ("a depth of 12
km" -> "depth", "a magnitude 5.6 aftershock" -> "aftershock magnitude"). A percentage that is a change
("the peso rose 1.4% on Thursday") counts what changed and which way ("peso rise"), with its day as event.
"""

from __future__ import annotations

import re

from factcheck.extract.readers.clock import PART_OF_DAY
from factcheck.extract.readers.verbs import is_past_verb
from factcheck.extract.document import Document, Value
from factcheck.model.numbers import NUMBER, parse_number

_WORD = re.compile(r"[A-Za-z][\w’'\-]*|\b\d{1,2}:\d{2}\b")  # a clock time says which count: "turnout at 18:00"
_FUNCTION = frozenset((
    "the a an of to in on at by for from with and or but as than that which who whom whose this these those its "
    "their his her our your it they them there is are was were be been being has have had do does did will would "
    "shall should can could may might must percent per cent percentage point points about around nearly almost "
    "some only just more less over under up least most roughly approximately rise rose risen fell fallen stood "
    "reached hit now still also even initially all such against them falls fall rises drops dropped climbed "
    "climbs stands own monday tuesday wednesday thursday friday saturday sunday "
    "today yesterday week basis according january february march april may june july august september october november "
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


_RISE = ("rose rise rises risen gained gains gain jumped jumps climbed climbs increased increases grew grows grown "
         "surged surges soared soars rallied strengthened advanced up higher stronger more").split()
_FALL = ("fell fall falls fallen lost loses lose dropped drops declined declines decreased decreases shrank shrinks "
         "slumped slumps plunged plunges slid slides tumbled tumbles weakened retreated eased down lower weaker "
         "less").split()
MOVE_WORDS = _RISE + _FALL  # the words of a rise or a fall, for readers of the level a move reached
_CHANGE_BEFORE = re.compile(
    rf"\b(?P<verb>{'|'.join(_RISE + _FALL)}|by|from|edged\s+up|edged\s+down)\s+"
    r"(?:(?:about|around|roughly|nearly|almost|some|more\s+than|less\s+than|over|just|a\s+further)\s+)?$",
    re.IGNORECASE)
_CHANGE_AFTER = re.compile(rf"\s*(?P<verb>{'|'.join(_RISE + _FALL)})\b", re.IGNORECASE)


def change_of(text: str, floor: int, value: Value) -> str | None:
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


def change_counted(document: Document, value: Value, change: str) -> str | None:
    """What changed and which way: "The peso rose 1.4%" -> "peso rise" (the words of any rise say "rise")."""
    clause = document.clause_at(value.start)
    start = clause.start if clause else document.sentences[value.sentence].start
    before = re.split(r"[,;:(“\"]", document.text[start:value.start])[-1]
    words = [w for w in _content(before, verbs=False) if w not in _RISE and w not in _FALL][-2:]
    return normal_counted([*words, change]) if words else change


def change_day(document: Document, value: Value) -> str | None:
    """The day or period of a change, as its event ("on Thursday" -> `change-2026-09-17`): the changes of
    two days are two facts."""
    clause = document.clause_at(value.start)
    if clause is not None:
        for other in document.values:
            if other.kind == "date" and clause.start <= other.start < clause.end and other.reading.date is not None:
                return f"change-{other.reading.date}"
    span = clause or document.sentences[value.sentence]
    published = document.published
    if published.day is not None and _TODAY.search(document.text, span.start, span.end):
        return f"change-{published}"  # "up 9% so far this morning", "rose 4% by midday": the day it was told
    return None


# Words that date a move to the day it is told: "so far this morning", "by midday", "in early trading".
_TODAY = re.compile(r"\b(?:so\s+far\s+)?this\s+(?:morning|afternoon)\b"
                    r"|\bby\s+(?:midday|noon|lunchtime|mid-morning|mid-afternoon)\b"
                    r"|\bin\s+(?:early|morning|afternoon|midday)\s+trad(?:ing|e)\b|\bso\s+far\s+today\b", re.IGNORECASE)


# "a premium of 31%", "a turnout of 68.3 percent": the noun phrase right before "of" names what is measured,
# not the verb or subject before it ("The proposal represents a premium of 31%": premium).
_OF_BEFORE = re.compile(r"\b(?:a|an|the|its|their|his|her)\s+(?P<phrase>(?:[a-z][\w-]*\s+){0,1}[a-z][\w-]*)\s+of\s+"
                        r"(?:(?:about|around|nearly|almost|some|just|roughly|approximately|only|more\s+than|"
                        r"less\s+than|at\s+least)\s+)?$")


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
    following = [other.start for other in document.values_in(value.sentence)
                 if other.kind == "quantity" and value.end <= other.start < end]
    if following and value.measure == "count":  # "23 miners were trapped about 410 metres underground": the depth is not counted
        end = min(following)
    after = _undated(document, value.end, end)
    if following and value.measure == "count":  # "... and Japan handed back [25]": that clause is the next figure's
        after = re.sub(r"\b(?:and|or|while|but)\s+(?:[A-Za-z]+\s+){0,3}?$", "", after)
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
        after = _before_adjunct(after)
        # "seven Vardanian diplomats": whose they are is part of what is counted (six Tirassian ones are others)
        last = text[value.start:value.end].split()[-1]
        whose = [last.casefold()] if re.fullmatch(r"[A-Z][a-z]{3,}", last) and parse_number(last) is None \
            and last.casefold() != value.reading.unit else []
        owner = _OWNER_BEFORE.search(before)  # "the League's 14 deputies": the League's, not the chamber's
        if owner and not whose:
            whose = [owner.group(1).casefold()]
        backing = _BACKING_OF.search(before)  # "the signatures of 41 deputies": their signatures, not their votes
        if backing:
            whose = [*whose, _lemma(backing.group(1).casefold())]
        words = [*whose, value.reading.unit, *_content(after, verbs=True)]
        sentence_end = document.sentences[value.sentence].end
        done = _DONE_AFTER_PLACE.match(text, value.end, end if not following else sentence_end) or (
            _SHARED_PREDICATE.match(text, value.end, sentence_end) if following else None)
        if done and done.group("verb") not in words:  # "271,000 birds on six farms were killed": birds killed
            words.append(done.group("verb"))
    elif re.match(r"\s+of\s+", after):
        words = _everyone(document, _content(_object_only(after), verbs=True), after) if poll else \
            _content(_object_only(after), verbs=True)
    elif _starts_with_verb(after) and not poll:  # "the fire was 20% contained": what, and how
        subject = _content(re.split(r"[,;:(“\"]", before)[-1], verbs=False)[-2:]
        words = [*subject, *_content(_object_only(after), verbs=True)]
    elif _starts_with_verb(after):  # "27% oppose them": those asked; "37% are against": the stance is the answer
        stance = ["against"] if _AGAINST.match(after) else []
        words = ["respondents", *stance, *_content(_object_only(after), verbs=True)]
    elif re.match(r"\s+[a-z]{3,}", after) and re.match(r"\s+([a-z]+)", after).group(1) not in _FUNCTION:
        # "Chile's own 20% tariffs on ...": whose rate of what
        owner = re.search(r"([A-Z][\w-]*)[’']s\s+(?:own\s+)?(?:[a-z]+\s+)?$", before)
        words = ([owner.group(1).casefold()] if owner else []) + _content(
            re.split(r"\s+(?:on|of|for|in|at|to|from|against|with)\s+", after, maxsplit=1)[0], verbs=True)[:2]
    elif _OF_BEFORE.search(before):  # "a premium of 31%", "final turnout of 63.8 percent": the noun it measures
        phrase = _OF_BEFORE.search(before)
        words = _content(phrase.group("phrase"), verbs=False)[-2:]
    else:  # "support falls to 52%", "Turnout at noon: 24.7 percent", "the margin over X, 11.4 points"
        level = _MOVED_TO.sub("", before)  # "The standard VAT rate goes up to 21%": the rate, not its going
        pieces = [piece for piece in re.split(r"[,;(“\"]|(?<!\d):(?!\d)|\s[—–]\s", level)
                  if _content(piece, verbs=False)]
        words = _content(pieces[-1], verbs=False)[-3:] if pieces else []
    if poll:
        words = [*_subgroup(text[document.sentences[value.sentence].start:value.start]), *words]
    scope = _SCOPE.search(text, document.sentences[value.sentence].start, value.start)
    if scope and words:  # "Nationally, the lead is 200,000"; "the lead in the province fell to 9,798": two leads
        words = [*words[:_MAX_WORDS - 1], "national" if scope.group("national") else scope.group("part").casefold()]
    return normal_counted(words[:_MAX_WORDS])


_MOVED_TO = re.compile(r"\b(?:goes|go|going|gone|went|moves?|moved|moving)\s+(?:(?:up|down)\s+)?(?:(?:to|by)\s+)?$",
                       re.IGNORECASE)


# Where a figure holds, when its sentence says so before it: the whole country, or one part of it.
_SCOPE = re.compile(r"(?P<national>\b(?:nationally|nationwide|across\s+the\s+country|country-wide)\b)"
                    r"|\bin\s+the\s+(?P<part>province|region|district|county|state|constituency)\b", re.IGNORECASE)


# "Among 18- to 29-year-olds, support falls to 52%": the answer of a group of those asked, not of all of them;
# "conducted Sept. 19-21 among 1,012 adults" is who was asked, a sample, not a group.
_AMONG = re.compile(r"\bamong\s+(?!the\s+(?:\w+\s+)?(?:respondents|those|people)\b)([^,;:.]{3,40})", re.IGNORECASE)
_SAMPLE = re.compile(r"\d[\d,.]*\s+(?!to\b)[a-z]")


def _subgroup(before: str) -> list[str]:
    """The words of the group "among" names before a poll figure, when it is a group and not the sample."""
    group = next((m.group(1) for m in reversed(list(_AMONG.finditer(before)))), None)
    if group is None or _SAMPLE.match(group):
        return []
    return [w for w in re.findall(r"\d+|[a-z][a-z-]+", group.casefold()) if w not in _FUNCTION]


_AGAINST = re.compile(r"\s+(?:(?:are|were|is|was|remain|remained|stood)\s+)?(?:firmly\s+|strongly\s+)?against\b")
# A place or owner between what is counted and what happened to it: "271,000 birds on six farms were killed",
# "23 miners at the Grivna Deep mine were trapped"; the participle is what the count counts.
_DONE_AFTER_PLACE = re.compile(r"\s+(?:on|at|in|of|from|near|across)\s+(?:[\w,’'-]+\s+){1,6}?(?:were|was|have\s+been|"
                               r"has\s+been|had\s+been|are|is)\s+(?:being\s+|all\s+)?(?P<verb>[a-z]+ed|killed|taken|hurt|"
                               r"held|freed|caught|left|shot|stuck|found|kept)\b")
# Two counts sharing one predicate: "1,150 operations and 8,700 appointments were postponed" postponed both.
_SHARED_PREDICATE = re.compile(r"\s+(?:[a-z-]+\s+){0,3}?and\s+(?:about\s+|some\s+|nearly\s+|more\s+than\s+)?[\d,.]+"
                               r"\s+(?:[a-z-]+\s+){1,3}?(?:were|was|have\s+been|has\s+been|had\s+(?:already\s+)?been|are|is)"
                               r"\s+(?P<verb>[a-z]+ed|taken|hurt|held|freed|caught|left|shot|found|kept)\b")
_ADJUNCT = re.compile(r"\s(?:on|at|near|above|below|beside|outside|inside|around|during|before|until|while|when|"
                     r"because|despite|after|since|in|into|across|through|throughout|out\s+of|by)\s", re.IGNORECASE)


def _before_adjunct(after: str) -> str:
    """What follows a count, up to where a phrase of place, time or cause begins once something has
    been said of the things counted: "carriages left the track on a sharp bend above the river" counts
    carriages that left the track, wherever the bend was."""
    for match in _ADJUNCT.finditer(after):
        if match.group().strip().casefold() == "in" and _CHANGE_IN.search(after, 0, match.start()):
            continue  # "forecast a cut in the deposit rate": what is cut is part of what is counted
        if _content(after[:match.start()], verbs=True):
            return after[:match.start()]
    return after


# Nouns of change take "in" for what changes: "a cut in the deposit rate", "a rise in fares".
_CHANGE_IN = re.compile(r"\b(?:cut|cuts|rise|rises|increase|increases|fall|falls|drop|drops|reduction|reductions|"
                        r"change|changes|decline|declines|jump|jumps|hike|hikes|growth)$", re.IGNORECASE)


def synonym_counted(document: Document, counted: str | None) -> str | None:
    """Each word of `counted` under the word the lexicon's `counted_synonyms` keeps for it: "economists
    forecast" and "economists pencilled" both count "economist expect"."""
    if not counted:
        return counted
    phrases = _synonym_phrases(document)
    if phrases is not None:  # "gave way", "ordered out": several words that say one thing
        counted = phrases.sub(lambda m: document.cues.counted_synonyms[m.group()], counted)
    kept = [document.cues.counted_synonyms.get(w, w) for w in counted.split()]
    return " ".join(dict.fromkeys(kept))


def _synonym_phrases(document: Document) -> re.Pattern[str] | None:
    """One pattern of the lexicon's synonyms of more than one word, longest first; None without any."""
    cues = document.cues
    if "counted_phrases" not in cues.compiled:
        phrases = sorted((w for w in cues.counted_synonyms if " " in w), key=len, reverse=True)
        cues.compiled["counted_phrases"] = re.compile(
            r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b") if phrases else None
    return cues.compiled["counted_phrases"]


def _undated(document: Document, start: int, end: int) -> str:
    """The text from `start` to `end` with its dates blanked, with the preposition before each and the
    day that closes a range or the part of the day after it ("polled between September 9 and 14
    forecast": "polled forecast"; "on Wednesday afternoon"): when a thing was counted is not what is counted."""
    text = document.text[start:end]
    for other in document.values:
        if other.kind == "date" and start <= other.start and other.end <= end:
            lead = re.search(rf"\b(?:between|from|on|in|since)\s+(?:the\s+{PART_OF_DAY}\s+of\s+)?$",
                             text[:other.start - start])
            close = re.match(rf"\s*(?:and|to|-|–)\s*\d{{1,2}}\b|\s+{PART_OF_DAY}\b",
                             text[other.end - start:])  # "on Wednesday afternoon": the day's part is the day's
            first = lead.start() if lead else other.start - start
            last = other.end - start + (close.end() if close else 0)
            text = text[:first] + " " * (last - first) + text[last:]
    return text


def level_counted(document: Document, value: Value, counted: str | None) -> str | None:
    """A level named one of the ways the lexicon's `levels` lists counts that level alone, with the words
    that tell its figures apart (`level_qualifiers`), and `new` when a change reached it: "raised its
    benchmark interest rate by 50 basis points to 9.75%" and "taking its policy rate to 9.75%" both count
    "new policy rate"; "the bank's benchmark rate stands at 9.25%" counts "policy rate"."""
    if not counted:
        return counted
    level = next((name for name, pattern in document.cues.levels if pattern.search(counted)), None)
    if level is None:
        return counted
    qualifiers = [w for w in counted.split() if w in document.cues.level_qualifiers]
    clause = document.clause_at(value.start)
    floor = clause.start if clause else document.sentences[value.sentence].start
    before = document.text[max(floor, value.start - 90):value.start]
    reached = re.search(r"\bto\s+(?:(?:about|around|nearly|almost|some|just)\s+)?$", before) and _CHANGE_VERB.search(before)
    return " ".join(dict.fromkeys([*(["new"] if reached else []), *qualifiers, level]))


_CHANGE_VERB = re.compile(rf"\b(?:{'|'.join(_RISE + _FALL)}|rais(?:e|es|ed|ing)|lift(?:s|ed|ing)?|hik(?:e|es|ed|ing)|"
                          r"cut(?:s|ting)?|lower(?:s|ed|ing)?|increase|increased|increasing|reduc(?:e|es|ed|ing)|"
                          r"tak(?:e|es|ing)|took|brought|bring(?:s|ing)?)\b", re.IGNORECASE)


_MEASURED = {"deep": "depth", "long": "length", "wide": "width", "high": "height", "tall": "height", "away": "distance",
             "surge": "surge height", "wave": "wave height", "waves": "wave height", "swell": "wave height",
             "earthquake": "quake", "tremor": "quake", "shock": "quake", "mainshock": "quake"}
_SHOCKS = re.compile(r"\b(aftershocks?|foreshocks?|earthquakes?|quakes?|tremors?|mainshock|shocks?)\b", re.IGNORECASE)


_RATING_UNITS = frozenset(("level", "category"))
# Whose scale a rating is on, when a source names it: "Category 4 on the Nuvaran scale" (an agency's or a country's
# own scale, a proper adjective). An acronym ("on the international INES scale") names the one standard scale,
# which a rating without a named scale is on too, so it adds nothing.
_SCALE_AFTER = re.compile(r"\s+on\s+(?:the\s+|its\s+)?(?:[a-z]+\s+)?([A-Z][a-z][\w-]*)\s+scale\b")
# Scales of one story that differ by what they warn of: an alert level is not a danger level. Each is a state
# that moves as events unfold (claims/quantities.py `_state_level`).
_STATE_SCALES = ("alert", "danger", "warning", "risk", "threat")
_HAZARD = re.compile(rf"\b({'|'.join(_STATE_SCALES)})\b", re.IGNORECASE)


def _rated(document: Document, value: Value) -> str:
    """What a rating rates: "Category 4 on the Nuvaran scale" -> "nuvaran category" (two agencies' scales of
    one storm are two facts), "danger level 4" -> "danger level", "the alert to Level 3" -> "alert level",
    else the unit alone ("Level 1 on the INES scale": "level")."""
    unit = value.reading.unit
    scale = _SCALE_AFTER.match(document.text, value.end)
    if scale:
        return normal_counted([scale.group(1).casefold(), unit]) or unit
    warning = warning_scale(document, value)
    return normal_counted([warning, unit]) or unit if warning else unit


def warning_scale(document: Document, value: Value) -> str | None:
    """The word of what a rating warns of, nearest to it in its clause ("alert", "danger"), or None: a
    rating of an event, not of a state (`_STATE_SCALES`)."""
    if value.reading.unit not in _RATING_UNITS or _SCALE_AFTER.match(document.text, value.end):
        return None
    clause = document.clause_at(value.start)
    start, end = (clause.start, clause.end) if clause else (document.sentences[value.sentence].start,
                                                             document.sentences[value.sentence].end)
    hazards = list(_HAZARD.finditer(document.text, start, end))
    if not hazards:
        return None
    nearest = min(hazards, key=lambda m: min(abs(m.start() - value.end), abs(value.start - m.end())))
    return nearest.group(1).casefold()


def _area_owner(document: Document, value: Value) -> str | None:
    """Whose an area is: the country or organisation named nearest to it in its clause ("awarding Kavaria
    about 21,700 square kilometres", "27,100 square kilometres of the Corran Sea belong to Kavaria", "left
    to Ostrelia only 16,700"). An area nobody holds (hectares burned) is no claim here: it grows as a
    fire spreads, and two figures of it are not one fact."""
    clause = document.clause_at(value.start)
    sentence = document.sentences[value.sentence]
    start, end = (clause.start, clause.end) if clause else (sentence.start, sentence.end)
    owners = [m for m in document.mentions.get(value.sentence, []) if m.kind in ("country", "organisation")
              and start <= m.start < end]
    if not owners:
        return None
    return min(owners, key=lambda m: min(abs(m.start - value.end), abs(value.start - m.end))).entity_id


# A length below ground: a depth ("410 metres underground", "below the surface", "beneath the seabed"), never
# "below the dam" (downstream) or "below the summit".
_BELOW_GROUND = re.compile(r"\s*(?:underground|(?:below|beneath|under)\s+(?:the\s+)?(?:ground|surface|"
                           r"(?P<reference>seabed|sea\s+floor|sea\s+level)))\b", re.IGNORECASE)


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
    if value.reading.unit in _RATING_UNITS:
        return _rated(document, value)
    if value.reading.unit in TEMPERATURE_UNITS:  # "recorded 45.3C", "the thermometer climbed to 45.8 degrees"
        return _temperature_of(document, value)
    if value.reading.unit == "GB":  # "stole 1.2 terabytes of data": an amount of data
        return "data"
    if value.reading.unit == "MW":  # "a capacity of 1,240 MW", "demand reached 11,840 megawatts": which power
        role = power_of(document, value)
        if role == "capacity":  # a story's plants, units and bids have many: only the words after tell them apart
            return normal_counted(["megawatt", *_content(_before_adjunct(after), verbs=True)])
        return role
    if value.reading.unit in _AREA_UNITS:  # "awarding Kavaria about 21,700 square kilometres": whose area
        owner = _area_owner(document, value)
        if owner:
            return f"area {owner}"
        if _BURNED.search(before):
            return None  # "the fire had burned 300 hectares of forest": an area that grows as the fire spreads
        words = _stuff_words(after)  # "damage on 38,000 hectares of olive groves": the area of what
        return normal_counted(["area", *words]) if words else None
    if value.reading.unit in _SPEEDS:  # "a gust of 134 km/h"; "gusts forecast ..., and it recorded 143 km/h"
        sentence = document.sentences[value.sentence]
        lead = document.text[max(sentence.start, value.start - 50):value.start]
        limit = _SPEED_LIMIT.search(lead) or _LIMIT_AFTER.match(document.text, value.end)
        if limit:  # "permitted to run at 120 km/h", "a temporary limit of 40 km/h", "the 80 km/h limit": a limit
            return "temporary speed limit" if re.search(r"\btemporary\b", lead, re.IGNORECASE) else "speed limit"
        nouns = [m.group(1) for m in _SPEED_NOUN.finditer(document.text, sentence.start, value.start)]
        return f"{_lemma(nouns[-1].casefold())} speed" if nouns else "speed"
    if value.reading.unit in BULK_UNITS or value.reading.unit in _LENGTH_UNITS and _OF_STUFF.match(after):
        # "1,200 tonnes of crude", "83 kilometres of coastline": the stuff or stretch measured; a bare mass or
        # volume ("3,500 tonnes had escaped") says no more than its unit, and is left to the context test
        return normal_counted(_stuff_words(after)) or ""
    if _MOVED.search(before):  # "troops pull back five kilometres from the border": how far they move
        return "distance moved"
    if _RESIZED.search(before):  # "the evacuation zone around the plant was widened to three kilometres"
        sentence = document.sentences[value.sentence]
        if _ZONE.search(document.text, sentence.start, value.start):
            return "radius"
    below = _BELOW_GROUND.match(after) if value.reading.unit in _LENGTH_UNITS else None
    if below:  # "trapped about 410 metres underground", "some 610 metres below the surface"; a depth below the
        # seabed or sea level counts from there ("drilled to 3,550 metres below the seabed")
        reference = below.group("reference")
        return f"depth below {' '.join(reference.casefold().split())}" if reference else "depth"
    if value.reading.unit in ("ft", "m") and _AT_HEIGHT.search(before):
        sentence = document.sentences[value.sentence]
        if _FLIGHT.search(document.text, sentence.start, sentence.end):
            return "altitude"
    if value.reading.unit in _LENGTH_UNITS:
        thing = _measured_thing(document, value, before, after)
        if thing:
            return thing
        if _RISEN_TO.search(before):  # "the ash column had climbed to 12 kilometres", "the river peaked at 5.4 metres"
            return "height"
        if _SPREAD_TO.search(before):  # "the slick reached 22 kilometres", "stretched 14 kilometres downstream"
            return "extent"
    of = re.search(r"\b([a-z]+)\s+of\s+(?:about\s+|around\s+|some\s+|approximately\s+)?$", before)
    word = of.group(1) if of else (re.match(r"\s+([a-z]+)", after) or re.match("", "")).group(0).strip()
    word = _MEASURED.get(word, word)
    return word if word in document.cues.dimensions else None  # "25 km from Orlek": a distance between places, left out


# What a temperature is of when it is not the air's ("the water of the river reached 29.4C"), and the words of
# a forecast or a limit ("predicting up to 43C", "above the 28C limit"): each a different thing measured.
_TEMPERATURE_OF = re.compile(r"\b(water|sea|river|lake|ocean|surface|body|core|engine|indoor|inside|carriages?|"
                             r"cabins?|rooms?|ground|soil)\b", re.IGNORECASE)
_TEMPERATURE_MEDIUM = {"water": "water", "sea": "water", "river": "water", "lake": "water", "ocean": "water",
                       "surface": "water", "body": "body", "core": "body", "engine": "engine", "ground": "ground",
                       "soil": "ground"}  # the rest (inside, carriages, cabins, rooms) is "indoor"
_TEMPERATURE_KIND = re.compile(r"\b(?:(?P<forecast>forecasts?|forecasters?|forecast|expected|expects?|expecting|"
                               r"predicted|predicting|predicts?|warned|warning|warns|could\s+reach|may\s+reach)"
                               r"|(?P<limit>limit|threshold|maximum\s+allowed))\b", re.IGNORECASE)


def _temperature_of(document: Document, value: Value) -> str:
    """"temperature", "water temperature", "expect temperature" (a forecast), "temperature limit": what one
    measures."""
    sentence = document.sentences[value.sentence]
    clause = document.clause_at(value.start)
    start = clause.start if clause else sentence.start
    of = list(_TEMPERATURE_OF.finditer(document.text, start, value.start))
    words = [_TEMPERATURE_MEDIUM.get(_lemma(of[-1].group(1).casefold()), "indoor")] if of else []
    kind = _TEMPERATURE_KIND.search(document.text, sentence.start, sentence.end)
    if kind and kind.group("forecast"):
        words = ["expect", *words]  # a forecast, in the one word `counted_synonyms` gives it
    limit = _TEMPERATURE_KIND.search(document.text, value.end, min(sentence.end, value.end + 12))
    return " ".join([*words, "temperature", *(["limit"] if limit and limit.group("limit") else [])])


def _stuff_words(after: str) -> list[str]:
    """The first two content words of what a measure is "of" ("of olive groves", "of crude had escaped"),
    none when no "of" follows it."""
    stuff = _OF_STUFF.match(after)
    return _content(_before_adjunct(_stuff_only(stuff.group(1))), verbs=False)[:2] if stuff else []


def _stuff_only(stuff: str) -> str:
    """"petrol struck the central barrier" -> "petrol": what is measured ends at the first verb told in the
    past or an auxiliary, which belong to the thing that carried it ("a tanker carrying 63,000 litres of
    petrol struck the barrier") or say what happened to it ("of crude had escaped")."""
    for word in re.finditer(r"[a-z]+", stuff):
        if word.group() in _AUXILIARY or is_past_verb(word.group()):
            return stuff[:word.start()]
    return stuff


# A length told with its thing: "an 83-metre tunnel", "a 3-kilometre protection zone" (the words after a hyphenated
# length), "a protection zone of five kilometres" (before "of"), "a tunnel 38 metres long" (before the number).
_THING_AFTER = re.compile(r"\s+((?:[a-z]+\s+)?[a-z]+)\b(?!-)")
_THING_OF = re.compile(r"\b((?:[a-z]+\s+)?[a-z]+)\s+of\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?$")
_THING_BEFORE = re.compile(r"\b(?:a|an|the|its)\s+((?:[a-z]+\s+)?[a-z]+)\s+(?:about\s+|around\s+|some\s+|nearly\s+)?$")
_NOT_A_THING = re.compile(r"\b(?:and|or|from|to|by|at|in|on|for|with|into|than|that|which|who|was|were|is|are|has|have|"
                          r"had|be|been|of|off|away|long|wide|deep|high|tall|north|south|east|west|inland|offshore|"
                          r"radius|stretch|distance|depth|length|width|height|total|further|another)\b")


def _measured_thing(document: Document, value: Value, before: str, after: str) -> str | None:
    """The thing a length belongs to, as its own words ("tunnel", "protection zone"), so that "an 83-metre
    tunnel" and "a tunnel 38 metres long" are one thing measured; None when no noun says which."""
    written = document.text[value.start:value.end]
    if re.match(r"\s+(?:long|wide|deep|high)\b", after):  # "a tunnel 38 metres long", "the line is 5.4km long"
        found = _THING_BEFORE.search(before)
    elif "-" in written or re.search(r"\d[A-Za-z]", written):  # "83-metre", "5.4km": an adjective, the noun follows
        found = _THING_AFTER.match(after)
    else:  # "a protection zone of five kilometres"
        found = _THING_OF.search(before)
    if found is None:
        return None
    written_words = found.group(1).split()
    if len(written_words) == 2 and found.re is _THING_AFTER and (
            is_past_verb(written_words[1]) or written_words[1] in _FUNCTION
            or _PRESENT_AFTER_SINGULAR.fullmatch(" ".join(written_words))):
        written_words = written_words[:1]  # "The 38-metre tunnel began under ...", "a 60-metre section of", "the
        # 5.4-kilometre extension will open": the noun
    words = [w for w in written_words if not _NOT_A_THING.fullmatch(w) and w not in _FUNCTION]
    if not words or len(words) < len(written_words) or any(w in _MEASURED or w in document.cues.dimensions for w in words):
        return None  # a dimension ("a storm surge of 3.2 metres") is measured as one, below
    return normal_counted(words)


# "the 4.5km route starts", "the 5.4km line opens": a singular noun, then a verb in the present (not "bike lanes")
_PRESENT_AFTER_SINGULAR = re.compile(r"[a-z]+[^s\s] [a-z]+[^s\s]s")
_ADJECTIVE_SIZE = re.compile(r"[\d.,]+(?:-[A-Za-z-]+|[A-Za-z]+)")


def attributive(document: Document, value: Value) -> bool:
    """A measurement written as a noun's adjective: "the 4.5km route", "a 60-metre section", "the 1,240-megawatt
    dam"."""
    return bool(_ADJECTIVE_SIZE.fullmatch(document.text, value.start, value.end)) \
        and bool(re.match(r"\s+[a-z]", document.text[value.end:value.end + 2]))


# What a power figure is, by the word nearest it in its clause, else its sentence: a plant's capacity (what it "will
# generate" in megawatts is that too: an amount of energy would be in megawatt-hours), what a grid demands, what it
# lacks, buys or sells. A figure written as a plant's adjective ("the 1,240-megawatt dam") is its capacity, and so
# is one no word names ("Nordvind won 800 MW").
_POWER_ROLES = (("capacity", r"capacit(?:y|ies)|installed|rated|nameplate|generat\w*|produc\w*"),
                ("demand", r"demand\w*|consum\w*|load|peak\w*|us(?:e|ed|age)"),
                ("shortfall", r"shortfall|deficit|shortage|cuts?|lost|loss|offline|outage\w*|shut\w*"),
                ("imports", r"import\w*"), ("exports", r"export\w*"))
_POWER_ROLE = re.compile("|".join(rf"\b(?P<{role}>{words})\b" for role, words in _POWER_ROLES), re.IGNORECASE)


def power_of(document: Document, value: Value) -> str:
    """"capacity", "demand", "shortfall", "imports" or "exports": what a power figure measures."""
    if attributive(document, value):
        return "capacity"  # "the 1,240-megawatt dam", "a 900MW plant"
    clause = document.clause_at(value.start)
    sentence = document.sentences[value.sentence]
    start, end = (clause.start, clause.end) if clause else (sentence.start, sentence.end)
    roles = list(_POWER_ROLE.finditer(document.text, start, end)) or \
        list(_POWER_ROLE.finditer(document.text, sentence.start, sentence.end))  # "Installed capacity: 1,240 MW"
    if not roles:
        return "capacity"
    nearest = min(roles, key=lambda m: min(abs(m.start() - value.end), abs(value.start - m.end())))
    role = nearest.lastgroup or "capacity"
    by = re.search(r"\bby\s+(?:(?:about|around|some|nearly|another|a\s+further)\s+)?$",
                   document.text[max(start, value.start - 30):value.start])
    return f"{role} change" if by else role  # "raised imports by 500 megawatts": a change, not the level


_RISEN_TO = re.compile(r"\b(?:rose|risen|rising|climbed|climbing|peaked|peaking|soared|soaring)\s+(?:to|at)\s+"
                       r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?$", re.IGNORECASE)
_BACKING_OF = re.compile(r"\b(signatures?|votes?|support|backing)\s+of\s+(?:about\s+|some\s+|nearly\s+|only\s+)?$",
                         re.IGNORECASE)
_OWNER_BEFORE = re.compile(r"\b([A-Z][\w-]{2,})[’']s\s+(?:(?:about|some|nearly|all)\s+)?$")
_SPREAD_TO = re.compile(r"\b(?:reached|reaching|stretched|stretching|extended|extending|spread|spreading)\s+"
                        r"(?:over\s+|to\s+|across\s+|for\s+)?(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?$",
                        re.IGNORECASE)
_BURNED = re.compile(r"\b(?:burn(?:s|ed|t|ing)?|scorch(?:es|ed|ing)?|charred|blackened|consumed)\b", re.IGNORECASE)
_SPEEDS = frozenset(("km/h", "mph", "km/s", "m/s"))
_SPEED_LIMIT = re.compile(r"\b(?:limit|limits|limited|permitted|allowed|maximum|must\s+slow|slow\s+down|restricted|"
                          r"capped)\b[^.;,]*$", re.IGNORECASE)
_LIMIT_AFTER = re.compile(r"\s*(?:speed\s+)?(?:limit|limits|restriction|maximum)\b", re.IGNORECASE)
_RESIZED = re.compile(r"\b(?:widened|extended|expanded|enlarged|increased|reduced|narrowed|cut|set)\s+(?:to|at)\s+"
                      r"(?:about\s+|around\s+|some\s+)?$", re.IGNORECASE)
_ZONE = re.compile(r"\b(?:zone|radius|cordon|perimeter|exclusion\s+area)\b", re.IGNORECASE)
_AREA_UNITS = frozenset(("km2", "sq mi", "ha", "acre"))
TEMPERATURE_UNITS = frozenset(("°C", "°F"))
# Masses, volumes and flows (readers/quantities.py): an amount of stuff, a figure of its own without a noun.
BULK_UNITS = frozenset(("t", "m3", "m3/s", "barrel", "l", "gal"))
_LENGTH_UNITS = frozenset(("km", "mile", "m", "ft"))
# An aircraft's height: "its left engine failed at 33,000 feet", "the jet was at 33,000 ft" (a flight's words in
# the sentence, the length right after "at"); "descended to 10,000 feet" is where it went, not where it was.
_AT_HEIGHT = re.compile(r"\b(?:at|from)\s+(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+|approximately\s+)?$",
                        re.IGNORECASE)
_FLIGHT = re.compile(r"\b(?:aircraft|airliner|plane|jet|flight|helicopter|pilots?|cockpit|altitude|cruising|engine|"
                     r"airborne|take-?off|glider|drone)\b", re.IGNORECASE)
_OF_STUFF = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+)?([a-z][a-z ]{2,40})")
_SPEED_NOUN = re.compile(r"\b(gusts?|winds?|speeds?)\b", re.IGNORECASE)
# A length right after a verb of movement is how far something moves, not where a place lies.
_MOVED = re.compile(r"\b(?:back|withdraw|withdrawn|withdrew|retreat|retreated|retreats|advance|advanced|advances|"
                    r"move|moved|moves|pushed|pull|pulled)\s+(?:about\s+|around\s+|some\s+|up\s+to\s+)?$", re.IGNORECASE)


def normal_counted(words: list[str]) -> str | None:
    """The comparable form of what is counted, still readable: content words in their order, opinion
    verbs left out ("said", "consider"), each word lemmatised lightly (plural -s, -ing) so that "said
    travelling by ferry was unsafe" and "consider ferry travel unsafe" count the same words."""
    kept = [w if position == 0 else _lemma(w) for position, w in enumerate(words) if w not in _OPINION]
    unique = list(dict.fromkeys(kept))
    return " ".join(unique) if unique else None


_NOT_ING = frozenset(("evening", "morning", "meeting", "building", "ceiling", "something", "nothing", "everything",
                      "spring", "string", "during", "beijing", "wedding"))


def _lemma(word: str) -> str:
    if word.endswith("ing") and len(word) > 6 and word not in _NOT_ING and "-" not in word:
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


# Where another figure's clause begins: "23 prisoners and Molrania handed back 25", "126 passengers and a crew of seven".
_ANOTHER_FIGURE = re.compile(rf"[,;(“\"]|(?<!\d):(?!\d)|\b(?:and|or|while|but)\s+(?:[A-Za-z]+\s+){{0,3}}?(?:[$€£¥]|{NUMBER})",
                             re.IGNORECASE)


def _content(fragment: str, *, verbs: bool) -> list[str]:
    """Content words of a fragment, in order; a comma ends it, and so does another figure's clause
    ("23 prisoners and Molrania handed back 25")."""
    fragment = _TWELVE_HOUR.sub(_as_24_hour, _ANOTHER_FIGURE.split(fragment, maxsplit=1)[0])
    found = []
    for word in _WORD.finditer(fragment):
        lowered = word.group().casefold().replace("’", "'")
        if lowered in _FUNCTION or lowered.endswith("'s") and not verbs:
            continue
        if lowered[:1].isdigit():  # a clock time as the part of the day it names: words, not digits, compare
            lowered = _part_of_day(int(lowered.split(":")[0]))
        found.append(lowered.removesuffix("'s"))
    return found


_TWELVE_HOUR = re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s?m\b\.?", re.IGNORECASE)


def _as_24_hour(match: re.Match[str]) -> str:
    """"6 p.m." as "18:00", so it names its part of the day as "18:00" does."""
    hour = int(match.group(1)) % 12 + (12 if match.group(3).casefold() == "p" else 0)
    return f"{hour}:{match.group(2) or '00'}"


def _part_of_day(hour: int) -> str:
    if hour < 12:
        return "morning"
    if hour == 12:
        return "noon"
    return "afternoon" if hour < 17 else "evening" if hour < 21 else "night"

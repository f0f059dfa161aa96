"""The same-fact test: are two claims about one fact, or only about one subject?

Blocking (`blocking.py`) puts claims that share a subject and property side by side; that is not
enough: "South Korea announced_on" holds every announcement a government makes. Two claims are the
same fact only when:

1. **their keys match**: the same `event` when both name one (a claim without one is unknown on
   that count and left to the context); modalities that can be compared (a plan, a forecast or a
   condition only with its like; done, reported and unstated with each other: a plan or forecast
   and what was done are shown together in time order, `sequence`); for quantities, the same thing
   counted (`counted`: the Jaccard overlap of content words, a poll's respondents said any way
   counting as one group; within one poll an answer told in fewer words, "backing the exit", is
   the same answer; two figures of three digits or more, not shares, one a slip of the other
   ("412 of the flights scheduled", "421 flights"), when the phrases share a word) and, unless the
   rule lets values vary over time, dates that can be the same day when both texts date them, and no
   figure its text dates to a day already past against an undated one told as done by a source published
   before that day (a report cannot give Tuesday's cancellations on Monday); for
   unreviewed figures in one unit, no further apart than `max_ratio` (3x) when both say what they
   count, `max_ratio_uncounted` (1.5x) when not, unless one is a slip of the other (the same digits
   in another order or at a scale up to a thousandfold with its digits kept, one digit more, a teen for
   a ten: worth showing), and never for two counts that run and grew between their dates; unreviewed lengths no
   further than `max_ratio` apart, unless one number is told in another unit; for unreviewed tallies of votes,
   sentences that share a number of the tally (a bill's first and final readings share none);
   before all of these, two unreviewed times of one subject's day that agree to the minute at another
   hour (one, two or twelve hours apart, not a quarter hour) are one moment with the hour slipped,
   whatever events their verbs name (`blocking.blocking_event` does not set such times apart);
   an unreviewed figure told as an estimate's revision ("now puts the spill at", "the revised
   assessment", "the final report") and one published before it or told as the first estimate ("the
   first estimate", "preliminary") are an estimate and its revision, shown in time order like a plan
   and its outcome, unless one is a slip of the other; an old figure published after the revision is compared;
2. **their contexts match**, when either claim is unreviewed (`status: auto`): see `context.py`.
   Reviewed claims skip it: a person has said which fact each is. A subject's fine (money role
   `fine`, no event) is one fact however it is told, and so is an agreement's `term`, a person's `age` and the
   `time_allowed` of an event that both sentences name ("the inquiry has 60 days"). When the keys already carry much
   of the context, the lower `min_context_keyed` applies: both claims name the same event (for
   dates, an event of a property that happens once: talks and calls recur; or an open predicate's
   verb and object, "rejected the offer" -> `reject-offer`), or the two figures are a slip of one
   another (three digits or more: "218 million" and "281 million"), or both
   say what they count and it matches, or both texts date the value to the same day or month, or
   once) and the subject is a thing, not an actor. Two counts of one thing dated to the same day
   need no context at all, nor two dates of the subject event itself (`took_place_on` naming no
   other event: "the detention on 10 September" of `kovit-arrest`); two figures whose
   own clauses share no word need a matching key.

The thresholds are rule parameters (`same_fact:` in a rule file, `SameFact`). The test is one
function, `same_fact`, used by the engine for every rule.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

from factcheck.comparators.date import MINUTES_PER_UNIT
from factcheck.engine.context import ContextIndex, value_clause, value_start
from factcheck.model.claims import Status
from factcheck.model.numbers import NUMBER, last_digit_place, parse_number, significant_digits
from factcheck.model.partial_date import PartialDate
from factcheck.model.sourced import SourcedClaim
from factcheck.model.values import DateValue, DurationValue, QuantityValue, QuoteValue
from factcheck.model.vocabulary import (AGE_PROPERTY, COUNTER_ESTIMATE, ONCE_PROPERTY, OPEN_PROPERTY, TERM_PROPERTY,
                                       VOTES_PROPERTY)
from factcheck.model.words import content_words
from factcheck.rules.model import SameFact

_ASSERTED = "asserted"
_ANNOUNCED = "announced_on"
_PERIOD = "period-"  # a figure's period as its event (`extract/claims/quantities.py`): "period-3-month"
_MODALITY_CLASS = {None: _ASSERTED, "done": _ASSERTED, "reported": _ASSERTED}
# Who answered a poll, said any way: "respondents", "Chileans", "voters" name one group of one poll.
_ANSWERS = frozenset(("yes", "no"))  # a referendum's or a poll's answers
_GROUP_WORDS = frozenset({"respondent", "people", "voter", "adult", "citizen", "resident", "participant",
                          "polled", "surveyed", "those", "person", "public"})
# What a share is called says nothing of what it is a share of: "a 70% stake in the airline" is 70% of it.
_PART_WORDS = content_words("stake stakes holding holdings shareholding share proportion portion")


@dataclass(frozen=True)
class SameFactResult:
    """The outcome of the test: whether the two claims are one fact, a score (the context
    similarity, 1.0 when it was not needed) and the reason, shown in the finding's explanation."""

    same: bool
    score: float
    reason: str
    sequence: bool = False  # not one fact, but a plan or forecast and what was done: shown in time order
    revision: bool = False  # the sequence is an estimate and its revision, not a plan and its outcome


def _modality_class(item: SourcedClaim) -> str:
    modality = item.claim.modality
    value = modality.value if modality is not None else None
    return _MODALITY_CLASS.get(value, value or _ASSERTED)


def _counted(item: SourcedClaim) -> frozenset[str] | None:
    """What a quantity counts, as content-word stems, the respondents of a poll said one way; None
    when it names no more than a group of people."""
    value = item.claim.value
    if isinstance(value, QuantityValue) and value.counted:
        share = item.claim.property == "share"  # "Chileans" answering a poll are its respondents; "Chilean diplomats" are not
        found = frozenset(w for w in content_words(value.counted)
                          if w not in _GROUP_WORDS and not (share and (_demonym(w) or w in _PART_WORDS)))
        found |= _ANSWERS.intersection(value.counted.split())  # "no 46%": a stop word elsewhere, here the answer
        return found or None  # "people" alone says no more than a bare number: unknown
    return None


def _one_poll(a: SourcedClaim, b: SourcedClaim) -> bool:
    """Both figures are answers in one poll (the same `poll-...` event): "54% support leaving the agreement"
    and "54% backing the exit" give one answer, the one saying less about the question."""
    return a.claim.property == "share" and a.claim.event == b.claim.event and (a.claim.event or "").startswith("poll")


def _whole_and_group(va: object, vb: object) -> bool:
    """One answer is everyone's (`respondents`: "41 per cent of voters back the pilot") and the other a
    group's, written before the answer ("58 per cent of public-sector workers support it"): two facts."""
    if not (isinstance(va, QuantityValue) and isinstance(vb, QuantityValue) and va.counted and vb.counted):
        return False
    first_a, first_b = va.counted.split()[0], vb.counted.split()[0]
    if first_a in _ANSWERS or first_b in _ANSWERS:
        return False
    return (first_a == _EVERYONE) != (first_b == _EVERYONE)


_EVERYONE = "respondents"  # how extraction writes the group that is everyone asked (extract/claims/counted.py)


def _demonym(word: str) -> bool:
    """"chileans", "indonesians", "britons": a people, which in a poll is its respondents."""
    return word.endswith(("ian", "ean", "eans", "ians", "ese", "ons")) and len(word) > 5


def _keyed(a: SourcedClaim, b: SourcedClaim, index: ContextIndex) -> bool:
    """The keys say much by themselves: both claims name their event, or both say what they count
    (and the keys matched), or subject and property name one fact. Never when the subjects differ
    (an unreviewed claim met under an entity its evidence names): then the key is not whole."""
    if a.claim.subject != b.claim.subject:
        return False
    return (_one_event(a, b, index) or (_counted(a) is not None and _counted(b) is not None)
            or _slipped(a.claim.value, b.claim.value)
            or (index.names_one_fact(a) and index.names_one_fact(b)) or _same_stated_day(a, b, months=True))


def _one_event(a: SourcedClaim, b: SourcedClaim, index: ContextIndex) -> bool:
    """Both claims name their event, and it is one occasion: a date of something that happens once
    (a signing, a quake), the announcement of one named thing ("announced on Tuesday that it would end
    the pact", `announced_on` with event `end`), or a figure of that event. Talks, calls and meetings
    recur: "talks due to open on Tuesday" and "talks on extending it due to open on November 2" name
    two rounds."""
    if not (a.claim.event and b.claim.event):
        return False
    if a.claim.kind == "date":
        return (index.happens_once(a) and index.happens_once(b) or _verb_and_object(a) and _verb_and_object(b)
                or a.claim.property == b.claim.property == _ANNOUNCED)
    return not a.claim.event.startswith(_PERIOD)  # "in the third quarter" names when, not what


def _verb_and_object(item: SourcedClaim) -> bool:
    """An open predicate's event names its verb and its object ("rejected the offer" -> `reject-offer`,
    "approved the vaccine" -> `approve-vaccine`): with the subject, nearly the whole fact."""
    return item.claim.property == OPEN_PROPERTY and "-" in (item.claim.event or "")


def _own_event(item: SourcedClaim) -> str | None:
    """The claim's event; when a date of when something took place names none, the subject itself (the
    ship's grounding on Saturday is not the captain's arrest on Monday, filed under the grounding)."""
    claim = item.claim
    if claim.event is None and claim.kind == "date" and claim.property == ONCE_PROPERTY:
        return claim.subject
    return claim.event


def _dates_its_subject(item: SourcedClaim, index: ContextIndex) -> bool:
    """The claim dates its subject itself: when the event took place (`took_place_on`) with no other
    event named, which extraction gives when the event's noun is among the subject's names: "the
    detention on 10 September" and "arrested Kovit on September 12" of `kovit-arrest` ("Arrest of
    Lieutenant Colonel Andrej Kovit"). An event takes place once, so the words around the two dates need
    not be alike; a noun the names lack ("an exchange" of `pelna-mortar-strike`) is not the subject's own
    date and is left to the context."""
    claim = item.claim
    return claim.kind == "date" and claim.property == ONCE_PROPERTY and _own_event(item) == claim.subject


def _the_fine(item: SourcedClaim) -> bool:
    value = item.claim.value
    return isinstance(value, QuantityValue) and value.counted == "fine" and item.claim.event is None


def _year_in_its_name(item: SourcedClaim, index: ContextIndex) -> bool:
    """The claim's year is written into its subject's name in its evidence: "the 1961 Treaty of
    Saltmere", "the Saltmere treaty of 1967". Such a year is the thing's own (signed, adopted), so two of
    them are one fact however different the sentences around them."""
    claim = item.claim
    value = claim.value
    if not isinstance(value, DateValue) or not index.happens_once(item):
        return False
    pattern = index.year_in_name(claim.subject)
    if pattern is None:
        return False
    year = str(value.date.year)
    return any(year in (m.group("year"), m.group("year2")) for m in pattern.finditer(claim.evidence.text))


def _same_stated_day(a: SourcedClaim, b: SourcedClaim, *, months: bool = False) -> bool:
    """Both texts date the value themselves ("by Thursday morning"), to the same day; with
    `months`, to the same month is enough ("inflation in August")."""
    first, second = a.claim.as_of, b.claim.as_of
    precise = first is not None and (first.day is not None or (months and first.month is not None))
    return precise and second is not None and first == second


def _slip_of_the_hour(a: SourcedClaim, b: SourcedClaim) -> bool:
    """Two unreviewed times of one subject's day that agree to the minute, not a quarter hour, and not to
    the hour, one or two hours apart or twelve (a.m. for p.m.): "the failure hit at 04:52" and "the system
    went down at 5:52 a.m." tell one moment, one hour slipped (the events their verbs give differ). Times a
    text gives in two named zones are not compared so ("14:52 local time", "12:52 GMT")."""
    va, vb = a.claim.value, b.claim.value
    if not (isinstance(va, DateValue) and isinstance(vb, DateValue)) or va.time is None or vb.time is None:
        return False
    if a.claim.status is Status.reviewed and b.claim.status is Status.reviewed:
        return False
    ta, tb = va.time, vb.time
    zones = {z.casefold() for z in (ta.zone, tb.zone) if z}
    hours = abs(ta.hour - tb.hour)
    return (a.claim.subject == b.claim.subject and va.date == vb.date and ta.minute == tb.minute
            and ta.to_the_minute and (hours <= 2 or hours == 12) and hours > 0 and len(zones) < 2)


def _stated_apart(a: SourcedClaim, b: SourcedClaim) -> bool:
    """Both quantities are dated by their texts, and the dates cannot be the same day."""
    first, second = a.claim.as_of, b.claim.as_of
    if first is None or second is None or not isinstance(a.claim.value, QuantityValue):
        return False
    return first.last_day() < second.first_day() or second.last_day() < first.first_day()


_DAY_EVENT = re.compile(r"^(?:on|change|as-of)-(\d{4}-\d{2}-\d{2})$")  # `extract/claims/quantities.py`


def _day_told(item: SourcedClaim) -> PartialDate | None:
    """The day an unreviewed figure's own text dates it to ("cancelled 65 percent of trains on Tuesday"):
    its as-of day, or the day its event names."""
    if item.claim.status is Status.reviewed or not isinstance(item.claim.value, QuantityValue):
        return None
    as_of = item.claim.as_of
    if as_of is not None and as_of.day is not None:
        return as_of
    found = _DAY_EVENT.match(item.claim.event or "")
    return PartialDate.parse(found.group(1)) if found else None


def _told_before(a: SourcedClaim, b: SourcedClaim) -> str | None:
    """`a`'s figure is of a past day its text names, and `b`, a figure told as done with no day of its own,
    was published before that day: "82 percent of trains were cancelled" in Monday's live report is not
    Tuesday's "65 percent ... cancelled on Tuesday". A report cannot tell a day's outcome before the day."""
    day = _day_told(a)
    if day is None or b.claim.status is Status.reviewed or _day_told(b) is not None or b.claim.as_of is not None \
            or _modality_class(b) != _ASSERTED or not isinstance(b.claim.value, QuantityValue):
        return None
    told = a.source.published
    if b.source.published.last_day() >= day.first_day() or told.day is None or told.first_day() <= day.first_day():
        return None  # b came on or after the day; or a's day is not yet past, or a's date is too rough to place it
    return f"told before its day ({b.source.id} was published on {b.source.published}, before {day})"


def _same_stated_moment(a: SourcedClaim, b: SourcedClaim) -> bool:
    """Both quantities say what they count (and it matched) and both texts date it, to the same
    day: "23 bodies by Wednesday evening" and "32 dead by Wednesday evening". That is the whole
    key of a count; the sentences around it may differ as much as they like."""
    return _counted(a) is not None and _counted(b) is not None and _same_stated_day(a, b)


def _figures_apart(a: SourcedClaim, b: SourcedClaim, params: SameFact) -> str | None:
    """Two unreviewed figures in one unit too far apart to be one figure misreported: past
    `max_ratio` when both say what they count (and it matched), past `max_ratio_uncounted` when
    either does not ("sales of 1.42 billion crowns" and "full-year sales of 6 billion", "a demand of
    $6 million" and "cut its demand to $2.5 million"). A slip (`_a_slip`) stays comparable whatever the
    ratio: the same digits in another order ("412" and "421") or at another scale ("$1.2 billion",
    "$1.2 million")."""
    va, vb = a.claim.value, b.claim.value
    if a.claim.status is Status.reviewed and b.claim.status is Status.reviewed:
        return None
    if isinstance(va, DurationValue) and isinstance(vb, DurationValue):
        return _lengths_apart(va, vb, params)
    amounts = _in_one_unit(va, vb)
    if amounts is None:
        return None
    low, high = amounts
    counted = _counted(a) is not None and _counted(b) is not None
    limit = params.max_ratio if counted else params.max_ratio_uncounted
    if low == 0 or high / low <= limit or _a_slip(low, high):
        return None
    tie = "both count the same thing" if counted else "nothing counted ties them"
    return (f"figures apart ({_plain(va.amount)} vs {_plain(vb.amount)} {va.unit}: {high / low:.1f}x, past {limit:g}x "
            f"when {tie}): two things, not one misreported")


def _in_one_unit(va: object, vb: object) -> tuple[float, float] | None:
    """The two figures' sizes, smaller first, when both are quantities in one unit."""
    if not isinstance(va, QuantityValue) or not isinstance(vb, QuantityValue) or va.unit != vb.unit:
        return None
    low, high = sorted((abs(va.amount), abs(vb.amount)))
    return low, high


def _slipped(va: object, vb: object) -> bool:
    """Two different figures of three digits or more, not shares, one a slip of the other (`_a_slip`)."""
    amounts = _in_one_unit(va, vb)
    if amounts is None or getattr(va, "unit", None) == "percent":
        return False
    low, high = amounts
    return 0 < low < high and len(_significant(low)) >= 3 and _a_slip(low, high)


def _grown(a: SourcedClaim, b: SourcedClaim) -> bool:
    """A count that runs, larger at the later of two different dates ("12 ships waiting" on Monday, 31 on
    Wednesday; 43 dead, then 87): any growth is a running count's, so no ratio sets the two apart."""
    va, vb = a.claim.value, b.claim.value
    if not isinstance(va, QuantityValue) or not isinstance(vb, QuantityValue):
        return False
    first, second = a.as_of.first_day(), b.as_of.first_day()
    return first != second and (va.amount < vb.amount) == (first < second)


def _a_slip(low: float, high: float) -> bool:
    """One figure misreported as the other by a slip: the same significant digits in another order
    ("412" and "421", "1.2" and "2.1"), at another scale (10x to 1,000x, digits kept), with one digit
    more in a figure of three digits or more ("4.1" and "14.1"), or a teen for a ten ("16" and "60")."""
    scale = math.log10(high / low)
    if 1 <= round(scale) <= _MOST_SCALE and abs(scale - round(scale)) < 0.005:  # within about 1%
        # the digits kept, to the less precise figure's last digit: "$1.2 billion" for "$1.2 million", "40
        # million" for "3.96 million", not 2,104,918 residents for 211,818 (two figures a tenfold apart by chance)
        moved = low * 10 ** round(scale)
        rounding = max(last_digit_place(high), last_digit_place(low) * 10 ** round(scale)) / 2
        return abs(moved - high) <= rounding * (1 + 1e-9)
    if high / low >= 10:
        return False  # digits moved and a scale slipped at once: two figures that share digits by chance
    first, second = _significant(low), _significant(high)
    return sorted(first) == sorted(second) or _one_digit_more(first, second) or _teen_for_ty(first, second, high / low)


_MOST_SCALE = 3  # a point moved or a scale word mistaken ("million" for "billion"); 10^7 apart is chance


def _teen_for_ty(low: str, high: str, ratio: float) -> bool:
    """A number heard or read as its neighbour in words: "sixteen" for "sixty" (16,000 and 60,000 tarals),
    thirteen to nineteen for thirty to ninety."""
    return len(high) == 1 and high in "3456789" and low == f"1{high}" and \
        abs(ratio - 10 * int(high) / (10 + int(high))) < 1e-6


def _significant(amount: float) -> str:
    """A figure's significant digits to six places, as a slip is read: 4,120,000 -> "412"."""
    return significant_digits(amount, 6)


def _one_digit_more(first: str, second: str) -> bool:
    """One digit string is the other with one digit put in ("41" and "141"), three digits or more."""
    shorter, longer = sorted((first, second), key=len)
    return len(longer) == len(shorter) + 1 >= 3 and \
        any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer)))


def _lengths_apart(va: DurationValue, vb: DurationValue, params: SameFact) -> str | None:
    """Two unreviewed lengths more than `max_ratio` apart ("the 160-hour rescue" and "over three
    days", "a 40-minute meeting" and "within three months") are two things, unless one number is told
    in another unit ("three days", "three weeks"), a slip worth showing."""
    first, second = va.amount * MINUTES_PER_UNIT[va.unit], vb.amount * MINUTES_PER_UNIT[vb.unit]
    low, high = sorted((abs(first), abs(second)))
    if low == 0 or high / low <= params.max_ratio or (va.amount == vb.amount and va.unit != vb.unit):
        return None
    return (f"lengths apart ({_plain(va.amount)} {va.unit.value} vs {_plain(vb.amount)} {vb.unit.value}: "
            f"{high / low:.1f}x, past {params.max_ratio:g}x): two things, not one misreported")


def _plain(amount: float) -> str:
    return f"{amount:,.0f}" if amount == int(amount) else f"{amount:,}"


# The numbers a tally is told in (`NUMBER`: digits or words, "eighty-eight"); not a clock time, a decimal, a
# length or a share, nor (below) a year or a day after a month's name.
_TALLY_NUMBER = re.compile(rf"(?<![\d.,:])({NUMBER})(?![.,:]\d|-(?:hour|day|week|minute|year)|\s*(?:%|per\s*cent|percent))",
                           re.IGNORECASE)
_NOT_TALLY = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+$", re.IGNORECASE)


def _tally(text: str) -> frozenset[int]:
    """The whole numbers of a sentence that may be a vote's tally ("by 108 votes to 86, with seven
    abstentions" -> {108, 86, 7}): no year, no day after a month's name, no share or length."""
    found = set()
    for match in _TALLY_NUMBER.finditer(text):
        number = parse_number(match.group(1))
        if number is None or number != int(number) or 1900 <= number <= 2100 \
                or _NOT_TALLY.search(text, max(0, match.start() - 6), match.start()):
            continue
        found.add(int(number))
    return frozenset(found)


def _other_ballots(a: SourcedClaim, b: SourcedClaim) -> str | None:
    """Two unreviewed tallies of two votes: each sentence gives three numbers or more, and they share
    none ("108 votes to 86, with seven abstentions" at the first reading, "103 to 95, with three
    abstentions" at the last). A tally misreported keeps its other numbers (108-86-7 against 118-86-7);
    a split of two numbers may shift both (a committee's 5-2 told as 4-3), so it says nothing."""
    if not (a.claim.property == b.claim.property == VOTES_PROPERTY) or \
            (a.claim.status is Status.reviewed and b.claim.status is Status.reviewed):
        return None
    first, second = _tally(a.claim.evidence.text), _tally(b.claim.evidence.text)
    if len(first) < 3 or len(second) < 3 or first & second:
        return None
    return "tallies of two votes (no number of one tally is in the other)"


def _key_difference(a: SourcedClaim, b: SourcedClaim, params: SameFact, *, modality: bool = True) -> str | None:
    """Why the two claims' keys say they are different facts, or None when they may be one."""
    ca, cb = a.claim, b.claim
    event_a, event_b = _own_event(a), _own_event(b)
    if event_a and event_b and event_a != event_b:
        return f"different events ({event_a} vs {event_b})"
    if (event_a == COUNTER_ESTIMATE) != (event_b == COUNTER_ESTIMATE):
        return "a counter-estimate (given as the real figure against another) and a figure it disputes"
    ma, mb = _modality_class(a), _modality_class(b)
    if modality and ma != mb:
        return f"different modalities ({ma} vs {mb}): a {ma} fact and a {mb} one are not the same fact"
    counted_a, counted_b = _counted(a), _counted(b)
    if _one_poll(a, b) and _whole_and_group(ca.value, cb.value):
        return f"answers of different groups ({ca.value.counted!r} vs {cb.value.counted!r}): everyone asked and a group of them"
    if counted_a is not None and counted_b is not None:
        shared = len(counted_a & counted_b) / max(1, len(counted_a | counted_b))
        one_answer = _one_poll(a, b) and (counted_a <= counted_b or counted_b <= counted_a)
        if shared < params.min_counted and not one_answer and not (shared > 0 and _slipped(ca.value, cb.value)):
            va, vb = ca.value, cb.value
            assert isinstance(va, QuantityValue) and isinstance(vb, QuantityValue)
            return f"different things counted ({va.counted!r} vs {vb.counted!r})"
    return None


def same_fact(a: SourcedClaim, b: SourcedClaim, params: SameFact, index: ContextIndex, *,
              varying: bool = False, running: bool = False) -> SameFactResult:
    """Whether `a` and `b` are one fact (see the module docstring). Unless the rule's values vary
    over time (`varying`: then different dates are its business), two figures whose texts date them
    to different times are different facts: turnout "in 2019" is not turnout in 2027. Two counts that both
    say they run (`running`: the dead, ships waiting) and grew between their dates are never too far apart."""
    if _slip_of_the_hour(a, b):
        return SameFactResult(True, 1.0, "same fact: the same day and minute at another hour, a slip of the hour "
                                         "(a time zone or a typing slip), whatever each says happened")
    if not varying and _stated_apart(a, b):
        return SameFactResult(False, 0.0, f"different times stated ({a.claim.as_of} vs {b.claim.as_of})")
    before = None if varying else _told_before(a, b) or _told_before(b, a)
    if before is not None:
        return SameFactResult(False, 0.0, before)
    apart = None if running and _grown(a, b) else _figures_apart(a, b, params)
    apart = apart or _other_ballots(a, b)
    if apart is not None:
        return SameFactResult(False, 0.0, apart)
    difference = _key_difference(a, b, params)
    if difference is not None:
        if difference.startswith("different modalities") and _ASSERTED in (_modality_class(a), _modality_class(b)):
            return _sequence(a, b, params, index, difference)
        return SameFactResult(False, 0.0, difference)
    revised = _revised(a, b)
    if revised is not None:  # one fact, told at two stages: shown in time order, like a plan and its outcome
        outcome = _by_context(a, b, params, index)
        return SameFactResult(False, outcome.score, revised, sequence=outcome.same, revision=True)
    return _by_context(a, b, params, index)


# Words that tell a figure as an estimate's revision, or as the first estimate a later one replaced: "now
# puts the spill at nearly 4,000 tonnes", "the revised assessment", "the final third-quarter report";
# "the ministry's first estimate", "a preliminary figure", "initially put".
_REPORT_NOUN = (r"(?:estimate|assessment|figure|count|tally|report|reading|projection|valuation|calculation|"
                r"forecast|data|results?|toll)s?")
_REVISED = re.compile(r"\b(?:revis(?:ed|es|ing|ion)|updated|corrected|correction|latest|"
                      rf"final(?:\s+[a-z-]+)?\s+{_REPORT_NOUN}|new\s+{_REPORT_NOUN}|"
                      r"now\s+(?:puts?|says?|estimates?|expects?|sees?|reckons?|counts?|stands?)|"
                      r"(?:raised|lowered|cut|increased|reduced|upgraded|downgraded)\s+(?:its|their|the|his|her)\s+"
                      rf"{_REPORT_NOUN})\b", re.IGNORECASE)
_FIRST_TOLD = re.compile(r"\b(?:preliminary|provisional|flash|"
                         rf"(?:first|initial|early|earlier|original|previous)(?:\s+[a-z-]+)?\s+{_REPORT_NOUN}|"
                         r"(?:first|initially|originally|previously)\s+"
                         r"(?:reported|estimated|put|said|given|announced|told))\b", re.IGNORECASE)
_LATER, _EARLIER = "revised", "first"


def _stage(item: SourcedClaim) -> str | None:
    """How the words before an unreviewed figure tell it: as an estimate's revision (`_LATER`), as the
    first estimate (`_EARLIER`), or neither (None). The nearest such word before the figure decides."""
    value = item.claim.value
    if item.claim.status is Status.reviewed or not isinstance(value, QuantityValue):
        return None
    return _stage_told(item.claim.evidence.text, value.amount)


@functools.lru_cache(maxsize=1 << 16)
def _stage_told(text: str, amount: float) -> str | None:
    """`_stage` of one evidence text and figure, read once however many pairs the figure is in."""
    start = value_start(text, amount)
    if start is None:
        return None
    before = text[:start]
    marks = [(m.end(), _LATER) for m in _REVISED.finditer(before)]
    marks += [(m.end(), _EARLIER) for m in _FIRST_TOLD.finditer(before)]
    return max(marks)[1] if marks else None


def _revised(a: SourcedClaim, b: SourcedClaim) -> str | None:
    """Why two figures of one thing are an estimate and its revision, or None when they are not: one is
    told as revised and the other as the first estimate, or published before the revision was. A figure
    published after a revision and not told as the first is an old figure given as current: compared.
    A slip of one figure for the other is compared too ("about six tonnes", then "now some 60 tonnes")."""
    stages = _stage(a), _stage(b)
    if _LATER not in stages or stages[0] == stages[1]:
        return None
    amounts = _in_one_unit(a.claim.value, b.claim.value)
    if amounts is not None and 0 < amounts[0] < amounts[1] and _a_slip(*amounts):
        return None
    revision, other = (a, b) if stages[0] == _LATER else (b, a)
    if _EARLIER in stages or other.source.published < revision.source.published:
        return "an estimate and its revision"
    return None


def _sequence(a: SourcedClaim, b: SourcedClaim, params: SameFact, index: ContextIndex,
              difference: str) -> SameFactResult:
    """A plan or a forecast and what was done: different facts, but about one thing when everything
    else matches; the engine shows them in time order, never as a conflict."""
    if _key_difference(a, b, params, modality=False) is not None:
        return SameFactResult(False, 0.0, difference)
    outcome = _by_context(a, b, params, index)
    return SameFactResult(False, outcome.score, difference, sequence=outcome.same)


def _by_context(a: SourcedClaim, b: SourcedClaim, params: SameFact, index: ContextIndex) -> SameFactResult:
    unreviewed = a.claim.status is not Status.reviewed or b.claim.status is not Status.reviewed
    if not unreviewed or params.min_context <= 0 or isinstance(a.claim.value, QuoteValue):
        return SameFactResult(True, 1.0, "")
    if _same_stated_moment(a, b) and a.claim.subject == b.claim.subject:
        return SameFactResult(True, 1.0, "same fact: the same thing counted at the same stated moment")
    if _year_in_its_name(a, index) and _year_in_its_name(b, index) and a.claim.subject == b.claim.subject:
        return SameFactResult(True, 1.0, f"same fact: both write the year into the name of {a.claim.subject}")
    if _the_fine(a) and _the_fine(b) and a.claim.subject == b.claim.subject:
        return SameFactResult(True, 1.0, f"same fact: both give the fine of {a.claim.subject}")
    if a.claim.property == b.claim.property == TERM_PROPERTY and a.claim.subject == b.claim.subject:
        return SameFactResult(True, 1.0, f"same fact: both give how long {a.claim.subject} runs")
    if a.claim.property == b.claim.property == "time_allowed" and a.claim.subject == b.claim.subject \
            and index.names_its_event(a) and index.names_its_event(b):
        return SameFactResult(True, 1.0, f"same fact: both give the time {a.claim.subject} has")
    if a.claim.property == b.claim.property == AGE_PROPERTY and a.claim.subject == b.claim.subject \
            and index.is_person(a.claim.subject):
        return SameFactResult(True, 1.0, f"same fact: both give the age of {a.claim.subject}")
    if _dates_its_subject(a, index) and _dates_its_subject(b, index) and a.claim.subject == b.claim.subject:
        return SameFactResult(True, 1.0, f"same fact: both date {a.claim.subject} itself")
    score = index.similarity(a, b)
    is_keyed = _keyed(a, b, index)
    threshold, keyed = (params.min_context_keyed, " (same key)") if is_keyed else (params.min_context, "")
    if score < threshold:
        return SameFactResult(False, score, f"contexts differ: {score:.2f} < {threshold:g}{keyed}")
    if not is_keyed and _clauses_share_nothing(a, b, index):
        return SameFactResult(False, score, "the clauses around the two figures share no word")
    return SameFactResult(True, score, f"same fact: contexts match {score:.2f} >= {threshold:g}{keyed}")


def _clauses_share_nothing(a: SourcedClaim, b: SourcedClaim, index: ContextIndex) -> bool:
    """Two figures whose own clauses (found by the figure's digits in the sentence) have no content
    word in common: "Reserves stood at $38.6 billion" and "a further $400 million in September"."""
    va, vb = a.claim.value, b.claim.value
    if not isinstance(va, QuantityValue) or not isinstance(vb, QuantityValue):
        return False
    first, second = value_clause(a.claim.evidence.text, va.amount), value_clause(b.claim.evidence.text, vb.amount)
    if first is None or second is None:
        return False
    masked = index.subject_words(a.claim.subject) | index.subject_words(b.claim.subject)
    return not ((content_words(first) & content_words(second)) - masked)

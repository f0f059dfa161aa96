"""Quantities: percentages, sums of money, exchange rates and counts, with the words that qualify them.

Each is read into a `QuantityValue` in base units: "$5 billion" is 5000000000 USD, "nearly 55 percent"
is 55 percent with approximation `nearly`, "a little under $1 billion" keeps "a little under" (the
qualifiers are exactly the model's `Approximation` words, longest first), "106.25 per dollar" in a
sentence about the yen is 106.25 JPY/USD, "26 instances of intelligence-sharing" is 26 `instance`.
Counts are taken only for nouns of the lexicon (`quantities.count_nouns`) or plural nouns ("2.3 million
customers", "23 coal miners", "28 miners trapped"), and not after "the" ("the two countries" refers, it
does not count) unless what happened to them follows ("the 28 miners trapped since Tuesday"); "14 of the
20 economists" is 14 `economist`; "bringing the death toll to 45" is 45 dead; "a woman of 71" is an age. A vote
split ("voted 5-2", "by four votes to three") is two figures, measure `votes`: the votes for and against. Which property a quantity is of, what it counts and which
poll it comes from is decided from its clause (`factcheck.extract.claims.quantities`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.extract.cues import Cues
from factcheck.extract.document import Sentence
from factcheck.model import Approximation, QuantityValue
from factcheck.model.numbers import NUMBER, parse_number, scaled

_APPROX = "|".join(re.escape(a.value) for a in sorted(Approximation, key=lambda a: len(a.value), reverse=True))
_AMOUNT = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_LEAD = rf"(?:\b(?P<approx>{_APPROX})\s+)?"
_RATING_NUMBER = r"[0-9]|zero|one|two|three|four|five"
# A rating on a scale: "Level 1", "level-4", "Category 3"; the word names the scale's steps (the unit).
RATING = re.compile(rf"\b(?P<rated>(?i:level|category))[\s-]+(?P<n>{_RATING_NUMBER})\b(?![.,]?\d)")
# The moves of a running count to its new level ("rose to", "have doubled to") and the verbs of a level reached.
_MOVED = ("rose|risen|climbed|jumped|grew|grown|increased|doubled|tripled|trebled|swelled|swollen|soared|surged|fell|"
          "fallen|dropped|declined|decreased|dipped|slipped|plunged|shrank|shrunk")
_LEVEL_REACHED = r"reached|hit|stood\s+at|stand\s+at|stands\s+at|totalled|totaled|numbered"
# A temperature: "44.2C", "45.3 °C", "45.3 degrees Celsius", "minus 12 degrees", "-5C", "108F". Bare "degrees" is
# Celsius, as in most of the world's news; "degrees of", "degrees north" and "a 180-degree turn" are no temperature.
TEMPERATURE = re.compile(
    rf"(?i:{_LEAD})(?<![\w.,])(?P<sign>(?i:minus)\s+|[-−](?=\d))?(?P<n>\d{{1,3}}(?:\.\d+)?)"
    r"(?:\s?[°º]\s?(?P<unit>[CF])\b|\s?(?P<unit2>[CF])\b(?![-’'&])"
    r"|\s+(?P<degrees>(?i:degrees?))\b(?:\s+(?P<unit3>(?i:celsius|centigrade|fahrenheit)|[CF]\b))?)")
# Bare "degrees" is a temperature only in a sentence about the weather or heat ("the ship turned 180 degrees" is not).
_WEATHER = re.compile(r"\b(?:temperatures?|thermometers?|mercury|heat|heatwave|hot|hotter|hottest|cold|colder|coldest|"
                      r"warm|warmer|warmest|cool|cooler|frost|freezing|chill|highs?|lows?|scorching|sweltering|"
                      r"weather|forecasters?|meteorolog\w*|record)\b", re.IGNORECASE)
_BROUGHT = r"bring|brings|bringing|brought|rais(?:e|es|ed|ing)|push(?:es|ed|ing)?|lift(?:s|ed|ing)?|put|puts|putting"


@dataclass(frozen=True)
class _Patterns:
    percent: re.Pattern[str]
    money_symbol: re.Pattern[str]
    money_word: re.Pattern[str]
    rate: re.Pattern[str]
    magnitude: re.Pattern[str]
    rating: re.Pattern[str]
    temperature: re.Pattern[str]
    length: re.Pattern[str]
    count: re.Pattern[str]
    part: re.Pattern[str]
    count_lead: re.Pattern[str]
    count_brought: re.Pattern[str]
    count_moved: re.Pattern[str]
    currency_word: re.Pattern[str]
    fraction: re.Pattern[str]
    per: re.Pattern[str]


def _patterns(cues: Cues) -> _Patterns:
    """Compiled once per lexicon: the units and scales come from the cue file."""
    cached = cues.compiled.get("quantities")
    if cached:
        return cached
    symbols = "|".join(re.escape(k) for k in sorted(cues.currencies, key=len, reverse=True)
                       if not k.isalpha() or k in cues.prefix_currencies)
    words = "|".join(re.escape(k) for k in sorted(cues.currencies, key=len, reverse=True) if k.isalpha())
    scales = "|".join(re.escape(k) for k in sorted(cues.scales, key=len, reverse=True))
    # "the death toll", "the number of X", "the population": each lead's `noun` group gets a name of its own
    leads = "|".join(f"(?:{p.replace('(?P<noun>', f'(?P<lead{i}>')})" for i, p in enumerate(cues.count_lead)) or "(?!x)x"
    # a sum per something: "2,000 dorins a day", "85 solde a litre" (the units of traded goods are the lexicon's)
    per = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted({*_PER_WORDS, *cues.traded_units}, key=len, reverse=True))
    built = _Patterns(
        percent=re.compile(rf"(?i:{_LEAD})(?<![\d.,])(?P<n>{_AMOUNT})\s*(?P<unit>{cues.percent.pattern})", re.IGNORECASE),
        money_symbol=re.compile(rf"(?i:{_LEAD})(?<![A-Za-z])(?P<cur>{symbols})\s?(?P<n>{_AMOUNT})(?:\s*(?P<scale>{scales})\b)?",
                                re.IGNORECASE),
        # "2.4 million dalers", "a 4.2 million-daler fine"
        money_word=re.compile(rf"(?i:{_LEAD})(?<![\d.,])(?P<n>{_AMOUNT})(?:(?:\s*|-)(?P<scale>{scales}))?(?:\s+|(?<=[a-z])-)(?P<cur>{words})\b",
                              re.IGNORECASE),
        magnitude=re.compile(r"\b(?:(?:magnitude|Mw|Ms|ML)\s+(?:of\s+)?(?:Mw\s+)?(?P<n>\d(?:\.\d)?)\b(?![.,]?\d)"
                             r"|(?P<n2>\d\.\d)[-\s]magnitude\b)"),
        # a rating on a scale: "Level 1 on the INES scale", "raised to level 4", "a Category 3 cyclone"
        rating=RATING,
        temperature=TEMPERATURE,
        length=re.compile(rf"(?i:{_LEAD})(?<![\w.,])(?P<n>{NUMBER})(?:\s+(?P<scale>{scales}))?[\s-]*(?P<unit>{_MEASURE_WORDS})"
                          rf"(?![\w/]|-hours?\b)", re.IGNORECASE),  # "4,200 megawatt-hours" is energy, not power
        rate=re.compile(rf"(?<![\d.,])(?P<n>{_AMOUNT})\s+(?:per|to\s+the|against\s+the|a)\s+(?P<base>{words})\b", re.IGNORECASE),
        # "26 instances", "2.3 million customers" (a scale after digits: words carry their own, "two million")
        count=re.compile(rf"(?i:{_LEAD})(?<![\w$.,:])(?P<n>{NUMBER})(?:\s+(?P<scale>{scales})\b)?\s+"
                         rf"(?P<noun>[A-Za-z][a-z\-]+)(?:\s+(?P<noun2>[a-z][a-z\-]+))?\b"),
        part=re.compile(rf"(?i:{_LEAD})(?<![\w$.,:])(?P<n>{NUMBER})\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+)?"
                        rf"(?:[A-Za-z-]+[’']s\s+)?(?:{NUMBER})\s+(?P<noun>[a-z][a-z\-]+)\b(?:\s+(?P<noun5>[a-z][a-z\-]+s)\b)?"
                        # "Three of the bridge's spans": a part of a whole whose size is not given
                        rf"|(?<![\w$.,:])(?P<n2>{NUMBER})\s+of\s+(?:the|its|their|his|her)\s+(?:[A-Za-z]+[’']s\s+)?"
                        rf"(?P<noun3>[a-z][a-z\-]+s)\b"),
        count_lead=re.compile(rf"\b(?:{leads})\s+"
                              rf"(?:has\s+|had\s+)?(?:rose|risen|climbed|reached|stood\s+at|stands\s+at|is|was|hit|"
                              rf"jumped|increased|at|of)(?:\s+to|\s+at)?\s+(?i:{_LEAD})(?P<n>{NUMBER})(?:\s+(?P<scale>{scales})\b)?",
                              re.IGNORECASE),
        # "bringing the death toll to 45", "brought the number of people forced from their homes to 6,800"
        count_brought=re.compile(rf"\b(?:{_BROUGHT})\s+(?:the|its|their)\s+(?:{leads})"
                                 rf"\s+(?:to|at)\s+(?i:{_LEAD})(?P<n>{NUMBER})\b", re.IGNORECASE),
        # "Confirmed cases rose to 1,140", "Deaths have more than doubled in a week to 31": the plural before
        # the move is what is counted (checked in `_value`: a plural, and no level such as prices)
        count_moved=re.compile(rf"(?<![\w-])(?P<noun>[A-Za-z][a-z\-]+)\s+(?:(?:has|have|had)\s+)?"
                               rf"(?:(?:more\s+than|almost|nearly|roughly)\s+)?(?:(?:{_MOVED})"
                               rf"(?:\s+(?:in|over|on|since|during|within|overnight)\b[^,.;:]{{0,30}}?)?\s+to"
                               rf"|{_LEVEL_REACHED})\s+(?i:{_LEAD})(?P<n>{NUMBER})(?:\s+(?P<scale>{scales})\b)?"
                               rf"(?![\w%]|[.,]\d|\s*(?:%|per\s*cent\b|percent\b|points?\b|degrees?\b))"),
        currency_word=re.compile(rf"\b(?:{words})\b", re.IGNORECASE),
        fraction=_FRACTION,
        per=re.compile(rf"\s+(?:a|an|per|each)\s+({per})\b", re.IGNORECASE),
    )
    cues.compiled["quantities"] = built
    return built


def find_quantities(text: str, sentence: Sentence, cues: Cues) -> list[tuple[str, tuple[int, int], QuantityValue]]:
    """Every quantity of one sentence as (measure, span, value), left to right, each span read once
    (rates, then percentages, money, counts)."""
    patterns = _patterns(cues)
    found = _vote_splits(text, sentence, cues)
    votes = [span for _, span, _ in found]
    found += [item for item in _score_splits(text, sentence, cues) if not _overlaps(item[1], votes)]
    taken: list[tuple[int, int]] = [span for _, span, _ in found]
    for measure, pattern in (("rate", patterns.rate), ("measure", patterns.magnitude), ("measure", patterns.rating),
                             ("measure", patterns.temperature), ("measure", patterns.length),
                             ("percent", patterns.percent), ("percent", patterns.fraction), ("money", patterns.money_symbol),
                             ("money", patterns.money_word), ("count", patterns.part), ("count", patterns.count),
                             ("count", patterns.count_lead), ("count", patterns.count_brought),
                             ("count", patterns.count_moved)):
        for match in pattern.finditer(text, sentence.start, sentence.end):
            if _overlaps(match.span(), taken) or _designation(text, match):
                continue
            value = _value(measure, match, text, sentence, cues, patterns)
            if value is None:
                continue
            start, end = match.start(), match.end()
            if match.re is patterns.count and match.group("noun2") and " " not in value.unit:
                end = match.end("noun")  # "26 instances of ...": the count ends with its noun
            if match.re in (patterns.count_lead, patterns.count_brought, patterns.count_moved):
                start = match.start("n")  # "the number of people killed ... rose to 112": the number itself
            taken.append((match.start(), end))
            found.append((measure, (start, end), value))
    return sorted(found, key=lambda item: item[1])


# Words that make a bare "hundred" a vague size, not 100: "several hundred people", "a few hundred million".
_VAGUE_BEFORE = re.compile(r"\b(?:several|a\s+few|few|many|some|a\s+couple\s+of)\s+$", re.IGNORECASE)


# A model's or a thing's designation: "two F-16 jets", "the H-7", "a MiG-29", "Covid-19": a name, not a figure.
_DESIGNATION = re.compile(r"(?<![\w-])[A-Z][A-Za-z]{0,4}-$")


def _designation(text: str, match: re.Match[str]) -> bool:
    """Whether the match's number is the digits of a designation (`_DESIGNATION`)."""
    if "n" not in match.re.groupindex or match.start("n") < 0:
        return False
    start = match.start("n")
    return bool(_DESIGNATION.search(text, max(0, start - 7), start))


_PARTS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5,
          "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10}
# A share written as a fraction of a group: "nearly a fifth of its staff", "two-thirds of the passengers",
# "roughly one in seven of its employees", "three in ten voters", "half of the 40 stations".
_FRACTION = re.compile(
    rf"(?i:{_LEAD})(?<![\w$.,-])(?:(?P<top>(?i:a|an|one|two|three|four|five|six|seven|eight|nine))[\s-]+"
    r"(?P<part>(?i:half|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|tenths?))(?=\s+of\b)"
    r"|(?P<top2>(?i:one|two|three|four|five|six|seven|eight|nine|\d))\s+(?:in|out\s+of)\s+"
    r"(?P<whole>(?i:two|three|four|five|six|seven|eight|nine|ten|\d{1,2}))\b(?=\s+(?:of\s+)?[a-z])"
    r"|(?P<half>(?i:half))(?=\s+of\s+(?:the|its|their|all|his|her)\b))")


def _fraction(groups: dict[str, str | None], approximation: Approximation | None) -> QuantityValue | None:
    """A fraction as a percentage: "a fifth" is 20, "one in seven" 14.3; a fraction is a rounded way to
    say a share, so one with no word of its own is "about" it."""
    if groups.get("half"):
        top, whole = 1.0, 2.0
    elif groups.get("part"):
        written = groups["top"].casefold()
        top = 1.0 if written in ("a", "an") else parse_number(written) or 0
        whole = float(_PARTS[groups["part"].casefold()])
    else:
        top, whole = (parse_number(groups["top2"]) or 0), (parse_number(groups["whole"]) or 0)
    if not 0 < top < whole:
        return None
    share = 100 * top / whole
    # "a third" is 33 percent, not 33.3: written to a tenth, the figure would look precise to a tenth and
    # "almost a third" would exclude 30 percent; a fraction exact to a tenth ("an eighth", 12.5) keeps it
    amount = share if (share * 10).is_integer() else float(round(share))
    return QuantityValue(amount=amount, unit="percent", approximation=approximation or Approximation.about)


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """Whether `span` shares a character with any of `spans` (each span of the text is read once)."""
    return any(a < span[1] and span[0] < b for a, b in spans)


def _vote_splits(text: str, sentence: Sentence, cues: Cues) -> list[tuple[str, tuple[int, int], QuantityValue]]:
    """"voted 5-2", "by four votes to three", "52 against and 9 abstained": the votes for, against and
    abstaining, each a figure of its own (`counted` "votes for", "votes against", "votes abstain"), so that
    "5-2" and "4-3" disagree on both. A pattern names the sides it reads as groups `for`, `against`, `abstain`."""
    found: list[tuple[str, tuple[int, int], QuantityValue]] = []
    for pattern in cues.vote_splits:
        for match in pattern.finditer(text, sentence.start, sentence.end):
            if _overlaps(match.span(), [span for _, span, _ in found]):
                continue
            sides = [side for side in ("for", "against", "abstain") if side in pattern.groupindex and match.group(side)]
            amounts = [parse_number(match.group(side)) for side in sides]
            if not sides or any(amount is None or amount != int(amount) for amount in amounts):
                continue
            for side, amount in zip(sides, amounts):
                found.append(("votes", match.span(side), QuantityValue(amount=amount, unit="vote",
                                                                       counted=f"votes {side}")))
    return found


# What a sum may be per besides a traded good's unit (`quantities.traded_units`): "2,000 dorins a day".
# What a sum may be per ("2,000 dorins a day", "a price of 48.50 euros per megawatt-hour", "1,540 scudi per dose"):
# a price per unit of energy is not a sum, and two of them compare (`comparators/quantity.py` aliases the units).
_ENERGY_UNITS = {"megawatt-hour": "MWh", "megawatt hour": "MWh", "mwh": "MWh",
                 "kilowatt-hour": "kWh", "kilowatt hour": "kWh", "kwh": "kWh"}  # one price, however its unit is written
_PER_WORDS = ("hour", "day", "week", "month", "year", "person", "head", "household", "night", "share", "dose",
              *_ENERGY_UNITS)


def _score_splits(text: str, sentence: Sentence, cues: Cues) -> list[tuple[str, tuple[int, int], QuantityValue]]:
    """"beat Kalvenn 3-0", "were beaten 3-0 by Istrelia", "lost 0-3", "a 4-1 win": the winner's score and the
    loser's, each a figure of its own (`counted` "score winner", "score loser"), whichever order the text
    writes them in, so that "3-0" and "4-0" disagree on the winner's and agree on the loser's."""
    found: list[tuple[str, tuple[int, int], QuantityValue]] = []
    for pattern in cues.score_splits:
        for match in pattern.finditer(text, sentence.start, sentence.end):
            if _overlaps(match.span(), [span for _, span, _ in found]):
                continue
            sides = sorted(("a", "b"), key=lambda side: -int(match.group(side)))  # the higher score first
            for side, role in zip(sides, ("winner", "loser")):
                found.append(("score", match.span(side), QuantityValue(amount=int(match.group(side)), unit="point",
                                                                        counted=f"score {role}")))
    return found


# "no less than", "not more than": the bound turned round.
_NEGATED = {Approximation.less_than: Approximation.at_least, Approximation.more_than: Approximation.at_most}
_NO_BEFORE = re.compile(r"\b(?:no|not)\s+$", re.IGNORECASE)
# "The VAT rate goes up to 21 percent", "fares went up to 4 euros": a move to a level, not a bound ("up to 300";
# "put up to 300 officers on the streets" and "brought up to 40 survivors" are bounds).
_MOVED_UP = re.compile(r"\b(?:go|goes|going|gone|went|move[sd]?|moving|edged?|edges|edging|creep(?:s|ing)?|crept|"
                       r"tick(?:s|ed|ing)?|shot|shoots?)\s+$", re.IGNORECASE)


def _value(measure: str, match: re.Match[str], text: str, sentence: Sentence, cues: Cues,
           patterns: _Patterns) -> QuantityValue | None:
    groups = match.groupdict()
    approximation = Approximation(groups["approx"].casefold()) if groups.get("approx") else None
    if approximation in _NEGATED and _NO_BEFORE.search(text, max(0, match.start("approx") - 5), match.start("approx")):
        approximation = _NEGATED[approximation]  # "no less than 300 million": at least 300 million
    if approximation is Approximation.up_to and _MOVED_UP.search(text, max(0, match.start("approx") - 12),
                                                                 match.start("approx")):
        approximation = None
    if match.re is patterns.fraction:
        return _fraction(groups, approximation)
    number = groups["n"] or groups.get("n2") or ""
    amount = parse_number(number)
    if amount is None:
        return None
    if number.casefold().startswith("hundred") and _VAGUE_BEFORE.search(text, max(0, match.start() - 16), match.start()):
        return None  # "several hundred people", "a few hundred million": no figure to compare, not 100
    if match.re is patterns.temperature and groups["degrees"] and not groups["unit3"] \
            and not _WEATHER.search(text, sentence.start, sentence.end):
        return None  # "turned 180 degrees", "45 degrees north"
    if match.re is patterns.temperature:
        written = (groups["unit"] or groups["unit2"] or groups["unit3"] or "C")[:1].upper()
        sign = -1 if groups["sign"] else 1
        return QuantityValue(amount=sign * amount, unit=f"°{written}", approximation=approximation)
    if measure == "measure":  # "magnitude 7.1", "a depth of 12 kilometres"
        unit = _MEASURE_UNITS[" ".join(groups["unit"].casefold().split())] if groups.get("unit") else \
            groups["rated"].casefold() if groups.get("rated") else "magnitude"
        if unit in _DATA_SCALE:
            amount, unit = scaled(amount, _DATA_SCALE[unit]), "GB"
        if unit in _MASS_SCALE:
            amount, unit = scaled(amount, _MASS_SCALE[unit]), "t"
        if unit in _POWER_SCALE:
            amount, unit = scaled(amount, _POWER_SCALE[unit]), "MW"
        if groups.get("scale"):  # "38.4 million tonnes"
            amount = scaled(amount, cues.scales[groups["scale"].casefold()])
        return QuantityValue(amount=amount, unit=unit, approximation=approximation)
    if measure == "percent":
        unit = "percentage point" if "point" in groups["unit"].casefold() else "percent"
        return QuantityValue(amount=amount, unit=unit, approximation=approximation)
    if measure == "money":
        scale = cues.scales.get((groups.get("scale") or "").casefold(), 1.0)
        per = patterns.per.match(text, match.end())  # "2,000 dorins a day", "85 solde a litre": a sum per something
        currency = cues.currencies[groups["cur"].casefold()]
        each = " ".join(per.group(1).casefold().split()) if per else None
        return QuantityValue(amount=scaled(amount, scale), approximation=approximation,
                             unit=f"{currency}/{_ENERGY_UNITS.get(each, each)}" if each else currency)
    if measure == "rate":
        base = cues.currencies[groups["base"].casefold()]
        named = [cues.currencies[w.group().casefold()] for w in patterns.currency_word.finditer(text, sentence.start,
                                                                                               sentence.end)]
        quoted = next((code for code in named if code != base), None)
        if quoted is None:
            return None
        return QuantityValue(amount=amount, unit=f"{quoted}/{base}")
    lead = next((found for name, found in groups.items() if name.startswith("lead") and found), None)
    noun = (groups.get("noun") or lead or groups.get("noun3") or "dead").casefold()
    if groups.get("noun5") and not _plural(noun) and _plural(groups["noun5"].casefold()):
        noun = groups["noun5"].casefold()  # "14 of the city's 96 bus routes": routes
    if match.re is patterns.part and amount < 2:
        return None  # "one of the victims", "one of the two divers" picks one out; it counts nothing
    if match.re is patterns.count_moved and (noun in _LEVEL_NOUNS
                                             or not (noun in cues.count_synonyms or _plural(noun))):
        return None  # "Prices rose to 412", "Output climbed to 18": a level, not a count of the noun
    second = (groups.get("noun2") or "").casefold()
    if noun in _JOINING_WORDS:
        return None  # "killed 47 and injured 112": no noun follows the number, so it counts no "and injured"
    if noun in _AUXILIARIES and second:
        noun, second = second, ""  # "58 were injured", "14 were missing": what happened to them is what is counted
    if match.re in (patterns.count_lead, patterns.count_brought) and " " in noun:  # "the number of displaced people", "of people killed"
        words = noun.split()
        dead = next((cues.count_synonyms[w] for w in words if w in cues.count_synonyms), None)
        noun = dead or next((w for w in reversed(words) if w in cues.count_nouns or _plural(w)), words[-1])
    if groups.get("scale") and match.re in (patterns.count, patterns.count_lead, patterns.count_moved):
        amount = scaled(amount, cues.scales[groups["scale"].casefold()])  # 4.18 * 1e6 is 4179999.9999999995
    if amount != int(amount):
        return None
    if noun in cues.count_synonyms:
        unit = cues.count_synonyms[noun]
    elif noun in cues.people_nouns:
        unit = "people"
    elif noun in cues.count_nouns:
        unit = singular(noun)
    elif second in cues.count_nouns and noun not in cues.count_nouns and not _participle(noun):
        unit = f"{noun} {singular(second)}"  # "312 tariff lines": a `tariff line`
    elif _plural(second) and (noun[:1].isupper() or _adjective(noun)):
        unit = singular(second)  # "16 Estovian banks", "40 foreign journalists": what is counted is the noun
    elif noun[:1].islower() and _plural(noun) and not second[:1].isalpha() or _plural(noun) and second in _AFTER_NOUN \
            or noun[:1].islower() and _plural(noun) and _participle(second):
        unit = singular(noun)  # "14 banks", "14 banks in ...", "28 miners trapped ...": a plural noun of its own
    elif noun[:1].islower() and noun.isalpha() and not _plural(noun) and _plural(second) and noun not in _NOT_A_NOUN:
        unit = singular(second)  # "23 coal miners", "40 police officers": what is counted is the last noun
    elif (third := _third_noun(text, match, noun, second)) is not None:
        unit = singular(third)  # "1,150 hospital doctor posts", "760 vacant hospital doctor posts"
    else:
        return None
    written = groups.get("noun") or ""
    demonym = written[:1].isupper() and _DEMONYM.search(written) and match.re is not patterns.count_moved
    if unit == "national" or unit == singular(written.casefold()) and demonym:  # not "Infections rose to 1,140"
        unit = "citizen"  # "122,000 Halmorans", "Halmoran nationals": the citizens of Halmora, as "Halmoran citizens"
    before = text[max(sentence.start, match.start() - 12):match.start()].casefold().split()
    if _WHOLE_AFTER.search(text, max(sentence.start, match.start() - 40), match.start()):
        return None  # "67 of the 150 seats": 150 is the whole, not a count of its own
    if "n" in groups and match.re in (patterns.count_lead, patterns.count_brought, patterns.count_moved):
        return QuantityValue(amount=amount, unit=unit, approximation=approximation)
    if _AGE_OF.search(text, max(sentence.start, match.start() - 30), match.start()):
        return None  # "a woman of 71 died": her age, not a count of the dead
    if before[-2:-1] == ["the"] and before[-1] in ("last", "first", "remaining", "other", "final"):
        return None  # "the last two prisoners": some of a set counted before
    if before and before[-1] in ("the", "those", "these", "both", "its", "their", "his", "her") \
            and not (before[-1] == "the" and any(_STATED_AFTER_THE.match(text, match.end(group)) for group in ("noun", "noun2")
                                                 if groups.get(group))):  # "the seven Tirassian diplomats ordered out"
        return None  # "the two countries" refers to what was counted before
    return QuantityValue(amount=amount, unit=unit, approximation=approximation)


# "the 28 miners trapped since Tuesday", "the 6,800 residents who had been evacuated", "the seven
# diplomats ordered out", "the 16 millimetres of rain that fell": the count is stated, by what happened to
# them, not referred back to
_STATED_AFTER_THE = re.compile(r"(?:\s+of\s+[a-z]+)?\s+(?:who|that)\s+(?:had\s+|have\s+|were\s+|was\s+)?(?:been\s+)?"
                               r"(?:[a-z]+ed|fell|fallen|fled|left|rose|sank|lost|struck|hit|came|went|ran|took|won)\b"
                               r"|\s+(?:[a-z]+ed|taken|held|hurt|killed|freed)\s+(?:out|by|since|in|at|on|from|during|after|"
                               r"over|under|inside|underground|alive|overnight)\b")


# The units of measurements, as written: lengths, speeds ("134 km/h", "80 miles per hour"), areas, data.
_MEASURE_UNITS = {"km/h": "km/h", "kph": "km/h", "kmh": "km/h", "kilometres per hour": "km/h", "kilometers per hour": "km/h",
            "kilometres an hour": "km/h", "kilometers an hour": "km/h", "mph": "mph", "miles per hour": "mph",
            "miles an hour": "mph", "km/s": "km/s", "kilometres per second": "km/s", "kilometers per second": "km/s",
            "kilometres a second": "km/s", "kilometers a second": "km/s", "m/s": "m/s", "metres per second": "m/s",
            "meters per second": "m/s", "metres a second": "m/s", "meters a second": "m/s",
            "km": "km", "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km", "miles": "mile",
            "mile": "mile", "metres": "m", "meters": "m", "metre": "m", "meter": "m",
            "feet": "ft", "foot": "ft", "ft": "ft",
            # areas: "21,700 square kilometres", "27,100 km²", "8,400 sq mi", "300 hectares"
            "square kilometres": "km2", "square kilometers": "km2", "square kilometre": "km2", "square kilometer": "km2",
            "square km": "km2", "sq km": "km2", "km2": "km2", "km²": "km2", "square miles": "sq mi",
            "square mile": "sq mi", "sq mi": "sq mi", "hectares": "ha", "hectare": "ha", "acres": "acre", "acre": "acre",
            # masses: "about 1,200 tonnes of crude", "3,500 metric tons", "40 kg", scaled to tonnes below
            "metric tonnes": "t", "metric tons": "t", "tonnes": "t", "tonne": "t", "tons": "t", "ton": "t",
            "kilograms": "kg", "kilogram": "kg", "kilos": "kg", "kg": "kg",
            # volumes and flows: "66,000 barrels", "40 cubic metres per second", "2 million litres"
            "cubic metres per second": "m3/s", "cubic meters per second": "m3/s", "cubic metres a second": "m3/s",
            "cubic meters a second": "m3/s", "m3/s": "m3/s", "m³/s": "m3/s", "cumecs": "m3/s",
            "cubic metres": "m3", "cubic meters": "m3", "m3": "m3", "m³": "m3",
            "barrels": "barrel", "barrel": "barrel", "litres": "l", "liters": "l", "litre": "l", "liter": "l",
            "gallons": "gal", "gallon": "gal",
            # amounts of data: "1.2 terabytes", "400 GB", scaled to gigabytes below
            "terabytes": "TB", "terabyte": "TB", "tb": "TB", "gigabytes": "GB", "gigabyte": "GB", "gb": "GB",
            "megabytes": "MB", "megabyte": "MB", "mb": "MB",
            # power: "1,240 megawatts", "800 MW", "a 1.2-gigawatt plant", scaled to megawatts below
            "gigawatts": "GW", "gigawatt": "GW", "gw": "GW", "megawatts": "MW", "megawatt": "MW", "mw": "MW",
            "kilowatts": "kW", "kilowatt": "kW", "kw": "kW"}
_DATA_SCALE = {"TB": 1000.0, "GB": 1.0, "MB": 0.001}  # to gigabytes, so "1.2 TB" and "1,200 GB" compare
_MASS_SCALE = {"kg": 0.001}  # to tonnes, so "1,200 tonnes" and "1.2 million kg" compare
_POWER_SCALE = {"GW": 1000.0, "MW": 1.0, "kW": 0.001}  # to megawatts, so "1.2 GW" and "1,200 MW" compare
_MEASURE_WORDS = "|".join(re.escape(unit).replace(r"\ ", r"\s+") for unit in sorted(_MEASURE_UNITS, key=len, reverse=True))
_NOT_COUNTED = frozenset((
    "percent seconds minutes hours days weeks months years decades centuries times points others ones thousands "
    "millions billions hundreds dozens tens percentage degrees meters metres kilometres kilometers miles feet "
    "tonnes tons kilograms pounds dollars euros yen won cents rounds").split())
# Plurals whose "rose to N" is a level, not how many of them there are: "Prices rose to 412".
_LEVEL_NOUNS = frozenset((
    "prices rates shares stocks yields levels temperatures costs wages salaries earnings profits revenues losses "
    "savings fees fares rents bills indices indexes figures numbers estimates values sums totals averages "
    "readings scores ratings odds returns premiums tariffs taxes duties reserves balances deposits debts "
    "payments contributions sales exports imports volumes flows emissions").split())
# A people as a noun: "Halmorans", "Vardanians", "Chileans", "Britons", "Japanese" (capitalised in the text).
_DEMONYM = re.compile(r"(?:ans|ians|eans|ese|ons|is|ers)$")
_AGE_OF = re.compile(r"\b(?:man|woman|men|women|boy|girl|person|pensioner|mother|father|driver|passenger|resident)"
                     r"\s+(?:aged\s+|of\s+)$", re.IGNORECASE)
# "67 of the 150 seats": a number, "of", the whole; "the details of 2.3 million customers" counts them.
_WHOLE_AFTER = re.compile(rf"(?<![\w.,]){NUMBER}\s+(?:out\s+)?of\s+(?:the\s+)?(?:[A-Za-z-]+[’']s\s+)?$", re.IGNORECASE)
_AFTER_NOUN = frozenset("in on at of from for with across were was had have are is said and or to by during over since "
                        "after before between among under into will would could can may might should must "
                        "remain remained remains still without".split())


_IRREGULAR_PARTICIPLES = frozenset("taken held hurt freed killed caught left shot stuck thrown driven known seen given "
                                   "brought sent kept found lost fled fell rose sank took won spent".split())
# Auxiliaries a bare number may be followed by ("58 were injured"): what comes after them is what is counted.
_AUXILIARIES = frozenset("were was are is have had been".split())
# Words that join clauses or phrases, never a noun a number counts.
_JOINING_WORDS = frozenset("and or but nor then while as than to of in on at by for from with after before when "
                           "since until during because".split())
# words that read as a noun before a plural but are not one: "28 more miners", "five other people"
_NOT_A_NOUN = frozenset("more other further new old additional extra fewer less former young small large many "
                        "few top key main senior junior".split())


# One or two more words after a count's two that end in the plural it counts: "1,150 hospital doctor posts".
_MORE_NOUNS = re.compile(r"\s+([a-z][a-z-]+)\b(?:\s+([a-z][a-z-]+)\b)?")


def _third_noun(text: str, match: re.Match[str], noun: str, second: str) -> str | None:
    """The plural ending a count's noun phrase of three or four words, when the two words the pattern took
    are modifiers (lower case, no plural, no joining word): "760 vacant hospital doctor posts" counts posts."""
    words = (noun, second)
    if not second or any(not w.isalpha() or _plural(w) or w in _JOINING_WORDS or w in _AUXILIARIES
                         or w in _NOT_A_NOUN or _participle(w) for w in words) or noun[:1].isupper():
        return None
    more = _MORE_NOUNS.match(text, match.end())
    if more is None:
        return None
    for word in more.groups():
        if word is None:
            continue
        if word in _JOINING_WORDS or word in _AUXILIARIES:
            return None
        if _plural(word):
            return word
    return None


def _participle(word: str) -> bool:
    return (len(word) > 4 and word.endswith("ed")) or word in _IRREGULAR_PARTICIPLES


# Words ending in "men" that are no plural of "man".
_NOT_MEN = frozenset("specimen regimen abdomen omen amen acumen bitumen albumen hymen lumen ramen semen stamen yemen "
                     "dolmen cyclamen".split())


def _plural(word: str) -> bool:
    if word.endswith("men") and word not in _NOT_MEN:
        return True  # "eight men", "two women", "40 firemen"
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")) and word not in _NOT_COUNTED


def _adjective(word: str) -> bool:
    return word.endswith(("an", "ian", "ese", "ish", "al", "ic", "ive", "ous", "ern", "ful", "ed")) and len(word) > 4


def singular(noun: str) -> str:
    if noun.endswith("men") and _plural(noun):
        return noun[:-3] + "man"  # "women" -> "woman", "firemen" -> "fireman"
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    if noun.endswith(("ches", "shes", "sses", "xes")):
        return noun[:-2]
    if noun.endswith("s") and not noun.endswith("ss"):
        return noun[:-1]
    return noun

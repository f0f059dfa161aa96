"""What an unknown name is: a country, an organisation or a person, and which words before it are a place.

The entity proposer (`readers.entities`) meets names no entity file lists yet. "South Korea" is a
country, "La Trobe University" and "the Ministry of Defense" organisations, "U.S. Secretary of State
Michael Pompeo" a person (`michael-pompeo`) whose office is "Secretary of State" of the U.S. The word
lists are data (`factcheck/data/names.yaml`: the CLDR country names, the aliases news uses for them,
the words that make a name an organisation's).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from factcheck.load.document import load_trusted_yaml
from factcheck.model.entity_index import alias_key

_POSSESSIVE = re.compile(r"[’']s?$")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_EDGE = " ,;:()[]“”\"‘"
_ABBREVIATION = re.compile(r"(?:^|\s)(?:[A-Z]\.)+$|\b(?:Jr|Sr|Inc|Corp|Co|Ltd|St)\.$")


@dataclass(frozen=True)
class Names:
    countries: dict[str, str]  # alias_key of a name or alias -> the country's name
    organisation_words: frozenset[str]

    def country(self, name: str) -> str | None:
        """The country a name is (`U.S.` -> `United States`), or None."""
        return self.countries.get(alias_key(clean_name(name)))

    def kind(self, name: str, default: str) -> str:
        """`country`, `organisation`, or `default` (what the caller saw the name do: speak, be a subject)."""
        if self.country(name):
            return "country"
        words = {w.casefold() for w in re.split(r"[\s\-]+", clean_name(name))}
        if words & self.organisation_words or name.isupper() and len(name) > 2:
            return "organisation"
        return default


@lru_cache(maxsize=1)
def load_names() -> Names:
    """The shipped name lists, read once."""
    text = resources.files("factcheck").joinpath("data", "names.yaml").read_text(encoding="utf-8")
    data = load_trusted_yaml(text)
    countries = {alias_key(name): name for name in data["countries"]}
    countries.update({alias_key(alias): name for alias, name in data["country_aliases"].items()})
    return Names(countries, frozenset(w.casefold() for w in data["organisation_words"]))


def name_start(words: list[str], titles: frozenset[str] | set[str]) -> int:
    """The index of the name's first word in a run of capitalised words: after a place ("U.S.", "Japan’s",
    "Portvale’s": a country, or words up to a possessive, when an office follows) and the office (words of
    `titles`; after a possessive, up to its last title word: "Portvale’s Labour Minister Daniel Reyes")."""
    place = _place_length(words, titles)
    office = [i for i, w in enumerate(words[place:place + 3], place) if w.casefold() in titles]
    if place and office and office[-1] + 1 < len(words):
        return office[-1] + 1
    first = place
    while first < len(words) and words[first].casefold() in titles:
        first += 1
    return first


def places_before(words: list[str]) -> list[str]:
    """The places the last words may be ("South Korea’s", "U.S."), longest first: capitalised words that are
    a country or end in a possessive."""
    found = []
    for count in range(min(3, len(words)), 0, -1):
        place = " ".join(words[-count:])
        if all(w[:1].isupper() for w in words[-count:]) and (place.endswith(("’s", "'s")) or load_names().country(place)):
            found.append(place)
    return found


def _place_length(words: list[str], titles: frozenset[str] | set[str]) -> int:
    for count in range(min(4, len(words) - 1), 0, -1):
        place = " ".join(words[:count])
        following = [w.casefold() for w in words[count:count + 3]]
        if place.endswith(("’s", "'s")) and any(w in titles for w in following) or \
                load_names().country(place) and following[0] in titles:
            return count
    return 0


def clean_name(written: str) -> str:
    """A name as an entity is called: no leading article, no possessive, no edge punctuation
    ("the Ministry of Defense" -> "Ministry of Defense", "South Korea’s" -> "South Korea")."""
    name = " ".join(written.split()).strip(_EDGE)
    if name.endswith(".") and not _ABBREVIATION.search(name):
        name = name[:-1]  # the sentence's full stop ("... said Kim.")
    name = _ARTICLE.sub("", name)
    if name.endswith(("’s", "'s", "s’", "s'")):
        name = _POSSESSIVE.sub("", name)
    return name.strip(_EDGE)

"""Polls: which sentences speak of which poll, who took it, and when it was in the field.

A sentence with a poll word (the lexicon's `polls.words`: "poll", "survey", "respondents") starts a poll,
and the sentences after it in its paragraph stay with it. The poll is `poll-<pollster>` when the pollster
is named next to the poll word ("a Realmeter poll", "a survey by Gallup Korea", "Gallup's poll") or as
the one who "found"/"showed"; `poll` when not. A poll the entity file knows (an event whose name or alias
has a poll word: "the exit poll") is that entity, and its key is the entity's id. Dates of a poll sentence whose clause has a fieldwork word
("conducted Aug. 20-22", "carried out from Sept. 19 to 21") are when the poll was taken: the `as_of` of
its figures, and no claims of their own.
"""

from __future__ import annotations

import re

from factcheck.extract.document import Document, Mention, Sentence
from factcheck.extract.readers.entities import PROPER_NOUN, slug
from factcheck.model import PartialDate

_NOT_NAMES = frozenset("A An The In This That New Latest When After Before If As While But And Its Their His Her Our Last "
                       "First Another Monday Tuesday Wednesday Thursday Friday Saturday Sunday Exit Opinion".split())
# Between a pollster's name and the poll word: a space, or a possessive and up to two words ("'s September").
_BETWEEN_OWNER_AND_POLL = re.compile(r"\s*$|['’]s(?:\s+[\w-]+){0,2}\s*$")
_POLL_NAME = re.compile(r"(?:by|from|of|conducted\s+by|according\s+to)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}$")


def poll_of_sentences(document: Document) -> dict[int, tuple[str, Mention | None]]:
    """The poll each sentence speaks of, by sentence index: a sentence with a poll word, and the
    sentences after it in its paragraph. The key is `poll-<pollster>` when the pollster is named."""
    found: dict[int, tuple[str, Mention | None]] = {}
    current: tuple[str, Mention | None] | None = None
    line = -1
    for sentence in document.sentences:
        if sentence.line != line:
            current, line = (current if current and _poll_word(document, sentence) else None), sentence.line
        if _poll_word(document, sentence):
            known = _known_poll(document, sentence)
            named = None if known else _pollster(document, sentence)
            if known is not None:
                current = (known.entity_id, known)
            elif named is not None or current is None:
                current = (f"poll-{named[0]}" if named else "poll", named[1] if named else None)
        if current is not None:
            found[sentence.index] = current
    return found


def _poll_word(document: Document, sentence: Sentence) -> bool:
    return bool(document.cues.poll_words.search(document.text, sentence.start, sentence.end))


def _known_poll(document: Document, sentence: Sentence) -> Mention | None:
    """A poll the entity file knows, named in the sentence ("the exit poll" as an alias of the event
    `exit-poll`): that poll, whoever is said to have taken it or paid for it ("the exit poll for CTV", "the
    exit poll by Meridian Research"), so outlets that name it by its pollster or its broadcaster agree."""
    for mention in document.mentions.get(sentence.index, []):
        if mention.kind == "event" and document.cues.poll_words.search(mention.text) and \
                re.search(r"\b(?!the\b|a\b|an\b)\w+", document.cues.poll_words.sub(" ", mention.text), re.IGNORECASE):
            return mention  # a name of its own, not a bare "the polls" read as the one poll event
    return None


def _pollster(document: Document, sentence: Sentence) -> tuple[str, Mention | None] | None:
    """The pollster named next to a poll word: "a Realmeter poll", "a survey by Gallup Korea"."""
    text = document.text
    mentions = document.mentions.get(sentence.index, [])
    for word in document.cues.poll_words.finditer(text, sentence.start, sentence.end):
        for mention in mentions:
            near_before = 0 <= word.start() - mention.end <= 25 and _BETWEEN_OWNER_AND_POLL.match(
                text, mention.end, word.start()) is not None  # "the Kallen Institute's September survey"
            near_after = 0 <= mention.start - word.end() <= 25 and _POLL_NAME.search(text[word.end():mention.start])
            if mention.kind in ("organisation", "group") and (near_before or near_after):
                return mention.entity_id, mention
        lead = text[max(sentence.start, word.start() - 40):word.start()]
        name = re.search(r"((?:[A-Z][\w&.’'-]*\s+){1,3})$", lead)
        words = name.group(1).split() if name else []
        while words and words[0] in _NOT_NAMES:
            words = words[1:]
        owner = next((i for i, w in enumerate(words) if w.endswith(("’s", "'s"))), None)
        if owner is not None:  # "Kallen Institute's September survey": the owner, not the month after it
            words = words[:owner + 1]
        if words:
            return slug(" ".join(words).removesuffix("’s").removesuffix("'s")), None
        follow = re.match(r"\s+(?:by|from|of|conducted\s+by)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}((?:[A-Z][\w&.’'-]*\s*){1,3})",
                          text[word.end():sentence.end])
        if follow:
            return slug(follow.group(1)), None
    for match in PROPER_NOUN.finditer(text, sentence.start, sentence.end):
        if re.match(r"\s+(?:found|showed|shows|finds)\b", text[match.end():match.end() + 10]):
            return slug(match.group()), None
    return None


def fieldwork_dates(document: Document, polls: dict[int, tuple[str, Mention | None]]) -> tuple[set[int], dict[str, PartialDate]]:
    """Dates of poll sentences whose clause says when the poll was taken: not claims, but as_of."""
    skip: set[int] = set()
    dates: dict[str, PartialDate] = {}
    for value in document.values:
        if value.kind != "date" or value.sentence not in polls or value.reading.date is None:
            continue
        clause = document.clause_at(value.start)
        sentence = document.sentences[value.sentence]
        where = document.text[clause.start:clause.end] if clause else sentence.text
        before = document.text[sentence.start:value.start]
        if document.cues.fieldwork.search(where) or document.cues.fieldwork.search(before[-60:]):
            skip.add(value.start)
            dates.setdefault(polls[value.sentence][0], value.reading.date)
    return skip, dates

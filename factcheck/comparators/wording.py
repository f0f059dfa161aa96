"""How two quotes' words differ, word by word: the same words, a fragment, a misquote, or a rewording.

A changed word inside a long quote barely moves a character score, yet it is the misquote a
fact-checker must see; and one statement translated by two outlets shares meaning but few
characters. So quotes are aligned as words (`difflib.SequenceMatcher` over normalised word keys),
each piece of the shorter quote in order against the longer one, and the difference is named:

- `identical`, `case_or_punctuation`: the same words;
- `fragment`: the shorter quote stands word for word in the longer (The Diplomat's "strong concern
  and disappointment" in Bloomberg's 18-word Pentagon sentence);
- `ellipsis`: each piece around the shorter quote's ellipses stands in order in the longer;
- `misquote`: the same passage (at least `near_verbatim_at` of the shorter quote's words lie in
  shared runs of `run_words` words or more) with a content word changed, added or dropped: "expresses
  our [-strong-] {+deep+} concern". Stop words alone ("the", "of") do not make a misquote; a number,
  a negation or a name always does. A misquote changes little: when the changed content words reach
  more than `changes_at_most` of the shorter quote's content words ("[-our nation grieves together
  with-] {+mourning alongside+} the people of Durnholm"), the passage was rewritten, not misquoted,
  and is worded differently; so is a passage with words put for others at two places or more and
  nothing else but words moved ("[-carry-] {+bear+} the deficit [-by themselves-] {+on their own+}"):
  a misquote changes one thing, a rendering of one statement changes many. When the quote is said to
  be translated, changed content words are a rewording too, but a number, negation or name still
  makes a misquote;
- `worded_differently`: the same passage with only stop words or spellings changed (defence /
  defense), or the same statement worded differently throughout, as translations are: content-word
  lemmas in common (a Dice share, with a crude suffix-stripping stemmer) at least `reworded_at`, and
  every number and capitalised name of each quote present in the other. "a serious threat to
  regional stability" and "a grave threat to the stability of the region" share 3 of 4 lemmas each;
- `unrelated`: not the same statement.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache
from typing import NamedTuple

TYPOGRAPHIC = str.maketrans({
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "ʼ": "'", "′": "'", "`": "'", "´": "'",
    "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-", "⁃": "-",
})
ELLIPSIS = "..."
_ELLIPSIS = re.compile(r"\s*\.(?:\s?\.){2,}\s*")
_TOKEN = re.compile(r"\.\.\.|\d+(?:[.,]\d+)*%?|\w+(?:['.\-]\w+)*")
_SENTENCE_END = re.compile(r"[.!?:\"]\s*$")

STOP_WORDS = frozenset("""
a an the this that these those some any each every such
of to in on at by for from with into onto over under about as than per via upon within without
and or but so yet if then because while whether
i me my we us our ours you your he him his she her it its they them their there here
be is are was were been being am have has had having do does did done
who whom whose which what when where how
also just very too even only
""".split()) - {"without"}
NEGATIONS = frozenset({"not", "no", "never", "nor", "neither", "none", "nothing", "nobody", "cannot", "without"})
NUMBER_WORDS = {word: str(value) for value, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())} | {
    "thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80",
    "ninety": "90", "hundred": "100", "thousand": "1000", "million": "1000000", "billion": "1000000000"}
# Units of time say how long or how soon as a number does: "within weeks" and "within days" are two promises,
# however a translation words the rest ("second" is left out: it is an ordinal too).
TIME_UNITS = frozenset({"seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
                        "fortnight", "month", "months", "year", "years", "decade", "decades", "century", "centuries"})
_SPELLING = (  # British and American spellings, mapped one way: defence = defense, centre = center
    (re.compile(r"(?<=\w{3})ence(s?)$"), r"ense\1"), (re.compile(r"(?<=\w{3})our(s?)$"), r"or\1"),
    (re.compile(r"(?<=\w{2})is(e|ed|es|ing|ation|ations)$"), r"iz\1"), (re.compile(r"ys(e|ed|es|ing)$"), r"yz\1"),
    (re.compile(r"(?<=\w{3})tre(s?)$"), r"ter\1"), (re.compile(r"(?<=\w{3})ogue(s?)$"), r"og\1"),
    (re.compile(r"(?<=\w{2}[aeiou])ll(ed|ing|er|ers)$"), r"l\1"),
)
_SUFFIXES = ("ations", "ation", "ities", "ity", "ments", "ment", "ness", "ings", "ing", "ions", "ion", "ies",
             "ied", "ally", "ly", "al", "ed", "es", "s", "y", "e")


def plain_text(text: str) -> str:
    """NFKC, straight quotes, `-` for every dash, an ellipsis as a separate `...`; case is kept. An ASCII
    text (most quotes) is as NFKC leaves it, and the backtick is the one ASCII character `TYPOGRAPHIC`
    changes: `str.replace` does what its table did at a tenth of the cost (200,000 texts when blocking
    quotes at a million claims). An ellipsis is three dots or more: a text with fewer is not searched."""
    if text.isascii():
        text = text.replace("`", "'")
    else:
        text = unicodedata.normalize("NFKC", text).translate(TYPOGRAPHIC)
    return _ELLIPSIS.sub(f" {ELLIPSIS} ", text) if text.count(".") >= 3 else text


class Word(NamedTuple):
    """A word of a quote: as written, and the key it is aligned by (lower case, one spelling, digits)."""

    text: str
    key: str
    name: bool  # capitalised, not at the start of a sentence: a name a rewording must keep

    @property
    def kind(self) -> str:
        """`number` (a unit of time too), `negation`, `name`, `content` or `stop`."""
        if self.key[:1].isdigit() or self.key in TIME_UNITS:
            return "number"
        if self.key in NEGATIONS:
            return "negation"
        if self.name:
            return "name"
        return "stop" if self.key in STOP_WORDS else "content"


@lru_cache(maxsize=131072)
def word_key(word: str) -> str:
    """The form two spellings of one word share: `Defence` and `defense` are `defense`, `two` is `2`.
    Cached: seven patterns a word, and quotes draw on one vocabulary."""
    key = word.casefold()
    if key in NUMBER_WORDS:
        return NUMBER_WORDS[key]
    if key[:1].isdigit():
        return key.rstrip("%").replace(",", "")
    for pattern, replacement in _SPELLING:
        key = pattern.sub(replacement, key)
    return key


@lru_cache(maxsize=131072)
def lemma(key: str) -> str:
    """A crude stem: suffixes of `_SUFFIXES` stripped while 3 letters remain (`regional` and `region`
    are both `reg`, `threats` is `threat`); a possessive `'s` is dropped first."""
    key = key.removesuffix("'s")
    stripped = next((key[: -len(s)] for s in _SUFFIXES if key.endswith(s) and len(key) - len(s) >= 3), key)
    return key if stripped == key else lemma(stripped)


@lru_cache(maxsize=65536)
def quote_words(text: str) -> tuple[tuple[Word, ...], ...]:
    """A quote's words, piece by piece between its ellipses; `don't` is `do not`."""
    plain = plain_text(text)
    pieces: list[list[Word]] = [[]]
    for match in _TOKEN.finditer(plain):
        token = match.group()
        if token == ELLIPSIS:
            pieces.append([])
            continue
        before = plain[:match.start()]
        name = token[:1].isupper() and token != "I" and bool(before.strip()) and not _SENTENCE_END.search(before)
        if token.casefold().endswith("n't") and len(token) > 3:
            stem = {"wo": "will", "ca": "can", "sha": "shall"}.get(token[:-3].casefold(), token[:-3])
            pieces[-1] += [Word(stem, word_key(stem), False), Word("not", "not", False)]
        else:
            pieces[-1].append(Word(token, word_key(token), name))
    return tuple(tuple(piece) for piece in pieces if piece)


@dataclass(frozen=True)
class Edit:
    """Words where the quotes part: `longer` only in the longer quote, `shorter` only in the other."""

    longer: tuple[str, ...]
    shorter: tuple[str, ...]
    kind: str  # the weightiest word kind in it: number, negation, name, content, stop; or spelling
    edge: bool = False  # at the start or end of the shorter quote's piece: where a partial quote's cut may fall
    brings_name: bool = False  # the shorter quote's side holds a name the longer side lacks ("Ardena")


_WEIGHT = ("number", "negation", "name", "content", "stop")
HARD_EDITS = frozenset({"number", "negation", "name"})


def _same_name_stem(first: str, second: str) -> bool:
    """"Calvorians" and "Calvoria", "Korean" and "Korea": one name in two forms (its first five
    letters, or the whole of a shorter name), as translations render it."""
    a, b = first.casefold(), second.casefold()
    size = min(5, len(a), len(b))
    return size >= 4 and a[:size] == b[:size]


def _name_forms_only(longer: Sequence[Word], shorter: Sequence[Word]) -> bool:
    """Every name on one side of an edit stands on the other side in another form."""
    names = ([w.text for w in longer if w.kind == "name"], [w.text for w in shorter if w.kind == "name"])
    return all(names) and all(any(_same_name_stem(x, y) for y in other)
                              for side, other in (names, names[::-1]) for x in side)


def _edit(longer: Sequence[Word], shorter: Sequence[Word]) -> Edit:
    kinds = {word.kind for word in (*longer, *shorter)}
    if "name" in kinds and _name_forms_only(longer, shorter):
        kinds = (kinds - {"name"}) | {"content"}  # a name's form, not another name: wording
    kind = next(k for k in _WEIGHT if k in kinds)
    return Edit(tuple(w.text.casefold() for w in longer), tuple(w.text.casefold() for w in shorter), kind,
                brings_name=kind == "name" and any(w.name for w in shorter))


@dataclass(frozen=True)
class Alignment:
    """The shorter quote's pieces aligned in order in the longer quote."""

    verbatim_words: int  # words of the shorter quote in shared runs of at least `run_words`
    compared_words: int
    elided: int  # words of the shorter quote that the longer one leaves out at an ellipsis
    edits: tuple[Edit, ...]
    diff: str  # `expresses our [-strong-] {+deep+} concern`: [-longer's words-], {+shorter's+}


def _window(piece: Sequence[str], keys: Sequence[str], start: int) -> list[tuple[str, int, int, int, int]]:
    """Opcodes of `piece` against the stretch of `keys[start:]` it best matches (absolute indices);
    the stretch is guessed around the longest shared run and its loose ends are trimmed. A piece that is
    the whole rest of `keys` (a quote against itself, which sources repeat: most pairs of texts of a large
    corpus) is one equal run, as the matcher finds it: its longest match is the whole piece at (0, 0), the
    window is then the whole rest, and its opcodes one `equal`; so no matcher is made for it."""
    if piece and list(piece) == list(keys[start:]):
        return [("equal", 0, len(piece), start, start + len(piece))]
    return _matched_window(piece, keys, start)


def _matched_window(piece: Sequence[str], keys: Sequence[str], start: int) -> list[tuple[str, int, int, int, int]]:
    """`_window` by difflib's matcher."""
    tail = keys[start:]
    matcher = SequenceMatcher(None, piece, tail, autojunk=False)
    anchor = matcher.find_longest_match(0, len(piece), 0, len(tail))
    if anchor.size == 0:
        return [("delete", 0, len(piece), start, start)]
    slack = len(piece) // 2 + 1
    low = max(0, anchor.b - anchor.a - slack)
    matcher.set_seq2(tail[low:anchor.b + len(piece) - anchor.a + slack])
    ops = [(tag, i1, i2, j1 + start + low, j2 + start + low) for tag, i1, i2, j1, j2 in matcher.get_opcodes()]
    if ops[0][0] == "insert":  # the longer quote goes on before the piece starts
        ops.pop(0)
    elif ops[0][0] == "replace" and ops[0][3] > start:  # a changed first word: keep as many words
        tag, i1, i2, j1, j2 = ops[0]
        ops[0] = (tag, i1, i2, max(j1, j2 - (i2 - i1)), j2)
    if ops and ops[-1][0] == "insert":
        ops.pop()
    elif ops and ops[-1][0] == "replace" and ops[-1][4] < len(keys):
        tag, i1, i2, j1, j2 = ops[-1]
        ops[-1] = (tag, i1, i2, j1, min(j2, j1 + (i2 - i1)))
    return ops


def _diff_text(parts: Sequence[tuple[bool, str]], context: int) -> str:
    """One piece's diff: edits with `context` unchanged words around them, longer stretches cut to `...`."""
    if not any(edited for edited, _ in parts):
        return " ".join(text for _, text in parts)
    shown: list[str] = []
    plain: list[str] = []
    for edited, text in (*parts, (True, "")):
        if not edited:
            plain += text.split()
            continue
        first, last = not shown, not text
        if first and len(plain) > context:
            plain = [ELLIPSIS, *plain[-context:]]
        elif last and len(plain) > context:
            plain = [*plain[:context], ELLIPSIS]
        elif len(plain) > 2 * context + 1:
            plain = [*plain[:context], ELLIPSIS, *plain[-context:]]
        shown += [*plain, text] if text else plain
        plain = []
    return " ".join(shown)


def _marked(longer: Sequence[str], shorter: Sequence[str]) -> str:
    return " ".join([f"[-{' '.join(longer)}-]"] * bool(longer) + [f"{{+{' '.join(shorter)}+}}"] * bool(shorter))


def align(shorter: tuple[tuple[Word, ...], ...], longer: tuple[tuple[Word, ...], ...], *, min_words: int,
          run_words: int, context: int = 6) -> Alignment | None:
    """Each piece of `shorter` (of at least `min_words` words) aligned in order in `longer`; None when
    no piece is long enough to compare."""
    words = [word for piece in longer for word in piece]
    keys = [word.key for word in words]
    joints = {sum(len(p) for p in longer[:i]) for i in range(1, len(longer))}  # where the longer quote elides
    verbatim = compared = elided = 0
    edits: list[Edit] = []
    shown: list[str] = []
    position = 0
    for piece in (p for p in shorter if len(p) >= min_words):
        compared += len(piece)
        parts: list[tuple[bool, str]] = []
        for tag, i1, i2, j1, j2 in _window([w.key for w in piece], keys, position):
            position = max(position, j2)
            if tag == "equal":
                verbatim += i2 - i1 if i2 - i1 >= min(run_words, len(piece)) else 0
                for mine, theirs in zip(piece[i1:i2], words[j1:j2]):
                    ours, their = mine.text.casefold(), theirs.text.casefold()
                    if ours != their:  # one word, two spellings (defence, defense) or forms (two, 2)
                        edits.append(Edit((their,), (ours,), "spelling"))
                    parts.append((ours != their, _marked([their], [ours]) if ours != their else ours))
            elif tag == "delete" and j1 in joints:  # words the longer quote leaves out at its ellipsis
                elided += i2 - i1
                parts.append((False, " ".join(w.text.casefold() for w in piece[i1:i2])))
            else:
                edits.append(replace(_edit(words[j1:j2], piece[i1:i2]), edge=i1 == 0 or i2 == len(piece)))
                parts.append((True, _marked(edits[-1].longer, edits[-1].shorter)))
        shown.append(_diff_text(parts, context))
    if not compared:
        return None
    return Alignment(verbatim, compared, elided, tuple(edits), f" {ELLIPSIS} ".join(shown))


AGREEING = frozenset({"identical", "fragment", "ellipsis", "case_or_punctuation"})


@dataclass(frozen=True)
class Wording:
    """How the shorter quote's words stand to the longer quote's, and the measures behind the name."""

    difference: str  # identical | fragment | ellipsis | case_or_punctuation | misquote | worded_differently | unrelated
    near_verbatim: bool  # one passage: the same words, or a few of them changed
    verbatim: float  # share of the compared words in shared runs of `run_words` or more
    overlap: float  # Dice share of content-word lemmas in common, both quotes whole
    missing: tuple[str, ...]  # numbers and names of one quote that the other lacks
    alignment: Alignment
    pieces: int  # pieces of the shorter quote compared
    skipped: int  # pieces under `min_words`, not compared
    shorter_words: int
    longer_words: int


def _content(pieces: tuple[tuple[Word, ...], ...]) -> set[str]:
    return {lemma(w.key) for piece in pieces for w in piece if w.kind != "stop"}


def _missing(first: tuple[tuple[Word, ...], ...], second: tuple[tuple[Word, ...], ...]) -> list[str]:
    """Numbers and names of `first` nowhere in `second` (names by lemma: `Korea's` is `Korea`)."""
    keys = {w.key for piece in second for w in piece}
    lemmas = {lemma(key) for key in keys}
    found = []
    for word in (w for piece in first for w in piece):
        if (word.kind == "number" and word.key not in keys) or (word.name and lemma(word.key) not in lemmas):
            found.append(word.text)
    return list(dict.fromkeys(found))


def _hard_swap(edits: Sequence[Edit]) -> bool:
    """A number, negation or name changed, added or dropped on its own ("[-bottom-] {+top+}" is content;
    "[-11-] {+17+}", "[-not-]", "[-Reiner-] {+Brandt+}" are hard), not inside a rewritten stretch
    ("[-ministry will examine-] {+study+}": the name goes with the rewording), unless the shorter quote
    brings a name of its own into the stretch ("[-this evening calvorians-] {+tonight ardena+}")."""
    return any(e.kind in HARD_EDITS and (max(len(e.longer), len(e.shorter)) <= 2 or e.brings_name) for e in edits)


def _rewritten(edits: Sequence[Edit], short: tuple[tuple[Word, ...], ...], changes_at_most: float) -> bool:
    """Whether the passage was rewritten rather than misquoted: no content word dropped or added
    inside it (a word left out, "[-and security-]", is the misquote it looks like), a stretch of three
    words or more replaced by other words, and replaced words over more than `changes_at_most` of the
    shorter quote's content words ("[-our nation grieves together with-] {+mourning alongside+}")."""
    if any(e.kind != "stop" and not (e.longer and e.shorter) and not e.edge for e in edits):
        return False
    replaced = [e for e in edits if e.kind not in ("stop", "spelling") and e.longer and e.shorter]
    if not any(len(e.longer) >= 3 or len(e.shorter) >= 3 for e in replaced):
        return False  # one word for another, here and there: each is a misquote
    content = sum(1 for piece in short for w in piece if w.kind != "stop")
    changed = sum(max(len(e.longer), len(e.shorter)) for e in replaced)
    return changed > changes_at_most * max(1, content)


def _reworded_here_and_there(edits: Sequence[Edit], short: tuple[tuple[Word, ...], ...],
                             long: tuple[tuple[Word, ...], ...]) -> bool:
    """One passage told in other words at two places or more, each a word or phrase put for another, as two
    translations of one statement are ("[-carry-] {+bear+} the deficit [-by themselves-] {+on their own+}",
    "[-Lusvania-] {+our country+} was not consulted [-before the-] {+in advance+}"): a rewording, not a
    misquote. A misquote changes one thing; so a number or a negation changed, a name put for another name,
    or a word added or dropped (unless it only moved: "migrating wild birds", "wild birds migrating") keeps
    the passage a misquote, except beside a stretch of three words or more put for others and fewer words
    added than put for others: "[-the figures in this report-] {+these numbers+} are unacceptable and I
    [-will-] {+do+} not {+intend to+} hide behind them" is a paraphrase, not one thing changed."""
    words = ({w.key for piece in long for w in piece}, {w.key for piece in short for w in piece})
    put_for = added = 0
    stretch = False  # a stretch of three words or more put for others: a rewritten phrase
    for edit in edits:
        if edit.kind in ("stop", "spelling"):
            continue
        if edit.kind in ("number", "negation") or edit.brings_name and edit.longer:
            return False
        if not (edit.longer and edit.shorter):
            moved = all(word_key(w) in words[1 if edit.longer else 0] for w in (edit.longer or edit.shorter))
            if not (moved or edit.edge):
                added += 1
            put_for += moved  # a word moved is a rewording too
            continue
        put_for += 1
        stretch = stretch or max(len(edit.longer), len(edit.shorter)) >= 3
    return put_for >= 2 and (added == 0 or stretch and added < put_for)


@lru_cache(maxsize=8192)
def compare_wording(shorter: str, longer: str, *, min_words: int, run_words: int, near_verbatim_at: float,
                    reworded_at: float, translated: bool, changes_at_most: float = 1.0) -> Wording | None:
    """Name how `shorter` differs from `longer` (see the module docstring); None when no piece of
    `shorter` has `min_words` words. Cached: a quote that four sources give is four claims and six
    pairs, but one pair of texts; the result is immutable and depends on the texts and measures alone."""
    short, long = quote_words(shorter), quote_words(longer)
    alignment = align(short, long, min_words=min_words, run_words=run_words)
    if alignment is None:
        return None
    kept = sum(1 for piece in short if len(piece) >= min_words)
    counts = (sum(map(len, short)), sum(map(len, long)))
    content = _content(short), _content(long)
    overlap = 2 * len(content[0] & content[1]) / (len(content[0]) + len(content[1])) if any(content) else 1.0
    missing = tuple(f"{word} (shorter quote only)" for word in _missing(short, long)) + tuple(
        f"{word} (longer quote only)" for word in _missing(long, short))
    verbatim = alignment.verbatim_words / alignment.compared_words
    near = verbatim >= near_verbatim_at
    kinds = {edit.kind for edit in alignment.edits}
    same_words = [w.text.casefold() for p in short for w in p] == [w.text.casefold() for p in long for w in p]
    if same_words and len(short) == len(long):
        plain = [" ".join(plain_text(text).split()).strip(" \"'.,;:!?-") for text in (shorter, longer)]
        difference = "identical" if plain[0] == plain[1] else "case_or_punctuation"
    elif not alignment.edits:
        difference = "ellipsis" if kept > 1 or alignment.elided else "fragment"
    elif near and _reworded_here_and_there(alignment.edits, short, long):
        difference = "worded_differently"
    elif near and (_hard_swap(alignment.edits) or ("content" in kinds and not translated
                                                   and not _rewritten(alignment.edits, short, changes_at_most))):
        difference = "misquote"
    elif near or (overlap >= reworded_at and not missing):
        difference = "worded_differently"
    else:
        difference = "unrelated"
    return Wording(difference, near or difference in AGREEING, verbatim, overlap, missing, alignment, kept,
                   len(short) - kept, *counts)

"""One key for a verb however it is written, shared by the open-predicate reader and the lexicon.

`verb_key` reads a past tense ("approved" -> "approve", "won" -> "win"); `base_key` gives the key of a
base form the lexicon lists ("rebuff" -> the key of "rebuffed"), so a verb in the text and its lexicon
entry meet. Kept apart from `verbs.py` so the cue lexicon can key its synonyms once, when compiled.
"""

from __future__ import annotations

IRREGULAR = {
    "began": "begin", "broke": "break", "brought": "bring", "came": "come", "chose": "choose", "fell": "fall",
    "fought": "fight", "froze": "freeze", "gave": "give", "held": "hold", "led": "lead",
    "left": "leave", "lost": "lose", "made": "make", "met": "meet", "paid": "pay", "ran": "run", "rose": "rise",
    "sank": "sink", "sent": "send", "shot": "shoot", "sold": "sell", "bought": "buy", "spent": "spend",
    "struck": "strike", "swore": "swear", "took": "take", "threw": "throw", "went": "go",
    "won": "win", "wrote": "write", "drew": "draw", "flew": "fly", "grew": "grow", "hung": "hang",
    "laid": "lay", "died": "die", "overtook": "overtake", "withdrew": "withdraw", "undertook": "undertake", "upheld": "uphold",
    "overturned": "overturn", "sought": "seek", "taught": "teach", "caught": "catch", "fled": "flee",
    "kept": "keep", "lent": "lend", "built": "build", "stole": "steal", "swept": "sweep",
    # past tenses of five letters whose stem the rules below would cut wrong ("freed" -> "fre"), and "sued"
    "freed": "free", "fined": "fine", "hired": "hire", "fired": "fire", "sued": "sue", "timed": "time",
    # past participles ("has taken", "the sample was taken on March 19"): the same key as the past tense
    "taken": "take", "given": "give", "stolen": "steal", "broken": "break", "chosen": "choose", "driven": "drive",
    "written": "write", "drawn": "draw", "shown": "show", "seen": "see", "beaten": "beat", "thrown": "throw",
    "withdrawn": "withdraw", "frozen": "freeze", "overtaken": "overtake", "undertaken": "undertake",
    "forbidden": "forbid", "hidden": "hide", "sworn": "swear", "flown": "fly", "grown": "grow",
}


# Verbs whose final l doubles before -ed in British spelling, beyond the -el ones of more than four letters
# `verb_key` knows ("cancelled", "labelled"): "fuelled", "signalled", "totalled", "patrolled", "controlled".
_DOUBLED_L = frozenset(("fuell", "signall", "totall", "patroll", "controll", "enroll", "annull", "initiall"))


def verb_key(verb: str) -> str:
    """One key for a past-tense verb, the same for every clause that uses it: "approved" -> "approve",
    "stopped" -> "stop", "carried" -> "carry", "won" -> "win". Not a full lemmatiser: it only has to give
    one verb one key (an unusual verb may keep an odd form, "freed" -> "fre", consistently)."""
    if verb in IRREGULAR:
        return IRREGULAR[verb]
    stem = verb[:-2] if verb.endswith("ed") else verb
    if stem.endswith("i"):
        return stem[:-1] + "y"
    if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
        return stem[:-1]
    if len(stem) > 5 and stem.endswith("ell") or stem in _DOUBLED_L:
        return stem[:-1]  # British spelling: "cancelled", "travelled", "fuelled" -> cancel, travel, fuel
    if verb.endswith("ed") and stem[-1:] in ("v", "c", "z", "u") or stem.endswith(("as", "is", "os", "us", "at", "ag")):
        return stem + "e"
    if verb.endswith("ed") and len(stem) > 3 and stem[-1] == "l" and stem[-2] not in "aeioulr":
        return stem + "e"  # "tabled", "settled", "handled": table, settle, handle
    return stem


def base_key(base: str) -> str:
    """The key `verb_key` gives the past tense of a base form: an irregular verb's base is its key ("strike",
    as "struck" reads), another's the key of its regular past tense."""
    if base in _IRREGULAR_BASES:
        return base
    return verb_key(_past(base))


_IRREGULAR_BASES = frozenset(IRREGULAR.values())


def _past(base: str) -> str:
    """A regular past tense, enough for `verb_key` to read back: "ban" -> "banned" is read as "ban"."""
    if base.endswith("e"):
        return base + "d"
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return base[:-1] + "ied"
    return base + "ed"

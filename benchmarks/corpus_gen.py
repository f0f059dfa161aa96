"""A generator of realistic claims projects for the scale benchmark (`benchmarks/scale.py`) and tests.

It writes what a user's project holds, in the real schema: `claims/entities.yaml`, a vocabulary, one claims file
per source and its source text (each claim's evidence a sentence of that text, at its offsets, the
text's sha256 in the file). Each source makes `per_source` reviewed claims (dates, amounts,
statements, quotes in turn); a share `shared` of them restate facts that other sources also report
(the same subject, property and value), the rest are the source's own. `conflicts` shared facts are
planted with a second, conflicting value in one source: a date months apart, an amount twice as
large, a statement about another object is *not* a conflict (a different fact), so conflicts are
planted on dates and amounts only. The same seed gives the same files, byte for byte.

`python benchmarks/corpus_gen.py DIR --sources 100 --per-source 100` writes one to DIR.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

SUBJECTS = 5000  # entities a fact can be about; each shared fact has its own (subject, property)
SPEAKERS = 300
WORDS = [f"word{i}" for i in range(4000)]  # news quotes draw on a large vocabulary
SMALL_WORDS = ["the", "of", "and", "to", "a", "in", "that", "is", "for", "on"]


@dataclass
class Planted:
    """What a generated project holds: its folders and the facts planted with a conflict."""

    claims_dir: Path
    claims: int = 0
    conflicts: set[str] = field(default_factory=set)  # the events planted with a conflicting value


def _fact(number: int, rng: random.Random) -> dict:
    """Shared fact `number`: the same kind, subject, property and value in every source that reports it."""
    kind = ("date", "quantity", "statement", "quote")[number % 4]
    subject = f"e{number % SUBJECTS}"
    if kind == "date":
        return {"kind": "date", "subject": subject, "property": "expires_on", "event": f"ev{number}",
                "value": {"date": f"20{10 + number % 15}-{1 + number % 12:02d}-{1 + number % 27:02d}"},
                "sentence": f"The pact of E{number % SUBJECTS} expires on day {number}."}
    if kind == "quantity":
        return {"kind": "quantity", "subject": subject, "property": "amount", "event": f"ev{number}",
                "value": {"amount": 1000 + number, "unit": "USD"},
                "sentence": f"E{number % SUBJECTS} paid {1000 + number} dollars for item {number}."}
    if kind == "statement":  # one subject's statements are about several objects
        target = (number * 7 + 1 + number // SUBJECTS) % SUBJECTS
        return {"kind": "statement", "subject": subject, "property": "withdraws_from",
                "value": {"object": f"e{target}", "summary": f"It withdraws, fact {number}."},
                "sentence": f"E{number % SUBJECTS} withdraws from E{target}, fact {number}."}
    words = random.Random(number).choices(WORDS, k=10)
    words.insert(3, rng.choice(SMALL_WORDS))
    text = " ".join(words)
    return {"kind": "quote", "subject": f"e{number % SPEAKERS}", "property": "said",
            "value": {"text": text, "speaker": f"e{number % SPEAKERS}"},
            "sentence": f"\u201c{text}\u201d, E{number % SPEAKERS} said."}


def _conflicting(fact: dict) -> dict:
    """The fact with a value no tolerance accepts: a date four months later, twice the amount."""
    value = dict(fact["value"])
    if fact["kind"] == "date":
        year, month, day = (int(p) for p in value["date"].split("-"))
        value["date"] = f"{year + (month > 8)}-{(month + 3) % 12 + 1:02d}-{day:02d}"
    else:
        value["amount"] = value["amount"] * 2
    return {**fact, "value": value, "sentence": fact["sentence"].replace("day", "day, again,")
            .replace("paid", "paid twice")}


def _scalar(value: object) -> str:
    """A YAML scalar: text double-quoted (JSON's quoting is YAML's), numbers and dates plain."""
    if isinstance(value, str) and not (len(value) == 10 and value[4] == "-" and value[7] == "-"):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _claim_yaml(claim_id: str, fact: dict, start: int, end: int) -> str:
    value = "".join(f"      {k}: {_scalar(v)}\n" for k, v in fact["value"].items())
    event = f"    event: {fact['event']}\n" if "event" in fact else ""
    return (f"  - id: {claim_id}\n    kind: {fact['kind']}\n    subject: {fact['subject']}\n{event}"
            f"    property: {fact['property']}\n    value:\n{value}    status: reviewed\n"
            f"    evidence:\n      text: {_scalar(fact['sentence'])}\n      start: {start}\n      end: {end}\n")


def generate(root: Path, sources: int, per_source: int, *, shared: float = 0.3, conflicts: int = 10,
             seed: int = 11) -> Planted:
    """Write a project under `root` (claims/, texts/); return what was planted."""
    rng = random.Random(seed)
    claims_dir, texts_dir = root / "claims", root / "texts"
    claims_dir.mkdir(parents=True, exist_ok=True)
    texts_dir.mkdir(parents=True, exist_ok=True)
    planted = Planted(claims_dir)
    total = sources * per_source
    per_fact = 4  # each shared fact is reported by about this many sources
    pool = max(1, int(total * shared) // per_fact)
    facts = [_fact(n, rng) for n in range(pool)]
    conflict_facts = {n for n in range(pool) if facts[n]["kind"] in ("date", "quantity")}
    conflict_facts = set(rng.sample(sorted(conflict_facts), min(conflicts, len(conflict_facts))))
    own = pool
    conflicted: set[int] = set()
    told_as_is: set[int] = set()  # shared facts some source tells with the first value
    for number in range(sources):
        source_id = f"s{number:06d}"
        chosen: list[dict] = []
        shared_here = set()
        for _ in range(per_source):
            if rng.random() < shared:
                n = rng.randrange(pool)
                if n in shared_here:
                    continue
                shared_here.add(n)
                fact = facts[n]
                if n in conflict_facts and n not in conflicted and rng.random() < 0.5:
                    conflicted.add(n)
                    fact = _conflicting(fact)
                else:
                    told_as_is.add(n)
            else:
                fact = _fact(own, rng)
                own += 1
            chosen.append(fact)
        text, body = "", []
        for index, fact in enumerate(chosen):
            start = len(text)
            text += fact["sentence"]
            body.append(_claim_yaml(f"c{index}", fact, start, len(text)))
            text += " " if index % 5 else "\n\n"
        raw = text.encode("utf-8")
        (texts_dir / f"{source_id}.txt").write_bytes(raw)
        header = (f"source:\n  id: {source_id}\n  publisher: Publisher {number % 50}\n  title: \"Report {number}\"\n"
                  f"  published: 2019-08-22\n  text: ../texts/{source_id}.txt\n"
                  f"  sha256: {hashlib.sha256(raw).hexdigest()}\n\nclaims:\n")
        (claims_dir / f"{source_id}.yaml").write_text(header + "\n".join(body), encoding="utf-8")
        planted.claims += len(chosen)
    # A conflict is planted only where another source tells the fact with its first value.
    planted.conflicts = {facts[n]["event"] for n in conflicted & told_as_is}
    _write_entities(claims_dir / "entities.yaml")
    (claims_dir / "vocabulary.yaml").write_text(
        "properties:\n  - id: withdraws_from\n    description: The subject leaves the object.\n"
        "    kinds: [statement]\n", encoding="utf-8")
    return planted


def _write_entities(path: Path) -> None:
    lines = ["entities:\n"]
    lines += [f"  - id: e{n}\n    kind: organisation\n    name: E{n}\n" for n in range(SUBJECTS)]
    path.write_text("".join(lines), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--sources", type=int, default=100)
    parser.add_argument("--per-source", type=int, default=100)
    parser.add_argument("--shared", type=float, default=0.3)
    parser.add_argument("--conflicts", type=int, default=10)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    planted = generate(args.root, args.sources, args.per_source, shared=args.shared, conflicts=args.conflicts,
                       seed=args.seed)
    print(f"{planted.claims} claims in {args.sources} sources, {len(planted.conflicts)} planted conflicts")


if __name__ == "__main__":
    main()

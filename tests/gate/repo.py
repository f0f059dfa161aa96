"""A claims repository to gate: a temporary git repo with the project's claims, rules and seed texts,
and a way to add a source whose claims are written from their evidence (offsets and sha256 computed).

Tests never touch the real repository's git state: everything happens in a copy under tmp_path.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.load.write import dump_yaml

ROOT = Path(__file__).resolve().parents[2]
IDENTITY = ["-c", "user.name=factcheck tests", "-c", "user.email=tests@example.invalid", "-c", "commit.gpgsign=false"]

# A wire story that contradicts both seeds: the expiry date, and the Pentagon's words given to Taro Kono.
WIRE_TEXT = ("Tokyo, Sept. 2, 2019. The intelligence pact will expire on Dec. 31, 2019. "
             "Foreign Minister Taro Kono expressed \u201cstrong concern and disappointment\u201d at the decision.\n")
EXPIRY_EVIDENCE = "The intelligence pact will expire on Dec. 31, 2019."
QUOTE_EVIDENCE = "Foreign Minister Taro Kono expressed \u201cstrong concern and disappointment\u201d"


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", *IDENTITY, *args], cwd=repo, capture_output=True, text=True, check=True)
    return done.stdout


def make_repo(target: Path) -> Path:
    """claims/, rules/ and seeds/ of the project, committed on branch `main`."""
    target.mkdir(parents=True, exist_ok=True)
    for folder in ("claims", "rules", "seeds"):
        shutil.copytree(ROOT / folder, target / folder)
    git(target, "init", "-q", "-b", "main")
    commit_all(target, "the seeds")
    return target


def commit_all(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


@dataclass(frozen=True)
class ClaimSpec:
    id: str
    kind: str
    subject: str
    property: str
    value: dict[str, Any]
    evidence: str  # verbatim words of the source text
    status: str = "reviewed"  # or "auto": drafted by extraction, nobody has looked
    confidence: float | None = None  # extraction confidence, for an auto claim
    event: str | None = None  # which happening, when subject and property do not say


def date_claim(claim_id: str, date: str, evidence: str, *, subject: str = "gsomia", property_id: str = "expires_on",
               status: str = "reviewed", confidence: float | None = None) -> ClaimSpec:
    return ClaimSpec(claim_id, "date", subject, property_id, {"date": date}, evidence, status, confidence)


def quote_claim(claim_id: str, text: str, speaker: str, evidence: str, *, subject: str = "gsomia") -> ClaimSpec:
    return ClaimSpec(claim_id, "quote", subject, "said", {"text": text, "speaker": speaker}, evidence)


def write_source(repo: Path, source_id: str, text: str, claims: list[ClaimSpec], *,
                 published: str = "2019-09-02") -> Path:
    """seeds/SOURCE.txt and claims/SOURCE.yaml with evidence offsets and the text's sha256."""
    text_path = repo / "seeds" / f"{source_id}.txt"
    text_path.write_text(text, encoding="utf-8")
    entries = []
    for spec in claims:
        start = text.index(spec.evidence)
        entry = {"id": spec.id, "kind": spec.kind, "subject": spec.subject, "property": spec.property,
                 "value": spec.value, "status": spec.status,
                 "evidence": {"text": spec.evidence, "start": start, "end": start + len(spec.evidence)}}
        if spec.confidence is not None:
            entry["confidence"] = spec.confidence
        if spec.event is not None:
            entry["event"] = spec.event
        entries.append(entry)
    data = {"source": {"id": source_id, "publisher": "Example Wire", "title": f"Story {source_id}",
                       "published": published, "text": f"../seeds/{source_id}.txt",
                       "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()},
            "claims": entries}
    path = repo / "claims" / f"{source_id}.yaml"
    path.write_text(dump_yaml(data), encoding="utf-8")
    return path


def write_wire(repo: Path, *, expiry: str = "2019-12-31", speaker: str | None = "taro-kono",
               source_id: str = "wire-2019-09-02", expiry_status: str = "reviewed",
               expiry_confidence: float | None = None) -> Path:
    """The conflicting wire story: its expiry date (reviewed, unless `expiry_status` is "auto"), and
    (unless speaker is None) the quote, reviewed."""
    claims = [date_claim("gsomia-expiry", expiry, EXPIRY_EVIDENCE, status=expiry_status,
                         confidence=expiry_confidence)]
    if speaker is not None:
        claims.append(quote_claim("concern-quote", "strong concern and disappointment", speaker, QUOTE_EVIDENCE))
    return write_source(repo, source_id, WIRE_TEXT, claims)


def line_of(path: Path, claim_id: str) -> int:
    """The line of `- id: CLAIM` in a claims file: where the gate must point."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip() == f"- id: {claim_id}":
            return number
    raise AssertionError(f"no claim {claim_id} in {path}")


FLOOD_TEXT = "The intelligence pact will expire on Dec. 31, 2019, the wire said again and again.\n"
FLOOD_EVIDENCE = "The intelligence pact will expire on Dec. 31, 2019"


def write_flood(repo: Path, count: int, dates: list[str], *, source_id: str = "flood-wire") -> Path:
    """A generated source with `count` claims of one subject and property (gsomia expires_on), their
    dates taken in turn from `dates`, all on one sentence: one block of `count` claims from one source."""
    claims = [date_claim(f"expiry-{n}", dates[n % len(dates)], FLOOD_EVIDENCE) for n in range(count)]
    return write_source(repo, source_id, FLOOD_TEXT, claims)


def generated_pull_request(repo: Path, sources: int, *, seed: int = 5) -> Path:
    """A generated corpus (`benchmarks/corpus_gen.py`, 50 claims a source) committed on main, and a branch
    `pr` adding a copy of one source with one shared date moved by months (the planted conflict)."""
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from corpus_gen import generate
    from gate_scale import add_new_source

    generate(repo, sources, 50, conflicts=3, seed=seed)
    git(repo, "init", "-q", "-b", "main")
    commit_all(repo, "corpus")
    git(repo, "checkout", "-q", "-b", "pr")
    add_new_source(repo)
    commit_all(repo, "a new source")
    return repo

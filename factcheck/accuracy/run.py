"""Run one event from raw text to a report, as a new user would, with no hand edits.

Each article (with its `.meta.yaml` sidecar) is drafted with `factcheck extract` into a fresh
project folder that holds the event's entity file; every entity extraction proposes is accepted as
is; then the claims are loaded and compared with the rules, exactly as `factcheck report` does.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from factcheck.accuracy.corpus import EvalEvent
from factcheck.engine import Report, run_rules
from factcheck.extract.ingest import ingest
from factcheck.extract.source import sidecar_path
from factcheck.load import ProblemsError, load_corpus
from factcheck.load.corpus import load_entities
from factcheck.load.document import read_yaml
from factcheck.load.write import dump_yaml, write_atomic
from factcheck.model import Entity
from factcheck.model.entity_index import EntityIndex, alias_key
from factcheck.rules import LoadedRule


@dataclass(frozen=True)
class EventRun:
    report: Report
    texts: dict[str, str]  # source id -> article text, to place the answer key's snippets
    claims: int
    proposed: int
    entities: EntityIndex
    once: frozenset[str]  # properties the vocabulary says happen once to a thing


def run_event(event: EvalEvent, rules: list[LoadedRule], workdir: Path | None = None) -> EventRun:
    """Extract every article of `event` into `workdir` (a temporary folder unless given) and report."""
    if workdir is None:
        with tempfile.TemporaryDirectory(prefix="factcheck-eval-") as tmp:
            return run_event(event, rules, Path(tmp))
    articles, claims_dir = workdir / "articles", workdir / "claims"
    articles.mkdir(parents=True, exist_ok=True)
    claims_dir.mkdir(parents=True, exist_ok=True)
    entities_path = claims_dir / "entities.yaml"
    known = _entity_items(event.entities)
    write_atomic(entities_path, dump_yaml({"entities": known}))
    proposals: dict[str, Entity] = {}
    texts: dict[str, str] = {}
    for article in event.articles:
        copied = articles / article.name
        shutil.copyfile(article, copied)
        if sidecar_path(article).is_file():
            shutil.copyfile(sidecar_path(article), sidecar_path(copied))
        result = ingest(copied, {}, output=claims_dir / f"{article.stem}.yaml", entities_path=entities_path)
        texts[result.claims_file.source.id] = copied.read_text(encoding="utf-8")
        for entity in result.proposals:
            proposals.setdefault(entity.id, entity)
    write_atomic(entities_path, dump_yaml({"entities": known + _accepted(known, proposals.values())}))
    corpus = load_corpus([claims_dir])
    report = run_rules(corpus, rules)
    return EventRun(report, texts, len(corpus.claims()), len(proposals), corpus.entities,
                    frozenset(p for p, d in corpus.vocabulary.items() if d.once))


def _entity_items(path: Path | None) -> list[dict]:
    """The entries of the event's entity file, checked as `factcheck validate` checks them."""
    if path is None:
        return []
    load_entities(path, problems := [])
    if problems:
        raise ProblemsError(problems)
    document = read_yaml(path)
    return list((document.data or {}).get("entities") or [])


def _accepted(known: list[dict], proposals: Iterable[Entity]) -> list[dict]:
    """Every proposal whose id and names no entity has already: accepted as a new user would."""
    taken = {alias_key(str(name)) for entry in known for name in [entry.get("id", ""), entry.get("name", ""),
                                                                  *(entry.get("aliases") or [])]}
    accepted = []
    for proposal in proposals:
        names = {alias_key(name) for name in (proposal.id, proposal.name, *proposal.aliases)}
        if names & taken:
            continue
        taken |= names
        accepted.append(proposal.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
                        | {"kind": proposal.kind.value})
    return accepted

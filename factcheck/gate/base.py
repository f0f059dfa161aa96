"""What the base revision knew, so a pull request cannot change it unseen: its baseline, and its sources.

- **The baseline is the base's.** With `--base`, a finding is accepted only by an entry the base
  revision's baseline holds. An entry the change adds, or changes (another reason, owner or expiry), is
  *accepted in this change: needs review*: it accepts nothing and fails the gate, unless the run says
  `allow_baseline_changes` (a maintainer reviewed it), when the working tree's baseline is used.
- **Deleted and renamed sources are listed.** A claims file the change deletes, or renames so that its
  source id is gone, takes its source's claims away. Its claims as they were at the base are compared
  once more with the corpus (without the sources the change adds): each finding they were in that
  would fail, or that a base baseline entry accepted, has lost its evidence, and the gate fails naming
  it (unless `allow_deleted_sources`).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from factcheck.engine import run_rules
from factcheck.gate.baseline import BaselineEntry, BaselineFile, load_baseline
from factcheck.gate.changes import FileChange, file_at, located, name_status
from factcheck.gate.errors import GateError
from factcheck.engine.identity import fingerprint
from factcheck.load import ProblemsError
from factcheck.load.corpus import RESERVED, Corpus, SourceDocument, read_claims_file
from factcheck.rules import LoadedRule


@dataclass(frozen=True)
class BaselineChange:
    """A baseline entry the change adds or edits: it needs a maintainer's review."""

    how: str  # "added" or "changed"
    entry: BaselineEntry  # as the change has it


@dataclass(frozen=True)
class SourceChange:
    """A claims file the change deletes or renames."""

    how: str  # "deleted" or "renamed"
    old: str  # the path at the base, relative to the repository root
    new: str | None  # where a renamed file is now
    source_id: str | None  # the source it held at the base (None when it could not be read)
    gone: bool  # no claims file holds that source any more


@dataclass(frozen=True)
class LostFinding:
    """A finding known at the base that rested on a deleted source."""

    finding_id: str
    rule_id: str
    fact: str  # `gsomia expires_on`
    verdict: str
    source_id: str  # the deleted source
    accepted: bool  # in the base's baseline, rather than a finding that fails

    @property
    def message(self) -> str:
        known = "accepted in the baseline" if self.accepted else f"a {self.verdict} at the base"
        return (f"finding {self.finding_id} ({self.rule_id} {self.fact}, {known}) lost its evidence: "
                f"its source {self.source_id} is deleted")


def base_baseline(root: Path, revision: str, path: Path) -> BaselineFile:
    """The baseline file as it is at `revision` (empty when it is not there)."""
    try:
        name = located(path).relative_to(root.resolve()).as_posix()
    except ValueError:
        return BaselineFile()  # outside the repository: git has no version of it
    content = file_at(root, revision, name)
    if content is None:
        return BaselineFile()
    with tempfile.TemporaryDirectory(prefix="factcheck-base-baseline-") as folder:
        copy = Path(folder) / Path(name).name
        copy.write_bytes(content)
        try:
            return load_baseline(copy)
        except ProblemsError as error:
            problems = [replace(p, path=f"{revision}:{name}") for p in error.problems]
            raise GateError(f"the baseline at {revision} is invalid", problems, what="baseline problem") from None


def baseline_changes(base: BaselineFile, head: BaselineFile) -> tuple[BaselineChange, ...]:
    """The entries `head` adds to `base` or holds in another form (same fingerprint, other fields)."""
    before = {e.fingerprint: e for e in base.entries}
    changes = []
    for entry in head.entries:
        known = before.get(entry.fingerprint)
        if known is None:
            changes.append(BaselineChange("added", entry))
        elif known != entry:
            changes.append(BaselineChange("changed", entry))
    return tuple(changes)


def source_changes(root: Path, base: str | None, claims_dir: Path, known: set[str]
                   ) -> tuple[tuple[SourceChange, ...], dict[str, SourceDocument], set[Path]]:
    """The deleted and renamed claims files, the deleted sources' documents as at the base (by source
    id), and the claims files the change adds (located)."""
    changes: list[SourceChange] = []
    restored: dict[str, SourceDocument] = {}
    added: set[Path] = set()
    for change in name_status(root, base, claims_dir):
        if not _claims_name(change.old) and not _claims_name(change.new):
            continue
        if change.status == "A":
            added.add(located(root / change.new))
            continue
        if change.status not in "DR":
            continue
        document = _document_at(root, change)
        source_id = document.claims_file.source.id if document is not None else None
        gone = source_id is not None and source_id not in known
        changes.append(SourceChange("deleted" if change.status == "D" else "renamed", change.old,
                                    change.new if change.status == "R" else None, source_id, gone))
        if change.status == "R":
            added.add(located(root / change.new))
        if gone and document is not None:
            restored.setdefault(source_id, document)  # type: ignore[arg-type]
    return tuple(changes), restored, added


def lost_findings(corpus: Corpus, rules: list[LoadedRule], restored: dict[str, SourceDocument], added: set[Path],
                  failing_verdicts: tuple[str, ...], accepted: BaselineFile) -> tuple[LostFinding, ...]:
    """The findings the deleted sources held: their base claims compared again with the corpus as it is,
    without the files the change adds (a finding with a new source was not known at the base)."""
    if not restored:
        return ()
    documents = [d for d in corpus.documents if located(d.path) not in added] + list(restored.values())
    report = run_rules(Corpus(documents, corpus.entities, corpus.vocabulary), rules, focus_sources=set(restored))
    entries = {e.fingerprint for e in accepted.entries}
    lost: dict[tuple[str, str], LostFinding] = {}
    for finding in report.findings:
        if finding.verdict.value == "unverified":
            continue
        is_accepted = fingerprint(finding) in entries
        if not is_accepted and finding.verdict.value not in failing_verdicts:
            continue
        for source_id in sorted(set(finding.sources) & set(restored)):
            lost.setdefault((finding.id, source_id), LostFinding(
                finding.id, finding.rule_id, f"{finding.subject} {finding.property}", finding.verdict.value,
                source_id, is_accepted))
    for entry in accepted.entries:  # accepted findings the comparison above no longer makes
        for source in entry.sources:
            if source.source in restored and not any(k[1] == source.source and v.accepted and
                                                     v.finding_id == entry.finding for k, v in lost.items()):
                key = (entry.finding or entry.fingerprint[:12], source.source)
                lost.setdefault(key, LostFinding(key[0], entry.rule or "?", " ".join(
                    p for p in (entry.subject, entry.property) if p), entry.verdict or "?", source.source, True))
    return tuple(lost.values())


def findings_at(root: Path, revision: str, corpus: Corpus, rules: list[LoadedRule], changed: list[Path],
                focus: set[str] | None) -> set[str]:
    """The ids of the findings the changed sources already had at `revision` (HEAD before a commit, the
    base in CI): the corpus with each changed claims file as it was there (left out when it is new),
    compared as the gate compares. Touching a committed file does not make its old findings new."""
    from factcheck.gate.complete import complete_findings  # complete.py runs the engine, as this does

    wanted = set(changed)
    earlier_of = dict(zip([located(p) for p in changed], _versions_at(root, revision, changed)))
    documents: list[SourceDocument] = []
    replaced: set[str] = set()
    for document in corpus.documents:
        path = located(document.path)
        if path not in wanted:
            documents.append(document)
            continue
        before = earlier_of.get(path)
        if before is not None:
            documents.append(before)
            replaced.add(before.claims_file.source.id)
    if focus is not None and not replaced:
        return set()
    earlier = Corpus(documents, corpus.entities, corpus.vocabulary)
    scope = None if focus is None else replaced
    report = run_rules(earlier, rules, focus_sources=scope)
    if scope is not None:
        report = complete_findings(earlier, rules, report, scope)
    return {finding.id for finding in report.findings}


def documents_at(root: Path, revision: str, changed: list[Path]) -> list[SourceDocument]:
    """The claims files `changed` as they were at `revision` (those that were there and read)."""
    return [d for d in _versions_at(root, revision, changed) if d is not None]


def _versions_at(root: Path, revision: str, changed: list[Path]) -> list[SourceDocument | None]:
    top = root.resolve()
    versions: list[SourceDocument | None] = []
    for path in changed:
        try:
            name = located(path).relative_to(top).as_posix()
        except ValueError:
            versions.append(None)  # outside the repository: git has no earlier version of it
            continue
        versions.append(_document_at(root, FileChange("M", name, name, revision)))
    return versions


def _claims_name(name: str) -> bool:
    path = Path(name)
    return path.suffix in (".yaml", ".yml") and path.name not in RESERVED


def _document_at(root: Path, change: FileChange) -> SourceDocument | None:
    """The claims file `change.old` as it was (validated on its own; None when it cannot be read)."""
    content = file_at(root, change.revision, change.old)
    if content is None:
        return None
    with tempfile.TemporaryDirectory(prefix="factcheck-base-claims-") as folder:
        copy = Path(folder) / Path(change.old).name
        copy.write_bytes(content)
        try:
            claims_file = read_claims_file(copy)
        except ProblemsError:
            return None
    return SourceDocument(root / change.old, claims_file, None)

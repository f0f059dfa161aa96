"""`run_gate`: the one way in to the CI gate. Given what changed, it says whether the change may land.

It finds the changed claims files (given, or from git), loads the rules (from the base revision, so a
pull request cannot weaken the rules that judge it), loads the whole corpus (every file must be valid;
with the cache and git, unchanged files are vouched for unread and only the claims that can pair with
the changed ones are read: focused.py),
compares only the pairs that involve a changed source (`run_rules(focus_sources=...)`: the rest of the
corpus was judged when it landed), applies the baseline, and lists the findings that fail. A finding
that would fail but rests on unreviewed (`auto`) claims fails too by default; `unreviewed="warn"`
makes it a warning and `"ignore"` leaves it out (docs/ci.md says why failing is the default).

What a pull request cannot do unseen (base.py, bound.py): accept its own findings (with a base, the base's
baseline judges; an entry the change adds or edits fails until a maintainer allows it), take away the
evidence of a known finding by deleting a source (it fails, naming the finding), hide a claims file
behind a symlink (a link is a change, followed only within the repository), or stall the gate with one
huge block (compared by representatives, or refused, and said either way).

Errors: a GateError when the check cannot run (exit 2: git, rules, baseline, usage); a ProblemsError
from `load_corpus` when a claims file is invalid (exit 1: the data fails).
"""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from factcheck.engine import Finding, Report, run_rules
from factcheck.gate.base import (
    BaselineChange,
    LostFinding,
    SourceChange,
    base_baseline,
    baseline_changes,
    documents_at,
    findings_at,
    lost_findings,
    source_changes,
)
from factcheck.gate.baseline import (
    DEFAULT_BASELINE,
    BaselineEntry,
    BaselineFile,
    load_baseline,
    match_baseline,
)
from factcheck.gate.bound import BlockBound, bound_blocks
from factcheck.gate.changes import (
    Locator,
    changed_files,
    check_links,
    check_revision,
    export_folder,
    has_commits,
    located,
    repo_root,
    touched,
    uncommitted,
)
from factcheck.gate.complete import complete_findings, whole_corpus_summary
from factcheck.gate.focused import FocusedLoad, Unusable, focused_load
from factcheck.gate.errors import GateError
from factcheck.load import ProblemsError, claims_files_in, load_corpus
from factcheck.load.reviewed import reviewed_only
from factcheck.load.corpus import RESERVED, Corpus, SourceDocument
from factcheck.rules import LoadedRule, UnknownRuleError, check_properties, load_rules
from factcheck.rules.select import selected
from factcheck.rules.model import Rule

FAIL_ON: dict[str, tuple[str, ...]] = {
    "conflict": ("conflict",),
    "compatible": ("conflict", "compatible"),
    "unverified": ("conflict", "compatible", "unverified"),  # anything that does not agree
}


# What a finding that would fail does when it rests on unreviewed (`auto`) claims (docs/ci.md):
# fail it (the default: a person must look before the source lands), warn about it, or leave it out.
UNREVIEWED = ("fail", "warn", "ignore")


@dataclass(frozen=True)
class GateRequest:
    """What `factcheck gate` was asked; paths are relative to the working directory."""

    paths: tuple[Path, ...] = ()  # changed claims files; when empty, asked of git
    base: str | None = None  # compare with this revision: its changes, its rules
    baseline: Path = DEFAULT_BASELINE
    fail_on: str = "conflict"
    unreviewed: str = "fail"  # one of UNREVIEWED
    claims_dir: Path = Path("claims")
    rules_dir: Path = Path("rules")
    rules_from_head: bool = False
    entities: Path | None = None
    select: tuple[str, ...] = ()  # rule ids or names to run; empty: all
    today: dt.date | None = None
    allow_baseline_changes: bool = False  # a maintainer reviewed the change's baseline entries: use them
    allow_deleted_sources: bool = False  # a finding that loses its evidence is listed, and does not fail
    reviewed_only: bool = False  # unreviewed (auto) claims are left out before anything is compared
    cache: bool = True  # unchanged claims files come validated from the project's cache (.factcheck/cache/)


@dataclass(frozen=True)
class GateResult:
    """The focused report and what the gate made of it."""

    report: Report  # only findings that involve a changed source
    failing: tuple[Finding, ...]
    fail_on: str
    suppressed: dict[str, BaselineEntry] = field(default_factory=dict)  # finding id -> entry
    expired: tuple[BaselineEntry, ...] = ()
    stale: tuple[BaselineEntry, ...] = ()
    changed_files: tuple[str, ...] = ()  # as shown to users
    changed_sources: tuple[str, ...] = ()
    rules: tuple[Rule, ...] = ()
    rules_from: str = "the working tree"
    notes: tuple[str, ...] = ()
    unreviewed: str = "fail"  # the --unreviewed policy
    warned: tuple[Finding, ...] = ()  # would fail, but rest on unreviewed claims: warnings (--unreviewed warn)
    ignored: tuple[Finding, ...] = ()  # would fail, but rest on unreviewed claims: left out (--unreviewed ignore)
    below_level: tuple[Finding, ...] = ()  # would fail, but their rule's severity is below --fail-on's
    baseline_changes: tuple[BaselineChange, ...] = ()  # entries the change adds or edits
    allow_baseline_changes: bool = False
    source_changes: tuple[SourceChange, ...] = ()  # claims files deleted or renamed
    lost: tuple[LostFinding, ...] = ()  # known findings whose source the change deletes
    allow_deleted_sources: bool = False
    blocks: tuple[BlockBound, ...] = ()  # blocks over the size limit: compared by representatives, or refused

    @property
    def passed(self) -> bool:
        return not self.failing and not self.blockers

    @property
    def blockers(self) -> tuple[str, ...]:
        """Why the change fails besides its findings: baseline entries to review, lost evidence, refused blocks."""
        reasons = []
        if self.baseline_changes and not self.allow_baseline_changes:
            count = len(self.baseline_changes)
            reasons.append(f"{count} baseline entr{'ies' if count != 1 else 'y'} accepted in this change "
                           "need review (--allow-baseline-changes once reviewed)")
        if self.lost and not self.allow_deleted_sources:
            count = len(self.lost)
            reasons.append(f"{count} known finding{'s' if count != 1 else ''} lost {'their' if count != 1 else 'its'} "
                           "evidence to a deleted source (--allow-deleted-sources if the deletion is meant)")
        refused = sum(b.refused for b in self.blocks)
        if refused:
            reasons.append(f"{refused} block{'s' if refused != 1 else ''} too large to compare")
        return tuple(reasons)

    @property
    def failing_verdicts(self) -> tuple[str, ...]:
        return FAIL_ON[self.fail_on]


def run_gate(request: GateRequest) -> GateResult:
    """Gate the change `request` describes (see the module docstring for the steps and the errors)."""
    if request.fail_on not in FAIL_ON:
        raise GateError(f"unknown --fail-on {request.fail_on!r}; use one of {', '.join(FAIL_ON)}")
    if request.unreviewed not in UNREVIEWED:
        raise GateError(f"unknown --unreviewed {request.unreviewed!r}; use one of {', '.join(UNREVIEWED)}")
    notes: list[str] = []
    root, changed, dirty = _changes(request)
    baseline = _baseline(request.baseline)
    accepting, changes = baseline, ()
    if request.base is not None and root is not None:
        at_base = base_baseline(root, request.base, request.baseline)
        changes = baseline_changes(at_base, baseline)
        accepting = baseline if request.allow_baseline_changes else at_base
    rules, rules_from = _rules(request, root, notes)
    try:
        rules = selected(rules, request.select)
    except UnknownRuleError as error:
        raise GateError(str(error)) from None
    corpus_paths = _corpus_paths(request, changed)
    listed = claims_files_in(corpus_paths)
    link_problems = check_links(listed, root or Path.cwd())
    if link_problems:
        raise ProblemsError(link_problems)  # exit 1, as an invalid claims file
    staged = _staged(request, root, corpus_paths, listed, changed, rules, dirty)
    corpus = None
    if staged is None:
        corpus = load_corpus(corpus_paths, entities_path=request.entities, cache=request.cache)  # invalid: exit 1
    known = staged.source_ids if staged is not None else {d.claims_file.source.id for d in corpus.documents}
    moved: tuple[SourceChange, ...] = ()
    restored: dict[str, SourceDocument] = {}
    added: set[Path] = set()
    if root is not None:
        moved, restored, added = source_changes(root, request.base, request.claims_dir, known)
    if staged is not None:
        try:  # only the claims connected to the changed ones, deleted ones and earlier versions (focused.py)
            corpus = staged.corpus([*restored.values(), *_earlier(request, root, changed)])
        except Unusable:
            corpus = load_corpus(corpus_paths, entities_path=request.entities, cache=request.cache)
        finally:
            staged.cache.close()
    assert corpus is not None
    if request.reviewed_only:
        corpus = reviewed_only(corpus)
    rule_problems = check_properties(rules, corpus.vocabulary)
    if rule_problems:
        raise GateError("the rules name properties the vocabulary does not have", rule_problems, what="rule problem")
    focus = _focus(corpus, changed, notes)
    compared, blocks = bound_blocks(corpus, rules, focus)
    report = run_rules(compared, rules, focus_sources=focus)
    if focus is not None:
        report = complete_findings(compared, rules, report, focus)
        whole = staged.counts if staged is not None else (len(corpus.documents), len(corpus.claims()))
        report = whole_corpus_summary(report, compared, rules, focus, whole[0],
                                      whole[1] - (len(corpus.claims()) - len(compared.claims())))
    lost: tuple[LostFinding, ...] = ()
    if root is not None:
        lost = lost_findings(corpus, rules, restored, added, FAIL_ON[request.fail_on], accepting)
    match = match_baseline(report.findings, accepting, request.today or dt.date.today(),
                           judged_sources=focus, known_sources=known)
    verdicts = FAIL_ON[request.fail_on]
    failing_now = [f for f in report.findings if f.verdict.value in verdicts and f.id not in match.suppressed]
    new = _not_known_before(request, root, compared, rules, changed, focus, failing_now, notes)
    holds_back = request.unreviewed != "fail"  # warn or ignore: findings on unreviewed claims do not fail
    held = tuple(f for f in new if holds_back and f.rests_on_unreviewed)
    failing = tuple(f for f in new if not (holds_back and f.rests_on_unreviewed))
    shown = tuple(sorted({d.shown_path for d in corpus.documents if focus is None or d.claims_file.source.id in focus}))
    return GateResult(report=report, failing=failing, fail_on=request.fail_on, suppressed=match.suppressed,
                      expired=match.expired, stale=match.unmatched, changed_files=shown,
                      changed_sources=tuple(sorted(focus if focus is not None else known)),
                      rules=tuple(r.rule for r in rules), rules_from=rules_from, notes=tuple(notes),
                      unreviewed=request.unreviewed, warned=held if request.unreviewed == "warn" else (),
                      ignored=held if request.unreviewed == "ignore" else (), baseline_changes=changes,
                      allow_baseline_changes=request.allow_baseline_changes, source_changes=moved, lost=lost,
                      allow_deleted_sources=request.allow_deleted_sources, blocks=blocks)


def _not_known_before(request: GateRequest, root: Path | None, corpus: Corpus, rules: list[LoadedRule],
                      changed: list[Path], focus: set[str] | None, failing: list[Finding],
                      notes: list[str]) -> list[Finding]:
    """The failing findings that are new. When git says what changed and there is no base (a run before
    a commit: the pre-commit hook), new means not already there at HEAD, the committed tree, so touching
    a committed claims file does not report its old findings. Changed files named as PATHS, and a run
    with `--base` (CI), are judged as before: each of their failing findings fails."""
    if not failing or request.base is not None or request.paths or root is None or not has_commits(root):
        return failing
    revision = "HEAD"
    before = findings_at(root, revision, corpus, rules, changed, focus)
    old = [f for f in failing if f.id in before]
    if old:
        shown = ", ".join(f.id for f in old[:5]) + (", ..." if len(old) > 5 else "")
        notes.append(f"{len(old)} finding{'s' if len(old) != 1 else ''} the changed files already had at "
                     f"{revision} {'are' if len(old) != 1 else 'is'} not new: {shown}")
    return [f for f in failing if f.id not in before]


def _staged(request: GateRequest, root: Path | None, corpus_paths: list[Path], listed: list[Path],
            changed: list[Path], rules: list[LoadedRule], dirty: frozenset[str] | None) -> FocusedLoad | None:
    """The cache's focused load (focused.py) when it can serve this run: the cache on, git at hand with a
    HEAD, the entity file and vocabulary unchanged (else every source is compared), all claims counted."""
    if (not request.cache or root is None or request.reviewed_only or not has_commits(root)
            or any(p.name in RESERVED for p in changed)):
        return None
    return focused_load(root, corpus_paths, changed, request.entities, rules, listed, dirty)


def _earlier(request: GateRequest, root: Path | None, changed: list[Path]) -> list[SourceDocument]:
    """The changed files as committed, when the gate will ask whether their findings are new (a run with
    no base and no PATHS: the pre-commit hook): their claims must be in the focused corpus too."""
    if request.base is not None or request.paths or root is None:
        return []
    return documents_at(root, "HEAD", changed)


def _changes(request: GateRequest) -> tuple[Path | None, list[Path], frozenset[str] | None]:
    """The repository root (when git is used), the changed files, resolved, and the names git has
    uncommitted (None when git was not asked: the focused load asks then)."""
    if request.paths:
        missing = [str(p) for p in request.paths if not p.exists()]
        if missing:
            raise GateError(f"no such file or directory: {', '.join(missing)}")
        root = repo_root(Path.cwd()) if request.base is not None else None
        if root is not None and request.base is not None:
            check_revision(root, request.base)
        return root, [located(p) for p in claims_files_in(list(request.paths))], None
    root = repo_root(Path.cwd())
    dirty = uncommitted(root)  # asked once: the focused load's view of git needs it too
    return root, changed_files(root, request.base, request.claims_dir, dirty), dirty


def _baseline(path: Path) -> BaselineFile:
    try:
        return load_baseline(path)
    except ProblemsError as error:
        raise GateError(f"the baseline {path} is invalid", error.problems, what="baseline problem") from None


def _rules(request: GateRequest, root: Path | None, notes: list[str]) -> tuple[list[LoadedRule], str]:
    """The rules to judge by: the built-in rules with the project's rules folder of the base revision,
    or of the working tree when there is no base or --rules-from-head."""
    if request.base is None or request.rules_from_head or root is None:
        return _load_rules([request.rules_dir], None, ""), "the working tree"
    with tempfile.TemporaryDirectory(prefix="factcheck-base-rules-") as folder:
        exported = export_folder(root, request.base, request.rules_dir, Path(folder))
        if exported is None:
            # A change must not bring the rules that judge it: without a rules folder at the base, only
            # the built-in rules judge (a new rules/ could otherwise override FC101 with a lenient one).
            notes.append(f"{request.rules_dir} does not exist at {request.base}: only the built-in rules judge "
                         "this change (--rules-from-head to use the working tree's rules)")
            return _load_rules([], None, ""), f"the built-ins ({request.base} has no {request.rules_dir})"
        rules = _load_rules([exported], Path(folder), f"{request.base}:")
    if touched(root, request.base, request.rules_dir):
        notes.append(f"this change edits {request.rules_dir}; it is judged by the rules at {request.base} "
                     "(--rules-from-head to use the changed rules)")
    return rules, request.base


def _load_rules(paths: list[Path], exported_to: Path | None, shown_as: str) -> list[LoadedRule]:
    try:
        return load_rules(paths)
    except ProblemsError as error:
        problems = error.problems
        if exported_to is not None:  # show `BASE:rules/x.yaml`, not a temporary path
            prefix = str(exported_to) + "/"
            problems = [replace(p, path=shown_as + p.path.removeprefix(prefix)) for p in problems]
        raise GateError("the rules could not be loaded", problems, what="rule problem") from None


def _corpus_paths(request: GateRequest, changed: list[Path]) -> list[Path]:
    claims = located(request.claims_dir)
    paths = [request.claims_dir] if request.claims_dir.is_dir() else []
    paths += [p for p in changed if not p.is_relative_to(claims)]
    if not paths:
        raise GateError(f"no claims directory {request.claims_dir} and no claims files given (--claims DIR or PATHS)")
    return paths


def _focus(corpus: Corpus, changed: list[Path], notes: list[str]) -> set[str] | None:
    """The sources to compare: those of the changed files; every source (None) when the entity file or
    the vocabulary changed, since that can change any verdict."""
    project = sorted(p.name for p in changed if p.name in RESERVED)
    if project:
        notes.append(f"{', '.join(project)} changed: every source is compared, not only the changed ones")
        return None
    wanted, place = set(changed), Locator()
    focus = {d.claims_file.source.id for d in corpus.documents if place(d.path) in wanted}
    if not changed:
        notes.append("no claims file changed: nothing to compare")
    return focus


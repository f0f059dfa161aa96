"""Rule tests, as in Semgrep: each rule ships with small claim fixtures and the verdicts expected.

`FC101-date-consistency.test.yaml` next to `FC101-date-consistency.yaml` (shipped in
factcheck/data/rules/, or in a project's `rules/`):

    rule: FC101
    entities: [{id: gsomia, kind: agreement, name: GSOMIA}]
    cases:
      - name: 90 days after an August publication is compatible with Nov. 23
        sources:
          - id: a
            published: 2019-08-22
            claims: [{id: x, kind: date, subject: gsomia, property: expires_on, value: {date: 2019-11-23}}]
          - ...
        expect:
          - {verdict: compatible, claims: [a/x, b/y]}

Claims need no evidence in a test (a placeholder is filled in). A case passes when the rule's
findings are exactly the expected ones (verdict and claims). A rule with no test file, or no case
that expects a `conflict`, is reported as untested: a rule that cannot fail is not tested.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from factcheck.load.corpus import Corpus, SourceDocument, load_vocabulary
from factcheck.load.document import read_yaml
from factcheck.load.paths import PathRefused, list_folder
from factcheck.load.problems import Problem, ProblemsError
from factcheck.load.schema_errors import validate_document
from factcheck.model import Claim, ClaimsFile, Entity, PartialDate
from factcheck.model.claims import SourceId
from factcheck.model.entity_index import EntityIndex
from factcheck.rules.load import BUILTIN, TEST_SUFFIXES, builtin_rules_dir, load_rules, rule_files_in

PLACEHOLDER = "(rule test)"


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class TestSource(_Strict):
    id: SourceId  # kebab form, as in a claims file: `../x` is a located S001, not a traceback
    published: PartialDate
    claims: list[Claim]


class Expected(_Strict):
    verdict: str = Field(pattern="^(agree|compatible|conflict|unverified)$")
    claims: list[str] = Field(min_length=1, description="`source/claim` keys")


class Case(_Strict):
    name: str
    sources: list[TestSource] = Field(min_length=1)
    expect: list[Expected]


class RuleTestFile(_Strict):
    rule: str
    entities: list[Entity] = Field(default_factory=list)
    cases: list[Case] = Field(min_length=1)


@dataclass
class CaseResult:
    rule_id: str
    name: str
    passed: bool
    expected: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    actual: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)


@dataclass
class RuleTestReport:
    results: list[CaseResult]
    untested: list[str]  # messages about rules without a test file or without a conflict case

    @property
    def passed(self) -> bool:
        return not self.untested and all(r.passed for r in self.results)


def test_files_in(paths: list[Path]) -> list[Path]:
    """The rule-test files named by `paths`; a directory the path policy refuses is not listed
    (`load_rules`, which runs first, reports it)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            try:
                entries = list_folder(path)
            except (PathRefused, OSError):
                continue
            found.extend(p for p in entries if p.name.endswith(TEST_SUFFIXES))
        elif path.name.endswith(TEST_SUFFIXES):
            found.append(path)
    return found


def builtin_test_files() -> list[Path]:
    """The tests of the shipped rules (package data, next to them)."""
    return sorted(p for p in builtin_rules_dir().iterdir() if p.name.endswith(TEST_SUFFIXES))


def run_rule_tests(paths: list[Path], *, builtin: bool = True) -> RuleTestReport:
    """Run the tests of every rule in force: the project's tests under `paths`, and the shipped tests
    of each shipped rule the project does not override (an override is judged by the project's tests
    only, since it may mean to behave otherwise). Raises ProblemsError on a bad rule or test file."""
    from factcheck.engine.engine import run_rules  # the engine depends on rules, not the reverse

    rules = {loaded.id: loaded for loaded in load_rules([p for p in paths if p.is_dir()] + rule_files_in(
        [p for p in paths if p.is_file() and not p.name.endswith(TEST_SUFFIXES)]), builtin=builtin)}
    problems: list[Problem] = []
    results: list[CaseResult] = []
    conflict_cases: set[str] = set()
    tested: set[str] = set()
    shipped = [(path, builtin_rules_dir()) for path in builtin_test_files()] if builtin else []
    for path, root in [(p, None) for p in test_files_in(paths)] + shipped:
        parsed = _read_test_file(path, problems, root)
        if parsed is None:
            continue
        loaded = rules.get(parsed.rule)
        if root is not None and (loaded is None or loaded.origin != BUILTIN):
            continue  # a shipped test of a rule the project overrides (or does not select)
        if loaded is None:
            problems.append(Problem(str(path), 1, 1, "R007", f"unknown rule {parsed.rule!r}; known: "
                                    f"{', '.join(sorted(rules))}"))
            continue
        tested.add(loaded.id)
        entities = EntityIndex(parsed.entities)
        for case in parsed.cases:
            corpus = _corpus(case, entities)
            report = run_rules(corpus, [loaded])
            actual = sorted((f.verdict.value, tuple(sorted(c.key for c in f.claims))) for f in report.findings)
            expected = sorted((e.verdict, tuple(sorted(e.claims))) for e in case.expect)
            results.append(CaseResult(loaded.id, case.name, actual == expected, expected, actual))
            if any(e.verdict == "conflict" for e in case.expect):
                conflict_cases.add(loaded.id)
    if problems:
        raise ProblemsError(problems)
    untested = []
    for rule_id, loaded in sorted(rules.items()):
        if rule_id not in tested:
            untested.append(f"{loaded.path}: {rule_id} {loaded.rule.name} has no test file")
        elif rule_id not in conflict_cases:
            untested.append(f"{loaded.path}: {rule_id} {loaded.rule.name} has no case that expects a conflict")
    return RuleTestReport(results, untested)


def _read_test_file(path: Path, problems: list[Problem], root: Path | None = None) -> RuleTestFile | None:
    document = read_yaml(path, root=root)
    problems.extend(document.problems)
    if document.problems:
        return None
    _fill_placeholders(document.data)
    parsed, schema_problems = validate_document(document, RuleTestFile)
    problems.extend(schema_problems)
    return parsed if isinstance(parsed, RuleTestFile) else None


def _fill_placeholders(data: Any) -> None:
    """Give test claims the evidence and status they need but that a test does not care about."""
    if not isinstance(data, dict):
        return
    for case in _items(data, "cases"):  # values of the wrong type are left to the schema check
        for source in _items(case, "sources"):
            for claim in _items(source, "claims"):
                if isinstance(claim, dict):
                    claim.setdefault("evidence", {"text": PLACEHOLDER, "start": 0, "end": len(PLACEHOLDER)})
                    claim.setdefault("status", "reviewed")


def _items(mapping: Any, key: str) -> list[Any]:
    """`mapping[key]` when `mapping` is a mapping and that is a list, else nothing."""
    value = mapping.get(key) if isinstance(mapping, dict) else None
    return value if isinstance(value, list) else []


def _corpus(case: Case, entities: EntityIndex) -> Corpus:
    documents = []
    for source in case.sources:
        claims_file = ClaimsFile.model_validate({
            "source": {"id": source.id, "publisher": source.id, "title": source.id, "published": source.published,
                       "text": PLACEHOLDER, "sha256": "0" * 64},
            "claims": [c.model_dump() for c in source.claims],
        })
        documents.append(SourceDocument(Path(f"{source.id}.yaml"), claims_file, None,
                                        {c.id: i + 1 for i, c in enumerate(source.claims)}))
    return Corpus(documents, entities, load_vocabulary(None, []))

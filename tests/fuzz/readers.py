"""Every reader of a file a pull request may bring, with how to fuzz it: one entry per reader.

A reader is a strategy of hostile inputs (bytes), a project of real files around the input, and the
command that reads it with the exit codes a user's input may end in. There is no cache reader yet
(issue 11): when one comes, it gets an entry here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from tests.fuzz.harness import ROOT, Outcome, Project, run
from tests.fuzz.hostile import Seeds, hostile_text, hostile_yaml, seed_texts

DATA = ROOT / "tests" / "data"
EXTRACT_OPTIONS = ["--id", "fuzz-source", "--published", "2019-08-22", "--publisher", "Fuzz Wire", "--title", "A title"]

# A known bug, not fixed here (extraction, not a reader): `extract` is superlinear in the length of a line,
# so a line of 20,000 spaces or 50,000 'é' takes more than 5 s, and a run of digits is worse (the quantity
# patterns: 5,000 digits 4 s, 20,000 digits 60 s). Until it is fixed, texts given to `extract` have their
# lines cut to 3,000 bytes and digit runs to 1,000 (texts given to `validate` are not cut); the reproducer
# is tests/data/fuzz/digits-run.txt (an xfail test).
_DIGIT_RUN = re.compile(rb"[0-9]{1001,}")
_LONG_LINE = re.compile(rb"[^\n]{3001,}")


def without_known_hangs(data: bytes) -> bytes:
    data = _DIGIT_RUN.sub(lambda m: m.group()[:1000], data)
    return _LONG_LINE.sub(lambda m: m.group()[:3000], data)


BUILT_IN_RULES = ROOT / "factcheck" / "data" / "rules"  # the rules the package ships

# The project every reader runs in: the shipped claims and texts, a small corpus (`mini/`), the rules.
LAYOUT = {
    "claims": ROOT / "claims",
    "seeds": ROOT / "seeds",
    "rules": ROOT / "rules",
    "source.txt": DATA / "load" / "source.txt",
    "mini/claims.yaml": DATA / "load" / "valid" / "claims.yaml",
    "mini/entities.yaml": DATA / "load" / "valid" / "entities.yaml",
    "onerule/FC101-date-consistency.yaml": BUILT_IN_RULES / "FC101-date-consistency.yaml",
    "article.txt": DATA / "extract" / "poll-story.txt",
    "story/third-source.txt": DATA / "extract" / "third-source.txt",
}


@dataclass
class Reader:
    """One reader: its inputs, and what running one input means."""

    name: str
    what: str  # the files and the command, as the fuzz report shows them
    seeds: Callable[[], list[bytes]]
    feed: Callable[[Project, bytes, Any], Outcome]  # write the input into the project, run, judge
    text: bool = False  # a source text, not YAML
    choose: st.SearchStrategy[Any] = st.just(None)  # a second choice per input (which command, where)

    @cached_property
    def corpus(self) -> Seeds:
        return Seeds(self.name, self.seeds())

    def inputs(self) -> st.SearchStrategy[bytes]:
        return hostile_text(self.corpus) if self.text else hostile_yaml(self.corpus)


def _claims(project: Project, data: bytes, mini: bool) -> Outcome:
    target = "mini/fuzzed.yaml" if mini else "claims/fuzzed.yaml"
    project.write(target, data)
    try:
        return run(project, ["validate", target], {0, 1}, inputs={target: data})
    finally:
        (project.root / target).unlink()


def _entities(project: Project, data: bytes, mini: bool) -> Outcome:
    folder, claims = ("mini", "mini/claims.yaml") if mini else ("claims", "claims/diplomat-2019-08.yaml")
    original = (project.root / folder / "entities.yaml").read_bytes()
    project.write(f"{folder}/entities.yaml", data)
    try:
        return run(project, ["validate", claims], {0, 1}, inputs={f"{folder}/entities.yaml": data})
    finally:
        project.write(f"{folder}/entities.yaml", original)


def _vocabulary(project: Project, data: bytes, mini: bool) -> Outcome:
    folder, claims = ("mini", "mini/claims.yaml") if mini else ("claims", "claims/diplomat-2019-08.yaml")
    path = project.root / folder / "vocabulary.yaml"
    original = path.read_bytes() if path.exists() else None
    project.write(f"{folder}/vocabulary.yaml", data)
    try:
        return run(project, ["validate", claims], {0, 1}, inputs={f"{folder}/vocabulary.yaml": data})
    finally:
        path.unlink() if original is None else path.write_bytes(original)


def _rule(project: Project, data: bytes, choice: tuple[int, bool]) -> Outcome:
    """A rule file beside its real test file: `test-rules` (0/1/2), or `report` with it (0/1/2)."""
    index, by_report = choice
    rules = sorted(BUILT_IN_RULES.glob("FC*[0-9]-*.yaml"))
    rules = [r for r in rules if not r.name.endswith(".test.yaml")]
    rule = rules[index % len(rules)]
    folder = project.root / "fuzzrules"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    project.write(f"fuzzrules/{rule.name}", data)
    (folder / rule.name.replace(".yaml", ".test.yaml")).write_bytes(rule.with_name(rule.name.replace(".yaml", ".test.yaml")).read_bytes())
    args = (["report", "--claims", "mini", "--rules", "fuzzrules", "--format", "json", "-q"] if by_report
            else ["test-rules", "fuzzrules"])
    return run(project, args, {0, 1, 2}, inputs={f"fuzzrules/{rule.name}": data})


def _rule_test(project: Project, data: bytes, index: int) -> Outcome:
    """A rule test file beside its real rule: `test-rules` (0 pass, 1 fail, 2 bad files)."""
    tests = sorted(BUILT_IN_RULES.glob("*.test.yaml"))
    test = tests[index % len(tests)]
    folder = project.root / "fuzztests"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    rule = test.with_name(test.name.replace(".test.yaml", ".yaml"))
    (folder / rule.name).write_bytes(rule.read_bytes())
    project.write(f"fuzztests/{test.name}", data)
    return run(project, ["test-rules", "fuzztests"], {0, 1, 2}, inputs={f"fuzztests/{test.name}": data})


def _baseline(project: Project, data: bytes, _: Any) -> Outcome:
    """The gate with the baseline (0 clean, 1 new conflicts, 2 a bad baseline): PATHS given, so no git."""
    project.write("fuzz-baseline.yaml", data)
    return run(project, ["gate", "mini/claims.yaml", "--claims", "mini", "--rules", "onerule",
                         "--baseline", "fuzz-baseline.yaml"], {0, 1, 2}, inputs={"fuzz-baseline.yaml": data})


def _cues(project: Project, data: bytes, _: Any) -> Outcome:
    project.write("fuzz-cues.yaml", data)
    return run(project, ["extract", "article.txt", *EXTRACT_OPTIONS, "--cues", "fuzz-cues.yaml", "-o", "-"], {0, 2},
               inputs={"fuzz-cues.yaml": data})


def _sidecar(project: Project, data: bytes, with_options: bool) -> Outcome:
    """`story/third-source.meta.yaml` beside the text: extract (0 or 2), metadata from it alone or with options."""
    project.write("story/third-source.meta.yaml", data)
    options = ["--id", "fuzz-source"] if with_options else []
    return run(project, ["extract", "story/third-source.txt", *options, "-o", "-"], {0, 2},
               inputs={"story/third-source.meta.yaml": data})


def _source_text(project: Project, data: bytes, choice: int) -> Outcome:
    """A source text through `extract` (0 or 2), as an HTML page now and then, or named by a claims file
    (`validate`: 0 or 1, an E003 when the text changed)."""
    if choice == 2:
        project.write("source.txt", data)
        return run(project, ["validate", "mini/claims.yaml"], {0, 1})
    name = "fuzz-article.html" if choice == 1 else "fuzz-article.txt"
    project.write(name, without_known_hangs(data))
    return run(project, ["extract", name, *EXTRACT_OPTIONS, "-o", "-" if choice == 0 else "claims-out/fuzz-source.yaml"],
               {0, 2})


def _restore_source(project: Project) -> None:
    project.write("source.txt", (DATA / "load" / "source.txt").read_bytes())


def _claims_seeds() -> list[bytes]:
    return seed_texts("claims/*-*.yaml", "tests/data/load/valid/claims.yaml", "tests/data/load/broken/[!e]*.yaml")


READERS = {reader.name: reader for reader in [
    Reader("claims", "claims files: factcheck validate (0/1)", _claims_seeds,
           lambda p, d, mini: _claims(p, d, mini), choose=st.booleans()),
    Reader("entities", "entities.yaml beside the claims: factcheck validate (0/1)",
           lambda: seed_texts("claims/entities.yaml", "tests/data/load/*/entities.yaml", "tests/data/accuracy/*/entities.yaml"),
           lambda p, d, mini: _entities(p, d, mini), choose=st.booleans()),
    Reader("vocabulary", "vocabulary.yaml beside the claims: factcheck validate (0/1)",
           lambda: seed_texts("claims/vocabulary.yaml", "factcheck/data/vocabulary.yaml"),
           lambda p, d, mini: _vocabulary(p, d, mini), choose=st.booleans()),
    Reader("rules", "rule files: factcheck test-rules / report (0/1/2)",
           lambda: seed_texts("factcheck/data/rules/FC*[0-9]-*[a-z].yaml"), _rule, choose=st.tuples(st.integers(0, 7), st.booleans())),
    Reader("rule-tests", "rule test files: factcheck test-rules (0/1/2)",
           lambda: seed_texts("factcheck/data/rules/*.test.yaml"), _rule_test, choose=st.integers(0, 7)),
    Reader("baselines", "the baseline: factcheck gate PATHS --baseline (0/1/2)",
           lambda: seed_texts("tests/data/fuzz/baseline.yaml"), _baseline),
    Reader("cues", "cue files: factcheck extract --cues (0/2)",
           lambda: seed_texts("tests/data/fuzz/cues*.yaml", "factcheck/data/cues.yaml", "factcheck/data/events.yaml"), _cues),
    Reader("sidecars", "extract sidecars *.meta.yaml: factcheck extract (0/2)",
           lambda: seed_texts("tests/data/extract/*.meta.yaml", "tests/data/accuracy/*/articles/*.meta.yaml"), _sidecar,
           choose=st.booleans()),
    Reader("source-texts", "source texts: factcheck extract (0/2), validate (0/1)",
           lambda: seed_texts("tests/data/extract/*.txt", "tests/data/load/source.txt", "seeds/*.txt",
                                     "tests/data/accuracy/*/articles/*.txt"), _source_text,
           text=True, choose=st.sampled_from([0, 0, 0, 1, 2])),
]}


def feed(reader: Reader, project: Project, data: bytes, choice: Any) -> Outcome:
    try:
        return reader.feed(project, data, choice)
    finally:
        if reader.name == "source-texts":
            _restore_source(project)

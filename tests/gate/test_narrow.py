"""The focused load reads one event's claims of a block when every claim there names an event
(factcheck/gate/narrow.py), and the whole block when one does not; either way the findings, ids, lines,
blocks and exit code are a full load's (`--no-cache`). The summary's `pairs` and `different_facts`
miss exactly the changed claims' pairs with the other events' claims, which were not read."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from factcheck.gate import GateRequest, run_gate
from factcheck.gate import focused as focused_module
from factcheck.gate.gate import GateResult
from factcheck.gate.narrow import Narrowing
from tests.gate.repo import ClaimSpec, commit_all, date_claim, generated_pull_request, git, make_repo, write_source


@pytest.fixture(autouse=True)
def user_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))


class Compared:
    """The claim keys of each focused corpus the gate compared."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.keys: set[str] = set()
        self.statements: set[tuple[str | None, ...]] = set()  # (source, subject, property, object)
        real = focused_module.FocusedLoad.corpus

        def corpus(load, also=()):  # type: ignore[no-untyped-def]
            built = real(load, also)
            self.keys = {c.key for c in built.claims()}
            self.statements = {(c.source_id, c.claim.subject, c.claim.property, c.claim.value.object)
                               for c in built.claims() if c.claim.kind == "statement"}
            return built

        monkeypatch.setattr(focused_module.FocusedLoad, "corpus", corpus)


def seen(result: GateResult) -> tuple:
    """What a user sees of a run, but the two counts of pairs the narrowed load may count fewer of."""
    findings = [(f.id, f.verdict.value, f.rule_id, tuple(c.key for c in f.claims), tuple(c.line for c in f.claims),
                 f.majority, f.outliers, f.explanation, f.pairs) for f in result.report.findings]
    summary = replace(result.report.summary, pairs=0, different_facts=0)
    return findings, [f.id for f in result.failing], result.passed, summary, result.blocks, result.changed_files


def unnarrowed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The focused load as before narrowing: every block term looked up whole."""
    monkeypatch.setattr(Narrowing, "terms", lambda self, frontier, lookups: set().union(*lookups))


def test_a_generated_corpus_reads_one_event_and_gates_as_a_full_load(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # 12,500 claims: a date's block holds several events
    monkeypatch.chdir(generated_pull_request(tmp_path / "generated", 250))
    compared = Compared(monkeypatch)
    full = run_gate(GateRequest(base="main", cache=False))
    cold = run_gate(GateRequest(base="main"))
    warm = run_gate(GateRequest(base="main"))
    narrowed, statements = set(compared.keys), set(compared.statements)
    with monkeypatch.context() as patch:
        unnarrowed(patch)
        whole = run_gate(GateRequest(base="main"))
    assert narrowed < compared.keys  # fewer claims read: only the changed claims' events of their blocks
    # and of a statement's block only the claims of its object (the engine compares one object at a time)
    objects = {fact[1:] for fact in statements if fact[0] == "new-source"}
    assert objects and {fact[1:] for fact in statements} == objects
    assert seen(full) == seen(cold) == seen(warm) == seen(whole)
    assert not warm.passed and [f.rule_id for f in warm.failing] == ["FC101"]
    assert whole.report.summary == full.report.summary  # whole blocks read: every count is a full load's
    missed = full.report.summary.different_facts - warm.report.summary.different_facts
    assert missed > 0 and full.report.summary.pairs - warm.report.summary.pairs == missed


def _story(repo: Path, source_id: str, date: str, written: str, event: str | None) -> Path:
    text = f"The pact was called off on {written}, officials said.\n"
    claim = date_claim("called-off", date, f"called off on {written}", property_id="cancelled_on")
    return write_source(repo, source_id, text, [ClaimSpec(**{**claim.__dict__, "event": event})])


@pytest.mark.parametrize("eventless", [False, True])
def test_a_block_with_an_eventless_claim_is_read_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       eventless: bool) -> None:
    repo = make_repo(tmp_path / "repo")  # the seeds, and three stories of one block: two events
    _story(repo, "wire-a", "2019-11-23", "Nov. 23, 2019", "decision-to-end")
    _story(repo, "wire-b", "2019-08-22", "Aug. 22, 2019", "phone-call")
    _story(repo, "wire-c", "2019-11-23", "Nov. 23, 2019", "decision-to-end")
    if eventless:
        _story(repo, "wire-d", "2019-08-22", "Aug. 22, 2019", None)
    commit_all(repo, "the wires")
    git(repo, "checkout", "-q", "-b", "pr")
    _story(repo, "wire-new", "2019-12-31", "Dec. 31, 2019", "decision-to-end")  # conflicts with a and c
    commit_all(repo, "a new wire")
    monkeypatch.chdir(repo)
    compared = Compared(monkeypatch)
    full = run_gate(GateRequest(base="main", cache=False))
    run_gate(GateRequest(base="main"))
    warm = run_gate(GateRequest(base="main"))
    assert seen(full) == seen(warm)
    # the claim without an event is one fact with the others, as a full load says
    fact = ["wire-a", "wire-c", "wire-d", "wire-new"] if eventless else ["wire-a", "wire-c", "wire-new"]
    assert [sorted(c.source_id for c in f.claims) for f in warm.failing] == [fact]
    block = {k for k in compared.keys if k.endswith("/called-off")}
    if eventless:  # one claim without an event may be one fact with any: the whole block is read
        assert block == {f"wire-{x}/called-off" for x in ("a", "b", "c", "d", "new")}
        assert warm.report.summary == full.report.summary
    else:  # the other event's claim is not read, nor counted
        assert block == {f"wire-{x}/called-off" for x in ("a", "c", "new")}
        assert full.report.summary.different_facts - warm.report.summary.different_facts == 1

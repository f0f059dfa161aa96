"""The gate's focused load (factcheck/gate/focused.py): with a warm cache it reads only the changed files
and, from the cache's index, the claims that can pair with them; its findings, ids and exit code are a
full load's. A stale, corrupt or committed cache is never a source of claims."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from factcheck.engine import run_rules
from factcheck.gate import GateRequest, run_gate
from factcheck.gate import gate as gate_module
from factcheck.gate.gate import GateResult
from factcheck.load import corpus as corpus_module
from factcheck.load.cache import CACHE_FILE, CACHE_FOLDER
from factcheck.load.corpus import load_corpus
from factcheck.rules import load_rules
from tests.gate.repo import commit_all, date_claim, generated_pull_request, git, write_source, write_wire


@pytest.fixture(autouse=True)
def user_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The cache's key, in the test's own folder (as CI keeps it outside the checkout)."""
    folder = tmp_path / "user-cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder


class Spy:
    """What each run_gate did: whether it took the focused load, the claims files it parsed (not from the
    cache), and the claims in the corpus it compared."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.parsed: list[str] = []
        self.claims = 0
        self.focused = False
        real_load, real_focused, real_source = gate_module.load_corpus, gate_module.focused_load, corpus_module.load_source

        def load_source(document, *args):  # type: ignore[no-untyped-def]
            self.parsed.append(document.path.name)
            return real_source(document, *args)

        def load_corpus(paths, **options):  # type: ignore[no-untyped-def]
            corpus = real_load(paths, **options)
            self.claims = len(corpus.claims())
            return corpus

        def focused_load(*args):  # type: ignore[no-untyped-def]
            self.parsed = []
            staged = real_focused(*args)
            self.focused = staged is not None
            if staged is not None:
                real_corpus = staged.corpus

                def corpus(also=()):  # type: ignore[no-untyped-def]
                    built = real_corpus(also)
                    self.claims = len(built.claims())
                    return built

                staged.corpus = corpus  # type: ignore[method-assign]
            return staged

        monkeypatch.setattr(corpus_module, "load_source", load_source)
        monkeypatch.setattr(gate_module, "load_corpus", load_corpus)
        monkeypatch.setattr(gate_module, "focused_load", focused_load)

    @property
    def read(self) -> list[str]:
        return sorted(set(self.parsed))


def outcome(result: GateResult) -> tuple:
    """Everything a user sees of a gate run that the focused load could change."""
    findings = [(f.id, f.verdict.value, f.rule_id, tuple(c.key for c in f.claims), tuple(c.line for c in f.claims),
                 f.majority, f.outliers, f.explanation) for f in result.report.findings]
    return (findings, [f.id for f in result.failing], result.passed, result.report.summary, result.blocks,
            result.changed_files, result.changed_sources)


def gated(request: GateRequest) -> GateResult:
    return run_gate(request)


@pytest.fixture()
def generated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A generated corpus of 3,000 claims committed on main, and a branch adding a copy of one source
    with one shared date moved by months (the planted conflict)."""
    repo = generated_pull_request(tmp_path / "generated", 60)
    monkeypatch.chdir(repo)
    return repo


def test_a_generated_corpus_gates_the_same_uncached_cold_and_warm(generated: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    spy = Spy(monkeypatch)
    uncached = gated(GateRequest(base="main", cache=False))
    assert not spy.focused and spy.claims > 2_900
    cold = gated(GateRequest(base="main"))
    assert spy.focused and len(spy.read) == 61  # nothing cached yet: every file parsed, then indexed
    warm = gated(GateRequest(base="main"))
    assert spy.focused and spy.read == []  # every file from the cache, and only those that can pair
    assert 50 <= spy.claims < 1_000  # the new source's claims and those that can pair with them
    assert outcome(uncached) == outcome(cold) == outcome(warm)
    assert not warm.passed and [f.rule_id for f in warm.failing] == ["FC101"]
    assert warm.report.summary.sources == 61 and warm.report.summary.claims == uncached.report.summary.claims
    # each finding is the one `factcheck report` gives (its id is what `baseline add` looks up)
    full = {f.id: f for f in run_rules(load_corpus([Path("claims")]), load_rules([])).findings}
    compared = [f for f in warm.report.findings if f.verdict.value != "unverified"]
    assert len(compared) > 10
    assert all(f.id in full and full[f.id].claims == f.claims and full[f.id].pairs == f.pairs for f in compared)


def test_seeds_with_an_unreviewed_claim_gate_the_same(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # an unreviewed claim joins the blocks of every entity its evidence names: the index must find those too
    write_wire(repo, expiry_status="auto", expiry_confidence=0.7)
    commit_all(repo, "the wire")
    git(repo, "checkout", "-q", "-b", "pr")
    write_source(repo, "archive-2019", "Nothing new: the pact will expire on Nov. 23, 2019, if not renewed.\n",
                 [date_claim("gsomia-expiry", "2019-11-23", "the pact will expire on Nov. 23, 2019",
                             status="auto", confidence=0.6)])
    commit_all(repo, "an archive")
    spy = Spy(monkeypatch)
    uncached = gated(GateRequest(base="main", cache=False))
    cold = gated(GateRequest(base="main"))
    warm = gated(GateRequest(base="main"))
    assert spy.focused and spy.read == []
    assert outcome(uncached) == outcome(cold) == outcome(warm)
    assert any(f.verdict.value == "conflict" for f in warm.report.findings)


def test_a_file_committed_since_the_cache_was_made_is_read_again(generated: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    gated(GateRequest(base="main"))  # cold: every file indexed
    edited = generated / "claims" / "s000003.yaml"
    edited.write_text(edited.read_text(encoding="utf-8").replace("Report 3", "Report three"), encoding="utf-8")
    commit_all(generated, "a title")
    spy = Spy(monkeypatch)
    warm = gated(GateRequest(base="main"))
    assert spy.focused and spy.read == ["s000003.yaml"]  # stale: git's id is not the cached one
    assert outcome(warm) == outcome(gated(GateRequest(base="main", cache=False)))


def test_a_changed_source_text_is_read_and_reported(generated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gated(GateRequest(base="main"))
    text = generated / "texts" / "s000004.txt"
    text.write_text(text.read_text(encoding="utf-8") + " More.", encoding="utf-8")  # its claims file unchanged
    for cache in (True, False):
        with pytest.raises(Exception, match="E003|sha256") as raised:
            gated(GateRequest(base="main", cache=cache))
        assert "s000004.yaml" in str(getattr(raised.value, "problems", raised.value))


def test_a_corrupt_cache_is_rebuilt(generated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = outcome(gated(GateRequest(base="main", cache=False)))
    gated(GateRequest(base="main"))
    (generated / CACHE_FOLDER / CACHE_FILE).write_bytes(b"not a database" * 500)
    spy = Spy(monkeypatch)
    assert outcome(gated(GateRequest(base="main"))) == expected
    assert len(spy.read) == 61
    assert outcome(gated(GateRequest(base="main"))) == expected
    assert spy.read == []


def test_rows_edited_by_hand_are_misses(generated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = outcome(gated(GateRequest(base="main", cache=False)))
    gated(GateRequest(base="main"))
    with sqlite3.connect(generated / CACHE_FOLDER / CACHE_FILE) as connection:
        connection.execute("UPDATE files SET claims = '1'")  # the HMAC covers it: every row is now a miss
        connection.execute("UPDATE blobs SET size = size + 1")
        connection.execute("UPDATE summaries SET body = replace(body, '\"s000001\"', '\"s000002\"')")
    spy = Spy(monkeypatch)
    assert outcome(gated(GateRequest(base="main"))) == expected
    assert len(spy.read) == 61


def test_a_cache_committed_in_the_pull_request_is_never_trusted(generated: Path, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A pull request commits a cache made with its author's key, in which the claims file that holds the
    planted conflict's other side says nothing: rows under a key that is not the runner's are misses."""
    expected = outcome(gated(GateRequest(base="main", cache=False)))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "attacker"))
    gated(GateRequest(base="main"))
    with sqlite3.connect(generated / CACHE_FOLDER / CACHE_FILE) as connection:
        connection.execute("DELETE FROM terms")  # an index that finds nothing to pair with
    git(generated, "add", "-f", f"{CACHE_FOLDER}/{CACHE_FILE}")
    git(generated, "commit", "-q", "-m", "a cache, committed")
    checkout = tmp_path / "ci-checkout"
    git(tmp_path, "clone", "-q", "--branch", "pr", str(generated), str(checkout))
    git(checkout, "branch", "-q", "main", "origin/main")
    assert (checkout / CACHE_FOLDER / CACHE_FILE).exists()
    monkeypatch.chdir(checkout)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "runner"))
    spy = Spy(monkeypatch)
    assert outcome(gated(GateRequest(base="main"))) == expected
    assert len(spy.read) == 61  # nothing came from the committed cache
    shutil.rmtree(checkout)


def test_another_key_indexes_again(generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache indexed under one key (another user, a runner that lost its key) is indexed again under
    the next key: its parts would not verify (found at 1M claims: 'the cache lost parts')."""
    expected = outcome(gated(GateRequest(base="main", cache=False)))
    gated(GateRequest(base="main"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-key"))
    spy = Spy(monkeypatch)
    assert outcome(gated(GateRequest(base="main"))) == expected
    assert len(spy.read) == 61
    assert outcome(gated(GateRequest(base="main"))) == expected
    assert spy.focused and spy.read == []


def test_parts_gone_from_the_cache_mean_a_full_load(generated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = outcome(gated(GateRequest(base="main", cache=False)))
    gated(GateRequest(base="main"))
    with sqlite3.connect(generated / CACHE_FOLDER / CACHE_FILE) as connection:
        connection.execute("DELETE FROM parts WHERE position >= 0")
    spy = Spy(monkeypatch)
    assert outcome(gated(GateRequest(base="main"))) == expected
    assert spy.claims > 2_900  # the whole corpus, read from the cache's files rows

"""The baseline: accepted findings stop failing the gate, by a fingerprint that survives moved and
renamed claims but not a changed value; prune drops what no longer applies and keeps the rest as is."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import yaml
from click.testing import CliRunner, Result

from factcheck.cli import cli
from factcheck.engine import run_rules
from factcheck.gate import GateRequest, fingerprint, load_baseline, run_gate
from factcheck.gate.baseline import BaselineFile, entry_for, match_baseline, pruned
from factcheck.load import load_corpus
from factcheck.rules import load_rules
from tests.gate.repo import commit_all, git, write_wire


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def failing_ids(result: Result) -> list[str]:
    return [line.rsplit("[", 1)[1].rstrip("]") for line in result.output.splitlines() if line.endswith("]")
            and ": FC" in line]


def expire(repo: Path, written: str, past: str) -> None:
    """Make an entry written with a future expiry date one that expired on `past`."""
    path = repo / ".factcheck" / "baseline.yaml"
    text = path.read_text(encoding="utf-8")
    assert f"expires: {written}" in text
    path.write_text(text.replace(f"expires: {written}", f"expires: {past}"), encoding="utf-8")


def test_baseline_add_refuses_a_past_expiry_date_and_writes_nothing(repo: Path) -> None:
    write_wire(repo, speaker=None)
    [finding_id] = failing_ids(invoke("gate"))
    yesterday = dt.date.today() - dt.timedelta(days=1)
    result = invoke("baseline", "add", finding_id, "--reason", "r", "--expires", str(yesterday))
    assert result.exit_code == 2
    assert result.output.startswith(f"error: --expires {yesterday}: the date is past") and "Traceback" not in result.output
    assert not (repo / ".factcheck" / "baseline.yaml").exists()  # (the gate's cache may be there)
    today = invoke("baseline", "add", finding_id, "--reason", "r", "--expires", str(dt.date.today()))
    assert today.exit_code == 0, today.output  # the last day may be today


def test_after_baseline_add_the_same_conflict_passes(repo: Path) -> None:
    write_wire(repo, speaker=None)
    first = invoke("gate", "--base", "main")
    assert first.exit_code == 1
    [finding_id] = failing_ids(first)
    added = invoke("baseline", "add", finding_id, "--reason", "The wire misreads the notice period",
                   "--owner", "asia-desk", "--expires", "2999-12-31")
    assert added.exit_code == 0, added.output
    assert f"added {finding_id}" in added.output
    entry = load_baseline(repo / ".factcheck" / "baseline.yaml").entries[0]
    assert (entry.rule, entry.subject, entry.property, entry.owner) == ("FC101", "gsomia", "expires_on", "asia-desk")
    assert {s.source for s in entry.sources} == {"bloomberg-2019-08-22", "diplomat-2019-08", "wire-2019-09-02"}
    again = invoke("gate", "--base", "main")  # the entry is this change's own: judged by main's baseline
    assert again.exit_code == 1, again.output
    assert f"error: accepted in this change: needs review: finding {finding_id} (added in the baseline)" in again.output
    reviewed = invoke("gate", "--base", "main", "--allow-baseline-changes")
    assert reviewed.exit_code == 0, reviewed.output
    assert f"accepted {finding_id}" in reviewed.output and "The wire misreads the notice period" in reviewed.output
    commit_all(repo, "the wire and its accepted conflict")  # merged: main's baseline has the entry
    git(repo, "checkout", "-q", "-b", "later")
    assert invoke("gate", "--base", "main", "claims/wire-2019-09-02.yaml").exit_code == 0


def test_a_changed_value_after_baselining_fails_again(repo: Path) -> None:
    write_wire(repo, speaker=None)
    [finding_id] = failing_ids(invoke("gate"))
    assert invoke("baseline", "add", finding_id, "--reason", "known").exit_code == 0
    assert invoke("gate").exit_code == 0
    write_wire(repo, expiry="2020-01-15", speaker=None)
    result = invoke("gate")
    assert result.exit_code == 1, result.output
    assert "stale baseline entry FC101 gsomia expires_on" in result.output  # the old entry matches nothing now


def test_moving_and_renaming_claims_keeps_the_fingerprint(repo: Path) -> None:
    wire = write_wire(repo)
    rules = load_rules([Path("rules")])
    before = {f.rule_id: fingerprint(f) for f in run_rules(load_corpus([Path("claims")]), rules).findings
              if "wire-2019-09-02" in f.sources and f.verdict.value == "conflict"}
    data = yaml.safe_load(wire.read_text(encoding="utf-8"))
    data["claims"].reverse()
    data["claims"][0]["id"] = "the-quote"
    moved = "# moved around\n\n\n" + yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    wire.write_text(moved, encoding="utf-8")
    after = {f.rule_id: fingerprint(f) for f in run_rules(load_corpus([Path("claims")]), rules).findings
             if "wire-2019-09-02" in f.sources and f.verdict.value == "conflict"}
    assert before == after and set(before) == {"FC101", "FC201"}


def test_the_fingerprint_does_not_depend_on_claim_order_or_lines(repo: Path) -> None:
    write_wire(repo, speaker=None)
    report = run_rules(load_corpus([Path("claims")]), load_rules([Path("rules")]))
    finding = next(f for f in report.findings if f.verdict.value == "conflict")
    moved = replace(finding, claims=tuple(replace(c, line=c.line + 7) for c in reversed(finding.claims)),
                    id="FC101-elsewhere")
    assert fingerprint(moved) == fingerprint(finding)
    other_property = replace(finding, property="signed_on")
    assert fingerprint(other_property) != fingerprint(finding)


def test_expired_entries_no_longer_suppress_and_are_reported(repo: Path) -> None:
    write_wire(repo, speaker=None)
    [finding_id] = failing_ids(invoke("gate"))
    added = invoke("baseline", "add", finding_id, "--reason", "until the correction", "--expires", "2999-01-31")
    assert added.exit_code == 0
    expire(repo, "2999-01-31", "2020-01-31")  # `add` refuses a past date: the entry has since expired
    result = invoke("gate")
    assert result.exit_code == 1
    assert "expired on 2020-01-31" in result.output
    request = GateRequest(today=dt.date(2020, 1, 31))  # the last day it still suppresses
    assert run_gate(request).passed


def test_prune_drops_stale_and_expired_entries_and_keeps_the_others_verbatim(repo: Path) -> None:
    write_wire(repo)
    ids = failing_ids(invoke("gate"))
    assert len(ids) == 2
    kept_reason = "Kono did say it too, at a later press conference: see the\nfollow-up story (pinned)."
    for finding_id, reason in zip(ids, ["date: accepted", kept_reason]):
        assert invoke("baseline", "add", finding_id, "--reason", reason, "--owner", "desk").exit_code == 0
    commit_all(repo, "wire and baseline")
    write_wire(repo, expiry="2019-11-23")  # the date now agrees: the first entry matches nothing
    path = repo / ".factcheck" / "baseline.yaml"
    before = load_baseline(path)
    result = invoke("baseline", "prune")
    assert result.exit_code == 0, result.output
    assert "dropped FC101 gsomia expires_on" in result.output and "1 dropped, 1 kept" in result.output
    after = load_baseline(path)
    assert after.entries == [e for e in before.entries if e.rule == "FC201"]
    assert after.entries[0].reason == kept_reason
    assert invoke("baseline", "prune").output.strip().endswith("0 dropped, 1 kept in .factcheck/baseline.yaml")
    assert git(repo, "status", "--porcelain", "--", ".factcheck").strip()  # rewritten, not removed


def test_prune_drops_expired_entries(repo: Path) -> None:
    write_wire(repo, speaker=None)
    [finding_id] = failing_ids(invoke("gate"))
    assert invoke("baseline", "add", finding_id, "--reason", "old", "--expires", "2999-01-01").exit_code == 0
    expire(repo, "2999-01-01", "2001-01-01")
    result = invoke("baseline", "prune")
    assert "expired on 2001-01-01" in result.output and "1 dropped, 0 kept" in result.output


def test_baseline_add_of_an_unknown_finding_is_a_usage_error(repo: Path) -> None:
    result = invoke("baseline", "add", "FC101-0000000000", "--reason", "x")
    assert result.exit_code == 2
    assert "no finding 'FC101-0000000000'" in result.output
    assert invoke("baseline", "add", "FC101-0000000000", "--reason", "  ").exit_code == 2
    assert not (repo / ".factcheck").exists()


def test_a_bad_baseline_is_exit_2_with_file_line_col(repo: Path) -> None:
    path = repo / ".factcheck" / "baseline.yaml"
    path.parent.mkdir()
    path.write_text("version: 1\nentries:\n  - fingerprint: abc\n    owner: me\n", encoding="utf-8")
    result = invoke("gate")
    assert result.exit_code == 2
    assert ".factcheck/baseline.yaml:3:5: S001 entries[0].reason: missing required field `reason`" in result.output
    assert ".factcheck/baseline.yaml:3:18: S001 entries[0].fingerprint:" in result.output
    path.write_text("entries: [&a {}, *a]\n", encoding="utf-8")
    assert invoke("baseline", "prune").exit_code == 2


def test_match_in_a_focused_run_only_judges_entries_of_compared_sources(repo: Path) -> None:
    write_wire(repo, speaker=None)
    report = run_rules(load_corpus([Path("claims")]), load_rules([Path("rules")]))
    seeds_only = next(f for f in report.findings if f.property == "signed_on" and f.verdict.value == "compatible")
    baseline = BaselineFile(entries=[entry_for(seeds_only, "precision differs")])
    focused = run_rules(load_corpus([Path("claims")]), load_rules([Path("rules")]), focus_sources={"wire-2019-09-02"})
    match = match_baseline(focused.findings, baseline, dt.date.today(), judged_sources={"wire-2019-09-02"})
    assert match.unmatched == ()  # not compared in this run: not called stale
    assert match_baseline(focused.findings, baseline, dt.date.today()).unmatched == tuple(baseline.entries)
    kept, dropped = pruned(baseline, report.findings, dt.date.today())
    assert kept == baseline and dropped == []


def test_the_fingerprint_format_is_frozen(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Baselines in users' repositories hold these: a change must be deliberate (a new FINGERPRINT_VERSION)."""
    monkeypatch.chdir(Path(__file__).resolve().parents[2])
    report = run_rules(load_corpus([Path("claims")]), load_rules([Path("rules")]))
    expiry = next(f for f in report.findings if f.id == "FC101-db24ee0104")
    assert fingerprint(expiry) == "7f82908146dafb008548fa33bda16934bebafae4bab82bed232a3ec530ee3773"


def test_retyping_a_quote_keeps_the_fingerprint_but_new_words_do_not() -> None:
    from factcheck.load import load_corpus
    from factcheck.rules import load_rules

    root = Path(__file__).resolve().parents[2]
    report = run_rules(load_corpus([root / "claims"]), load_rules([root / "rules"]))
    [finding] = [f for f in report.findings if f.rule_id == "FC201"
                 and any("strong concern" in c.claim.value.text for c in f.claims)]

    def with_text(text: str):  # type: ignore[no-untyped-def]
        first = finding.claims[0]
        claim = first.claim.model_copy(update={"value": first.claim.value.model_copy(update={"text": text})})
        return replace(finding, claims=(replace(first, claim=claim), *finding.claims[1:]))

    original = finding.claims[0].claim.value.text
    retyped = "“" + original.replace("Department", "department").replace(" ", "  ") + "”"  # case, spacing, marks
    assert fingerprint(with_text(retyped)) == fingerprint(finding)
    assert fingerprint(with_text(original.replace("strong", "deep"))) != fingerprint(finding)

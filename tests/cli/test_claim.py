"""`factcheck claim add` as a user runs it: a reviewed claim written at the end of the claims file with its
evidence offsets found, comments and layout kept; an ambiguous, absent or invalid claim is refused (exit 2)
with the reason, and nothing is written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.load import load_corpus

FIX = Path(__file__).resolve().parents[1] / "data" / "fix"
EXPIRY = ["--kind", "date", "--subject", "gsomia", "--property", "expires_on", "--value", "2019-11-23"]


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(FIX, tmp_path / "project")
    monkeypatch.chdir(tmp_path / "project")
    assert CliRunner().invoke(cli, ["fix"]).exit_code == 0  # the fixture's offsets, repaired: a valid project
    return tmp_path / "project"


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args))


def claims_text(project: Path) -> str:
    return (project / "claims" / "mini.yaml").read_text(encoding="utf-8")


def test_a_claim_is_appended_with_its_offsets_and_the_file_stays_as_written(project: Path) -> None:
    before = claims_text(project)
    result = run("claim", "add", "mini-2019-08-22", *EXPIRY, "--qualifier", "if not renewed",
                 "--evidence", "The pact will expire Nov. 23")
    assert result.exit_code == 0, result.output
    assert result.stdout == ("Added claim gsomia-expires-on to claims/mini.yaml: evidence at 139..167, "
                             "line 3 of the source text.\n")
    after = claims_text(project)
    assert after.startswith(before)  # comments, flow mappings, everything before: byte for byte
    assert after[len(before):] == (
        "  - id: gsomia-expires-on\n    kind: date\n    subject: gsomia\n    property: expires_on\n"
        "    qualifier: if not renewed\n    value:\n      date: 2019-11-23\n    status: reviewed\n"
        "    evidence:\n      text: The pact will expire Nov. 23\n      start: 139\n      end: 167\n")
    [claim] = [c.claim for c in load_corpus([Path("claims")]).claims() if c.claim.id == "gsomia-expires-on"]
    assert claim.status.value == "reviewed" and str(claim.value.date) == "2019-11-23"


def test_the_source_may_be_named_by_its_text_and_values_by_field(project: Path) -> None:
    result = run("claim", "add", "seeds/mini.txt", "--kind", "quote", "--subject", "gsomia", "--property", "said",
                 "--value", "We are disappointed", "--value", "speaker=dave-eastburn", "--value", "role=a Pentagon spokesman",
                 "--evidence", "“We are disappointed,” said Dave Eastburn")
    assert result.exit_code == 0, result.output
    quote = [c.claim for c in load_corpus([Path("claims")]).claims() if c.claim.id == "gsomia-said"][0]
    assert (quote.value.text, quote.value.speaker, quote.value.role) == ("We are disappointed", "dave-eastburn",
                                                                         "a Pentagon spokesman")
    assert (quote.evidence.start, quote.evidence.end) == (185, 226)
    again = run("claim", "add", "claims/mini.yaml", "--kind", "quantity", "--subject", "gsomia", "--property", "count",
                "--value", "2 pact", "--evidence", "pact", "--occurrence", "2")
    assert again.exit_code == 0, again.output
    count = [c.claim for c in load_corpus([Path("claims")]).claims() if c.claim.id == "gsomia-count"][0]
    assert (count.value.amount, count.value.unit, count.evidence.start) == (2, "pact", 143)
    assert "      amount: 2\n" in claims_text(project)  # a whole number is written without .0


@pytest.mark.parametrize(("args", "errors"), [
    ([*EXPIRY, "--evidence", "pact"],
     ["error: --evidence: found 2 times: at 24..28 (line 1), 143..147 (line 3); choose one with --occurrence N "
      "(1 is the first)"]),
    ([*EXPIRY, "--evidence", "pact", "--occurrence", "3"],
     ["error: --occurrence 3: the evidence text is found 2 times: at 24..28 (line 1), 143..147 (line 3)"]),
    ([*EXPIRY, "--evidence", "The pact will expire on Nov. 23"],
     ["error: --evidence: not found in the source text (it must be the source's exact words)"]),
    (["--kind", "date", "--subject", "gsomai", "--property", "expire_on", "--value", "2019-11-23",
      "--evidence", "The pact will expire"],
     ["error: R002 property: unknown property 'expire_on' (did you mean 'expires_on'?)",
      "error: R001 subject: unknown entity 'gsomai' (did you mean 'gsomia'?)"]),
    (["--kind", "date", "--subject", "gsomia", "--property", "expires_on", "--value", "2019-02-30",
      "--evidence", "The pact will expire"], ["error: value.date: 2019-02-30 does not exist"]),
    (["--kind", "quote", "--subject", "gsomia", "--property", "said", "--value", "We are disappointed",
      "--evidence", "We are disappointed"], ["error: value.speaker: missing: give it with --value FIELD=VALUE"]),
    ([*EXPIRY, "--id", "announced", "--evidence", "The pact will expire"],
     ["error: --id: the claim id 'announced' is already used in this file"]),
])
def test_a_claim_that_cannot_be_added_is_refused_and_nothing_is_written(project: Path, args: list[str],
                                                                       errors: list[str]) -> None:
    before = claims_text(project)
    result = run("claim", "add", "mini-2019-08-22", *args)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [*errors, "Nothing written."]
    assert claims_text(project) == before


def test_an_unknown_source_is_refused(project: Path) -> None:
    result = run("claim", "add", "no-such-source", *EXPIRY, "--evidence", "pact")
    assert result.exit_code == 2
    assert "no claims file in claims has the source 'no-such-source'" in result.stderr


@pytest.mark.parametrize("claims", ["", "claims: []\n"])
def test_a_file_without_claims_gets_a_claims_list(project: Path, claims: str) -> None:
    path = project / "claims" / "mini.yaml"
    text = claims_text(project)
    path.write_text(text[:text.index("claims:\n")] + claims, encoding="utf-8")
    result = run("claim", "add", "claims/mini.yaml", *EXPIRY, "--evidence", "The pact will expire")
    assert result.exit_code == 0, result.output
    assert [c.claim.id for c in load_corpus([Path("claims")]).claims()] == ["gsomia-expires-on"]
    assert claims_text(project).startswith("# The mini wire story")

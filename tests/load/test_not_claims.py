"""Files that live beside the claims but are not claims files are never read as claims: the cue lexicon
docs/extraction.md tells people to write at `claims/cues.yaml`, the entity file and the vocabulary (even
when a pre-commit hook names them), and a proposals file `extract --propose-entities` wrote."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.load import load_corpus
from factcheck.load.corpus import claims_files_in, is_claims_name
from tests.gate.repo import commit_all, git, make_repo, write_wire

# The example of docs/extraction.md, as a user would copy it.
CUES = """\
# claims/cues.yaml
events:
  - property: expires_on
    event: null
    words: [sunsets, sunset clause]
actions:
  end: [tear up, tore up]
speech_verbs: [quipped]
"""
PROPOSALS = """\
# Entities proposed by `factcheck extract` for names it could not resolve. Check each one,
entities:
  - id: jane-doe
    kind: person
    name: Jane Doe
"""


@pytest.fixture()
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    repo = make_repo(tmp_path / "repo")
    (repo / "claims" / "cues.yaml").write_text(CUES, encoding="utf-8")
    (repo / "claims" / "proposed-entities.yaml").write_text(PROPOSALS, encoding="utf-8")
    commit_all(repo, "a cue lexicon and proposals beside the claims")
    monkeypatch.chdir(repo)
    return repo


def test_the_cue_lexicon_and_proposals_are_not_claims_files(repo: Path) -> None:
    corpus = load_corpus([Path("claims")])
    assert sorted(d.claims_file.source.id for d in corpus.documents) == ["bloomberg-2019-08-22", "diplomat-2019-08"]
    assert not is_claims_name(Path("claims/cues.yaml")) and is_claims_name(Path("claims/wire.yml"))
    assert Path("claims/cues.yaml") not in claims_files_in([Path("claims")])


@pytest.mark.parametrize("command", [["validate"], ["validate", "claims"], ["report", "--format", "json"]])
def test_validate_and_report_pass_with_a_cue_lexicon(repo: Path, command: list[str]) -> None:
    result = CliRunner().invoke(cli, command)
    assert result.exit_code == 0, result.output
    assert "S001" not in result.output


def test_named_project_files_are_read_as_what_they_are(repo: Path) -> None:
    """A pre-commit hook passes every changed file: the entity file, vocabulary and cues among them."""
    named = ["claims/cues.yaml", "claims/entities.yaml", "claims/vocabulary.yaml", "claims/diplomat-2019-08.yaml"]
    result = CliRunner().invoke(cli, ["validate", *named])
    assert result.exit_code == 0, result.output
    assert "1 source" in result.output
    (repo / "claims" / "entities.yaml").write_text("entities:\n  - id: Bad Id\n", encoding="utf-8")
    broken = CliRunner().invoke(cli, ["validate", "claims/entities.yaml"])
    assert broken.exit_code == 1
    assert "claims/entities.yaml:2:" in broken.output and "source" not in broken.output


def test_the_gate_passes_with_a_cue_lexicon_in_the_change(repo: Path) -> None:
    git(repo, "checkout", "-q", "-b", "change")
    (repo / "claims" / "cues.yaml").write_text(CUES + "pronouns: [he, she, they, we]\n", encoding="utf-8")
    write_wire(repo, expiry="2019-11-23", speaker=None)
    commit_all(repo, "a source that agrees, and a cue")
    result = CliRunner().invoke(cli, ["gate", "--base", "main"])
    assert result.exit_code == 0, result.output
    assert "S001" not in result.output

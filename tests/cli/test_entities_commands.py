"""`factcheck entities propose|accept` and re-extraction, on the seeds in a project with no entity file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.load.corpus import read_claims_file
from tests.extract.extract_helpers import ROOT, SEEDS

BLOOMBERG, DIPLOMAT = (ROOT / "seeds" / SEEDS[s][0] for s in ("bloomberg-2019-08-22", "diplomat-2019-08"))


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty project with the two seed articles extracted into claims/, no entity file."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "claims").mkdir()
    shutil.copy(BLOOMBERG, tmp_path / "bloomberg.txt")
    shutil.copy(DIPLOMAT, tmp_path / "diplomat.txt")
    for name, published in (("bloomberg", "2019-08-22"), ("diplomat", "2019-08")):
        result = invoke("extract", f"{name}.txt", "--id", name, "--published", published, "--publisher", name.title(),
                        "--title", "GSOMIA")
        assert result.exit_code == 0, result.output
    return tmp_path


def used_ids(project: Path) -> set[str]:
    ids = set()
    for path in (project / "claims").glob("[bd]*.yaml"):
        for claim in read_claims_file(path).claims:
            ids |= {claim.subject} | ({claim.value.speaker} if claim.kind == "quote" else set())
    return ids


def test_propose_lists_proposals_with_kinds_roles_and_the_lines_they_come_from(project):
    result = invoke("entities", "propose")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "south-korea: South Korea (country)" in lines
    assert "michael-pompeo: Michael Pompeo (person), role: Secretary of State, of united-states" in lines
    assert any(line.startswith("  bloomberg.txt:22: U.S. Secretary of State Michael Pompeo said") for line in lines)
    assert not [line for line in lines if line.startswith("s-") or "La Trobe University (person)" in line]
    assert lines[-1].startswith("12 proposed entities")


def test_propose_as_json_and_as_an_entity_file(project):
    proposals = json.loads(invoke("entities", "propose", "--format", "json").output)
    pompeo = next(p for p in proposals if p["id"] == "michael-pompeo")
    assert pompeo["sentences"][0] == {"path": "bloomberg.txt", "line": 22, "text": pompeo["sentences"][0]["text"]}
    assert pompeo["sources"] == [str(Path("claims") / "bloomberg.yaml")]
    data = yaml.safe_load(invoke("entities", "propose", "--format", "yaml").output)
    assert [e["id"] for e in data["entities"]] == [p["id"] for p in proposals]


def test_accepting_every_proposal_makes_the_project_valid(project):
    assert invoke("validate", "claims").exit_code == 1  # unknown entities until they are accepted
    result = invoke("entities", "accept", "--all")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("created claims/entities.yaml: 12 entities added")
    assert "re-extracted claims/bloomberg.yaml" in result.output
    validated = invoke("validate", "claims")
    assert validated.exit_code == 0, validated.output
    assert invoke("entities", "propose").output.startswith("no proposals")


def test_accept_as_an_alias_of_an_existing_entity_and_with_another_kind(project):
    everyone_but = [line.split(":")[0] for line in invoke("entities", "propose").output.splitlines()
                    if line[:1].isalpha() and ":" in line and not line.startswith(("mike-pompeo", "12 "))]
    assert invoke("entities", "accept", *everyone_but).exit_code == 0
    result = invoke("entities", "accept", "mike-pompeo", "--as", "michael-pompeo")
    assert result.exit_code == 0, result.output
    assert "Mike Pompeo added to the aliases of michael-pompeo" in result.output
    entities = {e["id"]: e for e in yaml.safe_load((project / "claims" / "entities.yaml").read_text())["entities"]}
    assert "mike-pompeo" not in entities and entities["michael-pompeo"]["aliases"] == ["Mike Pompeo"]
    assert "mike-pompeo" not in used_ids(project) and "michael-pompeo" in used_ids(project)  # the claims follow
    assert invoke("validate", "claims").exit_code == 0


def test_accept_with_a_kind(project):
    result = invoke("entities", "accept", "us-department-of-defense", "--kind", "office", "--no-refresh")
    assert result.exit_code == 0, result.output
    [entity] = yaml.safe_load((project / "claims" / "entities.yaml").read_text())["entities"]
    assert (entity["id"], entity["kind"], entity["name"]) == ("us-department-of-defense", "office",
                                                               "U.S. Department of Defense")


def test_accept_keeps_what_a_person_wrote_in_the_entity_file(project):
    written = ("# Our entities. Keep this comment.\n"
               "entities:\n"
               "  # countries first\n"
               "  - id: japan\n"
               "    kind: country\n"
               "    name: Japan   # as the seeds write it\n"
               "    aliases: [Tokyo]\n"
               "  - id: pompeo\n"
               "    kind: person\n"
               "    name: Michael Pompeo\n"
               "    aliases:\n"
               "      - Mike Pompeo\n")
    (project / "claims" / "entities.yaml").write_text(written)
    assert "michael-pompeo" not in invoke("entities", "propose").output
    assert invoke("entities", "accept", "taro-kono", "south-korea").exit_code == 0
    text = (project / "claims" / "entities.yaml").read_text()
    assert text.startswith(written)
    assert "  - id: taro-kono\n" in text and "organisation: japan" in text


def test_accept_refuses_what_is_not_proposed_and_writes_nothing(project):
    result = invoke("entities", "accept", "no-such-proposal")
    assert result.exit_code == 2
    assert "not proposed: no-such-proposal" in result.output
    assert not (project / "claims" / "entities.yaml").exists()
    assert invoke("entities", "accept").exit_code == 2  # neither IDS nor --all
    assert invoke("entities", "accept", "japan", "--as", "nobody").exit_code == 2
    claims_before = (project / "claims" / "bloomberg.yaml").read_bytes()
    into_claims = invoke("entities", "accept", "japan", "--entities", "claims/bloomberg.yaml")
    assert into_claims.exit_code == 2 and "S001" in into_claims.output  # a claims file is no entity file
    assert (project / "claims" / "bloomberg.yaml").read_bytes() == claims_before
    assert invoke("entities", "accept", "japan", "--entities", "bloomberg.txt").exit_code == 2
    assert (project / "bloomberg.txt").read_bytes() == BLOOMBERG.read_bytes()


def test_re_extracting_after_the_entity_file_changed_prunes_stale_claims(project):
    before = used_ids(project)
    assert "south-korea" in before and "gsomia" not in before
    shutil.copy(ROOT / "claims" / "entities.yaml", project / "claims" / "entities.yaml")
    shutil.copy(ROOT / "claims" / "vocabulary.yaml", project / "claims" / "vocabulary.yaml")
    kept = invoke("extract", "diplomat.txt", "--id", "diplomat", "--published", "2019-08", "--publisher", "Diplomat",
                  "--title", "GSOMIA", "--keep-stale")
    assert "stale kept" in kept.output and "stale, kept: quote-said-" in kept.output
    result = invoke("extract", "bloomberg.txt", "--id", "bloomberg", "--published", "2019-08-22", "--publisher",
                    "Bloomberg", "--title", "GSOMIA")
    assert result.exit_code == 0, result.output
    assert " updated, " in result.output and "  pruned: quote-said-" in result.output
    claims = read_claims_file(project / "claims" / "bloomberg.yaml").claims
    assert "gsomia" in {c.subject for c in claims}
    evidence = [c.evidence.text for c in claims if c.kind == "quote"]
    assert len(evidence) == len(set(evidence))  # no quote twice under an old and a new id
    bloomberg = invoke("validate", "claims/bloomberg.yaml")
    assert bloomberg.exit_code == 0, bloomberg.output


def test_propose_reads_an_article_text_with_its_sidecar_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("portvale-strike.txt", "portvale-strike.meta.yaml"):
        shutil.copy(ROOT / "tests" / "data" / "extract" / name, tmp_path / name)
    result = invoke("entities", "propose", "portvale-strike.txt")
    assert result.exit_code == 0, result.output
    assert [line.split(":")[0] for line in result.output.splitlines() if line[:1].isalpha()][:4] == [
        "portvale-dockers-union", "maria-okonkwo", "daniel-reyes", "anna-berg"]
    assert "  portvale-strike.txt:15: …body wants a long strike in this port,” Berg said." in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["portvale-strike.meta.yaml", "portvale-strike.txt"]
    accepted = invoke("entities", "accept", "--all", "--claims", "portvale-strike.txt")
    assert accepted.exit_code == 0, accepted.output
    assert accepted.output.startswith("created claims/entities.yaml: 4 entities added")  # the default project folder
    assert "anna-berg" in (tmp_path / "claims" / "entities.yaml").read_text()

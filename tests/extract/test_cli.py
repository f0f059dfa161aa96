"""`factcheck extract` and `factcheck eval-extract` through click, as a user runs them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from factcheck.cli.extract_commands import eval_extract, extract
from factcheck.engine import run_rules
from factcheck.load import load_corpus
from factcheck.rules import load_rules
from factcheck.load.document import read_yaml
from factcheck.model import ClaimsFile
from tests.extract.extract_helpers import CLAIMS, DATA, ROOT

THIRD = DATA / "third-source.txt"


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A copy of the project: claims/ (entities, vocabulary, the two seeds' claims) and seeds/."""
    shutil.copytree(CLAIMS, tmp_path / "claims")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copy(THIRD, tmp_path / "third-source.txt")
    shutil.copy(DATA / "third-source.meta.yaml", tmp_path / "third-source.meta.yaml")
    return tmp_path


def run_extract(workspace: Path, *args: str):
    return CliRunner().invoke(extract, [str(a) for a in args], catch_exceptions=False)


def load(path: Path) -> ClaimsFile:
    return ClaimsFile.model_validate(read_yaml(path).data)


def test_extract_then_load_corpus_with_the_seeds_end_to_end(workspace):
    output = workspace / "claims" / "wire-2019-08-23.yaml"
    result = run_extract(workspace, workspace / "third-source.txt", "-o", output)
    assert result.exit_code == 0, result.output
    assert "wrote" in result.output and "proposed" not in result.output
    corpus = load_corpus([workspace / "claims"])
    ids = {d.claims_file.source.id for d in corpus.documents}
    assert ids == {"bloomberg-2019-08-22", "diplomat-2019-08", "wire-2019-08-23"}
    written = load(output)
    assert written.source.text == "../third-source.txt" and written.source.publisher == "Test Wire"
    assert str(written.source.published) == "2019-08-23"
    kinds = {c.kind for c in written.claims}
    assert {"quote", "date", "quantity", "scope"} <= kinds
    assert all(c.status.value == "auto" and 0 <= c.confidence <= 1 for c in written.claims)
    expiry = [c for c in written.claims if c.property == "expires_on"]
    assert [(c.subject, str(c.value.date)) for c in expiry] == [("gsomia", "2019-11-23")]
    # ... and the consistency report runs on it with the seeds, with no hand edits
    report = run_rules(corpus, load_rules([ROOT / "rules"]))
    [finding] = [f for f in report.findings if f.subject == "gsomia" and f.property == "expires_on"]
    assert finding.sources == ("bloomberg-2019-08-22", "diplomat-2019-08", "wire-2019-08-23")
    assert finding.verdict.value == "compatible"


def test_claim_ids_are_stable_across_runs(workspace):
    first, second = workspace / "a.yaml", workspace / "b.yaml"
    run_extract(workspace, workspace / "third-source.txt", "-o", first, "--entities", workspace / "claims/entities.yaml")
    run_extract(workspace, workspace / "third-source.txt", "-o", second, "--entities", workspace / "claims/entities.yaml")
    assert [c.id for c in load(first).claims] == [c.id for c in load(second).claims]


def test_options_override_the_sidecar(workspace):
    output = workspace / "claims" / "x.yaml"
    result = run_extract(workspace, workspace / "third-source.txt", "-o", output, "--publisher", "Other Wire",
                         "--published", "2019-08")
    assert result.exit_code == 0, result.output
    source = load(output).source
    assert (source.publisher, str(source.published), source.id) == ("Other Wire", "2019-08", "wire-2019-08-23")


def test_re_extraction_keeps_a_reviewed_edit_and_adds_new_claims(workspace):
    output = workspace / "claims" / "wire-2019-08-23.yaml"
    assert run_extract(workspace, workspace / "third-source.txt", "-o", output).exit_code == 0
    data = yaml.safe_load(output.read_text(encoding="utf-8"))
    expiry = next(c for c in data["claims"] if c["property"] == "expires_on")
    expiry.update({"status": "reviewed", "qualifier": "unless Seoul changes course", "note": "checked by hand"})
    dropped = data["claims"].pop()  # as if this candidate had not been found the first time
    output.write_text("# reviewed by a person\n" + yaml.safe_dump(data, sort_keys=False, allow_unicode=True),
                      encoding="utf-8")
    before = load(output)
    edited_before = next(c for c in before.claims if c.id == expiry["id"])

    result = run_extract(workspace, workspace / "third-source.txt", "-o", output)
    assert result.exit_code == 0, result.output
    assert "1 added" in result.output
    text = output.read_text(encoding="utf-8")
    assert text.startswith("# reviewed by a person\n")  # appended in place: the person's file is kept
    after = load(output)
    assert next(c for c in after.claims if c.id == expiry["id"]) == edited_before
    assert [c.id for c in after.claims] == [c.id for c in before.claims] + [dropped["id"]]
    load_corpus([workspace / "claims"])


def test_the_write_is_atomic(workspace, monkeypatch):
    output = workspace / "claims" / "wire-2019-08-23.yaml"
    output.write_text("old content\n", encoding="utf-8")
    from factcheck.load import write

    def crash(*args, **kwargs):
        raise OSError("disk full")
    monkeypatch.setattr(write.os, "replace", crash)
    result = run_extract(workspace, workspace / "third-source.txt", "-o", workspace / "claims" / "new.yaml")
    assert result.exit_code == 2 and "cannot write" in result.output  # a located error, not a traceback
    assert output.read_text(encoding="utf-8") == "old content\n"
    assert not (workspace / "claims" / "new.yaml").exists()
    assert not [p for p in (workspace / "claims").iterdir() if p.name.endswith(".tmp")]


def test_a_bad_published_date_is_a_usage_error(workspace):
    result = run_extract(workspace, workspace / "third-source.txt", "--published", "Aug 2019")
    assert result.exit_code == 2
    assert "--published" in result.output and "YYYY" in result.output


def test_a_missing_input_file_is_a_usage_error(workspace):
    result = run_extract(workspace, workspace / "nope.txt", "--id", "x", "--published", "2019")
    assert result.exit_code == 2
    assert "nope.txt" in result.output


def test_missing_metadata_is_named(workspace):
    bare = workspace / "bare.txt"
    bare.write_text("Seoul said on Thursday it would end the pact.\n", encoding="utf-8")
    result = run_extract(workspace, bare, "--published", "2019-08-22")
    assert result.exit_code == 2
    assert "--id" in result.output and "--publisher" in result.output and "bare.meta.yaml" in result.output


def test_proposed_entities_are_listed_and_written_apart(workspace):
    article = workspace / "article.txt"
    article.write_text("“The pact served both countries well,” said Jane Doe-Smith, a researcher.\n", encoding="utf-8")
    proposals = workspace / "proposed-entities.yaml"
    result = run_extract(workspace, article, "--id", "x-2019", "--publisher", "X", "--title", "T", "--published",
                         "2019-08-22", "-o", workspace / "claims" / "x-2019.yaml", "--propose-entities", proposals)
    assert result.exit_code == 0, result.output
    assert "jane-doe-smith: Jane Doe-Smith (person)" in result.output
    entities = yaml.safe_load(proposals.read_text(encoding="utf-8"))["entities"]
    assert entities[0]["id"] == "jane-doe-smith"
    assert "jane-doe-smith" not in (workspace / "claims" / "entities.yaml").read_text(encoding="utf-8")
    # accepting the proposals makes the project valid again
    project_entities = workspace / "claims" / "entities.yaml"
    merged = yaml.safe_load(project_entities.read_text(encoding="utf-8"))
    merged["entities"] += entities
    project_entities.write_text(yaml.safe_dump(merged, allow_unicode=True), encoding="utf-8")
    load_corpus([workspace / "claims"])


def test_eval_extract_on_the_fly_and_as_json(workspace):
    result = CliRunner().invoke(eval_extract, ["--reviewed", str(workspace / "claims" / "bloomberg-2019-08-22.yaml"),
                                               "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    quote = next(k for k in report["kinds"] if k["kind"] == "quote")
    assert quote["recall"] >= 0.9


def test_eval_extract_against_an_extracted_file(workspace):
    output = workspace / "claims" / "wire-2019-08-23.yaml"
    run_extract(workspace, workspace / "third-source.txt", "-o", output)
    result = CliRunner().invoke(eval_extract, ["--reviewed", str(output), "--extracted", str(output)])
    assert result.exit_code == 0 and "quote" in result.output and "1.00" in result.output


def test_merging_into_another_sources_file_is_refused(workspace):
    result = run_extract(workspace, workspace / "third-source.txt", "-o", workspace / "claims" / "diplomat-2019-08.yaml")
    assert result.exit_code == 2 and "diplomat-2019-08" in result.output


def test_an_empty_text_gives_an_empty_valid_claims_file(workspace):
    empty = workspace / "empty.txt"
    empty.write_text("", encoding="utf-8")
    output = workspace / "claims" / "empty-2019.yaml"
    result = run_extract(workspace, empty, "--id", "empty-2019", "--publisher", "P", "--title", "T",
                         "--published", "2019", "-o", output)
    assert result.exit_code == 0, result.output
    assert load(output).claims == []


def test_eval_extract_reads_no_source_text_outside_the_project(workspace, monkeypatch):
    """A reviewed claims file whose source.text climbs out of the project is refused, never read."""
    monkeypatch.chdir(workspace)
    (workspace / ".git").mkdir()  # the project root
    data = yaml.safe_load((workspace / "claims" / "diplomat-2019-08.yaml").read_text(encoding="utf-8"))
    data["source"]["text"] = "../../../../../../../etc/passwd"
    hostile = workspace / "claims" / "hostile.yaml"
    hostile.write_text(yaml.safe_dump(data), encoding="utf-8")
    result = CliRunner().invoke(eval_extract, ["--reviewed", str(hostile)])
    assert result.exit_code == 2
    assert "E005 source.text refused: outside the project root" in result.output
    assert "root:" not in result.output  # nothing of the refused file


def test_re_extraction_keeps_a_subject_a_person_chose_on_an_auto_claim(workspace):
    output = workspace / "claims" / "wire-2019-08-23.yaml"
    assert run_extract(workspace, workspace / "third-source.txt", "-o", output).exit_code == 0
    data = yaml.safe_load(output.read_text(encoding="utf-8"))
    known = {e["id"] for e in yaml.safe_load((workspace / "claims" / "entities.yaml").read_text(encoding="utf-8"))
             ["entities"]}
    claim = next(c for c in data["claims"] if c["status"] == "auto" and c["kind"] != "quote")
    chosen = next(e for e in sorted(known) if e != claim["subject"])
    claim["subject"] = chosen  # still `auto`: a person corrected the subject, nothing else
    output.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")

    result = run_extract(workspace, workspace / "third-source.txt", "-o", output)
    assert result.exit_code == 0, result.output
    after = load(output)
    assert next(c for c in after.claims if c.id == claim["id"]).subject == chosen


def test_an_article_from_standard_input_is_saved_beside_its_claims(workspace, monkeypatch):
    monkeypatch.chdir(workspace)
    article = (workspace / "third-source.txt").read_text(encoding="utf-8")
    output = workspace / "claims" / "piped-2019-08-23.yaml"
    result = CliRunner().invoke(extract, ["-", "--id", "piped-2019-08-23", "--published", "2019-08-23",
                                          "--publisher", "A wire", "--title", "Piped", "-o", str(output)],
                                input=article, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    saved = output.with_suffix(".txt")
    assert saved.read_text(encoding="utf-8") == article
    claims = load(output)
    assert claims.claims and all(saved.read_text(encoding="utf-8")[c.evidence.start:c.evidence.end] == c.evidence.text
                                 for c in claims.claims)
    load_corpus([workspace / "claims"])
    refused = CliRunner().invoke(extract, ["-", "--id", "piped-2019-08-23", "--published", "2019-08-23",
                                           "--publisher", "A wire", "--title", "Piped", "-o", "-"], input=article)
    assert refused.exit_code == 2 and "standard input must be saved beside" in refused.output
    missing = CliRunner().invoke(extract, ["-", "-o", str(output)], input=article)
    assert missing.exit_code == 2 and ".meta.yaml" not in missing.output and "--id" in missing.output

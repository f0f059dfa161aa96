"""Validation of whole projects: every bad-input case is a real broken file with a known location."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factcheck.load import ProblemsError, load_corpus
from factcheck.load.problems import Problem

LOAD = Path(__file__).resolve().parent.parent / "data" / "load"
BROKEN = LOAD / "broken"


def problems_of(*paths: Path, **options: Path) -> list[Problem]:
    with pytest.raises(ProblemsError) as caught:
        load_corpus(list(paths), **options)
    return caught.value.problems


def test_valid_project_loads_with_claim_lines() -> None:
    corpus = load_corpus([LOAD / "valid"])
    [document] = corpus.documents
    assert document.claims_file.source.id == "mini-2019-08-22"
    assert [c.id for c in document.claims_file.claims] == ["gsomia-expiry", "pentagon-quote", "announced"]
    assert document.claim_lines == {"gsomia-expiry": 11, "pentagon-quote": 23, "announced": 37}
    assert document.text is not None and document.text.startswith("Seoul ends")
    assert corpus.entities.resolve("the Pentagon") is None and corpus.entities.resolve("pentagon") == "us-dod"
    assert "expires_on" in corpus.vocabulary


@pytest.mark.parametrize(
    ("case", "code", "line", "column", "field", "needle"),
    [
        ("bad_syntax", "Y001", 8, 7, "", "invalid YAML"),
        ("wrong_type", "S001", 21, 14, "claims[0].evidence.start", "valid integer, unable to parse string"),
        ("unknown_kind", "S001", 12, 11, "claims[0].kind", "unknown kind 'dat'; expected one of 'date'"),
        ("unknown_property", "R002", 14, 15, "claims[0].property", "unknown property 'expire_on' (did you mean 'expires_on'?)"),
        ("property_wrong_kind", "R003", 26, 15, "claims[1].property", "is for date, duration claims, not quote"),
        ("duplicate_claim_id", "R004", 37, 9, "claims[2].id", "claim id 'gsomia-expiry' is used twice"),
        ("unknown_entity", "R001", 13, 14, "claims[0].subject", "unknown entity 'gsomai' (did you mean 'gsomia'?)"),
        ("evidence_offsets", "E001", 20, 7, "claims[0].evidence", "not at 140..184 in ../source.txt; found at 139..183 (line 3)"),
        ("evidence_length", "S001", 20, 7, "claims[0].evidence", "end - start is 41 but the evidence text has 44 characters; found at 139..183 (line 3)"),
        ("sha_changed", "E003", 9, 11, "source.sha256", "the source text has changed"),
        ("source_text_missing", "E002", 8, 9, "source.text", "'../no-such-source.txt' not found"),
        ("date_not_exist", "E004", 16, 13, "claims[0].value.date", "the date 2019-02-30 does not exist"),
        ("date_not_exist_quoted", "S001", 16, 13, "claims[0].value.date", "2019-02-29 does not exist"),
        ("yaml11_norway", "Y003", 3, 14, "source.publisher", "unquoted NO is the boolean false"),
        ("yaml11_octal", "Y003", 37, 9, "claims[2].id", "unquoted 0123 is an octal number"),
        ("yaml11_base60", "Y003", 17, 16, "claims[0].qualifier", "unquoted 1:20 is a base-60 number"),
        ("missing_field", "S001", 11, 5, "claims[0].subject", "missing required field `subject`"),
        ("extra_field", "S001", 13, 13, "claims[0].subjet", "unknown field `subjet` (did you mean `subject`?)"),
        ("duplicate_key", "Y004", 18, 5, "claims[0].qualifier", "duplicate key 'qualifier'"),
        ("python_tag", "Y002", 17, 16, "", "explicit tags"),
        ("alias_bomb", "Y002", 1, 4, "", "anchors (&a) are not allowed"),
        ("deep_nesting", "Y002", 1, 72, "", "nesting deeper than 64 levels"),
        ("two_documents", "Y002", 49, 1, "", "one YAML document"),
    ],
)
def test_each_mistake_is_reported_once_with_its_location(case: str, code: str, line: int, column: int,
                                                         field: str, needle: str) -> None:
    [problem] = problems_of(BROKEN / f"{case}.yaml")
    assert (problem.code, problem.line, problem.column, problem.field) == (code, line, column, field)
    assert needle in problem.message
    assert problem.path.endswith(f"{case}.yaml")
    assert str(problem).startswith(f"{problem.path}:{line}:{column}: {code} ")


def test_all_problems_of_all_files_in_one_run() -> None:
    problems = problems_of(BROKEN / "unknown_entity.yaml", BROKEN / "sha_changed.yaml", BROKEN / "yaml11_norway.yaml")
    # the three files are variants of one file, so their shared source id is reported too
    assert sorted(p.code for p in problems) == ["E003", "R001", "R004", "R004", "Y003"]


def test_a_broken_claim_does_not_hide_problems_in_the_others(tmp_path: Path) -> None:
    shutil.copy(LOAD / "source.txt", tmp_path / "source.txt")
    folder = tmp_path / "claims"
    folder.mkdir()
    shutil.copy(LOAD / "valid" / "entities.yaml", folder)
    text = (BROKEN / "unknown_kind.yaml").read_text().replace("property: said", "property: sayd")
    (folder / "two-mistakes.yaml").write_text(text)
    codes = sorted(p.code for p in problems_of(folder))
    assert codes == ["R002", "S001"]


def test_entity_file_mistakes_keep_the_valid_entities() -> None:
    problems = problems_of(LOAD / "valid" / "claims.yaml",
                           entities_path=LOAD / "broken_entities" / "entities.yaml")
    by_code = {p.code: p for p in problems}
    assert by_code["R004"].message == "entity id 'gsomia' is defined twice"
    assert "'the pact' is used by both 'gsomia' and 'tisa'" in by_code["R005"].message
    assert by_code["R001"].field in ("entities[3].part_of", "claims[1].value.speaker")
    assert "got 'persn'" in by_code["S001"].message
    # gsomia stays known: no claim is flooded with "unknown entity 'gsomia'"
    assert not any("'gsomia'" in p.message and p.code == "R001" for p in problems)


def test_duplicate_source_ids_across_files(tmp_path: Path) -> None:
    shutil.copy(LOAD / "source.txt", tmp_path / "source.txt")
    folder = tmp_path / "claims"
    folder.mkdir()
    shutil.copy(LOAD / "valid" / "entities.yaml", folder)
    shutil.copy(LOAD / "valid" / "claims.yaml", folder / "a.yaml")
    shutil.copy(LOAD / "valid" / "claims.yaml", folder / "b.yaml")
    [problem] = problems_of(folder)
    assert problem.code == "R004" and problem.message == f"source id 'mini-2019-08-22' is already used by {folder / 'a.yaml'}"


def test_missing_path_is_reported(tmp_path: Path) -> None:
    [problem] = problems_of(tmp_path / "nope")
    assert problem.code == "E002"


def test_project_vocabulary_extends_the_shipped_one(tmp_path: Path) -> None:
    shutil.copy(LOAD / "source.txt", tmp_path / "source.txt")
    folder = tmp_path / "claims"
    folder.mkdir()
    shutil.copy(LOAD / "valid" / "entities.yaml", folder)
    text = (LOAD / "valid" / "claims.yaml").read_text().replace("property: announced_on", "property: withdrawal_announced_on")
    (folder / "c.yaml").write_text(text)
    assert [p.code for p in problems_of(folder)] == ["R002"]
    (folder / "vocabulary.yaml").write_text(
        "properties:\n  - id: withdrawal_announced_on\n    description: When a withdrawal was announced.\n"
        "    kinds: [date]\n")
    corpus = load_corpus([folder])
    assert "withdrawal_announced_on" in corpus.vocabulary and "signed_on" in corpus.vocabulary


def test_the_root_is_found_once_per_folder_and_confines_as_before(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Finding a file's root (two realpaths and a walk up to .git) cost more than reading it: the
    loader finds it once per folder and hands it to every read of that folder's files and texts."""
    import sys

    from factcheck.load import corpus as corpus_module
    from factcheck.load import source_text as source_text_module

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from corpus_gen import generate

    monkeypatch.setenv("FACTCHECK_ROOT", str(tmp_path))
    claims_dir = generate(tmp_path / "project", 6, 5, seed=4).claims_dir
    found: list[Path] = []
    real = corpus_module.root_for
    monkeypatch.setattr(corpus_module, "root_for", lambda path: found.append(path) or real(path))
    monkeypatch.setattr(source_text_module, "root_for", lambda path: found.append(path) or real(path))
    corpus = load_corpus([claims_dir])
    assert len(corpus.documents) == 6 and len(found) == 1
    # a source text that leaves the root is refused as before, the root being the folder's
    secret = tmp_path.parent / f"{tmp_path.name}-secret.txt"
    secret.write_text("secret", encoding="utf-8")
    first = claims_dir / "s000000.yaml"
    first.write_text(first.read_text(encoding="utf-8").replace("text: ../texts/s000000.txt",
                                                               f"text: ../../../{secret.name}"), encoding="utf-8")
    [problem] = problems_of(claims_dir)
    assert (problem.code, problem.field) == ("E005", "source.text")
    assert problem.message == "refused: outside the project root (after following symlinks)"


def test_check_claims_reports_each_reference_property_and_id_as_before() -> None:
    """`check_claims` first asks, per distinct value, whether anything can be wrong in a file; every
    kind of mistake still comes out, at its field: each entity a seed claim names (subject, speaker,
    organisation, than, object) made unknown in turn, an unknown property, a property of another
    kind, an id used twice."""
    from factcheck.load.corpus import _entity_references, check_claims
    from factcheck.load.document import YamlDocument

    corpus = load_corpus([Path(__file__).resolve().parents[2] / "claims"])
    document = YamlDocument(Path("f.yaml"))
    checked: set[str] = set()
    for claims in ([*loaded.claims_file.claims] for loaded in corpus.documents):
        assert check_claims(document, list(enumerate(claims)), corpus.entities, corpus.vocabulary) == []
        for index, claim in enumerate(claims):
            for place, _ in _entity_references(claim.subject, claim.value):
                if place == ("subject",):
                    changed = claim.model_copy(update={"subject": "nobody-known"})
                else:
                    changed = claim.model_copy(update={"value": claim.value.model_copy(update={place[1]: "nobody-known"})})
                found = check_claims(document, list(enumerate([*claims[:index], changed, *claims[index + 1:]])),
                                     corpus.entities, corpus.vocabulary)
                assert [(p.code, p.field) for p in found] == [("R001", f"claims[{index}]." + ".".join(place))]
                checked.add(".".join(place))
        mistakes = {
            "R002": claims[0].model_copy(update={"property": "expire_on"}),
            "R003": claims[0].model_copy(update={"property": next(p for p, d in corpus.vocabulary.items()
                                                                 if claims[0].kind not in d.kinds)}),
            "R004": claims[1],
        }
        for code, changed in mistakes.items():
            found = check_claims(document, list(enumerate([changed, *claims[1:]])), corpus.entities, corpus.vocabulary)
            assert [p.code for p in found] == [code]
    assert checked == {"subject", "value.speaker", "value.organisation", "value.than", "value.object"}


def test_folders_with_roots_of_their_own_are_each_read_through_their_own(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Two claims folders named at once, one inside the project root and one outside it (its own
    root: the folder above it): each folder's files and texts are read through that folder's root,
    so nothing is refused (the two generated projects only repeat each other's source ids)."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from corpus_gen import generate

    monkeypatch.setenv("FACTCHECK_ROOT", str(tmp_path / "inside"))
    inside = generate(tmp_path / "inside" / "project", 2, 3, seed=4).claims_dir
    outside = generate(tmp_path / "outside" / "project", 2, 3, seed=5).claims_dir
    found = problems_of(inside, outside)
    assert {p.code for p in found} == {"R004"} and len(found) == 2
    assert all("outside/project/claims" in p.path for p in found)

"""The cache of validated claims: a hit gives the corpus a fresh load gives; a changed claims file,
source text, entity file or vocabulary is a miss; a corrupt, tampered, foreign or old cache is never
trusted and is built again."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest

from factcheck.load import corpus as corpus_module
from factcheck.load.cache import CACHE_FILE, CACHE_FOLDER
from factcheck.load.corpus import Corpus, load_corpus
from factcheck.load.problems import ProblemsError

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus_gen import generate  # noqa: E402


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A generated project of 5 sources, its cache key kept in the test's own folder."""
    monkeypatch.setenv("FACTCHECK_ROOT", str(tmp_path / "project"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    return generate(tmp_path / "project", 5, 20, seed=2).claims_dir


def read_files(claims_dir: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Corpus, list[str]]:
    """A cached load, and the claims files it read (the misses)."""
    read: list[str] = []
    real = corpus_module.load_source

    def spy(document, *args):  # type: ignore[no-untyped-def]
        read.append(document.path.name)
        return real(document, *args)

    with monkeypatch.context() as patched:
        patched.setattr(corpus_module, "load_source", spy)
        corpus = load_corpus([claims_dir], cache=True)
    return corpus, sorted(read)


def view(corpus: Corpus) -> list[tuple]:
    return [(d.path, d.claims_file, d.text, d.claim_lines) for d in corpus.documents]


def cache_file(claims_dir: Path) -> Path:
    return claims_dir.parent / CACHE_FOLDER / CACHE_FILE


def test_miss_then_hit(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, read = read_files(project, monkeypatch)
    assert len(read) == 5
    second, read = read_files(project, monkeypatch)
    assert read == []
    assert view(second) == view(first) == view(load_corpus([project]))
    assert (project.parent / CACHE_FOLDER / ".gitignore").read_text(encoding="utf-8").endswith("*\n")


def test_stale_claims_file_source_text_and_context(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    read_files(project, monkeypatch)
    claims = project / "s000001.yaml"
    claims.write_text(claims.read_text(encoding="utf-8").replace("Report 1", "Report one"), encoding="utf-8")
    corpus, read = read_files(project, monkeypatch)
    assert read == ["s000001.yaml"]
    assert corpus.documents[1].claims_file.source.title == "Report one"
    # A source text changed under its claims: read again, and the changed hash reported.
    text = project.parent / "texts" / "s000002.txt"
    text.write_text(text.read_text(encoding="utf-8") + " More.", encoding="utf-8")
    with pytest.raises(ProblemsError, match="E003"):
        read_files(project, monkeypatch)
    text.write_text(text.read_text(encoding="utf-8")[:-6], encoding="utf-8")
    _, read = read_files(project, monkeypatch)
    assert read == []
    # The entity file or the vocabulary changes every file's outcome.
    entities = project / "entities.yaml"
    entities.write_text(entities.read_text(encoding="utf-8") + "  - id: extra\n    kind: person\n    name: X\n",
                        encoding="utf-8")
    _, read = read_files(project, monkeypatch)
    assert len(read) == 5
    vocabulary = project / "vocabulary.yaml"
    vocabulary.write_text(vocabulary.read_text(encoding="utf-8").replace("leaves", "quits"), encoding="utf-8")
    _, read = read_files(project, monkeypatch)
    assert len(read) == 5


def test_corrupt_cache_is_rebuilt(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, _ = read_files(project, monkeypatch)
    cache_file(project).write_bytes(b"not a database at all" * 100)
    corpus, read = read_files(project, monkeypatch)
    assert len(read) == 5 and view(corpus) == view(first)
    _, read = read_files(project, monkeypatch)
    assert read == []


def test_tampered_row_is_a_miss(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, _ = read_files(project, monkeypatch)
    with sqlite3.connect(cache_file(project)) as connection:
        connection.execute("UPDATE files SET model = replace(model, 'Publisher', 'Forger')")
    corpus, read = read_files(project, monkeypatch)
    assert len(read) == 5 and view(corpus) == view(first)


def test_foreign_key_and_old_format_are_misses(project: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    read_files(project, monkeypatch)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-user"))  # a cache made by someone else
    _, read = read_files(project, monkeypatch)
    assert len(read) == 5
    with sqlite3.connect(cache_file(project)) as connection:
        connection.execute("UPDATE meta SET value = '0' WHERE name = 'format'")
    _, read = read_files(project, monkeypatch)
    assert len(read) == 5
    _, read = read_files(project, monkeypatch)
    assert read == []


def test_a_file_with_problems_is_never_cached(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    claims = project / "s000003.yaml"
    claims.write_text(claims.read_text(encoding="utf-8").replace("kind: date", "kind: dates", 1), encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ProblemsError, match="s000003.yaml"):
            read_files(project, monkeypatch)


def test_no_cache_reads_everything(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_corpus([project], cache=False)
    assert not cache_file(project).exists()


def test_report_with_and_without_the_cache(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from factcheck.cli import cli

    monkeypatch.chdir(project.parent)
    runner = CliRunner()
    args = ["report", "--claims", "claims", "--format", "json", "--exit-zero", "-q"]
    uncached = runner.invoke(cli, [*args, "--no-cache"])
    assert uncached.exit_code == 0, uncached.output
    assert not cache_file(project).exists()
    cold = runner.invoke(cli, args)
    assert cache_file(project).exists()
    warm = runner.invoke(cli, args)
    assert uncached.stdout == cold.stdout == warm.stdout
    assert any(f["verdict"] == "conflict" for f in json.loads(warm.stdout)["findings"])


def test_load_reports_progress_per_claims_file(project: Path) -> None:
    seen: list[tuple[int, int]] = []
    load_corpus([project], progress=lambda done, total: seen.append((done, total)))
    assert seen == [(n, 5) for n in range(1, 6)]


def test_no_key_no_cache(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the key's folder would be", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    first, read = read_files(project, monkeypatch)
    assert len(read) == 5 and not (project.parent / CACHE_FOLDER).exists()
    _, read = read_files(project, monkeypatch)
    assert len(read) == 5


def test_a_damaged_page_is_a_miss_and_the_cache_is_built_again(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, _ = read_files(project, monkeypatch)
    path = cache_file(project)
    raw = bytearray(path.read_bytes())
    page = 4096
    assert len(raw) > 3 * page
    raw[2 * page:len(raw)] = b"\xff" * (len(raw) - 2 * page)  # every page after the schema's, garbage
    path.write_bytes(bytes(raw))
    corpus, read = read_files(project, monkeypatch)
    assert len(read) == 5 and view(corpus) == view(first)
    read_files(project, monkeypatch)  # built again (not kept as a cache that always misses)
    _, read = read_files(project, monkeypatch)
    assert read == []

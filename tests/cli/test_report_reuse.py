"""`factcheck report` reuses the report it wrote before when nothing it depends on changed (issue 11,
the warm report; factcheck/load/report_store.py): the same bytes as a run without the store, the
same exit code and messages, and a full run whenever a claims file, a source, a source text, a rule,
an option or the store itself is not what it was."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.cli import report_commands
from factcheck.engine import run_rules
from factcheck.load import file_state, report_request, report_store

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus_gen import generate  # noqa: E402


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times the engine compared (once per run that did not reuse a report)."""
    counted: list[int] = []

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        counted.append(1)
        return run_rules(*args, **kwargs)
    monkeypatch.setattr(report_commands, "run_rules", counting)
    return counted


@pytest.fixture
def seeds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for folder in ("claims", "rules", "seeds"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    _isolate(tmp_path, monkeypatch)
    return tmp_path


@pytest.fixture
def generated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    generate(tmp_path, 30, 40, conflicts=6, seed=21)
    _isolate(tmp_path, monkeypatch)
    return tmp_path


def _isolate(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    monkeypatch.setenv("XDG_CACHE_HOME", str(project / "user-cache"))  # the key, outside the project
    monkeypatch.setenv("FACTCHECK_ROOT", str(project))
    # Files changed in the last two seconds are hashed every time (git's racy files: tests/load/
    # test_file_state.py); a test's files are all that fresh, which would hide whether signatures vouch.
    monkeypatch.setattr(file_state, "RACY_NS", 0)


def report(*args: str) -> tuple[int, bytes, str]:
    """Exit code, the report's bytes (`-o out`) and standard error of one `factcheck report`."""
    result = CliRunner().invoke(cli, ["report", "--format", "json", "-q", "-o", "out", *args])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, Path("out").read_bytes(), result.stderr


def fresh(*args: str) -> tuple[int, bytes, str]:
    return report("--no-cache", *args)


def test_an_unchanged_project_reuses_its_report_byte_for_byte(seeds: Path, runs: list[int]) -> None:
    first = report()
    assert runs == [1]
    again = report()
    assert runs == [1]  # nothing compared: the report kept in the store
    assert again == first == fresh()
    assert runs == [1, 1]  # --no-cache neither reads nor fills the store


def test_a_generated_project_with_conflicts(generated: Path, runs: list[int]) -> None:
    first = report("--claims", "claims")
    assert first[0] == 1 and "findings fail" in first[2]
    assert report("--claims", "claims") == first and runs == [1]
    assert fresh("--claims", "claims") == first


def test_each_format_and_option_is_kept_apart(seeds: Path, runs: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    for args in (["--format", "markdown"], ["--format", "text"], ["--hide-unverified", "--format", "text"]):
        out = CliRunner().invoke(cli, ["report", "-q", "-o", "out", *args])
        kept = Path("out").read_bytes()
        again = CliRunner().invoke(cli, ["report", "-q", "-o", "out", *args])
        assert Path("out").read_bytes() == kept and again.exit_code == out.exit_code
    assert len(runs) == 3
    printed = [CliRunner().invoke(cli, ["report", "--format", "json"]).stdout for _ in range(2)]
    assert printed[0] == printed[1] == CliRunner().invoke(cli, ["report", "--format", "json", "--no-cache"]).stdout
    assert len(runs) == 5
    report("--indent", "2")
    report("--reviewed-only")
    report("--ignore", "FC101")
    with monkeypatch.context() as limited:
        limited.setenv("FACTCHECK_MAX_TEXT_BYTES", "100")  # a limit the seeds' texts exceed: a full run says so
        result = CliRunner().invoke(cli, ["report", "--format", "json", "-q", "-o", "out"])
    assert result.exit_code == 1 and "E00" in result.output and len(runs) == 8
    assert report("--fail-on", "compatible")[0] == 1  # the seeds' two compatible findings fail
    assert len(runs) == 9
    code, _, said = report("--fail-on", "compatible")
    assert len(runs) == 9 and code == 1 and "2 findings fail" in said  # reused, with its exit code


def test_an_edited_claims_file_is_compared_again(generated: Path, runs: list[int]) -> None:
    before = report("--claims", "claims")
    path = generated / "claims" / "s000003.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("amount: ", "amount: 9", 1), encoding="utf-8")
    after = report("--claims", "claims")
    assert runs == [1, 1] and after != before
    assert after == fresh("--claims", "claims")


def test_a_new_source_is_compared(generated: Path, runs: list[int]) -> None:
    before = report("--claims", "claims")
    copied = (generated / "claims" / "s000003.yaml").read_text(encoding="utf-8")
    (generated / "claims" / "s999999.yaml").write_text(copied.replace("id: s000003", "id: s999999", 1),
                                                       encoding="utf-8")
    after = report("--claims", "claims")
    assert runs == [1, 1] and after != before and b"s999999" in after[1]
    assert after == fresh("--claims", "claims")
    assert report("--claims", "claims") == after and len(runs) == 3  # the next run reuses the new report


def test_a_deleted_source_is_compared(generated: Path, runs: list[int]) -> None:
    report("--claims", "claims")
    (generated / "claims" / "s000003.yaml").unlink()
    after = report("--claims", "claims")
    assert runs == [1, 1] and b"s000003" not in after[1] and after == fresh("--claims", "claims")


def test_a_changed_source_text_is_noticed_even_with_its_size_and_times_kept(seeds: Path, runs: list[int]) -> None:
    report()
    text = next((seeds / "seeds").glob("*.txt"))
    kept = text.stat()
    raw = text.read_bytes()
    text.write_bytes(raw[:100] + (b"X" if raw[100:101] != b"X" else b"Y") + raw[101:])  # same size
    os.utime(text, ns=(kept.st_atime_ns, kept.st_mtime_ns))  # and the same modification time
    result = CliRunner().invoke(cli, ["report", "--format", "json", "-q", "-o", "out"])
    assert result.exit_code == 1 and "E003" in result.output  # its claims file names the old sha256
    assert runs == [1]  # the load failed before comparing; nothing was reused


def test_touched_but_unchanged_files_are_reused_and_their_signatures_renewed(seeds: Path, runs: list[int],
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    first = report()
    for path in [*(seeds / "claims").glob("*.yaml"), *(seeds / "seeds").glob("*.txt")]:
        path.write_bytes(path.read_bytes())  # a checkout that rewrote the same bytes
    hashed: list[str] = []
    real_hash = file_state.hash_file

    def counting(path, expected):  # type: ignore[no-untyped-def]
        hashed.append(path)
        return real_hash(path, expected)
    monkeypatch.setattr(file_state, "hash_file", counting)
    assert report() == first and runs == [1]
    assert len(hashed) == 6  # every file of the claims folder (with the entity file, vocabulary) and 2 texts
    hashed.clear()
    assert report() == first and runs == [1] and hashed == []  # their new signatures vouch for them


def test_a_rule_changed_is_compared_again(seeds: Path, runs: list[int]) -> None:
    before = report()
    rule = next((seeds / "rules").glob("*.yaml"))
    rule.write_text(rule.read_text(encoding="utf-8").replace("severity: error", "severity: warning", 1),
                    encoding="utf-8")
    report()
    assert runs == [1, 1] and before is not None


def _store() -> Path:
    return Path(os.environ["FACTCHECK_ROOT"]) / ".factcheck" / "cache" / "reports"


@pytest.mark.parametrize("damage", ["garbage", "edited", "foreign key", "output replaced", "output deleted"])
def test_a_damaged_or_foreign_store_is_never_trusted_and_is_rebuilt(seeds: Path, runs: list[int], damage: str,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    first = report()
    manifest = next(_store().glob("*.json"))
    kept = manifest.with_suffix(".out")
    if damage == "garbage":
        manifest.write_bytes(b"\0not a manifest")
    elif damage == "edited":  # a failing count of 0 would turn the exit code: the signature no longer fits
        manifest.write_bytes(manifest.read_bytes().replace(b'"failing":0', b'"failing":7'))
    elif damage == "foreign key":  # a store made by someone else (committed, or restored from elsewhere)
        monkeypatch.setenv("XDG_CACHE_HOME", str(seeds / "another-user"))
    elif damage == "output replaced":  # same size, other bytes
        raw = kept.read_bytes()
        kept.write_bytes(raw.replace(b'"agree"', b'"AGREE"'))
    else:
        kept.unlink()
    assert report() == first and runs == [1, 1]  # compared again: the same report
    assert report() == first and runs == [1, 1]  # and kept again


def test_a_file_changed_while_the_report_ran_is_not_kept(seeds: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    claims_file = seeds / "claims" / "diplomat-2019-08.yaml"

    def edits_meanwhile(*args, **kwargs):  # type: ignore[no-untyped-def]
        claims_file.write_text(claims_file.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
        return run_rules(*args, **kwargs)
    monkeypatch.setattr(report_commands, "run_rules", edits_meanwhile)
    report()
    assert [p.name for p in _store().iterdir()] == [".gitignore"]  # what the run read is not known: nothing kept


def test_invalid_claims_keep_nothing(seeds: Path) -> None:
    path = seeds / "claims" / "diplomat-2019-08.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("kind: quote", "kind: quotation", 1), encoding="utf-8")
    result = CliRunner().invoke(cli, ["report", "-q"])
    assert result.exit_code == 1
    assert [p.name for p in _store().iterdir()] == [".gitignore"]  # no report, no temporary file


def test_no_cache_writes_no_store(seeds: Path) -> None:
    fresh()
    assert not _store().exists()


def test_the_store_keeps_only_the_reports_used_last(seeds: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(report_store, "KEEP", 2)
    for width in ("81", "82", "83"):
        monkeypatch.setenv("COLUMNS", width)
        assert CliRunner().invoke(cli, ["report", "-q", "--format", "text"]).exit_code == 0
    assert len(list(_store().glob("*.json"))) == len(list(_store().glob("*.out"))) == 2


@pytest.mark.parametrize("change", ["factcheck's code", "an installed distribution", "python"])
def test_what_a_report_depends_on_beyond_the_project(seeds: Path, runs: list[int], change: str,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    first = report()
    if change == "factcheck's code":  # an edited checkout keeps its version number
        monkeypatch.setattr(report_request, "code_digest", lambda: "edited")
    elif change == "an installed distribution":  # a dependency or a comparator plugin upgraded
        installed = report_request.installed_versions()
        monkeypatch.setattr(report_request, "installed_versions", lambda: [*installed, "some-plugin==2.0"])
    else:
        monkeypatch.setattr(report_request.sys, "version", "3.99.0")
    assert report() == first and runs == [1, 1]  # compared again (the same findings, here)


def test_another_working_directory_is_another_report(seeds: Path, runs: list[int],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    report()
    (seeds / "elsewhere").mkdir()
    monkeypatch.chdir(seeds / "elsewhere")  # paths are shown relative to the working directory
    moved = report("--claims", "../claims", "--rules", "../rules")
    assert runs == [1, 1] and b'"../claims/' in moved[1]
    assert moved == fresh("--claims", "../claims", "--rules", "../rules")


def test_a_store_folder_that_is_a_link_is_not_used(seeds: Path, runs: list[int]) -> None:
    elsewhere = seeds.parent / f"{seeds.name}-elsewhere"  # say, a folder of the user's own JSON files
    elsewhere.mkdir()
    for number in range(6):
        (elsewhere / f"{number:032x}.json").write_text("{}", encoding="utf-8")
    (seeds / ".factcheck" / "cache").mkdir(parents=True)
    (seeds / ".factcheck" / "cache" / "reports").symlink_to(elsewhere)  # committed by a pull request
    first = report()
    assert report() == first == fresh() and runs == [1, 1, 1]  # no store: each run in full
    assert sorted(p.name for p in elsewhere.iterdir()) == [f"{n:032x}.json" for n in range(6)]  # none pruned


@pytest.mark.parametrize("planted", ["a link to /dev/zero", "a FIFO"])
def test_a_planted_manifest_is_not_read(seeds: Path, runs: list[int], planted: str) -> None:
    first = report()
    manifest = next(_store().glob("*.json"))
    manifest.unlink()
    if planted == "a FIFO":
        os.mkfifo(manifest)
    else:
        manifest.symlink_to("/dev/zero")
    assert report() == first and runs == [1, 1]  # a full run, not a hang


def test_a_character_cut_between_two_pieces_is_whole(seeds: Path, runs: list[int],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    first = report()
    assert max(first[1]) > 127  # the seeds' report holds characters of several bytes
    monkeypatch.setattr(report_store, "_CHUNK", 7)  # pieces that cut them
    assert report() == first and runs == [1]  # to a file: text, decoded piece by piece
    printed = CliRunner().invoke(cli, ["report", "--format", "json"]).stdout_bytes  # the same report, kept
    assert printed == first[1] and runs == [1]  # to standard output: the bytes as kept

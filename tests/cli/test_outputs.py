"""Outputs that cannot destroy (issue 9, item 5): every `-o` and `--propose-entities` refuses to replace
a claims file, the entity file, the vocabulary, cues, a baseline, a source text or any file factcheck
did not write (exit 2, the file byte for byte as it was); a previous output of the same command is
replaced; `-o -` is standard output; a failed write is one line, never a traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.gate.render import GATE_FORMATS
from factcheck.report import FORMATS

ROOT = Path(__file__).resolve().parents[2]
BLOOMBERG = "claims/bloomberg-2019-08-22.yaml"
PAGE = """<!DOCTYPE html><html><head><title>Seoul ends pact</title></head><body>
<article><h1>Seoul ends intelligence pact with Tokyo</h1>
<p>South Korea said on Thursday it would end the General Security of Military Information Agreement with Japan,
extending a feud over trade and history into security cooperation.</p>
<p>The pact will expire Nov. 23 if not renewed, officials in Seoul said in a briefing for reporters.</p>
<p>“This is a grave mistake,” said Zorblat Quenmere, a spokesman for the Vexlund Shipping Federation.</p>
</article></body></html>
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    for name in ("claims", "rules", "seeds"):
        shutil.copytree(ROOT / name, tmp_path / name)
    (tmp_path / "cues.yaml").write_text("# the project's cues\n", encoding="utf-8")
    (tmp_path / ".factcheck").mkdir()
    (tmp_path / ".factcheck" / "baseline.yaml").write_text("# factcheck baseline\nentries: []\n", encoding="utf-8")
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "claims" / "page.txt").write_text("An article someone saved by hand.\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("# my notes\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


EXTRACT = ("extract", "seeds/000_a030a752b5a4a38b.txt", "--id", "bloomberg-2019-08-22", "--published", "2019-08-22",
           "--publisher", "Bloomberg", "--title", "T")
PAGE_EXTRACT = ("extract", "page.html", "--id", "page-2019", "--published", "2019-08-22", "--publisher", "P")

REFUSALS = {
    "report over a claims file": (("report", "-q", "-o", BLOOMBERG), BLOOMBERG),
    "html report over the entity file": (("report", "-q", "--format", "html", "-o", "claims/entities.yaml"),
                                         "claims/entities.yaml"),
    "schema over the vocabulary": (("schema", "-o", "claims/vocabulary.yaml"), "claims/vocabulary.yaml"),
    "schema over the cues": (("schema", "-o", "cues.yaml"), "cues.yaml"),
    "extract -o the cues": (("-o", "cues.yaml"), "cues.yaml"),
    "gate over the baseline": (("gate", BLOOMBERG, "-o", ".factcheck/baseline.yaml"), ".factcheck/baseline.yaml"),
    "gate over another baseline given": (("gate", BLOOMBERG, "--baseline", "claims/entities.yaml", "-o",
                                          "claims/entities.yaml"), "claims/entities.yaml"),
    "report over a source text": (("report", "-q", "--format", "json", "-o", "seeds/000_a030a752b5a4a38b.txt"),
                                  "seeds/000_a030a752b5a4a38b.txt"),
    "report over a file it did not write": (("report", "-q", "--format", "markdown", "-o", "notes.md"), "notes.md"),
    "report over a rule": (("report", "-q", "-o", "rules/FC502-office-held.yaml"), "rules/FC502-office-held.yaml"),
    "propose-entities into entities.yaml": (("--propose-entities", "claims/entities.yaml"), "claims/entities.yaml"),
    "extract -o the entity file": (("-o", "claims/entities.yaml"), "claims/entities.yaml"),
    "extract -o the vocabulary": (("-o", "claims/vocabulary.yaml"), "claims/vocabulary.yaml"),
    "extract -o the baseline": (("-o", ".factcheck/baseline.yaml"), ".factcheck/baseline.yaml"),
    "extract -o its own article": (("-o", "seeds/000_a030a752b5a4a38b.txt"), "seeds/000_a030a752b5a4a38b.txt"),
    "extract -o another source's claims": (("-o", "claims/diplomat-2019-08.yaml"), "claims/diplomat-2019-08.yaml"),
}


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_an_output_never_replaces_an_input(project, case):
    args, victim = REFUSALS[case]
    if args[0] not in ("report", "schema", "gate"):
        args = (*EXTRACT, *args)
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert victim in result.output and ("refusing to overwrite" in result.output or "holds the claims" in result.output)
    assert {p: p.read_bytes() for p in project.rglob("*") if p.is_file() and not p.name.endswith(".lock")} == before


@pytest.mark.parametrize("existing", [False, True])
def test_extract_of_a_page_never_writes_its_claims_over_a_text(project, existing):
    """`extract page.html -o claims/page.txt`: the claims would be written over the page's own saved text."""
    if not existing:
        (project / "claims" / "page.txt").unlink()
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    result = run(*PAGE_EXTRACT, "-o", "claims/page.txt")
    verb = "overwrite" if existing else "write"
    assert result.exit_code == 2 and f"refusing to {verb} claims/page.txt" in result.output
    assert "a claims file is YAML" in result.output
    assert {p: p.read_bytes() for p in project.rglob("*") if p.is_file()} == before


def test_extract_of_a_page_never_replaces_a_text_its_claims_do_not_name(project):
    before = (project / "claims" / "page.txt").read_bytes()
    result = run(*PAGE_EXTRACT, "-o", "claims/page.yaml")
    assert result.exit_code == 2 and "refusing to overwrite claims/page.txt" in result.output
    assert (project / "claims" / "page.txt").read_bytes() == before and not (project / "claims" / "page.yaml").exists()
    (project / "claims" / "page.txt").unlink()  # once it is gone, the page's text is saved, and saved again
    assert run(*PAGE_EXTRACT, "-o", "claims/page.yaml").exit_code == 0
    assert run(*PAGE_EXTRACT, "-o", "claims/page.yaml").exit_code == 0


@pytest.mark.parametrize("format_name", sorted(FORMATS))
def test_a_report_replaces_the_report_it_wrote(project, format_name):
    for _ in range(2):
        result = run("report", "-q", "--format", format_name, "-o", f"out.{format_name}")
        assert result.exit_code == 0, result.output


@pytest.mark.parametrize("format_name", GATE_FORMATS)
def test_a_gate_result_replaces_the_one_it_wrote(project, format_name):
    for _ in range(2):
        result = run("gate", BLOOMBERG, "--format", format_name, "-o", f"gate.{format_name}")
        assert result.exit_code == 0, result.output


@pytest.mark.parametrize("which", ["claims", "entities", "vocabulary"])
def test_a_schema_replaces_the_schema_it_wrote(project, which):
    for _ in range(2):
        assert run("schema", "--for", which, "-o", ".schemas/s.json").exit_code == 0
    assert run("schema", "--for", "claims", "-o", ".schemas/s.json").exit_code == 0


def test_proposals_replace_the_proposals_they_wrote(project):
    page_args = (*PAGE_EXTRACT, "-o", "claims/p.yaml", "--propose-entities", "claims/proposed.yaml")
    (project / "claims" / "page.txt").unlink()
    for _ in range(2):
        result = run(*page_args)
        assert result.exit_code == 0, result.output
    assert "Entities proposed by `factcheck extract`" in (project / "claims" / "proposed.yaml").read_text()


def test_dash_is_standard_output_everywhere(project):
    assert run("report", "-q", "--format", "json", "-o", "-").output.startswith("{")
    assert run("schema", "-o", "-").output.startswith("{")
    gate = run("gate", BLOOMBERG, "--format", "json", "-o", "-")
    assert gate.exit_code == 0 and '"tool"' in gate.output
    before = (project / BLOOMBERG).read_bytes()
    extracted = CliRunner().invoke(cli, [*EXTRACT, "-o", "-"], catch_exceptions=False)
    assert extracted.exit_code == 0 and extracted.stdout.startswith(("source:", "#"))
    assert "wrote standard output" in extracted.stderr
    assert (project / BLOOMBERG).read_bytes() == before
    assert not (project / "-").exists()


def test_a_failed_write_is_one_line_and_exit_2_not_a_traceback(project):
    long_name = "r" * 300 + ".json"
    done = subprocess.run([sys.executable, "-m", "factcheck", "report", "-q", "--format", "json", "-o", long_name],
                          cwd=project, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert f"cannot write {long_name}: File name too long" in done.stderr
    (project / "a-file").write_text("x")
    done = subprocess.run([sys.executable, "-m", "factcheck", "schema", "-o", "a-file/schema.json"], cwd=project,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "Traceback" not in done.stderr and "cannot write a-file/schema.json" in done.stderr


def test_a_rewrite_keeps_the_mode_of_a_report(project):
    assert run("report", "-q", "--format", "json", "-o", "out.json").exit_code == 0
    (project / "out.json").chmod(0o640)
    assert run("report", "-q", "--format", "json", "-o", "out.json").exit_code == 0
    assert (project / "out.json").stat().st_mode & 0o777 == 0o640

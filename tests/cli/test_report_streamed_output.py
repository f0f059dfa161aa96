"""`factcheck report --format json -o FILE` (issue 11, streaming): the report reaches the atomic write in
pieces as they are encoded, never joined into one string, and the file holds the same bytes as the one
string; a renderer that breaks halfway leaves the earlier report and no temporary file."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli, output
from factcheck.engine import run_rules
from factcheck.load import load_corpus
from factcheck.report import RenderContext
from factcheck.report import json as json_format
from factcheck.rules import load_rules
from tests.cli.test_report import project  # noqa: F401 - the fixture: a copy of the seeds' project


def given_to_write(monkeypatch: pytest.MonkeyPatch) -> list[type]:
    """The type of each text `write_output` hands the atomic write (the write itself still happens)."""
    kinds: list[type] = []
    write = output.write_atomic

    def recorded(path: Path, text: str | Iterable[str]) -> None:
        kinds.append(type(text))
        write(path, text)
    monkeypatch.setattr(output, "write_atomic", recorded)
    return kinds


@pytest.mark.parametrize("indent", [None, 2])
def test_json_to_a_file_is_written_in_pieces_with_the_bytes_of_one_string(
        project: Path, monkeypatch: pytest.MonkeyPatch, indent: int | None) -> None:
    kinds = given_to_write(monkeypatch)
    extra = [] if indent is None else ["--indent", str(indent)]
    for _ in range(2):  # a new file, then over the earlier report
        result = CliRunner().invoke(cli, ["report", "--format", "json", "-q", "-o", "report.json", *extra])
        assert result.exit_code == 0, result.output
    assert len(kinds) == 2 and not any(issubclass(kind, str) for kind in kinds)
    report = run_rules(load_corpus([project / "claims"]), load_rules([project / "rules"]))
    whole = json_format.render(report, RenderContext(), indent)  # the one string the file used to be
    assert (project / "report.json").read_bytes() == whole.encode("utf-8")
    assert json.loads(whole)["summary"]["findings"] > 50


def test_other_formats_are_still_one_string(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kinds = given_to_write(monkeypatch)
    result = CliRunner().invoke(cli, ["report", "--format", "markdown", "-q", "-o", "report.md"])
    assert result.exit_code == 0 and kinds == [str]
    assert (project / "report.md").read_text(encoding="utf-8").startswith("# factcheck ")


def test_a_renderer_that_breaks_halfway_leaves_the_earlier_report(project: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    assert CliRunner().invoke(cli, ["report", "--format", "json", "-q", "-o", "report.json"]).exit_code == 0
    earlier = (project / "report.json").read_bytes()
    encoded = 0
    finding_dicts = json_format._Shown.findings  # what `chunks` writes the findings with

    def breaks_at_the_40th(shown, findings):  # after the header and a first batch of findings
        nonlocal encoded
        for data in finding_dicts(shown, findings):
            encoded += 1
            if encoded == 40:
                raise RuntimeError("a renderer's bug")
            yield data
    monkeypatch.setattr(json_format._Shown, "findings", breaks_at_the_40th)
    kinds = given_to_write(monkeypatch)
    monkeypatch.setattr("factcheck.report.json_stream.BATCH", 16)  # several pieces written before the failure
    result = CliRunner().invoke(cli, ["report", "--format", "json", "-q", "--indent", "2", "-o", "report.json"])
    assert encoded == 40 and isinstance(result.exception, RuntimeError)
    assert len(kinds) == 1  # it broke inside the atomic write, with pieces already in its temporary file
    assert (project / "report.json").read_bytes() == earlier
    assert not [p.name for p in project.iterdir() if p.name.endswith(".tmp")]

"""`gate --format json` is written in pieces, each source and finding encoded once, in the report's layout:
compact (a source or finding a line) or `--indent N`, with the gate's news in its `gate` object."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.cli import gate_commands
from factcheck.gate import GateRequest, run_gate
from factcheck.gate.news import json_chunks, news_lines, render_with_news
from factcheck.report.json import document_text
from tests.gate.repo import commit_all, git, write_wire


@pytest.fixture()
def changed(repo: Path) -> Path:
    """A pull request that brings two conflicts and deletes a source (news: a deleted source)."""
    write_wire(repo)
    git(repo, "checkout", "-q", "-b", "pr")
    git(repo, "rm", "-q", "claims/diplomat-2019-08.yaml")
    commit_all(repo, "a wire story; the diplomat's claims removed")
    return repo


@pytest.mark.parametrize("indent", [None, 2, 4])
def test_the_pieces_are_the_layout_of_the_parsed_document(changed: Path, indent: int | None) -> None:
    result = run_gate(GateRequest(base="main"))
    assert news_lines(result)  # the news is part of it
    streamed = "".join(json_chunks(result, indent=indent))
    data = json.loads(streamed)
    assert streamed == document_text(data, indent)  # what the gate wrote when it parsed its own text again
    assert list(data) == ["schema_version", "tool", "gate", "summary", "sources", "findings"]
    assert data["gate"]["source_changes"] and not data["gate"]["passed"]
    assert all("fingerprint" in f and "baseline" in f for f in data["findings"])
    assert json.loads(render_with_news(result, "json")) == data


def test_the_command_writes_json_in_pieces(changed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    written: list[list[str]] = []
    real = gate_commands.write_output

    def spy(path: Path, text: str | Iterable[str], **kwargs: object) -> None:
        assert not isinstance(text, str)
        pieces = list(text)
        written.append(pieces)
        real(path, pieces, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(gate_commands, "write_output", spy)
    result = CliRunner().invoke(cli, ["gate", "--base", "main", "--format", "json", "-o", "gate.json"])
    assert result.exit_code == 1, result.output
    assert len(written) == 1 and len(written[0]) > 3
    on_disk = (changed / "gate.json").read_text(encoding="utf-8")
    assert on_disk == "".join(written[0]) == "".join(json_chunks(run_gate(GateRequest(base="main"))))
    stdout = CliRunner().invoke(cli, ["gate", "--base", "main", "--format", "json", "--indent", "2"]).stdout
    assert stdout == document_text(json.loads(on_disk), 2)

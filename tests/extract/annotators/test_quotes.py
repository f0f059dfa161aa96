"""The quotes annotator: a text with more quotations than the limit is refused, not extracted for minutes."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli.extract_commands import extract


def test_more_quotations_than_the_limit_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # written for tests: a transcript-like text of 30 quoted sentences
    sentences = [f"“We will look at proposal number {i} carefully,” Minister Jane Doe said." for i in range(30)]
    article = tmp_path / "long.txt"
    article.write_text("Long story\n\n" + "\n\n".join(sentences) + "\n", encoding="utf-8")
    output = tmp_path / "claims" / "long.yaml"
    monkeypatch.setenv("FACTCHECK_MAX_QUOTES", "20")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(extract, [str(article), "--id", "long", "--published", "2026-11-02",
                                          "--publisher", "Test", "--title", "Long story", "-o", str(output)])
    assert result.exit_code == 2, result.output
    assert "30 quotations, over the limit of 20 (FACTCHECK_MAX_QUOTES)" in result.output
    assert not output.exists()
    monkeypatch.setenv("FACTCHECK_MAX_QUOTES", "30")
    assert CliRunner().invoke(extract, [str(article), "--id", "long", "--published", "2026-11-02", "--publisher",
                                        "Test", "--title", "Long story", "-o", str(output)]).exit_code == 0

"""HTML pages: the main text is extracted (trafilatura, optional) and saved next to the claims."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli.extract_commands import extract
from factcheck.extract.source import INSTALL_HTML, SourceError, html_to_text

PAGE = """<!DOCTYPE html><html><head><title>Seoul ends pact</title></head><body>
<nav><a href="/">Home</a> | <a href="/asia">Asia</a> | <a href="/world">World</a></nav>
<div class="ad">ADVERTISEMENT</div>
<article><h1>Seoul ends intelligence pact with Tokyo</h1>
<p>South Korea said on Thursday it would end the General Security of Military Information Agreement with Japan,
extending a feud over trade and history into security cooperation.</p>
<p>The pact will expire Nov. 23 if not renewed, officials in Seoul said in a briefing for reporters.</p>
<p>“We made the decision after careful consideration of our national interest,” South Korea’s Foreign Minister
Kang Kyung-wha told reporters in Seoul.</p>
</article><footer>© 2019 Example News. All rights reserved.</footer></body></html>
"""


def require_html_extra() -> None:
    """The [html] extra (trafilatura): a test that needs it is skipped on a machine without it, but in CI
    (`CI=true`), which installs it, a missing or broken extra fails: it must not pass as a skip (lxml 6
    without lxml_html_clean made trafilatura fail on import, and the suite only skipped)."""
    if os.environ.get("CI", "").strip().lower() in ("true", "1", "yes"):
        import trafilatura  # noqa: F401  (an ImportError here fails the test)
    else:
        pytest.importorskip("trafilatura")


def test_in_ci_a_missing_extra_fails_rather_than_skips(monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # as if not installed
    monkeypatch.setenv("CI", "true")
    with pytest.raises(ImportError):
        require_html_extra()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        require_html_extra()


def test_the_html_extra_imports_where_it_is_installed():
    require_html_extra()
    import trafilatura

    assert "Nov. 23" in (trafilatura.extract(PAGE) or "")


def test_a_missing_trafilatura_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    with pytest.raises(SourceError, match=re.escape(INSTALL_HTML)):
        html_to_text(PAGE)


def test_a_missing_trafilatura_is_a_usage_error_on_the_command_line(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    result = CliRunner().invoke(extract, [str(page), "--id", "p-2019", "--publisher", "P", "--title", "T",
                                          "--published", "2019-08-22", "-o", str(tmp_path / "claims" / "p.yaml")])
    assert result.exit_code == 2 and INSTALL_HTML in result.output


def test_an_html_page_is_reduced_to_its_main_text_saved_next_to_the_claims(tmp_path: Path):
    require_html_extra()
    from tests.extract.extract_helpers import CLAIMS
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    output = tmp_path / "claims" / "p-2019.yaml"
    result = CliRunner().invoke(extract, [str(page), "--id", "p-2019", "--publisher", "P", "--title", "T",
                                          "--published", "2019-08-22", "-o", str(output),
                                          "--entities", str(CLAIMS / "entities.yaml")], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    text_path = output.with_suffix(".txt")
    text = text_path.read_text(encoding="utf-8")
    assert "Nov. 23" in text and "Home" not in text
    from factcheck.load.document import read_yaml
    from factcheck.model import ClaimsFile
    claims_file = ClaimsFile.model_validate(read_yaml(output).data)
    assert claims_file.source.text == "p-2019.txt"
    for claim in claims_file.claims:
        assert text[claim.evidence.start:claim.evidence.end] == claim.evidence.text
    assert any(c.property == "expires_on" for c in claims_file.claims)


def test_the_page_s_own_metadata_fills_what_options_do_not_give(tmp_path: Path):
    require_html_extra()
    from factcheck.load.document import read_yaml
    from factcheck.model import ClaimsFile
    from tests.extract.extract_helpers import CLAIMS
    head = ('<head><title>Seoul ends pact</title><meta property="og:site_name" content="Example News">'
            '<meta property="og:url" content="https://example.org/seoul-pact"><meta name="author" content="Jihye Lee">'
            '</head>')
    page = tmp_path / "page.html"
    page.write_text(PAGE.replace("<head><title>Seoul ends pact</title></head>", head), encoding="utf-8")
    output = tmp_path / "claims" / "p-2019.yaml"
    args = [str(page), "--id", "p-2019", "--published", "2019-08", "-o", str(output),
            "--entities", str(CLAIMS / "entities.yaml")]
    result = CliRunner().invoke(extract, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    source = ClaimsFile.model_validate(read_yaml(output).data).source
    # trafilatura prefers the page's headline to its <title>
    assert (source.title, source.publisher, source.url, source.authors) == (
        "Seoul ends intelligence pact with Tokyo", "Example News", "https://example.org/seoul-pact", ["Jihye Lee"])
    assert str(source.published) == "2019-08"  # never guessed from the page
    other = tmp_path / "claims" / "q-2019.yaml"  # a new file: merging keeps an existing file's source block
    again = CliRunner().invoke(extract, [*args[:-3], str(other), "--id", "q-2019", "--title", "Given title",
                                         "--entities", str(CLAIMS / "entities.yaml")], catch_exceptions=False)
    assert again.exit_code == 0, again.output
    assert ClaimsFile.model_validate(read_yaml(other).data).source.title == "Given title"

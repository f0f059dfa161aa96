"""The HTML page on the seeds and on a three-source case with conflicts (tests/data/report/three-sources):
valid HTML (html5lib, strict), its structure against a golden outline (`make golden`), and what it shows."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import html5lib
import pytest

from factcheck.engine import run_rules
from factcheck.engine.finding import Report
from factcheck.load import load_corpus
from factcheck.report import RenderContext, render
from factcheck.report import html as html_format
from factcheck.report.figures import diff_parts, number_line, time_axis
from factcheck.report.highlight import SourceTexts, marked_evidence, paragraph_of
from factcheck.report.sources import sources_of
from factcheck.rules import load_rules

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "golden"
THREE = ROOT / "tests" / "data" / "report" / "three-sources"
NS = "{http://www.w3.org/1999/xhtml}"
CONTEXT = RenderContext(version="test")


def _report(folder: Path) -> Report:
    cwd = os.getcwd()
    os.chdir(folder)  # claim paths are shown (and source texts read) relative to the working directory
    try:
        return run_rules(load_corpus([Path("claims")]), load_rules([ROOT / "rules"]))
    finally:
        os.chdir(cwd)


@pytest.fixture(scope="module")
def seeds() -> Report:
    return _report(ROOT)


@pytest.fixture(scope="module")
def three() -> Report:
    return _report(THREE)


def page_of(report: Report, folder: Path, monkeypatch: pytest.MonkeyPatch, context: RenderContext = CONTEXT) -> str:
    monkeypatch.chdir(folder)
    return render(report, "html", context)


def parse(page: str) -> ET.Element:
    """Strict html5lib: any parse error (a stray end tag, a bad attribute, a misnested element) raises."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=True).parse(page)


def outline(root: ET.Element) -> str:
    """The page's structure, not its pixels: landmarks, headings, tables, pictures, and per finding its
    verdict, claims, marked values and pictures."""
    lines: list[str] = []

    def walk(element: ET.Element, depth: int) -> None:
        tag = element.tag.replace(NS, "").replace("{http://www.w3.org/2000/svg}", "svg:")
        name = tag + "".join(f"#{element.get('id')}" * bool(element.get("id")) for _ in [0])
        if element.get("class"):
            name += "." + ".".join(element.get("class", "").split())
        if tag == "article" or (tag == "tr" and element.get("data-finding") is not None):
            marks = len(element.findall(f".//{NS}mark"))
            rows = len(element.findall(f".//{NS}tbody/{NS}tr")) if tag == "article" else 1
            pictures = [f.get("class") for f in element.findall(f".//{NS}figure")]
            lines.append(f"{'  ' * depth}{name} verdict={element.get('data-verdict')} rule={element.get('data-rule')} "
                         f"claims={rows} marks={marks} figures={pictures}")
            return
        if tag in ("header", "nav", "main", "footer", "section", "form", "figure", "table", "details", "svg:svg",
                   "h1", "h2", "h3", "h4", "script", "style"):
            text = " ".join("".join(element.itertext()).split())[:60] if tag in ("h1", "h2", "h3", "h4") else ""
            lines.append(f"{'  ' * depth}{name} {text}".rstrip())
            depth += 1
        if tag not in ("svg:svg", "script", "style"):
            for child in element:
                walk(child, depth)

    walk(root, 0)
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("case", ["seeds", "three-sources"])
def test_page_is_valid_html_and_its_structure_matches_the_golden_outline(
        case: str, seeds: Report, three: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    report, folder = (seeds, ROOT) if case == "seeds" else (three, THREE)
    page = page_of(report, folder, monkeypatch)
    root = parse(page)
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids)), "duplicate ids"
    shown = outline(root)
    golden = GOLDEN / f"{case}.html.outline"
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN"):
        golden.write_text(shown, encoding="utf-8")
    assert shown == golden.read_text(encoding="utf-8")


def test_strict_parser_rejects_a_broken_page() -> None:
    """The validity check can fail: a stray end tag is a parse error."""
    with pytest.raises(html5lib.html5parser.ParseError):
        parse("<!DOCTYPE html><html lang=en><head><title>x</title></head><body></div></body></html>")


def test_sources_table_names_each_source_and_links_only_web_addresses(three: Report,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    page = page_of(three, THREE, monkeypatch)
    rows = {row.id: row for row in sources_of(three)}
    assert list(rows) == ["wire-a-2019-08-23", "wire-b-2019-08", "wire-c-2019-08-24"]
    assert (rows["wire-a-2019-08-23"].reviewed, rows["wire-a-2019-08-23"].auto) == (4, 0)
    assert rows["wire-a-2019-08-23"].link == "https://example.org/wire-a"
    assert rows["wire-c-2019-08-24"].link is None  # its url is `javascript:alert(1)`
    assert "javascript:" not in page
    link = '<a href="https://example.org/wire-a" rel="noopener noreferrer">Seoul ends intelligence pact with Tokyo</a>'
    assert link in page
    assert '<time datetime="2019-08">2019-08</time> <span class="sub-line">(month known)</span>' in page


def test_json_report_has_the_sources_section(seeds: Report) -> None:
    data = json.loads(render(seeds, "json"))
    assert data["schema_version"] == 2
    sources = {s["id"]: s for s in data["sources"]}
    assert set(sources) == {"bloomberg-2019-08-22", "diplomat-2019-08"}
    assert sources["diplomat-2019-08"]["precision"] == "month" and sources["diplomat-2019-08"]["published"] == "2019-08"
    assert sources["bloomberg-2019-08-22"]["publisher"] == "Bloomberg"
    assert sum(s["claims"]["reviewed"] + s["claims"]["auto"] for s in sources.values()) == data["summary"]["claims"]


@pytest.mark.parametrize(("claim", "marked"), [
    ("bloomberg-2019-08-22/gsomia-expiry", "Nov. 23"),
    ("diplomat-2019-08/gsomia-expiry", "for 90 days"),
    ("diplomat-2019-08/gsomia-signed", "2016"),
])
def test_the_value_is_marked_in_its_evidence(claim: str, marked: str, seeds: Report) -> None:
    item = next(c for f in seeds.findings for c in f.claims if c.key == claim)
    parts = marked_evidence(item)
    assert parts.value == marked
    assert parts.before + parts.value + parts.after == item.claim.evidence.text


def test_figures_and_quotes_are_marked(three: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    page = page_of(three, THREE, monkeypatch)
    assert "The yen strengthened <mark>1.5%</mark> after the announcement." in page
    assert "voiced “<mark>strong concern and disappointment</mark>” at the decision." in page
    # a quote marked in its evidence is not printed again as the value
    assert page.count("strong concern and disappointment that the Moon administration") == 2


def test_paragraph_shows_the_evidence_among_its_neighbours_or_nothing(three: Report, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    item = next(c for f in three.findings for c in f.claims if c.key == "wire-c-2019-08-24/gsomia-expiry")
    monkeypatch.chdir(THREE)
    paragraph = paragraph_of(item, SourceTexts())
    assert paragraph is not None and paragraph.evidence == "The pact lapses on Dec. 31."
    assert paragraph.before == "" and paragraph.after == ""  # a paragraph of its own
    monkeypatch.chdir(tmp_path)  # the claims path no longer leads to the source text
    assert paragraph_of(item, SourceTexts()) is None


def test_time_axis_puts_a_conflicting_source_apart_and_shades_a_shared_stretch(seeds: Report, three: Report) -> None:
    conflict = next(f for f in three.findings if f.property == "expires_on")
    axis = time_axis(conflict)
    assert axis is not None and axis.overlap is None
    assert [(i.source, i.apart, i.is_day) for i in axis.intervals] == [
        ("wire-a-2019-08-23", False, True), ("wire-b-2019-08", False, False), ("wire-c-2019-08-24", True, True)]
    expiry = next(f for f in seeds.findings if f.property == "expires_on" and f.verdict.value == "compatible")
    shared = time_axis(expiry)
    assert shared is not None and [str(d) for d in shared.overlap or ()] == ["2019-11-23", "2019-11-23"]


def test_number_line_holds_each_figure(three: Report) -> None:
    line = number_line(next(f for f in three.findings if f.property == "appreciation"))
    assert line is not None and line.unit == "percent"
    assert [(r.source, r.low, r.apart) for r in line.ranges] == [
        ("wire-a-2019-08-23", 0.4, False), ("wire-b-2019-08", 0.4, False), ("wire-c-2019-08-24", 1.5, True)]


def test_word_diff_reads_the_comparators_marks(three: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    assert [(p.kind, p.text) for p in diff_parts("expresses our [-strong-] {+deep+} concern")] == [
        ("same", "expresses our "), ("dropped", "strong"), ("same", " "), ("added", "deep"), ("same", " concern")]
    page = page_of(three, THREE, monkeypatch)
    assert "expresses our <del>strong</del> <ins>deep</ins> concern" in page


def test_page_allows_only_its_own_style_and_script(seeds: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    page = page_of(seeds, ROOT, monkeypatch)
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy is not None

    def digest(text: str) -> str:
        return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()

    assert f"style-src &#39;sha256-{digest(html_format.CSS)}&#39;" in policy.group(1)
    assert f"script-src &#39;sha256-{digest(html_format.SCRIPT)}&#39;" in policy.group(1)
    assert "default-src &#39;none&#39;" in policy.group(1)
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert not re.search(r'\s(?:src|href)="(?:https?:)?//', page.replace(
        'href="https://thediplomat.com/', ""))  # nothing loaded from elsewhere; the one link is a source's URL


def test_hidden_unverified_leaves_the_table_out(seeds: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    page = page_of(seeds, ROOT, monkeypatch, RenderContext(version="test", show_unverified=False))
    parse(page)
    assert 'id="verdict-unverified"' not in page and 'data-verdict="unverified"' not in page


def test_timeline_picture_keeps_its_first_subjects_and_the_table_keeps_all(
        seeds: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.report import page as page_module

    monkeypatch.setattr(page_module, "TIMELINE_SUBJECTS", 2)
    page = page_of(seeds, ROOT, monkeypatch)
    built = page_module.build_page(seeds, CONTEXT)
    subjects = {fact.subject for fact in built.timeline}
    assert built.timeline_left_out == len(subjects) - 2 > 0
    assert f"The {len(subjects) - 2} subjects whose first date comes later are in the table only." in page
    assert page.count("<tr><td>", page.index('class="timeline-table"')) >= len(built.timeline)

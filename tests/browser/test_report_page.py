"""The HTML report in a real browser: Debian's `chromium`, driven by Playwright for Python with the system
browser (never `playwright install`). On the seeds and on a three-source case with conflicts: the sources
table, the findings, the marked values, the time axes and the timeline render; a filter hides findings and
shows them again; nothing is fetched but the page itself; a screenshot is saved in the test's tmp dir.

Without a browser the tests skip, except in CI (`CI=true`), where they fail: `.ci/run` installs chromium."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from factcheck.engine import run_rules
from factcheck.load import load_corpus
from factcheck.report import RenderContext, render
from factcheck.rules import load_rules

ROOT = Path(__file__).resolve().parents[2]
THREE = ROOT / "tests" / "data" / "report" / "three-sources"
BROWSERS = ("chromium", "chromium-browser")


def _chromium() -> str | None:
    return os.environ.get("FACTCHECK_CHROMIUM") or next(filter(None, map(shutil.which, BROWSERS)), None)


def _missing(what: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{what} (CI must run the browser test: .ci/run installs it)")
    pytest.skip(what)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - depends on the machine
        _missing("playwright is not installed (pip install -e '.[browser]')")
    executable = _chromium()
    if executable is None:
        _missing("no chromium on PATH (apt-get install chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield launched
        launched.close()


def write_page(folder: Path, target: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(folder)
    report = run_rules(load_corpus([Path("claims")]), load_rules([ROOT / "rules"]))
    target.write_text(render(report, "html", RenderContext(version="test")), encoding="utf-8")
    return target


def open_page(browser, path: Path, requests: list[str], width: int = 1100):  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.on("request", lambda request: requests.append(request.url))
    page.goto(path.as_uri())
    return page


def expect(locator):  # type: ignore[no-untyped-def]
    """Playwright's retrying assertions (they poll with selectors: the page's CSP forbids `eval`)."""
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(locator)


@pytest.mark.parametrize("case", ["seeds", "three-sources"])
def test_page_renders_and_filters_in_chromium(case: str, browser, tmp_path: Path,  # type: ignore[no-untyped-def]
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_page(ROOT if case == "seeds" else THREE, tmp_path / "report.html", monkeypatch)
    requests: list[str] = []
    page = open_page(browser, path, requests)
    sources = page.locator("table.sources tbody tr")
    assert sources.count() == (2 if case == "seeds" else 3)
    assert page.locator("table.sources").is_visible()
    findings = page.locator("[data-finding]")
    total = findings.count()
    assert total > 0 and page.locator("article.finding").first.is_visible()
    marks = page.locator("td.evidence > mark")
    assert marks.count() > 0 and marks.first.is_visible()
    axis = page.locator("svg.time-axis").first
    assert axis.is_visible() and axis.bounding_box()["width"] > 200  # type: ignore[index]
    assert page.locator("svg.timeline").is_visible()
    assert page.locator("svg.timeline a").count() > 0
    # the filter form appears with the script; picking a verdict hides the other findings, clearing shows them
    assert page.locator("#filters").is_visible()
    verdict = "compatible" if case == "seeds" else "unverified"
    page.select_option("#filters select[name=verdict]", verdict)
    shown = page.locator("[data-finding]:visible")
    assert 0 < shown.count() < total
    assert all(item.get_attribute("data-verdict") == verdict for item in shown.all())
    assert "of " + str(total) in page.locator("#filter-status").inner_text()
    page.click("#filters button[type=reset]")
    expect(page.locator("[data-finding]:not([hidden])")).to_have_count(total)
    page.fill("#filters input[name=q]", "expire")  # the search waits for a pause in typing
    expect(page.locator("[data-finding][hidden]")).not_to_have_count(0)
    assert all("expire" in item.inner_text().lower() for item in page.locator("[data-finding]:not([hidden])").all())
    page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
    assert (tmp_path / "report.png").stat().st_size > 10_000
    assert requests == [path.as_uri()], f"the page fetched {requests[1:]}"
    page.close()


def test_page_reads_without_script_and_fits_a_phone(browser, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_page(THREE, tmp_path / "report.html", monkeypatch)
    context = browser.new_context(java_script_enabled=False, viewport={"width": 400, "height": 800})
    page = context.new_page()
    page.goto(path.as_uri())
    assert not page.locator("#filters").is_visible()  # no form that cannot work
    assert page.locator("[data-finding]:visible").count() == page.locator("[data-finding]").count()
    assert page.evaluate("document.documentElement.scrollWidth") <= 400  # no sideways scrolling
    page.screenshot(path=str(tmp_path / "phone.png"), full_page=True)
    context.close()


def test_filters_work_from_the_keyboard(browser, tmp_path: Path,  # type: ignore[no-untyped-def]
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_page(THREE, tmp_path / "report.html", monkeypatch)
    page = open_page(browser, path, [])
    page.focus("#filters select[name=verdict]")
    page.keyboard.press("ArrowDown")  # the first verdict after "any": conflict
    expect(page.locator("#filter-status")).to_have_text("Showing 3 of 4 findings.")
    for _ in range(4):  # rule, subject, source, then the search box
        page.keyboard.press("Tab")
    page.keyboard.type("yen")
    expect(page.locator("#filter-status")).to_have_text("Showing 1 of 4 findings.")
    assert page.locator("[data-finding]:visible").get_attribute("data-rule") == "FC301"
    page.close()

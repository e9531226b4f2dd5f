"""The dashboard in real Chromium: it renders, the charts are drawn, the links between pages work."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from linters.report.dashboard import publish
from linters.wcag.browser import LAUNCH_ARGS
from tests.report.test_dashboard import DEPARTMENTS, NOW, RUN, TODAY, fixture_run

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser(chromium: Path) -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(chromium), headless=True, args=list(LAUNCH_ARGS))
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def dashboard(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dashboard")
    shutil.copy(RUN / "reports" / "history.json", out / "history.json")
    publish(out, fixture_run(), DEPARTMENTS, today=TODAY, now=NOW, run_id="browser")
    return out


def test_overview_renders_with_its_charts(browser: Any, dashboard: Path) -> None:
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((dashboard / "index.html").as_uri())
    assert page.locator("h1").inner_text() == "Overzicht van de website"
    assert page.evaluate("document.documentElement.lang") == "nl"
    charts = page.locator("svg.chart")
    assert charts.count() >= 3 + len(DEPARTMENTS)
    for i in range(charts.count()):
        box = charts.nth(i).bounding_box()
        assert box is not None and box["width"] > 150 and box["height"] > 60
    # Each line of the kinds chart is drawn: a marker for every run.
    markers = page.locator("svg.chart").first.locator("g.series").first.locator("circle")
    assert markers.count() == 4
    # The chart's text alternative is its title and description.
    label = page.evaluate(
        "(() => { const s = document.querySelector('svg.chart');"
        " return s.getAttribute('aria-labelledby').split(' ').map(id => document.getElementById(id).textContent); })()"
    )
    assert label[0] == "Meldingen per soort" and "4 metingen" in label[1]
    assert all(url.startswith("file://") for url in requests)  # nothing from another server
    page.close()


def test_links_between_pages_work(browser: Any, dashboard: Path) -> None:
    page = browser.new_page()
    page.goto((dashboard / "index.html").as_uri())
    page.get_by_role("link", name="Afval en reiniging").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("afdeling-afval.html")
    assert page.locator("h1").inner_text() == "Afval en reiniging"
    # From the list of pages to that page's findings.
    page.locator("#paginas ~ div table a").filter(has_text="Afvalpas aanvragen").click()
    assert page.url.endswith("#p-content-nl-afval-afvalpas-md")
    assert page.locator("#p-content-nl-afval-afvalpas-md").is_visible()
    # And back through the breadcrumb.
    page.get_by_role("navigation", name="Kruimelpad").get_by_role("link", name="Overzicht").click()
    assert page.url.endswith("index.html")
    # Every link to another dashboard file lands on a page with one main heading and the anchor.
    hrefs = page.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.href)")
    for href in sorted({h for h in hrefs if h.startswith("file://")}):
        target = browser.new_page()
        response = target.goto(href)
        assert response is None or response.ok, href
        assert target.locator("h1").count() == 1, href
        if "#" in href:
            anchor = href.split("#", 1)[1]
            assert target.locator(f"[id='{anchor}']").count() == 1, href
        target.close()
    page.close()


@pytest.mark.parametrize("name", ["index.html", "afdeling-afval.html"])
def test_readable_on_a_phone_and_keyboard(browser: Any, dashboard: Path, name: str) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 700})
    page.goto((dashboard / name).as_uri())
    # Wide tables scroll inside their own box; the page itself does not scroll sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert page.evaluate("getComputedStyle(document.body).fontSize") == "16px"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Direct naar de inhoud"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"
    page.close()


def test_prints_without_navigation(browser: Any, dashboard: Path, tmp_path: Path) -> None:
    page = browser.new_page()
    page.goto((dashboard / "afdeling-afval.html").as_uri())
    page.emulate_media(media="print")
    assert not page.locator("header.top").is_visible()
    assert page.locator("h1").is_visible() and page.locator("table").first.is_visible()
    pdf = tmp_path / "afval.pdf"
    page.pdf(path=str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF")
    page.close()


def test_the_dashboard_passes_our_own_accessibility_audit(dashboard: Path, tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    from tests.conftest import REPO

    report = tmp_path / "audit.json"
    # Its own process: the audit runs its own event loop, the browser fixture above holds one.
    command = [sys.executable, "-m", "linters.commands.cli", "--root", str(REPO), "audit", str(dashboard)]
    command += ["--format", "json", "--output", str(report), "--fail-on", "never", "--quiet"]
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    document = json.loads(report.read_text(encoding="utf-8"))
    assert document["summary"]["pages"] == len(list(dashboard.glob("*.html")))
    # Zero violations. axe cannot measure the contrast of text inside SVG (the chart
    # axes, #1a1a1a on white) and says so as "needs review": those are not violations.
    findings = document["findings"]
    assert [f for f in findings if not f["needs_review"]] == []
    assert {f["name"] for f in findings} <= {"color-contrast"}

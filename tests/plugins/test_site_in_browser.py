"""The real site in real Chromium: footer, feedback form, language switcher, hreflang and search, in both languages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from linters.wcag.browser import LAUNCH_ARGS
from linters.wcag.server import serve

pytestmark = [pytest.mark.browser, pytest.mark.build]


@pytest.fixture(scope="module")
def base_url(real_site: tuple[Path, str]) -> Iterator[str]:
    with serve(real_site[0]) as url:
        yield url


@pytest.fixture(scope="module")
def browser(chromium: Path) -> Iterator[Any]:
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(chromium), headless=True, args=list(LAUNCH_ARGS))
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    opened = context.new_page()
    # Material's script asks for sitemap.xml next to every hreflang URL; those
    # name www.diemen.nl, which this test must never reach.
    opened.route(re.compile(r"^https?://(?!127\.0\.0\.1)"), lambda route: route.abort())
    try:
        yield opened
    finally:
        context.close()


def hreflang(page: Any) -> list[tuple[str, str]]:
    links = page.locator("head link[rel=alternate][hreflang]")
    return [(links.nth(i).get_attribute("hreflang"), links.nth(i).get_attribute("href")) for i in range(links.count())]


def open_switcher(page: Any) -> Any:
    page.hover(".md-header .md-select")
    return page.locator(".md-select__list a")


def test_dutch_page(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/afval/grofvuil/")
    assert page.locator("html").get_attribute("lang") == "nl"

    footer = page.locator("section.diemen-page-footer")
    assert footer.is_visible()
    text = footer.inner_text()
    assert "Deze informatie komt van de afdeling Afval en reiniging." in text
    assert re.search(r"Laatst gecontroleerd op \d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|"
                     r"september|oktober|november|december) 20\d\d\.", text)  # fmt: skip
    assert footer.locator("a[href='mailto:afval@diemen.nl']").is_visible()

    useful = page.locator("form.diemen-feedback__useful")
    assert useful.locator("legend").inner_text() == "Was deze pagina nuttig?"
    assert useful.get_attribute("action") == "mailto:afval@diemen.nl"
    assert useful.get_attribute("method") == "get"
    yes = useful.get_by_role("button", name="Ja", exact=True)
    assert yes.is_visible() and useful.get_by_role("button", name="Nee", exact=True).is_visible()
    # What the browser puts in the mailto: URL when "Ja" is pressed.
    sent = useful.evaluate(
        "(form) => Object.fromEntries(new FormData(form, form.querySelector('button[value*=\"Ja\"]')))"
    )
    assert sent["subject"] == "Was deze pagina nuttig? Ja – Grofvuil laten ophalen"
    assert "https://www.diemen.nl/afval/grofvuil/" in sent["body"] and "Grofvuil laten ophalen" in sent["body"]

    wrong = page.locator("form.diemen-feedback__wrong")
    textarea = page.get_by_label("Klopt er iets niet op deze pagina?")
    assert textarea.is_visible() and textarea.get_attribute("required") is not None
    assert "persoonlijke gegevens" in page.locator("#diemen-feedback-privacy").inner_text()
    textarea.fill("De prijs klopt niet.")
    sent = wrong.evaluate("(form) => Object.fromEntries(new FormData(form))")
    assert sent == {
        "subject": "Er klopt iets niet op: Grofvuil laten ophalen (https://www.diemen.nl/afval/grofvuil/)",
        "body": "De prijs klopt niet.",
    }

    assert hreflang(page) == []  # the pairs are in sitemap.xml: Material fetches sitemap.xml next to each
    links = open_switcher(page)
    english = links.filter(has_text="English")
    assert english.get_attribute("lang") == "en" and english.get_attribute("hreflang") == "en"
    assert links.filter(has_text="Nederlands").get_attribute("lang") == "nl"
    english.click()
    page.wait_for_url(f"{base_url}/en/afval/grofvuil/")
    assert page.locator("html").get_attribute("lang") == "en"


def test_english_page(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/en/afval/grofvuil/")
    assert page.locator("html").get_attribute("lang") == "en"
    text = page.locator("section.diemen-page-footer").inner_text()
    assert "This information comes from the department Waste and cleaning." in text
    assert re.search(r"Last checked on \d{1,2} [A-Z][a-z]+ 20\d\d\.", text)
    assert page.locator(".diemen-page-footer strong").get_attribute("lang") is None  # naam_en: English
    useful = page.locator("form.diemen-feedback__useful")
    assert useful.locator("legend").inner_text() == "Was this page useful?"
    assert useful.get_by_role("button", name="Yes", exact=True).is_visible()
    assert page.get_by_label("Is something wrong on this page?").is_visible()
    assert "Was deze pagina nuttig?" not in page.content()
    assert hreflang(page) == []  # the pairs are in sitemap.xml: Material fetches sitemap.xml next to each
    dutch = open_switcher(page).filter(has_text="Nederlands")
    assert dutch.get_attribute("lang") == "nl"
    dutch.click()
    page.wait_for_url(f"{base_url}/afval/grofvuil/")


def test_page_without_translation(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/burgerzaken/rijbewijs/")
    assert hreflang(page) == []
    english = open_switcher(page).filter(has_text="English")
    assert "This page is only in Dutch. You go to the English home page." in english.inner_text()
    assert english.get_attribute("lang") == "en"
    english.click()
    page.wait_for_url(f"{base_url}/en/")


def search(page: Any, query: str) -> list[str]:
    page.locator("input.md-search__input").click()
    page.keyboard.type(query, delay=30)
    page.wait_for_function(
        "() => /\\d/.test(document.querySelector('.md-search-result__meta').textContent)", timeout=15000
    )
    results = page.locator(".md-search-result__item > a")
    return [results.nth(i).get_attribute("href") for i in range(results.count())]


def test_search_stays_in_the_page_language_and_shows_descriptions(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/en/afval/grofvuil/")
    english = search(page, "bulky")
    assert english and all("/en/" in href for href in english)
    assert "How to have bulky waste collected for free" in page.locator(".md-search-result__list").inner_text()

    page.goto(f"{base_url}/afval/grofvuil/")
    dutch = search(page, "grofvuil")
    assert dutch and not any("/en/" in href for href in dutch)
    assert "Zo laat u grofvuil gratis ophalen" in page.locator(".md-search-result__list").inner_text()


PUBLIC = "https://www.diemen.nl/"


def _answer_from_folder(folder: Path) -> Any:
    """Answer the site's public address from the built folder, the way the real host would."""

    def handle(route: Any) -> None:
        path = route.request.url[len(PUBLIC) :].split("?")[0].split("#")[0]
        target = folder / path
        if target.is_dir():
            target = target / "index.html"
        if target.is_file():
            route.fulfill(path=str(target))
        else:
            route.fulfill(status=404, body="niet gevonden")

    return handle


def test_no_page_of_the_site_makes_a_request_that_fails(
    browser: Any, real_site: tuple[Path, str], base_url: str
) -> None:
    from linters.wcag.inputs import site_pages

    folder = real_site[0]
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    failed: list[str] = []
    context.route(re.compile(r"^https://www\.diemen\.nl/"), _answer_from_folder(folder))
    context.route(re.compile(r"^https?://(?!127\.0\.0\.1|www\.diemen\.nl)"), lambda route: route.abort())
    opened = context.new_page()

    def record(response: Any) -> None:
        # The 404 page itself answers 404 by design; anything it or another page loads may not.
        if response.status >= 400 and not (response.request.is_navigation_request() and "404" in response.url):
            failed.append(f"{response.url}: {response.status} (op {opened.url})")

    opened.on("response", record)
    opened.on("requestfailed", lambda request: failed.append(f"{request.url}: {request.failure} (op {opened.url})"))
    pages = site_pages(folder)
    try:
        for path in pages:
            opened.goto(f"{base_url}{path}", wait_until="load")
            # Material fetches after load (sitemaps, the search index): wait until the network is quiet.
            opened.wait_for_load_state("networkidle")
    finally:
        context.close()
    assert len(pages) > 50 and {"/404.html", "/en/404.html"} <= set(pages)
    assert failed == []

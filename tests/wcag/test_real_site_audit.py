"""The real Diemen site, built and audited in Chromium: no axe violation, no third party, every page checked.

Also the yearly WCAG-EM audit of the real site: its sample, report and draft statement.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linters.registry import load_statute
from linters.wcag.inputs import AuditPlan, site_pages
from linters.wcag.runner import Target
from linters.wcag.yearly import choose_sample
from tests.conftest import REPO, run_cli

pytestmark = [pytest.mark.browser, pytest.mark.build]


@pytest.fixture(scope="module")
def site(real_site: tuple[Path, str]) -> Path:
    return real_site[0]


def test_real_site_has_zero_violations(chromium: Path, site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(["audit", str(site), "--format", "json", "--quiet", "--today", "2026-11-22"], REPO, capsys)
    report = json.loads(out)
    findings = report["findings"]
    pages = {p["metrics"]["url"] for p in report["pages"]}
    assert {"/", "/en/", "/afval/grofvuil/", "/en/afval/grofvuil/", "/404.html"} <= pages
    assert all(p["metrics"]["checked"] for p in report["pages"]), err
    axe = [f for f in findings if not f["code"].startswith("A11Y") and not f["needs_review"]]
    assert axe == [], [(f["code"], f["location"]["url"], f["location"]["selector"]) for f in axe[:10]]
    assert not [f for f in findings if f["code"] in ("A11Y100", "A11Y101", "A11Y103", "A11Y104")]
    assert code == 0, err
    # Every finding on a content element points at its Markdown source and its owner.
    for finding in findings:
        path = finding["location"]["path"]
        assert path is None or path == "overrides/" or (REPO / path).is_file(), finding


def test_yearly_audit_writes_report_and_statement(
    chromium: Path, site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "jaar"
    # The statement takes the phone number from the statute: a copy with another number.
    statute = tmp_path / "redactiestatuut.yml"
    text = (REPO / "redactiestatuut.yml").read_text(encoding="utf-8")
    assert 'telefoon: "14 020"' in text
    statute.write_text(text.replace('telefoon: "14 020"', 'telefoon: "020 555 0100"'), encoding="utf-8")
    args = ["--statute", str(statute), "audit", str(site), "--yearly", "--seed", "42", "--report-dir", str(out)]
    args += ["--quiet"]
    args += ["--today", "2026-11-22"]
    code, _, err = run_cli([*args, "--format", "json"], REPO, capsys)
    assert code == 0, err
    report = json.loads((out / "onderzoek.json").read_text(encoding="utf-8"))
    sample = report["steekproef"]
    structured = [item["pagina"] for item in sample["gestructureerd"]]
    reasons = {r for item in sample["gestructureerd"] for r in item["waarom"]}
    assert {"startpagina (nl)", "startpagina (en)", "toegankelijkheidsverklaring", "foutpagina (404)"} <= reasons
    assert {"pagina met video", "pagina met tabel", "pagina met pdf"} <= reasons
    assert sample["seed"] == 42 and len(sample["willekeurig"]) >= max(1, len(structured) // 10)
    assert not set(sample["willekeurig"]) & set(structured)
    # Both languages: English content pages beyond the English home page.
    english = [p for p in structured if p.startswith("/en/") and p != "/en/"]
    assert len(english) >= 3, structured
    rows = {r["pagina"]: r for r in report["resultaat_per_pagina"]}
    assert set(rows) == set(structured) | set(sample["willekeurig"])
    assert all(r["gecontroleerd"] and r["fouten_browser"] == 0 for r in rows.values()), rows
    assert report["onderzoeker"] == "Webredactie Gemeente Diemen"
    assert report["opdrachtgever"] == "Gemeente Diemen, team Communicatie"
    criteria = {c["sc"]: c for c in report["criteria"]}
    assert len(criteria) == 56 and sum(1 for c in criteria.values() if c["en_301_549"]) == 50
    assert report["totaal_wettelijk"]["totaal"] == 50 and report["totaal_wcag22"]["totaal"] == 55
    assert criteria["3.1.1"]["resultaat"] == "voldoet"
    assert criteria["2.1.1"]["resultaat"] == "handmatig controleren" and criteria["2.1.1"]["handmatig_controleren"]
    # Automatic testing alone is no complete research: status C, with the manual checks listed.
    assert report["status_verklaring"] == "C"
    statement = (out / "toegankelijkheidsverklaring.md").read_text(encoding="utf-8")
    assert "**Status:** C, eerste maatregelen genomen" in statement and "Nationale ombudsman" in statement
    assert "of bel 020 555 0100." in statement and "14 020" not in statement
    html = (out / "onderzoek.html").read_text(encoding="utf-8")
    assert '<html lang="nl">' in html and "Handmatige controles die nog moeten gebeuren" in html
    assert "<dt>Onderzoeker</dt><dd>Webredactie Gemeente Diemen</dd>" in html and "Resultaat per pagina" in html
    # Evidence from the browser beside the open questions, for every sampled page.
    assert set(report["bewijs_per_pagina"]) == set(rows)
    assert all(e["titel"] and e["taal"] in ("nl", "en") for e in report["bewijs_per_pagina"].values())
    assert "Bewijs bij de handmatige controles" in html and 'id="bewijs-2-4-4"' in html
    # A re-run keeps the answers file it wrote next to the report.
    assert (out / "antwoorden.yml").is_file()
    # The same seed gives the same sample (without a browser).
    plan = AuditPlan(site=site, relative=True, targets=[Target(p) for p in site_pages(site)])
    again = choose_sample(plan, REPO, 42, load_statute(REPO / "redactiestatuut.yml"))["sample"]
    assert list(again.structured) == structured and again.random == sample["willekeurig"]
    loaded = load_statute(REPO / "redactiestatuut.yml")
    fresh = AuditPlan(site=site, relative=True, targets=[Target(p) for p in site_pages(site)])
    other = choose_sample(fresh, REPO, 7, loaded)
    assert list(other["sample"].structured) == structured


def test_menu_and_search_work_with_the_keyboard(chromium: Path, site: Path) -> None:
    """The theme's toggles are buttons now: reachable with Tab, usable with Enter, named for screen readers."""
    from playwright.sync_api import sync_playwright

    from linters.wcag.browser import LAUNCH_ARGS
    from linters.wcag.server import serve

    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium), args=list(LAUNCH_ARGS))
        page = browser.new_page(viewport={"width": 390, "height": 800})
        page.goto(base + "/afval/grofvuil/")
        names = []
        for _ in range(8):
            page.keyboard.press("Tab")
            names.append(page.evaluate("document.activeElement.getAttribute('aria-label')"))
        assert "Menu" in names and "Zoeken" in names, names
        page.focus("[data-diemen-toggle=__drawer]")
        page.keyboard.press("Enter")
        assert page.evaluate("document.getElementById('__drawer').checked")
        assert page.get_attribute("[data-diemen-toggle=__drawer]", "aria-expanded") == "true"
        page.keyboard.press("Escape")
        assert not page.evaluate("document.getElementById('__drawer').checked")
        page.focus("[data-diemen-search-open]")
        page.keyboard.press("Enter")
        assert page.evaluate("document.getElementById('__search').checked")
        assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
        assert page.get_attribute(".md-search", "aria-label") == "Zoeken"
        assert page.locator(".md-search__form button[type=submit]").count() == 1
        english = browser.new_page(viewport={"width": 390, "height": 800})
        english.goto(base + "/en/afval/grofvuil/")
        assert english.get_attribute("[data-diemen-toggle=__search]", "aria-label") == "Close search"
        browser.close()

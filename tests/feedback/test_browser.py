"""The whole loop in real Chromium: the built site's forms post to the running service, which stores and mails.

Both questions of a Dutch and an English page and the KCC form are used the
way a visitor and a KCC employee use them (no script of ours: plain forms).
The remarks must be in the database (SQLite and PostgreSQL) and in the
owner's mailbox on a real SMTP server.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from linters.feedback.store import Store
from linters.wcag.browser import LAUNCH_ARGS
from tests.feedback.conftest import KCC_PASSWORD, BuiltSite, fresh_database, start_service
from tests.services import SmtpServer, free_port

pytestmark = [pytest.mark.browser, pytest.mark.build]


@pytest.fixture(scope="module")
def browser(chromium: Path) -> Iterator[Any]:
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(chromium), headless=True, args=list(LAUNCH_ARGS))
        try:
            yield launched
        finally:
            launched.close()


def new_page(browser: Any, **options: Any) -> Any:
    context = browser.new_context(viewport={"width": 1200, "height": 900}, **options)
    page = context.new_page()
    # The pages name www.diemen.nl (canonical, hreflang, sitemap); this test must never reach it.
    page.route(re.compile(r"^https?://(?!127\.0\.0\.1)"), lambda route: route.abort())
    return page


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_both_questions_and_the_kcc_form_reach_the_store_and_the_owner(
    browser: Any,
    feedback_site: BuiltSite,
    smtp: SmtpServer,
    tmp_path: Path,
    request: pytest.FixtureRequest,
    kind: str,
) -> None:
    url = fresh_database(kind, tmp_path, request, "browser_test")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    service = start_service(
        feedback_site,
        url,
        "--port", str(port), "--origin", base, "--with-site",
        "--smtp-host", smtp.host, "--smtp-port", str(smtp.port),
        env={"WEBREDACTIE_KCC_PASSWORD": KCC_PASSWORD},
    )  # fmt: skip
    store = Store(url)
    try:
        visitor = new_page(browser)
        # "Was deze pagina nuttig?" - Ja.
        visitor.goto(f"{base}/afval/grofvuil/")
        visitor.locator("form.diemen-feedback__useful").get_by_role("button", name="Ja", exact=True).click()
        visitor.wait_for_url(f"{base}/over-deze-website/bedankt/")
        assert visitor.locator("h1").inner_text() == "Bedankt voor uw reactie"
        assert not visitor.locator("#weggehaald").is_visible()

        # "Klopt er iets niet op deze pagina?" - with a phone number the service takes out.
        visitor.goto(f"{base}/afval/grofvuil/")
        box = visitor.get_by_label("Klopt er iets niet op deze pagina?")
        box.fill("De ophaaldag klopt niet meer. Bel mij op 06-12345678.")
        visitor.get_by_role("button", name="Versturen").click()
        visitor.wait_for_url(f"{base}/over-deze-website/bedankt/#weggehaald")
        assert visitor.locator("#weggehaald").is_visible()
        assert "persoonlijke gegevens" in visitor.locator("#weggehaald").inner_text()

        # The English page thanks in English.
        visitor.goto(f"{base}/en/afval/grofvuil/")
        visitor.locator("form.diemen-feedback__useful").get_by_role("button", name="No", exact=True).click()
        visitor.wait_for_url(f"{base}/en/over-deze-website/bedankt/")
        assert visitor.locator("h1").inner_text() == "Thank you for your feedback"
        visitor.context.close()

        # The KCC form, with the KCC password.
        staff = new_page(browser, http_credentials={"username": "kcc", "password": KCC_PASSWORD})
        staff.goto(f"{base}/intern/melding")
        staff.get_by_label("Adres van de pagina").fill("https://www.diemen.nl/afval/grofvuil/")
        staff.get_by_label("Onjuist: de informatie klopt niet").check()
        staff.get_by_label("Wat klopt er niet?").fill(
            "Een bewoner belde: het grofvuil wordt niet meer op maandag gehaald."
        )
        staff.get_by_role("button", name="Melding versturen").click()
        staff.wait_for_url(re.compile(r"/intern/melding\?opgeslagen=\d+"))
        assert "gaat naar de afdeling Afval en reiniging" in staff.get_by_role("status").inner_text()
        staff.context.close()

        rows = list(store.rows())
        assert [(r.kind, r.useful, r.lang, r.department) for r in rows] == [
            ("useful", True, "nl", "afval"),
            ("wrong", None, "nl", "afval"),
            ("useful", False, "en", "afval"),
            ("kcc", None, "nl", "afval"),
        ]
        assert rows[1].text == "De ophaaldag klopt niet meer. Bel mij op [telefoonnummer]."
        assert rows[3].category == "onjuist" and rows[1].source == "content/nl/afval/grofvuil.md"

        mails = smtp.mailbox.wait_for(2)
        to_owner = smtp.mailbox.to("afval@diemen.nl")
        assert len(mails) == 2 and len(to_owner) == 2, mails
        subjects = sorted(m["Subject"] for m in to_owner)
        assert subjects == [
            "Melding van het KCC over uw pagina: Grofvuil laten ophalen",
            "Reactie op uw pagina: Grofvuil laten ophalen",
        ]
        bodies = "\n".join(m.get_content() for m in to_owner)
        assert "Bel mij op [telefoonnummer]" in bodies and "06-12345678" not in bodies
        assert "niet meer op maandag gehaald" in bodies
    finally:
        store.dispose()
        assert service.stop() == 0, "".join(service.log)
    assert "Traceback" not in "".join(service.log)

"""`webredactie audit --yearly --review` in real Chromium: the auditor answers, the answer is in the file."""

from __future__ import annotations

import urllib.error
import urllib.request
from datetime import date
from pathlib import Path

import pytest

from linters.wcag.answers import FAIL, PASS, load_answers
from linters.wcag.review import ReviewServer
from tests.wcag.test_yearly_report import write

pytestmark = pytest.mark.browser


def test_the_auditor_saves_answers_in_chromium(chromium: Path, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    from linters.wcag.browser import LAUNCH_ARGS

    out = write(tmp_path)
    answers = out / "antwoorden.yml"
    server = ReviewServer(out, answers, date(2026, 11, 22))
    address = server.start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(chromium), args=list(LAUNCH_ARGS))
            page = browser.new_page()
            page.goto(address)
            section = page.locator("#sc-2-1-1")
            assert "Werkt alles met alleen het toetsenbord" in section.inner_text()
            section.get_by_label("voldoet", exact=True).check()
            section.get_by_label("Toelichting bij 2.1.1").fill("Menu en zoeken werken met Tab en Enter.")
            section.get_by_text("Uitkomst per pagina").click()
            section.get_by_label("/afval/", exact=True).select_option("voldoet-niet")
            section.get_by_role("button", name="Opslaan: 2.1.1").click()
            page.wait_for_url("**/?opgeslagen=2.1.1#sc-2-1-1")
            # The page shows the saved answer after the reload.
            assert page.locator("#sc-2-1-1 input[value=voldoet]").is_checked()
            browser.close()
    finally:
        server.stop()
    saved = load_answers(answers, required=True)
    answer = saved.criteria["2.1.1"]
    assert answer.result == PASS and answer.note == "Menu en zoeken werken met Tab en Enter."
    assert answer.pages["/afval/"].result == FAIL and answer.outcome() == FAIL
    assert answer.answered == date(2026, 11, 22)


def test_another_site_cannot_post_answers(tmp_path: Path) -> None:
    out = write(tmp_path)
    server = ReviewServer(out, out / "antwoorden.yml", date(2026, 11, 22))
    address = server.start()
    try:
        request = urllib.request.Request(
            address + "opslaan",
            data=b"sc=2.1.1&resultaat=voldoet",
            headers={"Origin": "https://evil.example"},
            method="POST",
        )
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(request, timeout=5)
        assert err.value.code == 403
    finally:
        server.stop()
    assert not (out / "antwoorden.yml").exists()


def test_review_without_a_report_says_what_to_do(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.conftest import REPO, run_cli

    code, _, err = run_cli(["audit", "--yearly", "--review", "--report-dir", str(tmp_path)], REPO, capsys)
    assert code == 2 and "Draai eerst: webredactie audit --yearly" in err and "Traceback" not in err

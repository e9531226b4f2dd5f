"""Our own browser checks (linters/wcag/behaviour.py) in real Chromium, on ACT-style fixture pages.

Every own rule has a folder under tests/fixtures/wcag-behaviour/ with failed,
passed and inapplicable pages, in the manner of the W3C ACT test cases. A failed
page marks what must be reported with `id="fout"` (or `fout-…`); a passed or
inapplicable page must give no finding of that rule. The pages go through the
whole audit (axe-core first, then the own checks, then the collector), the way
`webredactie audit` runs them.
"""

from __future__ import annotations

import http.server
import re
import threading
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from linters.core.finding import PageTarget, Severity
from linters.registry import load_statute
from linters.wcag import behaviour, behaviour_rules
from linters.wcag.audit import AuditOutcome, AuditSettings, run_audit
from linters.wcag.axe import find_axe
from linters.wcag.inputs import AuditPlan
from linters.wcag.runner import PageOptions, Target
from tests.conftest import FIXTURES, REPO

pytestmark = pytest.mark.browser
PAGES = FIXTURES / "wcag-behaviour"
_MARK = re.compile(r'id="(fout[^"]*)"')


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def pages_server() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(PAGES)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _fixtures() -> list[Path]:
    return sorted(PAGES.glob("A11Y*/*.html"))


@pytest.fixture(scope="module")
def outcome(chromium: Path, pages_server: str) -> AuditOutcome:
    settings = AuditSettings(
        browser=chromium,
        axe=find_axe(),
        statute=load_statute(REPO / "redactiestatuut.yml"),
        root=REPO,
        today=date(2026, 11, 22),
        concurrency=2,
        settle=0.3,
    )
    targets = [Target(f"{pages_server}/{p.parent.name}/{p.name}", PageOptions(timeout=10.0)) for p in _fixtures()]
    return run_audit(AuditPlan(targets=targets), settings)


def _by_page(outcome: AuditOutcome) -> dict[str, dict[str, set[str]]]:
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for finding in outcome.result.findings:
        location = finding.location
        assert isinstance(location, PageTarget)
        page = "/".join(location.url.split("/")[-2:])
        found[page][finding.code].add(location.selector)
    return found


def test_every_own_rule_brings_failed_and_passing_fixtures() -> None:
    for rule in behaviour_rules.BEHAVIOUR_RULES:
        kinds = {p.stem.split("-")[0] for p in (PAGES / rule.code).glob("*.html")}
        assert "failed" in kinds, rule.code
        if rule.code != behaviour_rules.browser_check_failed.code:
            assert kinds & {"passed", "inapplicable"}, rule.code


@pytest.mark.emits(
    "A11Y120",
    "A11Y121",
    "A11Y122",
    "A11Y123",
    "A11Y124",
    "A11Y125",
    "A11Y126",
    "A11Y127",
    "A11Y128",
    "A11Y129",
    "A11Y130",
    "A11Y131",
    "A11Y133",
)
def test_own_checks_report_exactly_the_marked_elements(outcome: AuditOutcome) -> None:
    assert not outcome.not_checked, [(p.target.url, p.error) for p in outcome.not_checked]
    found = _by_page(outcome)
    for fixture in _fixtures():
        code, page = fixture.parent.name, f"{fixture.parent.name}/{fixture.name}"
        reported = found.get(page, {}).get(code, set())
        if fixture.stem.startswith("failed"):
            marked = {f"#{m}" for m in _MARK.findall(fixture.read_text(encoding="utf-8"))} or {"html"}
            assert reported == marked, page
        else:
            assert not reported, page


def _url(finding: Any) -> str:
    location = finding.location
    assert isinstance(location, PageTarget)
    return location.url


def test_own_findings_carry_criterion_act_rule_and_a_clear_message(outcome: AuditOutcome) -> None:
    refresh = next(f for f in outcome.result.findings if f.code == "A11Y129" and _url(f).endswith("failed-1.html"))
    assert refresh.severity == Severity.ERROR and refresh.wcag == ("2.2.1",)
    assert "bc659a" in refresh.extras["act"] and "30 seconden" in refresh.message.nl
    assert refresh.doc_url.endswith("#a11y129-timed-refresh")
    trap = next(f for f in outcome.result.findings if f.code == "A11Y124" and _url(f).endswith("failed-1.html"))
    assert "'Verder'" in trap.message.nl and trap.wcag == ("2.1.2",)
    unfinished = next(f for f in outcome.result.findings if f.code == "A11Y133")
    assert unfinished.needs_review and "niet afgemaakt" in unfinished.message.nl
    # The engines' results of that page are kept: the page itself counts as checked.
    assert all(p.checked for p in outcome.pages)


def test_own_checks_leave_the_tab_as_they_found_it(chromium: Path, pages_server: str) -> None:
    """After the resize pass and the walks, the tab has its viewport back for the next page."""
    import asyncio

    from playwright.async_api import async_playwright

    from linters.wcag.browser import LAUNCH_ARGS
    from linters.wcag.runner import VIEWPORT

    async def run() -> tuple[Any, Any, dict[str, Any]]:
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=str(chromium), args=list(LAUNCH_ARGS))
            page = await browser.new_page(viewport={"width": VIEWPORT["width"], "height": VIEWPORT["height"]})
            await page.goto(f"{pages_server}/A11Y120/failed-1.html")
            data = await behaviour.observe(page, VIEWPORT)
            size = page.viewport_size
            width = await page.evaluate("() => innerWidth")
            await browser.close()
            return size, width, data

    size, width, data = asyncio.run(run())
    assert size == VIEWPORT and width == VIEWPORT["width"]
    assert data["reflow"]["items"] and "error" not in data

"""The browser audit in real Chromium with real axe-core, on fixture pages from a loopback server.

Each fixture page lists the violations it must produce (`expected.yml`, as
selectors); the bad-input cases (a page that never loads, a 404, a tab that
crashes, a browser that dies) each get their clear message while the rest
of the run goes on.
"""

from __future__ import annotations

import asyncio
import http.server
import json
import os
import re
import signal
import socket
import threading
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from linters.core.finding import PageTarget, Severity, SourceSpan
from linters.registry import load_statute, rule_names
from linters.wcag.audit import AuditSettings, run_audit
from linters.wcag.axe import find_axe
from linters.wcag.baseline import load_baseline
from linters.wcag.inputs import AuditPlan
from linters.wcag.runner import PageOptions, RunnerSettings, Target, run_pages
from linters.wcag.server import serve
from tests.conftest import REPO, run_cli
from tests.wcag.conftest import PAGES

pytestmark = pytest.mark.browser
FAST = PageOptions(timeout=3.0)


def _settings(chromium: Path, **extra: Any) -> AuditSettings:
    return AuditSettings(
        browser=chromium,
        axe=find_axe(),
        statute=extra.pop("statute", None) or load_statute(REPO / "redactiestatuut.yml"),
        root=REPO,
        today=date(2026, 11, 22),
        concurrency=extra.pop("concurrency", 2),
        settle=0.5,
        **extra,
    )


def _found(findings: list[Any], url_end: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for finding in findings:
        location = finding.location
        assert isinstance(location, PageTarget)
        if location.url.endswith(url_end) and finding.severity >= Severity.WARNING and not finding.needs_review:
            found[finding.code].append(location.selector)
    return {code: sorted(set(selectors)) for code, selectors in found.items()}


@pytest.mark.emits("A11Y105", "A11Y110")
def test_fixture_pages_give_exactly_their_expected_violations(chromium: Path, fixture_server: str) -> None:
    expected = YAML(typ="safe").load((PAGES / "expected.yml").read_text(encoding="utf-8"))
    plan = AuditPlan(targets=[Target(f"{fixture_server}/{name}", FAST) for name in expected])
    outcome = run_audit(plan, _settings(chromium))
    assert not outcome.not_checked, [p.error for p in outcome.not_checked]
    for name, rules in expected.items():
        assert _found(outcome.result.findings, name) == {k: sorted(v) for k, v in rules.items()}, name
    third = [f for f in outcome.result.findings if f.code == "A11Y101"]
    assert third and all("example.org" in f.context for f in third)
    redirect = next(f for f in outcome.result.findings if f.code == "A11Y110")
    assert redirect.location.url.endswith("omleiding.html") and redirect.context.endswith("/goed.html")
    contrast = next(f for f in outcome.result.findings if f.code == "color-contrast")
    assert contrast.wcag == ("1.4.3",) and contrast.severity == Severity.ERROR
    assert contrast.message.nl.startswith("Het contrast") and contrast.doc_url.startswith("https://")


def test_concurrent_run_finds_what_a_sequential_run_finds(chromium: Path, fixture_server: str) -> None:
    targets = [Target(f"{fixture_server}/fouten.html?kopie={i}", FAST) for i in range(6)]

    def violations(concurrency: int) -> list[tuple[str, str]]:
        outcome = run_audit(AuditPlan(targets=targets), _settings(chromium, concurrency=concurrency))
        return sorted(
            (f.location.url.split("=")[-1], f.code)  # type: ignore[union-attr]
            for f in outcome.result.findings
            if not f.needs_review
        )

    assert violations(3) == violations(1)


def test_page_that_never_loads_404_and_crashed_tab_are_not_checked_and_the_rest_is(
    chromium: Path, fixture_server: str
) -> None:
    axe = find_axe()
    settings = RunnerSettings(chromium, axe.source, ("wcag2a", "wcag2aa"), concurrency=2, settle=0.5)
    targets = [
        Target(f"{fixture_server}/traag/", PageOptions(timeout=2.0)),
        Target(f"{fixture_server}/bestaat-niet/", FAST),
        # Chromium's own crash page: the renderer of the tab really dies.
        Target("chrome://crash/", FAST),
        Target(f"{fixture_server}/goed.html", FAST),
        Target(f"{fixture_server}/fouten.html", FAST),
    ]
    results, facts = run_pages(settings, targets)
    by_url = {r.target.url: r for r in results}
    assert len(results) == 5
    slow = by_url[f"{fixture_server}/traag/"]
    assert not slow.checked and slow.attempts == 2 and "binnen 2 seconden" in slow.error
    missing = by_url[f"{fixture_server}/bestaat-niet/"]
    assert not missing.checked and missing.attempts == 1 and "404" in missing.error
    crashed = by_url["chrome://crash/"]
    assert not crashed.checked and crashed.attempts == 2 and "crash" in crashed.error
    assert by_url[f"{fixture_server}/goed.html"].checked
    assert by_url[f"{fixture_server}/fouten.html"].data["violations"]


def test_browser_that_dies_is_restarted_and_the_page_retried(chromium: Path, fixture_server: str) -> None:
    killed: list[str] = []

    async def kill_once(page: Any, target: Target) -> None:
        if target.url.endswith("fouten.html") and not killed:
            killed.append(target.url)
            await page.context.browser.close()

    axe = find_axe()
    settings = RunnerSettings(chromium, axe.source, ("wcag2a", "wcag2aa"), concurrency=1, settle=0.5)
    settings.after_load = kill_once
    targets = [Target(f"{fixture_server}/{n}", FAST) for n in ("goed.html", "fouten.html", "goed.html?na")]
    results, facts = run_pages(settings, targets)
    assert killed and facts["restarts"] == 1
    assert all(r.checked for r in results), [r.error for r in results]
    assert next(r for r in results if r.target.url.endswith("fouten.html")).attempts == 2


@pytest.mark.emits("A11Y100")
def test_cli_reports_unchecked_pages_and_fails(
    chromium: Path, fixture_server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    urls = tmp_path / "adressen.txt"
    urls.write_text(f"# twee pagina's\n{fixture_server}/goed.html\n{fixture_server}/bestaat-niet/\n", encoding="utf-8")
    code, out, err = run_cli(
        ["audit", "--urls", str(urls), "--format", "json", "--quiet", "--timeout", "5"], REPO, capsys
    )
    assert code == 1, err
    report = json.loads(out)
    codes = [(f["code"], f["location"]["url"]) for f in report["findings"]]
    assert ("A11Y100", f"{fixture_server}/bestaat-niet/") in codes
    assert "niet gecontroleerd: " in err and "Traceback" not in err
    assert report["summary"]["pages"] == 2


def test_pa11yci_file_drives_the_audit(
    chromium: Path, fixture_server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / ".pa11yci"
    config.write_text(
        json.dumps(
            {
                "defaults": {
                    "standard": "WCAG2AA",
                    "runners": ["axe", "htmlcs"],
                    "timeout": 5000,
                    "hideElements": "#laag-contrast, #zonder-alt",
                    "ignore": ["A11Y101", "notice"],
                    "concurrency": 2,
                },
                "urls": [f"{fixture_server}/fouten.html", {"url": f"{fixture_server}/goed.html", "wait": 100}],
            }
        ),
        encoding="utf-8",
    )
    code, out, err = run_cli(["audit", "--config", str(config), "--format", "json", "--quiet"], REPO, capsys)
    report = json.loads(out)
    codes = {f["code"] for f in report["findings"]}
    assert code == 1
    assert "color-contrast" not in codes and "image-alt" not in codes  # hidden elements
    assert "A11Y101" not in codes and not any(f["severity"] == "suggestion" for f in report["findings"])
    assert {"A11Y103", "A11Y104"} <= codes
    assert "HTML_CodeSniffer" in err and re.search(r"[1-9]\d* genegeerd door de instellingen", err)


def test_interrupted_run_keeps_what_was_checked(chromium: Path, fixture_server: str) -> None:
    async def stop_on_second(page: Any, target: Target) -> None:
        if "fouten" in target.url:
            # What Ctrl-C does: asyncio cancels the run, then raises KeyboardInterrupt.
            os.kill(os.getpid(), signal.SIGINT)
            await asyncio.sleep(5)

    names = ("goed.html", "fouten.html", "goed.html?daarna")
    plan = AuditPlan(targets=[Target(f"{fixture_server}/{n}", FAST) for n in names])
    outcome = run_audit(plan, _settings(chromium, concurrency=1, after_load=stop_on_second))
    assert outcome.facts.get("interrupted")
    by_url = {p.target.url.rsplit("/", 1)[-1]: p for p in outcome.pages}
    assert by_url["goed.html"].checked
    assert not by_url["fouten.html"].checked and not by_url["goed.html?daarna"].checked
    unchecked = [f for f in outcome.result.findings if f.code == "A11Y100"]
    assert len(unchecked) == 2 and "afgebroken" in unchecked[0].message.nl


def test_the_statute_sets_the_level_of_an_axe_rule(chromium: Path, fixture_server: str, tmp_path: Path) -> None:
    statute = tmp_path / "redactiestatuut.yml"
    text = (REPO / "redactiestatuut.yml").read_text(encoding="utf-8")
    statute.write_text(text.replace("regels: {}", "regels: {color-contrast: warning, image-alt: false}"), "utf-8")
    plan = AuditPlan(targets=[Target(f"{fixture_server}/fouten.html", FAST)])
    loaded = load_statute(statute, known_rules=rule_names())
    outcome = run_audit(plan, _settings(chromium, statute=loaded))
    levels = {f.code: f.severity for f in outcome.result.findings}
    assert levels["color-contrast"] == Severity.WARNING and "image-alt" not in levels
    assert levels["A11Y103"] == Severity.ERROR  # the audit's own rules keep their level


@pytest.mark.emits("A11Y107", "A11Y108")
def test_the_baseline_accepts_and_reports_expired_and_unused_entries(
    chromium: Path, fixture_server: str, tmp_path: Path
) -> None:
    baseline = tmp_path / "baseline.yml"
    baseline.write_text(
        "bekende-problemen:\n"
        "  - regel: color-contrast\n    reden: huisstijlkleur\n    verloopt: 2027-03-01\n"
        "  - regel: image-alt\n    reden: oude foto's\n    verloopt: 2026-01-01\n"
        "  - regel: link-name\n    reden: opgelost?\n    verloopt: 2027-01-01\n",
        encoding="utf-8",
    )
    plan = AuditPlan(targets=[Target(f"{fixture_server}/fouten.html", FAST)])
    outcome = run_audit(plan, _settings(chromium, baseline=load_baseline(baseline)))
    codes = [f.code for f in outcome.result.findings]
    assert "color-contrast" not in codes and [f.code for f, _ in outcome.accepted] == ["color-contrast"]
    assert "image-alt" in codes  # its entry expired: it counts again
    expired = next(f for f in outcome.result.findings if f.code == "A11Y107")
    unused = next(f for f in outcome.result.findings if f.code == "A11Y108")
    assert "'image-alt' is verlopen op 2026-01-01" in expired.message.nl
    assert "'link-name' no longer occurs" in unused.message.en
    assert isinstance(expired.location, SourceSpan) and expired.location.line == 5  # the image-alt entry


def _network_address() -> str | None:
    """This machine's address on its network (not loopback), or None."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))  # UDP: no packet is sent
        except OSError:
            return None
        address = str(probe.getsockname()[0])
    return None if address.startswith("127.") else address


class _Counting(http.server.BaseHTTPRequestHandler):
    seen: list[str] = []

    def do_GET(self) -> None:
        self.seen.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


def test_third_parties_are_recorded_and_never_reached(chromium: Path, tmp_path: Path) -> None:
    # The "third party" is a real server on this machine's network address: Chromium
    # would reach it directly if the audit did not stop it.
    address = _network_address()
    if address is None:
        pytest.skip("this machine has no network address besides loopback")
    other = http.server.HTTPServer((address, 0), _Counting)
    threading.Thread(target=other.serve_forever, daemon=True).start()
    _Counting.seen.clear()
    pixel = f"http://{address}:{other.server_address[1]}/teller.png"
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text(
        f'<!doctype html><html lang="nl"><head><title>Teller</title></head><body><main><h1>Teller</h1>'
        f'<img src="{pixel}" alt="Teller" width="1" height="1">'
        f"<script>fetch('{pixel}?script').catch(() => null)</script></main></body></html>",
        encoding="utf-8",
    )
    axe = find_axe()
    try:
        with serve(tmp_path / "site", axe.source) as base:
            settings = RunnerSettings(chromium, axe.source, ("wcag2a",), concurrency=1, settle=0.5)
            results, _ = run_pages(settings, [Target(f"{base}/", FAST)])
    finally:
        other.shutdown()
        other.server_close()
    assert results[0].checked, results[0].error
    assert sorted(results[0].third_party) == [pixel, f"{pixel}?script"]
    assert _Counting.seen == []


def test_the_sites_public_address_is_answered_from_the_folder(chromium: Path, tmp_path: Path) -> None:
    # Material asks the site's public address for sitemap.xml; the host would answer
    # from the built folder, so only a file that is not there is reported as broken.
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitemap.xml").write_text("<urlset/>", encoding="utf-8")
    (site / "index.html").write_text(
        '<!doctype html><html lang="nl"><head><title>Kaart</title></head><body><main><h1>Kaart</h1>'
        "<script>for (const p of ['sitemap.xml', 'en/sitemap.xml']) "
        "fetch('https://www.diemen.nl/' + p).catch(() => null)</script></main></body></html>",
        encoding="utf-8",
    )
    axe = find_axe()
    with serve(site, axe.source) as base:
        settings = RunnerSettings(
            chromium,
            axe.source,
            ("wcag2a",),
            concurrency=1,
            settle=0.5,
            site_origin="https://www.diemen.nl",
            site_dir=site,
        )
        results, _ = run_pages(settings, [Target(f"{base}/", FAST)])
    assert results[0].checked, results[0].error
    assert results[0].third_party == []
    assert results[0].broken == [("https://www.diemen.nl/en/sitemap.xml", 404)]


def test_a_theme_problem_is_reported_once_for_the_web_team_with_its_template(chromium: Path, tmp_path: Path) -> None:
    # The same theme element on two content pages, with an image without alt text in it; and one
    # image without alt text in the page's own content, which stays a finding of each page.
    site = tmp_path / "site"
    theme = (
        '<section data-diemen-theme="partials/diemen-page-footer.html" aria-label="Over deze pagina">'
        '<img src="logo.png"></section>'
    )
    for folder in ("afval", "afval/grofvuil"):
        (site / folder).mkdir(parents=True, exist_ok=True)
        (site / folder / "index.html").write_text(
            '<!doctype html><html lang="nl"><head><title>Afval</title></head><body><main>'
            f'<article class="md-content__inner"><h1>Afval</h1><p>Tekst.</p><img src="foto.png">{theme}</article>'
            "</main></body></html>",
            encoding="utf-8",
        )
    plan = AuditPlan(site=site, relative=True, targets=[Target("/afval/"), Target("/afval/grofvuil/")])
    outcome = run_audit(plan, _settings(chromium))
    alts = [f for f in outcome.result.findings if f.code == "image-alt"]
    in_theme = [f for f in alts if isinstance(f.location, PageTarget) and "logo.png" in f.location.snippet]
    in_pages = [f for f in alts if isinstance(f.location, PageTarget) and "foto.png" in f.location.snippet]
    assert len(in_theme) == 1 and len(in_pages) == 2
    theme_finding = in_theme[0]
    assert isinstance(theme_finding.location, PageTarget) and theme_finding.location.source is not None
    assert theme_finding.location.source.path == "overrides/partials/diemen-page-footer.html"
    assert theme_finding.owner == "webredactie" and theme_finding.extras["pages"] == 2
    assert theme_finding.location.url == "/afval/"  # the first address, whatever the order of tabs
    assert {f.path for f in in_pages} == {"content/nl/afval/index.md", "content/nl/afval/grofvuil.md"}

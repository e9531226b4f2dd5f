"""The audit cache: an unchanged page is reused with identical findings; any change audits it again."""

from __future__ import annotations

from pathlib import Path

import pytest

from linters.wcag.audit import run_audit
from linters.wcag.inputs import AuditPlan
from linters.wcag.runner import Target
from tests.wcag.test_audit_browser import _settings

pytestmark = pytest.mark.browser

PAGE = (
    '<!doctype html><html lang="nl"><head><title>{title}</title><link rel="stylesheet" href="../assets/site.css">'
    '</head><body><main><h1>{title}</h1><p>{text}</p><img src="{image}"></main></body></html>'
)


def _site(root: Path) -> Path:
    site = root / "site"
    (site / "assets").mkdir(parents=True)
    (site / "assets" / "site.css").write_text("p { color: #222; }", encoding="utf-8")
    for name in ("afval", "parkeren", "wonen"):
        (site / name).mkdir()
        (site / name / "kaart.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
        html = PAGE.format(title=name.title(), text="Tekst.", image="kaart.svg")
        (site / name / "index.html").write_text(html, encoding="utf-8")
    return site


def _audit(site: Path, chromium: Path, cache: Path | None) -> tuple[list[object], int]:
    plan = AuditPlan(site=site, relative=True, targets=[Target(f"/{n}/") for n in ("afval", "parkeren", "wonen")])
    outcome = run_audit(plan, _settings(chromium, cache_dir=cache))
    return outcome.result.findings, int(outcome.facts.get("cached", 0))


def test_unchanged_pages_are_reused_and_give_the_same_findings(chromium: Path, tmp_path: Path) -> None:
    site, cache = _site(tmp_path), tmp_path / "cache"
    cold, cached = _audit(site, chromium, cache)
    assert cached == 0 and cold, "the pages have images without alt text"
    warm, cached = _audit(site, chromium, cache)
    assert cached == 3 and warm == cold

    # One page changed: only that page is audited again, and the findings are a fresh run's.
    page = site / "parkeren" / "index.html"
    page.write_text(PAGE.format(title="Parkeren", text="Nieuwe tekst.", image="kaart.svg"), encoding="utf-8")
    changed, cached = _audit(site, chromium, cache)
    fresh, _ = _audit(site, chromium, None)
    assert cached == 2 and changed == fresh

    # A file one page shows (its image): that page again.
    (site / "wonen" / "kaart.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><title>K</title></svg>')
    assert _audit(site, chromium, cache)[1] == 2

    # The theme's style sheet: every page again.
    (site / "assets" / "site.css").write_text("p { color: #999; }", encoding="utf-8")
    assert _audit(site, chromium, cache)[1] == 0


def test_a_broken_cache_entry_means_a_fresh_audit(chromium: Path, tmp_path: Path) -> None:
    site, cache = _site(tmp_path), tmp_path / "cache"
    cold, _ = _audit(site, chromium, cache)
    for entry in cache.rglob("*.json"):
        entry.write_text('{"checked": true, "data": [1, 2', encoding="utf-8")
    again, cached = _audit(site, chromium, cache)
    assert cached == 0 and again == cold

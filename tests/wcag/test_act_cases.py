"""The audit on a subset of the W3C ACT Rules test cases (tests/fixtures/act), scored as W3C does.

The whole set (878 cases) is `bench/act.py`; these few cases keep a
regression from landing: SVG and XML documents, meta refresh pages.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from linters.registry import load_statute
from linters.wcag import act
from linters.wcag.audit import AuditSettings, run_audit
from linters.wcag.axe import find_axe
from linters.wcag.inputs import AuditPlan
from linters.wcag.runner import PageOptions, Target
from tests.conftest import FIXTURES, REPO

pytestmark = pytest.mark.browser
SITE = FIXTURES / "act"
# The rules whose cases are in the fixture, and what the audit must score on each.
EXPECTED = {
    "2779a5": act.State.CONSISTENT,  # HTML page has non-empty title (an SVG document is inapplicable)
    "b5c3f8": act.State.CONSISTENT,  # HTML page has lang attribute (SVG and XML documents are inapplicable)
    "bf051a": act.State.CONSISTENT,  # HTML page lang attribute has valid language tag
    "bc659a": act.State.INCONSISTENT,  # meta refresh: axe fails the second of two refresh elements
}


def test_audit_scores_on_act_cases_and_checks_every_page(chromium: Path) -> None:
    cases = act.read_cases(SITE / act.SERVED_UNDER, EXPECTED)
    assert {c.rule for c in cases} == set(EXPECTED)
    plan = AuditPlan(site=SITE, relative=True, targets=[Target(c.url_path, PageOptions(timeout=10.0)) for c in cases])
    settings = AuditSettings(
        browser=chromium,
        axe=find_axe(root=REPO),
        statute=load_statute(REPO / "redactiestatuut.yml"),
        root=REPO,
        today=date(2026, 12, 2),
        settle=0.3,
    )
    outcome = run_audit(plan, settings)
    assert not outcome.not_checked, [(p.target.url, p.error) for p in outcome.not_checked]
    outcomes = act.outcomes_for(outcome.result.findings, {c.url_path: c for c in cases})
    by_rule = {rule: [c for c in cases if c.rule == rule] for rule in EXPECTED}
    scored = {rule: act.score(rule, rule_cases, outcomes).state for rule, rule_cases in by_rule.items()}
    assert scored == EXPECTED
    # The XML case is a result of its own, not a pass; the meta refresh pages were audited as served.
    not_pages = [f for f in outcome.result.findings if f.code == "A11Y109"]
    assert [f.context for f in not_pages] == ["application/xml"]
    redirects = {f.location.url for f in outcome.result.findings if f.code == "A11Y110"}  # type: ignore[union-attr]
    assert redirects and all("/bc659a/" in url for url in redirects)

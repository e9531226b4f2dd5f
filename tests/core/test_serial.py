"""One JSON shape for a finding: the JSON report, the run cache and the dashboard read and write the same."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from linters.commands.check import check_pages
from linters.core.cache import RunCache
from linters.core.finding import Finding, Message, PageTarget, Severity, SourceSpan
from linters.core.serial import finding_from_dict, finding_to_dict
from linters.registry import load_statute, rule_names
from linters.report import json_report
from linters.report.dashboard.load import parse
from tests.conftest import FIXTURES

SITE = FIXTURES / "bad-site"


def test_a_finding_read_back_is_the_finding_written() -> None:
    findings = [
        Finding(
            "B1003",
            "officialese-word",
            Severity.WARNING,
            Message("'Indien' is ambtelijk.", "'Indien' is officialese."),
            SourceSpan("content/nl/a.md", 7, 3, 7, 9),
            "docs/regels.md#b1003-officialese-word",
            owner="afval",
            replacements=("als",),
            context="Indien u",
            wcag=(),
            extras={"lemma": "indien"},
        ),
        Finding(
            "color-contrast",
            "color-contrast",
            Severity.ERROR,
            Message("Het contrast is te laag.", "Too little contrast."),
            PageTarget("/afval/", "#x", "<p id=x>", SourceSpan("content/nl/afval/index.md", 4, 1, 4, 20)),
            "https://dequeuniversity.com/rules/axe/4.14/color-contrast",
            needs_review=True,
            wcag=("1.4.3",),
        ),
        Finding("A11Y101", "third-party-request", Severity.ERROR, Message("a", "b"), PageTarget("/x/", "html"), ""),
    ]
    for finding in findings:
        for lang in ("nl", "en"):
            assert finding_from_dict(json.loads(json.dumps(finding_to_dict(finding, lang)))) == finding


def test_report_cache_and_dashboard_share_the_shape(tmp_path: Path) -> None:
    statute = load_statute(SITE / "redactiestatuut.yml", known_rules=rule_names())
    cache = RunCache(tmp_path)
    result = check_pages(
        [SITE / "content"], statute, today=date(2026, 11, 22), content_root=SITE / "content", cache=cache
    )
    report = json_report.render(result, {}, "nl")
    (stored,) = tmp_path.glob("run-*.json")
    cached = json.loads(stored.read_text(encoding="utf-8"))
    assert cached["findings"] == json.loads(report)["findings"]
    assert parse(report, "check.json").findings == result.findings
    again = check_pages(
        [SITE / "content"], statute, today=date(2026, 11, 22), content_root=SITE / "content", cache=cache
    )
    assert again.findings == result.findings and again.pages == result.pages

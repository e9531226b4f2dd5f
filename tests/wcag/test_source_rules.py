"""Golden fixtures for the accessibility source rules: each offending line carries `<!-- expect: CODE -->`."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from linters.core.engine import Engine
from linters.registry import ALL_RULES, load_statute
from linters.wcag.source import SOURCE_RULES
from tests.conftest import FIXTURES, REPO, run_cli

CASES = FIXTURES / "wcag-source"
_EXPECT = re.compile(r"<!--\s*expect:\s*([A-Z0-9 ]+?)\s*-->")


def _expected(path: Path) -> Counter[tuple[int, str]]:
    found: Counter[tuple[int, str]] = Counter()
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        for match in _EXPECT.finditer(line):
            for code in match.group(1).split():
                found[(number, code)] += 1
    return found


def _engine() -> Engine:
    statute = load_statute(REPO / "redactiestatuut.yml")
    return Engine(SOURCE_RULES, statute, today=date(2026, 11, 22), content_root=None)


def _run(path: Path) -> Counter[tuple[int, str]]:
    result = _engine().run([path])
    assert not result.crashed
    found: Counter[tuple[int, str]] = Counter()
    for finding in result.findings:
        assert finding.location.__class__.__name__ == "SourceSpan"
        found[(finding.location.line, finding.code)] += 1  # type: ignore[union-attr]
    return found


@pytest.mark.parametrize("case", sorted(CASES.glob("*.md")), ids=lambda p: p.stem)
def test_fixture_findings_match_their_markers(case: Path) -> None:
    assert _run(case) == _expected(case)


def test_every_source_rule_has_a_failing_example() -> None:
    marked = {code for case in CASES.glob("*.md") for (_, code) in _expected(case)}
    assert {r.code for r in SOURCE_RULES} <= marked


def test_source_rules_are_registered_with_wcag_criteria() -> None:
    registered = {r.code for r in ALL_RULES}
    assert {r.code for r in SOURCE_RULES} <= registered
    for case in CASES.glob("*.md"):
        for finding in _engine().run([case]).findings:
            # Capitals and the rules of what may be published are not WCAG criteria.
            if finding.code not in ("A11Y012", "A11Y015", "A11Y018", "A11Y019", "A11Y020"):
                assert finding.wcag and all(re.fullmatch(r"\d\.\d\.\d+", c) for c in finding.wcag), finding
            assert finding.message.nl and finding.message.en


def test_real_site_has_no_accessibility_findings_in_its_source(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(["check", "content", "--fail-on", "suggestion"], REPO, capsys)
    assert not [line for line in out.splitlines() if " A11Y" in line], out

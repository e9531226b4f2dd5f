"""Scoring on the W3C ACT test cases (linters/wcag/act.py), the way W3C scores implementations."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from linters.core.finding import PageTarget
from linters.wcag import act
from linters.wcag.act import Case, Outcome, State

CASES = [
    Case("bc659a", "p1", "passed", "testcases/bc659a/p1.html", "Passed Example 1"),
    Case("bc659a", "f1", "failed", "testcases/bc659a/f1.html", "Failed Example 1"),
    Case("bc659a", "f2", "failed", "testcases/bc659a/f2.html", "Failed Example 2"),
    Case("bc659a", "i1", "inapplicable", "testcases/bc659a/i1.html", "Inapplicable Example 1"),
]


@pytest.mark.parametrize(
    ("outcomes", "state", "missed", "false_alarms"),
    [
        ({"f1": Outcome.FAILED, "f2": Outcome.FAILED}, State.CONSISTENT, 0, 0),
        # A "cannot tell" on some failed examples, not all, is still consistent (W3C).
        ({"f1": Outcome.FAILED, "f2": Outcome.CANT_TELL, "p1": Outcome.CANT_TELL}, State.CONSISTENT, 0, 0),
        ({"f1": Outcome.CANT_TELL, "f2": Outcome.CANT_TELL}, State.PARTIAL, 0, 0),
        ({"f1": Outcome.FAILED}, State.PARTIAL, 1, 0),
        # A page not checked has no outcome: never consistent.
        ({"f1": Outcome.FAILED, "f2": Outcome.FAILED, "i1": Outcome.NOT_CHECKED}, State.PARTIAL, 0, 0),
        ({"f1": Outcome.FAILED, "f2": Outcome.FAILED, "i1": Outcome.FAILED}, State.INCONSISTENT, 0, 1),
        ({"p1": Outcome.FAILED}, State.INCONSISTENT, 2, 1),
        ({}, State.UNTESTED, 2, 0),
    ],
)
def test_score_follows_w3c(outcomes: dict[str, Outcome], state: State, missed: int, false_alarms: int) -> None:
    result = act.score("bc659a", CASES, outcomes)
    assert (result.state, result.missed, result.false_alarms) == (state, missed, false_alarms)


def test_totals_count_no_missed_failures_for_untested_rules() -> None:
    tested = act.score("bc659a", CASES, {"f1": Outcome.FAILED})
    untested = act.score("bc659a", CASES, {})
    totals = act.Totals.of([tested, untested], pages_not_checked=0)
    assert totals.states[State.PARTIAL] == 1 and totals.states[State.UNTESTED] == 1
    assert (totals.missed, totals.untested_failures) == (1, 2)


@dataclass(frozen=True)
class _Finding:
    code: str
    location: PageTarget
    needs_review: bool = False
    extras: dict[str, Any] = field(default_factory=dict)


def test_findings_count_only_for_the_act_rule_of_their_case() -> None:
    cases = {c.url_path: c for c in CASES}
    url = CASES[1].url_path
    findings = [
        _Finding("color-contrast", PageTarget(url, "p")),  # another ACT rule: no outcome for bc659a
        _Finding("meta-refresh", PageTarget(CASES[2].url_path, "meta"), needs_review=True),
        _Finding("A11Y100", PageTarget(CASES[3].url_path, "html")),
        # Merged from two engines: Alfa's rule counts too.
        _Finding("A11Y999", PageTarget(CASES[0].url_path, "meta"), extras={"rules": ["A11Y999", "sia-r9"]}),
    ]
    found = act.outcomes_for(findings, cases)
    assert found == {"f2": Outcome.CANT_TELL, "i1": Outcome.NOT_CHECKED, "p1": Outcome.FAILED}


def test_the_table_covers_58_rules_with_engine_rules_from_w3c_data() -> None:
    rules = act.rules()
    assert len(rules) == 58
    assert rules["bc659a"].checks["axe"] == ("meta-refresh",) and "sia-r9" in rules["bc659a"].checks["alfa"]
    assert act.act_rules_of("color-contrast") == {"afw4f7"}
    assert all(set(rule.use) <= set(act.ENGINES) for rule in rules.values())


def test_scope_is_wcag_2_a_and_aa_for_conformance_and_not_deprecated() -> None:
    def item(rule_id: str, requirements: dict[str, Any], deprecated: bool = False) -> dict[str, Any]:
        front = {"id": rule_id, "name": rule_id, "accessibility_requirements": requirements}
        return {"deprecated": deprecated, "proposed": False, "frontmatter": front}

    levels = {"1.4.3": "AA", "1.4.6": "AAA", "4.1.2": "A"}
    mapping = {
        "act-rules": [
            item("aaaaaa", {"wcag20:1.4.3": {"forConformance": True}}),
            item("bbbbbb", {"wcag20:1.4.6": {"forConformance": True}}),
            item("cccccc", {"wcag20:4.1.2": {"secondary": "less strict"}}),
            item("dddddd", {"wcag20:4.1.2": {"forConformance": True}}, deprecated=True),
        ]
    }
    assert [r["id"] for r in act.wcag_a_aa_rules(mapping, levels)] == ["aaaaaa"]

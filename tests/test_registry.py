"""Every rule is complete: unique identity, documentation in both languages, and proof that it fires.

A rule is proven when a fixture expects it (an `<!-- expect: CODE -->` marker
or an `expected.yml` entry, which the fixture's own test compares exactly), or
when a test marked `@pytest.mark.emits(CODE)` makes its reporter report it.
axe-core's rules are proven by axe-core's own tests; ours checks that the
catalogue holds exactly the rules of the axe-core the audit runs.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from linters.commands.rules import README_BEGIN, README_END, readme_table, rules_markdown
from linters.core.rules import AXE, DOC_SECTIONS, DOC_SECTIONS_EN, PAGE, SITE, family_of
from linters.registry import ALL_RULES, RETIRED_CODES
from tests.conftest import FIXTURES, REPO, run_cli

TESTS = Path(__file__).resolve().parent
_MARKER = re.compile(r"<!--\s*expect:\s*([A-Z0-9 ]+?)\s*-->")
_CODE = re.compile(r"^[A-Z][A-Z0-9]*\d{3}$")


def _codes_in(node: object) -> set[str]:
    """Every rule code anywhere in a parsed expected.yml (keys and values)."""
    if isinstance(node, dict):
        return {c for k, v in node.items() for c in _codes_in(k) | _codes_in(v)}
    if isinstance(node, list):
        return {c for item in node for c in _codes_in(item)}
    return {node} if isinstance(node, str) and (_CODE.match(node) or node in {r.code for r in ALL_RULES}) else set()


def fixture_expectations() -> set[str]:
    """The codes some fixture file expects."""
    found: set[str] = set()
    for path in FIXTURES.rglob("*"):
        if path.name == "expected.yml":
            found |= _codes_in(YAML(typ="safe").load(path.read_text(encoding="utf-8")))
        elif path.suffix in (".md", ".html"):
            for match in _MARKER.finditer(path.read_text(encoding="utf-8", errors="replace")):
                found.update(match.group(1).split())
    return found


def emitted_by_tests() -> set[str]:
    """The codes named in `@pytest.mark.emits(...)` on a test."""
    found: set[str] = set()
    for path in TESTS.rglob("test_*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "emits"
                and isinstance(node.func.value, ast.Attribute)
                and node.func.value.attr == "mark"
            ):
                found.update(a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str))
    return found


def test_codes_and_names_are_unique_and_well_formed() -> None:
    codes = [r.code for r in ALL_RULES]
    names = [r.name for r in ALL_RULES]
    assert len(set(codes)) == len(codes)
    assert len(set(names)) == len(names)
    assert not set(codes) & RETIRED_CODES
    for rule in ALL_RULES:
        if rule.reporter == AXE:
            assert rule.code == rule.name and rule.family == "axe", rule.code
        else:
            assert _CODE.match(rule.code), rule.code
            assert re.fullmatch(r"[a-z]+(-[a-z0-9]+)+", rule.name), rule.name


def test_every_rule_documents_what_why_example_and_better_in_dutch_and_english() -> None:
    for rule in ALL_RULES:
        for section in DOC_SECTIONS:
            assert rule.doc.get(section), f"{rule.code} misses '{section}'"
        for section in DOC_SECTIONS_EN:
            assert rule.doc_en.get(section), f"{rule.code} misses '{section}'"
        assert rule.summary.nl and rule.summary.en


def test_a_rule_has_a_check_exactly_when_its_reporter_is_a_check() -> None:
    for rule in ALL_RULES:
        assert (rule.check_page is not None) == (rule.reporter == PAGE), rule.code
        assert (rule.check_site is not None) == (rule.reporter == SITE), rule.code
        if rule.reporter not in (PAGE, SITE):
            assert rule.messages, f"{rule.code}: its reporter needs the rule's messages"


def test_every_rule_is_shown_to_fire() -> None:
    proven = fixture_expectations() | emitted_by_tests()
    unproven = [f"{r.code} ({r.reporter})" for r in ALL_RULES if r.reporter != AXE and r.code not in proven]
    assert not unproven, "add a fixture that expects these, or a test marked @pytest.mark.emits: " + ", ".join(unproven)


def test_family_is_the_code_without_its_number() -> None:
    assert [family_of(c) for c in ("B1003", "A11Y102", "OWN010", "WR900", "image-alt")] == [
        "B1",
        "A11Y",
        "OWN",
        "WR",
        "axe",
    ]


def test_generated_rule_docs_are_current() -> None:
    committed = (REPO / "docs" / "regels.md").read_text(encoding="utf-8")
    assert committed == rules_markdown(), "run: webredactie rules --format markdown > docs/regels.md"


def test_readme_rule_table_is_current() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert README_BEGIN in readme and README_END in readme, "the README needs the generated rule table"
    block = readme[readme.index(README_BEGIN) : readme.index(README_END) + len(README_END)] + "\n"
    assert block == readme_table("en"), "run: webredactie --lang en rules --format readme (and paste it)"


def test_rules_explains_in_english_on_request(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["--lang", "en", "rules", "B1003"], REPO, capsys)
    assert code == 0
    assert "*An officialese word; there is a plainer one.* Default level: **warning**." in out
    assert "### What it checks" in out and "### Why is this a problem?" in out and "Wat het" not in out
    code, out, _ = run_cli(["rules", "B1003"], REPO, capsys)
    assert "### Wat het controleert" in out and "Standaardniveau" in out

"""Every rule is complete: unique identity, all documentation sections, and current docs."""

from __future__ import annotations

import re

from linters.commands.rules import rules_markdown
from linters.core.rules import DOC_SECTIONS
from linters.registry import ALL_RULES, RETIRED_CODES
from tests.conftest import REPO


def test_codes_and_names_are_unique_and_well_formed() -> None:
    codes = [r.code for r in ALL_RULES]
    names = [r.name for r in ALL_RULES]
    assert len(set(codes)) == len(codes)
    assert len(set(names)) == len(names)
    assert not set(codes) & RETIRED_CODES
    for rule in ALL_RULES:
        assert re.fullmatch(r"[a-z]+(-[a-z0-9]+)+", rule.name), rule.name


def test_every_rule_documents_what_why_example_and_better() -> None:
    for rule in ALL_RULES:
        for section in DOC_SECTIONS:
            assert rule.doc.get(section), f"{rule.code} misses '{section}'"
        assert rule.summary.nl and rule.summary.en


def test_every_rule_has_a_check() -> None:
    for rule in ALL_RULES:
        assert (rule.check_page is None) != (rule.check_site is None), rule.code


def test_generated_rule_docs_are_current() -> None:
    committed = (REPO / "docs" / "regels.md").read_text(encoding="utf-8")
    assert committed == rules_markdown(), "run: webredactie rules --format markdown > docs/regels.md"

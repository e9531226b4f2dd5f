"""Suppressions silence exactly what they name, need a reason, and are reported when unused."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from linters.core.engine import Engine
from linters.registry import ALL_RULES, load_statute, rule_names
from tests.conftest import REPO

HEADER = "---\ntitle: T\ndescription: D\nowner: afval\nreviewed: {reviewed}\n---\n"


def run(tmp_path: Path, body: str, reviewed: str = "2026-10-01", header: str = HEADER) -> list[tuple[int, str]]:
    content = tmp_path / "content"
    page = content / "nl" / "afval" / "p.md"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(header.format(reviewed=reviewed) + body, encoding="utf-8")
    # afval/ must exist in English (the statute), so the page gets its translation.
    english = content / "en" / "afval" / "p.md"
    english.parent.mkdir(parents=True, exist_ok=True)
    english.write_text(HEADER.format(reviewed=reviewed) + "Text.\n", encoding="utf-8")
    statute = load_statute(REPO / "redactiestatuut.yml", known_rules=rule_names())
    engine = Engine(ALL_RULES, statute, today=date(2026, 11, 22), content_root=content)
    result = engine.run([page])
    return [(f.location.line, f.code) for f in result.findings]  # type: ignore[union-attr]


def test_file_level_suppression_with_reason(tmp_path: Path) -> None:
    body = "<!-- webredactie: disable-file OWN005 -- datum wordt vastgezet voor de lancering -->\nTekst.\n"
    assert run(tmp_path, body, reviewed="2027-01-01") == []


def test_suppression_by_rule_name(tmp_path: Path) -> None:
    header = "---\ntitle: T\ndescription: D\nowner: afval\n---\n"
    body = "<!-- webredactie: disable-file missing-review-date -- archiefpagina zonder controle -->\n"
    assert run(tmp_path, body, header=header) == []
    assert run(tmp_path, "Tekst.\n", header=header) == [(1, "OWN003")]


@pytest.mark.emits("WR005")
def test_unused_suppression_is_reported(tmp_path: Path) -> None:
    body = "Tekst.\n<!-- webredactie: disable-next-line OWN005 -- oude uitzondering -->\nMeer tekst.\n"
    assert run(tmp_path, body) == [(8, "WR005")]


@pytest.mark.emits("WR006")
def test_suppression_without_reason_still_works_but_is_reported(tmp_path: Path) -> None:
    body = "<!-- webredactie: disable-file OWN005 -->\nTekst.\n"
    assert run(tmp_path, body, reviewed="2027-01-01") == [(7, "WR006")]


@pytest.mark.emits("WR007")
def test_unknown_rule_and_directive(tmp_path: Path) -> None:
    body = "<!-- webredactie: negeer OWN005 -- x -->\n<!-- webredactie: disable-file XYZ999 -- x -->\n"
    assert run(tmp_path, body) == [(7, "WR007"), (8, "WR007")]


def test_suppression_inside_code_block_is_ignored(tmp_path: Path) -> None:
    body = "```\n<!-- webredactie: disable-file OWN005 -- voorbeeld -->\n```\n"
    assert run(tmp_path, body, reviewed="2027-01-01") == [(5, "OWN005")]


def test_block_disable_and_enable(tmp_path: Path) -> None:
    from linters.core.suppression import parse_suppressions

    text = "a\n<!-- webredactie: disable B1001 -- lijst uit de wet -->\nb\nc\n<!-- webredactie: enable B1001 -->\nd\n"
    parsed = parse_suppressions(text, set(), {"B1001"})
    (item,) = parsed.items
    assert (item.first_line, item.last_line) == (2, 5)
    assert parsed.suppresses(3, "B1001", "long-sentence")
    assert not parsed.suppresses(6, "B1001", "long-sentence")

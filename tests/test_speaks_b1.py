"""The tool speaks B1 itself: our own plain-language checks find no error or warning in what it says in Dutch.

What is checked: every rule's summary and its "why" (what `webredactie rules`
shows an editor), every message the checks give on the broken fixture site,
the department digest of the real site, and the text of the dashboard. Quoted
page text, code, file paths and addresses are left out: they are the editor's
words or names, not ours.
"""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from linters.b1.metrics import b1_metrics
from linters.core.engine import Engine, basic_metrics
from linters.core.finding import Severity
from linters.ownership.digest import build_digest, render_all_text
from linters.registry import ALL_RULES, load_statute
from tests.conftest import FIXTURES, REPO
from tests.report.test_dashboard import render_fixture

TODAY = date(2026, 11, 22)
# What is not our own prose: quoted text, code, paths, addresses, e-mail addresses.
NOT_OURS = re.compile(
    r"(?<!\w)'[^'\n]*'(?!\w)|‘[^’\n]*’|`[^`\n]*`|\"[^\"\n]*\"|\S+@\S+|https?://\S+|\S*/\S*|\S+\.(md|yml|html|json|txt)\b"
)


def _prose(text: str) -> str:
    return NOT_OURS.sub("dit", " ".join(text.split()))


def _rule_texts() -> Iterator[tuple[str, str]]:
    for rule in ALL_RULES:
        yield f"{rule.code} (samenvatting)", rule.summary.nl
        why = rule.doc.get("Waarom is dit een probleem?")
        if why:
            yield f"{rule.code} (waarom)", why


def _messages() -> Iterator[tuple[str, str]]:
    from linters.commands.check import check_pages

    site = FIXTURES / "bad-site"
    statute = load_statute(site / "redactiestatuut.yml")
    result = check_pages([site / "content"], statute, today=TODAY, content_root=site / "content")
    for finding in result.findings:
        yield f"melding {finding.code} op {finding.path}:{getattr(finding.location, 'line', 0)}", finding.message.nl


def _generated() -> Iterator[tuple[str, str]]:
    statute = load_statute(REPO / "redactiestatuut.yml")
    # A mail: each line is a sentence or an item of a list.
    mail = render_all_text(build_digest(statute, REPO / "content", TODAY), "nl")
    yield "overzicht per afdeling", "\n\n".join(mail.splitlines())
    files, _ = render_fixture()
    for name, page in files.items():
        # Style, charts and the editor's own sentences (class "zin") are not our text.
        text = re.sub(r"<(style|script|svg)\b.*?</\1>|<(\w+) class=\"zin\"[^>]*>.*?</\2>", " ", page, flags=re.S)
        yield f"dashboard {name}", html.unescape(re.sub(r"<[^>]+>", "\n\n", text))


def _texts() -> list[tuple[str, str]]:
    return [*_rule_texts(), *_messages(), *_generated()]


def _judge(tmp_path: Path, texts: list[tuple[str, str]]) -> list[str]:
    """Write the texts as one Dutch page and return every B1 error or warning, with the text it came from."""
    content = tmp_path / "content" / "nl" / "teksten"
    content.mkdir(parents=True)
    shutil.copy(REPO / "redactiestatuut.yml", tmp_path / "redactiestatuut.yml")
    lines = ["---", "title: Teksten", "description: Wat de tool zegt.", "owner: webredactie", "reviewed: 2026-11-01"]
    lines += ["---", ""]
    origin: dict[int, str] = {}
    for where, text in texts:
        for paragraph in re.split(r"\n\s*\n", text):
            prose = _prose(paragraph)
            # Lines of a table or list in a mail are not sentences; a heading-like line is judged as a paragraph.
            if len(prose.split()) < 3:
                continue
            origin[len(lines) + 1] = where
            lines += [prose, ""]
    page = content / "index.md"
    page.write_text("\n".join(lines), encoding="utf-8")
    statute = load_statute(REPO / "redactiestatuut.yml")
    b1_rules = [rule for rule in ALL_RULES if rule.code.startswith("B1")]
    engine = Engine(
        b1_rules, statute, today=TODAY, content_root=tmp_path / "content", metric_providers=(basic_metrics, b1_metrics)
    )
    result = engine.run([page])
    problems = []
    for finding in result.findings:
        line = getattr(finding.location, "line", 0)
        if finding.severity >= Severity.WARNING and line in origin:
            problems.append(f"{origin[line]}: {finding.code} {finding.message.nl}")
    return problems


def test_the_judge_finds_officialese_and_passive_in_our_texts(tmp_path: Path) -> None:
    # Guards the test below: text that is not B1 must be found.
    problems = _judge(tmp_path, [("proef", "Indien de pagina wordt gewijzigd door de afdeling, volgt een melding.")])
    assert any("B1003" in p for p in problems) and any("B1005" in p for p in problems)


@pytest.mark.parametrize("source", ["regels", "meldingen", "gemaakte teksten"])
def test_what_the_tool_says_in_dutch_is_b1(tmp_path: Path, source: str) -> None:
    texts = {"regels": _rule_texts, "meldingen": _messages, "gemaakte teksten": _generated}[source]()
    problems = _judge(tmp_path, list(texts))
    assert problems == [], "\n".join(problems)

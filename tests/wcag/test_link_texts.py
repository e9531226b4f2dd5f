"""Link texts are judged in one place: the Python rule and page.js run the same expression.

The fixture page `linkteksten.html` lists which links are unclear
(`expected.yml`). Here Python's judgement must give exactly that list; the
browser test of the fixture pages shows that page.js gives it too.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from ruamel.yaml import YAML

from linters.wcag import link_texts
from tests.wcag.conftest import PAGES


class _Links(HTMLParser):
    """Each link's accessible name and language, the way page.js takes them."""

    def __init__(self) -> None:
        super().__init__()
        self.langs: list[str] = []
        self.open: list[str] = []
        self.links: dict[str, dict[str, str]] = {}
        self.current: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.open.append(tag)
        self.langs.append(found.get("lang") or (self.langs[-1] if self.langs else ""))
        if tag == "a":
            self.current = {"label": found.get("aria-label") or "", "text": "", "alt": "", "lang": self.langs[-1]}
            self.links[f"#{found['id']}"] = self.current
        elif tag == "img" and self.current is not None:
            self.current["alt"] += found.get("alt") or ""
            self.open.pop()
            self.langs.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self.current = None
        if self.open:
            self.open.pop()
            self.langs.pop()

    def handle_data(self, data: str) -> None:
        if self.current is not None:
            self.current["text"] += data


def test_python_judges_the_fixture_links_as_expected() -> None:
    parser = _Links()
    parser.feed((PAGES / "linkteksten.html").read_text(encoding="utf-8"))
    expected = YAML(typ="safe").load((PAGES / "expected.yml").read_text(encoding="utf-8"))["linkteksten.html"]
    judged = {
        selector
        for selector, link in parser.links.items()
        if link_texts.unclear(link["label"] or link["text"].strip() or link["alt"], link["lang"][:2])
    }
    assert judged == set(expected["A11Y102"])


@pytest.mark.parametrize(
    ("text", "lang", "unclear"),
    [
        ("Klik hier!", "nl", True),
        ("Lees meer over grofvuil", "nl", False),
        ("klik hier voor de tarieven", "nl", True),
        ("here", "en", True),
        ("Here is the timetable", "en", False),
        ("hier", "fr", True),  # a language without a list is judged as Dutch
        ("", "nl", False),
    ],
)
def test_exact_texts_and_phrases(text: str, lang: str, unclear: bool) -> None:
    assert link_texts.unclear(text, lang) is unclear


def test_the_expression_is_plain_enough_for_javascript() -> None:
    for lang, expression in link_texts.for_browser().items():
        # Words, spaces and ^(?:…)$|: no escapes, classes or dots that the two dialects read differently.
        assert re.fullmatch(r"[^\W_]*(?:[ ^()?:$|][^\W_]*)*", expression), lang

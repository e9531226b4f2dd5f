"""The tool speaks B1 itself: no word from our own officialese list in the Dutch text of a shipped template."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from linters.b1.lexicon import lemma_of, officialese

LINTERS = Path(__file__).resolve().parents[1] / "linters"
# Jinja tags and comments, and HTML tags: what is left is the text a reader sees.
CODE = re.compile(r"\{#.*?#\}|\{\{.*?\}\}|\{%.*?%\}|<[^>]+>", re.DOTALL)
WORD = re.compile(r"[a-zà-ÿ]+")
# Words of the list that are right where they stand, and why.
ALLOWED = {
    # WCAG's own term (succescriterium, in the authorised Dutch translation); the auditor's report counts them.
    "criterium": ("onderzoek.html", "toegankelijkheidsverklaring.md"),
}


def dutch_templates() -> list[Path]:
    """Every template but the English ones (`*.en.*`); the dashboard, report and statement are Dutch only."""
    found = [p for p in LINTERS.rglob("*") if "templates" in p.relative_to(LINTERS).parts and p.is_file()]
    return sorted(p for p in found if ".en." not in p.name and p.suffix != ".css")


def officialese_in(text: str) -> set[str]:
    words = WORD.findall(CODE.sub(" ", text).lower())
    forms = [{w, lemma_of("nl", w)} for w in words]
    found = set()
    for index, options in enumerate(forms):
        for first in options:
            for entry in officialese().by_first.get(first, ()):
                following = forms[index : index + len(entry.lemmas)]
                if len(following) < len(entry.lemmas):
                    continue
                if all(word in form for word, form in zip(entry.lemmas, following, strict=True)):
                    found.add(entry.phrase)
    return found


def test_the_scan_finds_officialese() -> None:
    assert officialese_in("<p>{{ x }} Controle uiterlijk op {{ y }}, indien nodig.</p>") == {"uiterlijk", "indien"}


@pytest.mark.parametrize("path", dutch_templates(), ids=lambda p: str(p.relative_to(LINTERS)))
def test_dutch_templates_have_no_officialese(path: Path) -> None:
    found = officialese_in(path.read_text(encoding="utf-8"))
    allowed = {word for word, files in ALLOWED.items() if path.name in files}
    assert found - allowed == set()

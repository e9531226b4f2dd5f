"""The shared template helper: escaping per kind of file, strict names, templates shipped as package data."""

from __future__ import annotations

import fnmatch
import html
import tomllib

import pytest
from jinja2 import TemplateNotFound, UndefinedError

from linters.core import templates
from tests.conftest import REPO

NASTY = "<script>alert('x')</script> & \"Afval\""


def from_string(source: str, name: str) -> str:
    return templates.render_source(source, name, value=NASTY, items=[NASTY, "b"])


def test_html_escapes_every_value_as_html_escape_does() -> None:
    source = "<p>{{ value }}</p><p>{{ items | join(', ') }}</p><p>{{ items | join('<br>' | safe) }}</p>"
    out = from_string(source, "linters.x:t.html")
    assert out == f"<p>{html.escape(NASTY)}</p><p>{html.escape(NASTY)}, b</p><p>{html.escape(NASTY)}<br>b</p>"
    assert "<script>" not in out and "&#x27;" in out
    # A value that holds a character reference is shown as written, not turned into a quote.
    assert templates.render_source("{{ v }}", "linters.x:t.html", v="&#39;") == "&amp;#39;"


def test_markdown_cannot_open_raw_html_and_text_stays_as_written() -> None:
    assert from_string("- {{ value }}", "linters.x:t.md") == "- " + NASTY.replace("<", "&lt;")
    assert from_string("{{ value }}", "linters.x:t.txt") == NASTY


def test_a_misspelt_name_stops_the_render() -> None:
    with pytest.raises(UndefinedError):
        from_string("{{ valeu }}", "linters.x:t.txt")


def test_unknown_templates_are_named() -> None:
    with pytest.raises(TemplateNotFound, match="linters.wcag:nothing.html"):
        templates.render("linters.wcag", "nothing.html")
    with pytest.raises(TemplateNotFound):
        templates.render("linters.nothing", "x.html")


def test_every_template_ships_with_the_package() -> None:
    """`pip install .` only copies files that match package-data: a new kind of template must be added there."""
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["*"]
    linters = REPO / "linters"
    shipped = sorted(p for p in linters.rglob("*") if p.is_file() and "templates" in p.relative_to(linters).parts)
    assert shipped, "no templates found"
    missing = [str(p.relative_to(REPO)) for p in shipped if not any(fnmatch.fnmatch(p.name, pat) for pat in patterns)]
    assert missing == []
    for path in shipped:
        # setuptools only looks inside packages: the templates folder must sit in one.
        parts = path.relative_to(linters).parts
        package = linters.joinpath(*parts[: parts.index("templates")])
        assert (package / "__init__.py").is_file(), path

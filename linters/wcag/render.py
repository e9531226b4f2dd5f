"""Render a page's Markdown as MkDocs does (Python-Markdown), so the checks judge what is published.

The checks parse pages with markdown-it-py; MkDocs renders them with
Python-Markdown. Where the two disagree (an unclosed `<!--`, attributes
written with `{: ... }`), only the rendered HTML says what a visitor gets.
The extensions are those of `mkdocs.yml` (a test keeps the two the same).
"""

from __future__ import annotations

import markdown  # type: ignore[import-untyped]

from linters.core.page import Page

# The `markdown_extensions` of mkdocs.yml, by name (their options do not change what HTML is allowed).
MARKDOWN_EXTENSIONS = ("tables", "attr_list", "md_in_html", "admonition", "toc")


def rendered_body(page: Page) -> str:
    """The page's body (without front-matter) as Python-Markdown renders it."""
    lines = page.text.split("\n")
    body = "\n".join(lines[page.body_start_line - 1 :])
    return str(markdown.markdown(body, extensions=list(MARKDOWN_EXTENSIONS)))

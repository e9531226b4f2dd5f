"""Raw HTML in Markdown, as a flat list of tags with their source lines.

The page model keeps raw HTML as fragments (a block, or one inline tag).
Rules need the tags inside them: which element, which attributes, on which
line of the Markdown file. Comments are not tags (suppressions and test
markers live in them).
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

from linters.core.page import Page


@dataclass(frozen=True)
class Tag:
    """One start or end tag in the raw HTML of a page."""

    name: str
    attrs: tuple[tuple[str, str | None], ...]
    line: int
    column: int
    end: bool = False

    def attr(self, key: str) -> str | None:
        """The value of an attribute (empty string when present without value), or None."""
        for name, value in self.attrs:
            if name == key:
                return value if value is not None else ""
        return None


class _Collector(HTMLParser):
    def __init__(self, first_line: int, inline: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.first_line = first_line
        self.inline = inline
        self.tags: list[Tag] = []

    def _where(self) -> tuple[int, int]:
        line, offset = self.getpos()
        # An inline fragment's column in the source line is not known; column 1 is honest.
        return self.first_line + line - 1, 1 if self.inline else offset + 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, column = self._where()
        self.tags.append(Tag(tag, tuple(attrs), line, column))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        line, column = self._where()
        self.tags.append(Tag(tag, (), line, column, end=True))


def page_tags(page: Page) -> list[Tag]:
    """Every tag of the raw HTML of a page, in source order."""
    tags: list[Tag] = []
    for fragment in page.html:
        collector = _Collector(fragment.line, fragment.inline)
        collector.feed(fragment.html)
        collector.close()
        tags.extend(collector.tags)
    tags.sort(key=lambda t: (t.line, t.column))
    return tags

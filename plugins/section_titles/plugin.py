"""Title menu sections with the `title` of their index page.

MkDocs names a section after its folder (`nieuw-in-diemen` becomes "Nieuw in
diemen"), and on English pages the folders are Dutch, so the English menu
would read "Afval" and "Parkeren". The index page's front-matter title is
what the owner chose, in the right language.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from linters.core.page import read_page
from plugins.section_titles.config import SectionTitlesConfig

log = get_plugin_logger(__name__)


def index_title(section: Section) -> str | None:
    """The front-matter title of the section's own index page, if it has one."""
    for child in section.children:
        if isinstance(child, Page) and child.file.name == "index" and child.file.abs_src_path:
            title = read_page(Path(child.file.abs_src_path), None).meta("title")
            if isinstance(title, str) and title.strip():
                return title.strip()
    return None


class SectionTitlesPlugin(BasePlugin[SectionTitlesConfig]):
    """Renames sections after their index pages."""

    # After static-i18n (priority -100) has reduced the menu to one language.
    @event_priority(-110)
    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Retitle every section that has an index page."""
        if not self.config.enabled:
            return nav
        stack = list(nav.items)
        while stack:
            item = stack.pop()
            if isinstance(item, Section):
                title = index_title(item)
                if title:
                    item.title = title
                stack.extend(item.children)
        return nav

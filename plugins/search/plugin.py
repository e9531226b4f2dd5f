"""One search index per language, with the page description shown in results.

Works on top of Material's search plugin: descriptions go into its entries as
each page is indexed, and after the last language is built (static-i18n
builds the other languages inside the default build's `on_post_build`) the
merged index is split into `search/search_index.json` (Dutch) and
`en/search/search_index.json` (English). English pages are told that their
search lives under `en/`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from plugins.search.config import SearchConfig
from plugins.search.index import add_description, set_search_base, split_index
from plugins.support import BuildDepth, SiteLanguages, plain

log = get_plugin_logger(__name__)
INDEX = Path("search") / "search_index.json"


class SearchPlugin(BasePlugin[SearchConfig]):
    """Splits the search index by language and puts descriptions first."""

    def __init__(self) -> None:
        self.languages: SiteLanguages | None = None
        self.search: Any = None
        self.depth = BuildDepth()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Find Material's search plugin; without it there is nothing to do."""
        if not self.config.enabled:
            return None
        self.languages = SiteLanguages(config)
        self.search = config.plugins.get("material/search") or config.plugins.get("search")
        if self.search is None or not hasattr(self.search, "search_index"):
            log.info("Geen zoekfunctie van Material gevonden; gemeente/search doet niets.")
            self.search = None
        return None

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Count nested (per-language) builds."""
        self.depth.enter()

    def on_build_error(self, *, error: Exception) -> None:
        """A failed build starts the count again."""
        self.depth.reset()

    # After Material's search (priority 0) has indexed the page.
    @event_priority(-10)
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        """Put the page's description first in its search entry."""
        if not (self.config.enabled and self.config.description and self.search is not None):
            return None
        description = plain(page.meta.get("description"))
        if isinstance(description, str) and description.strip():
            entries = getattr(self.search.search_index, "entries", None)
            if isinstance(entries, list):
                add_description(entries, page.url, description)
        return None

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        """Pages of a non-default language search their own language's index."""
        if not self.config.enabled or self.search is None or self.languages is None:
            return None
        lang, _ = self.languages.split(page.file.src_uri)
        if self.languages.folders and lang != self.languages.default:
            return set_search_base(output, lang)
        return None

    # After static-i18n (priority -100) has built the other languages and
    # rewritten the merged index.
    @event_priority(-200)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Split the merged index, once all languages are built."""
        if self.depth.leave() != 0:
            return
        if not self.config.enabled or self.search is None or self.languages is None or not self.languages.folders:
            return
        merged = Path(config.site_dir) / INDEX
        try:
            data = json.loads(merged.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            log.warning(f"De zoekindex {merged} is niet te lezen ({err}); zoeken per taal is niet gemaakt.")
            return
        languages = list(self.languages.names)
        for lang, index in split_index(data, self.languages.default, languages).items():
            folder = Path(config.site_dir) if lang == self.languages.default else Path(config.site_dir) / lang
            target = folder / INDEX
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(index, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
            log.debug(f"Zoekindex {lang}: {len(index['docs'])} items in {target}")

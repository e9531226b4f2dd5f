"""Correct hreflang, a language switcher that leads to the counterpart page, and an honest sitemap.

What static-i18n does by default, and why this plugin replaces it:

- `reconfigure_material` points the switcher (and so Material's `<link rel="alternate"
  hreflang>` in every page head) at the other language's home page when a page has
  no translation: `/burgerzaken/rijbewijs/` claimed `/en/` as its English version;
- its sitemap gives a page without counterpart a lone hreflang to itself;
- the switcher's links carry `hreflang` but not `lang`, so a screen reader reads
  "English" with a Dutch voice.

The map of pages is made in `on_files`, which runs before static-i18n (priority
-100) reduces the files to one language, so it sees both languages whole.
"""

from __future__ import annotations

from typing import Any, cast

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from plugins.languages.alternates import LanguageMap
from plugins.languages.config import LanguagesConfig
from plugins.support import SiteLanguages

log = get_plugin_logger(__name__)


class LanguagesPlugin(BasePlugin[LanguagesConfig]):
    """Adds `diemen_languages` to every page and `diemen_sitemap` to the sitemap."""

    def __init__(self) -> None:
        self.languages: SiteLanguages | None = None
        self.map: LanguageMap | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Read the languages from static-i18n."""
        if not self.config.enabled:
            return None
        self.languages = SiteLanguages(config)
        if not self.languages.folders:
            log.info("Geen mkdocs-static-i18n in folder-modus: de site heeft één taal, er zijn geen hreflang-paren.")
        return None

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        """Map every page of every language (before static-i18n keeps only one)."""
        if not self.config.enabled or self.languages is None:
            return None
        pages = []
        for file in files.documentation_pages():
            lang, rel = self.languages.split(file.src_uri)
            pages.append((lang, rel, self.languages.public_url(lang, file.url)))
        self.map = LanguageMap(self.languages.names, self.languages.default, config.site_url, pages)
        return None

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        """Give the page its hreflang pairs and switcher entries."""
        if not self.config.enabled or self.map is None or self.languages is None:
            return None
        lang, rel = self.languages.split(page.file.src_uri)
        cast(dict[str, Any], context)["diemen_languages"] = self.map.page(lang, rel)
        # Material's header shows the switcher only when extra.alternate is set;
        # our partial reads `diemen_languages`, so any non-empty value will do.
        if len(self.languages.names) > 1 and not config.extra.get("alternate"):
            config.extra["alternate"] = [
                {"name": name, "lang": code, "link": self.languages.links[code]}
                for code, name in self.languages.names.items()
            ]
        return context

    def on_template_context(
        self, context: TemplateContext, /, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext | None:
        """The sitemap lists every page of every language, with hreflang only for real pairs."""
        if self.config.enabled and self.map is not None and template_name == "sitemap.xml":
            cast(dict[str, Any], context)["diemen_sitemap"] = self.map.sitemap()
        return context

"""Correct hreflang, a language switcher that leads to the counterpart page, and an honest sitemap.

What static-i18n does by default, and why this plugin replaces it:

- `reconfigure_material` points the switcher (and so Material's `<link rel="alternate"
  hreflang>` in every page head) at the other language's home page when a page has
  no translation: `/burgerzaken/rijbewijs/` claimed `/en/` as its English version;
- its sitemap gives a page without counterpart a lone hreflang to itself;
- the switcher's links carry `hreflang` but not `lang`, so a screen reader reads
  "English" with a Dutch voice;
- there is one 404 page, from the language built last (English), whose switcher
  leads to whatever page was rendered last. This plugin keeps the 404 page of
  every language and writes each to its own folder: `/404.html` in Dutch,
  `/en/404.html` in English.

The map of pages is made in `on_files`, which runs before static-i18n (priority
-100) reduces the files to one language, so it sees both languages whole.
"""

from __future__ import annotations

from pathlib import Path
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
        # The site folder of the default language's build (static-i18n builds
        # the other languages into sub-folders with the same plugin objects).
        self.root_dir: Path | None = None
        self.not_found_pages: dict[str, str] = {}

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
        if self.config.enabled and self.map is not None and template_name == "404.html":
            cast(dict[str, Any], context)["diemen_languages"] = self.map.not_found(self._build_language(config))
        return context

    def on_post_template(self, output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str | None:
        """Keep each language's 404 page; MkDocs would write them all to the same file."""
        if self.config.enabled and self.languages is not None and template_name == "404.html":
            lang = self._build_language(config)
            # static-i18n builds the default language first, then runs the whole build
            # again (on_config included) for each other one: the default starts a new site.
            if lang == self.languages.default:
                self.not_found_pages = {}
                self.root_dir = Path(config.site_dir)
            self.not_found_pages[lang] = output_content
        return output_content

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write every language's 404 page to that language's folder (after each language's build)."""
        if not self.config.enabled or self.languages is None or self.root_dir is None:
            return
        for lang, html in self.not_found_pages.items():
            folder = self.root_dir if lang == self.languages.default else self.root_dir / lang
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "404.html").write_text(html, encoding="utf-8")

    def _build_language(self, config: MkDocsConfig) -> str:
        """The language static-i18n is building now (it sets the theme's language per build)."""
        assert self.languages is not None
        lang = str(config.theme.get("language") or self.languages.default)
        return lang if lang in self.languages.names else self.languages.default

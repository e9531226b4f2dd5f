"""Give every page its owner block and feedback forms.

The templates (`overrides/partials/diemen-page-footer.html`) render what
`FooterBuilder` computes; this plugin only loads the statute, validates its
options once and hands each page its footer in `on_page_context`.
"""

from __future__ import annotations

from typing import Any, cast

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from plugins.page_footer.config import PageFooterConfig
from plugins.page_footer.footer import EndpointError, FooterBuilder, check_endpoint
from plugins.support import SiteLanguages, plain, statute_for

log = get_plugin_logger(__name__)
NAME = "gemeente/page-footer"


class PageFooterPlugin(BasePlugin[PageFooterConfig]):
    """Adds `diemen_footer` to the context of every page."""

    def __init__(self) -> None:
        self.builder: FooterBuilder | None = None
        self.languages: SiteLanguages | None = None
        # (language, path in the language folder) -> site-relative URL, for the contact page.
        self.urls: dict[tuple[str, str], str] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Load the statute and check the options; a mistake stops the build with one clear message."""
        if not self.config.enabled:
            return None
        statute = statute_for(config, self.config.statute, NAME)
        try:
            endpoint = check_endpoint(self.config.feedback_endpoint, config.site_url)
        except EndpointError as err:
            raise PluginError(f"{NAME}: {err}") from None
        if self.config.fallback_department not in statute.departments:
            known = ", ".join(sorted(statute.departments))
            raise PluginError(
                f"{NAME}: 'fallback_department: {self.config.fallback_department}' staat niet bij de "
                f"afdelingen in {statute.file}. Kies een van: {known}."
            )
        self.builder = FooterBuilder(statute, endpoint, self.config.fallback_department)
        self.languages = SiteLanguages(config)
        return None

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        """Remember every page's public URL (this runs before static-i18n keeps one language)."""
        if not self.config.enabled or self.languages is None:
            return None
        self.urls = {}
        for file in files.documentation_pages():
            lang, rel = self.languages.split(file.src_uri)
            self.urls[(lang, rel)] = self.languages.public_url(lang, file.url)
        return None

    def _contact_page_url(self, lang: str) -> str | None:
        assert self.languages is not None
        for candidate in (lang, self.languages.default):
            url = self.urls.get((candidate, self.config.contact_page))
            if url is not None:
                return url
        return None

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        """Compute this page's footer."""
        if not self.config.enabled or self.builder is None or self.languages is None:
            return None
        lang, rel = self.languages.split(page.file.src_uri)
        title = plain(page.meta.get("title"))
        cast(dict[str, Any], context)["diemen_footer"] = self.builder.build(
            meta={key: plain(value) if isinstance(value, str) else value for key, value in page.meta.items()},
            lang=lang,
            abs_path=page.file.abs_src_path,
            rel_path=rel if self.languages.folders else page.file.src_uri,
            title=title or plain(page.title) or config.site_name,
            url=page.canonical_url or page.abs_url or page.url,
            contact_page_url=self._contact_page_url(lang),
        )
        return context

"""Which pages exist in which language, and what that means for hreflang, the switcher and the sitemap.

A page and its translation share their path inside the language folders
(`content/nl/afval/grofvuil.md` and `content/en/afval/grofvuil.md`). Only
such pairs are alternates. A page without a counterpart has no hreflang at
all, and its language switcher leads to the other language's home page with
a short note, in that language, saying why.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

# Shown under a language in the switcher when this page does not exist in it;
# written in the language of the link, for the reader who chose it.
NO_TRANSLATION = {
    "en": "This page is only in Dutch. You go to the English home page.",
    "nl": "Deze pagina is er alleen in het Engels. U gaat naar de Nederlandse startpagina.",
}
NO_TRANSLATION_OTHER = "You go to the home page."


@dataclass(frozen=True)
class Hreflang:
    """One `<link rel="alternate" hreflang>`: a language and the absolute URL of the page in it."""

    lang: str
    href: str


@dataclass(frozen=True)
class SwitchItem:
    """One entry of the language switcher; `href` is site-relative (for the `url` filter)."""

    lang: str
    name: str
    href: str
    current: bool
    translated: bool
    note: str | None


@dataclass(frozen=True)
class PageLanguages:
    """What the templates need for one page."""

    lang: str
    hreflang: tuple[Hreflang, ...]
    switcher: tuple[SwitchItem, ...]


@dataclass(frozen=True)
class SitemapEntry:
    """One `<url>` of the sitemap, with its alternates (empty without a counterpart)."""

    loc: str
    alternates: tuple[Hreflang, ...]


class LanguageMap:
    """Every page of the site by language and path, with its public URL."""

    def __init__(
        self,
        names: Mapping[str, str],
        default: str,
        site_url: str | None,
        pages: Iterable[tuple[str, str, str]],
    ) -> None:
        """`pages` holds (language, path in the language folder, site-relative URL)."""
        self.names = dict(names)
        self.order = list(self.names)
        self.default = default
        self.site_url = site_url or ""
        self.urls: dict[tuple[str, str], str] = {(lang, rel): url for lang, rel, url in pages}
        self.paths: dict[str, set[str]] = {}
        for lang, rel in self.urls:
            self.paths.setdefault(rel, set()).add(lang)

    def absolute(self, url: str) -> str:
        """The absolute URL of a site-relative one (root-relative when the site has no `site_url`)."""
        if self.site_url:
            return urljoin(self.site_url if self.site_url.endswith("/") else self.site_url + "/", url)
        return "/" + url

    def home(self, lang: str) -> str:
        """The site-relative URL of a language's home page."""
        return self.urls.get((lang, "index.md"), "" if lang == self.default else f"{lang}/")

    def hreflang(self, lang: str, rel: str) -> tuple[Hreflang, ...]:
        """The page and its counterparts, or nothing when it exists in one language only."""
        langs = self.paths.get(rel, set())
        if lang not in langs or len(langs) < 2:
            return ()
        return tuple(Hreflang(code, self.absolute(self.urls[(code, rel)])) for code in self.order if code in langs)

    def switcher(self, lang: str, rel: str) -> tuple[SwitchItem, ...]:
        """One entry per language: the counterpart page, or that language's home page with a note."""
        langs = self.paths.get(rel, set())
        items = []
        for code in self.order:
            if code in langs:
                items.append(SwitchItem(code, self.names[code], self.urls[(code, rel)], code == lang, True, None))
            else:
                note = NO_TRANSLATION.get(code, NO_TRANSLATION_OTHER)
                items.append(SwitchItem(code, self.names[code], self.home(code), False, False, note))
        return tuple(items)

    def page(self, lang: str, rel: str) -> PageLanguages:
        """Everything the templates need for one page."""
        return PageLanguages(lang, self.hreflang(lang, rel), self.switcher(lang, rel))

    def not_found(self, lang: str) -> PageLanguages:
        """The 404 page of a language: it is served at any address, so the switcher leads to the home pages.

        The links are root-relative (`/`, `/en/`): a relative link would point
        somewhere else at every address the 404 page is served at.
        """
        root = urlsplit(self.site_url).path if self.site_url else "/"
        root = root if root.endswith("/") else root + "/"
        items = tuple(
            SwitchItem(code, self.names[code], root + self.home(code), code == lang, True, None) for code in self.order
        )
        return PageLanguages(lang, (), items)

    def sitemap(self) -> list[SitemapEntry]:
        """Every page, language by language, each with its alternates."""
        entries = []
        for code in self.order:
            for (lang, rel), url in sorted(self.urls.items(), key=lambda item: item[1]):
                if lang == code:
                    entries.append(SitemapEntry(self.absolute(url), self.hreflang(lang, rel)))
        return entries

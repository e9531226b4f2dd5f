"""The pages of the built site: which exist, in which language, and who owns each.

The service accepts remarks only about pages that really are on the site, so
it reads the built folder (`site/`) at start. Who owns a page is not taken
from the form (anyone can change a hidden field) but decided the way the
checks decide it: the page's own `owner`, else its section's owner in the
statute, else the fallback department. That needs the Markdown source, which
is read the first time a page gets a remark and then remembered.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from linters.core.config import display_path
from linters.core.engine import page_owner
from linters.core.links import unsafe_link
from linters.core.page import LANGUAGES, read_page
from linters.core.statute import Statute

DEFAULT_LANG = "nl"
# Folders of the theme and the search index, not pages.
_NOT_PAGES = ("assets/", "search/", "stylesheets/", "javascripts/")


class SiteError(Exception):
    """The built site cannot be used; the message says what to do."""

    def __init__(self, nl: str, en: str) -> None:
        super().__init__(nl)
        self.nl, self.en = nl, en

    def get(self, lang: str) -> str:
        """The message in a language."""
        return self.en if lang == "en" else self.nl


@dataclass(frozen=True)
class SitePage:
    """A page of the site as the service needs it."""

    path: str  # /afval/grofvuil/
    lang: str
    title: str
    source: str | None  # content/nl/afval/grofvuil.md, None when the source is not there
    department: str  # the owner, or the fallback department


def lang_of(path: str) -> str:
    """The language of a site path: its first folder when that is a language other than the default."""
    first = path.strip("/").split("/", 1)[0]
    return first if first in LANGUAGES and first != DEFAULT_LANG else DEFAULT_LANG


def normal_path(value: str) -> str:
    """A page address as a site path: /afval/grofvuil/ (no host, query or fragment; folder URLs end in /)."""
    path = unquote(urlsplit(value.strip()).path) or "/"
    if not path.startswith("/"):
        path = "/" + path
    if path.endswith("/index.html"):
        path = path[: -len("index.html")]
    elif not path.endswith("/") and not path.endswith(".html"):
        path += "/"
    while "//" in path:
        path = path.replace("//", "/")
    return path


class SiteIndex:
    """The built site's pages by path; owners and titles are looked up on demand."""

    def __init__(self, site_dir: Path, content_root: Path, statute: Statute, fallback: str) -> None:
        self.site_dir = site_dir
        self.content_root = content_root
        self.statute = statute
        self.fallback = fallback
        self.paths = self._walk(site_dir)
        self._pages: dict[str, SitePage] = {}
        self._lock = threading.Lock()

    @staticmethod
    def _walk(site_dir: Path) -> frozenset[str]:
        shown = display_path(site_dir)
        if not site_dir.is_dir():
            raise SiteError(
                f"De map {shown} met de gebouwde site bestaat niet. Bouw de site eerst (nox -s build of "
                "mkdocs build), of geef de juiste map met --site.",
                f"The folder {shown} with the built site does not exist. Build the site first, or give --site.",
            )
        paths = set()
        for html in site_dir.rglob("index.html"):
            rel = html.parent.relative_to(site_dir).as_posix()
            rel = "" if rel == "." else rel + "/"
            if rel.startswith(_NOT_PAGES):
                continue
            paths.add("/" + rel)
        if not paths:
            raise SiteError(
                f"In {shown} staan geen pagina's (geen index.html). Is dit de map die 'mkdocs build' maakte?",
                f"{shown} holds no pages (no index.html). Is this the folder 'mkdocs build' wrote?",
            )
        return frozenset(paths)

    def __contains__(self, path: str) -> bool:
        return path in self.paths

    def __len__(self) -> int:
        return len(self.paths)

    def source_of(self, path: str) -> Path | None:
        """The Markdown file a site path was built from, if it is there."""
        parts = [p for p in path.strip("/").split("/") if p]
        lang = lang_of(path)
        if parts and parts[0] == lang and lang != DEFAULT_LANG:
            parts = parts[1:]
        base = self.content_root / lang
        candidates = [base.joinpath(*parts, "index.md")]
        if parts:
            candidates.insert(0, base.joinpath(*parts[:-1], parts[-1] + ".md"))
        for candidate in candidates:
            # The build leaves out pages behind a refused symbolic link; so do we (never read /dev/zero).
            if unsafe_link(candidate, self.content_root, self.content_root.parent) is None and candidate.is_file():
                return candidate
        return None

    def page(self, path: str) -> SitePage | None:
        """The page at a site path, or None when the site has no such page."""
        if path not in self.paths:
            return None
        with self._lock:
            known = self._pages.get(path)
        if known is not None:
            return known
        lang = lang_of(path)
        source = self.source_of(path)
        title, owner, shown = path, None, None
        if source is not None:
            # Relative to the project, as the checks' reports name pages, so the dashboard can match them.
            try:
                shown = source.relative_to(self.content_root.parent).as_posix()
            except ValueError:
                shown = display_path(source)
            parsed = read_page(source, self.content_root, shown)
            owner = page_owner(parsed, self.statute)
            meta_title = parsed.meta("title")
            if isinstance(meta_title, str) and meta_title.strip():
                title = meta_title.strip()
        department = owner if owner is not None and owner in self.statute.departments else self.fallback
        found = SitePage(path, lang, title, shown, department)
        with self._lock:
            self._pages[path] = found
        return found

"""Leave out what may not be published: refused files, and refused markup wherever it comes from.

- `on_files`: a symbolic link that leaves the repository or does not point at
  a plain file (and any file that is not a plain file, such as a FIFO) is
  removed from the build. MkDocs would follow it and publish what it points
  at, also in the search index.
- `on_nav` and `on_page_content`: every text from a page's front-matter (its
  title, description, ...) and every menu title becomes escaped HTML
  (`Markup`), so the theme shows it as text wherever it prints it: the page,
  the menu, `<title>`, the meta description, the search index. The rendered
  content is rebuilt by the sanitiser of `linters/wcag/sanitise.py` before
  the search plugin indexes it.
- `on_post_page`: the whole published page goes through the sanitiser once
  more, theme included: a script the theme did not write, an event handler,
  a `javascript:` address or a third-party request is cut out, wherever it
  came from.
- `on_post_build`: the search indexes get the same treatment.

Each refusal is logged as a warning, so `mkdocs build --strict` fails; a
build without `--strict` publishes the page without the refused part, and no
build ever writes the unsanitised page. What is refused is decided in
`linters/`; this plugin only applies it.
"""

from __future__ import annotations

import json
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from linters.core.links import shown, unsafe_link
from linters.core.markup import looks_like_markup
from linters.core.urls import site_domain
from linters.wcag.policy import reviewed_hosts
from linters.wcag.sanitise import Policy, Removal, escape_text, make_policy, sanitise, scrub_page, theme_script_patterns
from plugins.sanitise.config import SanitiseConfig
from plugins.support import BuildDepth, project_path, statute_for

# Lines start with "webredactie:", the command editors know.
log = get_plugin_logger("webredactie.sanitise")
NAME = "gemeente/sanitise"


def _special(path: Path) -> bool:
    """True for a FIFO, device or socket (reading one blocks or never ends)."""
    try:
        return not stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return True


class SanitisePlugin(BasePlugin[SanitiseConfig]):
    """Refuses files and markup that the checks refuse, in the build itself."""

    def __init__(self) -> None:
        self.depth = BuildDepth()
        # What was said in this build (static-i18n builds each language again from the same files).
        self.reported: set[str] = set()
        self.policy: Policy | None = None
        self.site_url = ""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Read the site's own domain and the statute's reviewed third-party hosts."""
        if not self.config.enabled:
            return None
        statute = statute_for(config, self.config.statute, NAME)
        self.site_url = config.site_url or ""
        self.policy = make_policy(site_domain(config.site_url), reviewed_hosts(statute))
        return None

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment | None:
        """Learn the theme's own inline scripts from its templates: the only inline scripts a page may hold."""
        if self.policy is None:
            return None
        sources: list[str] = []
        loader = env.loader
        if loader is not None:
            for name in loader.list_templates():
                if name.endswith(".html") and not name.startswith(".icons"):
                    sources.append(loader.get_source(env, name)[0])
        self.policy = self.policy.with_theme(theme_script_patterns(sources))
        return None

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Count nested (per-language) builds; a new outermost build reports everything again."""
        if self.depth.enter() == 1:
            self.reported.clear()

    def on_build_error(self, *, error: Exception) -> None:
        """A failed build starts the count again."""
        self.depth.reset()

    def _warn(self, key: str, text: str) -> None:
        if key not in self.reported:
            self.reported.add(key)
            log.warning(text)

    # First of all: before static-i18n and the checks see the files, and before anything reads them.
    @event_priority(100)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        """Leave out refused symbolic links and files that are not plain files."""
        if not self.config.enabled:
            return None
        docs = Path(config.docs_dir)
        repo = project_path(config, ".")
        for file in list(files):
            if not file.abs_src_path:
                continue
            path = Path(file.abs_src_path)
            link = unsafe_link(path, docs, repo)
            if link is not None:
                files.remove(file)
                self._warn(str(link.link), f"{shown(link.link)}: niet gepubliceerd. {link.message().nl}")
            elif _special(path):
                files.remove(file)
                self._warn(
                    str(path),
                    f"{shown(path)}: niet gepubliceerd. Dit is geen gewoon bestand (maar bijvoorbeeld een FIFO). "
                    "Haal het weg uit content/.",
                )
        return files

    # After static-i18n (-100) and gemeente/section-titles (-110) have named the sections.
    @event_priority(-120)
    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        """Menu sections show their title as text (it may come from a page's front-matter or a folder name)."""
        if self.policy is None:
            return None
        stack = list(nav.items)
        while stack:
            item = stack.pop()
            if isinstance(item, Section):
                item.title = _text(item.title)
                stack.extend(item.children)
        return None

    # Last: after every other plugin changed the content, before the search plugin indexes it.
    @event_priority(-500)
    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Escape the page's front-matter and title; rebuild its content from allowed HTML only."""
        if self.policy is None:
            return None
        source = _where(page)
        for key in ("title", "description"):
            value = page.meta.get(key)
            piece = looks_like_markup(value) if isinstance(value, str) else None
            if piece is not None:
                self._warn(
                    f"{source} {key}",
                    f"{source}: '{key}' in de front-matter bevat HTML ({piece}). De site toont het als "
                    "gewone tekst. Schrijf alleen tekst.",
                )
        title = page.title
        page.meta = {key: _escaped(value) for key, value in page.meta.items()}
        if title is not None and "title" not in page.meta:
            page.title = _text(title)
        result = sanitise(html, self.policy, self._page_url(page))
        self._report(source, result.removals)
        return result.html

    @event_priority(-500)
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        """The whole page, theme included, once more: nothing reaches site/ that the sanitiser refuses."""
        if self.policy is None:
            return None
        result = scrub_page(output, self.policy, self._page_url(page))
        self._report(_where(page), result.removals)
        return result.html

    def _page_url(self, page: Page) -> str:
        return page.canonical_url or (self.site_url.rstrip("/") + "/" + page.url if self.site_url else "")

    def _report(self, source: str, removals: Iterable[Removal]) -> None:
        for removal in removals:
            key = f"{source} {removal.kind} {removal.element} {removal.attribute} {removal.value}"
            self._warn(key, f"{source}: {removal.message().nl}")

    @event_priority(-300)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """After the last language: the search indexes hold only text and allowed HTML too."""
        if self.depth.leave() != 0 or self.policy is None:
            return
        for index in sorted(Path(config.site_dir).glob("**/search/search_index.json")):
            self._sanitise_index(index)

    def _sanitise_index(self, index: Path) -> None:
        try:
            data = json.loads(index.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        assert self.policy is not None
        changed = False
        for entry in data.get("docs", []):
            for key in ("title", "text"):
                value = entry.get(key)
                if not isinstance(value, str):
                    continue
                result = sanitise(value, self.policy, self.site_url)
                if result.changed:
                    changed = True
                    entry[key] = result.html
                    self._report(f"(zoekindex) {entry.get('location', '')}", result.removals)
        if changed:
            index.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")


def _where(page: Page) -> str:
    """The page's Markdown file as editors know it (`content/nl/afval/grofvuil.md`)."""
    return shown(Path(page.file.abs_src_path)) if page.file.abs_src_path else page.file.src_uri


def _text(value: Any) -> Any:
    """A text as escaped HTML that the theme prints as it is (Markup is never escaped twice)."""
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return Markup(escape_text(value))


def _escaped(value: Any) -> Any:
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {k: _escaped(v) for k, v in value.items()}
    return value

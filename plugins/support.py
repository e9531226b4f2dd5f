"""What several plugins need: the statute as MkDocs sees it, and where a build stands.

static-i18n builds the default language and then, from inside that build's
`on_post_build`, builds every other language with a nested `build()` call.
Whole-site work must run once, in the outermost build, so plugins count how
deep they are instead of guessing from the language.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from linters.core.config import ConfigError
from linters.core.statute import Statute
from linters.registry import load_statute


def project_path(config: MkDocsConfig, value: str) -> Path:
    """A path from a plugin option, relative to the folder of `mkdocs.yml`."""
    path = Path(value)
    if path.is_absolute():
        return path
    base = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
    return base / path


def statute_for(config: MkDocsConfig, value: str, plugin: str, known_rules: frozenset[str] | None = None) -> Statute:
    """Load the statute, or stop the build with every problem listed (no traceback)."""
    path = project_path(config, value)
    try:
        return load_statute(path, known_rules=known_rules)
    except ConfigError as err:
        lines = "\n".join(problem.render("nl") for problem in err.problems)
        raise PluginError(
            f"{plugin}: het redactiestatuut heeft {len(err.problems)} fout(en); de site is niet gebouwd:\n{lines}"
        ) from None


def plain(value: Any) -> str | None:
    """A page variable as the text the editor wrote (gemeente/sanitise escapes them for the theme)."""
    if isinstance(value, Markup):
        return value.unescape()
    return value if isinstance(value, str) else None


class BuildDepth:
    """Counts nested builds: 1 is the outermost (default-language) build."""

    def __init__(self) -> None:
        self.level = 0

    def enter(self) -> int:
        """Call from `on_pre_build`; returns the new depth."""
        self.level += 1
        return self.level

    def leave(self) -> int:
        """Call from the last `on_post_build`; returns the depth left (0 = all languages done)."""
        self.level = max(0, self.level - 1)
        return self.level

    def reset(self) -> None:
        """Call from `on_build_error`, so a failed build does not leave a stale count behind."""
        self.level = 0

    @property
    def outermost(self) -> bool:
        """True while the outermost build runs (and not inside a nested language build)."""
        return self.level == 1


class SiteLanguages:
    """The languages of the site, read from mkdocs-static-i18n (folder mode), with their public URLs.

    Without static-i18n the site has one language, the theme's, and no language folders.
    """

    def __init__(self, config: MkDocsConfig) -> None:
        i18n = config.plugins.get("i18n")
        languages = getattr(getattr(i18n, "config", None), "languages", None) or []
        self.names: dict[str, str] = {}
        self.links: dict[str, str] = {}
        self.default = str(config.theme.get("language") or "nl")
        for language in languages:
            if language.locale == "null" or not language.build:
                continue
            self.names[language.locale] = language.name
            self.links[language.locale] = language.link or f"/{language.locale}/"
            if language.default:
                self.default = language.locale
        self.folders = bool(self.names)
        if not self.folders:
            self.names = {self.default: self.default}
            self.links = {self.default: "/"}

    def split(self, src_uri: str) -> tuple[str, str]:
        """(language, path inside the language folder) of a source file such as `en/afval/grofvuil.md`."""
        head, _, rest = src_uri.partition("/")
        if self.folders and head in self.names and rest:
            return head, rest
        return self.default, src_uri

    def public_url(self, lang: str, file_url: str) -> str:
        """The site-relative URL of a page from its source URL (`en/afval/` stays, `nl/afval/` → `afval/`)."""
        if self.folders and lang == self.default and (file_url == lang + "/" or file_url.startswith(lang + "/")):
            return file_url[len(lang) + 1 :]
        return file_url

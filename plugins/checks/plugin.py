"""Run the checks of `linters/` while the site is built or previewed.

- `mkdocs build`: every page is checked once, before the pages are rendered;
  after all languages are built, each finding at or above `fail_on` is logged
  as a warning (so `--strict` fails, with the whole list) and a count follows.
- `mkdocs serve`: after each save only the changed pages (and their
  counterparts) are checked; their findings go to the console as
  `path:line:col` lines, and a panel on the preview page shows them. The
  panel exists only in serve mode.

The rules, their severities and their messages all come from the engine and
the registry in `linters/`; nothing here decides what is wrong.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, Literal, cast

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from linters.commands.common import parse_today
from linters.core.cache import CACHE_DIR, RunCache
from linters.core.finding import Finding, Severity
from linters.core.statute import Statute
from linters.registry import rule_names
from linters.report.text import finding_line
from plugins.checks.config import ChecksConfig
from plugins.checks.panel import counts, panel
from plugins.checks.session import CheckSession, Stamp, stamp
from plugins.support import BuildDepth, SiteLanguages, project_path, statute_for

# Lines start with "webredactie:", the command editors know, not "plugins:".
log = get_plugin_logger("webredactie.checks")
NAME = "gemeente/checks"


class ChecksPlugin(BasePlugin[ChecksConfig]):
    """Checks pages with the linters' engine and reports in the console and the preview."""

    def __init__(self) -> None:
        self.serving = False
        self.depth = BuildDepth()
        self.statute: Statute | None = None
        self.statute_path: Path | None = None
        self.statute_stamp: Stamp | None = None
        self.session: CheckSession | None = None
        self.changed: list[str] = []
        self.builds = 0

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Remember whether this is a preview; having this hook keeps the plugin alive across rebuilds."""
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Load the statute, again only when it changed since the last build."""
        if not self.config.enabled:
            return None
        path = project_path(config, self.config.statute)
        current = stamp(path)
        if self.statute is None or current != self.statute_stamp:
            self.statute = statute_for(config, self.config.statute, NAME, known_rules=rule_names())
            self.statute_path, self.statute_stamp = path, current
            if self.session is not None:
                self.session.forget()
        if self.session is None or self.session.content_root != Path(config.docs_dir).resolve():
            languages = SiteLanguages(config)
            cache = RunCache(project_path(config, CACHE_DIR)) if self.config.cache else None
            self.session = CheckSession(Path(config.docs_dir).resolve(), list(languages.names), cache)
        return None

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Count nested (per-language) builds."""
        self.depth.enter()

    def on_build_error(self, *, error: Exception) -> None:
        """A failed build starts the count again."""
        self.depth.reset()

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer | None:
        """A change to the statute also rebuilds the preview."""
        if self.config.enabled and self.statute_path is not None and self.statute_path.is_file():
            server.watch(str(self.statute_path), recursive=False)
        return server

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        """Check the pages once per build, before static-i18n splits the files by language."""
        if not self.config.enabled or not self.depth.outermost or self.session is None or self.statute is None:
            return None
        try:
            today = parse_today(None)
        except argparse.ArgumentTypeError as err:
            raise PluginError(f"{NAME}: WEBREDACTIE_TODAY: {err}") from None
        sources = [Path(f.abs_src_path) for f in files.documentation_pages() if f.abs_src_path]
        self.changed = self.session.run(sources, self.statute, today)
        return None

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        """In the preview, give the page its panel."""
        if self.config.enabled and self.serving and self.config.panel and self.session is not None:
            cast(dict[str, Any], context)["diemen_findings"] = panel(
                self.session.of(page.file.abs_src_path), self.config.lang
            )
        return context

    # Last of all: after static-i18n (priority -100) has built the other languages.
    @event_priority(-200)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Report, once all pages of all languages were checked and built."""
        if self.depth.leave() != 0 or not self.config.enabled or self.session is None:
            return
        self.builds += 1
        if self.serving:
            self._report_preview()
        else:
            self._report_build()

    def _line(self, finding: Finding) -> str:
        return finding_line(finding, self.config.lang)

    def _report_build(self) -> None:
        assert self.session is not None
        findings = self.session.all()
        threshold = None if self.config.fail_on == "never" else Severity.parse(self.config.fail_on)
        failing = [f for f in findings if threshold is not None and f.severity >= threshold]
        for finding in failing:
            log.warning(self._line(finding))
        pages = len(self.session.pages)
        if self.config.lang == "en":
            tail = " Run 'webredactie check' to see them all." if findings else ""
            log.info(f"Checked {pages} pages: {counts(findings, 'en')}{tail}")
        else:
            tail = " Zie ze allemaal met 'webredactie check'." if findings else ""
            log.info(f"{pages} pagina's gecontroleerd: {counts(findings, 'nl')}{tail}")

    def _report_preview(self) -> None:
        assert self.session is not None
        nl = self.config.lang != "en"
        if self.builds == 1:
            # The first build checks every page: a count and the errors, the
            # rest is in each page's panel.
            findings = self.session.all()
            for finding in findings:
                if finding.severity == Severity.ERROR:
                    log.info(self._line(finding))
            pages = len(self.session.pages)
            if nl:
                log.info(
                    f"{pages} pagina's gecontroleerd: {counts(findings, 'nl')} "
                    "Elke pagina toont haar meldingen bovenaan."
                )
            else:
                log.info(f"Checked {pages} pages: {counts(findings, 'en')} Each page shows its findings at the top.")
            return
        for path in self.changed:
            findings = self.session.findings.get(path, [])
            for finding in findings:
                log.info(self._line(finding))
            if not findings:
                log.info(f"{path}: {'geen meldingen' if nl else 'no findings'}")

"""The browser audit: pages in, findings out, each traced to its Markdown source and owner.

`run_audit` serves the built site on 127.0.0.1 (when auditing a site), runs
the browser pool over every page, turns axe-core's results and our own
observations into `Finding`s, applies the baseline and pa11y-ci's `ignore`,
and returns one `RunResult` for the ordinary reporters. A page that could
not be checked becomes an A11Y100 error, never a silent pass.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from linters.core.config import display_path
from linters.core.engine import PageSummary, RunResult, page_owner
from linters.core.finding import Detection, Finding, Message, PageTarget, Severity, SourceSpan
from linters.core.page import LANGUAGES, Page, read_page
from linters.core.rules import Rule, configured_severity
from linters.core.statute import Statute
from linters.wcag import audit_rules, axe_rules, behaviour
from linters.wcag import axe as axe_adapter
from linters.wcag.audit_cache import AuditCache, run_fingerprint
from linters.wcag.baseline import Baseline, Entry
from linters.wcag.behaviour_rules import ACT_RULES, BEHAVIOUR_RULES
from linters.wcag.inputs import PA11Y_TYPES, AuditPlan, url_path
from linters.wcag.runner import LOOPBACK_NAMES, PageResult, RunnerSettings, Target, run_pages
from linters.wcag.server import AXE_PATH, serve
from linters.wcag.shard import THEME_SOURCE, finding_order, theme_key
from linters.wcag.source import foreign_sentences

# Files of content/ the site serves as they are, which the audit opens as documents.
SERVED_FILES = (".svg", ".xhtml")
# A theme partial as page.js names it (`partials/diemen-page-footer.html`); anything else is not trusted as a path.
_TEMPLATE = re.compile(r"^[a-z0-9_-]+(/[a-z0-9_.-]+)*\.html$")
THEME_OWNER = "webredactie"
_SPACE = re.compile(r"\s+")
# The language a sentence seems to be in, named in the message's own language.
ENGLISH = Message("Engels", "English")
DUTCH = Message("Nederlands", "Dutch")
_PUNCT = re.compile(r"[^\w\s]+")


@dataclass
class AuditSettings:
    """Settings of one audit run that do not come from the plan."""

    browser: Path
    axe: axe_adapter.AxeScript
    statute: Statute
    root: Path
    today: date
    concurrency: int = 2
    baseline: Baseline | None = None
    settle: float = 2.0
    extra_args: tuple[str, ...] = ()
    after_load: Callable[[Any, Target], Any] | None = None
    progress: Callable[[PageResult], None] | None = None
    # Where page results are kept for the next run (see audit_cache.py); None audits every page.
    cache_dir: Path | None = None


@dataclass
class AuditOutcome:
    """Everything one audit produced: the findings for reporters, and the raw page results."""

    result: RunResult
    pages: list[PageResult]
    facts: dict[str, Any]
    accepted: list[tuple[Finding, Entry]] = field(default_factory=list)
    ignored: int = 0
    rules: dict[str, Rule] = field(default_factory=dict)

    @property
    def not_checked(self) -> list[PageResult]:
        """Pages the audit could not check."""
        return [p for p in self.pages if not p.checked]


def _normal(text: str | None) -> str:
    return _SPACE.sub(" ", _PUNCT.sub(" ", (text or "").lower())).strip()


def _language_and_parts(path: str) -> tuple[str, list[str]]:
    """A site path's language folder (Dutch at the root, the others in their folder) and the rest of it."""
    parts = [p for p in path.strip("/").split("/") if p]
    if parts and parts[0] in LANGUAGES and parts[0] != "nl":
        return parts[0], parts[1:]
    return "nl", parts


class SourceMap:
    """From a URL of the built site to its Markdown page, its owner and a line in it."""

    def __init__(self, root: Path, statute: Statute) -> None:
        self.content = root / "content"
        self.statute = statute
        self._pages: dict[str, Page | None] = {}

    def page_for(self, url: str) -> Page | None:
        """The Markdown page a URL was built from (folder URLs, static-i18n language folders)."""
        path = url_path(url)
        if path in self._pages:
            return self._pages[path]
        lang, parts = _language_and_parts(path)
        found: Page | None = None
        if not (parts and parts[-1].endswith(".html")):
            base = self.content / lang
            candidates = [base.joinpath(*parts, "index.md")]
            if parts:
                candidates.insert(0, base.joinpath(*parts[:-1], parts[-1] + ".md"))
            for candidate in candidates:
                if candidate.is_file():
                    found = read_page(candidate, self.content, display_path(candidate))
                    break
        self._pages[path] = found
        return found

    def file_for(self, url: str) -> tuple[str, str | None] | None:
        """A file of content/ served as it is (an SVG image): its shown path and its section's owner."""
        lang, rest = _language_and_parts(url_path(url))
        if not rest or not rest[-1].endswith(SERVED_FILES):
            return None
        candidate = self.content / lang / "/".join(rest)
        if ".." in rest or not candidate.is_file():
            return None
        section = self.statute.section_for("/".join(rest))
        return display_path(candidate), section.owner if section else None

    def owner(self, page: Page | None) -> str | None:
        """The department that owns a page; the theme belongs to the web team."""
        if page is None:
            return THEME_OWNER if THEME_OWNER in self.statute.departments else None
        return page_owner(page, self.statute)

    def line(self, page: Page, info: Mapping[str, Any] | None) -> int:
        """The Markdown line of an element, found by its link, image, heading or text."""
        if not info:
            return page.body_start_line
        text = _normal(info.get("text"))
        alt = info.get("alt")
        src = str(info.get("src") or "")
        if info.get("tag") == "img" or (alt is not None and not text):
            base = src.rsplit("/", 1)[-1]
            for image in page.images:
                if (alt is not None and image.alt == alt) or (base and image.src.rsplit("/", 1)[-1] == base):
                    return image.line
        if info.get("href") is not None and text:
            for link in page.links:
                if _normal(link.text) == text:
                    return link.line
        heading = _normal(info.get("heading"))
        if heading:
            for block in page.blocks:
                if block.kind == "heading" and _normal(block.text) == heading:
                    return block.line
        if text:
            probe = text[:60]
            for block in page.blocks:
                normal = _normal(block.text)
                if normal and (probe in normal or normal in text):
                    return block.line
        title_line = page.front_matter.line_of("title") if page.front_matter else 1
        if info.get("tag") == "h1":
            return title_line
        return page.body_start_line


class _Collector:
    """Turns page results into findings, with owners and Markdown lines."""

    def __init__(self, settings: AuditSettings, plan: AuditPlan) -> None:
        self.settings = settings
        self.plan = plan
        self.sources = SourceMap(settings.root, settings.statute)
        own_rules = (*audit_rules.AUDIT_RULES, *BEHAVIOUR_RULES)
        self.rules: dict[str, Rule] = {r.code: r for r in own_rules}
        rule_settings = settings.statute.rule_settings
        self.severities = {r.code: configured_severity(r, rule_settings) for r in own_rules}
        self.findings: list[Finding] = []
        self.summaries: list[PageSummary] = []
        self.ignored = 0
        # How many pages had each theme finding (reported once, on the first page).
        self.theme_pages: dict[tuple[str, str, str, str, bool], int] = {}
        self.theme_first: dict[tuple[str, str, str, str, bool], Finding] = {}

    def _target(self, result: PageResult, selector: str, snippet: str, info: Mapping[str, Any] | None) -> PageTarget:
        page = self.sources.page_for(result.target.url)
        shown = url_path(result.target.url) if self.plan.relative else result.target.url
        if info is not None and not info.get("inContent", True) and (page is not None or self.plan.relative):
            part = info.get("themePart")
            template = f"{THEME_SOURCE}{part}" if isinstance(part, str) and _TEMPLATE.match(part) else THEME_SOURCE
            return PageTarget(shown, selector, snippet, SourceSpan(template, 1, 1))
        if page is None and (served := self.sources.file_for(result.target.url)) is not None:
            return PageTarget(shown, selector, snippet, SourceSpan(served[0], 1, 1))
        if page is None:
            # A page of the built site without Markdown (404.html) is the theme's.
            theme = SourceSpan(THEME_SOURCE, 1, 1) if self.plan.relative else None
            return PageTarget(shown, selector, snippet, theme)
        return PageTarget(shown, selector, snippet, SourceSpan(page.display, self.sources.line(page, info), 1))

    def _owner(self, result: PageResult, info: Mapping[str, Any] | None) -> str | None:
        page = self.sources.page_for(result.target.url)
        if page is None and (served := self.sources.file_for(result.target.url)) is not None:
            return served[1]
        if (info is not None and not info.get("inContent", True)) or (page is None and self.plan.relative):
            return self.sources.owner(None)
        return self.sources.owner(page) if page is not None else None

    def _ours(self, rule: Rule, detection: Detection, owner: str | None) -> None:
        severity = self.severities.get(rule.code)
        if severity is None:
            return
        self._add(rule.finding(detection, severity, owner))

    def _add(self, finding: Finding) -> None:
        if finding.code in self.plan.ignore or finding.name in self.plan.ignore:
            self.ignored += 1
        elif PA11Y_TYPES[finding.severity] in self.plan.ignore_types:
            self.ignored += 1
        elif (key := theme_key(finding)) is not None and self._on_a_content_page(finding):
            # Kept on the page with the first address, so the report does not depend on the order of tabs.
            self.theme_pages[key] = self.theme_pages.get(key, 0) + 1
            first = self.theme_first.get(key)
            if first is None or finding_order(finding) < finding_order(first):
                self.theme_first[key] = finding
        else:
            self.findings.append(finding)

    def _on_a_content_page(self, finding: Finding) -> bool:
        """Whether a theme finding is on a page built from Markdown: the same theme markup on every page.

        A page without Markdown (404.html, a test page) is the theme's as a whole; its
        findings are its own and are not merged with another page's.
        """
        where = finding.location
        return isinstance(where, PageTarget) and self.sources.page_for(where.url) is not None

    def theme_findings(self) -> list[Finding]:
        """Each theme finding once, with the number of pages it was on."""
        return [
            replace(finding, extras={**finding.extras, "pages": self.theme_pages[key]})
            for key, finding in self.theme_first.items()
        ]

    def page(self, result: PageResult) -> None:
        """Collect the findings of one page."""
        source_page = self.sources.page_for(result.target.url)
        shown = url_path(result.target.url) if self.plan.relative else result.target.url
        owner = self.sources.owner(source_page) if source_page is not None else None
        if not result.checked:
            self._ours(
                audit_rules.page_not_checked,
                Detection(
                    PageTarget(shown, "html", "", SourceSpan(source_page.display, 1, 1) if source_page else None),
                    audit_rules.page_not_checked.message(error=str(result.error)),
                ),
                owner,
            )
        elif not result.is_page:
            self._ours(
                audit_rules.not_a_web_page,
                Detection(
                    PageTarget(shown, "", result.content_type, None),
                    audit_rules.not_a_web_page.message(type=result.content_type),
                    context=result.content_type,
                ),
                owner,
            )
        else:
            self._axe(result)
            self._own(result)
        for url, after in result.redirects:
            where = url_path(url) if self.plan.relative and url.startswith(_host_of(result.target.url)) else url
            self._ours(
                audit_rules.page_redirects,
                Detection(
                    PageTarget(shown, "html", "", SourceSpan(source_page.display, 1, 1) if source_page else None),
                    audit_rules.page_redirects.message(seconds=f"{after:g}", where=where),
                    context=url,
                ),
                owner,
            )
        self.summaries.append(
            PageSummary(
                source_page.display if source_page else shown,
                (result.data.get("lang") or (source_page.lang if source_page else "")) or "nl",
                source_page.rel_path if source_page else None,
                owner,
                str(result.data.get("title") or "") or None,
                {
                    "url": shown,
                    "checked": result.checked,
                    "error": result.error,
                    "attempts": result.attempts,
                    "seconds": round(result.seconds, 2),
                    "violations": len(result.data.get("violations", [])),
                    "needs_review": len(result.data.get("incomplete", [])),
                },
            )
        )

    def _axe(self, result: PageResult) -> None:
        engine = f"axe-core {result.data.get('axeVersion', '')}".strip()
        for outcome in ("violations", "incomplete"):
            for item in result.data.get(outcome, []):
                rule = axe_rules.rule_for(item)
                self.rules.setdefault(rule.code, rule)
                tags = item.get("tags", [])
                review = outcome == "incomplete"
                for node in item.get("nodes", []):
                    impact = node.get("impact") or item.get("impact")
                    level = configured_severity(
                        rule,
                        self.settings.statute.rule_settings,
                        Severity.SUGGESTION if review else axe_adapter.severity(impact, tags),
                    )
                    if level is None:
                        continue
                    message = rule.message("review" if review else "", help=str(item.get("help", rule.code)))
                    selector = " ".join(node.get("target", []))
                    info = node.get("info")
                    self._add(
                        Finding(
                            code=rule.code,
                            name=rule.name,
                            severity=level,
                            message=message,
                            location=self._target(result, selector, node.get("html", ""), info),
                            doc_url=str(item.get("helpUrl", "")),
                            owner=self._owner(result, info),
                            context=_SPACE.sub(" ", node.get("summary", "")).strip(),
                            needs_review=review,
                            wcag=axe_adapter.criteria(tags),
                            extras={"engine": engine, "impact": impact, "tags": list(tags)},
                        )
                    )

    def _own(self, result: PageResult) -> None:
        own = result.data.get("own", {})
        shown = url_path(result.target.url) if self.plan.relative else result.target.url
        source_page = self.sources.page_for(result.target.url)
        for url in result.third_party:
            self._ours(
                audit_rules.third_party_request,
                Detection(
                    PageTarget(shown, "html", url, SourceSpan(source_page.display, 1, 1) if source_page else None),
                    audit_rules.third_party_request.message(url=url),
                    context=url,
                ),
                self.sources.owner(source_page) if source_page else None,
            )
        for url, status in result.broken:
            self._ours(
                audit_rules.missing_resource,
                Detection(
                    # The embedded server's port changes every run: a file of the site is named by its path.
                    PageTarget(
                        shown,
                        "html",
                        url_path(url) if self.plan.relative and _is_loopback(url) else url,
                        SourceSpan(THEME_SOURCE, 1, 1) if source_page else None,
                    ),
                    audit_rules.missing_resource.message(path=url_path(url), status=status),
                    context=url_path(url),
                ),
                self.sources.owner(None),
            )
        # page.js returns only the links that linters/wcag/link_texts.py judges unclear.
        for link in own.get("links", []):
            if link.get("name"):
                info = link.get("info")
                self._ours(
                    audit_rules.unclear_link_text_in_page,
                    Detection(
                        self._target(result, link["selector"], link.get("html", ""), info),
                        audit_rules.unclear_link_text_in_page.message(text=str(link.get("name"))),
                        wcag=audit_rules.unclear_link_text_in_page.wcag,
                    ),
                    self._owner(result, info),
                )
        for video in own.get("videos", []):
            if not video.get("captions"):
                info = video.get("info")
                self._ours(
                    audit_rules.video_without_captions_in_page,
                    Detection(
                        self._target(result, video["selector"], video.get("html", ""), info),
                        audit_rules.video_without_captions_in_page.message(),
                        wcag=audit_rules.video_without_captions_in_page.wcag,
                    ),
                    self._owner(result, info),
                )
        for form in own.get("forms", []):
            if not form.get("submit"):
                info = form.get("info")
                self._ours(
                    audit_rules.form_without_submit,
                    Detection(
                        self._target(result, form["selector"], form.get("html", ""), info),
                        audit_rules.form_without_submit.message(),
                        wcag=audit_rules.form_without_submit.wcag,
                    ),
                    self._owner(result, info),
                )
        for seen in behaviour.observations(result.data.get("behaviour") or {}):
            info = seen.item.get("info")
            self._ours(
                seen.rule,
                Detection(
                    self._target(result, str(seen.item.get("selector", "html")), str(seen.item.get("html", "")), info),
                    seen.message,
                    context=seen.context,
                    needs_review=seen.needs_review,
                    wcag=seen.rule.wcag,
                    extras={"act": list(ACT_RULES.get(seen.rule.code, ()))},
                ),
                self._owner(result, info),
            )
        for block in own.get("blocks", []):
            for _, sentence in foreign_sentences(block.get("text", ""), block.get("lang") or ""):
                info = block.get("info")
                self._ours(
                    audit_rules.language_not_marked_in_page,
                    Detection(
                        self._target(result, block["selector"], "", info),
                        audit_rules.language_not_marked_in_page.message(
                            language=ENGLISH if block.get("lang") == "nl" else DUTCH
                        ),
                        context=sentence,
                        wcag=audit_rules.language_not_marked_in_page.wcag,
                    ),
                    self._owner(result, info),
                )

    def baseline(self, baseline: Baseline) -> list[tuple[Finding, Entry]]:
        """Apply the baseline; report expired and unused entries."""
        kept, accepted = baseline.split(self.findings, self.settings.today)
        self.findings = kept
        for entry in baseline.entries:
            span = SourceSpan(display_path(Path(baseline.path)), entry.line, 1)
            if entry.expires < self.settings.today:
                self._ours(
                    audit_rules.baseline_entry_expired,
                    Detection(
                        span,
                        audit_rules.baseline_entry_expired.message(
                            rule=entry.rule, date=entry.expires.isoformat(), count=entry.used
                        ),
                    ),
                    self.sources.owner(None),
                )
            elif entry.used == 0:
                self._ours(
                    audit_rules.baseline_entry_unused,
                    Detection(
                        span,
                        audit_rules.baseline_entry_unused.message(rule=entry.rule),
                    ),
                    self.sources.owner(None),
                )
        return accepted


def run_audit(plan: AuditPlan, settings: AuditSettings) -> AuditOutcome:
    """Audit every page of the plan and collect the findings."""
    collector = _Collector(settings, plan)
    pages: list[PageResult] = []

    def record(result: PageResult) -> None:
        pages.append(result)
        collector.page(result)
        if settings.progress is not None:
            settings.progress(result)

    with serve(plan.site, settings.axe.source) as base:
        targets = [replace(t, url=_resolve(t.url, base)) for t in plan.targets]
        runner = RunnerSettings(
            executable=settings.browser,
            axe_source=settings.axe.source,
            tags=plan.tags,
            concurrency=plan.concurrency or settings.concurrency,
            axe_url=base + AXE_PATH,
            settle=settings.settle,
            extra_args=settings.extra_args,
            after_load=settings.after_load,
            site_origin=_site_origin(plan.site),
            site_dir=plan.site,
        )
        facts: dict[str, Any] = {}
        cache = _cache(plan, settings)
        todo = targets
        if cache is not None:
            todo = []
            for target in targets:
                key = cache.key(replace(target, url=url_path(target.url)))
                stored = cache.load(key, target, base) if key is not None else None
                if stored is None:
                    todo.append(target)
                else:
                    record(stored)
            fresh = record

            def record_and_keep(result: PageResult) -> None:
                fresh(result)
                key = cache.key(replace(result.target, url=url_path(result.target.url)))
                if key is not None:
                    cache.store(key, result, base)

            record = record_and_keep  # noqa: F811 (the fresh results are also kept)
            facts["cached"] = len(targets) - len(todo)
        try:
            if todo or cache is None:
                facts.update(_run(runner, todo, record))
                if cache is not None and facts.get("browser"):
                    cache.remember_browser(str(facts["browser"]))
            elif cache is not None and cache.browser():
                facts["browser"] = cache.browser()
        except KeyboardInterrupt:
            # Stopped by the user: what was checked is reported, the rest as not checked.
            facts["interrupted"] = True
        finally:
            # Pages the run never reached (interrupted) are reported, not forgotten.
            done = {p.target.url for p in pages}
            for target in targets:
                if target.url not in done:
                    record(PageResult(target, False, error="de controle is afgebroken voor deze pagina"))
    collector.findings.extend(collector.theme_findings())
    accepted = collector.baseline(settings.baseline) if settings.baseline is not None else []
    result = RunResult(findings=sorted(collector.findings, key=finding_order), pages=collector.summaries)
    result.pages.sort(key=lambda p: p.path)
    facts.update({"axe": settings.axe.version, "pages": len(pages), "base": "127.0.0.1"})
    result.tools = {"axe-core": settings.axe.version}
    if facts.get("browser"):
        result.tools["Chromium"] = str(facts["browser"])
    if settings.axe.warning is not None:
        facts["warnings"] = [settings.axe.warning]
    return AuditOutcome(result, pages, facts, accepted, collector.ignored, collector.rules)


def _cache(plan: AuditPlan, settings: AuditSettings) -> AuditCache | None:
    """The audit cache for a built site, or None (no cache dir, not a site folder, or a yearly audit's evidence)."""
    if settings.cache_dir is None or plan.site is None or settings.after_load is not None:
        return None
    try:
        browser = settings.browser.stat()
        browser_id = f"{settings.browser}:{browser.st_size}:{browser.st_mtime_ns}"
    except OSError:
        return None
    engines = {
        "axe-core": settings.axe.version,
        "axe-source": hashlib.sha256(settings.axe.source.encode("utf-8")).hexdigest(),
        "browser": browser_id,
    }
    extra = {"tags": list(plan.tags), "settle": settings.settle, "args": list(settings.extra_args)}
    rules = {"regels": settings.statute.rule_settings, "policies": settings.statute.policies}
    return AuditCache(settings.cache_dir, plan.site, run_fingerprint(engines, rules, extra))


def _is_loopback(url: str) -> bool:
    from urllib.parse import urlsplit

    return (urlsplit(url).hostname or "") in LOOPBACK_NAMES


def _host_of(url: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _site_origin(site: Path | None) -> str | None:
    """The public origin of a built site (from its sitemap), e.g. https://www.diemen.nl."""
    if site is None or not (site / "sitemap.xml").is_file():
        return None
    from urllib.parse import urlsplit

    from linters.wcag.inputs import AuditInputError, read_sitemap

    try:
        first = read_sitemap(str(site / "sitemap.xml"))[0]
    except AuditInputError:
        return None
    parts = urlsplit(first)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") else None


def _resolve(url: str, base: str) -> str:
    from linters.wcag.inputs import resolve

    return resolve(url, base)


def _run(runner: RunnerSettings, targets: Sequence[Target], record: Callable[[PageResult], None]) -> dict[str, Any]:
    results, facts = run_pages(runner, targets, record)
    return facts

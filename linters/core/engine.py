"""The engine: read each page once, run every rule on it, and collect findings.

Rules yield detections; the engine gives them their rule's identity and
severity (after the statute's per-rule settings), drops suppressed ones,
and adds the owner. A rule that crashes on one page becomes a finding on
that page; the other rules and pages still run.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from linters.core.cache import RunCache
from linters.core.config import display_path
from linters.core.finding import Detection, Finding, Message, Severity, SourceSpan
from linters.core.links import UnsafeLink, link_in_walk, shown, unsafe_link
from linters.core.page import Page, language_of, read_page
from linters.core.rules import CheckContext, Rule, configured_severity
from linters.core.serial import finding_from_dict, finding_to_dict
from linters.core.statute import Statute
from linters.core.suppression import Suppressions, parse_suppressions

MetricProvider = Callable[[Page, CheckContext], Mapping[str, Any]]
SKIPPED_DIRS = {".git", "node_modules", "site", ".nox", "__pycache__"}
# Worker processes pay off from about this many pages each; fewer are checked in this process.
MIN_PAGES_PER_JOB = 100
# Pages per task: small enough that both workers finish at about the same time.
CHUNK_PAGES = 20


class InputError(Exception):
    """A path on the command line that does not exist: the run cannot start (exit 2)."""


@dataclass(frozen=True)
class PageSummary:
    """What a report says about one page besides its findings."""

    path: str
    lang: str
    rel_path: str | None
    owner: str | None
    title: str | None
    metrics: Mapping[str, Any]

    def as_dict(self) -> dict[str, Any]:
        """The page as JSON-ready data (the JSON report, the run cache and the dashboard share this shape)."""
        return {
            "path": self.path,
            "lang": self.lang,
            "rel_path": self.rel_path,
            "owner": self.owner,
            "title": self.title,
            "metrics": dict(self.metrics),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PageSummary:
        """A page back from `as_dict` (forgiving about optional keys, as saved reports may lack them)."""

        def text(key: str) -> str | None:
            value = data.get(key)
            return value if isinstance(value, str) else None

        metrics = data.get("metrics")
        return cls(
            path=str(data["path"]),
            lang=str(data.get("lang") or ""),
            rel_path=text("rel_path"),
            owner=text("owner"),
            title=text("title"),
            metrics=dict(metrics) if isinstance(metrics, Mapping) else {},
        )


@dataclass
class RunResult:
    """Everything one check run found."""

    findings: list[Finding] = field(default_factory=list)
    pages: list[PageSummary] = field(default_factory=list)
    crashed: bool = False
    # The engines and browser behind the findings, with their versions
    # ({"axe-core": "4.14.1", "Chromium": "…"}): a report says what checked it.
    tools: dict[str, str] = field(default_factory=dict)

    def count(self, severity: Severity) -> int:
        """How many findings have exactly this severity."""
        return sum(1 for f in self.findings if f.severity == severity)

    def worst(self) -> Severity | None:
        """The highest severity found, or None when clean."""
        return max((f.severity for f in self.findings), default=None)


@dataclass
class Discovered:
    """The Markdown files to check, and the symbolic links that were refused instead of followed."""

    files: list[Path]
    links: list[UnsafeLink] = field(default_factory=list)


def discover(paths: Sequence[Path], content_root: Path | None = None) -> Discovered:
    """Expand folders to their Markdown files; keep files as given (any extension).

    Symbolic links that leave the repository (the folder above `content_root`)
    or do not point at a plain file are never followed: they are returned
    apart, with every link in the folders (also to images and PDFs, which the
    build would publish).
    """
    base = content_root if content_root is not None else Path.cwd()
    repo = base.parent if content_root is not None else base
    found: list[Path] = []
    links: dict[Path, UnsafeLink] = {}
    for path in paths:
        refused = unsafe_link(path.absolute(), base.absolute(), repo)
        if refused is not None:
            links.setdefault(refused.link, refused)
            continue
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                folder = Path(root)
                kept = []
                for name in sorted(dirs):
                    if name in SKIPPED_DIRS or name.startswith("."):
                        continue
                    link = link_in_walk(folder, name, repo)
                    if link is not None:
                        links.setdefault(link.link, link)
                    elif not (folder / name).is_symlink():
                        kept.append(name)
                dirs[:] = kept
                for name in sorted(files):
                    link = link_in_walk(folder, name, repo)
                    if link is not None:
                        links.setdefault(link.link, link)
                    elif name.endswith(".md"):
                        found.append(folder / name)
        elif path.is_file():
            found.append(path)
        else:
            raise InputError(str(path))
    unique: dict[Path, None] = {}
    for path in found:
        unique.setdefault(path, None)
    return Discovered(list(unique), sorted(links.values(), key=lambda link: link.link))


def page_owner(page: Page, statute: Statute) -> str | None:
    """The department a page belongs to: its own `owner`, else its section's owner."""
    owner = page.meta("owner")
    if isinstance(owner, str) and owner in statute.departments:
        return owner
    if page.rel_path is not None:
        section = statute.section_for(page.rel_path)
        if section is not None:
            return section.owner
    return None


def basic_metrics(page: Page, ctx: CheckContext) -> Mapping[str, Any]:
    """Counts every page has, whatever checks run."""
    return {
        "words": page.word_count(),
        "headings": sum(1 for b in page.blocks if b.kind == "heading"),
        "links": len(page.links),
        "images": len(page.images),
    }


def _result_to_cache(result: RunResult) -> dict[str, Any]:
    return {
        "findings": [finding_to_dict(f) for f in result.findings],
        "pages": [p.as_dict() for p in result.pages],
    }


def _result_from_cache(data: Mapping[str, Any]) -> RunResult:
    return RunResult(
        findings=[finding_from_dict(f) for f in data["findings"]],
        pages=[PageSummary.from_dict(p) for p in data["pages"]],
    )


@dataclass
class PageChecked:
    """What the page rules found on one page, and its metrics (before site rules and suppressions)."""

    owner: str | None
    findings: list[Finding]
    metrics: dict[str, Any]


def chunks(files: Sequence[Path], content_root: Path | None) -> list[list[Path]]:
    """Files in chunks of about CHUNK_PAGES, a page and its translation in the same chunk.

    The translation rules compare the two; in one chunk the other one need
    not be read from disk again.
    """

    def pair(file: Path) -> str:
        return language_of(file, content_root)[1] or file.as_posix()

    result: list[list[Path]] = [[]]
    previous = ""
    for file in sorted(files, key=pair):
        key = pair(file)
        if len(result[-1]) >= CHUNK_PAGES and key != previous:
            result.append([])
        result[-1].append(file)
        previous = key
    return result


# The engine a forked worker process works for (set just before the fork).
_FORKED: Engine | None = None


def _read_and_check_chunk(files: Sequence[Path]) -> list[tuple[Page, PageChecked]]:
    """In a worker process: read these pages and run the page rules on them."""
    assert _FORKED is not None
    return _FORKED._read_and_check(files)


class Engine:
    """Runs a fixed set of rules with one statute; build once per run."""

    def __init__(
        self,
        rules: Sequence[Rule],
        statute: Statute,
        *,
        today: date,
        content_root: Path | None,
        metric_providers: Sequence[MetricProvider] = (basic_metrics,),
        cache: RunCache | None = None,
        jobs: int = 1,
    ) -> None:
        self.statute = statute
        self.today = today
        self.content_root = content_root
        self.metric_providers = metric_providers
        self.cache = cache
        self.jobs = jobs
        self.rules = {r.code: r for r in rules}
        self.severities = {r.code: configured_severity(r, statute.rule_settings) for r in rules}
        self.known = frozenset({r.code for r in rules} | {r.name for r in rules})

    def _finding(self, rule: Rule, detection: Detection, owner: str | None) -> Finding | None:
        severity = self.severities.get(rule.code)
        if severity is None:
            return None
        return rule.finding(detection, severity, owner)

    def run(self, paths: Sequence[Path]) -> RunResult:
        """Check these files; raise `InputError` only for a path that does not exist."""
        discovered = discover(paths, self.content_root)
        files = discovered.files
        cache_key = self._cache_key(files, discovered.links) if self.cache is not None else None
        if self.cache is not None and cache_key is not None:
            stored = self.cache.load(cache_key)
            if stored is not None:
                return _result_from_cache(stored)
        pages, checked = self._read_and_check_all(files)
        site = {(p.lang, p.rel_path): p for p in pages if p.rel_path is not None}
        ctx = CheckContext(self.statute, self.today, self.content_root, site)
        result = RunResult()
        owners = {p.display: c.owner for p, c in zip(pages, checked, strict=True)}
        per_page: dict[str, list[Finding]] = {p.display: c.findings for p, c in zip(pages, checked, strict=True)}
        for rule in self.rules.values():
            if rule.check_site is None:
                continue
            try:
                detections = list(rule.check_site(pages, ctx))
            except Exception as err:  # noqa: BLE001 - one broken rule must not stop the run
                result.crashed = True
                detections = []
                for page in pages:
                    per_page[page.display].extend(self._crash(rule, page, err, owners[page.display]))
            for detection in detections:
                finding = self._finding(rule, detection, None)
                if finding is not None:
                    owner = owners.get(finding.path)
                    per_page.setdefault(finding.path, []).append(replace(finding, owner=owner))
        for page, page_checked in zip(pages, checked, strict=True):
            findings = self._apply_suppressions(page, per_page.get(page.display, []), owners[page.display])
            if any(f.code == "WR900" for f in findings):
                result.crashed = True
            result.findings.extend(findings)
            title = page.meta("title")
            result.pages.append(
                PageSummary(
                    page.display,
                    page.lang,
                    page.rel_path,
                    owners[page.display],
                    title if isinstance(title, str) else None,
                    page_checked.metrics,
                )
            )
        for path, extra in per_page.items():
            if path not in owners:
                result.findings.extend(extra)
        result.findings.extend(self._refused_links(discovered.links))
        result.findings.sort(key=lambda f: f.sort_key)
        if self.cache is not None and cache_key is not None and not result.crashed:
            self.cache.store(cache_key, _result_to_cache(result))
        return result

    def _refused_links(self, links: Sequence[UnsafeLink]) -> list[Finding]:
        """One finding per refused symbolic link, at the link itself (it has no lines: line 1)."""
        rule = self.rules.get("WR008")
        if rule is None:
            return []
        found: list[Finding] = []
        for link in links:
            owner = None
            if self.content_root is not None:
                _, rel = language_of(link.link.parent, self.content_root)
                section = self.statute.section_for(f"{rel}/{link.link.name}" if rel else link.link.name)
                owner = section.owner if section else None
            finding = self._finding(rule, Detection(SourceSpan(shown(link.link), 1, 1), link.message()), owner)
            if finding is not None:
                found.append(finding)
        return found

    def _cache_key(self, files: Sequence[Path], links: Sequence[UnsafeLink] = ()) -> str:
        """Everything besides the files that decides the result of a run."""
        assert self.cache is not None
        config = [
            *(f"link {link.link} {link.target} {link.problem.value}" for link in links),
            repr(self.statute),
            self.today.isoformat(),
            str(self.content_root.resolve()) if self.content_root else "",
            *(f"{r.code} {r.name} {self.severities[r.code]}" for r in self.rules.values()),
            *(f"{p.__module__}.{p.__qualname__}" for p in self.metric_providers),
        ]
        # Cross-page rules also read what is not in `files`; each distinct input is read once.
        for inputs in dict.fromkeys(r.inputs for r in self.rules.values() if r.inputs is not None):
            config.extend(inputs(self.content_root))
        return self.cache.key(files, config)

    def _read_and_check_all(self, files: Sequence[Path]) -> tuple[list[Page], list[PageChecked]]:
        """Read every page and run the page rules: in worker processes when there are enough pages."""
        jobs = min(self.jobs, len(files) // MIN_PAGES_PER_JOB)
        if jobs >= 2 and "fork" in multiprocessing.get_all_start_methods():
            global _FORKED
            _FORKED = self
            try:
                # Fork: the workers start with this engine, its rules and the statute.
                with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
                    done = {
                        page.path: (page, checked)
                        for results in pool.map(_read_and_check_chunk, chunks(files, self.content_root))
                        for page, checked in results
                    }
                return [done[f][0] for f in files], [done[f][1] for f in files]
            except BrokenProcessPool:
                # A worker died (out of memory, killed): check the pages here, one by one.
                print(
                    "Een hulpproces van webredactie stopte onverwacht; "
                    "de pagina's worden nu een voor een gecontroleerd.",
                    file=sys.stderr,
                )
            finally:
                _FORKED = None
        pairs = self._read_and_check(files)
        return [page for page, _ in pairs], [checked for _, checked in pairs]

    def _read_and_check(self, files: Sequence[Path]) -> list[tuple[Page, PageChecked]]:
        """Read these pages and run the page rules on them, with these pages as the site.

        Page rules that look at other pages (links, translations) read a page
        that is not among these from disk, so a chunk gives the same findings
        as the whole run.
        """
        pages = [read_page(p, self.content_root, display_path(p)) for p in files]
        site = {(p.lang, p.rel_path): p for p in pages if p.rel_path is not None}
        ctx = CheckContext(self.statute, self.today, self.content_root, site)
        return [(page, self._check_page(page, ctx)) for page in pages]

    def _check_page(self, page: Page, ctx: CheckContext) -> PageChecked:
        owner = page_owner(page, self.statute)
        findings: list[Finding] = []
        for rule in self.rules.values():
            if rule.check_page is not None and rule.applies_to(page):
                findings.extend(self._run_rule(rule, page, ctx, owner))
        metrics: dict[str, Any] = {}
        if page.readable:
            for provider in self.metric_providers:
                metrics.update(provider(page, ctx))
        return PageChecked(owner, findings, metrics)

    def _run_rule(
        self,
        rule: Rule,
        page: Page,
        ctx: CheckContext,
        owner: str | None,
    ) -> list[Finding]:
        found: list[Finding] = []
        assert rule.check_page is not None
        try:
            for detection in rule.check_page(page, ctx):
                finding = self._finding(rule, detection, owner)
                if finding is not None:
                    found.append(finding)
        except Exception as err:  # noqa: BLE001 - one broken rule must not stop the run
            found.extend(self._crash(rule, page, err, owner))
        return found

    def _crash(self, rule: Rule, page: Page, err: Exception, owner: str | None) -> list[Finding]:
        crashed = self.rules.get("WR900")
        if crashed is None:
            return []
        detection = Detection(
            SourceSpan(page.display, 1, 1),
            crashed.message(code=rule.code, name=rule.name, error=f"{type(err).__name__}: {err}"),
        )
        finding = self._finding(crashed, detection, owner)
        return [replace(finding, severity=Severity.ERROR)] if finding else []

    def _apply_suppressions(self, page: Page, findings: list[Finding], owner: str | None) -> list[Finding]:
        if not page.readable or "webredactie" not in page.text:
            return findings
        suppressions: Suppressions = parse_suppressions(page.text, page.code_lines, self.known)
        kept = [
            f
            for f in findings
            if f.code == "WR900"
            or not isinstance(f.location, SourceSpan)
            or not suppressions.suppresses(f.location.line, f.code, f.name)
        ]
        # The engine reports these with the messages of the rules WR005-WR007 (linters/core/input_rules.py).
        extra: list[tuple[str, SourceSpan, str, dict[str, str | Message]]] = []
        for problem in suppressions.problems:
            named = ", ".join(problem.rules) or Message("(geen)", "(none)")
            span = SourceSpan(page.display, problem.line, problem.column)
            extra.append(("WR007", span, problem.kind, {"rules": named}))
        for item in suppressions.missing_reason:
            extra.append(("WR006", SourceSpan(page.display, item.line, item.column), "", {}))
        for item in suppressions.items:
            if not item.used:
                names = ", ".join(sorted(item.rules))
                extra.append(("WR005", SourceSpan(page.display, item.line, item.column), "", {"rules": names}))
        for code, span, key, values in extra:
            rule = self.rules.get(code)
            if rule is not None:
                finding = self._finding(rule, Detection(span, rule.message(key, **values)), owner)
                if finding is not None:
                    kept.append(finding)
        return kept

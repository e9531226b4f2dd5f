"""From one run's findings to what the dashboard shows: per department, per page, per kind.

Everything here is pure: the same run, statute facts and date give the same
views. Review dates come from two places, whichever a run has: the page
metrics `reviewed` / `review_due` (ISO dates, for upcoming reviews too) and
findings that carry `due` and `days_overdue` in their extras (overdue only).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from linters.core.engine import PageSummary, RunResult
from linters.core.finding import Finding, Severity, SourceSpan
from linters.report.dashboard.kinds import MAIN_KINDS, Kind, kind_of

# A review due within this many days is "upcoming" (the ownership digest uses 30 too).
UPCOMING_DAYS = 30
# Without a statute: the readability index a page needs (redactiestatuut taalbeleid.nl.min_leesbaarheid).
DEFAULT_MIN_READABILITY = 55.0
NO_DEPARTMENT = "geen-afdeling"


@dataclass(frozen=True)
class DepartmentInfo:
    """What the statute says about a department, as far as the dashboard needs it."""

    id: str
    name: str
    contact: str | None = None
    head: str | None = None
    reviewers: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReviewItem:
    """A page whose review is overdue or coming up."""

    path: str
    title: str | None
    lang: str
    reviewed: date | None
    due: date
    days: int  # days overdue (positive) or days left (zero or negative)

    @property
    def overdue(self) -> bool:
        """The due date has passed."""
        return self.days > 0


@dataclass(frozen=True)
class HardSentence:
    """One of a page's hardest sentences (page metric `hardest_sentences`): where, how hard, and why."""

    line: int
    column: int
    readability: float
    text: str
    reasons_nl: tuple[str, ...]
    reasons_en: tuple[str, ...]


@dataclass
class PageView:
    """One page with its findings, readability and review."""

    path: str
    lang: str
    title: str | None
    rel_path: str | None
    findings: list[Finding] = field(default_factory=list)
    readability: float | None = None
    at_b1: bool | None = None
    review: ReviewItem | None = None
    # The sentences to start with, hardest first (empty when none is below the minimum).
    hardest: list[HardSentence] = field(default_factory=list)
    # False for a path only findings name (a built page, a file outside content/).
    listed: bool = True

    def count(self, severity: Severity) -> int:
        """How many findings of this severity the page has."""
        return sum(1 for f in self.findings if f.severity == severity)


@dataclass(frozen=True)
class Stats:
    """Counts for a department or the whole site; also what a history record stores."""

    pages: int
    by_kind: Mapping[Kind, int]
    by_severity: Mapping[Severity, int]
    measured: int  # pages with a readability index
    at_b1: int
    mean_readability: float | None
    a11y_violations: int  # accessibility errors and warnings (not "needs review")
    a11y_pages: int  # pages with at least one accessibility error or warning
    a11y_review: int  # accessibility results a person must decide
    overdue: int
    upcoming: int

    @property
    def findings(self) -> int:
        """All findings."""
        return sum(self.by_kind.values())

    @property
    def b1_share(self) -> float | None:
        """Share of measured pages at B1 (0 to 1), None when nothing was measured."""
        return self.at_b1 / self.measured if self.measured else None


@dataclass(frozen=True)
class TranslationItem:
    """A missing or stale English page, from the department digest."""

    path: str
    title: str
    other: str  # the file to write (missing) or the Dutch original (stale)
    original_changed: date | None = None
    translation_changed: date | None = None


@dataclass(frozen=True)
class PageFeedback:
    """What visitors said about one page: the Ja/Nee answers and the remarks still open."""

    path: str  # the page's source (content/nl/...), as the checks name it, or its site path
    title: str
    lang: str
    yes: int
    no: int
    open: int

    @property
    def share_yes(self) -> float | None:
        """Share of "Ja" among the answers (0 to 1), None without answers."""
        answers = self.yes + self.no
        return self.yes / answers if answers else None


@dataclass(frozen=True)
class OpenRemark:
    """A visitor's or KCC remark that the department has not handled yet (text already scrubbed)."""

    id: int
    received: datetime | None
    kind: str  # wrong | kcc
    page: str  # site path
    title: str
    category: str | None
    text: str
    removed: tuple[str, ...]


@dataclass(frozen=True)
class DepartmentFeedback:
    """A department's feedback: per page, and its open remarks (newest first, perhaps cut short)."""

    pages: tuple[PageFeedback, ...]
    remarks: tuple[OpenRemark, ...]
    open: int  # every open remark, also those not in `remarks`

    @property
    def yes(self) -> int:
        """All "Ja" answers on the department's pages."""
        return sum(p.yes for p in self.pages)

    @property
    def no(self) -> int:
        """All "Nee" answers on the department's pages."""
        return sum(p.no for p in self.pages)

    @property
    def share_yes(self) -> float | None:
        """Share of "Ja" over all the department's answers."""
        answers = self.yes + self.no
        return self.yes / answers if answers else None


@dataclass
class DepartmentView:
    """A department with its pages."""

    info: DepartmentInfo
    pages: list[PageView]
    stats: Stats
    missing_translations: list[TranslationItem] = field(default_factory=list)
    stale_translations: list[TranslationItem] = field(default_factory=list)
    # What visitors said (from the feedback service's store); None when no store was read.
    feedback: DepartmentFeedback | None = None

    @property
    def overdue(self) -> list[ReviewItem]:
        """Overdue reviews, longest overdue first."""
        items = [p.review for p in self.pages if p.review is not None and p.review.overdue]
        return sorted(items, key=lambda r: (-r.days, r.path))

    @property
    def upcoming(self) -> list[ReviewItem]:
        """Reviews due soon, soonest first."""
        items = [p.review for p in self.pages if p.review is not None and not p.review.overdue]
        return sorted(items, key=lambda r: (r.due, r.path))

    @property
    def hardest_pages(self) -> list[PageView]:
        """Pages with hard sentences, the least readable first: where an editor starts."""
        pages = [p for p in self.pages if p.hardest]
        return sorted(pages, key=lambda p: (p.readability if p.readability is not None else 100.0, p.path))

    def of_kind(self, kind: Kind) -> list[tuple[PageView, Finding]]:
        """Every finding of one kind, with its page, in page order."""
        return [(p, f) for p in self.pages for f in p.findings if kind_of(f) is kind]


@dataclass
class SiteView:
    """The whole run, ready to render."""

    departments: list[DepartmentView]
    stats: Stats
    kinds: tuple[Kind, ...]  # the kinds shown as columns
    today: date
    generated: datetime
    sources: tuple[str, ...]
    min_readability: float
    browser_audit: bool  # findings from built pages are included
    criteria: tuple[str, ...]  # WCAG success criteria with a violation
    review_dates_known: bool = False  # review dates came with the run (digest or metric `review_due`)
    translations_known: bool = False  # missing and stale translations came from the digest
    feedback_known: bool = False  # the feedback service's store was read


def _feedback(data: Mapping[str, Any], titles: Mapping[str, tuple[str | None, str]]) -> dict[str, DepartmentFeedback]:
    """Per department its feedback, from the feedback store's summary (JSON version 1).

    The summary is data, not the feedback family's objects, the same way the
    department digest reaches the dashboard: the report stands on core only.
    """
    pages: dict[str, list[PageFeedback]] = {}
    for entry in data.get("pages") or []:
        if not isinstance(entry, Mapping) or not isinstance(entry.get("department"), str):
            continue
        path = str(entry.get("page") or "")
        title, lang = titles.get(path, (None, _lang_of_path(path)))
        pages.setdefault(entry["department"], []).append(
            PageFeedback(
                path,
                title or str(entry.get("title") or path),
                lang or "nl",
                int(entry.get("yes") or 0),
                int(entry.get("no") or 0),
                int(entry.get("open") or 0),
            )
        )
    remarks: dict[str, list[OpenRemark]] = {}
    for dep_id, items in (data.get("open_remarks") or {}).items():
        for item in items if isinstance(items, list) else []:
            if not isinstance(item, Mapping) or not isinstance(item.get("id"), int):
                continue
            received = item.get("received_at")
            remarks.setdefault(str(dep_id), []).append(
                OpenRemark(
                    item["id"],
                    _utc_time(received),
                    str(item.get("kind") or ""),
                    str(item.get("page") or ""),
                    str(item.get("title") or item.get("page") or ""),
                    item.get("category") if isinstance(item.get("category"), str) else None,
                    str(item.get("text") or ""),
                    tuple(str(k) for k in item.get("removed") or []),
                )
            )
    counts = data.get("open_counts") or {}
    result = {}
    for dep_id in set(pages) | set(remarks) | {str(k) for k in counts}:
        dep_pages = sorted(pages.get(dep_id, []), key=lambda p: (-p.open, -(p.yes + p.no), p.path))
        open_count = counts.get(dep_id)
        result[dep_id] = DepartmentFeedback(
            tuple(dep_pages),
            tuple(remarks.get(dep_id, [])),
            open_count if isinstance(open_count, int) else len(remarks.get(dep_id, [])),
        )
    return result


def _utc_time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _iso_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _review(page: PageView, metrics: Mapping[str, Any], today: date) -> ReviewItem | None:
    due = _iso_date(metrics.get("review_due"))
    if due is None:
        return None
    days = (today - due).days
    if days <= 0 and -days > UPCOMING_DAYS:
        return None
    return ReviewItem(page.path, page.title, page.lang, _iso_date(metrics.get("reviewed")), due, days)


def _review_from_finding(page: PageView, finding: Finding, today: date) -> ReviewItem | None:
    due = _iso_date(finding.extras.get("due"))
    days = finding.extras.get("days_overdue")
    if due is None:
        return None
    return ReviewItem(
        page.path,
        page.title,
        page.lang,
        _iso_date(finding.extras.get("reviewed")),
        due,
        days if isinstance(days, int) and not isinstance(days, bool) else (today - due).days,
    )


def is_violation(finding: Finding) -> bool:
    """An accessibility problem that counts against the site (a person need not decide it first)."""
    return (
        kind_of(finding) is Kind.TOEGANKELIJKHEID and finding.severity >= Severity.WARNING and not finding.needs_review
    )


def _at_b1(readability: float | None, findings: Iterable[Finding], threshold: float) -> bool | None:
    """A page is at B1 when its readability index meets the policy and no language rule reports an error.

    Pages without an index (no prose, or the plain-language check did not run)
    are not counted either way.
    """
    if readability is None:
        return None
    language_error = any(kind_of(f) is Kind.TAAL and f.severity is Severity.ERROR for f in findings)
    return readability >= threshold and not language_error


def stats(pages: Sequence[PageView]) -> Stats:
    """Count what a set of pages has."""
    by_kind: Counter[Kind] = Counter()
    by_severity: Counter[Severity] = Counter()
    violations = review_needed = 0
    violation_pages = 0
    for page in pages:
        page_violations = 0
        for finding in page.findings:
            by_kind[kind_of(finding)] += 1
            by_severity[finding.severity] += 1
            if is_violation(finding):
                page_violations += 1
            elif kind_of(finding) is Kind.TOEGANKELIJKHEID and finding.needs_review:
                review_needed += 1
        violations += page_violations
        violation_pages += 1 if page_violations else 0
    measured = [p for p in pages if p.readability is not None]
    return Stats(
        pages=sum(1 for p in pages if p.listed),
        by_kind={k: by_kind.get(k, 0) for k in Kind},
        by_severity={s: by_severity.get(s, 0) for s in Severity},
        measured=len(measured),
        at_b1=sum(1 for p in measured if p.at_b1),
        mean_readability=(round(sum(p.readability or 0.0 for p in measured) / len(measured), 1) if measured else None),
        a11y_violations=violations,
        a11y_pages=violation_pages,
        a11y_review=review_needed,
        overdue=sum(1 for p in pages if p.review is not None and p.review.overdue),
        upcoming=sum(1 for p in pages if p.review is not None and not p.review.overdue),
    )


def _page_view(summary: PageSummary, today: date) -> PageView:
    view = PageView(summary.path, summary.lang, summary.title, summary.rel_path)
    view.readability = _number(summary.metrics.get("readability_index"))
    view.review = _review(view, summary.metrics, today)
    view.hardest = _hard_sentences(summary.metrics.get("hardest_sentences"))
    return view


def _hard_sentences(value: Any) -> list[HardSentence]:
    """The page metric `hardest_sentences`, skipping entries a broken or older run wrote differently."""
    found: list[HardSentence] = []
    for entry in value if isinstance(value, list) else []:
        if not isinstance(entry, Mapping):
            continue
        line, column, index = entry.get("line"), entry.get("column"), _number(entry.get("readability_index"))
        if not isinstance(line, int) or not isinstance(column, int) or index is None:
            continue
        found.append(
            HardSentence(
                line,
                column,
                index,
                str(entry.get("text") or ""),
                tuple(str(r) for r in entry.get("reasons_nl") or []),
                tuple(str(r) for r in entry.get("reasons_en") or []),
            )
        )
    return found


def _lang_of_path(path: str) -> str:
    match = re.search(r"(?:^|/)content/(nl|en)/", path)
    return match.group(1) if match else ""


def _digest_review(entry: Mapping[str, Any], today: date) -> ReviewItem | None:
    due = _iso_date(entry.get("due"))
    path = entry.get("path")
    if due is None or not isinstance(path, str):
        return None
    title = entry.get("title")
    return ReviewItem(
        path,
        title if isinstance(title, str) else None,
        str(entry.get("lang") or _lang_of_path(path)),
        _iso_date(entry.get("reviewed")),
        due,
        (today - due).days,
    )


def _translation(entry: Mapping[str, Any], other_key: str) -> TranslationItem | None:
    path = entry.get("path")
    if not isinstance(path, str):
        return None
    return TranslationItem(
        path,
        str(entry.get("title") or path),
        str(entry.get(other_key) or ""),
        _iso_date(entry.get("original_changed")),
        _iso_date(entry.get("translation_changed")),
    )


def _apply_digest(
    digest: Mapping[str, Any],
    views: dict[str, PageView],
    owner_of: dict[str, str | None],
    today: date,
) -> dict[str, tuple[list[TranslationItem], list[TranslationItem]]]:
    """Take reviews and translations from the department digest (`webredactie owners digest`, JSON version 1).

    The digest computes due dates with the same logic as the checks, so it
    wins over dates guessed from findings.
    """
    translations: dict[str, tuple[list[TranslationItem], list[TranslationItem]]] = {}
    for known in views.values():
        known.review = None
    for department in digest.get("departments") or []:
        if not isinstance(department, Mapping) or not isinstance(department.get("id"), str):
            continue
        dep_id = department["id"]
        for entry in [*(department.get("overdue") or []), *(department.get("upcoming") or [])]:
            if not isinstance(entry, Mapping):
                continue
            item = _digest_review(entry, today)
            if item is None:
                continue
            page = views.get(item.path)
            if page is None:
                page = views[item.path] = PageView(item.path, item.lang, item.title, None, listed=False)
                owner_of[item.path] = dep_id
            page.review = item
        missing = [_translation(m, "expected") for m in department.get("missing_translations") or []]
        stale = [_translation(m, "original") for m in department.get("stale_translations") or []]
        translations[dep_id] = ([m for m in missing if m], [s for s in stale if s])
    return translations


def build(
    result: RunResult,
    departments: Sequence[DepartmentInfo],
    *,
    today: date,
    generated: datetime,
    sources: Sequence[str] = (),
    min_readability: float = DEFAULT_MIN_READABILITY,
    digest: Mapping[str, Any] | None = None,
    feedback: Mapping[str, Any] | None = None,
) -> SiteView:
    """Group a run by department and page, and count everything the dashboard shows."""
    views: dict[str, PageView] = {}
    owner_of: dict[str, str | None] = {}
    for summary in result.pages:
        views[summary.path] = _page_view(summary, today)
        owner_of[summary.path] = summary.owner
    translations = _apply_digest(digest, views, owner_of, today) if digest else {}
    for finding in result.findings:
        path = finding.path
        view = views.get(path)
        if view is None:
            view = views[path] = PageView(path, _lang_of_path(path), None, None, listed=False)
            owner_of[path] = finding.owner
        elif owner_of.get(path) is None and finding.owner is not None:
            owner_of[path] = finding.owner
        view.findings.append(finding)
        if not digest and (view.review is None or not view.review.overdue):
            overdue = _review_from_finding(view, finding, today)
            if overdue is not None and overdue.overdue:
                view.review = overdue
    for view in views.values():
        view.findings.sort(key=lambda f: (f.sort_key, -f.severity))
        view.at_b1 = _at_b1(view.readability, view.findings, min_readability)

    known = {d.id: d for d in departments}
    grouped: dict[str, list[PageView]] = {d.id: [] for d in departments}
    for path, view in views.items():
        owner = owner_of.get(path) or NO_DEPARTMENT
        if owner not in known:
            known[owner] = (
                DepartmentInfo(NO_DEPARTMENT, "Zonder afdeling")
                if owner == NO_DEPARTMENT
                else DepartmentInfo(owner, owner)
            )
            grouped[owner] = []
        grouped[owner].append(view)
    titles = {v.path: (v.title, v.lang) for v in views.values()}
    feedback_views = _feedback(feedback, titles) if feedback is not None else {}
    for dep_id in feedback_views:
        if dep_id not in known:
            known[dep_id] = DepartmentInfo(dep_id, dep_id)
            grouped[dep_id] = []
    department_views = []
    for dep_id, pages in grouped.items():
        pages.sort(key=lambda p: p.path)
        missing, stale = translations.get(dep_id, ([], []))
        dep_feedback = feedback_views.get(dep_id, DepartmentFeedback((), (), 0)) if feedback is not None else None
        department_views.append(DepartmentView(known[dep_id], pages, stats(pages), missing, stale, dep_feedback))
    # Departments in statute order; the ones the statute does not know, then pages without one, last.
    order = {d.id: i for i, d in enumerate(departments)}
    department_views.sort(key=lambda d: (d.info.id == NO_DEPARTMENT, order.get(d.info.id, len(order)), d.info.id))
    all_pages = [v for d in department_views for v in d.pages]
    site_stats = stats(all_pages)
    shown = tuple(k for k in Kind if k in MAIN_KINDS or site_stats.by_kind.get(k))
    criteria = sorted(
        {c for f in result.findings if is_violation(f) for c in f.wcag},
        key=lambda c: tuple(int(x) if x.isdigit() else 0 for x in c.split(".")),
    )
    return SiteView(
        departments=department_views,
        stats=site_stats,
        kinds=shown,
        today=today,
        generated=generated,
        sources=tuple(sources),
        min_readability=min_readability,
        browser_audit=any(not isinstance(f.location, SourceSpan) for f in result.findings),
        criteria=tuple(criteria),
        review_dates_known=bool(digest) or any("review_due" in p.metrics for p in result.pages),
        translations_known=bool(digest),
        feedback_known=feedback is not None,
    )


def _stats_record(s: Stats) -> dict[str, Any]:
    return {
        "pages": s.pages,
        "kinds": {k.key: s.by_kind.get(k, 0) for k in Kind},
        "severity": {sev.label: s.by_severity.get(sev, 0) for sev in Severity},
        "b1": {"measured": s.measured, "at_b1": s.at_b1, "mean_readability": s.mean_readability},
        "accessibility": {"violations": s.a11y_violations, "pages": s.a11y_pages, "needs_review": s.a11y_review},
        "reviews": {"overdue": s.overdue, "upcoming": s.upcoming},
    }


def record(view: SiteView, run_id: str) -> dict[str, Any]:
    """The run as a history record: the site's counts and each department's."""
    entry: dict[str, Any] = {
        "at": view.generated.isoformat(timespec="seconds"),
        "date": view.today.isoformat(),
        "run_id": run_id,
    }
    entry.update(_stats_record(view.stats))
    entry["departments"] = {d.info.id: _stats_record(d.stats) for d in view.departments}
    return entry

"""The department digest: per department its pages, reviews due, and translations to do.

One model (`Digest`) with two renderings: JSON for tools (the HTML dashboard
builds on it) and a plain-text e-mail, Dutch at B1 level or plain English.
Both e-mails are templates (`templates/digest.nl.txt`, `digest.en.txt`) fed
by the same `mail_data`, so the languages say the same things.
It uses the same review and translation logic as the checks, so a digest
never disagrees with `webredactie check`.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from linters.core.config import display_path
from linters.core.dates import long_date
from linters.core.engine import page_owner
from linters.core.links import markdown_files
from linters.core.page import LANGUAGES, Page, read_page
from linters.core.statute import Department, Statute
from linters.core.templates import render
from linters.ownership.codeowners import WEB_TEAM
from linters.ownership.history import History, load_history
from linters.ownership.reviews import UPCOMING_DAYS, ReviewState, review_status
from linters.ownership.translations import staleness

SCHEMA_VERSION = 1
_SKIPPED = {".git", "node_modules", "__pycache__"}


@dataclass(frozen=True)
class PageEntry:
    """One page as the digest shows it."""

    path: str
    lang: str
    rel_path: str
    title: str
    reviewed: date | None = None
    due: date | None = None
    cycle_months: int | None = None
    cycle_source: str | None = None
    state: str = "no-review-date"
    days: int | None = None

    @property
    def overdue(self) -> bool:
        """Past its review date."""
        return self.state in (ReviewState.OVERDUE.value, ReviewState.LONG_OVERDUE.value)

    @property
    def long_overdue(self) -> bool:
        """More than twice the review cycle past its review date."""
        return self.state == ReviewState.LONG_OVERDUE.value

    @property
    def in_future(self) -> bool:
        """The review date lies in the future."""
        return self.state == "future"

    def to_json(self) -> dict[str, Any]:
        """The entry with dates as ISO text."""
        return {
            "path": self.path,
            "lang": self.lang,
            "rel_path": self.rel_path,
            "title": self.title,
            "reviewed": self.reviewed.isoformat() if self.reviewed else None,
            "due": self.due.isoformat() if self.due else None,
            "cycle_months": self.cycle_months,
            "cycle_source": self.cycle_source,
            "state": self.state,
            "days": self.days,
        }


@dataclass(frozen=True)
class MissingTranslation:
    """A Dutch page in a section that must exist in English, without its English version."""

    path: str
    title: str
    expected: str


@dataclass(frozen=True)
class StaleTranslation:
    """An English page whose Dutch original changed after it."""

    path: str
    title: str
    original: str
    original_changed: date
    translation_changed: date
    basis: str

    @property
    def from_git(self) -> bool:
        """The dates are when git saw the pages change, not their review dates."""
        return self.basis == "git"


@dataclass
class DepartmentDigest:
    """Everything one department needs to know about its pages."""

    department: Department
    sections: list[dict[str, Any]] = field(default_factory=list)
    pages: list[PageEntry] = field(default_factory=list)
    missing_translations: list[MissingTranslation] = field(default_factory=list)
    stale_translations: list[StaleTranslation] = field(default_factory=list)
    # English pages whose Dutch original is gone (often renamed): the language switch leads nowhere.
    orphans: list[PageEntry] = field(default_factory=list)
    unowned: list[PageEntry] = field(default_factory=list)

    def with_state(self, *states: str) -> list[PageEntry]:
        """The pages in one of these review states, most urgent first."""
        return sorted((p for p in self.pages if p.state in states), key=lambda p: (p.due or date.min, p.path))

    @property
    def overdue(self) -> list[PageEntry]:
        """Pages past their review date."""
        return self.with_state(ReviewState.OVERDUE.value, ReviewState.LONG_OVERDUE.value)

    @property
    def upcoming(self) -> list[PageEntry]:
        """Pages due within the upcoming window."""
        return self.with_state(ReviewState.UPCOMING.value)

    @property
    def date_problems(self) -> list[PageEntry]:
        """Pages whose review date is missing, invalid or in the future."""
        return sorted((p for p in self.pages if p.state in ("no-review-date", "future")), key=lambda p: p.path)

    def to_json(self) -> dict[str, Any]:
        """The department's part of the digest JSON."""
        d = self.department
        return {
            "id": d.id,
            "name": d.name,
            "contact": d.contact,
            "feedback": d.feedback_address,
            "head": d.head,
            "reviewers": list(d.reviewers),
            "sections": self.sections,
            "summary": {
                "pages": len(self.pages),
                "nl": sum(1 for p in self.pages if p.lang == "nl"),
                "en": sum(1 for p in self.pages if p.lang == "en"),
                "overdue": len(self.overdue),
                "long_overdue": sum(1 for p in self.pages if p.state == ReviewState.LONG_OVERDUE.value),
                "upcoming": len(self.upcoming),
                "review_date_problems": len(self.date_problems),
                "missing_translations": len(self.missing_translations),
                "stale_translations": len(self.stale_translations),
                "orphans": len(self.orphans),
                "unowned": len(self.unowned),
            },
            "pages": [p.to_json() for p in sorted(self.pages, key=lambda p: p.path)],
            "overdue": [p.to_json() for p in self.overdue],
            "upcoming": [p.to_json() for p in self.upcoming],
            "review_date_problems": [p.to_json() for p in self.date_problems],
            "missing_translations": [vars(m) for m in self.missing_translations],
            "stale_translations": [
                {
                    "path": s.path,
                    "title": s.title,
                    "original": s.original,
                    "original_changed": s.original_changed.isoformat(),
                    "translation_changed": s.translation_changed.isoformat(),
                    "basis": s.basis,
                }
                for s in self.stale_translations
            ],
            "orphans": [p.to_json() for p in self.orphans],
            "unowned": [p.to_json() for p in self.unowned],
        }


@dataclass
class Digest:
    """The digest of every department on one day."""

    statute: Statute
    today: date
    upcoming_days: int
    departments: list[DepartmentDigest]
    # Why some translations could not be dated from git (said once).
    limitation: str | None = None
    limitation_en: str | None = None

    def to_json(self) -> str:
        """The whole digest as one JSON document."""
        document = {
            "version": SCHEMA_VERSION,
            "tool": "webredactie",
            "date": self.today.isoformat(),
            "statute": self.statute.file,
            "upcoming_days": self.upcoming_days,
            "translation_history_limitation": self.limitation,
            "departments": [d.to_json() for d in self.departments],
        }
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _site_pages(content_root: Path) -> Iterator[Page]:
    for lang in LANGUAGES:
        folder = content_root / lang
        if not folder.is_dir():
            continue
        for path in markdown_files(folder, content_root.parent, frozenset(_SKIPPED)):
            yield read_page(path, content_root, display_path(path))


def _entry(page: Page, statute: Statute, today: date, upcoming_days: int) -> PageEntry:
    assert page.rel_path is not None
    title = page.meta("title")
    base = PageEntry(page.display, page.lang, page.rel_path, title if isinstance(title, str) else page.rel_path)
    status = review_status(page, statute, today, upcoming_days)
    if status is None:
        reviewed = page.meta("reviewed")
        if isinstance(reviewed, date):
            return PageEntry(base.path, base.lang, base.rel_path, base.title, reviewed, state="future")
        return base
    return PageEntry(
        base.path,
        base.lang,
        base.rel_path,
        base.title,
        status.reviewed,
        status.due,
        status.cycle.months,
        status.cycle.source_nl,
        status.state.value,
        status.days,
    )


def build_digest(
    statute: Statute,
    content_root: Path,
    today: date,
    *,
    upcoming_days: int = UPCOMING_DAYS,
    departments: Sequence[str] = (),
    history: History | None = None,
) -> Digest:
    """Read every page once and sort what each department must do."""
    pages = [p for p in _site_pages(content_root) if p.rel_path is not None]
    by_key = {(p.lang, p.rel_path): p for p in pages}
    wanted = list(departments) or list(statute.departments)
    digests = {d: DepartmentDigest(statute.departments[d]) for d in wanted}
    for owned in statute.sections:
        if owned.owner in digests:
            digests[owned.owner].sections.append(
                {
                    "path": owned.path,
                    "review_cycle_months": statute.review_cycle_months(owned.path),
                    "english_required": owned.english_required,
                }
            )
    pairs = [p for p in pages if p.lang == "en" and ("nl", p.rel_path) in by_key]
    if history is None:
        history = load_history(content_root) if pairs else History()
    unknown_history = False
    for page in pages:
        assert page.rel_path is not None
        owner = page_owner(page, statute)
        entry = _entry(page, statute, today, upcoming_days)
        if owner is None:
            if WEB_TEAM in digests:
                digests[WEB_TEAM].unowned.append(entry)
            continue
        mine = digests.get(owner)
        if mine is None:
            continue
        mine.pages.append(entry)
        section = statute.section_for(page.rel_path)
        required = section is not None and section.english_required
        if page.lang == "nl" and required and ("en", page.rel_path) not in by_key:
            mine.missing_translations.append(
                MissingTranslation(entry.path, entry.title, display_path(content_root / "en" / page.rel_path))
            )
        original = by_key.get(("nl", page.rel_path))
        if page.lang == "en" and original is None:
            mine.orphans.append(entry)
        if page.lang == "en" and original is not None and page.front_matter is not None:
            dutch = original.front_matter.data if original.front_matter else None
            result = staleness(page.rel_path, page.front_matter.data, dutch, history)
            if result.basis != "git":
                unknown_history = True
            if result.stale and result.original_changed and result.translation_changed:
                mine.stale_translations.append(
                    StaleTranslation(
                        entry.path,
                        entry.title,
                        original.display,
                        result.original_changed,
                        result.translation_changed,
                        result.basis,
                    )
                )
    limitation = history.limitation if unknown_history else None
    return Digest(
        statute,
        today,
        upcoming_days,
        list(digests.values()),
        limitation.nl if limitation else None,
        limitation.en if limitation else None,
    )


def mail_data(digest: Digest, d: DepartmentDigest, lang: str) -> dict[str, Any]:
    """What the e-mail templates show, the same for every language; the words are in the templates."""
    web = digest.statute.departments.get(WEB_TEAM)
    translations = bool(d.missing_translations or d.stale_translations or d.orphans)
    dutch = sum(1 for p in d.pages if p.lang == "nl")
    limitation = digest.limitation_en if lang == "en" else digest.limitation
    return {
        "d": d,
        "department": d.department,
        "site": digest.statute.website.removeprefix("https://").removeprefix("http://"),
        "web_mail": web.contact if web else None,
        "today": digest.today,
        "when": functools.partial(long_date, lang=lang),
        "upcoming_days": digest.upcoming_days,
        "dutch": dutch,
        "english": len(d.pages) - dutch,
        "translations": translations,
        "todo": bool(d.overdue or d.upcoming or d.date_problems or translations or d.unowned),
        # Said where it matters: the department has translations whose dates were guessed.
        "limitation": limitation if (d.stale_translations or any(p.lang == "en" for p in d.pages)) else None,
        "all_pages": sorted(d.pages, key=lambda p: p.path),
    }


def render_text(digest: Digest, department: DepartmentDigest, lang: str = "nl") -> str:
    """One department's digest as a plain-text e-mail (digest.nl.txt or digest.en.txt)."""
    name = "digest.en.txt" if lang == "en" else "digest.nl.txt"
    return render("linters.ownership", name, **mail_data(digest, department, lang))


def render_all_text(digest: Digest, lang: str = "nl") -> str:
    """Every department's e-mail, one after the other, separated by a line."""
    separator = "\n" + "=" * 72 + "\n\n"
    return separator.join(render_text(digest, d, lang) for d in digest.departments)

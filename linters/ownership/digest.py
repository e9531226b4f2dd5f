"""The department digest: per department its pages, reviews due, and translations to do.

One model (`Digest`) with two renderings: JSON for tools (the HTML dashboard
builds on it) and plain Dutch text at B1 level that can be sent as an e-mail.
It uses the same review and translation logic as the checks, so a digest
never disagrees with `webredactie check`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from linters.core.config import display_path
from linters.core.dates import dutch_date, english_date
from linters.core.engine import page_owner
from linters.core.page import LANGUAGES, Page, read_page
from linters.core.statute import Department, Statute
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
        for root, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if d not in _SKIPPED and not d.startswith("."))
            for name in sorted(files):
                if name.endswith(".md"):
                    path = Path(root) / name
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


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _pages(n: int) -> str:
    return _count(n, "pagina", "pagina's")


def _text_nl(digest: Digest, d: DepartmentDigest) -> str:
    dep = d.department
    web = digest.statute.departments.get(WEB_TEAM)
    web_mail = web.contact if web and web.contact else "de webredactie"
    site = digest.statute.website.removeprefix("https://").removeprefix("http://") or "de website"
    overdue, upcoming, problems = d.overdue, d.upcoming, d.date_problems
    nl = sum(1 for p in d.pages if p.lang == "nl")
    lines = [
        f"Aan: {dep.contact or dep.name}",
        f"Onderwerp: Uw pagina's op {site}: overzicht van {dutch_date(digest.today)}",
        "",
        f"Beste collega's van {dep.name},",
        "",
    ]
    if not d.pages and not d.unowned:
        lines += [
            f"Uw afdeling heeft nu geen pagina's op {site}. U hoeft niets te doen.",
            "",
            f"Vragen? Mail de webredactie: {web_mail}.",
        ]
        return "\n".join(lines) + "\n"
    lines += [
        f"Dit is het overzicht van de pagina's van uw afdeling op {site}.",
        f"U beheert {_pages(len(d.pages))}: {nl} in het Nederlands en {len(d.pages) - nl} in het Engels.",
        "",
    ]
    translations = d.missing_translations or d.stale_translations or d.orphans
    todo = overdue or upcoming or problems or translations or d.unowned
    if not todo:
        lines += ["Alles is in orde. U hoeft nu niets te doen.", ""]
    if overdue:
        lines.append(f"Te laat voor controle: {_pages(len(overdue))}")
        for p in overdue:
            assert p.reviewed and p.due
            extra = " Dat is meer dan twee keer de termijn." if p.state == ReviewState.LONG_OVERDUE.value else ""
            lines += [
                f"- {p.title}",
                f"  {p.path}",
                f"  Laatste controle: {dutch_date(p.reviewed)}. Uiterlijk: {dutch_date(p.due)}. "
                f"Nu {p.days} dagen te laat.{extra}",
            ]
        lines.append("")
    if upcoming:
        lines.append(f"Binnenkort controleren (binnen {digest.upcoming_days} dagen): {_pages(len(upcoming))}")
        for p in upcoming:
            assert p.due and p.days is not None
            lines += [f"- {p.title}", f"  {p.path}", f"  Uiterlijk: {dutch_date(p.due)}. Nog {-p.days} dagen."]
        lines.append("")
    if problems:
        lines.append(f"Controledatum ontbreekt of klopt niet: {_pages(len(problems))}")
        for p in problems:
            why = "De datum ligt in de toekomst." if p.state == "future" else "Bij 'reviewed' staat geen goede datum."
            lines += [f"- {p.title}", f"  {p.path}", f"  {why}"]
        lines.append("")
    if d.missing_translations:
        lines.append(f"Engelse vertaling ontbreekt: {_pages(len(d.missing_translations))}")
        for m in d.missing_translations:
            lines += [f"- {m.title}", f"  {m.path}", f"  Maak de Engelse pagina: {m.expected}"]
        lines.append("")
    if d.stale_translations:
        lines.append(f"Engelse vertaling loopt achter: {_pages(len(d.stale_translations))}")
        for s in d.stale_translations:
            lines += [
                f"- {s.title}",
                f"  {s.path}",
                f"  De Nederlandse pagina is {'veranderd' if s.basis == 'git' else 'gecontroleerd'} op "
                f"{dutch_date(s.original_changed)}. De vertaling is "
                f"{'bijgewerkt' if s.basis == 'git' else 'gecontroleerd'} op {dutch_date(s.translation_changed)}.",
            ]
        lines.append("")
    if d.orphans:
        lines.append(f"Engelse pagina zonder Nederlandse pagina: {_pages(len(d.orphans))}")
        for p in d.orphans:
            lines += [
                f"- {p.title}",
                f"  {p.path}",
                "  Geef de pagina hetzelfde pad als de Nederlandse pagina, of verwijder haar.",
            ]
        lines.append("")
    if d.unowned:
        lines.append(f"Pagina's zonder eigenaar: {_pages(len(d.unowned))}")
        lines += [f"- {p.path}" for p in d.unowned]
        lines += ["  Zoek uit welke afdeling deze pagina's beheert, en zet die bij 'owner'.", ""]
    if todo:
        lines += [
            "Wat moet u doen?",
            "1. Lees elke pagina na die te laat is of binnenkort aan de beurt is.",
            "2. Klopt alles? Zet dan bij 'reviewed' de datum van vandaag.",
            f"   Klopt er iets niet? Pas de tekst aan, of mail de webredactie: {web_mail}.",
        ]
        if translations:
            lines.append("3. Maak of verbeter de Engelse pagina's die hierboven staan.")
        lines.append("")
    if digest.limitation and (d.stale_translations or any(p.lang == "en" for p in d.pages)):
        lines += [
            "Let op: niet bij elke vertaling is bekend wanneer die is veranderd "
            f"({digest.limitation}). Daarom zijn daar de datums bij 'reviewed' vergeleken.",
            "",
        ]
    if d.pages:
        lines.append("Alle pagina's van uw afdeling:")
        for p in sorted(d.pages, key=lambda p: p.path):
            if p.due is None:
                when = "geen goede controledatum"
            elif p.state in (ReviewState.OVERDUE.value, ReviewState.LONG_OVERDUE.value):
                when = f"controle was uiterlijk {dutch_date(p.due)} (te laat)"
            else:
                when = f"volgende controle uiterlijk {dutch_date(p.due)}"
            lines.append(f"- {p.path} ({p.title}): {when}")
        lines.append("")
    lines.append(f"Vragen? Mail de webredactie: {web_mail}.")
    return "\n".join(lines) + "\n"


def _text_en(digest: Digest, d: DepartmentDigest) -> str:
    dep = d.department
    web = digest.statute.departments.get(WEB_TEAM)
    web_mail = web.contact if web and web.contact else "the web team"
    site = digest.statute.website.removeprefix("https://").removeprefix("http://") or "the website"
    lines = [
        f"To: {dep.contact or dep.name}",
        f"Subject: Your pages on {site}: overview of {english_date(digest.today)}",
        "",
        f"Dear colleagues of {dep.name},",
        "",
        f"You own {_count(len(d.pages), 'page', 'pages')}.",
        "",
    ]
    for title, entries in (("Overdue for review", d.overdue), ("Due for review soon", d.upcoming)):
        if entries:
            lines.append(f"{title}: {len(entries)}")
            for p in entries:
                assert p.due
                lines.append(f"- {p.path} ({p.title}): due {english_date(p.due)}")
            lines.append("")
    if d.date_problems:
        lines.append(f"Missing or wrong review date: {len(d.date_problems)}")
        lines += [f"- {p.path} ({p.title})" for p in d.date_problems]
        lines.append("")
    if d.missing_translations:
        lines.append(f"English version missing: {len(d.missing_translations)}")
        lines += [f"- {m.path}: create {m.expected}" for m in d.missing_translations]
        lines.append("")
    if d.stale_translations:
        lines.append(f"English version out of date: {len(d.stale_translations)}")
        lines += [
            f"- {s.path}: Dutch changed {english_date(s.original_changed)}, "
            f"English last updated {english_date(s.translation_changed)}"
            for s in d.stale_translations
        ]
        lines.append("")
    if d.orphans:
        lines.append(f"English pages without a Dutch original: {len(d.orphans)}")
        lines += [f"- {p.path}" for p in d.orphans]
        lines.append("")
    if d.unowned:
        lines.append(f"Pages without an owner: {len(d.unowned)}")
        lines += [f"- {p.path}" for p in d.unowned]
        lines.append("")
    if digest.limitation_en:
        lines += [f"Note: {digest.limitation_en}; front-matter dates were compared instead.", ""]
    lines.append(f"Questions? Mail the web team: {web_mail}.")
    return "\n".join(lines) + "\n"


def render_text(digest: Digest, department: DepartmentDigest, lang: str = "nl") -> str:
    """One department's digest as a plain-text e-mail."""
    return _text_en(digest, department) if lang == "en" else _text_nl(digest, department)


def render_all_text(digest: Digest, lang: str = "nl") -> str:
    """Every department's e-mail, one after the other, separated by a line."""
    separator = "\n" + "=" * 72 + "\n\n"
    return separator.join(render_text(digest, d, lang) for d in digest.departments)

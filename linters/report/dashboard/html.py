"""The dashboard as HTML pages: an overview and a page (or a few) per department.

Written for a department head on a phone or on paper: Dutch at B1 level,
one main heading per page, tables with headers and captions, a skip link,
no script, and all style inline in the page (nothing from another server).
Pure: the same view and history give the same files.

The words and the markup are templates in `linters/report/templates/`
(`dashboard/*.html`, the style sheet `dashboard.css`); this module prepares
what they show: numbers, charts, findings per row, and the split of a large
department over parts.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

from linters.core.dates import dutch_date
from linters.core.finding import Finding, Severity, SourceSpan
from linters.core.rules import doc_anchor
from linters.core.templates import Markup, resource_text
from linters.core.templates import render as render_template
from linters.report.dashboard import charts, svg
from linters.report.dashboard.charts import num, when
from linters.report.dashboard.kinds import Kind, kind_of
from linters.report.dashboard.model import NO_DEPARTMENT, DepartmentView, PageView, ReviewItem, SiteView

INDEX = "index.html"
# The largest file must stay well under 2 MB; a department's findings are split over parts.
PART_BUDGET = 1_200_000
# A single page with more findings than this shows the first ones and says how many more.
MAX_ROWS_PER_PAGE = 300

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.SUGGESTION)


@dataclass(frozen=True)
class Options:
    """How links to rule documentation are made (absolute base, or none)."""

    docs_base: str | None = None


def percent(share: float | None) -> str:
    """68% (rounded), or a dash when unknown."""
    return "–" if share is None else f"{round(share * 100)}%"


def department_file(dep_id: str, part: int = 1) -> str:
    """The file name of a department's page (part 1) or a later part."""
    return f"afdeling-{dep_id}.html" if part == 1 else f"afdeling-{dep_id}-deel-{part}.html"


def page_anchor(path: str) -> str:
    """A stable id for a page's section."""
    return "p-" + re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-")


def title_of(page: PageView | ReviewItem) -> str:
    """The page's title, else its file or folder name (never empty: it becomes a heading)."""
    return page.title or page.path.rstrip("/").rsplit("/", 1)[-1] or page.path


@cache
def _css() -> Markup:
    # The style sheet is the project's own file, inlined as it is.
    return Markup(resource_text("linters.report", "dashboard.css"))


def _swatch(index: int) -> Markup:
    return Markup(svg.swatch(index))


# What every dashboard template may call; the words stay in the templates.
HELPERS: dict[str, Any] = {
    "num": num,
    "percent": percent,
    "when": when,
    "long_date": dutch_date,
    "department_file": department_file,
    "title_of": title_of,
    "swatch": _swatch,
    "severities": SEVERITIES,
    "severity_words": {s: (s.word("nl"), s.word("nl", 2)) for s in Severity},
}


def _render(name: str, **data: Any) -> str:
    return render_template("linters.report", f"dashboard/{name}", **HELPERS, **data)


# --- the overview -------------------------------------------------------------


def render_index(view: SiteView, records: Sequence[Mapping[str, Any]], notice: str | None) -> str:
    """The overview page."""
    return _render(
        "index.html",
        css=_css(),
        view=view,
        notice=notice,
        kind_head=[(k.label, True) for k in view.kinds],
        trends=charts.trends(view, records),
    )


# --- a department ---------------------------------------------------------------


class FindingRow(NamedTuple):
    """One finding as a row of a page's table, flat: a large dashboard has tens of thousands."""

    severity: str
    severity_word: str
    needs_review: bool
    kind: str
    code: str
    name: str
    href: str | None
    wcag: str
    message: str
    context: str
    replacements: str
    in_source: bool
    line: int = 0
    column: int = 0
    source_line: int | None = None
    url: str = ""
    selector: str = ""
    snippet: str = ""


def _row(finding: Finding, page: PageView, options: Options) -> FindingRow:
    loc = finding.location
    href = None
    if finding.doc_url.startswith(("https://", "http://")):
        href = finding.doc_url  # axe-core's rules are explained on axe's own pages
    elif options.docs_base:
        href = f"{options.docs_base.rstrip('#')}#{doc_anchor(finding.code, finding.name)}"
    in_source = isinstance(loc, SourceSpan)
    # A message about an English page quotes English, so it is shown in English as a
    # whole: a Dutch sentence full of English quotes reads as neither.
    lang = "en" if in_source and page.lang == "en" else "nl"
    common = (
        finding.severity.label,
        finding.severity.word("nl"),
        finding.needs_review,
        kind_of(finding).label,
        finding.code,
        finding.name,
        href,
        ", ".join(finding.wcag),
        finding.message.get(lang),
        finding.context,
        ", ".join(finding.replacements),
        in_source,
    )
    if isinstance(loc, SourceSpan):
        return FindingRow(*common, line=loc.line, column=loc.column)
    return FindingRow(
        *common,
        source_line=loc.source.line if loc.source is not None else None,
        url=loc.url,
        selector=loc.selector,
        snippet=loc.snippet[:300],
    )


def page_section(page: PageView, anchor: str, options: Options) -> str:
    """One page's findings as a section with a table."""
    shown = page.findings[:MAX_ROWS_PER_PAGE]
    return _render(
        "section.html",
        page=page,
        anchor=anchor,
        rows=[_row(f, page, options) for f in shown],
        hidden=len(page.findings) - len(shown),
    )


def _todo(dep: DepartmentView, translations_known: bool) -> dict[str, int]:
    """How much of each kind of work the department has: the steps of 'Wat moet u doen?'."""
    s = dep.stats
    translations = (
        len(dep.missing_translations) + len(dep.stale_translations)
        if translations_known
        else s.by_kind.get(Kind.VERTALINGEN, 0)
    )
    # Accessibility findings from the source (not the browser) count with the violations.
    other_a11y = s.by_kind.get(Kind.TOEGANKELIJKHEID, 0) - s.a11y_violations - s.a11y_review
    todo = {
        "errors": s.by_severity.get(Severity.ERROR, 0),
        "overdue": s.overdue,
        "translations": translations,
        "accessibility": s.a11y_violations + other_a11y if (s.a11y_violations or other_a11y) else 0,
        "review": s.a11y_review,
        "language": s.by_kind.get(Kind.TAAL, 0),
        "feedback": dep.feedback.open if dep.feedback is not None else 0,
    }
    return {**todo, "nothing": not any(todo.values())}


# At most this many pages of a department list their hardest sentences (the JSON report has all).
HARD_PAGES = 10


def _summary(
    dep: DepartmentView,
    view: SiteView,
    shown: Sequence[Mapping[str, Any]],
    where: Mapping[str, str],
    tally: Counter[tuple[Kind, Severity]],
) -> str:
    page_rows = []
    for page in dep.pages:
        counts = Counter(f.severity for f in page.findings)
        page_rows.append((page, title_of(page), where.get(page.path), [counts[sev] for sev in SEVERITIES]))
    return _render(
        "summary.html",
        dep=dep,
        view=view,
        todo=_todo(dep, view.translations_known),
        no_department=dep.info.id == NO_DEPARTMENT,
        by_kind=[(kind, [tally[(kind, sev)] for sev in SEVERITIES]) for kind in view.kinds],
        translation_findings=[] if view.translations_known else dep.of_kind(Kind.VERTALINGEN),
        chart=charts.chart_data(
            f"grafiek-{dep.info.id}",
            f"Meldingen van {dep.info.name} per soort",
            charts.kind_series(shown, view.kinds, "departments", dep.info.id),
            shown,
        ),
        page_rows=page_rows,
        hard_pages=HARD_PAGES,
    )


def render_department(
    dep: DepartmentView,
    view: SiteView,
    records: Sequence[Mapping[str, Any]],
    options: Options,
) -> dict[str, str]:
    """A department's files: the main page and, for many findings, further parts."""
    sections: list[tuple[str, str, str]] = []
    used: set[str] = set()
    for page in dep.pages:
        if not page.findings:
            continue
        anchor = base = page_anchor(page.path)
        counter = 2
        while anchor in used:
            anchor, counter = f"{base}-{counter}", counter + 1
        used.add(anchor)
        sections.append((page.path, anchor, page_section(page, anchor, options)))
    shown = records[-charts.CHART_RUNS :]

    # Split the sections into parts under the budget. The first part also carries the
    # summary, measured with links as long as the real ones, plus room for the page frame.
    longest = {path: f"{department_file(dep.info.id, 99)}#{anchor}" for path, anchor, _ in sections}
    parts: list[list[str]] = [[]]
    tally = Counter((kind_of(f), f.severity) for p in dep.pages for f in p.findings)
    sizes = [len(_summary(dep, view, shown, longest, tally).encode("utf-8")) + 20_000]
    where: dict[str, str] = {}
    for path, anchor, html_section in sections:
        size = len(html_section.encode("utf-8"))
        if parts[-1] and sizes[-1] + size > PART_BUDGET:
            parts.append([])
            sizes.append(10_000)
        parts[-1].append(html_section)
        sizes[-1] += size
        where[path] = f"{department_file(dep.info.id, len(parts))}#{anchor}"
    summary = Markup(_summary(dep, view, shown, where, tally))
    files: dict[str, str] = {}
    for number, part_sections in enumerate(parts, start=1):
        files[department_file(dep.info.id, number)] = _render(
            "department.html",
            css=_css(),
            view=view,
            dep=dep,
            summary=summary,
            part=number,
            parts=len(parts),
            sections=[Markup(section) for section in part_sections],
        )
    return files


def render(
    view: SiteView,
    records: Sequence[Mapping[str, Any]],
    *,
    notice: str | None = None,
    options: Options | None = None,
) -> dict[str, str]:
    """Every file of the dashboard by name: `index.html` and the department pages."""
    options = options or Options()
    files: dict[str, str] = {}
    for dep in view.departments:
        files.update(render_department(dep, view, records, options))
    files[INDEX] = render_index(view, records, notice)
    return files

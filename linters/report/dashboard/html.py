"""The dashboard as HTML pages: an overview and a page (or a few) per department.

Written for a department head on a phone or on paper: Dutch at B1 level,
one main heading per page, tables with headers and captions, a skip link,
no script, and all style inline in the page (nothing from another server).
Pure: the same view and history give the same files.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from html import escape
from typing import Any

from linters.core.dates import MONTHS, dutch_date
from linters.core.finding import Finding, Severity, SourceSpan
from linters.report.dashboard import svg
from linters.report.dashboard.kinds import Kind, kind_of
from linters.report.dashboard.model import NO_DEPARTMENT, DepartmentView, PageView, ReviewItem, SiteView

INDEX = "index.html"
# The largest file must stay well under 2 MB; a department's findings are split over parts.
PART_BUDGET = 1_200_000
# A single page with more findings than this shows the first ones and says how many more.
MAX_ROWS_PER_PAGE = 300
# Charts show this many of the latest runs; the history file keeps them all.
CHART_RUNS = 60

PAGES = "pagina's"
SEVERITY_NL = {Severity.ERROR: "fout", Severity.WARNING: "waarschuwing", Severity.SUGGESTION: "suggestie"}
SEVERITY_PLURAL = {Severity.ERROR: "Fouten", Severity.WARNING: "Waarschuwingen", Severity.SUGGESTION: "Suggesties"}

CSS = """
:root{--text:#1a1a1a;--muted:#4a4a4a;--link:#0b4f9c;--line:#c4c4c4;--soft:#f3f5f7;--accent:#1d4f91}
*{box-sizing:border-box}
html{font-size:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--text);
background:#fff;line-height:1.5}
a{color:var(--link)}
a:focus-visible,summary:focus-visible,[tabindex]:focus-visible{outline:3px solid #b35c00;outline-offset:2px}
.skip-link{position:absolute;left:0.5rem;top:-4rem;background:#fff;padding:0.5rem 1rem;border:2px solid var(--accent);
z-index:10}
.skip-link:focus{top:0.5rem}
header.top{background:var(--accent);color:#fff;padding:0.75rem 1rem}
header.top a{color:#fff}
header.top p{margin:0;font-weight:600}
.wrap{max-width:72rem;margin:0 auto;padding:0 1rem 2rem}
nav.crumbs ol{list-style:none;padding:0;margin:1rem 0 0;display:flex;flex-wrap:wrap;gap:0.25rem}
nav.crumbs li+li::before{content:"/";margin-right:0.25rem;color:var(--muted)}
h1{font-size:1.75rem;line-height:1.25;margin:1.25rem 0 0.5rem}
h2{font-size:1.35rem;margin:2rem 0 0.5rem;border-bottom:2px solid var(--line);padding-bottom:0.25rem}
h3{font-size:1.1rem;margin:1.5rem 0 0.25rem}
.lead{font-size:1.1rem;max-width:45rem}
.muted{color:var(--muted)}
.notice{border-left:6px solid #b35c00;background:#fff4e5;padding:0.75rem 1rem;margin:1rem 0}
ul.cards{list-style:none;padding:0;margin:0;display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr))}
ul.cards>li{border:1px solid var(--line);border-radius:6px;padding:0.75rem 1rem;background:var(--soft)}
ul.cards h3{margin-top:0}
.big{font-size:2rem;font-weight:700;margin:0}
.table-wrap{overflow-x:auto;margin:0.5rem 0 1rem}
table{border-collapse:collapse;width:100%;font-size:0.95rem}
caption{text-align:left;font-weight:600;padding:0.25rem 0}
th,td{border:1px solid var(--line);padding:0.35rem 0.5rem;text-align:left;vertical-align:top}
thead th{background:var(--soft)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
tfoot th,tfoot td{font-weight:700}
.sev{display:inline-block;padding:0 0.4rem;border-radius:3px;font-size:0.85rem;font-weight:600;white-space:nowrap}
.sev-error{background:#a3262a;color:#fff}
.sev-warning{background:#ffe08a;color:#1a1a1a;border:1px solid #7a5c00}
.sev-suggestion{background:#e6eef8;color:#1a1a1a;border:1px solid #1d4f91}
.review{display:inline-block;font-size:0.85rem;border:1px solid #555;padding:0 0.3rem;border-radius:3px}
.rule{white-space:nowrap;font-size:0.9rem}
.path{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:0.9rem;word-break:break-all}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:0.85rem;word-break:break-word}
figure{margin:1rem 0}
figcaption{font-weight:600}
svg.chart{width:100%;max-width:44rem;height:auto;display:block}
ul.legend{list-style:none;padding:0;margin:0.25rem 0;display:flex;flex-wrap:wrap;gap:0.25rem 1rem}
ul.legend svg{vertical-align:middle;margin-right:0.35rem}
.multiples{display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr))}
.multiples svg.chart{max-width:100%}
details{margin:0.25rem 0 1rem}
summary{cursor:pointer;color:var(--link);text-decoration:underline}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:0.25rem 1rem}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
nav.parts ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:0.5rem}
nav.parts a[aria-current]{font-weight:700;text-decoration:none;color:var(--text)}
section.page{border-top:1px solid var(--line);margin-top:1.5rem}
footer{border-top:1px solid var(--line);margin-top:2rem;padding:1rem;color:var(--muted);font-size:0.9rem}
@media (max-width:40rem){h1{font-size:1.45rem}.big{font-size:1.6rem}dl.facts{grid-template-columns:1fr}}
@media print{header.top,.skip-link,nav{display:none}body{font-size:11pt}a{color:var(--text)}
section.page{break-inside:avoid-page}h2,h3{break-after:avoid}.table-wrap{overflow:visible}
thead{display:table-header-group}tr{break-inside:avoid}}
"""


@dataclass(frozen=True)
class Options:
    """How links to rule documentation are made (absolute base, or none)."""

    docs_base: str | None = None


def e(value: object) -> str:
    """Escape text for HTML."""
    return escape(str(value), quote=True)


def short_date(value: str) -> str:
    """22 nov. from an ISO date, for chart axes."""
    try:
        parsed = date.fromisoformat(value[:10])
    except ValueError:
        return value
    return f"{parsed.day} {MONTHS['nl'][parsed.month - 1][:3]}"


def when(value: str) -> str:
    """A record's time for tables: 22 november 2026, 21:40."""
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return value
    return f"{dutch_date(parsed.date())}, {parsed:%H:%M}"


def num(value: float | int) -> str:
    """A number written the Dutch way: 2.000 and 61,5."""
    if isinstance(value, int) or float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,.1f}".replace(",", "_").replace(".", ",").replace("_", ".")


def percent(share: float | None) -> str:
    """68% (rounded), or a dash when unknown."""
    return "–" if share is None else f"{round(share * 100)}%"


def plural(count: int, one: str, many: str) -> str:
    """`1 pagina`, `3 pagina's`."""
    return f"{num(count)} {one if count == 1 else many}"


def department_file(dep_id: str, part: int = 1) -> str:
    """The file name of a department's page (part 1) or a later part."""
    return f"afdeling-{dep_id}.html" if part == 1 else f"afdeling-{dep_id}-deel-{part}.html"


def page_anchor(path: str) -> str:
    """A stable id for a page's section."""
    return "p-" + re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-")


def _lang(view_lang: str) -> str:
    return ' lang="en"' if view_lang == "en" else ""


def _title(page: PageView | ReviewItem) -> str:
    """The page's title, else its file or folder name (never empty: it becomes a heading)."""
    return page.title or page.path.rstrip("/").rsplit("/", 1)[-1] or page.path


def _page_name(page: PageView | ReviewItem) -> str:
    return f"<span{_lang(page.lang)}>{e(_title(page))}</span>"


def _table(caption: str, head: Sequence[tuple[str, bool]], rows: Sequence[str], table_id: str, foot: str = "") -> str:
    """A table in a scrollable, keyboard-reachable box (small screens)."""
    header = "".join(f'<th scope="col"{" class=num" if is_num else ""}>{e(h)}</th>' for h, is_num in head)
    foot_html = f"<tfoot>{foot}</tfoot>" if foot else ""
    return (
        f'<div class="table-wrap" role="region" aria-labelledby="{table_id}" tabindex="0">'
        f'<table><caption id="{table_id}">{e(caption)}</caption><thead><tr>{header}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody>{foot_html}</table></div>"
    )


def _document(title: str, body: str, view: SiteView, crumbs: Sequence[tuple[str, str | None]] = ()) -> str:
    crumb_html = ""
    if crumbs:
        items = "".join(
            f'<li><a href="{e(href)}">{e(label)}</a></li>' if href else f'<li aria-current="page">{e(label)}</li>'
            for label, href in crumbs
        )
        crumb_html = f'<nav class="crumbs" aria-label="Kruimelpad"><ol>{items}</ol></nav>'
    sources = ", ".join(view.sources) if view.sources else "deze controle"
    made = f"{dutch_date(view.generated.date())} om {view.generated:%H:%M}"
    return (
        '<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{e(title)} - Dashboard webredactie Diemen</title>\n"
        f"<style>{CSS}</style>\n</head>\n<body>\n"
        '<a class="skip-link" href="#inhoud">Direct naar de inhoud</a>\n'
        '<header class="top"><p><a href="index.html">Dashboard webredactie</a> · Gemeente Diemen</p></header>\n'
        f'<div class="wrap">{crumb_html}\n<main id="inhoud" tabindex="-1">\n{body}\n</main></div>\n'
        f"<footer><p>Gemaakt door webredactie op {e(made)}, uit {e(sources)}. "
        f"Situatie op {e(dutch_date(view.today))}.</p></footer>\n</body>\n</html>\n"
    )


# --- charts -----------------------------------------------------------------


def _value(record: Mapping[str, Any], *keys: str) -> float | None:
    current: Any = record
    for key in keys:
        if not isinstance(current, Mapping) or key not in current:
            return None
        current = current[key]
    if isinstance(current, bool) or not isinstance(current, int | float):
        return None
    return float(current)


def _b1_percent(record: Mapping[str, Any]) -> float | None:
    measured, at_b1 = _value(record, "b1", "measured"), _value(record, "b1", "at_b1")
    if not measured or at_b1 is None:
        return None
    return round(100 * at_b1 / measured, 1)


def _describe(series: Sequence[svg.Series], records: Sequence[Mapping[str, Any]], unit: str = "") -> str:
    if not records:
        return "Er zijn nog geen metingen."
    parts = []
    for line in series:
        values = [v for v in line.values if v is not None]
        if not values:
            parts.append(f"{line.label}: niet gemeten.")
        elif len(values) == 1:
            parts.append(f"{line.label}: {num(values[-1])}{unit}.")
        else:
            parts.append(f"{line.label}: van {num(values[0])}{unit} naar {num(values[-1])}{unit}.")
    span = (
        f"Eén meting, op {when(str(records[0].get('at', '')))}."
        if len(records) == 1
        else f"{len(records)} metingen, van {when(str(records[0].get('at', '')))} "
        f"tot {when(str(records[-1].get('at', '')))}."
    )
    return " ".join(parts) + " " + span


def chart_block(
    chart_id: str,
    title: str,
    series: Sequence[svg.Series],
    records: Sequence[Mapping[str, Any]],
    *,
    percent_axis: bool = False,
    heading: str = "h3",
) -> str:
    """A chart with its heading, legend and the same numbers as a table."""
    unit = "%" if percent_axis else ""
    labels = [short_date(str(r.get("date", ""))) for r in records]
    description = _describe(series, records, unit)
    chart = svg.line_chart(
        series, labels, chart_id=chart_id, title=title, description=description, percent=percent_axis
    )
    legend = "".join(f"<li>{svg.swatch(i)}{e(s.label)}</li>" for i, s in enumerate(series))
    rows = []
    for index, record in enumerate(records):
        cells = "".join(
            f'<td class="num">{"–" if s.values[index] is None else num(s.values[index] or 0) + unit}</td>'
            for s in series
        )
        rows.append(f'<tr><th scope="row">{e(when(str(record.get("at", ""))))}</th>{cells}</tr>')
    table = _table(
        f"{title}: de cijfers",
        [("Meting", False), *((s.label, True) for s in series)],
        rows,
        f"{chart_id}-tabel",
    )
    return (
        f'<{heading} id="{chart_id}-kop">{e(title)}</{heading}>\n<figure aria-labelledby="{chart_id}-kop">{chart}'
        f'<ul class="legend">{legend}</ul></figure>\n'
        f"<details><summary>Bekijk de cijfers van deze grafiek</summary>{table}</details>\n"
    )


def _kind_series(records: Sequence[Mapping[str, Any]], kinds: Sequence[Kind], *prefix: str) -> list[svg.Series]:
    return [svg.Series(k.label, [_value(r, *prefix, "kinds", k.key) for r in records]) for k in kinds]


# --- the overview -------------------------------------------------------------


def _status_cards(view: SiteView) -> str:
    s = view.stats
    if s.b1_share is None:
        b1 = (
            '<p class="big">–</p><p>De leesbaarheid is in deze meting niet gemeten. '
            "Dat gebeurt als de taalcontrole (B1) meedoet.</p>"
        )
    else:
        mean = num(s.mean_readability or 0)
        b1 = (
            f'<p class="big">{percent(s.b1_share)}</p><p>van de pagina\'s is makkelijk genoeg om te lezen (B1): '
            f"{num(s.at_b1)} van {plural(s.measured, 'gemeten pagina', 'gemeten ' + PAGES)}. "
            f"De gemiddelde leesbaarheid is {mean}. Het doel is {num(view.min_readability)} of meer.</p>"
        )
    checked = (
        "de tekst van de pagina's en de pagina's in de browser"
        if view.browser_audit
        else "de tekst van de pagina's (de controle in de browser zat niet in deze meting)"
    )
    if s.a11y_violations:
        a11y = (
            f'<p class="big">{num(s.a11y_violations)}</p><p>{"probleem" if s.a11y_violations == 1 else "problemen"} '
            f"op {plural(s.a11y_pages, 'pagina', PAGES)}."
        )
        if view.criteria:
            a11y += f" Het gaat om deze succescriteria van WCAG: {e(', '.join(view.criteria))}."
        a11y += "</p>"
    else:
        a11y = '<p class="big">0</p><p>Geen problemen gevonden.</p>'
    if s.a11y_review:
        a11y += f"<p>{plural(s.a11y_review, 'resultaat', 'resultaten')} moet een mens nog nakijken.</p>"
    a11y += f'<p class="muted">Gecontroleerd: {e(checked)}.</p>'
    reviews = (
        f'<p class="big">{num(s.overdue)}</p><p>{"pagina is" if s.overdue == 1 else PAGES + " zijn"} '
        f"te laat voor de controle door de afdeling. "
        f"{plural(s.upcoming, 'pagina moet', PAGES + ' moeten')} binnen 30 dagen gecontroleerd worden.</p>"
    )
    totals = (
        f'<p class="big">{num(s.findings)}</p><p>meldingen op {plural(s.pages, "pagina", PAGES)}: '
        + ", ".join(
            plural(s.by_severity[sev], SEVERITY_NL[sev], SEVERITY_PLURAL[sev].lower())
            for sev in (Severity.ERROR, Severity.WARNING, Severity.SUGGESTION)
        )
        + ".</p>"
    )
    cards = [
        ("Taal (B1)", b1),
        ("Toegankelijkheid", a11y),
        ("Controle van pagina's", reviews),
        ("Alle meldingen", totals),
    ]
    items = "".join(f"<li><h3>{e(title)}</h3>{body}</li>" for title, body in cards)
    return f'<h2 id="kort">De website in het kort</h2>\n<ul class="cards">{items}</ul>\n'


def _department_table(view: SiteView) -> str:
    head: list[tuple[str, bool]] = [("Afdeling", False), ("Pagina's", True)]
    head += [(k.label, True) for k in view.kinds]
    head += [("Te laat voor controle", True), ("Op B1", True)]
    rows = []
    for dep in view.departments:
        s = dep.stats
        cells = "".join(f'<td class="num">{num(s.by_kind.get(k, 0))}</td>' for k in view.kinds)
        rows.append(
            f'<tr><th scope="row"><a href="{department_file(dep.info.id)}">{e(dep.info.name)}</a></th>'
            f'<td class="num">{num(s.pages)}</td>{cells}<td class="num">{num(s.overdue)}</td>'
            f'<td class="num">{percent(s.b1_share)}</td></tr>'
        )
    s = view.stats
    foot = (
        f'<tr><th scope="row">Totaal</th><td class="num">{num(s.pages)}</td>'
        + "".join(f'<td class="num">{num(s.by_kind.get(k, 0))}</td>' for k in view.kinds)
        + f'<td class="num">{num(s.overdue)}</td><td class="num">{percent(s.b1_share)}</td></tr>'
    )
    return (
        '<h2 id="afdelingen">Per afdeling</h2>\n<p>Kies uw afdeling. Dan ziet u uw pagina\'s en wat u kunt doen.</p>\n'
        + _table("Meldingen per afdeling en per soort", head, rows, "tabel-afdelingen", foot)
    )


def _trends(view: SiteView, records: Sequence[Mapping[str, Any]]) -> str:
    shown = records[-CHART_RUNS:]
    intro = (
        f"<p>Elke controle is een meting. Hier ziet u de laatste {plural(len(shown), 'meting', 'metingen')}. "
        "Onder elke grafiek staan de cijfers in een tabel.</p>"
    )
    parts = ['<h2 id="ontwikkeling">Ontwikkeling</h2>\n', intro]
    parts.append(chart_block("grafiek-soorten", "Meldingen per soort", _kind_series(shown, view.kinds), shown))
    parts.append(
        chart_block(
            "grafiek-b1",
            "Deel van de pagina's op B1",
            [svg.Series("Op B1", [_b1_percent(r) for r in shown])],
            shown,
            percent_axis=True,
        )
    )
    parts.append(
        chart_block(
            "grafiek-toegankelijkheid",
            "Problemen met toegankelijkheid",
            [
                svg.Series("Problemen", [_value(r, "accessibility", "violations") for r in shown]),
                svg.Series("Pagina's met een probleem", [_value(r, "accessibility", "pages") for r in shown]),
            ],
            shown,
        )
    )
    parts.append('<h3 id="per-afdeling-kop">Meldingen per afdeling</h3>\n<div class="multiples">')
    labels = [short_date(str(r.get("date", ""))) for r in shown]
    for dep in view.departments:
        values = [_total(r, dep.info.id) for r in shown]
        line = svg.Series("Meldingen", values)
        chart_id = f"grafiek-afdeling-{dep.info.id}"
        parts.append(
            f'<figure aria-labelledby="{chart_id}-naam"><figcaption id="{chart_id}-naam">'
            f'<a href="{department_file(dep.info.id)}">{e(dep.info.name)}</a></figcaption>'
            + svg.line_chart(
                [line],
                labels,
                chart_id=chart_id,
                title=f"Meldingen van {dep.info.name}",
                description=_describe([line], shown),
                width=320,
                height=160,
            )
            + "</figure>"
        )
    parts.append("</div>\n")
    rows = []
    for record in shown:
        cells = "".join(
            f'<td class="num">{"–" if (v := _total(record, d.info.id)) is None else num(v)}</td>'
            for d in view.departments
        )
        rows.append(f'<tr><th scope="row">{e(when(str(record.get("at", ""))))}</th>{cells}</tr>')
    parts.append(
        "<details><summary>Bekijk de cijfers per afdeling</summary>"
        + _table(
            "Meldingen per afdeling: de cijfers",
            [("Meting", False), *((d.info.name, True) for d in view.departments)],
            rows,
            "tabel-per-afdeling",
        )
        + "</details>\n"
    )
    return "".join(parts)


def _total(record: Mapping[str, Any], dep_id: str) -> float | None:
    departments = record.get("departments")
    entry = departments.get(dep_id) if isinstance(departments, Mapping) else None
    kinds = entry.get("kinds") if isinstance(entry, Mapping) else None
    if not isinstance(kinds, Mapping):
        return None
    return float(sum(v for v in kinds.values() if isinstance(v, int | float) and not isinstance(v, bool)))


def _explanation(view: SiteView) -> str:
    kinds = "".join(f"<dt>{e(k.label)}</dt><dd>{e(_KIND_HELP[k])}</dd>" for k in view.kinds)
    return (
        '<h2 id="uitleg">Uitleg</h2>\n'
        "<h3>Soorten meldingen</h3>\n"
        f'<dl class="facts">{kinds}</dl>\n'
        "<h3>Hoe erg is een melding?</h3>\n"
        '<dl class="facts">'
        '<dt><span class="sev sev-error">fout</span></dt><dd>Moet opgelost worden. '
        "Met een fout gaat de pagina niet online.</dd>"
        '<dt><span class="sev sev-warning">waarschuwing</span></dt><dd>Los dit op als het kan.</dd>'
        '<dt><span class="sev sev-suggestion">suggestie</span></dt><dd>Een tip om de pagina beter te maken.</dd>'
        "</dl>\n"
        "<h3>Hoe lost u een melding op?</h3>\n"
        "<p>Bij elke melding staan het bestand en de regel. Open dat bestand en zoek de regel op. "
        "Lees wat er mis is en wat beter kan. Past u de pagina aan, dan controleert de webredactie de wijziging. "
        "Hebt u de pagina nagelezen? Zet dan de datum van vandaag bij <code>reviewed</code>.</p>\n"
    )


_KIND_HELP = {
    Kind.TAAL: "Zinnen en woorden die moeilijk zijn. De tekst moet makkelijk te lezen zijn (taalniveau B1).",
    Kind.TOEGANKELIJKHEID: "Problemen voor mensen die slecht zien, niet zien of slecht horen. "
    "Bijvoorbeeld een plaatje zonder tekst erbij.",
    Kind.EIGENAARSCHAP: "Wie de pagina beheert, en of de afdeling de pagina op tijd heeft nagelezen.",
    Kind.VERTALINGEN: "Engelse pagina's die ontbreken of ouder zijn dan de Nederlandse pagina.",
    Kind.BESTAND: "Het bestand zelf, de gegevens bovenaan de pagina en links die niet werken.",
    Kind.OVERIG: "Meldingen van controles die nog geen eigen soort hebben.",
}


def render_index(view: SiteView, records: Sequence[Mapping[str, Any]], notice: str | None) -> str:
    """The overview page."""
    body = [
        "<h1>Overzicht van de website</h1>\n",
        f'<p class="lead">Wat vonden de controles op {e(dutch_date(view.today))}? '
        "Kies hieronder uw afdeling. Dan ziet u welke pagina's aandacht nodig hebben.</p>\n",
    ]
    if notice:
        body.append(f'<p class="notice"><strong>Let op:</strong> {e(notice)}</p>\n')
    body.append(
        '<nav aria-label="Op deze pagina"><ul>'
        '<li><a href="#kort">De website in het kort</a></li><li><a href="#afdelingen">Per afdeling</a></li>'
        '<li><a href="#ontwikkeling">Ontwikkeling</a></li><li><a href="#uitleg">Uitleg</a></li></ul></nav>\n'
    )
    body.append(_status_cards(view))
    body.append(_department_table(view))
    body.append(_trends(view, records))
    body.append(_explanation(view))
    return _document("Overzicht", "".join(body), view)


# --- a department ---------------------------------------------------------------


def _location(finding: Finding, page: PageView) -> tuple[str, str]:
    """(where, what): the source line, and the sentence or element."""
    loc = finding.location
    if isinstance(loc, SourceSpan):
        where = f"regel {loc.line}" + (f", kolom {loc.column}" if loc.column > 1 else "")
        what = e(finding.context) if finding.context else ""
        return where, what
    where = f"in de browser: {e(loc.url)}"
    if loc.source is not None:
        where = f"regel {loc.source.line}; {where}"
    element = f"<code>{e(loc.selector)}</code>"
    if loc.snippet:
        element += f"<br><code>{e(loc.snippet[:300])}</code>"
    return where, element


def _rule(finding: Finding, options: Options) -> str:
    label = f"{e(finding.code)} {e(finding.name)}"
    if options.docs_base:
        href = f"{options.docs_base.rstrip('#')}#{finding.code.lower()}-{finding.name}"
        return f'<a class="rule" href="{e(href)}">{label}</a>'
    return f'<span class="rule">{label}</span>'


def _severity(finding: Finding) -> str:
    badge = f'<span class="sev sev-{finding.severity.label}">{SEVERITY_NL[finding.severity]}</span>'
    if finding.needs_review:
        badge += ' <span class="review">nakijken</span>'
    return badge


def _finding_rows(page: PageView, findings: Sequence[Finding], options: Options) -> list[str]:
    rows = []
    for finding in findings:
        where, what = _location(finding, page)
        better = e(", ".join(finding.replacements)) if finding.replacements else ""
        wcag = f" (WCAG {e(', '.join(finding.wcag))})" if finding.wcag else ""
        # Quoted text and suggestions are in the page's language, and the cell says so
        # (WCAG 3.1.2). A message about an English page quotes English, so it is shown in
        # English as a whole: a Dutch sentence full of English quotes reads as neither.
        lang = _lang(page.lang) if isinstance(finding.location, SourceSpan) else ""
        message = finding.message.get("en" if lang else "nl")
        rows.append(
            f"<tr><td>{_severity(finding)}</td><td>{e(kind_of(finding).label)}</td><td>{where}</td>"
            f"<td{lang}>{e(message)}<br>{_rule(finding, options)}{wcag}</td>"
            f"<td{lang}>{what}</td><td{lang}>{better}</td></tr>"
        )
    return rows


def page_section(page: PageView, anchor: str, options: Options) -> str:
    """One page's findings as a section with a table."""
    shown = page.findings[:MAX_ROWS_PER_PAGE]
    rows = _finding_rows(page, shown, options)
    more = ""
    if len(page.findings) > len(shown):
        more = (
            f"<p>En nog {plural(len(page.findings) - len(shown), 'melding', 'meldingen')}. "
            "Alle meldingen staan in reports/check.txt.</p>"
        )
    table = _table(
        f"Meldingen in {page.path}",
        [
            ("Niveau", False),
            ("Soort", False),
            ("Plaats", False),
            ("Wat is er mis", False),
            ("Zin of element", False),
            ("Probeer", False),
        ],
        rows,
        f"{anchor}-tabel",
    )
    return (
        f'<section class="page" id="{anchor}">'
        f'<h3 id="{anchor}-kop"{_lang(page.lang)}>{e(_title(page))}</h3>'
        f'<p class="path">{e(page.path)}</p>{table}{more}</section>\n'
    )


def _review_tables(dep: DepartmentView, review_dates_known: bool) -> str:
    parts = ['<h2 id="controle">Controle van pagina\'s</h2>\n']
    parts.append(
        "<p>Een afdeling leest haar pagina's op tijd na. Klopt alles? Zet dan de datum bij <code>reviewed</code>.</p>\n"
    )
    overdue = dep.overdue
    parts.append("<h3>Te laat</h3>\n")
    if overdue:
        rows = [
            f"<tr><td>{_page_name(r)}<br><span class=path>{e(r.path)}</span></td>"
            f"<td>{e(dutch_date(r.reviewed)) if r.reviewed else '–'}</td><td>{e(dutch_date(r.due))}</td>"
            f'<td class="num">{num(r.days)}</td></tr>'
            for r in overdue
        ]
        parts.append(
            _table(
                "Pagina's die te laat zijn voor controle",
                [
                    ("Pagina", False),
                    ("Laatst nagelezen", False),
                    ("Uiterlijk nalezen op", False),
                    ("Dagen te laat", True),
                ],
                rows,
                f"tabel-te-laat-{dep.info.id}",
            )
        )
    else:
        parts.append("<p>Geen pagina's. Goed zo!</p>\n")
    parts.append("<h3>Binnenkort</h3>\n")
    upcoming = dep.upcoming
    if upcoming:
        rows = [
            f"<tr><td>{_page_name(r)}<br><span class=path>{e(r.path)}</span></td>"
            f'<td>{e(dutch_date(r.due))}</td><td class="num">{num(-r.days)}</td></tr>'
            for r in upcoming
        ]
        parts.append(
            _table(
                "Pagina's die binnen 30 dagen nagelezen moeten worden",
                [("Pagina", False), ("Uiterlijk nalezen op", False), ("Dagen over", True)],
                rows,
                f"tabel-binnenkort-{dep.info.id}",
            )
        )
    elif review_dates_known:
        parts.append("<p>Geen pagina's in de komende 30 dagen.</p>\n")
    else:
        parts.append(
            "<p>Deze meting heeft geen datums voor de volgende controle. "
            "Daarom staat hier niet welke pagina's binnenkort aan de beurt zijn.</p>\n"
        )
    return "".join(parts)


def _digest_translations(dep: DepartmentView) -> str:
    parts = ['<h2 id="vertalingen">Vertalingen</h2>\n', "<h3>Engelse pagina's die ontbreken</h3>\n"]
    if dep.missing_translations:
        rows = [
            f"<tr><td>{e(m.title)}<br><span class=path>{e(m.path)}</span></td><td class=path>{e(m.other)}</td></tr>"
            for m in dep.missing_translations
        ]
        parts.append(
            _table(
                "Nederlandse pagina's die ook in het Engels moeten bestaan",
                [("Nederlandse pagina", False), ("Maak deze Engelse pagina", False)],
                rows,
                f"tabel-ontbreekt-{dep.info.id}",
            )
        )
    else:
        parts.append("<p>Geen. Alle verplichte Engelse pagina's bestaan.</p>\n")
    parts.append("<h3>Engelse pagina's die verouderd zijn</h3>\n")
    if dep.stale_translations:
        rows = [
            f'<tr><td><span lang="en">{e(t.title)}</span><br><span class=path>{e(t.path)}</span></td>'
            f"<td class=path>{e(t.other)}</td>"
            f"<td>{e(dutch_date(t.original_changed)) if t.original_changed else '–'}</td>"
            f"<td>{e(dutch_date(t.translation_changed)) if t.translation_changed else '–'}</td></tr>"
            for t in dep.stale_translations
        ]
        parts.append(
            _table(
                "Engelse pagina's die ouder zijn dan de Nederlandse pagina",
                [
                    ("Engelse pagina", False),
                    ("Nederlandse pagina", False),
                    ("Nederlands gewijzigd", False),
                    ("Engels gewijzigd", False),
                ],
                rows,
                f"tabel-verouderd-{dep.info.id}",
            )
        )
    else:
        parts.append("<p>Geen. De Engelse pagina's zijn bijgewerkt.</p>\n")
    return "".join(parts)


def _translations(dep: DepartmentView, known: bool) -> str:
    if known:
        return _digest_translations(dep)
    items = dep.of_kind(Kind.VERTALINGEN)
    parts = ['<h2 id="vertalingen">Vertalingen</h2>\n']
    if not items:
        parts.append("<p>Geen ontbrekende of verouderde vertalingen.</p>\n")
        return "".join(parts)
    rows = [
        f"<tr><td>{_page_name(p)}<br><span class=path>{e(p.path)}</span></td><td>{_severity(f)}</td>"
        f"<td>{e(f.message.nl)}</td></tr>"
        for p, f in items
    ]
    parts.append(
        _table(
            "Ontbrekende en verouderde vertalingen",
            [("Pagina", False), ("Niveau", False), ("Wat is er mis", False)],
            rows,
            f"tabel-vertalingen-{dep.info.id}",
        )
    )
    return "".join(parts)


def _todo(dep: DepartmentView, translations_known: bool) -> str:
    s = dep.stats
    steps = []
    translations = (
        len(dep.missing_translations) + len(dep.stale_translations)
        if translations_known
        else s.by_kind.get(Kind.VERTALINGEN, 0)
    )
    errors = s.by_severity.get(Severity.ERROR, 0)
    if errors:
        first = "de fout" if errors == 1 else f"de {num(errors)} fouten"
        steps.append(f"Los eerst {first} op. Een pagina met een fout kan niet online.")
    if s.overdue:
        steps.append(
            f"Lees {plural(s.overdue, 'pagina', PAGES)} na die te laat {'is' if s.overdue == 1 else 'zijn'}. "
            'Zie <a href="#controle">Controle van pagina\'s</a>.'
        )
    if translations:
        steps.append(
            f"Werk de Engelse pagina's bij ({plural(translations, 'pagina', PAGES)}). "
            'Zie <a href="#vertalingen">Vertalingen</a>.'
        )
    other_a11y = s.by_kind.get(Kind.TOEGANKELIJKHEID, 0) - s.a11y_violations - s.a11y_review
    if s.a11y_violations or other_a11y:
        steps.append(
            "Maak de pagina's voor iedereen bruikbaar "
            f"({plural(s.a11y_violations + other_a11y, 'melding', 'meldingen')} over toegankelijkheid)."
        )
    if s.a11y_review:
        steps.append(
            f"Laat de webredactie {plural(s.a11y_review, 'resultaat', 'resultaten')} van de controle "
            "in de browser nakijken. Een computer kan die niet zeker beoordelen."
        )
    if s.by_kind.get(Kind.TAAL):
        steps.append(f"Maak de tekst makkelijker ({plural(s.by_kind[Kind.TAAL], 'melding', 'meldingen')} over taal).")
    if not steps:
        return '<h2 id="doen">Wat moet u doen?</h2>\n<p>Nu niets. Alle pagina\'s zijn in orde.</p>\n'
    items = "".join(f"<li>{step}</li>" for step in steps)
    return (
        f'<h2 id="doen">Wat moet u doen?</h2>\n<ol>{items}</ol>\n'
        '<p>Alle meldingen staan onder <a href="#meldingen">Meldingen per pagina</a>.</p>\n'
    )


def _contact(dep: DepartmentView) -> str:
    info = dep.info
    facts = []
    if info.contact:
        facts.append(f'<dt>E-mail</dt><dd><a href="mailto:{e(info.contact)}">{e(info.contact)}</a></dd>')
    if info.head:
        facts.append(f"<dt>Verantwoordelijk</dt><dd>{e(info.head)}</dd>")
    if info.reviewers:
        facts.append(f"<dt>Keurt wijzigingen goed</dt><dd>{e(', '.join(info.reviewers))}</dd>")
    if not facts:
        if info.id == NO_DEPARTMENT:
            return (
                '<h2 id="contact">Contact</h2>\n<p>Deze pagina\'s hebben geen afdeling. '
                "De webredactie zoekt uit welke afdeling ze beheert.</p>\n"
            )
        return '<h2 id="contact">Contact</h2>\n<p>Het redactiestatuut noemt geen contact voor deze afdeling.</p>\n'
    return f'<h2 id="contact">Contact</h2>\n<dl class="facts">{"".join(facts)}</dl>\n'


def _summary_table(dep: DepartmentView, view: SiteView) -> str:
    s = dep.stats
    rows = []
    tally = Counter((kind_of(f), f.severity) for p in dep.pages for f in p.findings)
    for kind in view.kinds:
        counts = [tally[(kind, sev)] for sev in (Severity.ERROR, Severity.WARNING, Severity.SUGGESTION)]
        rows.append(
            f'<tr><th scope="row">{e(kind.label)}</th>'
            + "".join(f'<td class="num">{num(c)}</td>' for c in counts)
            + f'<td class="num">{num(sum(counts))}</td></tr>'
        )
    b1 = (
        f"{percent(s.b1_share)} van de gemeten pagina's is op B1 ({num(s.at_b1)} van {num(s.measured)})."
        if s.b1_share is not None
        else "De leesbaarheid is niet gemeten."
    )
    a11y = (
        f"{plural(s.a11y_violations, 'probleem', 'problemen')} met toegankelijkheid op "
        f"{plural(s.a11y_pages, 'pagina', PAGES)}."
        if s.a11y_violations
        else "Geen problemen met toegankelijkheid gevonden."
    )
    if s.a11y_review:
        a11y += f" {plural(s.a11y_review, 'resultaat', 'resultaten')} moet een mens nog nakijken."
    return f'<h2 id="kort">In het kort</h2>\n<p>{e(b1)} {e(a11y)}</p>\n' + _table(
        f"Meldingen van {dep.info.name} per soort",
        [("Soort", False), ("Fouten", True), ("Waarschuwingen", True), ("Suggesties", True), ("Totaal", True)],
        rows,
        f"tabel-soorten-{dep.info.id}",
    )


def _pages_table(dep: DepartmentView, where: Mapping[str, str]) -> str:
    rows = []
    for page in dep.pages:
        name = _page_name(page)
        if page.path in where:
            name = f'<a href="{e(where[page.path])}">{name}</a>'
        review = "–"
        if page.review is not None:
            review = e(dutch_date(page.review.due)) + (" (te laat)" if page.review.overdue else "")
        rows.append(
            f"<tr><td>{name}<br><span class=path>{e(page.path)}</span></td><td>{e(page.lang or '–')}</td>"
            + "".join(
                f'<td class="num">{num(page.count(sev))}</td>'
                for sev in (Severity.ERROR, Severity.WARNING, Severity.SUGGESTION)
            )
            + f'<td class="num">{"–" if page.readability is None else num(page.readability)}</td><td>{review}</td></tr>'
        )
    return (
        '<h2 id="paginas">Alle pagina\'s</h2>\n'
        "<p>Klik op een pagina om de meldingen te zien.</p>\n"
        + _table(
            f"Pagina's van {dep.info.name}",
            [
                ("Pagina", False),
                ("Taal", False),
                ("Fouten", True),
                ("Waarschuwingen", True),
                ("Suggesties", True),
                ("Leesbaarheid", True),
                ("Controle nodig op", False),
            ],
            rows,
            f"tabel-paginas-{dep.info.id}",
        )
        if rows
        else "<h2 id=\"paginas\">Alle pagina's</h2>\n<p>Deze afdeling heeft geen pagina's in deze meting.</p>\n"
    )


def _parts_nav(dep: DepartmentView, count: int, current: int) -> str:
    if count <= 1:
        return ""
    items = []
    for part in range(1, count + 1):
        href = department_file(dep.info.id, part) + ("#meldingen" if part == 1 else "")
        current_attr = ' aria-current="page"' if part == current else ""
        items.append(f'<li><a href="{href}"{current_attr}>Deel {part}</a></li>')
    return f'<nav class="parts" aria-label="Delen van de meldingen"><ul>{"".join(items)}</ul></nav>\n'


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
    shown = records[-CHART_RUNS:]
    s = dep.stats

    def summary(where: Mapping[str, str]) -> str:
        return (
            f"<h1>{e(dep.info.name)}</h1>\n"
            f'<p class="lead">Hier ziet u de pagina\'s van {e(dep.info.name)} en wat er beter kan: '
            f"{plural(s.pages, 'pagina', PAGES)}, {plural(s.findings, 'melding', 'meldingen')}.</p>\n"
            + _todo(dep, view.translations_known)
            + _contact(dep)
            + _summary_table(dep, view)
            + _review_tables(dep, view.review_dates_known)
            + _translations(dep, view.translations_known)
            + '<h2 id="ontwikkeling">Ontwikkeling</h2>\n'
            + chart_block(
                f"grafiek-{dep.info.id}",
                f"Meldingen van {dep.info.name} per soort",
                _kind_series(shown, view.kinds, "departments", dep.info.id),
                shown,
            )
            + _pages_table(dep, where)
        )

    # Split the sections into parts under the budget. The first part also carries the
    # summary, measured with links as long as the real ones, plus room for the page frame.
    longest = {path: f"{department_file(dep.info.id, 99)}#{anchor}" for path, anchor, _ in sections}
    parts: list[list[str]] = [[]]
    sizes = [len(summary(longest).encode("utf-8")) + 20_000]
    where: dict[str, str] = {}
    for path, anchor, html_section in sections:
        size = len(html_section.encode("utf-8"))
        if parts[-1] and sizes[-1] + size > PART_BUDGET:
            parts.append([])
            sizes.append(10_000)
        parts[-1].append(html_section)
        sizes[-1] += size
        where[path] = f"{department_file(dep.info.id, len(parts))}#{anchor}"
    files: dict[str, str] = {}
    for number, part_sections in enumerate(parts, start=1):
        nav = _parts_nav(dep, len(parts), number)
        findings_head = (
            '<h2 id="meldingen">Meldingen per pagina</h2>\n'
            + (f"<p>De meldingen staan op {len(parts)} pagina's. Dit is deel {number}.</p>\n" if len(parts) > 1 else "")
            + nav
            + ("".join(part_sections) if part_sections else "<p>Geen meldingen. Goed zo!</p>\n")
            + nav
        )
        crumbs: list[tuple[str, str | None]] = [("Overzicht", INDEX)]
        if number == 1:
            body = summary(where) + findings_head
            crumbs.append((dep.info.name, None))
            title = dep.info.name
        else:
            body = f"<h1>{e(dep.info.name)}: meldingen, deel {number} van {len(parts)}</h1>\n" + findings_head
            crumbs += [(dep.info.name, department_file(dep.info.id)), (f"Deel {number}", None)]
            title = f"{dep.info.name}, deel {number}"
        files[department_file(dep.info.id, number)] = _document(title, body, view, crumbs)
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

"""What the dashboard's charts show: the lines, their text alternative and the same numbers as a table.

A chart never stands alone (svg.py draws it): the description says where
each line starts and ends, and the table under it has every number.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from linters.core.dates import MONTHS, dutch_date
from linters.core.templates import Markup
from linters.report.dashboard import svg
from linters.report.dashboard.kinds import Kind
from linters.report.dashboard.model import SiteView

# Charts show this many of the latest runs; the history file keeps them all.
CHART_RUNS = 60


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
    """The chart's text alternative: where each line starts and ends, and over which runs."""
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


def chart_data(
    chart_id: str,
    title: str,
    series: Sequence[svg.Series],
    records: Sequence[Mapping[str, Any]],
    *,
    percent_axis: bool = False,
) -> dict[str, Any]:
    """A chart for the `chart_block` macro: the drawing, its legend and the same numbers as table rows."""
    unit = "%" if percent_axis else ""
    labels = [short_date(str(r.get("date", ""))) for r in records]
    drawing = svg.line_chart(
        series,
        labels,
        chart_id=chart_id,
        title=title,
        description=_describe(series, records, unit),
        percent=percent_axis,
    )
    return {
        "id": chart_id,
        "title": title,
        "svg": Markup(drawing),
        "labels": [s.label for s in series],
        "head": [(s.label, True) for s in series],
        "rows": [(str(r.get("at", "")), [s.values[i] for s in series]) for i, r in enumerate(records)],
        "unit": unit,
    }


def kind_series(records: Sequence[Mapping[str, Any]], kinds: Sequence[Kind], *prefix: str) -> list[svg.Series]:
    """One line per kind of finding, from the records' `kinds` (under `prefix`, such as a department)."""
    return [svg.Series(k.label, [_value(r, *prefix, "kinds", k.key) for r in records]) for k in kinds]


def _total(record: Mapping[str, Any], dep_id: str) -> float | None:
    departments = record.get("departments")
    entry = departments.get(dep_id) if isinstance(departments, Mapping) else None
    kinds = entry.get("kinds") if isinstance(entry, Mapping) else None
    if not isinstance(kinds, Mapping):
        return None
    return float(sum(v for v in kinds.values() if isinstance(v, int | float) and not isinstance(v, bool)))


def trends(view: SiteView, records: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The overview's charts: kinds, B1, accessibility, and a small chart per department with its table."""
    shown = records[-CHART_RUNS:]
    charts = [
        chart_data("grafiek-soorten", "Meldingen per soort", kind_series(shown, view.kinds), shown),
        chart_data(
            "grafiek-b1",
            "Deel van de pagina's op B1",
            [svg.Series("Op B1", [_b1_percent(r) for r in shown])],
            shown,
            percent_axis=True,
        ),
        chart_data(
            "grafiek-toegankelijkheid",
            "Problemen met toegankelijkheid",
            [
                svg.Series("Problemen", [_value(r, "accessibility", "violations") for r in shown]),
                svg.Series("Pagina's met een probleem", [_value(r, "accessibility", "pages") for r in shown]),
            ],
            shown,
        ),
    ]
    labels = [short_date(str(r.get("date", ""))) for r in shown]
    per_department = []
    for dep in view.departments:
        line = svg.Series("Meldingen", [_total(r, dep.info.id) for r in shown])
        chart_id = f"grafiek-afdeling-{dep.info.id}"
        drawing = svg.line_chart(
            [line],
            labels,
            chart_id=chart_id,
            title=f"Meldingen van {dep.info.name}",
            description=_describe([line], shown),
            width=320,
            height=160,
        )
        per_department.append((dep, {"id": chart_id, "svg": Markup(drawing)}))
    return {
        "runs": len(shown),
        "charts": charts,
        "per_department": per_department,
        "department_head": [(d.info.name, True) for d in view.departments],
        "department_rows": [(str(r.get("at", "")), [_total(r, d.info.id) for d in view.departments]) for r in shown],
    }

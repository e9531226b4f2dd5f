"""Charts as inline SVG, drawn by the project: no script, no library, no request.

A chart never stands alone: it has a title and a description for screen
readers (`role="img"`), and the page shows the same numbers in a table. Lines
differ in colour, dash pattern and marker, so they can be told apart without
colour and when printed in black and white. Every colour has at least 3:1
contrast against white (WCAG 1.4.11).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

# (colour, dash pattern, marker); all colours >= 4.5:1 against white.
STYLES: tuple[tuple[str, str, str], ...] = (
    ("#1d4f91", "", "circle"),
    ("#a3262a", "6 3", "square"),
    ("#216e39", "2 3", "triangle"),
    ("#7a4a00", "10 3 2 3", "diamond"),
    ("#6a3d9a", "4 4", "cross"),
    ("#3d3d3d", "1 2", "circle-open"),
)
AXIS = "#595959"
GRID = "#d0d0d0"


@dataclass(frozen=True)
class Series:
    """One line: its label and one value per run (None where the run did not measure it)."""

    label: str
    values: Sequence[float | None]


def style(index: int) -> tuple[str, str, str]:
    """The colour, dash and marker of the n-th line."""
    return STYLES[index % len(STYLES)]


TICKS = 4


def nice_max(value: float) -> float:
    """A round upper bound for a count axis: four whole, round steps (4, 8, 20, 40, 100, ...)."""
    if value <= TICKS:
        return float(TICKS)
    power = 10 ** max(0, math.floor(math.log10(value / TICKS)))
    for step in (1, 2, 2.5, 5, 10):
        whole = step * power
        if whole == int(whole) and value <= TICKS * whole:
            return float(TICKS * whole)
    return float(TICKS * 10 * power)


def _fmt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def marker(kind: str, x: float, y: float, colour: str, size: float = 4.0) -> str:
    """A point marker; the shape tells lines apart without colour."""
    s = size
    if kind == "square":
        return (
            f'<rect x="{_fmt(x - s)}" y="{_fmt(y - s)}" width="{_fmt(2 * s)}" height="{_fmt(2 * s)}" fill="{colour}"/>'
        )
    if kind == "triangle":
        points = f"{_fmt(x)},{_fmt(y - s - 1)} {_fmt(x - s - 1)},{_fmt(y + s)} {_fmt(x + s + 1)},{_fmt(y + s)}"
        return f'<polygon points="{points}" fill="{colour}"/>'
    if kind == "diamond":
        top, right, low, left = (x, y - s - 1), (x + s + 1, y), (x, y + s + 1), (x - s - 1, y)
        points = " ".join(f"{_fmt(px)},{_fmt(py)}" for px, py in (top, right, low, left))
        return f'<polygon points="{points}" fill="{colour}"/>'
    if kind == "cross":
        return (
            f'<path d="M{_fmt(x - s)} {_fmt(y - s)}L{_fmt(x + s)} {_fmt(y + s)}M{_fmt(x - s)} {_fmt(y + s)}'
            f'L{_fmt(x + s)} {_fmt(y - s)}" stroke="{colour}" stroke-width="2.5"/>'
        )
    if kind == "circle-open":
        return f'<circle cx="{_fmt(x)}" cy="{_fmt(y)}" r="{_fmt(s)}" fill="#fff" stroke="{colour}" stroke-width="2"/>'
    return f'<circle cx="{_fmt(x)}" cy="{_fmt(y)}" r="{_fmt(s)}" fill="{colour}"/>'


def swatch(index: int) -> str:
    """A small legend sample of the n-th line (decorative: the label says the name)."""
    colour, dash, kind = style(index)
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        '<svg class="swatch" width="36" height="12" viewBox="0 0 36 12" aria-hidden="true" focusable="false">'
        f'<line x1="0" y1="6" x2="36" y2="6" stroke="{colour}" stroke-width="2.5"{dash_attr}/>'
        f"{marker(kind, 18, 6, colour, 3.5)}</svg>"
    )


def _x_label_indexes(count: int, room: int) -> list[int]:
    if count <= room:
        return list(range(count))
    step = (count - 1) / (room - 1)
    return sorted({round(i * step) for i in range(room)})


def line_chart(
    series: Sequence[Series],
    x_labels: Sequence[str],
    *,
    chart_id: str,
    title: str,
    description: str,
    percent: bool = False,
    width: int = 640,
    height: int = 260,
) -> str:
    """A line chart with a y axis from 0, gridlines, and one marker per run."""
    left, right, top, bottom = 52, 16, 14, 42
    plot_w, plot_h = width - left - right, height - top - bottom
    count = max((len(s.values) for s in series), default=0)
    highest = max((v for s in series for v in s.values if v is not None), default=0.0)
    y_max = 100.0 if percent else nice_max(highest)

    def x_at(i: int) -> float:
        return left + (plot_w / 2 if count <= 1 else plot_w * i / (count - 1))

    def y_at(value: float) -> float:
        return top + plot_h - plot_h * min(value, y_max) / y_max

    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d" preserveAspectRatio="xMidYMid meet">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(description)}</desc>',
        '<g font-size="12" fill="#1a1a1a">',
    ]
    for tick in range(TICKS + 1):
        tick_value = y_max * tick / TICKS
        y = y_at(tick_value)
        label = f"{_fmt(tick_value)}%" if percent else _fmt(tick_value)
        parts.append(f'<line x1="{left}" y1="{_fmt(y)}" x2="{width - right}" y2="{_fmt(y)}" stroke="{GRID}"/>')
        parts.append(f'<text x="{left - 6}" y="{_fmt(y + 4)}" text-anchor="end">{label}</text>')
    parts.append(f'<line x1="{left}" y1="{top + plot_h}" x2="{width - right}" y2="{top + plot_h}" stroke="{AXIS}"/>')
    for i in _x_label_indexes(count, 6):
        anchor = "middle" if count > 1 and 0 < i < count - 1 else ("start" if i == 0 and count > 1 else "end")
        if count == 1:
            anchor = "middle"
        parts.append(
            f'<text x="{_fmt(x_at(i))}" y="{top + plot_h + 18}" text-anchor="{anchor}">{escape(x_labels[i])}</text>'
        )
    parts.append("</g>")
    for index, line in enumerate(series):
        colour, dash, kind = style(index)
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        segments: list[list[tuple[float, float]]] = [[]]
        for i, value in enumerate(line.values):
            if value is None:
                segments.append([])
            else:
                segments[-1].append((x_at(i), y_at(value)))
        parts.append(f'<g class="series" data-series="{escape(line.label)}">')
        for segment in segments:
            if len(segment) > 1:
                d = "M" + "L".join(f"{_fmt(x)} {_fmt(y)}" for x, y in segment)
                parts.append(f'<path d="{d}" fill="none" stroke="{colour}" stroke-width="2.5"{dash_attr}/>')
        for segment in segments:
            parts.extend(marker(kind, x, y, colour) for x, y in segment)
        parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)


def sparkline(values: Sequence[float | None], *, label: str, width: int = 96, height: int = 24) -> str:
    """A tiny line for a table cell; `label` is its text alternative."""
    points = [(i, v) for i, v in enumerate(values) if v is not None]
    parts = [
        f'<svg class="spark" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(label, quote=True)}">'
    ]
    if points:
        highest = max(v for _, v in points) or 1.0
        count = len(values)

        def xy(i: int, v: float) -> tuple[float, float]:
            x = width / 2 if count <= 1 else 3 + (width - 6) * i / (count - 1)
            return x, height - 3 - (height - 6) * v / highest

        coords = [xy(i, v) for i, v in points]
        if len(coords) > 1:
            d = "M" + "L".join(f"{_fmt(x)} {_fmt(y)}" for x, y in coords)
            parts.append(f'<path d="{d}" fill="none" stroke="{STYLES[0][0]}" stroke-width="2"/>')
        x, y = coords[-1]
        parts.append(f'<circle cx="{_fmt(x)}" cy="{_fmt(y)}" r="2.5" fill="{STYLES[0][0]}"/>')
    parts.append("</svg>")
    return "".join(parts)

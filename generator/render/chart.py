"""A build-time SVG chart of one measure (``chart.html``): one series per claimant over as-of time.
No JavaScript. This module computes the geometry; the template draws it.

Colours come from CSS classes (``tl-s0`` … ``tl-s7``) so the chart follows the light/dark palette; the
chart carries a ``<title>`` and a ``<desc>`` that states every figure in words.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any

from .. import dates
from ..model import Claim
from .numbers import Bounds, bounds, distinct, figure, number

Context = dict[str, Any]

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 64, 20, 18, 42
SERIES_CLASSES = 8
DESC_LIMIT = 40


def _mid(value: dates.EDTF) -> date:
    first, last = dates.earliest(value), dates.latest(value)
    return first + (last - first) / 2


def _nice_max(high: float) -> tuple[float, float]:
    """A round top for the y axis and its tick step."""
    if high <= 0:
        return 1.0, 0.25
    raw = high / 4
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    return step * math.ceil(high / step), step


def _months(first: date, last: date) -> list[date]:
    ticks, year, month = [], first.year, first.month
    while date(year, month, 1) <= last:
        if date(year, month, 1) >= first:
            ticks.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    stride = max(1, math.ceil(len(ticks) / 7))
    return ticks[::stride]


def claimant_order(claims: Sequence[Claim]) -> list[str]:
    return sorted({c.claimant for c in claims}, key=lambda s: (s.casefold(), s))


def chart(chart_id: str, title: str, unit: str, claims: Sequence[Claim]) -> Context | None:
    """The geometry of the chart for ``claims`` (all of one measure), for ``chart.html``; ``None`` when
    fewer than two figures can be drawn (the table says it)."""
    plotted = [(c, b, _mid(c.as_of)) for c in distinct(claims) if (b := bounds(c)) is not None]
    if len(plotted) < 2:
        return None
    names = claimant_order(claims)
    series = {name: i for i, name in enumerate(names)}
    first = min(x for _, _, x in plotted) - timedelta(days=20)
    last = max(x for _, _, x in plotted) + timedelta(days=20)
    span = max((last - first).days, 1)
    top, step = _nice_max(max(b.high for _, b, _ in plotted) * 1.08)
    inner_w, inner_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def xpos(day: date, claimant: str) -> float:
        dodge = (series[claimant] - (len(names) - 1) / 2) * min(14.0, 120 / max(len(names), 1))
        return LEFT + inner_w * (day - first).days / span + dodge

    def ypos(value: float) -> float:
        return TOP + inner_h * (1 - value / top)

    grid = []
    tick = 0.0
    while tick <= top + step / 2:
        y = ypos(tick)
        grid.append({"y": f"{y:.1f}", "label_y": f"{y + 4:.1f}", "label": number(tick)})
        tick += step
    months = [
        {
            "x": f"{LEFT + inner_w * (day - first).days / span:.1f}",
            "label": f"{dates.MONTHS[day.month - 1][:3]} {day.year}",
        }
        for day in _months(first, last)
    ]
    drawn = []
    for name in names:
        points = sorted(((x, c, b) for c, b, x in plotted if c.claimant == name), key=lambda p: p[0])
        line = " ".join(f"{xpos(x, name):.1f},{ypos((b.low + b.high) / 2):.1f}" for x, _, b in points)
        drawn.append(
            {
                "claimant": name,
                "class": series[name] % SERIES_CLASSES,
                "line": line if len(points) > 1 else None,
                "markers": [_marker(xpos(x, name), ypos, claim, b, unit) for x, claim, b in points],
            }
        )
    return {
        "id": chart_id,
        "title": title,
        "description": _describe(unit, [c for c, _, _ in plotted]),
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "bottom": HEIGHT - BOTTOM,
        "grid": grid,
        "months": months,
        "series": drawn,
    }


def _marker(x: float, ypos: Callable[[float], float], claim: Claim, b: Bounds, unit: str) -> Context:
    """One claim's mark: a dot (a ring for "about"), a bar for a range, arrows for open bounds."""
    y_low, y_high = ypos(b.low), ypos(b.high)
    centre = ypos(claim.value) if claim.value is not None else (y_low + y_high) / 2
    return {
        "said": f"{claim.claimant}: {figure(claim)} {unit}, as of {dates.label(claim.as_of)}",
        "x": f"{x:.1f}",
        "x_left": f"{x - 4:.1f}",
        "x_right": f"{x + 4:.1f}",
        "y": f"{centre:.1f}",
        "y_low": f"{y_low:.1f}",
        "y_high": f"{y_high:.1f}",
        "range": claim.qualifier == "range" or b.low != b.high,
        "cap": not b.open_high,  # the bar's top is closed
        "up": f"M{x:.1f} {y_high - 18:.1f} l-5 8 h10 z M{x:.1f} {y_high:.1f} v-12" if b.open_high else None,
        "down": f"M{x:.1f} {y_low + 18:.1f} l-5 -8 h10 z M{x:.1f} {y_low:.1f} v12"
        if claim.qualifier == "at-most"
        else None,
        "about": claim.qualifier == "about",
    }


def _describe(unit: str, claims: Sequence[Claim]) -> str:
    ordered = sorted(claims, key=lambda c: (dates.sort_key(c.as_of, c.claimant), figure(c)))
    said = [f"{c.claimant}: {figure(c)} {unit} as of {dates.label(c.as_of)}" for c in ordered[:DESC_LIMIT]]
    more = len(ordered) - DESC_LIMIT
    tail = f"; and {more} more figures, all listed in the table below" if more > 0 else ""
    return "; ".join(said) + tail + "."

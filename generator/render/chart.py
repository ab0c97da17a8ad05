"""A build-time SVG chart of one measure: one series per claimant over as-of time. No JavaScript.

Colours come from CSS classes (``tl-s0`` … ``tl-s7``) so the chart follows the light/dark palette; the
chart carries a ``<title>`` and a ``<desc>`` that states every figure in words.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from .. import dates
from ..model import Claim
from .numbers import bounds, distinct, figure, number
from .text import esc

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


def svg(chart_id: str, title: str, unit: str, claims: Sequence[Claim]) -> str:
    """The chart for ``claims`` (all of one measure), as one line of inline SVG."""
    plotted = [(c, b, _mid(c.as_of)) for c in distinct(claims) if (b := bounds(c)) is not None]
    if len(plotted) < 2:  # one figure needs no chart: the table says it
        return ""
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

    parts = [
        f'<svg class="tl-chart-svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-t">{esc(title)}: figures claimed, by claimant, over time</title>',
        f'<desc id="{chart_id}-d">{esc(_describe(unit, [c for c, _, _ in plotted]))}</desc>',
        '<g class="tl-axis">',
    ]
    tick = 0.0
    while tick <= top + step / 2:
        y = ypos(tick)
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" class="tl-grid"/>'
            f'<text x="{LEFT - 8}" y="{y + 4:.1f}" text-anchor="end">{number(tick)}</text>'
        )
        tick += step
    for day in _months(first, last):
        at = LEFT + inner_w * (day - first).days / span
        label = f"{dates.MONTHS[day.month - 1][:3]} {day.year}"
        parts.append(
            f'<line x1="{at:.1f}" x2="{at:.1f}" y1="{HEIGHT - BOTTOM}" y2="{HEIGHT - BOTTOM + 5}"/>'
            f'<text x="{at:.1f}" y="{HEIGHT - BOTTOM + 20}" text-anchor="middle">{label}</text>'
        )
    parts.append(
        f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{HEIGHT - BOTTOM}" y2="{HEIGHT - BOTTOM}"/></g>'
    )

    for name in names:
        points = sorted(((x, c, b) for c, b, x in plotted if c.claimant == name), key=lambda p: p[0])
        parts.append(f'<g class="tl-series tl-s{series[name] % SERIES_CLASSES}">')
        if len(points) > 1:
            coords = " ".join(f"{xpos(x, name):.1f},{ypos((b.low + b.high) / 2):.1f}" for x, _, b in points)
            parts.append(f'<polyline points="{coords}" class="tl-line"/>')
        for x, claim, b in points:
            parts.append(_marker(xpos(x, name), ypos, claim, b.low, b.high, b.open_high, unit))
        parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)


def _marker(
    x: float,
    ypos: Callable[[float], float],
    claim: Claim,
    low: float,
    high: float,
    open_high: bool,
    unit: str,
) -> str:
    said = f"{claim.claimant}: {figure(claim)} {unit}, as of {dates.label(claim.as_of)}"
    tip = f"<title>{esc(said)}</title>"
    y_low, y_high = ypos(low), ypos(high)
    out = []
    if claim.qualifier == "range" or low != high:
        out.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{y_low:.1f}" y2="{y_high:.1f}" class="tl-range"/>')
        out.append(
            f'<line x1="{x - 4:.1f}" x2="{x + 4:.1f}" y1="{y_low:.1f}" y2="{y_low:.1f}" class="tl-range"/>'
        )
        if not open_high:
            cap = f'x1="{x - 4:.1f}" x2="{x + 4:.1f}" y1="{y_high:.1f}" y2="{y_high:.1f}"'
            out.append(f'<line {cap} class="tl-range"/>')
    if open_high:  # "at least", "3,000+": an upward arrow
        out.append(
            f'<path d="M{x:.1f} {y_high - 18:.1f} l-5 8 h10 z M{x:.1f} {y_high:.1f} v-12" class="tl-up"/>'
        )
    if claim.qualifier == "at-most":
        out.append(
            f'<path d="M{x:.1f} {y_low + 18:.1f} l-5 -8 h10 z M{x:.1f} {y_low:.1f} v12" class="tl-up"/>'
        )
    centre = ypos(claim.value) if claim.value is not None else (y_low + y_high) / 2
    ring = " tl-ring" if claim.qualifier == "about" else ""
    out.append(f'<circle cx="{x:.1f}" cy="{centre:.1f}" r="5" class="tl-dot{ring}">{tip}</circle>')
    return "".join(out)


def _describe(unit: str, claims: Sequence[Claim]) -> str:
    ordered = sorted(claims, key=lambda c: (dates.sort_key(c.as_of, c.claimant), figure(c)))
    said = [f"{c.claimant}: {figure(c)} {unit} as of {dates.label(c.as_of)}" for c in ordered[:DESC_LIMIT]]
    more = len(ordered) - DESC_LIMIT
    tail = f"; and {more} more figures, all listed in the table below" if more > 0 else ""
    return "; ".join(said) + tail + "."

"""A build-time SVG chart of one measure (``chart.html``): one mark per estimate over as-of time. No
JavaScript. This module computes the geometry; the template draws it.

* A claimant keeps one colour (CSS classes ``tl-s0`` … ``tl-s7``, light and dark) and one shape
  across every chart of the site (:class:`Claimants`).
* An estimate as of a day is a point; as of a month (or any longer span) it is a bar across that span,
  never a point in its middle. Nothing joins separate estimates.
* "about" draws the shape hollow, "at least" an arrow up, "at most" an arrow down, a range a bar.
* Labels are direct: each estimate is named (claimant and figure) in the column right of the plot, with
  a leader line to its mark. The chart carries a ``<title>`` and a ``<desc>`` that says every figure.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from .. import dates
from ..model import Claim
from . import when
from .numbers import Estimate, bounds, estimates, figure, number

Context = dict[str, Any]

WIDTH = 720
LEFT, PLOT_RIGHT, TOP, BOTTOM = 84, 440, 18, 42  # the plot; labels go right of PLOT_RIGHT
PLOT_HEIGHT = 240
LABEL_X = PLOT_RIGHT + 24
LINE = 28  # a label line's height: room for the phone's larger font (CSS: 24 user units)
WRAP = 18  # characters per label line (the label column is 256 units wide)
SERIES_CLASSES = 8
SHAPES = 8
DESC_LIMIT = 40
R = 6  # a shape's radius


class Claimants:
    """Every claimant of the site in one order, so that each keeps its colour and shape everywhere."""

    def __init__(self, claims: Sequence[Claim]) -> None:
        names = sorted({c.claimant for c in claims}, key=lambda s: (s.casefold(), s))
        self.index = {name: i for i, name in enumerate(names)}

    def colour(self, name: str) -> int:
        return self.index.get(name, 0) % SERIES_CLASSES

    def shape(self, name: str) -> int:
        i = self.index.get(name, 0)
        return (i + i // SERIES_CLASSES) % SHAPES  # past 8 claimants, colour and shape pair anew


def shape_path(shape: int, x: float, y: float, r: float = R) -> str:
    """An SVG path of one of the eight shapes, centred on (x, y)."""
    k = r * 0.9
    paths = {
        0: f"M{x - r:.1f} {y:.1f}a{r} {r} 0 1 0 {2 * r} 0a{r} {r} 0 1 0 {-2 * r} 0z",  # circle
        1: f"M{x - k:.1f} {y - k:.1f}h{2 * k:.1f}v{2 * k:.1f}h{-2 * k:.1f}z",  # square
        2: f"M{x:.1f} {y - r - 1:.1f}l{r + 1} {r + 1}l{-r - 1} {r + 1}l{-r - 1} {-r - 1}z",  # diamond
        3: f"M{x:.1f} {y - r - 1:.1f}l{r + 1} {2 * r}h{-2 * r - 2}z",  # triangle
        4: f"M{x:.1f} {y + r + 1:.1f}l{r + 1} {-2 * r}h{-2 * r - 2}z",  # triangle down
        5: (  # hexagon
            f"M{x - r:.1f} {y:.1f}l{r / 2:.1f} {-k:.1f}h{r:.1f}l{r / 2:.1f} {k:.1f}"
            f"l{-r / 2:.1f} {k:.1f}h{-r:.1f}z"
        ),
        6: (  # plus
            f"M{x - k / 3:.1f} {y - r:.1f}h{2 * k / 3:.1f}v{r - k / 3:.1f}h{r - k / 3:.1f}v{2 * k / 3:.1f}"
            f"h{-(r - k / 3):.1f}v{r - k / 3:.1f}h{-2 * k / 3:.1f}v{-(r - k / 3):.1f}h{-(r - k / 3):.1f}"
            f"v{-2 * k / 3:.1f}h{r - k / 3:.1f}z"
        ),
        7: f"M{x:.1f} {y - r:.1f}l{r} {r}h{-r / 2:.1f}v{r}h{-r:.1f}v{-r}h{-r / 2:.1f}z",  # house
    }
    return paths[shape % SHAPES]


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
    stride = max(1, math.ceil(len(ticks) / 5))
    return ticks[::stride]


def _wrap(text: str) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= WRAP:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _span(value: dates.EDTF) -> tuple[date, date]:
    """The days an as-of date may stand for (an open side: the known one)."""
    return dates.earliest(value), dates.latest(value)


def chart(
    chart_id: str, title: str, unit: str, claims: Sequence[Claim], claimants: Claimants
) -> Context | None:
    """The geometry of the chart for ``claims`` (all of one measure), for ``chart.html``; ``None`` when
    fewer than two estimates can be drawn (the list under it says them)."""
    drawn = [e for e in estimates(claims, lambda c: c) if bounds(e.headline) is not None]
    if len(drawn) < 2:
        return None
    spans = [_span(e.headline.as_of) for e in drawn]
    first = min(s for s, _ in spans) - timedelta(days=20)
    last = max(e for _, e in spans) + timedelta(days=20)
    days = max((last - first).days, 1)
    top, step = _nice_max(max(b.high for e in drawn if (b := bounds(e.headline))) * 1.08)
    inner_w = PLOT_RIGHT - LEFT

    def xpos(day: date) -> float:
        return LEFT + inner_w * (day - first).days / days

    def ypos(value: float) -> float:
        return TOP + PLOT_HEIGHT * (1 - value / top)

    marks = [_mark(e, xpos, ypos, claimants, unit) for e in drawn]
    _place_labels(marks)
    bottom = TOP + PLOT_HEIGHT
    height = max(bottom + BOTTOM, max(m["label_bottom"] for m in marks) + 8)
    grid = []
    tick = 0.0
    while tick <= top + step / 2:
        y = ypos(tick)
        grid.append({"y": f"{y:.1f}", "label_y": f"{y + 4:.1f}", "label": number(tick)})
        tick += step
    months = [
        {"x": f"{xpos(day):.1f}", "label": f"{dates.MONTHS[day.month - 1][:3]} {day.year}"}
        for day in _months(first, last)
    ]
    return {
        "id": chart_id,
        "title": title,
        "description": _describe(unit, drawn),
        "width": WIDTH,
        "height": int(height),
        "left": LEFT,
        "right": PLOT_RIGHT,
        "bottom": bottom,
        "grid": grid,
        "months": months,
        "marks": marks,
        "series": _series(drawn, claimants),
    }


def _mark(found: Estimate[Claim], xpos: Any, ypos: Any, claimants: Claimants, unit: str) -> dict[str, Any]:
    claim = found.headline
    b = bounds(claim)
    assert b is not None
    start, end = _span(claim.as_of)
    x1, x2 = xpos(start), xpos(end + timedelta(days=1))
    point = x2 - x1 < 2 * R  # a day (or too short to see as a span): a point
    x = (x1 + x2) / 2 if point else x1
    y_low, y_high = ypos(b.low), ypos(b.high)
    y = ypos(claim.value) if claim.value is not None else (y_low + y_high) / 2
    shape = claimants.shape(claim.claimant)
    anchor_x = x if point else x2
    return {
        "claimant": claim.claimant,
        "class": claimants.colour(claim.claimant),
        "shape": shape_path(shape, x, y),
        "hollow": claim.qualifier == "about",
        "span": None if point else {"x1": f"{x1:.1f}", "x2": f"{x2:.1f}", "y": f"{y:.1f}"},
        "range": {"x": f"{x:.1f}", "y1": f"{y_low:.1f}", "y2": f"{y_high:.1f}"} if b.low != b.high else None,
        "up": f"M{x:.1f} {y_high - 20:.1f} l-5 8 h10 z M{x:.1f} {y_high - R:.1f} v-12"
        if b.open_high
        else None,
        "down": f"M{x:.1f} {y_low + 20:.1f} l-5 -8 h10 z M{x:.1f} {y_low + R:.1f} v12"
        if claim.qualifier == "at-most"
        else None,
        "said": f"{claim.claimant}: {figure(claim)} {unit}, {when.as_of(claim.as_of)}",
        "lines": [*_wrap(claim.claimant), figure(claim)],
        "anchor": (anchor_x + (R if point else 0), y),
        "y": y,
    }


def _place_labels(marks: list[dict[str, Any]]) -> None:
    """Each label in the column right of the plot, as near its mark's height as the labels above it
    allow (one pass down, in the marks' order from top to bottom), and a leader line to it."""
    below = TOP
    for mark in sorted(marks, key=lambda m: m["y"]):
        lines = mark.pop("lines")
        height = LINE * len(lines)
        first = max(mark["y"] - height / 2 + LINE * 0.7, below + LINE * 0.7)
        ax, ay = mark.pop("anchor")
        mark["label"] = [{"y": f"{first + i * LINE:.1f}", "text": t} for i, t in enumerate(lines)]
        mark["label_x"] = LABEL_X
        label_mid = first - LINE * 0.7 + height / 2
        mark["leader"] = f"M{ax + 3:.1f} {ay:.1f} L{LABEL_X - 6:.1f} {label_mid:.1f}"
        below = first - LINE * 0.7 + height + 6
        mark["label_bottom"] = below


def _series(drawn: Sequence[Estimate[Claim]], claimants: Claimants) -> list[Context]:
    names = sorted({e.claimant for e in drawn}, key=lambda n: claimants.index.get(n, 0))
    return [
        {
            "claimant": name,
            "class": claimants.colour(name),
            "shape": shape_path(claimants.shape(name), 7, 7, 5),
        }
        for name in names
    ]


def _describe(unit: str, found: Sequence[Estimate[Claim]]) -> str:
    ordered = sorted(found, key=lambda e: (dates.sort_key(e.headline.as_of, e.claimant), figure(e.headline)))
    said = [
        f"{e.claimant}: {figure(e.headline)} {unit} {when.as_of(e.headline.as_of)}"
        for e in ordered[:DESC_LIMIT]
    ]
    more = len(ordered) - DESC_LIMIT
    tail = f"; and {more} more estimates, all listed below" if more > 0 else ""
    return "; ".join(said) + tail + "."

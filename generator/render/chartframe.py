"""The frame of a figures chart (chart.py): its scales, its axes, and the direct labels in the gutter
right of the plot.

The plot ends at a visible right edge on the data's last day (the time axis is never longer than the
data); the labels stand outside it, each level with its mark where the labels above allow, joined to
the plot's edge by a short dotted elbow that never enters the plot.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Any

from .. import dates
from . import shapes

Context = dict[str, Any]

PLOT_W = 372
GAP = 28  # from the plot's edge to the labels: the leaders' elbows
LINE = 16  # a label's line (13 px text)
LABEL_GAP = 7
NAME_CHARS = 34  # a label line, in characters
R = shapes.R


class Frame:
    """The plot's scales: days across (``first`` to the end of ``last``), figures up (0 to ``high``)."""

    def __init__(self, first: date, last: date, left: float, top: float, height: float, high: float) -> None:
        self.first, self.end = first, last + timedelta(days=1)
        self.days = max((self.end - first).days, 1)
        self.left, self.right = left, left + PLOT_W
        self.top, self.bottom, self.high = top, top + height, high

    def x(self, day: date) -> float:
        return self.left + PLOT_W * (day - self.first).days / self.days

    def y(self, value: float) -> float:
        return self.bottom - (self.bottom - self.top) * value / self.high


def nice_max(high: float) -> tuple[float, float]:
    """A round top for the y axis and its tick step."""
    if high <= 0:
        return 1.0, 0.25
    raw = high / 4
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    return step * math.ceil(high / step), step


def wrap(text: str, width: int = NAME_CHARS, most: int = 2) -> list[str]:
    """At most ``most`` lines of at most ``width`` characters (the last one cut with "…")."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > most:
        lines = [*lines[: most - 1], " ".join(lines[most - 1 :])]
    return [line if len(line) <= width else line[: width - 1].rstrip() + "…" for line in lines]


def time_axis(frame: Frame) -> Context:
    """Ticks at the months' starts; a label per month, centred on its visible part (all of them for a
    short axis, every n-th month's start for a long one)."""
    months = []
    day = frame.first.replace(day=1)
    while day < frame.end:
        following = (day + timedelta(days=32)).replace(day=1)
        months.append((day, following))
        day = following
    ticks = [f"{frame.x(s):.1f}" for s, _ in months if s > frame.first]
    labels = []
    if len(months) <= 4:
        for s, e in months:
            x1, x2 = frame.x(max(s, frame.first)), frame.x(min(e, frame.end))
            name = dates.MONTHS[s.month - 1]
            text = f"{name} {s.year}" if x2 - x1 >= 9 * (len(name) + 5) else f"{name[:3]} {s.year}"
            if x2 - x1 >= 7 * len(text):
                labels.append({"x": f"{(x1 + x2) / 2:.1f}", "text": text})
    else:
        stride = max(1, math.ceil(len(months) / 5))
        for s, _ in months[1::stride]:
            labels.append({"x": f"{frame.x(s):.1f}", "text": f"{dates.MONTHS[s.month - 1][:3]} {s.year}"})
    last = frame.end - timedelta(days=1)
    return {
        "ticks": ticks,
        "labels": labels,
        "last": f"{last.day} {dates.MONTHS[last.month - 1]} {last.year}",
    }


def label_height(lines: list[list[str]]) -> float:
    """The gutter's height the labels need."""
    return sum(LINE * len(text) + LABEL_GAP for text in lines)


def place_labels(marks: list[Context], lines: list[list[str]], frame: Frame) -> None:
    """Each label in the gutter, as level with its mark as the others allow (top-down, then pushed up
    from the bottom if they overflow), with its claimant's shape and a dotted elbow from the plot's
    edge at the mark's height. Nothing is drawn inside the plot or below its x axis."""
    items = sorted(zip(marks, lines, strict=True), key=lambda item: item[0]["y"])
    tops: list[float] = []
    below = frame.top - LINE / 2
    for mark, text in items:
        height = LINE * len(text)
        top = max(mark["y"] - height / 2, below)
        tops.append(top)
        below = top + height + LABEL_GAP
    above = frame.bottom
    for k in range(len(items) - 1, -1, -1):
        height = LINE * len(items[k][1])
        tops[k] = min(tops[k], above - height)
        above = tops[k] - LABEL_GAP
    text_x = frame.right + GAP + 14
    for (mark, text), top in zip(items, tops, strict=True):
        middle = top + LINE * 0.45
        mark["label"] = [{"y": f"{top + LINE * (i + 0.75):.1f}", "text": t} for i, t in enumerate(text)]
        mark["label_x"] = f"{text_x:.1f}"
        mark["label_shape"] = shapes.shape_path(mark["shape_name"], frame.right + GAP + 5, middle, 4.5)
        reach = mark["x2"] if mark["kind"] == "span" else mark["x"] + R
        start = max(frame.right, reach) + 3
        elbow = f"H{start + 8:.1f}" if abs(middle - mark["y"]) > 1 else ""
        mark["leader"] = f"M{start:.1f} {mark['y']:.1f}{elbow}L{frame.right + GAP - 3:.1f} {middle:.1f}"

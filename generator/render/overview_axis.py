"""The overview's frame (see overview.py): its time scale, with a break that keeps early context events
off the scale; the month and year labels of the axis; the configured periods' labels above their bands;
and the overview's title in words.

Units are CSS pixels at the overview's natural width (``WIDTH``): the SVG is never drawn narrower (it
scrolls sideways on a phone instead), so its text and marks keep their size.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from .. import dates
from ..dates import Interval, Single
from ..model import Event
from . import when
from .numbers import plural

Context = dict[str, Any]

WIDTH = 680
EDGE = 8  # space left and right of everything
OFF_WIDTH = 56  # the gutter left of the break, for events before the scale
BREAK = 14  # the break between the gutter and the scale
CHAR = 6.6  # an average character's width at the overview's text size (12.5 px)
LINE = 15  # a text line's height
CONTEXT_MONTHS = 6  # events ending this long before the first period go left of the break
MONTH_ABBR = tuple(m[:3] for m in dates.MONTHS)


def bounds(value: dates.EDTF) -> tuple[date | None, date | None]:
    """The first and last day a date may stand for; ``None`` for an open side."""
    if isinstance(value, Interval):
        start = value.start.earliest if value.start is not None else None
        end = value.end.latest if value.end is not None else None
        return start, end
    return value.earliest, value.latest


def month_range(key: str) -> tuple[date, date]:
    year, month = int(key[:4]), int(key[5:])
    start = date(year, month, 1)
    return start, _next_month(start) - timedelta(days=1)


def _next_month(day: date) -> date:
    return (day.replace(day=1) + timedelta(days=32)).replace(day=1)


def text_width(text: str) -> float:
    return len(text) * CHAR


class Scale:
    """Days to x, over whole months from ``first`` to ``last``, between ``left`` and ``right``."""

    def __init__(self, first: date, last: date, left: float, right: float) -> None:
        self.first = first.replace(day=1)
        self.last = _next_month(last)
        self.days = max((self.last - self.first).days, 1)
        self.left, self.right = left, right

    def x(self, day: date) -> float:
        day = min(max(day, self.first), self.last)
        return self.left + (self.right - self.left) * (day - self.first).days / self.days

    def after(self, day: date) -> float:
        """The x of the end of ``day``."""
        return self.x(day + timedelta(days=1))

    def months(self) -> list[date]:
        found, day = [], self.first
        while day < self.last:
            found.append(day)
            day = _next_month(day)
        return found


def cutoff(events: Sequence[Event], periods: Sequence[tuple[date, date]]) -> date | None:
    """Events ending before this day are context, drawn left of the break; ``None``: no break."""
    if not periods:
        return None
    first = periods[0][0]
    month = first.month - CONTEXT_MONTHS
    limit = date(first.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
    ends = [bounds(e.date)[1] for e in events]
    return limit if any(end is not None and end < limit for end in ends) else None


def axis(scale: Scale, y: float, early: Sequence[Event]) -> Context:
    """Ticks at each month; month names when a month is wide enough, years below them; the break and
    the years of the events left of it."""
    months = scale.months()
    width = (scale.right - scale.left) / max(len(months), 1)
    every = 1 if width >= 26 else 3 if width >= 9 else 12
    ticks, names, years = [], [], []
    for day in months:
        x = scale.x(day)
        ticks.append(f"{x:.1f}")
        if (day.month - 1) % every == 0 and every < 12:
            names.append({"x": f"{x + width * every / 2:.1f}", "text": MONTH_ABBR[day.month - 1]})
        if day.month == 1 or day == months[0]:
            years.append({"x": f"{x:.1f}", "text": str(day.year)})
    found: Context = {
        "y": f"{y:.1f}",
        "from": f"{scale.left:.1f}",
        "to": f"{scale.right:.1f}",
        "ticks": ticks,
        "names": names,
        "name_y": f"{y + 15:.1f}",
        "years": years,
        "year_y": f"{y + 31:.1f}",
        "off": None,
    }
    if early:
        first, last = (
            min(bounds(e.date)[1] or scale.first for e in early),
            max(bounds(e.date)[1] or scale.first for e in early),
        )
        years_text = str(first.year) if first.year == last.year else f"{first.year}–{last.year}"
        found["off"] = {
            "x1": f"{EDGE:.1f}",
            "x2": f"{EDGE + OFF_WIDTH:.1f}",
            "mid": f"{EDGE + OFF_WIDTH / 2:.1f}",
            "text": years_text,
            "break": f"{EDGE + OFF_WIDTH + BREAK / 2:.1f}",
        }
    return found


def wrap(text: str, room: float) -> list[str]:
    """A period label on at most a few lines: split after its date (" — "), then by words to fit."""
    head, sep, rest = text.partition(" — ")
    pieces = [head, rest] if sep else [text]
    lines: list[str] = []
    for piece in pieces:
        line = ""
        for word in piece.split():
            if line and text_width(f"{line} {word}") > room:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        if line:
            lines.append(line)
    return lines


def period_labels(scale: Scale, periods: Sequence[tuple[str, date, date]]) -> tuple[list[Context], float]:
    """Each period's label directly above its band, starting at the band (or ending at it, when it would
    run off the right), on the first row where it crosses no other label or leader line; and the height
    they take."""
    room = 190.0
    placed: list[tuple[int, float, float, float]] = []  # row, from, to, leader x
    found: list[Context] = []
    for text, start, end in periods:
        lines = wrap(text, room)
        width = max(text_width(line) for line in lines)
        x = scale.x(start)
        band_end = scale.after(end)
        right = x + width > WIDTH - EDGE
        span = (band_end - width, band_end) if right else (x, x + width)
        leader = band_end - 2 if right else x + 2
        row = 0
        while any(
            (r == row and not (span[1] + 8 < a or span[0] - 8 > b))  # overlaps a label on this row
            or (r > row and a - 2 <= leader <= b + 2)  # its leader would cross a lower label
            or (r < row and span[0] - 2 <= lx <= span[1] + 2)  # a higher label's leader would cross it
            for r, a, b, lx in placed
        ):
            row += 1
        placed.append((row, span[0], span[1], leader))
        found.append({"lines": lines, "x": f"{span[0]:.1f}", "leader": f"{leader:.1f}"})
    rows = max((p[0] for p in placed), default=-1) + 1
    height = max((len(label["lines"]) for label in found), default=0) * LINE + 6
    for label, (row, *_) in zip(found, placed, strict=True):
        count = len(label["lines"])
        base = row * height + LINE - 3
        label["ys"] = [f"{base + i * LINE:.1f}" for i in range(count)]
        label["leader_y"] = f"{base + (count - 1) * LINE + 4:.1f}"
    return found, rows * height


def title(events: Sequence[Event]) -> str:
    """ "Overview: 33 events, February 2022 to December 2024", at the precision the dates have; when
    the latest date is only a "by" date, it says so."""
    starts = [(s.earliest, -int(s.precision), s) for e in events for s in _ends(e.date, 0)]
    ends: list[tuple[date, bool, int, Single, bool]] = []
    for event in events:
        for single in _ends(event.date, 1):
            opened = isinstance(event.date, Interval) and event.date.start is None
            ends.append((single.latest, not single.uncertain, int(single.precision), single, opened))
    count = plural(len(events), "event")
    if not starts or not ends:
        return f"Overview: {count}"
    first = min(starts, key=lambda s: (s[0], s[1]))[2]
    last = max(ends, key=lambda e: (e[0], e[1], not e[4], e[2]))
    tail = " (dated only “by” then)" if last[4] else ""
    return f"Overview: {count}, {when.words(first)} to {when.words(last[3])}{tail}"


def _ends(value: dates.EDTF, side: int) -> list[Single]:
    if isinstance(value, Single):
        return [value]
    found = value.start if side == 0 else value.end
    return [found] if found is not None else []

"""The overview axis (``overview.html``): the whole timeline at a glance, a build-time SVG at the top of
the home page and the full timeline. No JavaScript.

* The time scale is proportional: a month takes the width its days take.
* The configured periods are labelled bands.
* Each event is one mark, a link to its card with the event's title and date as its name: a day is a
  point; a month, a year or an interval is a bar across the days it may stand for; "since …" runs to the
  axis's end with an arrow; "by …" is a short arrow ending at its date (when it began, no source says).
  Uncertain and approximate dates are drawn dashed. Marks that would overlap go on lanes below.
* Past ``BIN_ABOVE`` events, marks give way to one bar per group (a month, a year, a "by" date) whose
  height grows with its number of events, linking to the group's page: the SVG then grows with the
  number of months, not of events.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from markupsafe import Markup

from .. import dates
from ..dates import Interval
from ..model import Event
from . import context as ctx
from . import when
from .context import Site
from .groups import MONTH, Group
from .numbers import plural

Context = dict[str, Any]

WIDTH = 1000
EDGE = 12  # space left and right of the plot
LANE = 16  # a lane's height (less when there are many lanes: see LANES_HEIGHT)
MARK = 10  # a bar's height (with the lane's)
LANES_HEIGHT = 260  # lanes share at most this height, down to MIN_LANE each
MIN_LANE = 8
GAP = 6  # least room between two marks on one lane
BY_LENGTH = 36  # a "by" mark's length
LABEL_ROW = 22  # a period label's row
AXIS = 34  # room for the year labels
BIN_ABOVE = 400  # more events than this: density bars per group instead of marks
BIN_HEIGHT = 60  # the tallest density bar


def _bounds(value: dates.EDTF) -> tuple[date | None, date | None]:
    """The first and last day a date may stand for; ``None`` for an open side."""
    if isinstance(value, Interval):
        start = value.start.earliest if value.start is not None else None
        end = value.end.latest if value.end is not None else None
        return start, end
    return value.earliest, value.latest


def _period_range(key: str) -> tuple[date, date]:
    year, month = int(key[:4]), int(key[5:])
    start = date(year, month, 1)
    return start, (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)


class _Scale:
    def __init__(self, first: date, last: date) -> None:
        # whole months, so that month bars and period bands start and end on the axis's ticks
        self.first = first.replace(day=1)
        self.last = (last.replace(day=1) + timedelta(days=32)).replace(day=1)
        self.days = max((self.last - self.first).days, 1)

    def x(self, day: date) -> float:
        return EDGE + (WIDTH - 2 * EDGE) * (day - self.first).days / self.days

    def years(self) -> list[date]:
        return [
            date(y, 1, 1) for y in range(self.first.year, self.last.year + 1) if date(y, 1, 1) >= self.first
        ]


def overview(site: Site, page: str) -> Context | None:
    """The geometry of the overview for ``page`` (links are relative to it); ``None`` without events."""
    events = site.events
    if not events:
        return None
    known = [d for e in events for d in _bounds(e.date) if d is not None]
    periods = [_period_range(k) for k in sorted(site.options.periods) if ctx.PERIOD_KEY.match(k)]
    scale = _Scale(min(known + [s for s, _ in periods]), max(known + [e for _, e in periods]))
    binned = len(events) > BIN_ABOVE
    marks, height = _bins(site, page, scale) if binned else _marks(site, page, scale, events)
    labels = _period_labels(site, scale, periods)
    rows = max((label["row"] for label in labels), default=-1) + 1
    top = rows * LABEL_ROW + 8
    plot = height + 8
    bottom = top + plot
    first, last = events[0], events[-1]
    span = f"{site.label(first.date)} to {site.label(last.date)}"
    return {
        "id": "tl-overview",
        "width": WIDTH,
        "height": int(bottom + AXIS),
        "title": f"Overview: {plural(len(events), 'event')}, {span}",
        "binned": binned,
        "marks": marks,
        "marks_top": top,
        "bands": [
            {
                "x": f"{scale.x(s):.1f}",
                "width": f"{max(scale.x(e + timedelta(days=1)) - scale.x(s), 2):.1f}",
                "y": f"{top - 4}",
                "height": f"{plot + 4}",
            }
            for s, e in periods
        ],
        "labels": [{**label, "y": f"{(label.pop('row') + 1) * LABEL_ROW - 6}"} for label in labels],
        "axis_y": f"{bottom:.1f}",
        "years": [_year(scale.x(day), day.year, bottom) for day in scale.years()],
        "months": [f"{scale.x(day):.1f}" for day in _month_starts(scale)],
        "months_href": site.links.href(page, ctx.DATED_INDEX),
    }


def _year(x: float, year: int, bottom: float) -> Context:
    """A year's tick label, kept inside the axis at its ends."""
    anchor = "end" if x > WIDTH - 40 else "start" if x < 40 else "middle"
    return {"x": f"{x:.1f}", "label": str(year), "y": f"{bottom + 22:.1f}", "anchor": anchor}


def overview_html(site: Site, page: str) -> Markup:
    """The overview rendered for ``page`` (``overview.html``); nothing without events."""
    found = overview(site, page)
    return Markup(site.templates.render("overview.html", found)) if found else Markup("")


def _month_starts(scale: _Scale) -> list[date]:
    found, day = [], scale.first
    while day <= scale.last:
        found.append(day)
        day = (day + timedelta(days=32)).replace(day=1)
    return found if len(found) <= 240 else [d for d in found if d.month == 1]


def _marks(site: Site, page: str, scale: _Scale, events: Sequence[Event]) -> tuple[list[Context], float]:
    """One mark per event, on the first lane where it overlaps nothing; and the height they take."""
    placed: list[tuple[float, float, Event, str]] = []
    for event in events:
        start, end = _bounds(event.date)
        if start is None:  # "by": a short arrow ending at the date
            assert end is not None
            x2 = scale.x(end + timedelta(days=1))
            placed.append((max(x2 - BY_LENGTH, EDGE), x2, event, "by"))
        elif end is None:  # "since": to the axis's end
            placed.append((scale.x(start), WIDTH - EDGE, event, "since"))
        else:
            x1, x2 = scale.x(start), scale.x(end + timedelta(days=1))
            kind = "point" if x2 - x1 < MARK else "span"
            centre = (x1 + x2) / 2
            placed.append(
                (centre - MARK / 2, centre + MARK / 2, event, kind)
                if kind == "point"
                else (x1, x2, event, kind)
            )
    lane_ends: list[float] = []
    lane_of: list[int] = []
    ordered = sorted(placed, key=lambda p: (p[0], p[1]))
    for x1, x2, _, _ in ordered:
        lane = next((i for i, end in enumerate(lane_ends) if end + GAP <= x1), len(lane_ends))
        if lane == len(lane_ends):
            lane_ends.append(x2)
        else:
            lane_ends[lane] = x2
        lane_of.append(lane)
    lanes = max(len(lane_ends), 1)
    step = max(MIN_LANE, min(LANE, LANES_HEIGHT / lanes))
    size = step * MARK / LANE
    marks = []
    for (x1, x2, event, kind), lane in zip(ordered, lane_of, strict=True):
        middle = lane * step + step / 2
        marks.append(
            {
                "kind": kind,
                "href": site.event_href(page, event),
                "name": f"{event.title} ({site.label(event.date)})",
                "unsure": when.unsure(event.date),
                "x": f"{x1:.1f}",
                "width": f"{x2 - x1:.1f}",
                "y": f"{middle - size / 2:.1f}",
                "height": f"{size:.1f}",
                "r": f"{size / 2 + 0.5:.1f}",
                "cx": f"{(x1 + x2) / 2:.1f}",
                "cy": f"{middle:.1f}",
                "arrow": _arrow(kind, x1, x2, middle, size),
            }
        )
    return marks, lanes * step


def _arrow(kind: str, x1: float, x2: float, y: float, size: float) -> str | None:
    """The arrowhead of an open side: left for "by" (it began earlier), right for "since"."""
    half = size * 0.7
    if kind == "by":
        return f"M{x1:.1f} {y:.1f}l{half * 1.3:.1f} {-half:.1f}v{2 * half:.1f}z"
    if kind == "since":
        return f"M{x2:.1f} {y:.1f}l{-half * 1.3:.1f} {-half:.1f}v{2 * half:.1f}z"
    return None


def _bins(site: Site, page: str, scale: _Scale) -> tuple[list[Context], float]:
    """One bar per group of events, its height growing with the square root of its count."""
    most = max(len(events) for events in site.groups.values())
    marks = []
    for group, events in site.groups.items():
        start, end = _group_days(group)
        x1, x2 = scale.x(start), scale.x(end + timedelta(days=1))
        height = max(2.0, BIN_HEIGHT * math.sqrt(len(events) / most))
        marks.append(
            {
                "kind": "bin",
                "href": site.links.href(page, ctx.dated(group)),
                "name": f"{site.group_title(group)}: {plural(len(events), 'event')}",
                "unsure": group.kind != MONTH,
                "x": f"{x1:.1f}",
                "width": f"{max(x2 - x1 - 1, 2):.1f}",
                "y": f"{BIN_HEIGHT - height:.1f}",
                "height": f"{height:.1f}",
                "arrow": None,
            }
        )
    return marks, BIN_HEIGHT


def _group_days(group: Group) -> tuple[date, date]:
    if group.month is None:
        return date(group.year, 1, 1), date(group.year, 12, 31)
    start = date(group.year, group.month, 1)
    return start, (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)


def _period_labels(site: Site, scale: _Scale, periods: list[tuple[date, date]]) -> list[Context]:
    """Each configured period's title above its band, on the first row where it fits (labels in the
    right half end at their band, so that they grow towards the middle)."""
    keys = [k for k in sorted(site.options.periods) if ctx.PERIOD_KEY.match(k)]
    rows: list[list[tuple[float, float]]] = []
    found = []
    for key, (start, end) in zip(keys, periods, strict=True):
        text = site.options.periods[key]
        width = len(text) * 8.2 + 8  # at the desktop's label size; the phone view scrolls sideways
        mid = (scale.x(start) + scale.x(end + timedelta(days=1))) / 2
        right = mid > WIDTH / 2
        x = scale.x(end + timedelta(days=1)) if right else scale.x(start)
        span = (x - width, x) if right else (x, x + width)
        row = next(
            (i for i, taken in enumerate(rows) if all(span[1] < a or span[0] > b for a, b in taken)),
            len(rows),
        )
        if row == len(rows):
            rows.append([])
        rows[row].append(span)
        found.append({"text": text, "x": f"{x:.1f}", "anchor": "end" if right else "start", "row": row})
    return found

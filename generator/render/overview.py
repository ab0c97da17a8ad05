"""The overview axis (``overview.html``): the whole timeline at a glance, a build-time SVG at the top of
the home page and the full timeline. No JavaScript.

* The time scale is proportional, in whole months, and runs from the earliest on-scale event (or the
  first configured period) to the latest. Events that ended long before the first period (context) sit
  left of a break in the axis, so that one old event does not squash the story into a corner.
* The configured periods are shaded bands, each labelled directly above itself.
* Each event is one mark, a link to its card with the event's title and date as its name: a day is a
  dot; a month, a year or an interval is a bar across the days it may stand for; "since …" runs to the
  axis's end with an arrow; "by …" is an end tick at its date with a dotted line fading to the left and
  an open arrowhead (it began before, no source says when: never a bar with an invented start).
  Uncertain and approximate dates are drawn dashed. Marks that would overlap go on lanes below.
* Three or more events with the same date are one mark with its count, linking to their page.
* Every link has a hit area at least 24 px high and wide. The SVG is drawn at its natural size (1 unit
  is 1 CSS px, never smaller): on a phone it scrolls sideways, with a cue.
* Past ``BIN_ABOVE`` events, or past ``MAX_LANES`` lanes, marks give way to one bar per group (a month,
  a year, a "by" date) whose height grows with its number of events, linking to the group's page.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from markupsafe import Markup

from ..model import Event
from . import context as ctx
from . import overview_axis as ax
from . import when
from .context import Site
from .groups import MONTH, UNTIL, Group, group_of
from .numbers import plural

Context = dict[str, Any]

LANE = 24  # a lane's height: a mark's hit area
TICK = 4  # a 'by' group's width in the density bars: a tick at its date, not a span
MARK = 12  # a bar's height
GAP = 6  # least room between two marks on one lane
HIT = 24  # a link's least hit width
CLUSTER_FROM = 3  # this many events with one date are drawn as one mark with a count
MAX_LANES = 14  # more lanes than this: density bars per group
BIN_ABOVE = 400  # more events than this: density bars per group
BIN_HEIGHT = 60  # the tallest density bar


def overview(site: Site, page: str) -> Context | None:
    """The geometry of the overview for ``page`` (links are relative to it); ``None`` without events."""
    events = site.events
    if not events:
        return None
    keys = [k for k in sorted(site.options.periods) if ctx.PERIOD_KEY.match(k)]
    periods = [(site.options.periods[k], *ax.month_range(k)) for k in keys]
    cut = ax.cutoff(events, [(s, e) for _, s, e in periods])
    early = [e for e in events if cut is not None and (ax.bounds(e.date)[1] or cut) < cut]
    found = None if len(events) > BIN_ABOVE else _layout(site, page, events, early, periods)
    if found is None:
        found = _binned(site, page, events, periods)
    scale, marks, height, binned = found
    labels, labels_height = ax.period_labels(scale, periods)
    top = labels_height + 8
    bottom = top + height + 6
    return {
        "id": "tl-overview",
        "width": ax.WIDTH,
        "height": int(bottom + 38),
        "title": ax.title(events),
        "binned": binned,
        "marks": marks,
        "marks_top": f"{top:.1f}",
        "fade": {"x1": f"{scale.left:.1f}", "x2": f"{scale.right:.1f}"},
        "bands": [
            {
                "x": f"{scale.x(s):.1f}",
                "width": f"{max(scale.after(e) - scale.x(s), 2):.1f}",
                "y": f"{labels_height + 2:.1f}",
                "height": f"{bottom - labels_height - 2:.1f}",
            }
            for _, s, e in periods
        ],
        "labels": labels,
        "axis": ax.axis(scale, bottom, early if not binned else []),
        "kinds": sorted({m["kind"] for m in marks} | {"count" for m in marks if m.get("count")}),
        "months_href": site.links.href(page, ctx.DATED_INDEX),
    }


def overview_html(site: Site, page: str) -> Markup:
    """The overview rendered for ``page`` (``overview.html``); nothing without events."""
    found = overview(site, page)
    return Markup(site.templates.render("overview.html", found)) if found else Markup("")


def _extent(events: Sequence[Event], periods: Sequence[tuple[str, date, date]]) -> tuple[date, date]:
    days = [d for e in events for d in ax.bounds(e.date) if d is not None]
    days += [d for _, s, e in periods for d in (s, e)]
    return min(days), max(days)


def _layout(
    site: Site, page: str, events: Sequence[Event], early: Sequence[Event], periods: Sequence[Any]
) -> tuple[ax.Scale, list[Context], float, bool] | None:
    """Marks on lanes; ``None`` when they would need more than ``MAX_LANES`` lanes."""
    later = [e for e in events if e not in early]
    by_date: dict[Any, list[Event]] = defaultdict(list)
    for event in later:
        by_date[event.date].append(event)
    groups = [
        [e] if len(same) < CLUSTER_FROM else same
        for same in by_date.values()
        for e in (same if len(same) < CLUSTER_FROM else same[:1])
    ]
    counted = [g for g in groups if len(g) > 1]
    gutter = max((ax.text_width(_count(g)) + 10 for g in counted), default=0.0)
    left = ax.EDGE + (ax.OFF_WIDTH + ax.BREAK if early else 0)
    first, last = _extent(later or events, periods)
    scale = ax.Scale(first, last, left, ax.WIDTH - ax.EDGE - gutter)
    items = [_early(site, page, e) for e in early] + [_item(site, page, scale, g) for g in groups]
    lanes = _lanes(items)
    if lanes > MAX_LANES:
        return None
    return scale, [_draw(item, scale) for item in items], lanes * LANE, False


def _count(events: Sequence[Event]) -> str:
    return f"{len(events)} events"


def _early(site: Site, page: str, event: Event) -> Context:
    """An event left of the break: a dot in the gutter, named with its full date."""
    centre = ax.EDGE + ax.OFF_WIDTH / 2
    return {
        "kind": "point",
        "href": site.event_href(page, event),
        "name": f"{event.title} ({site.label(event.date)})",
        "unsure": when.unsure(event.date),
        "x1": centre - HIT / 2,
        "x2": centre + HIT / 2,
        "from": centre,
        "to": centre,
        "count": None,
    }


def _item(site: Site, page: str, scale: ax.Scale, same: Sequence[Event]) -> Context:
    """One mark for an event, or for several with one date: its kind and where it runs."""
    event = same[0]
    start, end = ax.bounds(event.date)
    if start is None:  # "by": an end tick at the date; it began before, no source says when
        assert end is not None
        kind, x1, x2 = "by", scale.left, scale.after(end)
    elif end is None:  # "since": to the axis's end
        kind, x1, x2 = "since", scale.x(start), scale.right
    else:
        x1, x2 = scale.x(start), scale.after(end)
        kind = "point" if x2 - x1 < MARK else "span"
    found: Context = {"kind": kind, "unsure": when.unsure(event.date), "from": x1, "to": x2}
    if len(same) > 1:
        group = group_of(event.date)
        found["href"] = site.links.href(page, ctx.dated(group))
        found["name"] = f"{len(same)} events, {site.label(event.date)}: the {group.page_name}"
        found["count"] = _count(same)
    else:
        found["href"] = site.event_href(page, event)
        found["name"] = f"{event.title} ({site.label(event.date)})"
        found["count"] = None
    right = x2 + (4 + ax.text_width(found["count"]) if found["count"] else 0)
    centre = (x1 + x2) / 2
    found["x1"], found["x2"] = min(x1, centre - HIT / 2), max(right, centre + HIT / 2)
    return found


def _lanes(items: list[Context]) -> int:
    """Each item on the first lane where it overlaps nothing (``item["lane"]``); the number of lanes."""
    ends: list[float] = []
    for item in sorted(items, key=lambda i: (i["kind"] == "by", i["x1"], i["x2"])):  # "by" lines last
        lane = next((i for i, end in enumerate(ends) if end + GAP <= item["x1"]), len(ends))
        if lane == len(ends):
            ends.append(item["x2"])
        else:
            ends[lane] = item["x2"]
        item["lane"] = lane
    items.sort(key=lambda i: (i["lane"], i["x1"]))
    return max(len(ends), 1)


def _draw(item: Context, scale: ax.Scale) -> Context:
    """The SVG geometry of one placed item."""
    y = item["lane"] * LANE + LANE / 2
    x1, x2 = item["from"], item["to"]
    found = {
        "kind": item["kind"],
        "href": item["href"],
        "name": item["name"],
        "unsure": item["unsure"],
        "count": item["count"],
        "hit": {
            "x": f"{item['x1']:.1f}",
            "y": f"{y - LANE / 2:.1f}",
            "width": f"{item['x2'] - item['x1']:.1f}",
            "height": f"{LANE}",
        },
        "x": f"{x1:.1f}",
        "width": f"{max(x2 - x1, 1):.1f}",
        "y": f"{y - MARK / 2:.1f}",
        "height": f"{MARK}",
        "cx": f"{(x1 + x2) / 2:.1f}",
        "cy": f"{y:.1f}",
        "text_x": f"{x2 + 4:.1f}",
        "text_y": f"{y + 4.5:.1f}",
        "path": None,
    }
    if item["kind"] == "since":  # the bar stops short of its arrowhead, so that the arrow shows
        found["width"] = f"{max(x2 - x1 - 10, 1):.1f}"
        found["path"] = f"M{x2:.1f} {y:.1f}l-10 -8v16z"
    elif item["kind"] == "by":  # the tick at the date, and an open arrowhead at the line's left end
        found["tick"] = {"x": f"{x2 - 4:.1f}", "y": f"{y - 8:.1f}", "height": "16"}
        found["path"] = f"M{x1 + 8:.1f} {y - 6:.1f}L{x1 + 1:.1f} {y:.1f}L{x1 + 8:.1f} {y + 6:.1f}"
        found["line_to"] = f"{x2 - 4:.1f}"
    return found


def _binned(
    site: Site, page: str, events: Sequence[Event], periods: Sequence[Any]
) -> tuple[ax.Scale, list[Context], float, bool]:
    """One bar per group of events, its height growing with the square root of its count."""
    first, last = _extent(events, periods)
    scale = ax.Scale(first, last, ax.EDGE, ax.WIDTH - ax.EDGE)
    most = max(len(found) for found in site.groups.values())
    marks = []
    for group, found in site.groups.items():
        start, end = _group_days(group)
        x1, x2 = scale.x(start), scale.after(end)
        if group.kind == UNTIL:  # happened by the month's end, began no source says when: a tick there
            x1 = x2 - TICK
        height = max(2.0, BIN_HEIGHT * math.sqrt(len(found) / most))
        width = max(x2 - x1 - 1, 2)
        marks.append(
            {
                "kind": "bin",
                "href": site.links.href(page, ctx.dated(group)),
                "name": f"{site.group_title(group)}: {plural(len(found), 'event')}",
                "unsure": group.kind != MONTH,
                "count": None,
                "hit": {
                    "x": f"{min(x1, (x1 + x2 - HIT) / 2):.1f}",
                    "y": "0",
                    "width": f"{max(width, HIT):.1f}",
                    "height": f"{BIN_HEIGHT}",
                },
                "x": f"{x1:.1f}",
                "width": f"{width:.1f}",
                "y": f"{BIN_HEIGHT - height:.1f}",
                "height": f"{height:.1f}",
                "path": None,
            }
        )
    return scale, marks, BIN_HEIGHT, True


def _group_days(group: Group) -> tuple[date, date]:
    if group.month is None:
        return date(group.year, 1, 1), date(group.year, 12, 31)
    start = date(group.year, group.month, 1)
    return start, (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)

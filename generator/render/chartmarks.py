"""The marks of a figures chart (chart.py): one per estimate, drawn no more precisely than its as-of
date and its qualifier allow.

* The as-of date: a day is a point; a month (or any longer span) a bar across it, never a point in its
  middle; "by" a date the claimant's shape ending at the date with a dotted whisker pointing left (how
  long before, no source says); "since" a date one pointing right. An uncertain date ("probably") is
  dashed: the bar, or a dashed ring around the point.
* The qualifier: "about" draws the shape hollow, "at least" an arrow up on a stem, "at most" one down, a
  range a vertical bar. Nothing joins separate estimates.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from .. import dates
from ..dates import Interval
from ..model import Claim
from . import shapes, when
from .chartframe import Frame
from .numbers import bounds

Context = dict[str, Any]
R = shapes.R


def span_of(value: dates.EDTF) -> tuple[date, date]:
    """The days an as-of date may stand for (an open side: the known one)."""
    return dates.earliest(value), dates.latest(value)


def open_side(value: dates.EDTF) -> str | None:
    """ "by" (no start), "since" (no end), or None."""
    if isinstance(value, Interval):
        return "by" if value.start is None else "since" if value.end is None else None
    return None


def mark(claim: Claim, name: str, frame: Frame, colour: str, shape: str, said: str) -> Context:
    """A mark's geometry (its paths come later, from :func:`finish`, once marks are dodged)."""
    b = bounds(claim)
    assert b is not None
    start, end = span_of(claim.as_of)
    opened = open_side(claim.as_of)
    x1, x2 = frame.x(start), frame.x(end + timedelta(days=1))
    point = opened is not None or x2 - x1 < 2 * R
    if opened == "by":
        x = x2 - R  # its right edge at the end of the date: never past it
    elif opened == "since":
        x = x1 + R  # never before it
    else:
        x = (x1 + x2) / 2
    return {
        "claimant": claim.claimant,
        "name": name,
        "class": colour,
        "kind": "span" if not point else opened or "point",
        "shape_name": shape,
        "hollow": claim.qualifier == "about",
        "unsure": when.unsure(claim.as_of),
        "said": said,
        "x": x,
        "y": frame.y(claim.value) if claim.value is not None else frame.y((b.low + b.high) / 2),
        "x1": x1,
        "x2": x2,
        "low": frame.y(b.low),
        "high": frame.y(b.high),
        "up": b.open_high,
        "down": claim.qualifier == "at-most",
        "range": b.low != b.high,
    }


def _reach(found: Context) -> tuple[float, float]:
    """How far a mark reaches up and down (its arrows included)."""
    up = R + shapes.STEM + shapes.HEAD if found["up"] else R
    down = R + shapes.STEM + shapes.HEAD if found["down"] else R
    return min(found["y"] - up, found["high"]), max(found["y"] + down, found["low"])


def dodge(marks: list[Context]) -> None:
    """Points at (about) the same x whose shapes or arrows would touch are spread sideways, the
    group's centre kept."""
    ordered = sorted((m for m in marks if m["kind"] != "span"), key=lambda m: m["x"])
    i = 0
    while i < len(ordered):
        j = i + 1
        while j < len(ordered) and ordered[j]["x"] - ordered[i]["x"] < 2 * R + 2:
            j += 1
        group = ordered[i:j]
        reach = [_reach(m) for m in group]
        touching = any(
            a[0] < b[1] + 2 and b[0] < a[1] + 2 for k, a in enumerate(reach) for b in reach[k + 1 :]
        )
        if touching:
            _spread(group)
        i = j


def _spread(group: list[Context]) -> None:
    """Side by side round the group's centre, then moved so that no "by" mark passes its date and no
    "since" mark comes before its date."""
    before = [m["x"] for m in group]
    centre = sum(before) / len(group)
    for k, found in enumerate(sorted(group, key=lambda m: m["y"])):
        found["x"] = centre + (k - (len(group) - 1) / 2) * (2 * R + 5)
    late = max((m["x"] - x for m, x in zip(group, before, strict=True) if m["kind"] == "by"), default=0.0)
    early = max((x - m["x"] for m, x in zip(group, before, strict=True) if m["kind"] == "since"), default=0.0)
    shift = early if early > 0 else -late if late > 0 else 0.0
    for found in group:
        found["x"] += shift


def finish(found: Context, frame: Frame) -> None:
    """The mark's paths, from its geometry."""
    x, y = found["x"], found["y"]
    kind = found["kind"]
    found["shape"] = shapes.shape_path(found["shape_name"], x, y)
    found["span"] = (
        {"x1": f"{found['x1']:.1f}", "x2": f"{found['x2']:.1f}", "y": f"{y:.1f}"} if kind == "span" else None
    )
    found["halo"] = shapes.halo(x, y) if found["unsure"] and kind != "span" else None
    found["whisker"] = None
    if kind in ("by", "since"):
        leftwards = kind == "by"
        room = (x - R - 2 - frame.left) if leftwards else (frame.right - x - R - 2)
        length = max(8.0, min(shapes.WHISKER, room))
        found["whisker"] = shapes.whisker(x + (-R - 2 if leftwards else R + 2), y, length, leftwards)
    found["range"] = (
        {"x": f"{x:.1f}", "y1": f"{found['low']:.1f}", "y2": f"{found['high']:.1f}"}
        if found["range"]
        else None
    )
    found["up"] = shapes.up(x, min(y, found["high"]) - R) if found["up"] else None
    found["down"] = shapes.down(x, max(y, found["low"]) + R) if found["down"] else None
    found["label"], found["leader"], found["label_shape"] = None, None, None

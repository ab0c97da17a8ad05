"""The marks of the figures' charts as SVG paths: the claimants' shapes, and the glyphs that say what a
figure's qualifier or date is. A reader decodes a chart with its key, so no claimant shape may look
like a glyph of the key: no triangle and no arrow is a claimant's shape (those say "at least", "at
most", "by" and "since"), and the circle is kept for claimants the article does not name (drawn grey).

Every function returns path data for a mark centred on (x, y); the key draws the same paths, smaller.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

R = 6.0  # a claimant shape's radius in the chart


def _polygon(points: Sequence[tuple[float, float]]) -> str:
    head, *rest = points
    return f"M{head[0]:.1f} {head[1]:.1f}" + "".join(f"L{x:.1f} {y:.1f}" for x, y in rest) + "Z"


def _regular(x: float, y: float, r: float, sides: int, turn: float = 0.0) -> list[tuple[float, float]]:
    return [
        (x + r * math.sin(turn + 2 * math.pi * i / sides), y - r * math.cos(turn + 2 * math.pi * i / sides))
        for i in range(sides)
    ]


def _cross(x: float, y: float, r: float, turn: float) -> list[tuple[float, float]]:
    """A plus sign's outline (12 corners), turned by ``turn`` radians (π/4: an ×)."""
    w = r * 0.36  # half the bar's width
    corners = [
        (-w, -r),
        (w, -r),
        (w, -w),
        (r, -w),
        (r, w),
        (w, w),
        (w, r),
        (-w, r),
        (-w, w),
        (-r, w),
        (-r, -w),
    ]
    corners.append((-w, -w))
    cos, sin = math.cos(turn), math.sin(turn)
    return [(x + a * cos - b * sin, y + a * sin + b * cos) for a, b in corners]


def _star(x: float, y: float, r: float) -> list[tuple[float, float]]:
    outer, inner = _regular(x, y, r * 1.15, 5), _regular(x, y, r * 0.5, 5, math.pi / 5)
    return [p for pair in zip(outer, inner, strict=True) for p in pair]


# The claimants' shapes, in the order claimants take them: none is a triangle or an arrow, none a
# circle. A few are drawn a little larger, so that all look about as heavy.
CLAIMANT_SHAPES = ("square", "diamond", "hexagon", "plus", "pentagon", "cross", "star")
UNNAMED_SHAPE = "circle"


def shape_points(name: str, x: float, y: float, r: float = R) -> list[tuple[float, float]]:
    """The corners of a polygonal shape (not the circle)."""
    if name == "square":
        k = r * 0.85
        return [(x - k, y - k), (x + k, y - k), (x + k, y + k), (x - k, y + k)]
    if name == "diamond":
        return _regular(x, y, r * 1.2, 4)
    if name == "hexagon":
        return _regular(x, y, r * 1.05, 6, math.pi / 6)
    if name == "pentagon":
        return _regular(x, y, r * 1.1, 5)
    if name == "plus":
        return _cross(x, y, r * 1.15, 0.0)
    if name == "cross":
        return _cross(x, y, r * 1.2, math.pi / 4)
    if name == "star":
        return _star(x, y, r)
    raise KeyError(name)


def shape_path(name: str, x: float, y: float, r: float = R) -> str:
    """One shape centred on (x, y) as SVG path data."""
    if name == UNNAMED_SHAPE:
        return f"M{x - r:.1f} {y:.1f}a{r:g} {r:g} 0 1 0 {2 * r:g} 0a{r:g} {r:g} 0 1 0 {-2 * r:g} 0Z"
    return _polygon(shape_points(name, x, y, r))


# ---------------------------------------------------------------- the glyphs of the key

STEM = 12.0  # a qualifier arrow's stem
HEAD = 8.0  # its head's height
WHISKER = 30.0  # how far a "by" or "since" whisker reaches from its mark


def up(x: float, y: float) -> str:
    """ "At least": an arrow up on a stem from the top of a mark at ``y`` (the mark's edge)."""
    top = y - STEM
    return f"M{x:.1f} {y:.1f}V{top:.1f}M{x - 5:.1f} {top:.1f}H{x + 5:.1f}L{x:.1f} {top - HEAD:.1f}Z"


def down(x: float, y: float) -> str:
    """ "At most": an arrow down on a stem from the bottom of a mark at ``y``."""
    bottom = y + STEM
    return f"M{x:.1f} {y:.1f}V{bottom:.1f}M{x - 5:.1f} {bottom:.1f}H{x + 5:.1f}L{x:.1f} {bottom + HEAD:.1f}Z"


def whisker(x: float, y: float, length: float, leftwards: bool) -> dict[str, str]:
    """A dotted line from a mark's side (``line``) with an open arrowhead at its far end (``head``):
    "by" (leftwards: some time up to this date) or "since" (rightwards)."""
    sign = -1 if leftwards else 1
    end = x + sign * length
    back = end - sign * 6
    return {
        "line": f"M{x:.1f} {y:.1f}H{end:.1f}",
        "head": f"M{back:.1f} {y - 4:.1f}L{end:.1f} {y:.1f}L{back:.1f} {y + 4:.1f}",
    }


def halo(x: float, y: float, r: float = R + 4) -> str:
    """The dashed ring around a point whose date is uncertain ("probably")."""
    return shape_path(UNNAMED_SHAPE, x, y, r)

"""A build-time SVG chart of one measure (``chart.html``): one mark per estimate over as-of time. No
JavaScript. This module puts the chart together; chartmarks.py draws the marks, chartframe.py the
axes and the labels, chartkey.py the key, shapes.py the paths.

* A named claimant keeps one colour (CSS classes ``tl-s0`` … ``tl-s7``, light and dark) and one shape
  across every chart of the site (:class:`Claimants`). A claimant the article does not name is nobody in
  particular: a grey circle (``tl-sn``, not in the claimants' palette), labelled with its article.
* Labels are direct, in a gutter right of the plot (the time axis ends with the data's last day). On a
  phone the gutter is cut off (CSS) and the list under the plot, keyed by shape, names the marks.
* The chart has a ``<title>`` and a ``<desc>`` that says every figure; the key explains the glyphs it
  uses, drawn as the chart draws them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import timedelta
from typing import Any

from .. import dates
from ..model import Claim
from . import chartframe, chartkey, chartmarks, shapes, when
from .chartframe import Frame
from .numbers import Estimate, bounds, estimates, figure, number, unnamed

Context = dict[str, Any]
Where = Callable[[Claim], str | None]  # the title of the article a claim is quoted from

WIDTH = 720
TOP = 30  # room above the plot for an "at least" arrow
PLOT_HEIGHT = 220  # at least; more when the labels need it
AXIS_ROOM = 34
LABEL_LIMIT = 24  # more estimates than this: no direct labels (the list under the chart names them)
TICK_CHAR = 9.0  # a y tick label's character at the phone's larger text
SERIES_CLASSES = 8
DESC_LIMIT = 40


class Claimants:
    """Every named claimant of the site in one order, so that each keeps its colour and shape
    everywhere; claimants the articles do not name take neither."""

    def __init__(self, claims: Sequence[Claim]) -> None:
        names = sorted(
            {c.claimant for c in claims if not unnamed(c.claimant)}, key=lambda s: (s.casefold(), s)
        )
        self.index = {name: i for i, name in enumerate(names)}

    def colour(self, name: str) -> str:
        """The CSS class suffix: ``0`` … ``7``, ``n`` for an unnamed source."""
        if unnamed(name):
            return "n"
        return str(self.index.get(name, 0) % SERIES_CLASSES)

    def shape(self, name: str) -> str:
        if unnamed(name):
            return shapes.UNNAMED_SHAPE
        i = self.index.get(name, 0)
        return shapes.CLAIMANT_SHAPES[(i + i // SERIES_CLASSES) % len(shapes.CLAIMANT_SHAPES)]

    def path(self, name: str, x: float = 7, y: float = 7, r: float = 5) -> str:
        return shapes.shape_path(self.shape(name), x, y, r)

    def order(self, name: str) -> tuple[int, str]:
        """Named claimants in their site-wide order, then unnamed sources."""
        return (len(self.index), name) if unnamed(name) else (self.index.get(name, 0), "")


def unnamed_label(claimant: str, article: str | None) -> str:
    """How an unnamed source is called: "unnamed (in “⟨article⟩”)"; a description that says more than
    "not named" is kept ("Unnamed officials (in “⟨article⟩”)")."""
    base = "unnamed" if claimant.casefold().startswith("not named") else claimant
    return f"{base} (in “{article}”)" if article else f"{base} (the article does not say who)"


def name_of(claim: Claim, article: str | None) -> str:
    """The claimant, or an unnamed source called by its article."""
    return unnamed_label(claim.claimant, article) if unnamed(claim.claimant) else claim.claimant


def chart(
    chart_id: str,
    title: str,
    unit: str,
    claims: Sequence[Claim],
    claimants: Claimants,
    where: Where = lambda claim: None,
) -> Context | None:
    """The geometry of the chart for ``claims`` (all of one measure), for ``chart.html``; ``None`` when
    fewer than two estimates can be drawn (the list under it says them)."""
    drawn = [e for e in estimates(claims, lambda c: c) if bounds(e.headline) is not None]
    if len(drawn) < 2:
        return None
    spans = [chartmarks.span_of(e.headline.as_of) for e in drawn]
    low, high = min(s for s, _ in spans), max(e for _, e in spans)
    pad = max(3, (high - low).days // 25)
    top_value, step = chartframe.nice_max(max(b.high for e in drawn if (b := bounds(e.headline))) * 1.08)
    ticks = [step * i for i in range(round(top_value / step) + 1)]
    left = max(44.0, 12 + TICK_CHAR * max(len(number(t)) for t in ticks))
    labelled = len(drawn) <= LABEL_LIMIT
    names = [name_of(e.headline, where(e.headline)) for e in drawn]
    lines = [[*chartframe.wrap(n), figure(e.headline)] for n, e in zip(names, drawn, strict=True)]
    needed = chartframe.label_height(lines) if labelled else 0
    frame = Frame(low - timedelta(days=pad), high, left, TOP, max(PLOT_HEIGHT, needed), top_value)

    marks = [
        chartmarks.mark(
            e.headline,
            n,
            frame,
            claimants.colour(e.claimant),
            claimants.shape(e.claimant),
            f"{n}: {figure(e.headline)} {unit}, {when.as_of(e.headline.as_of)}",
        )
        for e, n in zip(drawn, names, strict=True)
    ]
    chartmarks.dodge(marks)
    for found in marks:
        chartmarks.finish(found, frame)
    if labelled:
        chartframe.place_labels(marks, lines, frame)
    marks.sort(key=lambda m: m["kind"] != "span")  # drawn bars first, so that points stand on them
    plot_width = frame.right + shapes.R + 2  # what a phone shows (CSS): the plot, without the gutter
    width = WIDTH if labelled else plot_width
    return {
        "id": chart_id,
        "title": title,
        "description": _describe(unit, drawn, names),
        "width": int(width),
        "height": int(frame.bottom + AXIS_ROOM),
        "zoom": f"{width / plot_width:.3f}",  # how much wider than the plot the chart is
        "left": f"{frame.left:.1f}",
        "right": f"{frame.right:.1f}",
        "top": f"{frame.top:.1f}",
        "bottom": f"{frame.bottom:.1f}",
        "grid": [
            {"y": f"{frame.y(t):.1f}", "label_y": f"{frame.y(t) + 4:.1f}", "label": number(t)} for t in ticks
        ],
        "time": chartframe.time_axis(frame),
        "marks": marks,
        "labelled": labelled,
        "key": chartkey.key(marks),
        "series": _series(drawn, names, claimants),
    }


def _series(drawn: Sequence[Estimate[Claim]], names: Sequence[str], claimants: Claimants) -> list[Context]:
    """The list under the chart on a phone, and every claimant's colour and shape: one item per
    estimate, in the claimants' order."""
    items = sorted(
        zip(drawn, names, strict=True), key=lambda item: (claimants.order(item[0].claimant), item[1])
    )
    return [
        {
            "claimant": found.claimant,
            "name": name,
            "class": claimants.colour(found.claimant),
            "shape": claimants.path(found.claimant),
            "figure": figure(found.headline),
            "as_of": when.as_of(found.headline.as_of),
        }
        for found, name in items
    ]


def _describe(unit: str, found: Sequence[Estimate[Claim]], names: Sequence[str]) -> str:
    ordered = sorted(
        zip(found, names, strict=True),
        key=lambda item: (dates.sort_key(item[0].headline.as_of, item[1]), figure(item[0].headline)),
    )
    said = [
        f"{name}: {figure(e.headline)} {unit} {when.as_of(e.headline.as_of)}"
        for e, name in ordered[:DESC_LIMIT]
    ]
    more = len(ordered) - DESC_LIMIT
    tail = f"; and {more} more estimates, all listed below" if more > 0 else ""
    return "; ".join(said) + tail + "."

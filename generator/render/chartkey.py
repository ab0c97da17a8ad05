"""The key under a figures chart (chart.html): one item per kind of glyph the chart uses, each drawn
with the very paths the chart draws (shapes.py), so that a reader decodes the chart with it. The
neutral shape stands for any claimant's."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from . import shapes

Context = dict[str, Any]
R = shapes.R
SHAPE = "square"  # the key's stand-in for a claimant's shape


def _item(text: str, height: int, *paths: tuple[str, str]) -> Context:
    return {"text": text, "height": height, "paths": [{"d": d, "class": c} for d, c in paths]}


def _glyphs() -> dict[str, Context]:
    mark = shapes.shape_path(SHAPE, 24, 12)
    by, since = shapes.whisker(24 - R - 2, 12, 14, True), shapes.whisker(10 + R + 2, 12, 14, False)
    return {
        "point": _item("a point: an estimate as of a day", 24, (mark, "tl-mark")),
        "span": _item(
            "a bar: as of a month or a longer span (any day in it)",
            24,
            ("M6 12H42", "tl-span"),
            (mark, "tl-mark"),
        ),
        "by": _item(
            "“by” a date: the mark ends at the date, the dotted whisker points back (how long before, "
            "no source says)",
            24,
            (by["line"], "tl-whisker"),
            (by["head"], "tl-whisker-head"),
            (shapes.shape_path(SHAPE, 24, 12), "tl-mark"),
        ),
        "since": _item(
            "“since” a date: the whisker points on (until when, no source says)",
            24,
            (since["line"], "tl-whisker"),
            (since["head"], "tl-whisker-head"),
            (shapes.shape_path(SHAPE, 10, 12), "tl-mark"),
        ),
        "unsure": _item(
            "dashed: the date is uncertain (“probably …”)",
            24,
            ("M2 12H20", "tl-span tl-unsure"),
            (shapes.halo(36, 12), "tl-halo"),
            (shapes.shape_path(SHAPE, 36, 12), "tl-mark"),
        ),
        "about": _item("hollow: “about”", 24, (mark, "tl-mark tl-hollow")),
        "up": _item(
            "arrow up: “at least” (no upper limit given)",
            40,
            (shapes.up(24, 30 - R), "tl-up"),
            (shapes.shape_path(SHAPE, 24, 30), "tl-mark"),
        ),
        "down": _item(
            "arrow down: “at most”",
            40,
            (shapes.down(24, 10 + R), "tl-up"),
            (shapes.shape_path(SHAPE, 24, 10), "tl-mark"),
        ),
        "range": _item(
            "a vertical bar: a range",
            32,
            ("M24 2V30", "tl-range"),
            (shapes.shape_path(SHAPE, 24, 16), "tl-mark"),
        ),
        "unnamed": _item(
            "grey circle: a source the article does not name (not a claimant; each counted apart)",
            24,
            (shapes.shape_path(shapes.UNNAMED_SHAPE, 24, 12), "tl-mark tl-hollow tl-sn"),
        ),
    }


def key(marks: Sequence[Context]) -> list[Context]:
    """The key's items for the glyphs ``marks`` use, and no others."""
    used = {
        "point": any(m["kind"] == "point" for m in marks),
        "span": any(m["kind"] == "span" for m in marks),
        "by": any(m["kind"] == "by" for m in marks),
        "since": any(m["kind"] == "since" for m in marks),
        "unsure": any(m["unsure"] for m in marks),
        "about": any(m["hollow"] for m in marks),
        "up": any(m["up"] for m in marks),
        "down": any(m["down"] for m in marks),
        "range": any(m["range"] for m in marks),
        "unnamed": any(m["class"] == "n" for m in marks),
    }
    glyphs = _glyphs()
    return [{"name": name, **glyphs[name]} for name, shown in used.items() if shown]

"""The timeline as files others can reuse: feeds, JSON, CSV, iCalendar, TimelineJS.

Pure functions of a validated :class:`~generator.model.Timeline` and :class:`ExportOptions`: the same
input gives byte-identical files. Nothing here imports MkDocs; the plugin writes the files into the
built site (online and offline builds alike).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..model import Timeline
from .common import DATA, Build, ExportOptions, Kept, updated_at
from .feeds import atom, json_feed
from .records import claims_csv, events_csv, events_json
from .schema import events_schema_json
from .timelinejs import timelinejs


def ics(build: Build, out: BinaryIO) -> None:
    """The calendar (``ical.py``), imported when first written: ``icalendar`` takes a tenth of the
    plugin's import time, and a build writes its exports in another process."""
    from .ical import ics as write

    write(build, out)


@dataclass(frozen=True)
class Export:
    """One file: where it goes in the site, what it is, and the function that writes it."""

    path: str
    media_type: str
    name: str
    description: str
    write: Callable[[Build, BinaryIO], None]


EXPORTS: tuple[Export, ...] = (
    Export(
        "feed.xml",
        "application/atom+xml",
        "Atom feed",
        "One entry per event, newest event first, for feed readers.",
        atom,
    ),
    Export(
        "feed.json",
        "application/feed+json",
        "JSON Feed 1.1",
        "The same entries as the Atom feed, as JSON Feed.",
        json_feed,
    ),
    Export(
        f"{DATA}/events.json",
        "application/json",
        "Events (JSON)",
        "Every event with its EDTF date and earliest and latest possible day, its quotes with their exact "
        "place in the source, its claims and problems; with the sources, tags and measures.",
        events_json,
    ),
    Export(
        f"{DATA}/events.schema.json",
        "application/schema+json",
        "JSON Schema of events.json",
        "The JSON Schema (draft 2020-12) that events.json validates against.",
        events_schema_json,
    ),
    Export(
        f"{DATA}/events.csv",
        "text/csv",
        "Events (CSV)",
        "One row per event: dates, title, summary, tags, sources, how many quotes, claims and problems.",
        events_csv,
    ),
    Export(
        f"{DATA}/claims.csv",
        "text/csv",
        "Claims (CSV)",
        "One row per claim: measure, figure, qualifier, unit, claimant, as of when, and the quote that "
        "carries it.",
        claims_csv,
    ),
    Export(
        f"{DATA}/events.ics",
        "text/calendar",
        "Calendar (iCalendar)",
        "Every event as an all-day calendar event; a date without a known day spans every day it may be.",
        ics,
    ),
    Export(
        f"{DATA}/timelinejs.json",
        "application/json",
        "TimelineJS",
        "The timeline in Knight Lab's TimelineJS3 format, to embed it as an interactive timeline.",
        timelinejs,
    ),
)


def build_exports(timeline: Timeline, options: ExportOptions, kept: Kept | None = None) -> dict[str, bytes]:
    """Every export in memory: ``{path in the site: content}``, in the order of :data:`EXPORTS`.
    ``kept``: each event's parts from the last call with it (``mkdocs serve``), reused if unchanged."""
    build = Build(timeline, options, kept)
    found = {}
    for export in EXPORTS:
        out = io.BytesIO()
        export.write(build, out)
        found[export.path] = out.getvalue()
    return found


def write_exports(timeline: Timeline, options: ExportOptions, folder: Path) -> dict[str, int]:
    """Every export written into ``folder`` as it is made (none is held in memory whole):
    ``{path: size in bytes}``."""
    build = Build(timeline, options)
    sizes = {}
    for export in EXPORTS:
        target = folder / export.path
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as out:
            export.write(build, out)
        sizes[export.path] = target.stat().st_size
    return sizes


__all__ = [
    "DATA",
    "EXPORTS",
    "Build",
    "Export",
    "ExportOptions",
    "Kept",
    "build_exports",
    "updated_at",
    "write_exports",
]

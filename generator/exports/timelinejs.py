"""``data/timelinejs.json``: the timeline in Knight Lab's TimelineJS3 JSON format, to embed it with
TimelineJS (``new TL.Timeline('timeline-embed', 'data/timelinejs.json')``).

* ``events`` holds one slide per event (``unique_id`` is the event id), ``title`` a title slide.
* ``start_date``/``end_date`` carry only the parts of a date that are known: ``2024-06`` is
  ``{"year": 2024, "month": 6}``, so TimelineJS shows a month, not a made-up day. An interval gives both;
  an open-ended one only the known end (as ``start_date``, which TimelineJS requires). Every slide's
  ``display_date`` is the reader's label ("June 2024?", "since August 2024"), so approximate and
  uncertain dates are shown as such.
* ``text`` has the title as ``headline`` and, as HTML, the summary, the sources and a link to the event's
  card; ``group`` is the label of the event's first tag (TimelineJS puts a group on its own row).
"""

from __future__ import annotations

from typing import Any, BinaryIO

from markupsafe import Markup, escape

from .. import dates
from ..model import Event
from .common import Build, plain, source_title, tag_label, write_json


def date_object(single: dates.Single) -> dict[str, int]:
    """Only the known parts of a date: year, then month and day when the source gives them."""
    found = {"year": single.year}
    if single.month is not None:
        found["month"] = single.month
    if single.day is not None:
        found["day"] = single.day
    return found


def slide(build: Build, event: Event) -> dict[str, Any]:
    timeline, places = build.timeline, build.places
    value = event.date
    start, end = (value, None) if isinstance(value, dates.Single) else (value.start, value.end)
    if start is None:  # "../2024-12": the end is the only date known
        start, end = end, None
    assert start is not None
    found: dict[str, Any] = {"unique_id": event.id, "start_date": date_object(start)}
    if end is not None:
        found["end_date"] = date_object(end)
    found["display_date"] = event.date_label
    sources = Markup(", ").join(
        Markup('<a href="{}">{}</a>').format(places.source(s), source_title(timeline, s))
        for s in event.source_ids
    )
    text = Markup('{}<p>Reported by {}.</p><p><a href="{}">Quotes and figures on the timeline</a></p>')
    found["text"] = {
        "headline": str(escape(plain(event.title))),
        "text": str(text.format(Markup(build.summary_html(event)), sources, places.event(event))),
    }
    if event.tags:
        found["group"] = tag_label(timeline, event.tags[0])
    return found


def timelinejs(build: Build, out: BinaryIO) -> None:
    options = build.options
    title_text = Markup("<p>{}</p>").format(options.description) if options.description else Markup("")
    if options.license:
        title_text += Markup("<p>{}</p>").format(options.license)
    document = {
        "title": {"text": {"headline": str(escape(options.title)), "text": str(title_text)}},
        "events": (build.part(slide, e) for e in build.in_order),
    }
    write_json(out, document)

"""The feeds: ``feed.xml`` (Atom 1.0, RFC 4287) and ``feed.json`` (JSON Feed 1.1), one entry per event,
newest event first, each linking to the event's card on its month's page.

Every entry carries the event's date as readers see it, its summary, its figures and every quote with
a link to the highlighted span in the stored source. Entry ids are name-based UUIDs (``urn:uuid:…``)
that stay the same while the site's identity and the event's id do (see ``common.uid``). Atom requires
an ``updated`` time on every entry: the feed has no per-event history, so every entry carries the data's
commit time, as the feed does (JSON Feed's item dates are optional, and left out).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from functools import cache

import jinja2
from markupsafe import Markup

from .. import dates
from ..model import Event, Timeline
from ..render.numbers import figure
from ..render.text import summary_html
from .common import ExportOptions, Places, newest_first, plain, source_title, tag_label, uid, unit_of

ATOM = "http://www.w3.org/2005/Atom"
JSON_FEED = "https://jsonfeed.org/version/1.1"
PROBLEM_LABELS = {
    "wrong-date": "Wrong date in the source",
    "error": "Error in the source",
    "disagreement": "Sources disagree",
    "uncorroborated": "Not corroborated",
    "note": "Note",
}


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("generator.exports", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


def entry_html(timeline: Timeline, event: Event, places: Places) -> str:
    """The entry's content: date, summary, figures, problems and quotes, as one HTML fragment."""
    quotes = [
        {
            "number": i + 1,
            "text": plain(c.quote),
            "source": source_title(timeline, c.source),
            "href": places.quote(event, i),
        }
        for i, c in enumerate(event.citations)
    ]
    claims = [
        {
            "figure": figure(c),
            "unit": unit_of(timeline, c),
            "claimant": c.claimant,
            "inferred": c.inference is not None,
            "as_of": dates.label(c.as_of),
            "quote": c.citation + 1,
        }
        for c in event.claims
    ]
    problems = [
        {"label": PROBLEM_LABELS.get(p.kind, p.kind), "quote": p.citation + 1, "note": plain(p.note)}
        for p in event.problems
    ]
    html = (
        _environment()
        .get_template("entry.html")
        .render(
            date=event.date_label,
            summary=Markup(summary_html(event.summary)),  # the summary subset, every other character escaped
            claims=claims,
            problems=problems,
            quotes=quotes,
            permalink=places.event(event),
        )
    )
    return " ".join(html.split())  # one line: feed readers treat newlines in HTML as nothing anyway


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def atom(timeline: Timeline, options: ExportOptions) -> bytes:
    """``feed.xml``: an Atom 1.0 feed of every event, newest first."""
    places = Places(options)
    feed = ET.Element("feed", {"xmlns": ATOM, "xml:lang": options.language})
    _sub(feed, "id", uid(options).urn)
    _sub(feed, "title", options.title)
    if options.description:
        _sub(feed, "subtitle", options.description)
    _sub(feed, "updated", options.stamp)
    author = _sub(feed, "author")
    _sub(author, "name", options.author or options.title)
    _sub(feed, "link", rel="alternate", type="text/html", href=places.home())
    _sub(feed, "link", rel="self", type="application/atom+xml", href=places.file("feed.xml"))
    if options.license:
        _sub(feed, "rights", options.license)
    _sub(feed, "generator", "cited-timeline")
    for event in newest_first(timeline):
        entry = _sub(feed, "entry")
        _sub(entry, "id", uid(options, event).urn)
        _sub(entry, "title", f"{event.date_label}: {plain(event.title)}")
        _sub(entry, "updated", options.stamp)
        _sub(entry, "link", rel="alternate", type="text/html", href=places.event(event))
        for tag_id in event.tags:
            _sub(entry, "category", term=tag_id, label=tag_label(timeline, tag_id))
        _sub(entry, "summary", plain(event.summary))
        _sub(entry, "content", entry_html(timeline, event, places), type="html")
    ET.indent(feed, space=" ")
    data: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return data + b"\n"


def json_feed(timeline: Timeline, options: ExportOptions) -> bytes:
    """``feed.json``: a JSON Feed 1.1 of every event, newest first."""
    places = Places(options)
    feed: dict[str, object] = {"version": JSON_FEED, "title": options.title}
    if options.base:  # both are optional, and only meaningful as absolute URLs
        feed["home_page_url"] = places.home()
        feed["feed_url"] = places.file("feed.json")
    if options.description:
        feed["description"] = options.description
    if options.license:
        feed["user_comment"] = options.license
    feed["language"] = options.language
    feed["authors"] = [{"name": options.author or options.title}]
    feed["items"] = [
        {
            "id": str(uid(options, event)),
            "url": places.event(event),
            "title": f"{event.date_label}: {plain(event.title)}",
            "content_html": entry_html(timeline, event, places),
            "summary": plain(event.summary),
            "tags": [tag_label(timeline, t) for t in event.tags],
        }
        for event in newest_first(timeline)
    ]
    return (json.dumps(feed, ensure_ascii=False, indent=1) + "\n").encode("utf-8")

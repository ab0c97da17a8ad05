"""The feeds: ``feed.xml`` (Atom 1.0, RFC 4287) and ``feed.json`` (JSON Feed 1.1), one entry per event,
newest event first, each linking to the event's card on its month's page.

Every entry carries the event's date as readers see it, its summary, its figures and every quote with
a link to the highlighted span in the stored source. Entry ids are name-based UUIDs (``urn:uuid:…``)
that stay the same while the site's identity and the event's id do (see ``common.uid``). Atom requires
an ``updated`` time on every entry: the feed has no per-event history, so every entry carries the data's
commit time, as the feed does (JSON Feed's item dates are optional, and left out).
"""

from __future__ import annotations

from functools import cache
from typing import BinaryIO, NamedTuple

import jinja2
from markupsafe import Markup

from .. import dates
from ..model import Event, Timeline
from ..render.cards import problem_label
from ..render.numbers import figure
from ..render.templates import FastEnvironment
from .common import Build, plain, source_title, tag_label, uid, unit_of, write_json

ATOM = "http://www.w3.org/2005/Atom"
JSON_FEED = "https://jsonfeed.org/version/1.1"


@cache
def _template() -> jinja2.Template:
    environment = FastEnvironment(  # the pages' environment: its escaping and globals cost less
        loader=jinja2.PackageLoader("generator.exports", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    return environment.get_template("entry.html")


def entry_html(build: Build, event: Event) -> str:
    """The entry's content: date, summary, figures, problems and quotes, as one HTML fragment (made once
    per run: both feeds carry it). Kept between them as UTF-8, which takes half the memory of the text
    (a curly quote makes Python store all of an entry's text two bytes a character)."""
    kept: dict[str, bytes] = build.once_value("entries", dict)
    found = kept.get(event.id)
    if found is None:
        html = _entry_html(build.timeline, event, build)
        kept[event.id] = html.encode("utf-8")
        return html
    return found.decode("utf-8")


class _Quote(NamedTuple):
    number: int
    text: str
    source: str
    href: str


class _Claim(NamedTuple):
    figure: str
    unit: str
    claimant: str
    inferred: bool
    as_of: str
    quote: int


class _Problem(NamedTuple):
    label: str
    quote: int
    note: str


def _entry_html(timeline: Timeline, event: Event, build: Build) -> str:
    places = build.places
    quotes = [
        _Quote(i + 1, plain(c.quote), source_title(timeline, c.source), places.quote(event, i))
        for i, c in enumerate(event.citations)
    ]
    claims = [
        _Claim(
            figure(c),
            unit_of(timeline, c),
            c.claimant,
            c.inference is not None,
            dates.label(c.as_of),
            c.citation + 1,
        )
        for c in event.claims
    ]
    problems = [_Problem(problem_label(p.kind)[0], p.citation + 1, plain(p.note)) for p in event.problems]
    html = _template().render(
        date=event.date_label,
        summary=Markup(build.summary_html(event)),  # the summary subset, every other character escaped
        claims=claims,
        problems=problems,
        quotes=quotes,
        permalink=places.event(event),
    )
    return " ".join(html.split())  # one line: feed readers treat newlines in HTML as nothing anyway


def _text(value: str) -> str:
    """Character data as ``xml.sax.saxutils.escape`` writes it."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attribute(value: str) -> str:
    """An attribute value, quoted, as ``xml.sax.saxutils.quoteattr`` writes it."""
    value = _text(value)
    if "\n" in value or "\r" in value or "\t" in value:
        value = value.replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in value:
        return f'"{value}"'
    if "'" not in value:
        return f"'{value}'"
    return '"' + value.replace('"', "&quot;") + '"'


class _Xml:
    """Atom written element by element, indented one space a level: the bytes
    ``xml.sax.saxutils.XMLGenerator`` writes (same escaping, empty elements as ``<x/>``), made as
    strings and written an entry at a time (the generator's calls took half the feed's time)."""

    def __init__(self, out: BinaryIO | None) -> None:
        self.out = out
        self.parts: list[str] = []
        self.depth = 0

    def _start(self, tag: str, attrs: dict[str, str]) -> str:
        return f"<{tag}" + "".join(f" {name}={_attribute(value)}" for name, value in attrs.items())

    def open(self, tag: str, **attrs: str) -> None:
        self.parts.append("\n" + " " * self.depth + self._start(tag, attrs) + ">")
        self.depth += 1

    def close(self, tag: str) -> None:
        self.depth -= 1
        self.parts.append("\n" + " " * self.depth + f"</{tag}>")

    def leaf(self, tag: str, text: str = "", **attrs: str) -> None:
        start = "\n" + " " * self.depth + self._start(tag, attrs)
        self.parts.append(f"{start}>{_text(text)}</{tag}>" if text else start + "/>")

    def flush(self, end: str = "") -> None:
        assert self.out is not None
        self.out.write(("".join(self.parts) + end).encode("utf-8"))
        self.parts.clear()


def atom(build: Build, out: BinaryIO) -> None:
    """``feed.xml``: an Atom 1.0 feed of every event, newest first."""
    options, places = build.options, build.places
    xml = _Xml(out)
    xml.parts.append('<?xml version="1.0" encoding="utf-8"?>\n')
    xml.parts.append(xml._start("feed", {"xmlns": ATOM, "xml:lang": options.language}) + ">")
    xml.depth = 1
    xml.leaf("id", uid(options).urn)
    xml.leaf("title", options.title)
    if options.description:
        xml.leaf("subtitle", options.description)
    xml.leaf("updated", options.stamp)
    xml.open("author")
    xml.leaf("name", options.author or options.title)
    xml.close("author")
    xml.leaf("link", rel="alternate", type="text/html", href=places.home())
    xml.leaf("link", rel="self", type="application/atom+xml", href=places.file("feed.xml"))
    if options.license:
        xml.leaf("rights", options.license)
    xml.leaf("generator", "cited-timeline")
    for event in build.newest_first:
        xml.parts.append(build.part(_entry, event))
        xml.flush()
    xml.close("feed")
    xml.flush("\n")


def _entry(build: Build, event: Event) -> str:
    """One event's ``<entry>``, as written one level deep in the feed."""
    timeline, options, places = build.timeline, build.options, build.places
    xml = _Xml(None)
    xml.depth = 1
    xml.open("entry")
    xml.leaf("id", uid(options, event).urn)
    xml.leaf("title", f"{event.date_label}: {plain(event.title)}")
    xml.leaf("updated", options.stamp)
    xml.leaf("link", rel="alternate", type="text/html", href=places.event(event))
    for tag_id in event.tags:
        xml.leaf("category", term=tag_id, label=tag_label(timeline, tag_id))
    xml.leaf("summary", plain(event.summary))
    xml.leaf("content", entry_html(build, event), type="html")
    xml.close("entry")
    return "".join(xml.parts)


def _item(build: Build, event: Event) -> dict[str, object]:
    return {
        "id": str(uid(build.options, event)),
        "url": build.places.event(event),
        "title": f"{event.date_label}: {plain(event.title)}",
        "content_html": entry_html(build, event),
        "summary": plain(event.summary),
        "tags": [tag_label(build.timeline, t) for t in event.tags],
    }


def json_feed(build: Build, out: BinaryIO) -> None:
    """``feed.json``: a JSON Feed 1.1 of every event, newest first."""
    options, places = build.options, build.places
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
    feed["items"] = (build.part(_item, event) for event in build.newest_first)
    write_json(out, feed)

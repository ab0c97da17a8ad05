"""feed.xml (Atom 1.0, RFC 4287) read back with an XML parser, and feed.json (JSON Feed 1.1)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import datetime
from html.parser import HTMLParser
from urllib.parse import urlsplit

from generator.exports import ExportOptions, build_exports
from generator.model import Timeline
from generator.render import Options, render_site
from generator.render import context as ctx

from .conftest import HOSTILE, hostile_timeline

A = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def _feed(data: bytes) -> ET.Element:
    root = ET.fromstring(data)
    assert root.tag == f"{A}feed"
    return root


def _one(parent: ET.Element, name: str) -> ET.Element:
    found = parent.findall(f"{A}{name}")
    assert len(found) == 1, f"{parent.tag} needs exactly one {name}, has {len(found)}"
    return found[0]


def _newest_first(timeline: Timeline) -> list[str]:
    return [e.id for e in sorted(timeline.events, key=lambda e: e.sort_key, reverse=True)]


def test_atom_has_every_required_element(files: dict[str, bytes], timeline: Timeline) -> None:
    feed = _feed(files["feed.xml"])
    assert files["feed.xml"].startswith(b'<?xml version="1.0" encoding="utf-8"?>\n<feed')
    # RFC 4287 4.1.1: exactly one id, title and updated; an author unless every entry has one.
    assert _one(feed, "id").text.startswith("urn:uuid:")
    assert _one(feed, "title").text == "A cited timeline"
    assert _one(feed, "updated").text == "2025-01-02T03:04:05Z"
    assert _one(_one(feed, "author"), "name").text
    assert {link.get("rel") for link in feed.findall(f"{A}link")} == {"alternate", "self"}
    entries = feed.findall(f"{A}entry")
    assert len(entries) == len(timeline.events) > 0
    ids = set()
    for entry in entries:
        # 4.1.2: exactly one id, title and updated; a content or an alternate link.
        ids.add(_one(entry, "id").text)
        assert _one(entry, "title").text
        assert RFC3339.match(_one(entry, "updated").text or "")
        content = _one(entry, "content")
        assert content.get("type") == "html" and content.text
        alternate = [link for link in entry.findall(f"{A}link") if link.get("rel") == "alternate"]
        assert len(alternate) == 1
    assert len(ids) == len(entries), "entry ids must be unique"
    assert all(i and i.startswith("urn:uuid:") for i in ids), "Atom ids must be absolute IRIs"


def test_atom_lists_the_newest_event_first(files: dict[str, bytes], timeline: Timeline) -> None:
    feed = _feed(files["feed.xml"])
    links = [_one(e, "link").get("href") or "" for e in feed.findall(f"{A}entry")]
    assert [href.rsplit("#e-", 1)[1] for href in links] == _newest_first(timeline)


def test_every_entry_links_to_the_card_of_its_event(files: dict[str, bytes], timeline: Timeline) -> None:
    pages = render_site(timeline, Options())
    by_id = {e.id: e for e in timeline.events}
    for entry in _feed(files["feed.xml"]).findall(f"{A}entry"):
        href = _one(entry, "link").get("href") or ""
        path, _, anchor = href.partition("#")
        event = by_id[anchor.removeprefix("e-")]
        assert path == ctx.event_page(event).removesuffix(".md") + "/"  # relative to the feed, at the root
        assert f"{{#{anchor} .tl-title}}" in pages[ctx.event_page(event)], "the anchor must exist there"


def test_entry_content_holds_date_summary_and_every_quote(
    files: dict[str, bytes], timeline: Timeline
) -> None:
    entries = {
        _one(e, "link").get("href", "").rsplit("#e-", 1)[1]: e
        for e in _feed(files["feed.xml"]).iter(f"{A}entry")
    }
    for event in timeline.events:
        content = _one(entries[event.id], "content").text or ""
        text = _Text.of(content)
        assert event.date_label in text
        for citation in event.citations:
            assert " ".join(citation.quote.split()) in text
        assert _one(entries[event.id], "title").text == f"{event.date_label}: {' '.join(event.title.split())}"


def test_site_url_makes_every_link_absolute(timeline: Timeline, online: ExportOptions) -> None:
    feed = _feed(build_exports(timeline, online)["feed.xml"])
    hrefs = [link.get("href") or "" for link in feed.iter(f"{A}link")]
    hrefs += re.findall(r'href="([^"]+)"', " ".join(c.text or "" for c in feed.iter(f"{A}content")))
    assert hrefs and all(h.startswith("https://example.org/timeline/") for h in hrefs), hrefs[:3]
    self_link = next(link for link in feed.findall(f"{A}link") if link.get("rel") == "self")
    assert self_link.get("href") == "https://example.org/timeline/feed.xml"


def test_ids_stay_while_the_site_and_the_event_do(timeline: Timeline, options: ExportOptions) -> None:
    def ids(opts: ExportOptions) -> list[str | None]:
        return [
            _one(e, "id").text for e in _feed(build_exports(timeline, opts)["feed.xml"]).iter(f"{A}entry")
        ]

    later = ExportOptions(options.title, datetime(2030, 1, 1, tzinfo=options.updated.tzinfo))
    assert ids(options) == ids(later)
    renamed = ExportOptions("Another timeline", options.updated)
    assert set(ids(options)).isdisjoint(ids(renamed))


def test_hostile_text_stays_text(options: ExportOptions) -> None:
    data = build_exports(hostile_timeline(), options)["feed.xml"]
    feed = _feed(data)  # still well-formed XML
    entry = next(feed.iter(f"{A}entry"))
    assert HOSTILE.split()[0] in (_one(entry, "title").text or "")
    parser = _Text()
    parser.feed(_one(entry, "content").text or "")
    assert "script" not in parser.tags and "img" not in parser.tags
    assert "javascript:" not in " ".join(parser.hrefs)
    assert "<script>" in parser.text()  # shown, as text
    item = json.loads(build_exports(hostile_timeline(), options)["feed.json"])["items"][0]
    assert "<script>" not in item["content_html"] and "&lt;script&gt;" in item["content_html"]


def test_json_feed_has_every_required_field(files: dict[str, bytes], timeline: Timeline) -> None:
    feed = json.loads(files["feed.json"])
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert isinstance(feed["title"], str) and feed["title"]
    assert isinstance(feed["items"], list) and len(feed["items"]) == len(timeline.events)
    assert "home_page_url" not in feed and "feed_url" not in feed  # no site_url: optional, left out
    ids = set()
    for item in feed["items"]:
        assert isinstance(item["id"], str) and item["id"]
        assert isinstance(item.get("content_html") or item.get("content_text"), str)
        assert set(item) <= {"id", "url", "title", "content_html", "summary", "tags"}
        ids.add(item["id"])
    assert len(ids) == len(feed["items"])
    assert [i["url"].rsplit("#e-", 1)[1] for i in feed["items"]] == _newest_first(timeline)


def test_json_feed_entries_match_the_atom_entries(files: dict[str, bytes]) -> None:
    items = json.loads(files["feed.json"])["items"]
    entries = list(_feed(files["feed.xml"]).iter(f"{A}entry"))
    assert [f"urn:uuid:{i['id']}" for i in items] == [_one(e, "id").text for e in entries]
    assert [i["content_html"] for i in items] == [_one(e, "content").text for e in entries]


def test_json_feed_with_site_url_names_itself(timeline: Timeline, online: ExportOptions) -> None:
    feed = json.loads(build_exports(timeline, online)["feed.json"])
    assert feed["feed_url"] == "https://example.org/timeline/feed.json"
    assert feed["home_page_url"] == "https://example.org/timeline/"
    assert all(urlsplit(i["url"]).scheme == "https" for i in feed["items"])


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.tags: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.hrefs += [v or "" for k, v in attrs if k == "href"]

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def text(self) -> str:
        return " ".join(" ".join(self.parts).split())

    @classmethod
    def of(cls, html: str) -> str:
        parser = cls()
        parser.feed(html)
        return parser.text()

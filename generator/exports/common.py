"""What every export shares: its options, where an event lives on the site, stable ids, and the dates,
numbers and texts written the same way in every format. No MkDocs here."""

from __future__ import annotations

import io
import json
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any, BinaryIO, TypeVar

from .. import dates
from ..model import Claim, Event, Timeline
from ..render import context as ctx
from ..render.text import squash, summary_html

T = TypeVar("T")

# The subfolder of the site that holds the data files (feeds sit at the site's root).
DATA = "data"


@dataclass(frozen=True)
class ExportOptions:
    """Everything the exports need beyond the timeline.

    ``site_url`` (MkDocs' ``site_url``) makes every link absolute. Without it, links are relative to the
    site's root, which is where the feeds live: a reader that fetched ``feed.xml`` from the site resolves
    them against the feed's own address (the data files, one folder down, say so in their ``base``).
    """

    title: str
    updated: datetime  # the data's commit time (SOURCE_DATE_EPOCH, else the last commit's time)
    site_url: str | None = None
    directory_urls: bool = True
    description: str = ""
    author: str | None = None
    license: str | None = None
    language: str = "en"

    @property
    def base(self) -> str:
        """What every site path is appended to: ``https://example.org/timeline/`` or ``""``."""
        if not self.site_url:
            return ""
        return self.site_url if self.site_url.endswith("/") else self.site_url + "/"

    @property
    def stamp(self) -> str:
        """``updated`` as RFC 3339 in UTC, to the second: ``2024-12-23T10:00:00Z``."""
        return self.updated.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def updated_at(epoch: int) -> datetime:
    """A UTC datetime from seconds since 1970 (what ``generator.bundle.source_date_epoch`` returns)."""
    return datetime.fromtimestamp(epoch, UTC)


class Places:
    """Site URLs of events and of the quotes they cite, absolute when ``site_url`` is set."""

    def __init__(self, options: ExportOptions) -> None:
        self.options = options
        self._links = ctx.Links(options.directory_urls)
        self._events: dict[str, str] = {}  # every file links each event, some twice

    def page(self, path: str, anchor: str = "") -> str:
        url = self.options.base + self._links.url(path)
        if not url:
            url = "./"
        return f"{url}#{anchor}" if anchor else url

    def file(self, path: str) -> str:
        """A file of the site as it is (``feed.xml``, ``data/events.json``)."""
        return self.options.base + path

    def event(self, event: Event) -> str:
        """The event's permalink: its card on its month's page."""
        found = self._events.get(event.id)
        if found is None:
            found = self._events[event.id] = self.page(ctx.event_page(event), ctx.event_anchor(event))
        return found

    def quote(self, event: Event, index: int) -> str:
        """The highlighted span of citation ``index`` (0-based) on its source's page."""
        citation = event.citations[index]
        return self.page(ctx.source(citation.source), citation.anchor(event.id, index))

    def source(self, source_id: str) -> str:
        return self.page(ctx.source(source_id))

    def home(self) -> str:
        return self.page(ctx.HOME)


class Kept:
    """Each event's part of each file, kept from one run to the next (``mkdocs serve`` rebuilds): a part
    is reused while its event and the sources it cites are equal to what they were, and so are the
    options and the vocabulary (a part may show a tag's label, a source's title, a link), else made
    again."""

    def __init__(self) -> None:
        self.inputs: tuple[Any, ...] | None = None
        self.parts: dict[tuple[str, str], tuple[tuple[Any, ...], Any]] = {}

    def start(self, timeline: Timeline, options: ExportOptions) -> None:
        inputs = (options, timeline.vocabulary)
        if inputs != self.inputs:
            self.parts.clear()
        self.inputs = inputs
        ids = {e.id for e in timeline.events}
        for key in [key for key in self.parts if key[1] not in ids]:
            del self.parts[key]


class Build:
    """One export run: the timeline, the options, and what several files share, computed once.
    ``kept``: each event's parts from the last run, reused where they cannot have changed."""

    def __init__(self, timeline: Timeline, options: ExportOptions, kept: Kept | None = None) -> None:
        self.timeline = timeline
        self.options = options
        self.places = Places(options)
        self.in_order: list[Event] = sorted(timeline.events, key=lambda e: e.sort_key)
        self.memo: dict[tuple[str, str], str] = {}
        self.values: dict[str, Any] = {}
        self.kept = kept
        if kept is not None:
            kept.start(timeline, options)

    def part(self, make: Callable[[Build, Event], T], event: Event) -> T:
        """``make(self, event)``: one event's part of one file (made again only when it may have
        changed)."""
        kept = self.kept
        if kept is None:
            return make(self, event)
        key = (make.__qualname__, event.id)
        made_of = (event, *(self.timeline.sources.get(s) for s in event.source_ids))
        found = kept.parts.get(key)
        if found is not None and found[0] == made_of:
            return found[1]  # type: ignore[no-any-return]
        value = make(self, event)
        kept.parts[key] = (made_of, value)
        return value

    @property
    def newest_first(self) -> list[Event]:
        """Events from the latest to the earliest (the reverse of timeline order)."""
        return self.in_order[::-1]

    def summary_html(self, event: Event) -> str:
        """The event's summary as HTML (the summary subset), made once (the feeds and TimelineJS)."""
        return self.once("summary", event.id, lambda: summary_html(event.summary))

    def once_value(self, kind: str, make: Callable[[], T]) -> T:
        """``make()`` once in this run: a value every event shares."""
        if kind not in self.values:
            self.values[kind] = make()
        return self.values[kind]  # type: ignore[no-any-return]

    def once(self, kind: str, key: str, make: Callable[[], str]) -> str:
        """``make()`` once per (kind, key) in this run (an entry's HTML is in both feeds)."""
        found = self.memo.get((kind, key))
        if found is None:
            found = self.memo[(kind, key)] = make()
        return found


def identity(options: ExportOptions) -> str:
    """What the feed's and the entries' ids derive from: ``site_url``, else the site's name."""
    return options.base or f"cited-timeline:{options.title}"


def uid(options: ExportOptions, event: Event | None = None) -> uuid.UUID:
    """A name-based UUID, the same on every build while the site's identity and the event id stay."""
    return _uuid(identity(options) + (f"#{event.id}" if event is not None else ""))


@lru_cache(maxsize=1 << 16)
def _uuid(name: str) -> uuid.UUID:  # remembered: every file gives each event's id
    return uuid.uuid5(uuid.NAMESPACE_URL, name)


def number(value: float | None) -> int | float | None:
    """1100.0 → 1100; 2.5 stays 2.5: figures are written as their claimants gave them."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def number_text(value: float | None) -> str:
    found = number(value)
    return "" if found is None else str(found)


def unit_of(timeline: Timeline, claim: Claim) -> str:
    """The claim's own unit, else its measure's."""
    if claim.unit:
        return claim.unit
    measure = timeline.vocabulary.measures.get(claim.measure)
    return measure.unit if measure is not None else ""


def first_day(value: dates.EDTF) -> date | None:
    """The earliest day the date may stand for; ``None`` for an interval with an open start."""
    if isinstance(value, dates.Interval) and value.start is None:
        return None
    return dates.earliest(value)


def last_day(value: dates.EDTF) -> date | None:
    """The latest day the date may stand for; ``None`` for an interval with an open end."""
    if isinstance(value, dates.Interval) and value.end is None:
        return None
    return dates.latest(value)


def precision_name(value: dates.EDTF) -> str:
    return dates.precision(value).name.lower()


def is_exact_day(value: dates.EDTF) -> bool:
    """A single day, neither approximate nor uncertain: the only date a calendar can hold as it is."""
    return (
        isinstance(value, dates.Single)
        and value.precision is dates.Precision.DAY
        and not (value.approximate or value.uncertain)
    )


def plain(text: str) -> str:
    """A contributor's text on one line (YAML folding and source line breaks become single spaces)."""
    return squash(text)


def tag_label(timeline: Timeline, tag_id: str) -> str:
    tag = timeline.vocabulary.tags.get(tag_id)
    return tag.label if tag is not None else tag_id


def source_title(timeline: Timeline, source_id: str) -> str:
    found = timeline.sources.get(source_id)
    return found.title if found is not None else source_id


# ---------------------------------------------------------------- writing


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def write_json(out: BinaryIO, document: Mapping[str, Any]) -> None:
    """A JSON object written as it is made: one top-level key a line, and each item of a list (or entry
    of a mapping) on a line of its own. A value may be an iterator: it is written as a list, item by
    item, so a big file never has to be held in memory whole."""
    with text_stream(out) as text:
        text.write("{")
        for n, (key, value) in enumerate(document.items()):
            text.write(("," if n else "") + f"\n {_json(key)}: ")
            if isinstance(value, Mapping) and value:
                lines = (f"{_json(k)}: {_json(v)}" for k, v in value.items())
                text.write("{\n  " + ",\n  ".join(lines) + "\n }")
            elif isinstance(value, Iterator | list | tuple):
                written = False
                for item in value:
                    text.write((",\n  " if written else "[\n  ") + _json(item))
                    written = True
                text.write("\n ]" if written else "[]")
            else:
                text.write(_json(value))
        text.write("\n}\n")


@contextmanager
def text_stream(out: BinaryIO) -> Iterator[io.TextIOWrapper]:
    """``out`` as UTF-8 text with ``\n`` line ends, handed back open when done."""
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    try:
        yield text
    finally:
        text.flush()
        text.detach()

"""Where every generated page lives and how pages link to each other.

Links inside the generated HTML blocks are final URLs (MkDocs does not rewrite links inside raw HTML),
so this module turns page paths (``dated/2024-06.md``) into relative URLs the way MkDocs would, for
both ``use_directory_urls`` settings. Nothing here imports MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from .. import dates
from ..model import Event, Timeline
from . import when
from .groups import MONTH, Group, group_of, start_uncertain
from .templates import Templates

T = TypeVar("T")

HOME = "index.md"
TIMELINE = "timeline.md"
DATED_INDEX = "dated/index.md"
SOURCES_INDEX = "sources/index.md"
FIGURES = "figures.md"
TAGS_INDEX = "tags/index.md"
METHODOLOGY = "methodology.md"

PERIOD_KEY = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


@dataclass(frozen=True)
class Options:
    """What the site needs to know beyond the timeline itself."""

    periods: Mapping[str, str] = field(default_factory=dict)  # "2024-06" -> "June 2024 — the pact"
    directory_urls: bool = True
    # Links in the pages' HTML are relative to the page's URL, as MkDocs leaves them; "source": to
    # the page's Markdown file, as Zensical reads links in raw HTML (python -m generator render --for).
    links_from: str = "url"
    full_limit: int = 500  # above this many events the full timeline lists events compactly
    latest: int = 5  # events listed under "latest" on the home page
    key_figures: int = 3  # measures shown under "key figures" on the home page
    download: tuple[str, int] | None = None  # the offline zip beside the home page: (file name, bytes)
    updated: date | None = None  # when the data last changed (its last commit), for the home page


def dated(group: Group) -> str:
    """The page of a group of events: ``dated/2024-06.md``, ``dated/2024.md``, ``dated/by-2024-12.md``."""
    return f"dated/{group.key}.md"


def source(source_id: str) -> str:
    return f"sources/{source_id}.md"


def tag(tag_id: str) -> str:
    return f"tags/{tag_id}.md"


def event_page(event: Event) -> str:
    """The page that always holds the event's full card: its group's dated page."""
    return dated(group_of(event.date))


def event_anchor(event: Event) -> str:
    return f"e-{event.id}"


def citation_anchor(event: Event, index: int) -> str:
    """The id of an event's citation ``index`` (0-based) on its card, where source pages link back."""
    return f"{event_anchor(event)}-c{index + 1}"


def group_anchor(group: Group) -> str:
    return f"m-{group.key}"


def group_title(options: Options, group: Group, events: Sequence[Event] = ()) -> str:
    """The configured period title of a month ("June 2024 — the defense pact"), else the group's label
    ("June 2024"), with "(probably)" when every event filed there is only probably in it."""
    configured = options.periods.get(group.key) if group.kind == MONTH else None
    if configured:
        return configured
    return group.titled(probably=bool(events) and all(start_uncertain(e.date) for e in events))


class Links:
    """Relative URLs between generated pages. Cached: a big timeline asks for the same ones often."""

    def __init__(self, directory_urls: bool, from_source: bool = False) -> None:
        self.directory_urls = directory_urls
        self.from_source = from_source
        self._urls: dict[str, str] = {}
        self._ups: dict[str, str] = {}

    def url(self, path: str) -> str:
        """The site-relative URL of a page: ``dated/2024-06/`` (or ``dated/2024-06.html``)."""
        found = self._urls.get(path)
        if found is None:
            stem = path.removesuffix(".md")
            if self.directory_urls:
                if stem == "index":
                    found = ""
                elif stem.endswith("/index"):
                    found = stem.removesuffix("index")
                else:
                    found = stem + "/"
            else:
                found = stem + ".html"
            self._urls[path] = found
        return found

    def up(self, path: str) -> str:
        """The way from page ``path`` back to the site root: ``../../``."""
        found = self._ups.get(path)
        if found is None:
            found = "../" * (path if self.from_source else self.url(path)).count("/")
            self._ups[path] = found
        return found

    def href(self, from_path: str, to_path: str, anchor: str = "") -> str:
        """A link from page ``from_path`` to ``to_path`` (optionally to ``#anchor`` on it)."""
        suffix = f"#{anchor}" if anchor else ""
        if from_path == to_path:
            return suffix or "./"
        target = self.up(from_path) + self.url(to_path)
        return (target or "./") + suffix


def reading_order(event: Event) -> tuple[Any, ...]:
    """Time order (earliest day, coarser first); among events with the same date, certain before only
    probable, then by title, so that the order within a month follows a rule a reader can see."""
    earliest, precision, ident = event.sort_key
    return (earliest, precision, when.unsure(event.date), event.title.casefold(), ident)


class Site:
    """One render: the timeline, the options, the links, and what several pages share (computed once)."""

    def __init__(self, timeline: Timeline, options: Options, templates: Templates | None = None) -> None:
        self.timeline = timeline
        self.options = options
        self.templates = templates or Templates()
        self.links = Links(options.directory_urls, options.links_from == "source")
        self.events: tuple[Event, ...] = tuple(sorted(timeline.events, key=reading_order))
        groups: dict[Group, list[Event]] = {}
        for event in self.events:
            groups.setdefault(group_of(event.date), []).append(event)
        self.groups = {g: groups[g] for g in sorted(groups, key=lambda g: g.order)}
        self.group_keys = tuple(self.groups)
        self.group_index = {group: i for i, group in enumerate(self.group_keys)}

        self._memo: dict[tuple[str, str], Any] = {}
        self._labels: dict[dates.EDTF, str] = {}
        # Each event's one-line item by page depth and event id, with the event it shows; ``carried``: the
        # last render's, when every site-wide input is equal (reuse.py, under ``mkdocs serve``).
        self.items: dict[str, tuple[Event, str]] = {}
        self.carried: dict[str, tuple[Event, str]] = {}

    def group_title(self, group: Group) -> str:
        return group_title(self.options, group, self.groups.get(group, ()))

    def label(self, value: dates.EDTF) -> str:
        """A date in words ("probably December 2024"), once per render ("December 2024" recurs a lot)."""
        found = self._labels.get(value)
        if found is None:
            found = self._labels[value] = when.words(value)
        return found

    def memo(self, kind: str, key: str, make: Callable[[], T]) -> T:
        """``make()`` once per (kind, key): event snippets reused by several pages at the same depth."""
        found: T | None = self._memo.get((kind, key))
        if found is None:
            found = self._memo[(kind, key)] = make()
        return found

    def event_href(self, page: str, event: Event) -> str:
        """The link from ``page`` to the event's card on its month page."""
        up = self.links.up(page)
        return self.memo(
            "href", up + event.id, lambda: up + self.links.url(event_page(event)) + "#e-" + event.id
        )

    def source_title(self, source_id: str) -> str:
        found = self.timeline.sources.get(source_id)
        return found.title if found is not None else source_id

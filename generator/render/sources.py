"""Source pages (``source.html``): the stored article, every cited span highlighted, and the sources
index (``sources.html``): their contexts.

Marks are computed once per source from every citation in the timeline. Overlapping citations split
the text into segments; a segment covered by several citations is one ``<mark>``. Each citation's id
(``q-<event>-<n>``) sits on the mark where it begins (nested marks when several begin at the same
place), and a back-link to the citing event follows the segment where the citation ends.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

from ..model import Event, Source
from . import context as ctx
from . import when
from .context import Site
from .numbers import plural
from .text import safe_url

Context = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Cite:
    start: int
    end: int
    anchor: str
    event: Event
    number: int  # the citing event's number in this source's "cited by" list
    index: int  # the citation's index in the event (0-based): its card's quote is e-<event>-c<index+1>


def citations_by_source(site: Site) -> dict[str, list[Cite]]:
    """Every citation of every source, in one pass over the timeline."""
    numbers: dict[str, dict[str, int]] = {}
    found: dict[str, list[Cite]] = {}
    for event in site.events:
        for index, citation in enumerate(event.citations):
            per_source = numbers.setdefault(citation.source, {})
            number = per_source.setdefault(event.id, len(per_source) + 1)
            span = citation.span
            found.setdefault(citation.source, []).append(
                Cite(span.start, span.end, citation.anchor(event.id, index), event, number, index)
            )
    return found


def article(site: Site, source: Source, cites: list[Cite], page: str) -> list[Context]:
    """The article text as paragraphs (one per line of the stored text), each a list of parts: a run
    of text, whether it is dimmed (not part of the article), the note that begins an unrelated part,
    and the highlight on it (the ids of citations beginning there, who cites it, the back-links of the
    citations ending there)."""
    text = source.text
    starts: dict[int, list[Cite]] = {}
    ends: dict[int, list[Cite]] = {}
    points = {0, len(text)}
    for cite in cites:
        starts.setdefault(cite.start, []).append(cite)
        ends.setdefault(cite.end, []).append(cite)
        points.update((cite.start, cite.end))
    unrelated_at: dict[int, str] = {}
    unrelated_bounds: list[tuple[int, int]] = []
    for part in source.unrelated:
        unrelated_at[part.start] = part.note
        unrelated_bounds.append((part.start, part.end))
        points.update((part.start, part.end))
    at = text.find("\n")
    while at >= 0:
        points.update((at, at + 1))
        at = text.find("\n", at + 1)

    active: dict[str, Cite] = {}
    begun: set[str] = set()
    paragraphs: list[Context] = []
    current: list[Context] = []
    all_unrelated = True

    def close() -> None:
        nonlocal all_unrelated
        if current:
            paragraphs.append({"unrelated": all_unrelated, "parts": list(current)})
        current.clear()
        all_unrelated = True

    for a, b in itertools.pairwise(sorted(points)):
        for cite in ends.get(a, ()):
            active.pop(cite.anchor, None)
        for cite in starts.get(a, ()):
            active[cite.anchor] = cite
        if text[a:b] == "\n":
            close()
            continue
        inside = any(s <= a < e for s, e in unrelated_bounds)
        all_unrelated = all_unrelated and inside
        current.append(
            {
                "text": text[a:b],
                "note": unrelated_at.get(a),
                "dim": inside,
                "mark": _mark(site, active, begun, b, page) if active else None,
            }
        )
    close()
    return paragraphs


def _mark(site: Site, active: dict[str, Cite], begun: set[str], end: int, page: str) -> Context:
    fresh = [c for c in active.values() if c.anchor not in begun]
    begun.update(c.anchor for c in fresh)
    events = sorted({c.event.id: c for c in active.values()}.values(), key=lambda c: c.number)
    closing = sorted(
        {c.event.id: c for c in active.values() if c.end == end}.values(), key=lambda c: c.number
    )
    return {
        "id": fresh[0].anchor if fresh else None,
        "inner": [c.anchor for c in reversed(fresh[1:])],  # outermost first
        "cited_by": "; ".join(c.event.title for c in events),
        "back": [
            {
                "href": site.links.href(page, ctx.event_page(c.event), ctx.citation_anchor(c.event, c.index)),
                "title": c.event.title,
                "number": c.number,
            }
            for c in closing
        ],
    }


def _source(source: Source) -> Context:
    return {
        "id": source.id,
        "title": source.title,
        "published": when.published(source),
        "basis": source.published_basis,
        "publisher": source.publisher,
        "url": source.url,
        "link": safe_url(source.url),
        "sha256": source.sha256,
    }


def source_context(site: Site, source: Source, cites: list[Cite]) -> Context:
    page = ctx.source(source.id)
    seen: dict[str, Cite] = {}
    for cite in cites:
        seen.setdefault(cite.event.id, cite)
    return {
        "source": _source(source),
        "quotes": plural(len(cites), "quote"),
        "events": plural(len(seen), "event"),
        "methodology": site.links.href(page, ctx.METHODOLOGY),
        "cited_by": [
            {
                "number": cite.number,
                "event": cite.event,
                "href": site.event_href(page, cite.event),
                "date": site.label(cite.event.date),
                "anchor": cite.anchor,
            }
            for cite in sorted(seen.values(), key=lambda c: c.number)
        ],
        "paragraphs": article(site, source, cites, page),
    }


def sources_context(site: Site, by_source: dict[str, list[Cite]]) -> Context:
    page = ctx.SOURCES_INDEX
    rows = []
    for sid, source in sorted(site.timeline.sources.items(), key=lambda kv: (kv[1].title.casefold(), kv[0])):
        cites = by_source.get(sid, [])
        rows.append(
            {
                **_source(source),
                "href": site.links.href(page, ctx.source(sid)),
                "events": plural(len({c.event.id for c in cites}), "event"),
            }
        )
    publishers = any(row["publisher"] for row in rows)  # no column of "unknown"s
    return {"methodology": site.links.href(page, ctx.METHODOLOGY), "sources": rows, "publishers": publishers}

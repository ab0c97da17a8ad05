"""Source pages: the stored article, every cited span highlighted, and the sources index.

Marks are computed once per source from every citation in the timeline. Overlapping citations split
the text into segments; a segment covered by several citations is one ``<mark>``. Each citation's id
(``q-<event>-<n>``) sits on the mark where it begins (nested marks when several begin at the same
place), and a back-link to the citing event follows the segment where the citation ends.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from ..model import Event, Source
from . import context as ctx
from .context import Site
from .numbers import plural
from .text import esc, page_heading, safe_url


@dataclass(frozen=True, slots=True)
class Cite:
    start: int
    end: int
    anchor: str
    event: Event
    number: int  # the citing event's number in this source's "cited by" list


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
                Cite(span.start, span.end, citation.anchor(event.id, index), event, number)
            )
    return found


def _highlighted(site: Site, source: Source, cites: list[Cite], page: str) -> str:
    """The article text as paragraphs (one per line of the stored text), cited spans marked."""
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
    paragraphs: list[str] = []
    current: list[str] = []
    all_unrelated = True
    ordered = sorted(points)

    def close() -> None:
        nonlocal all_unrelated
        if current:
            cls = ' class="tl-unrelated"' if all_unrelated else ""
            paragraphs.append(f"<p{cls}>{''.join(current)}</p>")
        current.clear()
        all_unrelated = True

    for a, b in itertools.pairwise(ordered):
        for cite in ends.get(a, ()):
            active.pop(cite.anchor, None)
        for cite in starts.get(a, ()):
            active[cite.anchor] = cite
        if text[a:b] == "\n":
            close()
            continue
        segment = esc(text[a:b])
        inside = any(s <= a < e for s, e in unrelated_bounds)
        if a in unrelated_at:
            current.append(
                f'<span class="tl-unrelated-note">Not part of the article: {esc(unrelated_at[a])}</span> '
            )
        if active:
            fresh = [c for c in active.values() if c.anchor not in begun]
            begun.update(c.anchor for c in fresh)
            events = sorted({c.event.id: c for c in active.values()}.values(), key=lambda c: c.number)
            cited_by = "; ".join(c.event.title for c in events)
            html = segment
            for cite in fresh[1:]:
                html = f'<mark class="tl-q tl-q-inner" id="{cite.anchor}">{html}</mark>'
            first = f' id="{fresh[0].anchor}"' if fresh else ""
            html = f'<mark class="tl-q"{first} title="Cited by: {esc(cited_by)}">{html}</mark>'
            closing = [c for c in active.values() if c.end == b]
            if closing:
                refs = ", ".join(
                    f'<a href="{site.event_href(page, c.event)}" title="{esc(c.event.title)}">↩{c.number}</a>'
                    for c in sorted({c.event.id: c for c in closing}.values(), key=lambda c: c.number)
                )
                html += f'<sup class="tl-back">{refs}</sup>'
            segment = html
        if inside:
            segment = f'<span class="tl-dim">{segment}</span>'
        else:
            all_unrelated = False
        current.append(segment)
    close()
    return "\n".join(paragraphs)


def _meta(source: Source) -> str:
    url = safe_url(source.url)
    if url is not None:
        address = f'<a href="{esc(url)}" rel="nofollow noopener noreferrer">{esc(url)}</a>'
    else:
        address = esc(source.url) if source.url else "unknown"
    rows = [
        (
            "Published",
            f'{esc(source.published_label)} <span class="tl-basis">({esc(source.published_basis)})</span>',
        ),
        ("Publisher", esc(source.publisher) if source.publisher else "unknown"),
        ("Address", address),
        ("Stored copy", f"<code>seeds/{esc(source.id)}.txt</code>"),
        ("SHA-256", f'<code class="tl-hash">{esc(source.sha256)}</code>'),
    ]
    body = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    return f'<dl class="tl-source-meta">{body}</dl>\n\n'


def _cited_by(site: Site, cites: list[Cite], page: str) -> str:
    seen: dict[str, Cite] = {}
    for cite in cites:
        seen.setdefault(cite.event.id, cite)
    if not seen:
        return '<p class="tl-note">No event cites this article.</p>\n\n'
    items = []
    for cite in sorted(seen.values(), key=lambda c: c.number):
        event = cite.event
        href = site.event_href(page, event)
        items.append(
            f'<li value="{cite.number}"><a href="{href}">{esc(event.title)}</a> '
            f'<span class="tl-n">{esc(site.label(event.date))}</span> · '
            f'<a href="#{cite.anchor}">quote</a></li>'
        )
    return f'<ol class="tl-cited-by">{"".join(items)}</ol>\n\n'


def source_page(site: Site, source: Source, cites: list[Cite]) -> str:
    page = ctx.source(source.id)
    how = site.links.href(page, ctx.METHODOLOGY)
    quotes = plural(len(cites), "quote")
    events = plural(len({c.event.id for c in cites}), "event")
    return "".join(
        [
            page_heading(source.title),
            _meta(source),
            f'<p class="tl-lede">The stored text of this article, exactly as kept in the repository. '
            f"{quotes} from it back {events}; each is highlighted below and links back (↩) to its event. "
            f"Check the copy: <code>sha256sum seeds/{esc(source.id)}.txt</code> must print the SHA-256 "
            "above. "
            f'<a href="{how}">How sources are stored and checked</a>.</p>\n\n',
            "## Cited by\n\n",
            _cited_by(site, cites, page),
            "## The article\n\n",
            f'<div class="tl-article">\n{_highlighted(site, source, cites, page)}\n</div>\n',
        ]
    )


def source_pages(site: Site, by_source: dict[str, list[Cite]]) -> dict[str, str]:
    return {
        ctx.source(sid): source_page(site, source, by_source.get(sid, []))
        for sid, source in sorted(site.timeline.sources.items())
    }


def sources_index(site: Site, by_source: dict[str, list[Cite]]) -> str:
    page = ctx.SOURCES_INDEX
    rows = []
    for sid, source in sorted(site.timeline.sources.items(), key=lambda kv: (kv[1].title.casefold(), kv[0])):
        cites = by_source.get(sid, [])
        href = site.links.href(page, ctx.source(sid))
        rows.append(
            f'<tr><td><a href="{href}">{esc(source.title)}</a></td>'
            f"<td>{esc(source.publisher) if source.publisher else 'unknown'}</td>"
            f"<td>{esc(source.published_label)}</td>"
            f"<td>{plural(len({c.event.id for c in cites}), 'event')}</td></tr>"
        )
    how = site.links.href(page, ctx.METHODOLOGY)
    return (
        "# Sources\n\n"
        f'<p class="tl-lede">Every article the timeline cites, stored word for word. Each page shows the '
        f'whole text with the quoted passages highlighted. <a href="{how}">How sources are chosen and '
        "stored</a>.</p>\n\n"
        '<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table>'
        "<thead><tr><th>Article</th><th>Publisher</th><th>Published</th><th>Cited by</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div></div>\n"
    )

"""The pages made of event cards: the full timeline, one page per month, the month index."""

from __future__ import annotations

from collections.abc import Sequence

from .. import dates
from ..model import Event
from . import context as ctx
from .cards import card, compact_list
from .context import Site
from .numbers import plural
from .text import esc, md_text, page_heading


def _source_count(events: Sequence[Event]) -> int:
    return len({s for e in events for s in e.source_ids})


def timeline_page(site: Site) -> str:
    page = ctx.TIMELINE
    events, full = site.events, len(site.events) <= site.options.full_limit
    how = site.links.href(page, ctx.METHODOLOGY)
    out = [
        "# Full timeline\n\n",
        f'<p class="tl-lede">{plural(len(events), "event")} reported by '
        f"{plural(_source_count(events), 'source')}, oldest first. A date is only as precise as its "
        "sources: “June 2024” means no source names the day. Every quote links to its place, "
        f'highlighted, in the stored article. <a href="{how}">How this timeline is checked</a>.</p>\n\n',
    ]
    if not full:
        out.append(
            f'<p class="tl-note">The timeline is long, so this page lists each event by date and title; '
            f'<a href="{site.links.href(page, ctx.DATED_INDEX)}">each month’s page</a> shows the events '
            "in full with their quotes.</p>\n\n"
        )
    for (year, month), month_events in site.months.items():
        title = site.month_title(year, month)
        out.append(f"## {md_text(title)} {{#{ctx.month_anchor(year, month)}}}\n\n")
        href = site.links.href(page, ctx.dated(year, month))
        out.append(
            f'<p class="tl-month-meta">{plural(len(month_events), "event")} · '
            f'<a href="{href}">page for {esc(dates.month_label(year, month))}</a></p>\n\n'
        )
        if full:
            out.extend(card(site, e, page) for e in month_events)
        else:
            out.append(compact_list(site, month_events, page))
    if not events:
        out.append('<p class="tl-note">No events yet.</p>\n')
    return "".join(out)


def _pager(site: Site, page: str, keys: Sequence[tuple[int, int]], at: int) -> str:
    links = []
    if at > 0:
        y, m = keys[at - 1]
        links.append(
            f'<a class="tl-prev" rel="prev" href="{site.links.href(page, ctx.dated(y, m))}">'
            f"<span>Previous</span>{esc(site.month_title(y, m))}</a>"
        )
    if at + 1 < len(keys):
        y, m = keys[at + 1]
        links.append(
            f'<a class="tl-next" rel="next" href="{site.links.href(page, ctx.dated(y, m))}">'
            f"<span>Next</span>{esc(site.month_title(y, m))}</a>"
        )
    return f'<nav class="tl-pager" aria-label="Months">{"".join(links)}</nav>\n\n' if links else ""


def dated_pages(site: Site) -> dict[str, str]:
    keys = list(site.months)
    pages = {}
    for at, (year, month) in enumerate(keys):
        page = ctx.dated(year, month)
        events = site.months[(year, month)]
        back = site.links.href(page, ctx.TIMELINE, ctx.month_anchor(year, month))
        pager = _pager(site, page, keys, at)
        out = [
            page_heading(site.month_title(year, month)),
            pager,
            f'<p class="tl-lede">{plural(len(events), "event")} in {esc(dates.month_label(year, month))}, '
            f"reported by {plural(_source_count(events), 'source')}. "
            f'<a href="{back}">See them in the full timeline</a>.</p>\n\n',
        ]
        out.extend(card(site, e, page) for e in events)
        out.append(pager)
        pages[page] = "".join(out)
    return pages


def dated_index(site: Site) -> str:
    page = ctx.DATED_INDEX
    out = [
        "# By month\n\n",
        '<p class="tl-lede">One page per month with events, in order. Events whose date spans several '
        "months are filed under the first.</p>\n\n",
    ]
    years: dict[int, list[tuple[int, int]]] = {}
    for key in site.months:
        years.setdefault(key[0], []).append(key)
    for year, keys in years.items():
        out.append(f"## {year}\n\n")
        items = []
        for y, m in keys:
            events = site.months[(y, m)]
            href = site.links.href(page, ctx.dated(y, m))
            items.append(
                f'<li><a href="{href}">{esc(site.month_title(y, m))}</a> '
                f'<span class="tl-n">{plural(len(events), "event")}</span></li>'
            )
        out.append(f'<ol class="tl-months">{"".join(items)}</ol>\n\n')
    return "".join(out)

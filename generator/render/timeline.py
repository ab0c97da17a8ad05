"""The pages made of event cards: the full timeline (``timeline.html``), one page per month
(``month.html``, with ``pager.html``) and the month index (``months.html``): their contexts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from markupsafe import Markup

from .. import dates
from ..model import Event
from . import context as ctx
from .cards import card_context
from .context import Site
from .numbers import plural

Context = dict[str, Any]


def _source_count(events: Sequence[Event]) -> int:
    return len({s for e in events for s in e.source_ids})


def timeline_context(site: Site) -> Context:
    page = ctx.TIMELINE
    full = len(site.events) <= site.options.full_limit
    months = []
    for (year, month), events in site.months.items():
        months.append(
            {
                "key": ctx.period_key(year, month),
                "title": site.month_title(year, month),
                "label": dates.month_label(year, month),
                "anchor": ctx.month_anchor(year, month),
                "events": plural(len(events), "event"),
                "href": site.links.href(page, ctx.dated(year, month)),
                "cards": [card_context(site, e, page) for e in events] if full else [],
                "list": events,
            }
        )
    return {
        "events": plural(len(site.events), "event"),
        "sources": plural(_source_count(site.events), "source"),
        "methodology": site.links.href(page, ctx.METHODOLOGY),
        "full": full,
        "months_href": site.links.href(page, ctx.DATED_INDEX),
        "months": months,
    }


def _neighbour(site: Site, page: str, key: tuple[int, int]) -> Context:
    return {"href": site.links.href(page, ctx.dated(*key)), "title": site.month_title(*key)}


def month_context(site: Site, key: tuple[int, int]) -> Context:
    year, month = key
    page = ctx.dated(year, month)
    events = site.months[key]
    keys, at = site.month_keys, site.month_index[key]
    around = {
        "previous": _neighbour(site, page, keys[at - 1]) if at > 0 else None,
        "next": _neighbour(site, page, keys[at + 1]) if at + 1 < len(keys) else None,
    }
    return {
        "key": ctx.period_key(year, month),
        "title": site.month_title(year, month),
        "label": dates.month_label(year, month),
        "pager": Markup(site.templates.render("pager.html", around)),
        **around,
        "events": plural(len(events), "event"),
        "sources": plural(_source_count(events), "source"),
        "timeline_href": site.links.href(page, ctx.TIMELINE, ctx.month_anchor(year, month)),
        "cards": [card_context(site, e, page) for e in events],
    }


def months_context(site: Site) -> Context:
    page = ctx.DATED_INDEX
    years: dict[int, list[Context]] = {}
    for (year, month), events in site.months.items():
        years.setdefault(year, []).append(
            {
                "key": ctx.period_key(year, month),
                "title": site.month_title(year, month),
                "href": site.links.href(page, ctx.dated(year, month)),
                "events": plural(len(events), "event"),
            }
        )
    return {"years": [{"year": str(year), "months": months} for year, months in years.items()]}

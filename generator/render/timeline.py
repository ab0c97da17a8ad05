"""The pages made of event cards: the full timeline (``timeline.html``), one page per month
(``month.html``, with ``pager.html``) and the month index (``months.html``): their contexts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from markupsafe import Markup

from ..model import Event
from . import context as ctx
from . import describe
from .cards import card_context
from .context import Site
from .groups import Group
from .numbers import plural
from .overview import overview_html

Context = dict[str, Any]


DENSE = 6  # a group's page with this many events opens with a one-line list of them


CHIPS = 8  # at most this many tag chips: the tags that pick out most events


def tag_filter(site: Site, page: str, events: Sequence[Event]) -> Markup:
    """The tags that pick out some (more than one, not all) of ``events`` as filter chips
    (``tag-filter.html``): the ``CHIPS`` most used, in vocabulary order; nothing for fewer than two."""
    counts: dict[str, int] = {}
    for event in events:
        for tag_id in dict.fromkeys(event.tags):
            counts[tag_id] = counts.get(tag_id, 0) + 1
    useful = {t: n for t, n in counts.items() if 1 < n < len(events)}
    kept = set(sorted(useful, key=lambda t: (-useful[t], t))[:CHIPS])
    if len(kept) < 2:
        return Markup("")
    vocabulary = site.timeline.vocabulary.tags
    order = [t for t in vocabulary if t in kept] + sorted(t for t in kept if t not in vocabulary)
    tags = [
        {
            "id": tag_id,
            "label": vocabulary[tag_id].label if tag_id in vocabulary else tag_id,
            "count": counts[tag_id],
            "href": site.links.href(page, ctx.tag(tag_id)),
        }
        for tag_id in order
    ]
    more = len(useful) - len(kept)
    context = {"tags": tags, "more": more, "all_href": site.links.href(page, ctx.TAGS_INDEX)}
    return Markup(site.templates.render("tag-filter.html", context))


def _source_count(events: Sequence[Event]) -> int:
    return len({s for e in events for s in e.source_ids})


def timeline_context(site: Site) -> Context:
    page = ctx.TIMELINE
    full = len(site.events) <= site.options.full_limit
    months = []
    for group, events in site.groups.items():
        months.append(
            {
                "key": group.key,
                "kind": group.kind,
                "title": site.group_title(group),
                "label": group.short,
                "link": group.page_name,
                "anchor": ctx.group_anchor(group),
                "events": plural(len(events), "event"),
                "href": site.links.href(page, ctx.dated(group)),
                "cards": [card_context(site, e, page) for e in events] if full else [],
                "list": events,
            }
        )
    return {
        "events": plural(len(site.events), "event"),
        "sources": plural(_source_count(site.events), "source"),
        "tags": tag_filter(site, page, site.events) if full else Markup(""),
        "overview": overview_html(site, page),
        "methodology": site.links.href(page, ctx.METHODOLOGY),
        "full": full,
        "months_href": site.links.href(page, ctx.DATED_INDEX),
        "months": months,
    }


def _neighbour(site: Site, page: str, group: Group) -> Context:
    return {"href": site.links.href(page, ctx.dated(group)), "title": site.group_title(group)}


def month_context(site: Site, group: Group) -> Context:
    page = ctx.dated(group)
    events = site.groups[group]
    keys, at = site.group_keys, site.group_index[group]
    around = {
        "previous": _neighbour(site, page, keys[at - 1]) if at > 0 else None,
        "next": _neighbour(site, page, keys[at + 1]) if at + 1 < len(keys) else None,
    }
    return {
        "key": group.key,
        "kind": group.kind,
        "title": site.group_title(group),
        "label": group.short,
        "summary": describe.summary(site, group),
        "ties": describe.ties(events),
        "pager": Markup(site.templates.render("pager.html", around)),
        **around,
        "events": plural(len(events), "event"),
        "sources": plural(_source_count(events), "source"),
        "timeline_href": site.links.href(page, ctx.TIMELINE, ctx.group_anchor(group)),
        "contents": events if len(events) >= DENSE else [],
        "tags": tag_filter(site, page, events),
        "cards": [card_context(site, e, page, level=2) for e in events],
    }


def months_context(site: Site) -> Context:
    page = ctx.DATED_INDEX
    years: dict[int, list[Context]] = {}
    for group, events in site.groups.items():
        years.setdefault(group.year, []).append(
            {
                "key": group.key,
                "kind": group.kind,
                "title": site.group_title(group),
                "href": site.links.href(page, ctx.dated(group)),
                "events": plural(len(events), "event"),
            }
        )
    return {"years": [{"year": str(year), "months": months} for year, months in years.items()]}

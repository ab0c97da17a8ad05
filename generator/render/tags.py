"""Tag pages: an index of tags (``tags.html``), and one page per tag listing its events by month
(``tag.html``): their contexts."""

from __future__ import annotations

from typing import Any

from ..model import Event
from . import context as ctx
from .context import Site
from .groups import Group, group_of
from .numbers import plural

Context = dict[str, Any]


def events_by_tag(site: Site) -> dict[str, list[Event]]:
    found: dict[str, list[Event]] = {}
    for event in site.events:
        for tag_id in dict.fromkeys(event.tags):
            found.setdefault(tag_id, []).append(event)
    return found


def _tag(site: Site, tag_id: str, count: int, page: str) -> Context:
    tag = site.timeline.vocabulary.tags.get(tag_id)
    return {
        "id": tag_id,
        "label": tag.label if tag is not None else tag_id,
        "description": tag.description if tag is not None else "",
        "count": count,
        "events": plural(count, "event"),
        "href": site.links.href(page, ctx.tag(tag_id)),
    }


def tag_title(site: Site, tag_id: str) -> str:
    tag = site.timeline.vocabulary.tags.get(tag_id)
    return tag.label if tag is not None else tag_id


def tag_context(site: Site, tag_id: str, events: list[Event]) -> Context:
    page = ctx.tag(tag_id)
    months: dict[Group, list[Event]] = {}
    for event in events:
        months.setdefault(group_of(event.date), []).append(event)
    return {
        "tag": _tag(site, tag_id, len(events), page),
        "tags_href": site.links.href(page, ctx.TAGS_INDEX),
        "months": [
            {
                "key": group.key,
                "title": site.group_title(group),
                "anchor": ctx.group_anchor(group),
                "list": month_events,
            }
            for group, month_events in sorted(months.items(), key=lambda item: item[0].order)
        ],
    }


def tags_context(site: Site, by_tag: dict[str, list[Event]]) -> Context:
    page = ctx.TAGS_INDEX
    vocabulary = site.timeline.vocabulary.tags
    ids = list(vocabulary) + sorted(t for t in by_tag if t not in vocabulary)
    return {"tags": [_tag(site, tag_id, len(by_tag.get(tag_id, ())), page) for tag_id in ids]}

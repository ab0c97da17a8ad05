"""Tag pages: an index of tags, and one page per tag listing its events by month."""

from __future__ import annotations

from .. import dates
from ..model import Event
from . import context as ctx
from .cards import compact_list
from .context import Site
from .numbers import plural
from .text import esc, md_text, page_heading


def events_by_tag(site: Site) -> dict[str, list[Event]]:
    found: dict[str, list[Event]] = {}
    for event in site.events:
        for tag_id in dict.fromkeys(event.tags):
            found.setdefault(tag_id, []).append(event)
    return found


def _label(site: Site, tag_id: str) -> tuple[str, str]:
    tag = site.timeline.vocabulary.tags.get(tag_id)
    return (tag.label, tag.description) if tag is not None else (tag_id, "")


def tag_pages(site: Site, by_tag: dict[str, list[Event]]) -> dict[str, str]:
    pages = {}
    for tag_id in sorted(by_tag):
        page = ctx.tag(tag_id)
        label, description = _label(site, tag_id)
        events = by_tag[tag_id]
        out = [page_heading(label)]
        lede = f"{esc(description)} " if description else ""
        back = site.links.href(page, ctx.TAGS_INDEX)
        out.append(
            f'<p class="tl-lede">{lede}{plural(len(events), "event")}. <a href="{back}">All tags</a>.</p>\n\n'
        )
        months: dict[tuple[int, int], list[Event]] = {}
        for event in events:
            months.setdefault(dates.month_key(event.date), []).append(event)
        for (year, month), month_events in months.items():
            out.append(
                f"## {md_text(site.month_title(year, month))} {{#{ctx.month_anchor(year, month)}}}\n\n"
            )
            out.append(compact_list(site, month_events, page))
        pages[page] = "".join(out)
    return pages


def tags_index(site: Site, by_tag: dict[str, list[Event]]) -> str:
    page = ctx.TAGS_INDEX
    ids = list(site.timeline.vocabulary.tags) + sorted(
        t for t in by_tag if t not in site.timeline.vocabulary.tags
    )
    items = []
    for tag_id in ids:
        label, description = _label(site, tag_id)
        count = len(by_tag.get(tag_id, ()))
        name = f'<a href="{site.links.href(page, ctx.tag(tag_id))}">{esc(label)}</a>' if count else esc(label)
        detail = f" — {esc(description)}" if description else ""
        items.append(f'<li>{name} <span class="tl-n">{plural(count, "event")}</span>{detail}</li>')
    return (
        "# Tags\n\n"
        '<p class="tl-lede">Events by subject. An event can carry several tags.</p>\n\n'
        f'<ul class="tl-tag-index">{"".join(items)}</ul>\n'
    )

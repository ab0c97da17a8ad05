"""One sentence per generated page for link previews and search engines (``description:`` in the page's
front matter, which Material writes as its meta description and the site's theme as Open Graph)."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Event, Source
from .context import Site
from .groups import MONTH, YEAR, Group
from .numbers import plural

LIMIT = 200  # characters: what link previews show


def _short(text: str) -> str:
    return text if len(text) <= LIMIT else text[: LIMIT - 1].rsplit(" ", 1)[0] + "…"


def _firsts(events: Sequence[Event]) -> str:
    titles = [e.title for e in events[:2]]
    more = f"; and {len(events) - 2} more" if len(events) > 2 else ""
    return "; ".join(titles) + more


def timeline(events: str, sources: str) -> str:
    return f"All {events} of the timeline, oldest first, each with the quotes from its {sources}."


def months(events: str) -> str:
    return f"The {events} of the timeline by the month their sources prove."


def figures(site: Site) -> str:
    measures = site.timeline.vocabulary.measures
    return _short(
        "Every figure claimed, by claimant, never merged or averaged: "
        + ", ".join(m.label for m in measures.values())
        + "."
    )


def sources(sources: str) -> str:
    return (
        f"The {sources} the timeline quotes, each stored word for word with its quoted passages highlighted."
    )


def tags(events: str) -> str:
    return f"The {events} of the timeline by subject."


def group(site: Site, found: Group) -> str:
    events = site.groups[found]
    count = plural(len(events), "event")
    if found.kind == MONTH:
        head = f"{count} in {found.short}"
    elif found.kind == YEAR:
        head = f"{count} in {found.year} that no source dates to a month"
    else:
        head = f"{count} known to have happened {found.short}"
    return _short(f"{head}: {_firsts(events)}.")


def source(found: Source, quotes: int) -> str:
    who = f" ({found.publisher})" if found.publisher else ""
    return _short(
        f"The stored text of “{found.title}”{who}, published {found.published_label}, with the "
        f"{plural(quotes, 'passage')} the timeline quotes highlighted."
    )


def tag(site: Site, tag_id: str, events: Sequence[Event]) -> str:
    known = site.timeline.vocabulary.tags.get(tag_id)
    about = f" {known.description}" if known is not None and known.description else ""
    label = known.label if known is not None else tag_id
    return _short(f"{plural(len(events), 'event')} tagged {label}.{about}")

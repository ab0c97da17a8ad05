"""One sentence per generated page for link previews and search engines (``description:`` in the page's
front matter, which Material writes as its meta description and the site's theme as Open Graph)."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Event, Source
from . import when
from .context import Site
from .groups import UNTIL, YEAR, Group
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


def _dated(site: Site, events: Sequence[Event]) -> list[tuple[int, str]]:
    """How many events have each date, in words at the date's precision ("probably December 2024",
    "probably April–December 2024"): certain dates first, then the most common."""
    counts: dict[str, int] = {}
    sure: dict[str, bool] = {}
    for event in events:
        words = site.label(event.date)
        counts[words] = counts.get(words, 0) + 1
        sure[words] = not when.unsure(event.date)
    return sorted(((n, w) for w, n in counts.items()), key=lambda c: (not sure[c[1]], -c[0]))


def summary(site: Site, found: Group) -> str:
    """A group's events in one clause, never more precise than their dates: "1 event, dated probably
    April–December 2024"; "11 events under December 2024: 4 dated December 2024, 6 dated probably
    December 2024, 1 dated probably 23 December 2024"."""
    events = site.groups[found]
    count = plural(len(events), "event")
    parts = _dated(site, events)
    if len(parts) == 1:
        head = f"{count}, dated {parts[0][1]}"
    else:
        listed = ", ".join(f"{n} dated {words}" for n, words in parts)
        head = f"{count}: {listed}" if found.kind == UNTIL else f"{count} under {found.short}: {listed}"
    if found.kind == YEAR:
        return f"{head}; no source dates {'it' if len(events) == 1 else 'them'} to a month"
    if found.kind == UNTIL:
        return f"{head}; no source says when {'it' if len(events) == 1 else 'they'} happened"
    return head


TIES = (
    "Events with the same date are listed certain first, then probable, then by title: their order "
    "does not say which came first."
)


def ties(events: Sequence[Event]) -> str:
    """``TIES`` when two of ``events`` share a date (their order is then no order in time), else ""."""
    seen = [e.sort_key[:2] for e in events]
    return TIES if len(set(seen)) < len(seen) else ""


def group(site: Site, found: Group) -> str:
    events = site.groups[found]
    return _short(f"{summary(site, found)}. {_firsts(events)}.")


def source(found: Source, quotes: int) -> str:
    who = f" ({found.publisher})" if found.publisher else ""
    return _short(
        f"The stored text of “{found.title}”{who}, published {when.published(found)}, with the "
        f"{plural(quotes, 'passage')} the timeline quotes highlighted."
    )


def tag(site: Site, tag_id: str, events: Sequence[Event]) -> str:
    known = site.timeline.vocabulary.tags.get(tag_id)
    about = f" {known.description}" if known is not None and known.description else ""
    label = known.label if known is not None else tag_id
    return _short(f"{plural(len(events), 'event')} tagged {label}.{about}")

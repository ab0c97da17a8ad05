"""The generated parts of the home page, filled into placeholders of ``docs/index.md``: their contexts
(each part is the template ``home-<name>.html``).

Placeholders are HTML comments on their own line: ``<!-- timeline:stats -->``, ``periods``,
``figures``, ``latest`` and ``check``. A page without them is returned unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .. import dates
from . import context as ctx
from . import describe, when
from .context import Site
from .figures import claims_by_measure, measure_of
from .groups import MONTH, UNTIL, Group, group_of
from .numbers import agreement, plural, spread
from .overview import overview_html
from .text import size_label, squash

Context = dict[str, Any]

PAGE = ctx.HOME


def stats(site: Site) -> Context:
    updated = site.options.updated
    return {
        "events": len(site.events),
        "sources": len({s for e in site.events for s in e.source_ids}),
        "figures": sum(len(e.claims) for e in site.events),
        "updated": {
            "label": dates.plain(dates.Single(updated.year, updated.month, updated.day)),
            "datetime": updated.isoformat(),
        }
        if updated
        else None,
    }


def offline(site: Site) -> Context:
    """The offline zip beside the home page, when the site has one: its name and size in words."""
    found = site.options.download
    if found is None:
        return {"download": None}
    name, size = found
    return {"download": {"href": name, "size": size_label(size)}}


def _period_groups(site: Site) -> list[Group]:
    keys = []
    for key in sorted(site.options.periods):
        if ctx.PERIOD_KEY.match(key):
            keys.append(Group(MONTH, int(key[:4]), int(key[5:])))
    return keys or list(site.groups)[:3]


def periods(site: Site) -> Context:
    found = []
    for group in _period_groups(site):
        events = site.groups.get(group, [])
        found.append(
            {
                "key": group.key,
                "title": site.group_title(group),
                "href": site.links.href(PAGE, ctx.dated(group)),
                "count": len(events),
                "events": describe.summary(site, group) if events else "",
                "sources": plural(len({s for e in events for s in e.source_ids}), "source"),
                "first": events[:3],
                "more": max(len(events) - 3, 0),
            }
        )
    return {"periods": found}


def _as_of(values: list[dates.EDTF]) -> str:
    """When the estimates hold: "as of December 2024", "probably by December 2024", "as of December 2024
    (some only by then, some only probably)": a key figure's date no more precise than its claims'."""
    first = min(values, key=dates.earliest)
    last = max(values, key=dates.latest)
    start, end = dates.earliest(first), dates.latest(last)
    ends = [e for v in values for e in ((v,) if isinstance(v, dates.Single) else (v.start, v.end)) if e]
    if any(e.month is None for e in ends):  # a claim known to the year only: no month on the page
        text = str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    elif (start.year, start.month) == (end.year, end.month):
        text = dates.month_label(start.year, start.month)
    else:
        text = dates.label(
            dates.Interval(dates.Single(start.year, start.month), dates.Single(end.year, end.month))
        )
    by = [isinstance(v, dates.Interval) and v.start is None for v in values]
    unsure = [when.unsure(v) for v in values]
    probably = "probably " if all(unsure) else ""
    lead = f"{probably}by " if all(by) else f"as of {probably}"
    flags = []
    if any(by) and not all(by):
        flags.append("some only by then")
    if any(unsure) and not all(unsure):
        flags.append("some only probably")
    return f"{lead}{text} ({', '.join(flags)})" if flags else lead + text


def figures(site: Site) -> Context:
    """The most-claimed measures (``Options.key_figures`` of them) with the spread of their claims."""
    found = []
    for measure_id, rows in claims_by_measure(site).items():
        measure = measure_of(site, measure_id)
        claims = [c for _, c in rows if (c.unit or measure.unit) == measure.unit]
        summary = spread(claims)
        if summary is not None:
            found.append((measure_id, measure, claims, summary))
    found.sort(key=lambda item: (-item[3].estimates, -item[3].reports))  # stable among equals
    shown = found[: site.options.key_figures]
    return {
        "methodology": site.links.href(PAGE, ctx.METHODOLOGY),
        "figures_href": site.links.href(PAGE, ctx.FIGURES),
        "more": len(found) if len(found) > len(shown) else 0,
        "measures": [
            {
                "id": measure_id,
                "label": measure.label,
                "unit": measure.unit,
                "spread": summary,
                "agreement": agreement(summary),
                "as_of": _as_of([c.as_of for c in claims]),
                "href": site.links.href(PAGE, ctx.FIGURES, f"measure-{measure_id}"),
            }
            for measure_id, measure, claims, summary in shown
        ],
    }


def latest(site: Site) -> Context:
    """The latest events, newest first: of those whose start is known (an event only known to have
    happened by some date may be far older)."""
    known = [e for e in site.events if group_of(e.date).kind != UNTIL] or list(site.events)
    return {"events": known[-site.options.latest :][::-1] if site.options.latest > 0 else ()}


def check(site: Site) -> Context:
    example = None
    for event in reversed(site.events):
        if event.citations:
            citation = event.citations[0]
            source = site.timeline.sources.get(citation.source)
            words = squash(source.text[citation.span.start : citation.span.end]) if source else citation.quote
            example = {
                "event": event,
                "words": words if len(words) <= 90 else words[:88].rsplit(" ", 1)[0] + " …",
                "href": site.links.href(PAGE, ctx.source(citation.source), citation.anchor(event.id, 0)),
                "source": site.source_title(citation.source),
            }
            break
    return {"methodology": site.links.href(PAGE, ctx.METHODOLOGY), "example": example}


def overview_part(site: Site) -> Context:
    return {"overview": overview_html(site, PAGE)}


# placeholder name -> its context (each is rendered with ``home-<name>.html``)
PARTS: dict[str, Callable[[Site], Context]] = {
    "overview": overview_part,
    "offline": offline,
    "stats": stats,
    "periods": periods,
    "figures": figures,
    "latest": latest,
    "check": check,
}


def fill(html: str, generated: dict[str, str]) -> str:
    """Replace each ``<!-- timeline:NAME -->`` placeholder with its generated HTML block."""
    for name, part in generated.items():
        html = html.replace(f"<!-- timeline:{name} -->", part)
    return html

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
from .context import Site
from .figures import claims_by_measure, measure_of
from .numbers import agreement, plural, spread
from .text import squash

Context = dict[str, Any]

PAGE = ctx.HOME


def stats(site: Site) -> Context:
    return {
        "events": len(site.events),
        "sources": len({s for e in site.events for s in e.source_ids}),
        "figures": sum(len(e.claims) for e in site.events),
    }


def _period_keys(site: Site) -> list[tuple[int, int]]:
    keys = []
    for key in sorted(site.options.periods):
        if ctx.PERIOD_KEY.match(key):
            keys.append((int(key[:4]), int(key[5:])))
    return keys or list(site.months)[:3]


def periods(site: Site) -> Context:
    found = []
    for year, month in _period_keys(site):
        events = site.months.get((year, month), [])
        found.append(
            {
                "key": ctx.period_key(year, month),
                "title": site.month_title(year, month),
                "href": site.links.href(PAGE, ctx.dated(year, month)),
                "count": len(events),
                "events": plural(len(events), "event"),
                "sources": plural(len({s for e in events for s in e.source_ids}), "source"),
                "first": events[:3],
                "more": max(len(events) - 3, 0),
            }
        )
    return {"periods": found}


def _as_of(values: list[dates.EDTF]) -> str:
    first = min(values, key=dates.earliest)
    last = max(values, key=dates.latest)
    start, end = dates.earliest(first), dates.latest(last)
    if (start.year, start.month) == (end.year, end.month):
        return dates.month_label(start.year, start.month)
    return dates.label(
        dates.Interval(dates.Single(start.year, start.month), dates.Single(end.year, end.month))
    )


def figures(site: Site) -> Context:
    """The most-claimed measures (``Options.key_figures`` of them) with the spread of their claims."""
    found = []
    for measure_id, rows in claims_by_measure(site).items():
        measure = measure_of(site, measure_id)
        claims = [c for _, c in rows if (c.unit or measure.unit) == measure.unit]
        summary = spread(claims)
        if summary is not None:
            found.append((measure_id, measure, claims, summary))
    found.sort(key=lambda item: -item[3].claims)  # stable: vocabulary order among equals
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
    return {"events": site.events[-site.options.latest :][::-1] if site.options.latest > 0 else ()}


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


# placeholder name -> its context (each is rendered with ``home-<name>.html``)
PARTS: dict[str, Callable[[Site], Context]] = {
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

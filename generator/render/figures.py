"""The figures page (``figures.html``, with ``chart.html``): per measure, a chart and a table of every
claim, never merged or averaged: its context."""

from __future__ import annotations

from typing import Any

from .. import dates
from ..model import Claim, Event, Measure
from . import chart, when
from . import context as ctx
from .context import Site
from .numbers import Estimate, agreement, estimates, figure, join_words, plural, spread

Context = dict[str, Any]

Row = tuple[Event, Claim]


def claims_by_measure(site: Site) -> dict[str, list[Row]]:
    """Every claim, by measure in vocabulary order, each list in as-of order then claimant."""
    found: dict[str, list[Row]] = {m: [] for m in site.timeline.vocabulary.measures}
    for event in site.events:
        for claim in event.claims:
            found.setdefault(claim.measure, []).append((event, claim))
    for rows in found.values():
        rows.sort(key=lambda r: (dates.sort_key(r[1].as_of, r[1].claimant), r[0].sort_key))
    return {m: rows for m, rows in found.items() if rows}


def measure_of(site: Site, measure_id: str) -> Measure:
    return site.timeline.vocabulary.measures.get(measure_id) or Measure(measure_id, measure_id, "")


def _article(site: Site, event: Event, claim: Claim) -> str | None:
    """The title of the article a claim is quoted from."""
    if claim.citation < len(event.citations):
        return site.source_title(event.citations[claim.citation].source)
    return None


def _quotes(quotes: int, articles: int) -> str:
    """ "in 6 quotes from 5 articles", "in 2 articles" (one quote each)."""
    if quotes == articles:
        return f"in {plural(articles, 'article')}"
    return f"in {plural(quotes, 'quote')} from {plural(articles, 'article')}"


def _estimate(site: Site, found: Estimate[Row], measure: Measure, page: str) -> Context:
    """One estimate with every report of it, the event named once when all reports belong to one."""
    headline = found.headline
    unit = headline.unit or measure.unit
    reports = [_report(site, event, claim, page) for event, claim in found.items]
    articles = {r["source"]["id"] for r in reports if r["source"]}
    events = list(dict.fromkeys(event.id for event, _ in found.items))
    also = [w for w in found.wordings if w != figure(headline)]
    one_event = found.items[0][0] if len(events) == 1 else None
    return {
        "figure": figure(headline) + (f" {unit}" if unit != measure.unit else ""),
        "as_of": when.as_of(headline.as_of),
        "also": join_words(also, "or"),
        "quotes": _quotes(len(reports), max(len(articles), 1)),
        "event": one_event,
        "event_href": site.event_href(page, one_event) if one_event is not None else None,
        "reports": reports,
    }


def _claimants(
    site: Site, rows: list[Row], measure: Measure, page: str, claimants: chart.Claimants
) -> list[Context]:
    """One entry per named claimant (in their site-wide order): each of its estimates, with every
    article that reports it nested under it, as the article words it. A source the article does not
    name is nobody in particular: each such estimate is an entry of its own, after the claimants."""
    by_claimant: dict[tuple[str, str], list[Context]] = {}
    for found in estimates(rows, lambda row: row[1]):
        event, headline = next(item for item in found.items if item[1] is found.headline)
        name = chart.name_of(headline, _article(site, event, headline))
        by_claimant.setdefault((found.claimant, name), []).append(_estimate(site, found, measure, page))
    order = sorted(by_claimant, key=lambda key: (claimants.order(key[0]), key[1]))
    return [
        {
            "name": name,
            "class": claimants.colour(claimant),
            "shape": claimants.path(claimant),
            "estimates": by_claimant[(claimant, name)],
        }
        for claimant, name in order
    ]


def _report(site: Site, event: Event, claim: Claim, page: str) -> Context:
    citation = event.citations[claim.citation] if claim.citation < len(event.citations) else None
    source = None
    if citation is not None:
        href = site.links.href(page, ctx.source(citation.source), citation.anchor(event.id, claim.citation))
        source = {"id": citation.source, "title": site.source_title(citation.source), "href": href}
    return {
        "event": event,
        "claim": claim,
        "figure": figure(claim),
        "source": source,
        "event_href": site.event_href(page, event),
        "inference": claim.inference,
    }


def figures_context(site: Site) -> Context:
    page = ctx.FIGURES
    measures = []
    by_measure = claims_by_measure(site)
    claimants = chart.Claimants([c for rows in by_measure.values() for _, c in rows])
    articles = {id(c): _article(site, e, c) for rows in by_measure.values() for e, c in rows}

    def where(claim: Claim) -> str | None:
        return articles.get(id(claim))

    for measure_id, rows in by_measure.items():
        measure = measure_of(site, measure_id)
        claims = [c for _, c in rows]
        summary = spread([c for c in claims if (c.unit or measure.unit) == measure.unit])
        measures.append(
            {
                "id": measure_id,
                "label": measure.label,
                "unit": measure.unit,
                "description": measure.description,
                "spread": summary,
                "agreement": agreement(summary) if summary is not None else "",
                "chart": chart.chart(
                    f"chart-{measure_id}", measure.label, measure.unit, claims, claimants, where
                ),
                "claimants": _claimants(site, rows, measure, page, claimants),
            }
        )
    return {"methodology": site.links.href(page, ctx.METHODOLOGY), "measures": measures}

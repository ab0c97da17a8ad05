"""The figures page (``figures.html``, with ``chart.html``): per measure, a chart and a table of every
claim, never merged or averaged: its context."""

from __future__ import annotations

from typing import Any

from .. import dates
from ..model import Claim, Event, Measure
from . import chart
from . import context as ctx
from .context import Site
from .numbers import agreement, figure, spread

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


def _rows(site: Site, rows: list[Row], measure: Measure, page: str) -> list[Context]:
    found = []
    for event, claim in rows:
        citation = event.citations[claim.citation] if claim.citation < len(event.citations) else None
        unit = claim.unit or measure.unit
        source = None
        if citation is not None:
            href = site.links.href(
                page, ctx.source(citation.source), citation.anchor(event.id, claim.citation)
            )
            source = {"id": citation.source, "title": site.source_title(citation.source), "href": href}
        found.append(
            {
                "event": event,
                "claim": claim,
                "as_of": site.label(claim.as_of),
                "figure": figure(claim) + (f" {unit}" if unit != measure.unit else ""),
                "claimant": claim.claimant,
                "source": source,
                "event_href": site.event_href(page, event),
            }
        )
    return found


def figures_context(site: Site) -> Context:
    page = ctx.FIGURES
    measures = []
    for measure_id, rows in claims_by_measure(site).items():
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
                "chart": chart.chart(f"chart-{measure_id}", measure.label, measure.unit, claims),
                "rows": _rows(site, rows, measure, page),
            }
        )
    return {"methodology": site.links.href(page, ctx.METHODOLOGY), "measures": measures}

"""The figures page: per measure, a chart and a table of every claim, never merged or averaged."""

from __future__ import annotations

from .. import dates
from ..model import Claim, Event, Measure
from . import chart
from . import context as ctx
from .context import Site
from .numbers import agreement, figure, spread
from .text import esc, md_text

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


def _table(site: Site, rows: list[Row], measure: Measure, page: str) -> str:
    body = []
    for event, claim in rows:
        citation = event.citations[claim.citation] if claim.citation < len(event.citations) else None
        unit = claim.unit or measure.unit
        if citation is not None:
            href = site.links.href(
                page, ctx.source(citation.source), citation.anchor(event.id, claim.citation)
            )
            source = f'<a href="{href}">{esc(site.source_title(citation.source))}</a>'
        else:
            source = "—"
        event_href = site.event_href(page, event)
        shown = esc(figure(claim)) + (f" {esc(unit)}" if unit != measure.unit else "")
        when = esc(site.label(claim.as_of))
        reported = f'{source}<br><a class="tl-n" href="{event_href}">{esc(event.title)}</a>'
        body.append(
            f'<tr><td data-label="As of"><span class="tl-nowrap">{when}</span></td>'
            f'<td data-label="Figure" class="tl-figure">{shown}</td>'
            f'<td data-label="Claimed by">{esc(claim.claimant)}</td>'
            f'<td data-label="Reported in">{reported}</td></tr>'
        )
    return (
        '<div class="md-typeset__scrollwrap"><div class="md-typeset__table tl-figures"><table>'
        f"<thead><tr><th>As of</th><th>Figure ({esc(measure.unit)})</th><th>Claimed by</th>"
        f"<th>Where it is reported</th></tr></thead><tbody>{''.join(body)}</tbody></table></div></div>\n\n"
    )


def _legend(names: list[str]) -> str:
    swatches = "".join(
        f'<li><span class="tl-swatch tl-s{i % chart.SERIES_CLASSES}"></span>{esc(n)}</li>'
        for i, n in enumerate(names)
    )
    return (
        f'<ul class="tl-legend">{swatches}</ul>'
        '<p class="tl-key">● stated figure · ○ “about” · ▲ “at least” (no upper limit given) · '
        "▼ “at most” · bar: a range. Points from different claimants at the same date are drawn "
        "side by side.</p>"
    )


def figures_page(site: Site) -> str:
    page = ctx.FIGURES
    how = site.links.href(page, ctx.METHODOLOGY)
    by_measure = claims_by_measure(site)
    out = [
        "# Figures\n\n",
        f'<p class="tl-lede">Every figure in the timeline is a claim: someone said it, as of some date, '
        "and a quote backs it. Claims are never merged, averaged or rounded; where estimates differ, "
        f'they are shown side by side with who made them. <a href="{how}">How figures are recorded</a>.'
        "</p>\n\n",
    ]
    if not by_measure:
        out.append('<p class="tl-note">No figures have been recorded yet.</p>\n')
    for measure_id, rows in by_measure.items():
        measure = measure_of(site, measure_id)
        claims = [c for _, c in rows]
        out.append(f"## {md_text(measure.label)} {{#measure-{measure_id}}}\n\n")
        summary = spread([c for c in claims if (c.unit or measure.unit) == measure.unit])
        description = f"{esc(measure.description)} " if measure.description else ""
        if summary is not None:
            differ = agreement(summary)
            description += f"Claimed: <strong>{esc(summary.text)}</strong> {esc(measure.unit)} ({differ})."
        out.append(f'<p class="tl-measure-summary">{description}</p>\n\n')
        svg = chart.svg(f"chart-{measure_id}", measure.label, measure.unit, claims)
        if svg:
            names = chart.claimant_order(claims)
            out.append(
                f'<figure class="tl-chart">{svg}<figcaption>{_legend(names)}</figcaption></figure>\n\n'
            )
        out.append(_table(site, rows, measure, page))
    return "".join(out)

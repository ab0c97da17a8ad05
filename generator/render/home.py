"""The generated parts of the home page, filled into placeholders of ``docs/index.md``.

Placeholders are HTML comments on their own line: ``<!-- timeline:stats -->``, ``periods``,
``figures``, ``latest`` and ``check``. A page without them is returned unchanged.
"""

from __future__ import annotations

from collections.abc import Callable

from .. import dates
from . import context as ctx
from .cards import compact_item
from .context import Site
from .figures import claims_by_measure, measure_of
from .numbers import agreement, plural, spread
from .text import esc, squash

PAGE = ctx.HOME


def stats(site: Site) -> str:
    sources = {s for e in site.events for s in e.source_ids}
    claims = sum(len(e.claims) for e in site.events)
    return (
        f'<p class="tl-stats"><span><strong>{len(site.events):,}</strong> events</span>'
        f"<span><strong>{len(sources):,}</strong> sources quoted</span>"
        f"<span><strong>{claims:,}</strong> figures, each attributed</span></p>"
    )


def _period_keys(site: Site) -> list[tuple[int, int]]:
    keys = []
    for key in sorted(site.options.periods):
        if ctx.PERIOD_KEY.match(key):
            keys.append((int(key[:4]), int(key[5:])))
    return keys or list(site.months)[:3]


def periods(site: Site) -> str:
    cards = []
    for year, month in _period_keys(site):
        events = site.months.get((year, month), [])
        title = esc(site.month_title(year, month))
        if events:
            href = site.links.href(PAGE, ctx.dated(year, month))
            sources = len({s for e in events for s in e.source_ids})
            listed = "".join(f"<li>{esc(e.title)}</li>" for e in events[:3])
            more = f"<li>and {len(events) - 3} more</li>" if len(events) > 3 else ""
            cards.append(
                f'<li><p class="tl-card-title"><a href="{href}">{title}</a></p>'
                f'<p class="tl-n">{plural(len(events), "event")} · {plural(sources, "source")}</p>'
                f'<ul class="tl-card-events">{listed}{more}</ul></li>'
            )
        else:
            cards.append(f'<li><p class="tl-card-title">{title}</p><p class="tl-n">No events yet.</p></li>')
    return f'<div class="grid cards tl-periods"><ul>{"".join(cards)}</ul></div>' if cards else ""


def _as_of(values: list[dates.EDTF]) -> str:
    first = min(values, key=dates.earliest)
    last = max(values, key=dates.latest)
    start, end = dates.earliest(first), dates.latest(last)
    if (start.year, start.month) == (end.year, end.month):
        return dates.month_label(start.year, start.month)
    return dates.label(
        dates.Interval(dates.Single(start.year, start.month), dates.Single(end.year, end.month))
    )


def figures(site: Site) -> str:
    """The most-claimed measures (``Options.key_figures`` of them) with the spread of their claims."""
    found = []
    for measure_id, rows in claims_by_measure(site).items():
        measure = measure_of(site, measure_id)
        claims = [c for _, c in rows if (c.unit or measure.unit) == measure.unit]
        summary = spread(claims)
        if summary is not None:
            found.append((measure_id, measure, claims, summary))
    found.sort(key=lambda item: -item[3].claims)  # stable: vocabulary order among equals
    how = site.links.href(PAGE, ctx.METHODOLOGY)
    cards = []
    for measure_id, measure, claims, summary in found[: site.options.key_figures]:
        differ = agreement(summary)
        href = site.links.href(PAGE, ctx.FIGURES, f"measure-{measure_id}")
        cards.append(
            f'<li><p class="tl-big">{esc(summary.text)} <span class="tl-unit">{esc(measure.unit)}</span></p>'
            f'<p class="tl-card-title">{esc(measure.label)}</p>'
            f'<p class="tl-card-meta">{differ}, as of {esc(_as_of([c.as_of for c in claims]))}</p>'
            f'<p><a href="{href}">Who claims what</a> · <a href="{how}">how figures are recorded</a></p></li>'
        )
    if not cards:
        return ""
    more = ""
    if len(found) > len(cards):
        href = site.links.href(PAGE, ctx.FIGURES)
        more = f'<p><a href="{href}">All {len(found)} measures on the figures page</a></p>'
    return f'<div class="grid cards tl-key-figures"><ul>{"".join(cards)}</ul></div>{more}'


def latest(site: Site) -> str:
    events = site.events[-site.options.latest :][::-1] if site.options.latest > 0 else ()
    if not events:
        return '<p class="tl-note">No events yet.</p>'
    return f'<ol class="tl-compact tl-latest">{"".join(compact_item(site, e, PAGE) for e in events)}</ol>'


def check(site: Site) -> str:
    how = site.links.href(PAGE, ctx.METHODOLOGY)
    example = ""
    for event in reversed(site.events):
        if event.citations:
            citation = event.citations[0]
            source = site.timeline.sources.get(citation.source)
            words = squash(source.text[citation.span.start : citation.span.end]) if source else citation.quote
            words = words if len(words) <= 90 else words[:88].rsplit(" ", 1)[0] + " …"
            href = site.links.href(PAGE, ctx.source(citation.source), citation.anchor(event.id, 0))
            title = esc(site.source_title(citation.source))
            example = f' Try it: <a href="{href}">“{esc(words)}”</a> from <em>{title}</em>.'
            break
    return (
        '<ol class="tl-steps">'
        "<li><strong>Read the quote.</strong> Every event lists the sentences it rests on, copied word for "
        "word from stored articles, and says how many sources report it.</li>"
        "<li><strong>Open the source.</strong> The article title under a quote opens the stored copy of the "
        f"article with those exact words highlighted.{example}</li>"
        "<li><strong>Check the copy.</strong> Each source page gives the article’s SHA-256; "
        "<code>sha256sum</code> on the file in the repository must print the same value.</li>"
        "<li><strong>Compare the figures.</strong> A figure is always someone’s claim, shown with the "
        "claimant and the date it refers to; differing claims stand side by side.</li>"
        f'<li><strong>Doubt something?</strong> <a href="{how}">The methodology</a> explains what is '
        "checked automatically and what is not.</li></ol>"
    )


PARTS: dict[str, Callable[[Site], str]] = {
    "stats": stats,
    "periods": periods,
    "figures": figures,
    "latest": latest,
    "check": check,
}


def parts(site: Site) -> dict[str, str]:
    """Every generated part of the home page, by placeholder name."""
    return {name: build(site) for name, build in PARTS.items()}


def fill(markdown: str, generated: dict[str, str]) -> str:
    """Replace each ``<!-- timeline:NAME -->`` placeholder with its generated HTML block."""
    for name, html in generated.items():
        markdown = markdown.replace(f"<!-- timeline:{name} -->", html)
    return markdown

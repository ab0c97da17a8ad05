"""One event as readers see it: the full card (date, summary, figures, problems, quotes, tags) and the
one-line form used by long lists."""

from __future__ import annotations

from collections.abc import Sequence

from .. import dates
from ..model import Citation, Event, Problem
from . import context as ctx
from .context import Site
from .numbers import figure, plural
from .text import esc, md_text, squash, summary_html

# kind -> (label in the problems list, tag after the words in the quote; "" for none)
PROBLEM_LABELS = {
    "wrong-date": ("Wrong date", "[sic]"),
    "error": ("Error in the source", "[sic]"),
    "disagreement": ("Sources disagree", "[disputed]"),
    "uncorroborated": ("Not corroborated", "[unconfirmed]"),
    "note": ("Note", ""),
}


def time_html(site: Site, event: Event) -> str:
    """``<time>`` with the event's date at its real precision (computed once per event)."""
    return site.memo("time", event.id, lambda: _time(site, event))


def _time(site: Site, event: Event) -> str:
    value = event.date
    label = esc(site.label(value))
    if isinstance(value, dates.Single) and not (value.approximate or value.uncertain):
        return f'<time datetime="{value.edtf()}">{label}</time>'
    return f'<time title="EDTF {esc(dates.to_edtf(value))}">{label}</time>'


def _mark_problems(quote: str, problems: Sequence[Problem]) -> str:
    """The quote as HTML, each recorded problem's words flagged in place ("… 2023 [sic]")."""
    spots: list[tuple[int, int, Problem]] = []
    for problem in problems:
        if not PROBLEM_LABELS.get(problem.kind, PROBLEM_LABELS["note"])[1]:
            continue  # a note marks nothing in the quote
        words = squash(problem.text)
        at = quote.find(words)
        if at >= 0 and all(at >= end or at + len(words) <= start for start, end, _ in spots):
            spots.append((at, at + len(words), problem))
    out, pos = [], 0
    for start, end, problem in sorted(spots, key=lambda s: s[0]):
        tag = PROBLEM_LABELS.get(problem.kind, PROBLEM_LABELS["note"])[1]
        out.append(esc(quote[pos:start]))
        out.append(
            f'<span class="tl-sic">{esc(quote[start:end])}</span> <span class="tl-sic-tag">{tag}</span>'
        )
        pos = end
    out.append(esc(quote[pos:]))
    return "".join(out)


def _correction(text: str) -> str:
    try:
        return dates.label(dates.parse(text))
    except dates.DateError:
        return text


def _source_line(site: Site, source_id: str) -> str:
    """After the link: "Article title</a> · Publisher · published 23 December 2024" (once per source)."""

    def make() -> str:
        source = site.timeline.sources.get(source_id)
        if source is None:
            return f"{esc(source_id)}</a> · published unknown"
        who = f" · {esc(source.publisher)}" if source.publisher else ""
        return f"{esc(source.title)}</a>{who} · published {esc(source.published_label)}"

    return site.memo("source-line", source_id, make)


def _citation(site: Site, event: Event, index: int, citation: Citation, page: str) -> str:
    source = site.timeline.sources.get(citation.source)
    span = citation.span
    quote = squash(source.text[span.start : span.end] if source is not None else citation.quote)
    if event.problems:
        text = _mark_problems(quote, [p for p in event.problems if p.citation == index])
    else:
        text = esc(quote)
    href = site.links.href(page, ctx.source(citation.source), citation.anchor(event.id, index))
    note = f'<p class="tl-cite-note">Note: {esc(citation.note)}</p>' if citation.note else ""
    return (
        f'<li id="e-{event.id}-c{index + 1}"><blockquote class="tl-quote"><p>{text}</p></blockquote>'
        f'<p class="tl-src"><a href="{href}" title="The quote highlighted in the stored article">'
        f"{_source_line(site, citation.source)}</p>{note}</li>"
    )


def _claims(site: Site, event: Event, page: str) -> str:
    if not event.claims:
        return ""
    by_measure: dict[str, list[int]] = {}
    for i, claim in enumerate(event.claims):
        by_measure.setdefault(claim.measure, []).append(i)
    groups = []
    for measure_id, indexes in by_measure.items():
        measure = site.timeline.vocabulary.measures.get(measure_id)
        label = measure.label if measure else measure_id
        claims = [event.claims[i] for i in indexes]
        differ = len({figure(c) for c in claims}) > 1
        items = []
        for claim in claims:
            unit = claim.unit or (measure.unit if measure else "")
            ref = f"#{ctx.event_anchor(event)}-c{claim.citation + 1}"
            items.append(
                f'<li><span class="tl-figure">{esc(figure(claim))}</span> '
                f'<span class="tl-unit">{esc(unit)}</span>'
                f'<span class="tl-claimant">{esc(claim.claimant)}</span>'
                f'<span class="tl-asof">as of {esc(site.label(claim.as_of))} · '
                f'<a href="{ref}">quote {claim.citation + 1}</a></span>'
                + (f'<span class="tl-claim-note">{esc(claim.note)}</span>' if claim.note else "")
                + "</li>"
            )
        flag = ' <span class="tl-differ">estimates differ</span>' if differ else ""
        figures_href = site.links.href(page, ctx.FIGURES, f"measure-{measure_id}")
        groups.append(
            f'<div class="tl-measure"><p class="tl-label"><a href="{figures_href}">{esc(label)}</a>{flag}</p>'
            f'<ul class="tl-side">{"".join(items)}</ul></div>'
        )
    how = site.links.href(page, ctx.METHODOLOGY)
    return (
        f'<div class="tl-claims">{"".join(groups)}'
        f'<p class="tl-how">Each figure is what its claimant said, never merged or rounded. '
        f'<a href="{how}">How figures are recorded</a></p></div>'
    )


def _problems(event: Event) -> str:
    if not event.problems:
        return ""
    items = []
    for problem in event.problems:
        label, tag = PROBLEM_LABELS.get(problem.kind, PROBLEM_LABELS["note"])
        fix = f" Likely meant: {esc(_correction(problem.correction))}." if problem.correction else ""
        tagged = f" {tag}" if tag else ""
        items.append(
            f"<li><strong>{label}</strong> in quote {problem.citation + 1}: "
            f"“{esc(squash(problem.text))}”{tagged}. {esc(problem.note)}{fix}</li>"
        )
    label = '<p class="tl-label">Problems in the sources</p>'
    return f'<div class="tl-problems">{label}<ul>{"".join(items)}</ul></div>'


def _basis(site: Site, event: Event) -> str:
    parts = []
    for basis in event.date_basis:
        if basis.citation >= len(event.citations):
            continue
        source = site.timeline.sources.get(event.citations[basis.citation].source)
        published = source.published_label if source is not None else "unknown"
        if basis.phrase:
            parts.append(
                f"“{esc(basis.phrase)}” in quote {basis.citation + 1}, in an article published "
                f"{esc(published)}, which points to {esc(site.label(basis.resolved))}"
            )
        else:
            parts.append(
                f"quote {basis.citation + 1}, which reports it as current in an article "
                f"published {esc(published)}"
            )
    if not parts:
        return ""
    return f'<p class="tl-basis">Dated from {"; ".join(parts)}.</p>'


def _tags(site: Site, event: Event, page: str) -> str:
    links = []
    for tag_id in event.tags:
        tag = site.timeline.vocabulary.tags.get(tag_id)
        label = tag.label if tag is not None else tag_id
        links.append(f'<a class="tl-tag" href="{site.links.href(page, ctx.tag(tag_id))}">{esc(label)}</a>')
    return f'<p class="tl-tags">{" ".join(links)}</p>' if links else ""


def card(site: Site, event: Event, page: str) -> str:
    """One event: a heading (its permalink anchor) and the card below it, as Markdown."""
    sources = plural(len(event.source_ids), "source")
    citations = "".join(_citation(site, event, i, c, page) for i, c in enumerate(event.citations))
    body = (
        f'<div class="tl-event" data-event="{esc(event.id)}">'
        f'<p class="tl-meta">{time_html(site, event)} '
        f'<span class="tl-reported">reported by {sources}</span></p>'
        f'<div class="tl-summary">{summary_html(event.summary)}</div>'
        f"{_claims(site, event, page)}{_problems(event)}"
        f'<ol class="tl-citations">{citations}</ol>'
        f"{_basis(site, event)}{_tags(site, event, page)}</div>"
    )
    return f"### {md_text(event.title)} {{#{ctx.event_anchor(event)} .tl-title}}\n\n{body}\n\n"


def compact_item(site: Site, event: Event, page: str) -> str:
    """One line for an event: date, title linking to its card, how many sources report it."""

    def make() -> str:
        href = site.event_href(page, event)
        sources = plural(len(event.source_ids), "source")
        title = f'<a href="{href}">{esc(event.title)}</a>'
        return f'<li>{time_html(site, event)} {title} <span class="tl-n">{sources}</span></li>'

    return site.memo("compact", site.links.up(page) + event.id, make)


def compact_list(site: Site, events: Sequence[Event], page: str) -> str:
    return f'<ol class="tl-compact">{"".join(compact_item(site, e, page) for e in events)}</ol>\n\n'

"""One event as readers see it: the full card (date, summary, figures, problems, quotes, tags) and the
one-line form used by long lists. Each is a template (``card.html``, ``compact-item.html``,
``time.html``) filled from a context built here; the same context gives the search text (search.py)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from markupsafe import Markup

from .. import dates
from ..model import Citation, Event, Problem
from . import context as ctx
from . import when
from .context import Site
from .groups import UNTIL, group_of
from .numbers import Estimate, estimates, figure, plural
from .output import Headings
from .text import squash, summary_paragraphs

# kind -> (label in the problems list, tag after the words in the quote; "" for none)
PROBLEM_LABELS = {
    "wrong-date": ("Wrong date", "[sic]"),
    "error": ("Error in the source", "[sic]"),
    "disagreement": ("Sources disagree", "[disputed]"),
    "uncorroborated": ("Not corroborated", "[unconfirmed]"),
    "note": ("Note", ""),
}

Context = dict[str, Any]


def problem_label(kind: str) -> tuple[str, str]:
    """A problem kind's label in the problems list and its tag after the words in the quote."""
    return PROBLEM_LABELS.get(kind, PROBLEM_LABELS["note"])


def time_html(site: Site, event: Event) -> Markup:
    """The event's date at its real precision, every ``<time>`` with its ``datetime`` (once per event):
    ``time.html``."""

    def make() -> str:
        value = event.date
        context = {
            "event": event,
            "label": site.label(value),
            "runs": when.runs(value),
            "edtf": dates.to_edtf(value),
        }
        return site.templates.render("time.html", context)

    return Markup(site.memo("time", event.id, make))


def _quote(quote: str, problems: Sequence[Problem]) -> list[tuple[str, str | None]]:
    """The quote as ``(words, tag)`` runs: each recorded problem's words carry their tag ("[sic]")."""
    spots: list[tuple[int, int, Problem]] = []
    for problem in problems:
        if not problem_label(problem.kind)[1]:
            continue  # a note marks nothing in the quote
        words = squash(problem.text)
        at = quote.find(words)
        if at >= 0 and all(at >= end or at + len(words) <= start for start, end, _ in spots):
            spots.append((at, at + len(words), problem))
    runs: list[tuple[str, str | None]] = []
    pos = 0
    for start, end, problem in sorted(spots, key=lambda s: s[0]):
        runs.append((quote[pos:start], None))
        runs.append((quote[start:end], problem_label(problem.kind)[1]))
        pos = end
    runs.append((quote[pos:], None))
    return [run for run in runs if run[0] or run[1] is not None]


def _correction(text: str) -> str:
    try:
        return when.words(dates.parse(text))
    except dates.DateError:
        return text


def source_context(site: Site, source_id: str) -> Context:
    """What a citation shows of its source (once per source)."""

    def make() -> Context:
        source = site.timeline.sources.get(source_id)
        if source is None:
            return {"id": source_id, "title": source_id, "publisher": None, "published": "unknown"}
        return {
            "id": source_id,
            "title": source.title,
            "publisher": source.publisher,
            "published": when.published(source),
        }

    return site.memo("source", source_id, make)


def _citation(site: Site, event: Event, index: int, citation: Citation, page: str) -> Context:
    source = site.timeline.sources.get(citation.source)
    span = citation.span
    quote = squash(source.text[span.start : span.end] if source is not None else citation.quote)
    problems = [p for p in event.problems if p.citation == index] if event.problems else []
    return {
        "id": ctx.citation_anchor(event, index),
        "quote": _quote(quote, problems) if problems else [(quote, None)],
        "href": site.links.href(page, ctx.source(citation.source), citation.anchor(event.id, index)),
        "source": source_context(site, citation.source),
        "note": citation.note,
    }


def _claims(site: Site, event: Event, page: str) -> list[Context]:
    """Per measure, one item per estimate: a claimant's figure, as of when, and every quote that
    reports it (several quotes reporting one estimate are one item, not an agreement)."""
    by_measure: dict[str, list[int]] = {}
    for i, claim in enumerate(event.claims):
        by_measure.setdefault(claim.measure, []).append(i)
    groups = []
    for measure_id, indexes in by_measure.items():
        measure = site.timeline.vocabulary.measures.get(measure_id)
        found = estimates(indexes, lambda i: event.claims[i])
        groups.append(
            {
                "measure": measure_id,
                "label": measure.label if measure else measure_id,
                "href": site.links.href(page, ctx.FIGURES, f"measure-{measure_id}"),
                "differ": len({figure(e.headline) for e in found}) > 1,
                "claims": [_estimate(e, measure.unit if measure else "") for e in found],
            }
        )
    return groups


def _estimate(found: Estimate[int], unit: str) -> Context:
    headline = found.headline
    return {
        "figure": figure(headline),
        "unit": headline.unit or unit,
        "claimant": headline.claimant,
        "as_of": when.as_of(headline.as_of),
        "inferred": sum(1 for claim in found.claims if claim.inference),
        "reports": [
            {
                "figure": figure(claim),
                "quote": claim.citation + 1,
                "note": claim.note,
                "inference": claim.inference,
            }
            for claim in found.claims
        ],
    }


def _problems(event: Event) -> list[Context]:
    found = []
    for problem in event.problems:
        label, tag = problem_label(problem.kind)
        found.append(
            {
                "kind": problem.kind,
                "label": label,
                "tag": tag,
                "quote": problem.citation + 1,
                "words": squash(problem.text),
                "note": problem.note,
                "correction": _correction(problem.correction) if problem.correction else None,
            }
        )
    return found


def _basis(site: Site, event: Event) -> list[Context]:
    found = []
    undated = group_of(event.date).kind == UNTIL  # the quotes show only that it had happened by then
    for basis in event.date_basis:
        if basis.citation >= len(event.citations):
            continue
        source = site.timeline.sources.get(event.citations[basis.citation].source)
        found.append(
            {
                "quote": basis.citation + 1,
                "phrase": basis.phrase,
                "published": when.published(source),
                "resolved": site.label(basis.resolved),
                "by": undated,
            }
        )
    return found


def _tags(site: Site, event: Event, page: str) -> list[Context]:
    found = []
    for tag_id in event.tags:
        tag = site.timeline.vocabulary.tags.get(tag_id)
        label = tag.label if tag is not None else tag_id
        found.append({"id": tag_id, "label": label, "href": site.links.href(page, ctx.tag(tag_id))})
    return found


FOLD_AFTER = 2  # quotes shown before the rest fold away (when at least two would fold)


def card_context(site: Site, event: Event, page: str, level: int = 3) -> Context:
    """Everything ``card.html`` shows of one event on ``page`` (see docs/guide/templates.md); its
    heading is of ``level`` (3 under the full timeline's month headings, 2 on a month's page)."""
    return {
        "event": event,
        "level": level,
        "shown": FOLD_AFTER,  # lists longer than FOLD_AFTER + 1 fold after FOLD_AFTER items
        "anchor": ctx.event_anchor(event),
        "time": time_html(site, event),
        "date": site.label(event.date),
        "why": when.why(event, site.timeline.sources),
        "sources": plural(len(event.source_ids), "source"),
        "summary": summary_paragraphs(event.summary),
        "claims": _claims(site, event, page) if event.claims else [],
        "methodology": site.links.href(page, ctx.METHODOLOGY),
        "problems": _problems(event) if event.problems else [],
        "citations": [_citation(site, event, i, c, page) for i, c in enumerate(event.citations)],
        "basis": _basis(site, event),
        "tags": _tags(site, event, page),
    }


def card(site: Site, context: Context, headings: Headings) -> Markup:
    """The event's heading and card, from :func:`card_context`."""
    return Markup(site.templates.render("card.html", {**context, "heading": headings}))


def badge(site: Site, event: Event) -> str | None:
    """The event's headline figure, qualifier and unit included ("about 1,100 soldiers"), with how many
    more estimates it holds ("+1 more figure", in words: a bare "+1" says nothing); ``None`` without
    figures."""
    if not event.claims:
        return None
    found = estimates(event.claims, lambda c: c)
    first = found[0].headline
    measure = site.timeline.vocabulary.measures.get(first.measure)
    unit = first.unit or (measure.unit if measure else "")
    more = f" +{len(found) - 1} more figure{'s' if len(found) > 2 else ''}" if len(found) > 1 else ""
    return f"{figure(first)} {unit}".strip() + more


def compact_item(site: Site, event: Event, page: str) -> Markup:
    """One line for an event (``compact-item.html``), once per event and page depth (and kept from the
    last render for an equal event when nothing site-wide changed: ``Site.carried``)."""
    key = site.links.up(page) + event.id
    found = site.items.get(key)
    if found is None:
        kept = site.carried.get(key)
        if kept is not None and (kept[0] is event or kept[0] == event):
            found = kept
        else:
            context = {
                "event": event,
                "time": time_html(site, event),
                "date": site.label(event.date),
                "href": site.event_href(page, event),
                "badge": badge(site, event),
                "sources": plural(len(event.source_ids), "source"),
            }
            found = (event, site.templates.render("compact-item.html", context))
        site.items[key] = found
    return Markup(found[1])

"""The data files for reuse: ``data/events.json`` (every event with its dates, citations, claims and
problems, and the sources and vocabulary they refer to), ``data/events.csv`` (one row per event) and
``data/claims.csv`` (one row per claim). ``data/events.schema.json`` (exports/schema.py) describes the
JSON file.

Conventions, the same in every file: citations are numbered from 1 as in the event files; a quote is the
contributor's quote on one line, and ``start``/``end`` give the exact span it matched in the source's
text (Unicode code points, the text being UTF-8 in NFC with LF line ends; its SHA-256 is in
``sources``), so anyone can check every quote against the stored article. Figures are numbers, never
rounded. ``url`` values are absolute when the site has a ``site_url``, else relative to ``base``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, BinaryIO

from .. import dates
from ..model import Claim, Event, Timeline
from .common import (
    Build,
    Places,
    first_day,
    last_day,
    number,
    number_text,
    plain,
    precision_name,
    text_stream,
    unit_of,
    write_json,
)

FORMAT_VERSION = 1


def date_record(value: dates.EDTF) -> dict[str, Any]:
    """An EDTF date with what it means: label, earliest and latest possible day (``null`` on an open
    side of an interval), precision, and whether it is approximate or uncertain."""
    singles = dates.parts(value)
    first, last = first_day(value), last_day(value)
    return {
        "edtf": dates.to_edtf(value),
        "label": dates.label(value),
        "earliest": first.isoformat() if first else None,
        "latest": last.isoformat() if last else None,
        "precision": precision_name(value),
        "approximate": any(s.approximate for s in singles),
        "uncertain": any(s.uncertain for s in singles),
    }


def claim_record(timeline: Timeline, event: Event, claim: Claim) -> dict[str, Any]:
    return {
        "measure": claim.measure,
        "qualifier": claim.qualifier,
        "value": number(claim.value),
        "min": number(claim.min),
        "max": number(claim.max),
        "unit": unit_of(timeline, claim),
        "claimant": claim.claimant,
        "as_of": dates.to_edtf(claim.as_of),
        "citation": claim.citation + 1,
        "source": event.citations[claim.citation].source,
        "estimate": claim.estimate,
        "inference": claim.inference,
        "note": claim.note,
    }


def event_record(timeline: Timeline, event: Event, places: Places) -> dict[str, Any]:
    return {
        "id": event.id,
        "url": places.event(event),
        "date": date_record(event.date),
        "title": plain(event.title),
        "summary": event.summary.strip(),
        "tags": list(event.tags),
        "citations": [
            {
                "number": i + 1,
                "source": c.source,
                "quote": plain(c.quote),
                "start": c.span.start,
                "end": c.span.end,
                "note": c.note,
            }
            for i, c in enumerate(event.citations)
        ],
        "claims": [claim_record(timeline, event, c) for c in event.claims],
        "problems": [
            {
                "kind": p.kind,
                "citation": p.citation + 1,
                "source": event.citations[p.citation].source,
                "text": plain(p.text),
                "correction": p.correction,
                "note": plain(p.note),
            }
            for p in event.problems
        ],
        "date_basis": [
            {"citation": b.citation + 1, "phrase": b.phrase, "resolved": dates.to_edtf(b.resolved)}
            for b in event.date_basis
        ],
    }


def _record(build: Build, event: Event) -> dict[str, Any]:
    return event_record(build.timeline, event, build.places)


def events_document(build: Build) -> dict[str, Any]:
    timeline, options, places = build.timeline, build.options, build.places
    cited = sorted({s for e in timeline.events for s in e.source_ids})
    vocabulary = timeline.vocabulary
    return {
        "format": "cited-timeline events",
        "format_version": FORMAT_VERSION,
        "title": options.title,
        "license": options.license,
        "updated": options.stamp,
        "base": options.base or "../",
        "events": (build.part(_record, e) for e in build.in_order),
        "sources": {
            source_id: {
                "title": source.title,
                "publisher": source.publisher,
                "url": source.url,
                "published": dates.to_edtf(source.published) if source.published is not None else None,
                "sha256": source.sha256,
                "page": places.source(source_id),
            }
            for source_id in cited
            if (source := timeline.sources.get(source_id)) is not None
        },
        "tags": {t.id: {"label": t.label, "description": t.description} for t in vocabulary.tags.values()},
        "measures": {
            m.id: {"label": m.label, "unit": m.unit, "description": m.description}
            for m in vocabulary.measures.values()
        },
    }


def events_json(build: Build, out: BinaryIO) -> None:
    write_json(out, events_document(build))


def _csv(out: BinaryIO, header: list[str], rows: Iterable[list[str]]) -> None:
    """RFC 4180: comma-separated, CRLF line ends, fields quoted when they need it, UTF-8."""
    with text_stream(out) as text:
        writer = csv.writer(text, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)


EVENT_COLUMNS = [
    "id",
    "date",
    "date_label",
    "earliest",
    "latest",
    "precision",
    "title",
    "summary",
    "tags",
    "sources",
    "citations",
    "claims",
    "problems",
    "url",
]
CLAIM_COLUMNS = [
    "event_id",
    "measure",
    "qualifier",
    "value",
    "min",
    "max",
    "unit",
    "claimant",
    "as_of",
    "estimate",
    "inference",
    "note",
    "citation",
    "source_id",
    "quote",
]


def events_csv(build: Build, out: BinaryIO) -> None:
    """One row per event; ``tags`` and ``sources`` hold ids separated by ``;``."""
    _csv(out, EVENT_COLUMNS, (build.part(_event_row, e) for e in build.in_order))


def _event_row(build: Build, event: Event) -> list[str]:
    first, last = first_day(event.date), last_day(event.date)
    return [
        event.id,
        dates.to_edtf(event.date),
        event.date_label,
        first.isoformat() if first else "",
        last.isoformat() if last else "",
        precision_name(event.date),
        plain(event.title),
        plain(event.summary),
        ";".join(event.tags),
        ";".join(event.source_ids),
        str(len(event.citations)),
        str(len(event.claims)),
        str(len(event.problems)),
        build.places.event(event),
    ]


def claims_csv(build: Build, out: BinaryIO) -> None:
    """One row per claim, with the quote that carries its figure."""
    rows = (row for e in build.in_order for row in build.part(_claim_rows, e))
    _csv(out, CLAIM_COLUMNS, rows)


def _claim_rows(build: Build, event: Event) -> list[list[str]]:
    return [_claim_row(build.timeline, event, claim) for claim in event.claims]


def _claim_row(timeline: Timeline, event: Event, claim: Claim) -> list[str]:
    citation = event.citations[claim.citation]
    return [
        event.id,
        claim.measure,
        claim.qualifier,
        number_text(claim.value),
        number_text(claim.min),
        number_text(claim.max),
        unit_of(timeline, claim),
        claim.claimant,
        dates.to_edtf(claim.as_of),
        claim.estimate or "",
        claim.inference or "",
        claim.note or "",
        str(claim.citation + 1),
        citation.source,
        plain(citation.quote),
    ]

"""Dates as readers read them: words at the date's real precision ("probably December 2024", "by 23
December 2024", "April–December 2024"), the same split into ``<time>`` runs that each carry a
machine-readable ``datetime``, and, for an uncertain or approximate date, why, in words."""

from __future__ import annotations

from collections.abc import Mapping

from .. import dates
from ..dates import Interval, Single
from ..model import Event, Source

Run = tuple[str, str | None]  # (text, datetime of the <time> it is, or None for plain words)


def machine(single: Single) -> str:
    """The HTML ``datetime`` value of a year, month or day: ``2024``, ``2024-12``, ``2024-12-23``."""
    text = f"{single.year:04d}"
    if single.month is not None:
        text += f"-{single.month:02d}"
        if single.day is not None:
            text += f"-{single.day:02d}"
    return text


def _hedge(ends: tuple[Single | None, ...]) -> str:
    """ "probably ", "about ", "probably about " or "": how sure the sources are of the date."""
    known = [e for e in ends if e is not None]
    uncertain = any(e.uncertain for e in known)
    approximate = any(e.approximate for e in known)
    return ("probably " if uncertain else "") + ("about " if approximate else "")


def runs(value: dates.EDTF) -> list[Run]:
    """The date in words, as runs: ``[("probably ", None), ("December 2024", "2024-12")]``."""
    if isinstance(value, Single):
        found: list[Run] = [(_hedge((value,)), None), (dates.plain(value), machine(value))]
        return [r for r in found if r[0]]
    start, end = value.start, value.end
    hedge = _hedge((start, end))
    if start is None:
        assert end is not None
        return [(f"{hedge}by ", None), (dates.plain(end), machine(end))]
    if end is None:
        return [(f"{hedge}since ", None), (dates.plain(start), machine(start))]
    if start.year == end.year:
        same_month = start.month == end.month and start.month is not None
        if same_month and start.day is not None and end.day is not None:
            left = str(start.day)
        elif start.precision == end.precision and start.precision != dates.Precision.YEAR:
            left = dates.plain(start, with_year=False)
        else:
            left = dates.plain(start)
        dash = "–"
    else:
        left, dash = dates.plain(start), " – "
    found = [(hedge, None), (left, machine(start)), (dash, None), (dates.plain(end), machine(end))]
    return [r for r in found if r[0]]


def words(value: dates.EDTF) -> str:
    """The date in words: "probably December 2024", "since August 2024", "by 23 December 2024"."""
    return "".join(text for text, _ in runs(value))


def as_of(value: dates.EDTF) -> str:
    """When a figure held, in words: "as of December 2024", "by 23 December 2024", "since August 2024"."""
    if isinstance(value, Interval) and (value.start is None or value.end is None):
        return words(value)
    return "as of " + words(value)


def published(source: Source | None) -> str:
    """When an article was published, in words: "23 December 2024", "probably December 2024" (an
    undated article whose date is inferred), "unknown"."""
    if source is None or source.published is None:
        return "unknown"
    return words(source.published)


def unsure(value: dates.EDTF) -> bool:
    return any(p.uncertain or p.approximate for p in dates.parts(value))


def why(event: Event, sources: Mapping[str, Source]) -> str | None:
    """Why an uncertain or approximate date is not certain, in words (``None`` for a certain date)."""
    if not unsure(event.date):
        return None
    word = "uncertain" if any(p.uncertain for p in dates.parts(event.date)) else "approximate"

    def inferred(source_id: str) -> bool:
        source = sources.get(source_id)
        return source is None or source.published is None or unsure(source.published)

    cited = event.citations
    basis = [cited[b.citation].source for b in event.date_basis if b.citation < len(cited)]
    if basis and all(inferred(s) for s in basis):
        reason = "dated from an undated article, whose own date is inferred"
    elif event.source_ids and all(inferred(s) for s in event.source_ids):
        reason = "reported only by undated articles, whose dates are inferred"
    else:
        reason = "the sources do not fix it exactly"
    return f"{word}: {reason}"

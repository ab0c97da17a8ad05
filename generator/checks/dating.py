"""A date is no more precise than its sources say.

The evidence for an event's date is what its quotes say: calendar dates written in them (a missing year
taken from the article's publication date), relative phrases recorded in ``date_basis`` and resolved
against the publication date, and corrections the event records for dates a source gets wrong. Every
explicit part of the event's date must contain at least one piece of evidence."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import NamedTuple

from .. import dates, datetext
from ..dates import EDTF, Single
from ..model import DateBasis, Problem
from ..quotes import normalize
from .context import Context

WRONG_YEAR_WINDOW = timedelta(days=92)


class Evidence(NamedTuple):
    when: Single
    said: str  # what the quote says, for messages


def published_single(ctx: Context, source_id: str) -> Single | None:
    source = ctx.sources.sources.get(source_id)
    if source is None or source.published is None:
        return None
    pub = source.published
    if isinstance(pub, Single):
        return pub
    return pub.end or pub.start


def check_problems(ctx: Context) -> list[Problem]:
    out = []
    for i, problem in enumerate(ctx.event.problems):
        loc = ("problems", i)
        if ctx.citation(problem.citation, (*loc, "citation")) is None and not (
            1 <= problem.citation <= len(ctx.event.citations)
        ):
            continue
        if normalize(problem.text) not in ctx.quote_of(problem.citation):
            ctx.report(
                "TL192",
                (*loc, "text"),
                f"'{problem.text}' is not in the quote of citation {problem.citation}",
                "copy the problematic words exactly as the quote has them",
            )
            continue
        out.append(
            Problem(problem.kind, problem.citation - 1, problem.text, problem.note, problem.correction)
        )
    return out


def check_date(ctx: Context, problems: list[Problem]) -> tuple[EDTF | None, list[DateBasis]]:
    try:
        value = dates.parse(ctx.event.date)
    except dates.IntervalOrderError as exc:
        ctx.report("TL151", ("date",), str(exc), "swap the two ends")
        return None, []
    except dates.DateError as exc:
        ctx.report(
            "TL150", ("date",), str(exc), 'e.g. "2024-06", "2024-12-23", "2024-08~", "2024-08/2024-12"'
        )
        return None, []
    evidence = _written_dates(ctx, problems)
    basis, more = _date_basis(ctx)
    evidence += more
    _ground(ctx, value, evidence)
    _not_after_publication(ctx, value)
    return value, basis


def _written_dates(ctx: Context, problems: list[Problem]) -> list[Evidence]:
    found: list[Evidence] = []
    for i, citation in enumerate(ctx.citations):
        if citation is None:
            continue
        pub = published_single(ctx, citation.source)
        for mention in ctx.quote_mentions(i):
            recorded = _recorded(problems, i, mention)
            if recorded is not None and recorded.correction:
                try:
                    corrected = dates.parse(recorded.correction)
                except dates.DateError:
                    ctx.report(
                        "TL150",
                        ("problems", problems.index(recorded), "correction"),
                        f"correction '{recorded.correction}' is not an EDTF date",
                        'e.g. "2024-12-18"',
                    )
                    continue
                found += [Evidence(p, f"{mention.text} (corrected)") for p in dates.parts(corrected)]
                continue
            if recorded is None:
                _wrong_year(ctx, i, mention, pub)
            resolved = datetext.resolve_mention(mention, pub)
            if resolved is not None:
                found.append(Evidence(resolved, mention.text))
    return found


def _recorded(problems: list[Problem], i: int, mention: datetext.Mention) -> Problem | None:
    """The wrong date the event records for this mention in citation ``i``, if any."""
    for p in problems:
        if p.citation == i and p.kind == "wrong-date" and (mention.text in p.text or p.text in mention.text):
            return p
    return None


def _wrong_year(ctx: Context, i: int, mention: datetext.Mention, pub: Single | None) -> None:
    """Warn about a full date whose year is off: the same day in the publication year lies just before
    publication (``December 18, 2023`` in an article of 23 December 2024)."""
    if pub is None or mention.year is None or mention.day is None or mention.month is None:
        return
    if pub.precision is dates.Precision.YEAR or mention.year == pub.year:
        return
    try:
        likely = date(pub.year, mention.month, mention.day)
    except ValueError:
        return
    if not pub.latest - WRONG_YEAR_WINDOW <= likely <= pub.latest:
        return
    ctx.warn(
        "TL155",
        ("citations", i, "quote"),
        f"citation {i + 1} says '{mention.text}', but its source was published {dates.label(pub)}: "
        f"the year is likely {pub.year}",
        f'record it: problems: [{{kind: wrong-date, citation: {i + 1}, text: "{mention.text}", '
        f'correction: "{likely.isoformat()}", note: …}}]',
    )


def _date_basis(ctx: Context) -> tuple[list[DateBasis], list[Evidence]]:
    basis: list[DateBasis] = []
    evidence: list[Evidence] = []
    for j, entry in enumerate(ctx.event.date_basis):
        loc = ("date_basis", j)
        citation = ctx.citation(entry.citation, (*loc, "citation"))
        if (entry.phrase is None) == (entry.as_of is None):
            ctx.report(
                "TL113",
                loc,
                "a date_basis entry needs either `phrase` or `as_of: publication`",
                "give exactly one of them",
            )
            continue
        if citation is None:
            continue
        pub = published_single(ctx, citation.source)
        if entry.phrase is None:
            if pub is None:
                ctx.report(
                    "TL156",
                    loc,
                    f"{citation.source} has no known publication date",
                    "date the event from a calendar date in a quote instead",
                )
                continue
            basis.append(DateBasis(entry.citation - 1, None, pub))
            evidence.append(Evidence(pub, f"published {dates.label(pub)}"))
            continue
        if normalize(entry.phrase).lower() not in ctx.quote_of(entry.citation).lower():
            ctx.report(
                "TL156",
                (*loc, "phrase"),
                f"'{entry.phrase}' is not in the quote of citation {entry.citation}",
                "copy the phrase exactly as the quote has it",
            )
            continue
        try:
            resolved = datetext.resolve_phrase(entry.phrase, pub)
        except datetext.PhraseError as exc:
            ctx.report(
                "TL156", (*loc, "phrase"), str(exc), "understood: " + ", ".join(datetext.KNOWN_PHRASES)
            )
            continue
        basis.append(DateBasis(entry.citation - 1, entry.phrase, resolved))
        evidence += [
            Evidence(p, f"'{entry.phrase}' = {dates.label(resolved)}") for p in dates.parts(resolved)
        ]
    return basis, evidence


def _ground(ctx: Context, value: EDTF, evidence: list[Evidence]) -> None:
    for part in dates.parts(value):
        inside = [e for e in evidence if part.covers(e.when)]
        if inside and (part.uncertain or any(not e.when.uncertain for e in inside)):
            continue
        if inside:
            said = "; ".join(dict.fromkeys(e.said for e in inside))
            ctx.warn(
                "TL157",
                ("date",),
                f"{part.edtf()} is stated as certain, but the quotes support it only "
                f"through an uncertain publication date ({said})",
                f'write "{replace(part, uncertain=True).edtf()}" (uncertain), or cite a source that dates it',
            )
            continue
        coarser = [e for e in evidence if e.when.covers(part)]
        said = "; ".join(dict.fromkeys(f"{e.said} → {e.when.edtf()}" for e in evidence)) or "no dates"
        if coarser:
            best = max(coarser, key=lambda e: e.when.precision)
            ctx.report(
                "TL153",
                ("date",),
                f"{part.edtf()} is more precise than the quotes: they support {dates.label(best.when)}",
                f'write "{best.when.edtf()}", or record the phrase that '
                f"gives the {part.precision.name.lower()} under date_basis (quotes say: {said})",
            )
        else:
            ctx.report(
                "TL154",
                ("date",),
                f"no quote supports {dates.label(part)}",
                f"quotes say: {said}. Quote the passage that dates it, or record a relative "
                "phrase under date_basis",
            )


def _not_after_publication(ctx: Context, value: EDTF) -> None:
    published = [p for c in ctx.citations if c is not None and (p := published_single(ctx, c.source))]
    if not published:
        return
    last = max(p.latest for p in published)
    if dates.earliest(value) > last:
        ctx.report(
            "TL152",
            ("date",),
            f"the event is dated {dates.label(value)}, after its latest source "
            f"was published (by {last.isoformat()})",
            "an article cannot report what happened after it",
        )

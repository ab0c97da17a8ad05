"""A date is no more precise than its sources say, and never after them.

The evidence for an event's date (:mod:`.evidence`) is what its quotes say: calendar dates written in
them, relative phrases recorded in ``date_basis`` and resolved against the publication date, and
corrections the event records for dates a source gets wrong. Every explicit part of the event's date
must contain at least one piece of evidence."""

from __future__ import annotations

from .. import dates, datetext
from ..dates import EDTF
from ..model import DateBasis, Problem
from ..quotes import normalize
from .context import Context
from .evidence import Evidence, future_wording, ground, published_single, written

EVENT_DATE = "the event's date"


def check_problems(ctx: Context) -> list[Problem]:
    out = []
    for i, problem in enumerate(ctx.event.problems):
        loc = ("problems", i)
        before = len(ctx.diagnostics)
        if ctx.citation(problem.citation, (*loc, "citation")) is None and not (
            1 <= problem.citation <= len(ctx.event.citations)
        ):
            _date_cause(ctx, problem, before)
            continue
        if normalize(problem.text) not in ctx.quote_of(problem.citation):
            ctx.report(
                "TL192",
                (*loc, "text"),
                f"'{problem.text}' is not in the quote of citation {problem.citation}",
                "copy the problematic words exactly as the quote has them",
            )
            _date_cause(ctx, problem, before)
            continue
        correction = problem.correction
        if correction is not None and not _check_correction(ctx, i, problem):
            _date_cause(ctx, problem, before)
            correction = None  # still recorded: the wrong date it names is not reported again
        out.append(Problem(problem.kind, problem.citation - 1, problem.text, problem.note, correction))
    return out


def _date_cause(ctx: Context, problem: object, before: int) -> None:
    """A wrong-date entry that could not be used leaves the event's date unverifiable."""
    if getattr(problem, "kind", "") == "wrong-date" and len(ctx.diagnostics) > before:
        ctx.date_causes.append(before)


def _check_correction(ctx: Context, i: int, problem: object) -> bool:
    correction = str(getattr(problem, "correction", ""))
    number = int(getattr(problem, "citation", 0))
    loc = ("problems", i, "correction")
    try:
        corrected = dates.parse(correction)
    except dates.DateError as exc:
        ctx.report(
            "TL150",
            loc,
            f"correction: {exc}",
            'write an EDTF date, e.g. correction: "2024-12-18"',
        )
        return False
    cited = ctx.citations[number - 1] if number - 1 < len(ctx.citations) else None
    pub = published_single(ctx, cited.source) if cited is not None else None
    if pub is not None and dates.earliest(corrected) > pub.latest:
        ctx.report(
            "TL152",
            loc,
            f"the correction {dates.label(corrected)} lies after its source was published "
            f"({dates.label(pub)})",
            "an article cannot report what happened after it: correct to a date before publication",
        )
        return False
    return True


def check_date(ctx: Context, problems: list[Problem]) -> tuple[EDTF | None, list[DateBasis], list[Evidence]]:
    """The event's date and its resolved date_basis, and the evidence its quotes give (which claims'
    as_of may rest on too)."""
    try:
        value = dates.parse(ctx.event.date)
    except dates.IntervalOrderError as exc:
        ctx.report("TL151", ("date",), str(exc), "swap the two ends")
        return None, [], []
    except dates.DateError as exc:
        ctx.report(
            "TL150", ("date",), str(exc), 'e.g. "2024-06", "2024-12-23", "2024-08~", "2024-08/2024-12"'
        )
        return None, [], []
    evidence: list[Evidence] = []
    for i in range(len(ctx.citations)):
        evidence += written(ctx, i, problems, warn=True)
    basis, more = date_basis(ctx)
    evidence += more
    if not _after_publication(ctx, value):
        ground(ctx, ("date",), value, evidence, what=EVENT_DATE, name="")
    return value, basis, evidence


def date_basis(ctx: Context, only: int | None = None) -> tuple[list[DateBasis], list[Evidence]]:
    """The event's date_basis entries, resolved (those of 1-based citation ``only``, if given, and
    then without reporting problems, which the event's own date check reports)."""
    basis: list[DateBasis] = []
    evidence: list[Evidence] = []
    report = only is None
    for j, entry in enumerate(ctx.event.date_basis):
        if only is not None and entry.citation != only:
            continue
        loc = ("date_basis", j)
        before = len(ctx.diagnostics)
        if not 1 <= entry.citation <= len(ctx.event.citations):
            if report:
                ctx.citation(entry.citation, (*loc, "citation"))
                ctx.date_causes.append(before)
            continue
        citation = ctx.citations[entry.citation - 1]
        if (entry.phrase is None) == (entry.as_of is None):
            if report:
                ctx.date_causes.append(
                    ctx.report(
                        "TL113",
                        loc,
                        "a date_basis entry needs either `phrase` or `as_of: publication`",
                        "give exactly one of them, e.g.\n"
                        f"  - citation: {entry.citation}\n    as_of: publication",
                    )
                )
            continue
        if citation is None or (entry.citation - 1) in ctx.unusable:
            continue  # the citation's own problem is the cause
        pub = published_single(ctx, citation.source)
        if entry.phrase is None:
            if pub is None:
                if report:
                    ctx.date_causes.append(
                        ctx.report(
                            "TL156",
                            loc,
                            f"{citation.source} has no known publication date",
                            "date the event from a calendar date in a quote instead",
                        )
                    )
                continue
            basis.append(DateBasis(entry.citation - 1, None, pub))
            evidence.append(Evidence(pub, f"published {dates.label(pub)}"))
            continue
        if normalize(entry.phrase).lower() not in ctx.quote_of(entry.citation).lower():
            if report:
                ctx.date_causes.append(
                    ctx.report(
                        "TL156",
                        (*loc, "phrase"),
                        f"'{entry.phrase}' is not in the quote of citation {entry.citation}",
                        "copy the phrase exactly as the quote has it",
                    )
                )
            continue
        quote = ctx.quote_of(entry.citation)
        at = quote.lower().find(normalize(entry.phrase).lower())
        future = future_wording(quote, at, at + len(normalize(entry.phrase)))
        try:
            resolved = datetext.resolve_phrase(entry.phrase, pub, future=bool(future))
        except datetext.PhraseError as exc:
            if report:
                ctx.date_causes.append(
                    ctx.report(
                        "TL156",
                        (*loc, "phrase"),
                        str(exc),
                        "understood: " + ", ".join(datetext.KNOWN_PHRASES),
                    )
                )
            continue
        basis.append(DateBasis(entry.citation - 1, entry.phrase, resolved))
        evidence += [
            Evidence(p, f"'{entry.phrase}' = {dates.label(resolved)}", future) for p in dates.parts(resolved)
        ]
    return basis, evidence


def _after_publication(ctx: Context, value: EDTF) -> bool:
    """TL152 when the event starts after its latest source was published; True if reported (or if
    that cannot be told because a cited source failed to load)."""
    published = []
    for i, cited in enumerate(ctx.event.citations):
        if cited.source not in ctx.sources.sources:
            continue
        pub = published_single(ctx, cited.source)
        if pub is not None:
            published.append((pub, i))
    if not published:
        return False
    last = max(p.latest for p, _ in published)
    if dates.earliest(value) <= last:
        return False
    broken = [
        c.source
        for c in ctx.event.citations
        if c.source in ctx.sources.known_ids and c.source not in ctx.sources.sources
    ]
    if broken:
        ctx.skip(EVENT_DATE, broken)
        return True
    future = [
        e
        for i in range(len(ctx.citations))
        for e in written(ctx, i, ())
        if e.future and dates.parts(value)[0].covers(e.when)
    ]
    hint = "an article cannot report what happened after it"
    if future:
        hint += f": '{future[0].future}' … '{future[0].said}' is a plan or a forecast, not an event"
    ctx.report(
        "TL152",
        ("date",),
        f"the event is dated {dates.label(value)}, after its latest source was published "
        f"(by {last.isoformat()})",
        hint,
    )
    return True

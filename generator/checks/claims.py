"""Attributed figures: a known measure, consistent bounds, a claimant, a date, a supporting citation."""

from __future__ import annotations

from .. import dates
from ..dates import EDTF
from ..model import Claim, Problem
from ..schema import ClaimIn, did_you_mean
from .context import Context
from .dating import date_basis
from .evidence import Evidence, ground, published_single, written


def check_claims(ctx: Context, problems: list[Problem], event_evidence: list[Evidence]) -> list[Claim]:
    out = []
    for i, claim in enumerate(ctx.event.claims):
        built = _check_one(ctx, i, claim, problems, event_evidence)
        if built is not None:
            out.append(built)
    return out


def _check_one(
    ctx: Context, i: int, claim: ClaimIn, problems: list[Problem], event_evidence: list[Evidence]
) -> Claim | None:
    loc = ("claims", i)
    before = len(ctx.diagnostics)
    vocabulary = ctx.vocabulary
    measure = vocabulary.measures.get(claim.measure) if vocabulary is not None else None
    if vocabulary is not None and measure is None:
        hint = did_you_mean(claim.measure, sorted(vocabulary.measures))
        ctx.report(
            "TL170",
            (*loc, "measure"),
            f"unknown measure '{claim.measure}'",
            hint or "use a measure from events/_vocabulary.yaml, or add one there",
        )
    if not claim.claimant.strip():
        ctx.report(
            "TL172",
            (*loc, "claimant"),
            "the claim has no claimant",
            "name who asserts the figure (e.g. South Korea's Joint Chiefs of Staff), not the outlet",
        )
    _check_bounds(ctx, loc, claim)
    as_of = None
    try:
        as_of = dates.parse(claim.as_of)
    except dates.DateError as exc:
        ctx.report("TL150", (*loc, "as_of"), f"as_of: {exc}", 'write an EDTF date, e.g. as_of: "2024-12"')
    ctx.citation(claim.citation, (*loc, "citation"))
    if as_of is not None and 1 <= claim.citation <= len(ctx.event.citations):
        _check_as_of(ctx, i, claim, as_of, problems, event_evidence)
    if len(ctx.diagnostics) != before or as_of is None:
        return None
    return Claim(
        claim.measure,
        claim.qualifier,
        claim.claimant,
        as_of,
        claim.citation - 1,
        claim.value,
        claim.min,
        claim.max,
        claim.unit or (measure.unit if measure else ""),
        claim.note,
        claim.estimate,
        claim.inference,
    )


def _check_bounds(ctx: Context, loc: tuple[str | int, ...], claim: ClaimIn) -> None:
    if claim.qualifier == "range":
        if claim.min is None or claim.max is None:
            ctx.report(
                "TL113",
                (*loc, "qualifier"),
                "a range needs both `min` and `max`",
                "give min and max (and optionally value)",
            )
    elif claim.value is None:
        ctx.report(
            "TL113",
            (*loc, "qualifier"),
            f"an '{claim.qualifier}' claim needs a `value`",
            "give value, or use qualifier: range with min and max",
        )
    low = claim.min if claim.min is not None else claim.value
    high = claim.max if claim.max is not None else claim.value
    if claim.value is not None and (
        (low is not None and low > claim.value) or (high is not None and claim.value > high)
    ):
        ctx.report(
            "TL171", (*loc, "value"), f"value {claim.value:g} lies outside min/max", "min ≤ value ≤ max"
        )
    elif low is not None and high is not None and low > high:
        ctx.report("TL171", (*loc, "min"), f"min {low:g} is greater than max {high:g}", "min ≤ max")


def _check_as_of(
    ctx: Context, i: int, claim: ClaimIn, as_of: EDTF, problems: list[Problem], event_evidence: list[Evidence]
) -> None:
    """A figure is as of a date its quote gives, or its source's publication (the figure is current
    then), and never after that publication. It is as certain as that evidence, or as the event's own
    date (other articles may date the statement the figure comes from). A claim that shares an
    ``estimate`` id or records an ``inference`` may rest on any of the event's quotes."""
    n = claim.citation
    loc = ("claims", i, "as_of")
    what = f"claim {i + 1}'s as_of"
    cause = ctx.unusable.get(n - 1)
    if cause is not None:
        ctx.skip(what, [cause])
        return
    cited = ctx.citations[n - 1]
    if cited is None:
        return
    pub = published_single(ctx, cited.source)
    if pub is not None and dates.earliest(as_of) > pub.latest:
        ctx.report(
            "TL152",
            loc,
            f"claim {i + 1} is as of {dates.label(as_of)}, after its source was published "
            f"({dates.label(pub)})",
            f'a figure cannot be as of a date after the article that reports it: e.g. as_of: "{pub.edtf()}"',
        )
        return
    evidence = written(ctx, n - 1, problems)
    if pub is not None:
        evidence.append(Evidence(pub, f"published {dates.label(pub)}"))
    evidence += date_basis(ctx, only=n)[1]
    if claim.estimate or claim.inference:
        # one estimate reported by several articles is as of the date any of them gives; an inferred
        # attribution says, for readers, what it rests on
        evidence += event_evidence
    name = f"claim {i + 1}'s as_of"
    blockers: list[int | str] = list(ctx.date_causes)
    ground(ctx, loc, as_of, evidence, what=what, name=name, blockers=blockers, certain=event_evidence)

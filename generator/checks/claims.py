"""Attributed figures: a known measure, consistent bounds, a claimant, a date, a supporting citation."""

from __future__ import annotations

from .. import dates
from ..model import Claim
from ..schema import ClaimIn, did_you_mean
from .context import Context


def check_claims(ctx: Context) -> list[Claim]:
    out = []
    for i, claim in enumerate(ctx.event.claims):
        built = _check_one(ctx, i, claim)
        if built is not None:
            out.append(built)
    return out


def _check_one(ctx: Context, i: int, claim: ClaimIn) -> Claim | None:
    loc = ("claims", i)
    before = len(ctx.diagnostics)
    measure = ctx.vocabulary.measures.get(claim.measure)
    if measure is None:
        hint = did_you_mean(claim.measure, sorted(ctx.vocabulary.measures))
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
        ctx.report("TL150", (*loc, "as_of"), f"as_of: {exc}", 'use EDTF, e.g. "2024-12"')
    ctx.citation(claim.citation, (*loc, "citation"))
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

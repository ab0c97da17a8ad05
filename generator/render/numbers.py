"""Figures as readers see them: "about 1,100", "at least 100", "1,000–3,000", "3,000+".

Claims are never merged, averaged or rounded; a spread only reports the lowest and highest figure
anyone claimed, and says when the estimates differ.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import Claim


def number(value: float) -> str:
    """1100.0 → "1,100"; 2.5 → "2.5" (never rounded to fewer digits than written)."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def figure(claim: Claim) -> str:
    """The figure with its qualifier, as the claimant gave it."""
    q = claim.qualifier
    if q == "range":
        low, high = claim.min, claim.max
        if low is not None and high is not None:
            text = f"{number(low)}–{number(high)}"
        elif low is not None:
            text = f"{number(low)}+"
        elif high is not None:
            text = f"up to {number(high)}"
        else:
            text = number(claim.value) if claim.value is not None else "?"
        if claim.value is not None and (low is not None or high is not None):
            text = f"{number(claim.value)} ({text})"
        return text
    value = "?" if claim.value is None else number(claim.value)
    prefix = {"about": "about ", "at-least": "at least ", "at-most": "at most "}.get(q, "")
    return prefix + value


@dataclass(frozen=True, slots=True)
class Bounds:
    low: float
    high: float
    open_high: bool  # "at least", "3,000+": the claimant puts no upper limit


def bounds(claim: Claim) -> Bounds | None:
    values = [v for v in (claim.value, claim.min, claim.max) if v is not None]
    if not values:
        return None
    if claim.qualifier == "range":
        low = claim.min if claim.min is not None else min(values)
        high = claim.max if claim.max is not None else max(values)
        return Bounds(low, high, claim.max is None)
    return Bounds(min(values), max(values), claim.qualifier == "at-least")


@dataclass(frozen=True, slots=True)
class Spread:
    text: str  # "1,100–3,000+"
    differ: bool  # more than one distinct figure was claimed
    claims: int
    claimants: int


def claim_key(claim: Claim) -> tuple[object, ...]:
    """What makes two claims the same claim (one claimant's figure reported by several events)."""
    return (claim.measure, claim.claimant, claim.qualifier, claim.value, claim.min, claim.max, claim.as_of)


def distinct(claims: Iterable[Claim]) -> list[Claim]:
    return list({claim_key(c): c for c in claims}.values())


def spread(claims: Sequence[Claim]) -> Spread | None:
    """Lowest to highest figure claimed (not a range anyone asserted: a summary of the claims).
    A claim reported by several events counts once."""
    found = [(c, b) for c in distinct(claims) if (b := bounds(c)) is not None]
    if not found:
        return None
    low = min(b.low for _, b in found)
    high = max(b.high for _, b in found)
    plus = "+" if any(b.open_high and b.high == high for _, b in found) else ""
    text = number(low) + plus if low == high else f"{number(low)}–{number(high)}{plus}"
    figures = {figure(c) for c, _ in found}
    claimants = {c.claimant for c, _ in found}
    return Spread(text, len(figures) > 1, len(found), len(claimants))


def agreement(found: Spread) -> str:
    """Whether the claims agree: "estimates differ: 3 claims by 2 claimants", "2 claimants agree" or
    "one claim so far"."""
    if found.differ:
        return f"estimates differ: {plural(found.claims, 'claim')} by {plural(found.claimants, 'claimant')}"
    return f"{found.claimants} claimants agree" if found.claimants > 1 else "one claim so far"


def plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count:,} {word if count == 1 else (words or word + 's')}"


def join_words(items: Iterable[str]) -> str:
    items = list(items)
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + ", and " + items[-1]

"""Figures as readers see them: "about 1,100", "at least 100", "1,000–3,000", "3,000+".

Claims are never merged, averaged or rounded; a spread only reports the lowest and highest figure
anyone claimed, and says when the estimates differ. Several reports of one estimate (claims sharing an
``estimate`` id) are one estimate: counted once, never shown as agreement.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from ..model import Claim

T = TypeVar("T")


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


def claim_key(claim: Claim) -> tuple[object, ...]:
    """What makes two claims the same claim (one claimant's figure reported by several events)."""
    return (claim.measure, claim.claimant, claim.qualifier, claim.value, claim.min, claim.max, claim.as_of)


@dataclass(frozen=True, slots=True)
class Estimate(Generic[T]):
    """One claimant's estimate: every report of it (claims sharing an ``estimate`` id, or the same
    claim found in several events). ``items`` are what the reports came with (claims, or rows holding
    one); ``claims`` the claims themselves, in the same order."""

    items: tuple[T, ...]
    claims: tuple[Claim, ...]
    headline: Claim  # the figure it is most often reported as (the first of those reported as often)

    @property
    def claimant(self) -> str:
        return self.headline.claimant

    @property
    def wordings(self) -> list[str]:
        """Every figure it is reported as, the headline first."""
        return list(dict.fromkeys([figure(self.headline), *(figure(c) for c in self.claims)]))


def estimates(items: Iterable[T], claim_of: Callable[[T], Claim]) -> list[Estimate[T]]:
    """``items`` grouped by estimate, in order of first appearance: claims sharing an ``estimate`` id
    are one estimate (however differently worded); a claim without one is its own, unless the very
    same claim comes again (reported by another event)."""
    groups: dict[tuple[object, ...], list[T]] = {}
    for item in items:
        claim = claim_of(item)
        key: tuple[object, ...] = ("id", claim.estimate) if claim.estimate else claim_key(claim)
        groups.setdefault(key, []).append(item)
    found = [tuple(claim_of(i) for i in items) for items in groups.values()]
    return [
        Estimate(tuple(items), claims, _headline(claims))
        for items, claims in zip(groups.values(), found, strict=True)
    ]


def _headline(claims: Sequence[Claim]) -> Claim:
    """The figure most claims give (the first of those given as often): made once per estimate (the
    figures page asked for it tens of thousands of times)."""
    if len(claims) == 1:
        return claims[0]
    counts = Counter(figure(c) for c in claims)
    best = max(counts.values())
    return next(c for c in claims if counts[figure(c)] == best)


def _same(claim: Claim) -> Claim:
    return claim


UNNAMED_PREFIXES = ("not named", "unnamed", "unknown", "anonymous")


def unnamed(claimant: str) -> bool:
    """Whether the claimant is nobody in particular ("Not named in the article"): such figures are not
    one claimant's across articles, so they get no claimant's colour and are counted apart."""
    return claimant.strip().casefold().startswith(UNNAMED_PREFIXES)


@dataclass(frozen=True, slots=True)
class Spread:
    text: str  # "about 10,000"; "at least 1,100 to at least 3,000" (each end as its claimant said it)
    differ: bool  # the estimates do not all give one figure
    estimates: int
    claimants: int  # named claimants
    reports: int  # how many times the estimates are reported in all
    unnamed: int = 0  # estimates whose claimant the article does not name (each its own source)


def spread(claims: Sequence[Claim]) -> Spread | None:
    """The estimates' figures from the lowest to the highest, each with its qualifier (not a range anyone
    asserted: a summary). Reports of one estimate count once, however they word it."""
    found = [(e, b) for e in estimates(claims, _same) if (b := bounds(e.headline)) is not None]
    if not found:
        return None
    low = min(found, key=lambda f: (f[1].low, f[1].high))[0]
    high = max(found, key=lambda f: (f[1].high, f[1].open_high))[0]
    ends = [figure(low.headline), figure(high.headline)]
    text = ends[0] if ends[0] == ends[1] else f"{ends[0]} to {ends[1]}"
    figures = {figure(e.headline) for e, _ in found}
    named = {e.claimant for e, _ in found if not unnamed(e.claimant)}
    anonymous = sum(1 for e, _ in found if unnamed(e.claimant))
    reports = sum(len(e.claims) for e, _ in found)
    return Spread(text, len(figures) > 1, len(found), len(named), reports, anonymous)


def who(named: int, anonymous: int) -> str:
    """ "2 claimants", "3 named claimants and 1 unnamed source", "1 unnamed source"."""
    if not anonymous:
        return plural(named, "claimant")
    sources = plural(anonymous, "unnamed source")
    return f"{plural(named, 'named claimant')} and {sources}" if named else sources


def agreement(found: Spread) -> str:
    """How the estimates relate: "estimates differ: 3 estimates by 2 claimants", "estimates differ: 4
    estimates, from 3 named claimants and 1 unnamed source", "2 claimants give the same figure", "one
    estimate, reported 4 times", "one estimate so far". Never "agree" for reports of one estimate; an
    unnamed source is never counted as a claimant."""
    if found.differ:
        counted = plural(found.estimates, "estimate")
        if found.unnamed:
            return f"estimates differ: {counted}, from {who(found.claimants, found.unnamed)}"
        return f"estimates differ: {counted} by {plural(found.claimants, 'claimant')}"
    if found.claimants + found.unnamed > 1:
        return f"{who(found.claimants, found.unnamed)} give the same figure"
    if found.estimates > 1:
        return f"one claimant, the same figure {found.estimates} times"
    return f"one estimate, reported {found.reports} times" if found.reports > 1 else "one estimate so far"


def plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count:,} {word if count == 1 else (words or word + 's')}"


def join_words(items: Iterable[str], conjunction: str = "and") -> str:
    items = list(items)
    if len(items) <= 2:
        return f" {conjunction} ".join(items)
    return ", ".join(items[:-1]) + f", {conjunction} " + items[-1]

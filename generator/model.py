"""The typed model of a validated timeline: frozen dataclasses, nothing that can go stale.

Everything here has passed validation: each citation carries the exact span of its source text, each
date is parsed, each claim points at the citation that supports it. Renderers only read this model.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import dates
from .dates import EDTF
from .pickling import by_fields


@dataclass(frozen=True, slots=True)
class Unrelated:
    """A part of a stored page that is not about the story (a sidebar, say). Nothing may cite it."""

    start: int
    end: int
    note: str


@dataclass(frozen=True, slots=True)
class Source:
    """A stored article: its exact text and what is known about it."""

    id: str
    title: str
    publisher: str | None
    url: str | None
    published: EDTF | None
    published_basis: str
    sha256: str
    text: str
    unrelated: tuple[Unrelated, ...] = ()


@by_fields
@dataclass(frozen=True, slots=True)
class Span:
    """``text[start:end]`` of source ``source``: what a quote matched, whitespace as in the source."""

    source: str
    start: int
    end: int


@by_fields
@dataclass(frozen=True, slots=True)
class Citation:
    source: str
    quote: str
    span: Span
    prefix: str | None = None
    suffix: str | None = None
    note: str | None = None

    def anchor(self, event_id: str, index: int) -> str:
        """The id of this citation's highlight on the source page (``index`` is 0-based)."""
        return f"q-{event_id}-{index + 1}"


@by_fields
@dataclass(frozen=True, slots=True)
class Claim:
    """An attributed figure: who says how many of what, as of when, backed by which citation."""

    measure: str
    qualifier: str  # exact | about | at-least | at-most | range
    claimant: str
    as_of: EDTF
    citation: int  # 0-based index into the event's citations
    value: float | None = None
    min: float | None = None
    max: float | None = None
    unit: str = ""
    note: str | None = None
    estimate: str | None = None  # shared by claims that report one estimate (they count once)
    inference: str | None = None  # what an inferred attribution rests on (shown as an inference)


@by_fields
@dataclass(frozen=True, slots=True)
class DateBasis:
    """How a relative phrase in a quote dates the event (``"On Monday"``, ``"earlier this month"``), or
    ``phrase=None`` when the quote reports the fact as current at publication."""

    citation: int  # 0-based
    phrase: str | None
    resolved: EDTF


@by_fields
@dataclass(frozen=True, slots=True)
class Problem:
    """A problem in a source the event carries to readers: a wrong date, two sources disagreeing."""

    kind: str  # wrong-date | error | disagreement | uncorroborated | note
    citation: int  # 0-based
    text: str  # as written in the quote; shown with [sic] where it is wrong
    note: str
    correction: str | None = None


@by_fields
@dataclass(frozen=True, slots=True)
class Event:
    id: str
    path: str
    date: EDTF
    title: str
    summary: str
    tags: tuple[str, ...]
    citations: tuple[Citation, ...]
    claims: tuple[Claim, ...] = ()
    problems: tuple[Problem, ...] = ()
    date_basis: tuple[DateBasis, ...] = ()

    @property
    def sort_key(self) -> tuple[object, ...]:
        return dates.sort_key(self.date, self.id)

    @property
    def date_label(self) -> str:
        return dates.label(self.date)

    @property
    def source_ids(self) -> tuple[str, ...]:
        """The distinct sources that report this event, in citation order."""
        return tuple(dict.fromkeys(c.source for c in self.citations))


@dataclass(frozen=True, slots=True)
class Tag:
    id: str
    label: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class Measure:
    id: str
    label: str
    unit: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class Vocabulary:
    tags: dict[str, Tag] = field(default_factory=dict)
    measures: dict[str, Measure] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Timeline:
    """Every valid event in timeline order, the sources they cite, and the vocabulary."""

    events: tuple[Event, ...]
    sources: dict[str, Source]
    vocabulary: Vocabulary

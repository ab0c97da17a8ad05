"""From a quote as someone typed it to a citation the validator accepts: the source's exact characters,
and a ``prefix`` or ``suffix`` when the passage occurs more than once. The core of ``cite`` and ``new``."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from .passages import Closest, closest, find_loose
from .quotes import IndexedText, locate, normalize

MIN_QUOTE = 20  # as the validator's TL142
CONTEXT_WORDS = 12  # the most words a prefix or suffix takes


@dataclass(frozen=True)
class Found:
    """A passage found for a typed quote."""

    source: str
    quote: str  # the source's characters, each run of whitespace as one space
    start: int  # original offsets of the chosen occurrence
    end: int
    line: int
    occurrences: int
    prefix: str | None = None
    suffix: str | None = None

    def as_yaml_item(self) -> dict[str, str]:
        item = {"source": self.source, "quote": self.quote}
        if self.prefix:
            item["prefix"] = self.prefix
        if self.suffix:
            item["suffix"] = self.suffix
        return item


class OccurrenceError(ValueError):
    """The occurrence asked for does not exist, or cannot be told apart from the others."""


def find(source: str, index: IndexedText, typed: str, occurrence: int = 1) -> Found | Closest:
    """The ``occurrence``-th (1-based) passage of the source that ``typed`` matches, tolerating
    whitespace, quotes and apostrophes, dashes and letter case; or, when none does, the closest passage."""
    spans = find_loose(index, typed)
    if not spans:
        return closest(index, typed)
    if not 1 <= occurrence <= len(spans):
        raise OccurrenceError(f"the passage occurs {len(spans)} time(s); there is no occurrence {occurrence}")
    start, end = spans[occurrence - 1]
    exact = normalize(index.text[start:end])
    prefix = suffix = None
    if len(spans) > 1:
        prefix, suffix = _disambiguate(index, exact, start)
    line = index.text.count("\n", 0, start) + 1
    return Found(source, exact, start, end, line, len(spans), prefix, suffix)


def _disambiguate(index: IndexedText, exact: str, start: int) -> tuple[str | None, str | None]:
    """The shortest run of words just before (else just after) the occurrence at ``start`` that the
    validator's lookup accepts as picking exactly that occurrence."""
    norm_starts = index.find_all(exact)
    at = bisect.bisect_left([index.original(s) for s in norm_starts], start)
    here = norm_starts[min(at, len(norm_starts) - 1)]
    before = index.norm[:here].split()
    after = index.norm[here + len(exact) :].split()
    for n in range(1, CONTEXT_WORDS + 1):
        if n <= len(before):
            prefix = " ".join(before[-n:])
            found = locate(index, exact, prefix=prefix)
            if found.match is not None and found.match.start == start:
                return prefix, None
        if n <= len(after):
            suffix = " ".join(after[:n])
            found = locate(index, exact, suffix=suffix)
            if found.match is not None and found.match.start == start:
                return None, suffix
    raise OccurrenceError("the occurrences cannot be told apart by the words around them: quote more")

"""Finding quotes in a source: verbatim but for runs of whitespace, made unique by prefix/suffix
(W3C TextQuoteSelector semantics). When a quote is not there, :mod:`generator.passages` finds what it
may have meant."""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

_RUNS = re.compile(r"\s{2,}")


def normalize(text: str) -> str:
    """Collapse every run of whitespace into one space and trim the ends."""
    return " ".join(text.split())


def _collapse(text: str) -> str:
    """Every run of whitespace as one space, the ends kept: ``re.sub(r"\\s+", " ", text)``, but five
    times faster (``str.split`` and ``\\s`` agree on what is whitespace)."""
    core = " ".join(text.split())
    if not core:
        return " " if text else ""
    return (" " if text[0].isspace() else "") + core + (" " if text[-1].isspace() else "")


class IndexedText:
    """A source text with its whitespace-normalized form and a map back to original offsets."""

    __slots__ = ("_norm_at", "_shift", "norm", "search_cache", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.norm = _collapse(text)
        self.search_cache: object | None = None  # built by generator.passages when a quote is not found
        # Only runs of two or more whitespace characters shift offsets (each becomes one space).
        norm_at: list[int] = []  # normalized offset from which ...
        shift: list[int] = []  # ... original = normalized + shift
        delta = 0
        for match in _RUNS.finditer(text):
            start, end = match.span()
            delta += end - start - 1
            norm_at.append(start - (delta - (end - start - 1)) + 1)
            shift.append(delta)
        self._norm_at = norm_at
        self._shift = shift

    def original(self, norm_offset: int) -> int:
        """The offset in the original text of a normalized offset (start of a character)."""
        i = bisect.bisect_right(self._norm_at, norm_offset) - 1
        return norm_offset + (self._shift[i] if i >= 0 else 0)

    def original_end(self, norm_end: int) -> int:
        """The original end offset of a normalized span ending at ``norm_end`` (exclusive)."""
        return self.original(norm_end - 1) + 1 if norm_end > 0 else 0

    def find_all(self, needle: str) -> list[int]:
        """Every normalized offset where ``needle`` (already normalized) starts."""
        found: list[int] = []
        start = self.norm.find(needle)
        while start != -1:
            found.append(start)
            start = self.norm.find(needle, start + 1)
        return found


class Match(NamedTuple):
    start: int  # original offsets
    end: int


class Located(NamedTuple):
    """The outcome of looking a quote up: a unique match, or why there is none."""

    match: Match | None
    occurrences: int  # how many times the bare quote occurs
    selected: int  # how many remain after prefix/suffix


def locate(index: IndexedText, quote: str, prefix: str | None = None, suffix: str | None = None) -> Located:
    needle = normalize(quote)
    hits = index.find_all(needle) if needle else []
    selected = hits
    if prefix:
        p = normalize(prefix)
        selected = [h for h in selected if index.norm[max(0, h - len(p) - 1) : h].rstrip().endswith(p)]
    if suffix:
        s = normalize(suffix)
        selected = [
            h
            for h in selected
            if index.norm[h + len(needle) : h + len(needle) + len(s) + 1].lstrip().startswith(s)
        ]
    if len(selected) != 1:
        return Located(None, len(hits), len(selected))
    start = selected[0]
    return Located(Match(index.original(start), index.original_end(start + len(needle))), len(hits), 1)


def suggest_prefix(index: IndexedText, quote: str, words: int = 4) -> str:
    """Words just before the first occurrence: a prefix that may make the quote unique."""
    needle = normalize(quote)
    hits = index.find_all(needle)
    if len(hits) < 2:
        return ""
    for hit in hits:
        before = index.norm[:hit].split(" ")
        candidate = " ".join(w for w in before[-words - 1 :] if w).strip()
        if (
            candidate
            and sum(
                1 for h in hits if index.norm[max(0, h - len(candidate) - 1) : h].rstrip().endswith(candidate)
            )
            == 1
        ):
            return candidate
    return ""

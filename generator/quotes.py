"""Finding quotes in a source: verbatim but for runs of whitespace, made unique by prefix/suffix
(W3C TextQuoteSelector semantics), and — when a quote is not there — the closest passage and what
differs, so the contributor can fix it."""

from __future__ import annotations

import bisect
import difflib
import re
import unicodedata
from typing import NamedTuple

_RUNS = re.compile(r"\s{2,}")
_WORD = re.compile(r"\S+")


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

    __slots__ = ("_norm_at", "_shift", "norm", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.norm = _collapse(text)
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


# ---------------------------------------------------------------- not found: closest passage


def _char(c: str) -> str:
    name = unicodedata.name(c, "")
    return f"'{c}' (U+{ord(c):04X}{' ' + name if name else ''})"


def describe_differences(quote: str, passage: str, limit: int = 3) -> list[str]:
    """Up to ``limit`` human descriptions of how ``quote`` differs from ``passage``."""
    matcher = difflib.SequenceMatcher(None, quote, passage, autojunk=False)
    out: list[str] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        q, p = quote[i1:i2], passage[j1:j2]
        if op == "replace" and len(q) == 1 and len(p) == 1:
            out.append(f"the quote has {_char(q)} where the source has {_char(p)}")
        elif op == "replace":
            out.append(f"the quote has '{q}' where the source has '{p}'")
        elif op == "delete":
            out.append(f"the quote has '{q}', which the source does not")
        else:
            out.append(f"the source has '{p}' here, which the quote lacks")
        if len(out) == limit:
            break
    return out


def closest_passage(index: IndexedText, quote: str) -> tuple[str, float]:
    """The run of whole words in the source that best matches ``quote``, and the similarity 0..1.

    Anchors on the longest block the two share, then tries word-aligned windows around it with a few
    words more or fewer than the quote has. Only runs when a quote is not found, so it may be slowish."""
    needle = normalize(quote)
    hay = index.norm
    if not needle or not hay:
        return "", 0.0
    matcher = difflib.SequenceMatcher(None, hay, needle, autojunk=False)
    block = matcher.find_longest_match(0, len(hay), 0, len(needle))
    guess = max(0, block.a - block.b)
    starts = [m.start() for m in _WORD.finditer(hay)]
    ends = [m.end() for m in _WORD.finditer(hay)]
    if not starts:
        return "", 0.0
    first = bisect.bisect_left(starts, guess)
    words = len(needle.split())
    best, best_ratio = "", 0.0
    for s in range(max(0, first - 4), min(len(starts), first + 5)):
        for n in range(max(1, words - 3), words + 4):
            if s + n - 1 >= len(ends):
                break
            window = hay[starts[s] : ends[s + n - 1]]
            ratio = difflib.SequenceMatcher(None, needle, window, autojunk=False).ratio()
            if ratio > best_ratio:
                best, best_ratio = window, ratio
    return best, best_ratio

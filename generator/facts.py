"""What a text states: the numbers and calendar dates written in it.

A source is scanned once; a citation's facts are then looked up by its span, so the cost grows with the
size of the sources, not with how often they are quoted. A fact that straddles a span's edge makes the
lookup answer ``None``, and the caller scans the quote itself."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Generic, TypeVar

from .datetext import Mention, mentions

# A number not inside a word or another number: ``(?<![\w.,])\d+(?:[.,]\d+)*``, written to start with the
# digit (the lookbehind checks the character before it) so the regex engine can skip ahead to digits.
_NUMBER = re.compile(r"\d(?<![\w.,]\d)\d*(?:[.,]\d+)*")
_LINK_TARGET = re.compile(r"\]\([^)]*\)|<[A-Za-z][A-Za-z0-9+.-]*:[^>\s]*>|https?://\S+")

T = TypeVar("T")


def canonical(number: str | float) -> str:
    """``1,100``, ``1100`` and ``1100.0`` are all ``1100``."""
    if isinstance(number, float):
        return str(int(number)) if number.is_integer() else repr(number)
    text = number.replace(",", "") if "," in number else number
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def numbers(text: str) -> set[str]:
    """Every number written in ``text``, canonical. Digits inside a word ("Su57") or inside a link
    target are not numbers the text states."""
    if "://" in text or "](" in text:
        text = _LINK_TARGET.sub(" ", text)
    return {n if n.isdigit() else canonical(n) for n in _NUMBER.findall(text)}


@dataclass(frozen=True, slots=True)
class _Spans(Generic[T]):
    starts: list[int]
    ends: list[int]
    values: list[T]

    def within(self, start: int, end: int) -> list[T] | None:
        """The values found wholly inside ``[start, end)``, or None if one straddles an edge."""
        starts, ends = self.starts, self.ends
        first = bisect_left(starts, start)
        if first > 0 and ends[first - 1] > start:
            return None
        last = bisect_left(starts, end, first)
        if last > first and ends[last - 1] > end:
            return None
        return self.values[first:last]


class Facts:
    """The numbers and dates of one source text, found on first use."""

    __slots__ = ("_mentions", "_numbers", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._numbers: _Spans[str] | None = None
        self._mentions: _Spans[Mention] | None = None

    def scan(self) -> tuple[_Spans[str], _Spans[Mention]]:
        """Find the numbers and dates now (done once; lookups do it on first use)."""
        if self._numbers is None:
            found = list(_NUMBER.finditer(self.text))
            self._numbers = _Spans(
                [m.start() for m in found],
                [m.end() for m in found],
                [n if n.isdigit() else canonical(n) for n in (m.group(0) for m in found)],
            )
        if self._mentions is None:
            dated = mentions(self.text)
            self._mentions = _Spans([m.start for m in dated], [m.end for m in dated], dated)
        return self._numbers, self._mentions

    def numbers(self, start: int, end: int) -> set[str] | None:
        spans = self._numbers if self._numbers is not None else self.scan()[0]
        values = spans.within(start, end)
        return None if values is None else set(values)

    def mentions(self, start: int, end: int) -> list[Mention] | None:
        spans = self._mentions if self._mentions is not None else self.scan()[1]
        return spans.within(start, end)

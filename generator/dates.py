"""The EDTF subset the timeline uses: parsing, bounds, sort keys and human labels.

Supported (ISO 8601-2 / EDTF level 0 and parts of level 1):

* ``2024``, ``2024-06``, ``2024-06-19``: a year, a month or a day;
* a trailing ``~`` (approximate), ``?`` (uncertain) or ``%`` (both);
* intervals ``2024-08/2024-12``, open-ended ``2024-08/..`` and open-started ``../2024-12``.

Bounds are always the strict ones: ``2024-08~`` spans exactly August 2024. (The ``edtf`` package widens
month-level qualifiers by a fuzz that is wrong for this use, so it is not used.)
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date
from enum import IntEnum

from .pickling import by_fields

MONTHS = tuple(calendar.month_name)[1:]

# The years a timeline may use. Wider than any news archive, narrow enough that every date has room
# around it on a chart (Python's calendar ends in 9999).
EARLIEST_YEAR, LATEST_YEAR = 1800, 2100

_SINGLE = re.compile(r"^(?P<y>[0-9]{4})(?:-(?P<m>[0-9]{2})(?:-(?P<d>[0-9]{2}))?)?(?P<q>[~?%])?$")


class Precision(IntEnum):
    """How much of a date is known. Coarser sorts first among dates with the same earliest day."""

    YEAR = 0
    MONTH = 1
    DAY = 2


class DateError(ValueError):
    """A string that is not a date of the supported EDTF subset; the message says why."""


class IntervalOrderError(DateError):
    """An interval whose start lies after its end."""


@by_fields
@dataclass(frozen=True, slots=True)
class Single:
    """One calendar year, month or day, possibly approximate or uncertain."""

    year: int
    month: int | None = None
    day: int | None = None
    approximate: bool = False
    uncertain: bool = False

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    @property
    def earliest(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> date:
        if self.day is not None and self.month is not None:
            return date(self.year, self.month, self.day)
        month = self.month or 12
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    def contains(self, day: date) -> bool:
        return self.earliest <= day <= self.latest

    def _bounds(self) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
        # Cheap comparable bounds: day 31 stands for "the month's last day" (no real day lies between).
        return (
            (self.year, self.month or 1, self.day or 1),
            (self.year, self.month or 12, self.day or 31),
        )

    def covers(self, other: Single) -> bool:
        """True when every day ``other`` may stand for lies within this date."""
        (low, high), (other_low, other_high) = self._bounds(), other._bounds()
        return low <= other_low and other_high <= high

    def edtf(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        if self.approximate and self.uncertain:
            text += "%"
        elif self.approximate:
            text += "~"
        elif self.uncertain:
            text += "?"
        return text


@by_fields
@dataclass(frozen=True, slots=True)
class Interval:
    """A span between two dates; ``None`` on either side means open (``..``)."""

    start: Single | None
    end: Single | None


EDTF = Single | Interval


def parse(text: str) -> EDTF:
    """Parse an EDTF string of the supported subset, or raise :class:`DateError`."""
    if not isinstance(text, str):
        raise DateError('a date must be a quoted string such as "2024-06"')
    return _parse(text)


@functools.lru_cache(maxsize=4096)  # the same few hundred dates recur across thousands of events
def _parse(text: str) -> EDTF:
    text = text.strip()
    if "/" in text:
        left, _, right = text.partition("/")
        start = None if left == ".." else _single(left)
        end = None if right == ".." else _single(right)
        if start is None and end is None:
            raise DateError('an interval needs at least one end: "2024-08/.."')
        if start is not None and end is not None and start.earliest > end.latest:
            raise IntervalOrderError(f"the interval starts ({start.edtf()}) after it ends ({end.edtf()})")
        return Interval(start, end)
    return _single(text)


def _single(text: str) -> Single:
    match = _SINGLE.match(text)
    if match is None:
        raise DateError(
            f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD "
            "(optionally ending in ~ or ?), or an interval such as 2024-08/2024-12"
        )
    year = int(match["y"])
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise DateError(
            f"the year {match['y']} is outside the years a timeline may use ({EARLIEST_YEAR}–{LATEST_YEAR})"
        )
    month = int(match["m"]) if match["m"] else None
    day = int(match["d"]) if match["d"] else None
    if month is not None and not 1 <= month <= 12:
        raise DateError(f"month {month:02d} does not exist")
    if month is not None and day is not None:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise DateError(f"{calendar.month_name[month]} {year} has no day {day}")
    qualifier = match["q"] or ""
    return Single(
        year,
        month,
        day,
        approximate=qualifier in "~%" and qualifier != "",
        uncertain=qualifier in "?%" and qualifier != "",
    )


def earliest(value: EDTF) -> date:
    """The earliest day the date may stand for (open starts count as the end's earliest day)."""
    if isinstance(value, Single):
        return value.earliest
    anchor = value.start or value.end
    assert anchor is not None
    return anchor.earliest


def latest(value: EDTF) -> date:
    """The latest day the date may stand for (open ends count as the start's latest day)."""
    if isinstance(value, Single):
        return value.latest
    anchor = value.end or value.start
    assert anchor is not None
    return anchor.latest


def precision(value: EDTF) -> Precision:
    if isinstance(value, Single):
        return value.precision
    anchor = value.start or value.end
    assert anchor is not None
    return anchor.precision


def parts(value: EDTF) -> tuple[Single, ...]:
    """The explicit dates a value is made of (one, or the ends of an interval)."""
    if isinstance(value, Single):
        return (value,)
    return tuple(p for p in (value.start, value.end) if p is not None)


def sort_key(value: EDTF, ident: str) -> tuple[date, int, str]:
    """Earliest possible day, then coarser precision first, then the event id."""
    return (earliest(value), int(precision(value)), ident)


def to_edtf(value: EDTF) -> str:
    if isinstance(value, Single):
        return value.edtf()
    left = value.start.edtf() if value.start else ".."
    right = value.end.edtf() if value.end else ".."
    return f"{left}/{right}"


# ---------------------------------------------------------------- labels


def plain(single: Single, *, with_year: bool = True) -> str:
    """A date in words, without its qualifier: "23 December 2024", "December 2024", "December"."""
    parts_: list[str] = []
    if single.day is not None:
        parts_.append(str(single.day))
    if single.month is not None:
        parts_.append(MONTHS[single.month - 1])
    if with_year:
        parts_.append(str(single.year))
    return " ".join(parts_)


def _qualified(text: str, single: Single) -> str:
    if single.approximate:
        text = f"c. {text}"
    if single.uncertain:
        text = f"{text}?"
    return text


def label(value: EDTF) -> str:
    """A reader's label: "June 2024", "23 December 2024", "c. August 2024", "August–December 2024",
    "since August 2024", "until December 2024", "June 2024?"."""
    if isinstance(value, Single):
        return _qualified(plain(value), value)
    start, end = value.start, value.end
    if end is None:
        assert start is not None
        return f"since {label(start)}"
    if start is None:
        return f"until {label(end)}"
    if start.year == end.year and not (start.approximate or start.uncertain):
        same_month = start.month == end.month and start.month is not None
        if same_month and start.day is not None and end.day is not None:
            left = str(start.day)
        elif start.precision == end.precision and start.precision != Precision.YEAR:
            left = plain(start, with_year=False)
        else:
            left = plain(start)
        return f"{left}–{_qualified(plain(end), end)}"
    return f"{label(start)} – {label(end)}"


def month_key(value: EDTF) -> tuple[int, int]:
    """The (year, month) an event is filed under on dated pages: its earliest possible month."""
    first = earliest(value)
    return (first.year, first.month)


def month_label(year: int, month: int) -> str:
    return f"{MONTHS[month - 1]} {year}"

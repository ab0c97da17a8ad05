"""Where an event is filed: the group of the timeline (and the page, ``dated/<key>.md``) its date allows,
never more precise than the date.

* a date whose start is known to the month (``2024-06``, ``2024-06-19``, ``2024-08/..``,
  ``2024-04?/2024-12?``) is filed under that month: ``June 2024``;
* a date known only to the year (``2024``, ``2024/2025``) goes in the year's group, ``2024 — month not
  stated``, at the start of the year (where the sort rule puts a year: earliest day, coarser first);
* a date with no start (``../2024-12``: it happened by then, no source says when) goes in the group of
  what is known, its end: ``By December 2024 — date not stated``, right after that month.

Counts on a group's page count only the events filed there.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import dates

MONTH, YEAR, UNTIL = "month", "year", "until"
_RANK = {YEAR: 0, MONTH: 1, UNTIL: 2}


@dataclass(frozen=True, slots=True)
class Group:
    """One group of events: a month, a year whose month is not stated, or "by" a month or year."""

    kind: str  # month | year | until
    year: int
    month: int | None = None  # None for a year group, and for "until" a year

    @property
    def key(self) -> str:
        """``2024-06``, ``2024``, ``by-2024-12``, ``by-2024``: its page's name and its anchor's."""
        stem = f"{self.year:04d}" if self.month is None else f"{self.year:04d}-{self.month:02d}"
        return f"by-{stem}" if self.kind == UNTIL else stem

    @property
    def order(self) -> tuple[int, int, int]:
        """Timeline order: a year's group first in its year, a "by" group right after its month."""
        month = self.month if self.month is not None else (0 if self.kind == YEAR else 13)
        return (self.year, month, _RANK[self.kind])

    @property
    def label(self) -> str:
        """What the group is called where no period title is configured."""
        return self.titled(probably=False)

    def titled(self, *, probably: bool) -> str:
        """:attr:`label`, with "(probably)" after the date when every event filed here is only probably
        in it: "June 2024 (probably)", "2024 (probably) — month not stated"."""
        when = str(self.year) if self.month is None else dates.month_label(self.year, self.month)
        when += " (probably)" if probably else ""
        if self.kind == YEAR:
            return f"{when} — month not stated"
        if self.kind == UNTIL:
            return f"By {when} — date not stated"
        return when

    @property
    def page_name(self) -> str:
        """How a link to the group's page reads: "page for June 2024", "page for 2024, month not
        stated", "page for events by December 2024"."""
        if self.kind == YEAR:
            return f"page for {self.year}, month not stated"
        if self.kind == UNTIL:
            return f"page for events {self.short}"
        return f"page for {self.short}"

    @property
    def short(self) -> str:
        """The group's date alone: "June 2024", "2024", "by December 2024"."""
        when = str(self.year) if self.month is None else dates.month_label(self.year, self.month)
        return f"by {when}" if self.kind == UNTIL else when


def group_of(value: dates.EDTF) -> Group:
    """The group an event dated ``value`` is filed in."""
    start = value if isinstance(value, dates.Single) else value.start
    if start is None:  # open start: only the end is known
        assert isinstance(value, dates.Interval) and value.end is not None
        end = value.end
        return Group(UNTIL, end.year, end.month)
    if start.month is None:
        return Group(YEAR, start.year)
    return Group(MONTH, start.year, start.month)


def start_uncertain(value: dates.EDTF) -> bool:
    """True when the month (or year) an event is filed under is itself approximate or uncertain."""
    start = value if isinstance(value, dates.Single) else (value.start or value.end)
    return start is not None and (start.approximate or start.uncertain)

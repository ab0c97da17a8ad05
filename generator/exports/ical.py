"""``data/events.ics``: every event as an all-day iCalendar event (RFC 5545), written with ``icalendar``.

A calendar holds days, not "some day in June", so dates are written at their real precision:

* a day (``2024-12-23``) is an all-day event on that day;
* anything coarser or less certain (a month, a year, ``c.``/``?`` dates, periods) is an all-day event
  spanning **every day the date may stand for** (``2024-06`` runs from 1 to 30 June), and its summary
  says so in words: ``North Korea and Russia sign a defense pact (June 2024?, day not known)``. No
  event is ever put on a day its sources do not give;
* an open-ended period (``2024-08/..``, ``../2024-12``) spans the days of its known end and is summed up
  as "since August 2024" or "until December 2024".

Every event also carries its EDTF date in ``X-CITED-TIMELINE-DATE``, and its description says what
the span means. ``DTSTAMP`` is the data's commit time; ``UID`` is the event's stable UUID.
"""

from __future__ import annotations

from datetime import timedelta
from typing import BinaryIO

import icalendar

from .. import dates
from ..model import Event
from .common import Build, ExportOptions, is_exact_day, plain, source_title, tag_label, uid

PRODID = "-//cited-timeline//events//EN"
CALENDAR_END = b"END:VCALENDAR\r\n"
_PIECE = 74  # octets before a fold


def _when(event: Event) -> str:
    """What the calendar span means, in words, for anything but a plain day."""
    value = event.date
    if isinstance(value, dates.Interval):
        if value.start is None or value.end is None:
            known = "end" if value.start is None else "start"
            return f"{event.date_label}; the calendar entry spans the days of its known {known}"
        return f"{event.date_label}, a period"
    precision = {
        dates.Precision.YEAR: "month and day not known",
        dates.Precision.MONTH: "day not known",
        dates.Precision.DAY: "that day",
    }[value.precision]
    return f"{event.date_label}, {precision}"


def _encoded(options: ExportOptions) -> tuple[object, object]:
    """The values every event shares, encoded once (``add`` takes encoded values as they are)."""
    shared = icalendar.Event()
    shared.add("dtstamp", options.updated)
    shared.add("transp", "TRANSPARENT")
    return shared["DTSTAMP"], shared["TRANSP"]


def vevent(build: Build, event: Event) -> icalendar.Event:
    timeline, options, places = build.timeline, build.options, build.places
    exact = is_exact_day(event.date)
    first, last = dates.earliest(event.date), dates.latest(event.date)
    entry = icalendar.Event()
    entry.add("uid", str(uid(options, event)))
    stamp, transparent = build.once_value("ical", lambda: _encoded(options))
    entry.add("dtstamp", stamp)
    entry.add("dtstart", first)
    entry.add("dtend", last + timedelta(days=1))  # all-day DTEND is exclusive
    title = plain(event.title)
    entry.add("summary", title if exact else f"{title} ({_when(event)})")
    lines = [] if exact else [f"Date: {_when(event)} (EDTF {dates.to_edtf(event.date)})."]
    lines.append(plain(event.summary))
    sources = "; ".join(source_title(timeline, s) for s in event.source_ids)
    lines.append(f"Reported by: {sources}.")
    lines.append(f"On the timeline: {places.event(event)}")
    entry.add("description", "\n\n".join(lines))
    if options.base:  # URL must be absolute
        entry.add("url", places.event(event))
    if event.tags:
        entry.add("categories", [tag_label(timeline, t) for t in event.tags])
    entry.add("transp", transparent)  # a record of the past, never busy time
    entry.add("x-cited-timeline-date", dates.to_edtf(event.date))
    return entry


def _fold(line: str) -> str:
    """An ASCII content line folded exactly as ``icalendar`` folds it (RFC 5545: at most 75 octets a
    line, 74 before the fold; a backslash or caret ending a piece moves to the next, so an escape is
    never split), by slicing rather than character by character: the calendar of a big timeline took
    two thirds of the time of every export."""
    if len(line) <= _PIECE:
        return line
    pieces, start, end_of_line = [], 0, len(line)
    while end_of_line - start > _PIECE:
        end = start + _PIECE
        if line[end - 1] in "\\^":
            end -= 1
        pieces.append(line[start:end])
        start = end
    pieces.append(line[start:])
    return "\r\n ".join(pieces)


def to_ical(component: icalendar.Component) -> bytes:
    """``component.to_ical()``, the same bytes: ``icalendar`` encodes every property; ASCII lines are
    folded by :func:`_fold`, any other by ``icalendar`` itself."""
    lines = component.content_lines()
    return (
        b"\r\n".join(
            (_fold(line).encode("ascii") if line.isascii() else line.to_ical()) for line in lines if line
        )
        + b"\r\n"
    )


def _vevent_bytes(build: Build, event: Event) -> bytes:
    return to_ical(vevent(build, event))


def ics(build: Build, out: BinaryIO) -> None:
    """The calendar, written event by event: its head and foot from ``icalendar`` (an empty calendar),
    and each event's own ``to_ical()`` between them, which is what ``Calendar.to_ical()`` writes."""
    options = build.options
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("name", options.title)
    calendar.add("x-wr-calname", options.title)
    if options.description:
        calendar.add("description", options.description)
        calendar.add("x-wr-caldesc", options.description)
    empty: bytes = calendar.to_ical()  # CRLF line ends, long lines folded
    head, foot = empty[: -len(CALENDAR_END)], empty[-len(CALENDAR_END) :]
    assert foot == CALENDAR_END, foot
    out.write(head)
    for event in build.in_order:
        out.write(build.part(_vevent_bytes, event))
    out.write(foot)

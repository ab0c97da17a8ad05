"""``data/events.ics``: every event as an all-day iCalendar event (RFC 5545), encoded by ``icalendar``.

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

from datetime import date, timedelta
from typing import BinaryIO

import icalendar
from icalendar.parser import Contentline

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


def _text(value: str) -> str:
    return icalendar.vText(value).to_ical().decode("utf-8")


def _day(day: date) -> str:
    encoded: bytes = icalendar.vDate(day).to_ical()  # type: ignore[no-untyped-call]
    return encoded.decode("ascii")


def _shared(options: ExportOptions) -> tuple[str, str]:
    """The lines every event shares, encoded once: ``DTSTAMP`` and ``TRANSP``."""
    shared = icalendar.Event()
    shared.add("dtstamp", options.updated)
    shared.add("transp", "TRANSPARENT")  # a record of the past, never busy time
    stamp, transparent = (line for line in shared.content_lines() if line and not line.endswith(":VEVENT"))
    return str(stamp), str(transparent)


def vevent_lines(build: Build, event: Event) -> list[str]:
    """One event's content lines, unfolded, in the order ``icalendar`` writes an ``Event``'s properties
    (``SUMMARY``, ``DTSTART``, ``DTEND``, ``DTSTAMP``, ``UID``, then by name). Every value is encoded by
    ``icalendar``'s own value types; only the ``NAME:value`` lines are joined here, as a third of the
    time of every export went into building and walking ``icalendar.Event`` objects. A test checks
    that these are the very bytes ``icalendar.Event.to_ical()`` writes for the same properties."""
    timeline, options, places = build.timeline, build.options, build.places
    exact = is_exact_day(event.date)
    first, last = dates.earliest(event.date), dates.latest(event.date)
    stamp, transparent = build.once_value("ical", lambda: _shared(options))
    title = plain(event.title)
    lines = [] if exact else [f"Date: {_when(event)} (EDTF {dates.to_edtf(event.date)})."]
    lines.append(plain(event.summary))
    sources = "; ".join(source_title(timeline, s) for s in event.source_ids)
    lines.append(f"Reported by: {sources}.")
    lines.append(f"On the timeline: {places.event(event)}")
    found = [
        "BEGIN:VEVENT",
        "SUMMARY:" + _text(title if exact else f"{title} ({_when(event)})"),
        "DTSTART;VALUE=DATE:" + _day(first),
        "DTEND;VALUE=DATE:" + _day(last + timedelta(days=1)),  # all-day DTEND is exclusive
        stamp,
        "UID:" + _text(str(uid(options, event))),
    ]
    if event.tags:
        labels = [tag_label(timeline, t) for t in event.tags]
        found.append("CATEGORIES:" + icalendar.vCategory(labels).to_ical().decode("utf-8"))
    found.append("DESCRIPTION:" + _text("\n\n".join(lines)))
    found.append(transparent)
    if options.base:  # URL must be absolute
        found.append("URL:" + icalendar.vUri(places.event(event)).to_ical().decode("utf-8"))
    found.append("X-CITED-TIMELINE-DATE:" + _text(dates.to_edtf(event.date)))
    found.append("END:VEVENT")
    return found


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


def folded(lines: list[str]) -> bytes:
    """Content lines as ``icalendar`` writes them: CRLF ends; ASCII lines folded by :func:`_fold`, any
    other by ``icalendar`` itself."""
    return (
        b"\r\n".join((_fold(line).encode("ascii") if line.isascii() else _foreign(line)) for line in lines)
        + b"\r\n"
    )


def _foreign(line: str) -> bytes:
    """A line with other than ASCII characters, folded by ``icalendar`` itself."""
    folded: bytes = Contentline(line).to_ical()  # type: ignore[no-untyped-call]
    return folded


def _vevent_bytes(build: Build, event: Event) -> bytes:
    return folded(vevent_lines(build, event))


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

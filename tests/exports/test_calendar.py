"""data/events.ics read back with icalendar: all-day events, and no day the sources do not give."""

from __future__ import annotations

from datetime import date, timedelta

import icalendar
import pytest

from generator import dates
from generator.exports import Build, ExportOptions, build_exports, ical
from generator.exports.common import is_exact_day, plain, source_title, tag_label, uid
from generator.model import Event, Timeline

from .conftest import DATES, HOSTILE, dated_timeline, hostile_timeline


def _events(data: bytes) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(data)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    return list(calendar.walk("VEVENT"))


def test_every_event_is_an_all_day_event(files: dict[str, bytes], timeline: Timeline) -> None:
    data = files["data/events.ics"]
    assert b"\r\n" in data
    vevents = _events(data)
    assert len(vevents) == len(timeline.events) > 0
    assert len({str(v["UID"]) for v in vevents}) == len(vevents)
    for vevent in vevents:
        start, end = vevent.decoded("DTSTART"), vevent.decoded("DTEND")
        assert type(start) is date and type(end) is date, "all-day: dates, never date-times"
        assert end > start
        assert vevent["DTSTAMP"].dt.isoformat() == "2025-01-02T03:04:05+00:00"
        assert str(vevent["TRANSP"]) == "TRANSPARENT"


@pytest.mark.parametrize("which", ["repository", "every kind of date"])
def test_a_day_is_that_day_and_a_coarser_date_spans_every_day_it_may_be(
    files: dict[str, bytes], timeline: Timeline, dated: tuple[Timeline, dict[str, bytes]], which: str
) -> None:
    if which != "repository":
        timeline, files = dated
    by_edtf = {str(v["X-CITED-TIMELINE-DATE"]): v for v in _events(files["data/events.ics"])}
    for event in timeline.events:
        vevent = by_edtf[dates.to_edtf(event.date)]
        start, last = vevent.decoded("DTSTART"), vevent.decoded("DTEND") - timedelta(days=1)
        assert (start, last) == (dates.earliest(event.date), dates.latest(event.date))
        summary = str(vevent["SUMMARY"])
        if is_exact_day(event.date):
            assert start == last
            assert "(" not in summary or summary == " ".join(event.title.split())
        else:
            assert summary.endswith(")") and event.date_label in summary, summary  # says how coarse
            assert f"EDTF {dates.to_edtf(event.date)}" in str(vevent["DESCRIPTION"])
    if which == "repository":
        return
    assert set(by_edtf) == set(DATES)
    day = by_edtf["2024-12-23"]
    assert (day.decoded("DTSTART"), day.decoded("DTEND")) == (date(2024, 12, 23), date(2024, 12, 24))
    assert str(day["SUMMARY"]) == "Event dated 2024-12-23"  # a plain day needs no words
    assert "23 December 2024?, that day" in str(by_edtf["2024-12-23?"]["SUMMARY"])
    assert "until December 2024?" in str(by_edtf["../2024-12?"]["SUMMARY"])
    month = by_edtf["2024-06?"]
    assert (month.decoded("DTSTART"), month.decoded("DTEND")) == (date(2024, 6, 1), date(2024, 7, 1))
    assert "June 2024?, day not known" in str(month["SUMMARY"])
    year = by_edtf["2024"]
    assert (year.decoded("DTSTART"), year.decoded("DTEND")) == (date(2024, 1, 1), date(2025, 1, 1))
    assert "since August 2024" in str(by_edtf["2024-08/.."]["SUMMARY"])


def test_urls_only_with_a_site_url(
    timeline: Timeline, online: ExportOptions, files: dict[str, bytes]
) -> None:
    assert all("URL" not in v for v in _events(files["data/events.ics"]))
    vevents = _events(build_exports(timeline, online)["data/events.ics"])
    assert all(str(v["URL"]).startswith("https://example.org/timeline/dated/") for v in vevents)


def test_hostile_text_cannot_end_an_event_early(options: ExportOptions) -> None:
    vevents = _events(build_exports(hostile_timeline(), options)["data/events.ics"])
    assert len(vevents) == 2  # "END:VEVENT" in a title stays text
    by_edtf = {str(v["X-CITED-TIMELINE-DATE"]): v for v in vevents}
    assert str(by_edtf["2024-12-01"]["SUMMARY"]) == " ".join(f"Title {HOSTILE}".split())
    approximate = by_edtf["2024-12~"]
    assert approximate.decoded("DTSTART") == date(2024, 12, 1)
    assert "c. December 2024, day not known" in str(approximate["SUMMARY"])


def _icalendar_event(build: Build, event: Event) -> icalendar.Event:
    """The same event built as an ``icalendar.Event``, property by property: what ``vevent_lines``
    must write, byte for byte, once folded."""
    timeline, options = build.timeline, build.options
    exact = is_exact_day(event.date)
    entry = icalendar.Event()
    entry.add("uid", str(uid(options, event)))
    entry.add("dtstamp", options.updated)
    entry.add("dtstart", dates.earliest(event.date))
    entry.add("dtend", dates.latest(event.date) + timedelta(days=1))
    when = "" if exact else ical._when(event)
    entry.add("summary", plain(event.title) + ("" if exact else f" ({when})"))
    lines = [] if exact else [f"Date: {when} (EDTF {dates.to_edtf(event.date)})."]
    lines.append(plain(event.summary))
    lines.append(f"Reported by: {'; '.join(source_title(timeline, s) for s in event.source_ids)}.")
    lines.append(f"On the timeline: {build.places.event(event)}")
    entry.add("description", "\n\n".join(lines))
    if options.base:
        entry.add("url", build.places.event(event))
    if event.tags:
        entry.add("categories", [tag_label(timeline, t) for t in event.tags])
    entry.add("transp", "TRANSPARENT")
    entry.add("x-cited-timeline-date", dates.to_edtf(event.date))
    return entry


@pytest.mark.parametrize("which", ["repository", "every kind of date", "hostile text"])
def test_each_event_is_written_as_icalendar_writes_it(
    timeline: Timeline, online: ExportOptions, options: ExportOptions, which: str
) -> None:
    chosen = {"repository": timeline, "every kind of date": dated_timeline()}
    chosen["hostile text"] = hostile_timeline()
    for opts in (options, online):
        build = Build(chosen[which], opts)
        for event in chosen[which].events:
            assert ical.folded(ical.vevent_lines(build, event)) == _icalendar_event(build, event).to_ical()

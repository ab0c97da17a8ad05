"""data/timelinejs.json against TimelineJS3's JSON format (its documented required fields, and the
checks TL.TimelineConfig makes when it loads a file)."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from typing import Any

from generator import dates
from generator.exports import ExportOptions, build_exports
from generator.model import Timeline

from .conftest import hostile_timeline

DATE_FIELDS = {"year", "month", "day", "hour", "minute", "second", "millisecond", "display_date"}
SLIDE_FIELDS = {"start_date", "end_date", "text", "media", "group", "display_date", "background", "unique_id"}


def _check_date(value: Any) -> tuple[int, ...]:
    assert isinstance(value, dict) and set(value) <= DATE_FIELDS
    assert isinstance(value["year"], int)  # required: a number
    parts = [value["year"]]
    if "month" in value:
        assert isinstance(value["month"], int) and 1 <= value["month"] <= 12
        parts.append(value["month"])
    if "day" in value:
        assert "month" in value and isinstance(value["day"], int) and 1 <= value["day"] <= 31
        parts.append(value["day"])
    return tuple(parts)


def _check(document: Any) -> list[dict[str, Any]]:
    assert isinstance(document, dict) and set(document) <= {"events", "title", "eras", "scale"}
    events = document["events"]
    assert isinstance(events, list) and events, "TimelineJS refuses a timeline without events"
    title = document["title"]
    assert "start_date" not in title and isinstance(title["text"]["headline"], str)
    for slide in events:
        assert set(slide) <= SLIDE_FIELDS
        start = _check_date(slide["start_date"])  # required for every slide but the title
        if "end_date" in slide:
            assert _check_date(slide["end_date"]) >= start
        assert isinstance(slide["text"]["headline"], str) and isinstance(slide["text"]["text"], str)
        assert isinstance(slide.get("group", ""), str)
    assert len({s["unique_id"] for s in events}) == len(events)
    return events


def test_the_file_has_what_timelinejs_requires(files: dict[str, bytes], timeline: Timeline) -> None:
    events = _check(json.loads(files["data/timelinejs.json"]))
    assert len(events) == len(timeline.events)


def test_dates_carry_only_their_known_parts(dated: tuple[Timeline, dict[str, bytes]]) -> None:
    timeline, files = dated
    _check(json.loads(files["data/timelinejs.json"]))
    slides = {s["unique_id"]: s for s in json.loads(files["data/timelinejs.json"])["events"]}
    for event in timeline.events:
        slide = slides[event.id]
        assert slide["display_date"] == event.date_label
        value = event.date
        known = dates.parts(value)
        assert _check_date(slide["start_date"]) == _parts(known[0])
        if isinstance(value, dates.Interval) and value.start is not None and value.end is not None:
            assert _check_date(slide["end_date"]) == _parts(value.end)
        else:
            assert "end_date" not in slide
        if value.__class__ is dates.Single and value.precision is dates.Precision.MONTH:
            assert "day" not in slide["start_date"]
    assert slides["event-1"]["start_date"] == {"year": 2024, "month": 6}
    assert slides["event-0"]["start_date"] == {"year": 2024}
    assert slides["event-4"]["start_date"] == {"year": 2024, "month": 12, "day": 23}
    assert slides["event-9"]["start_date"] == {"year": 2024, "month": 12}  # ../2024-12?: the known end
    assert slides["event-9"]["display_date"] == "until December 2024?"


def _parts(single: dates.Single) -> tuple[int, ...]:
    return tuple(p for p in (single.year, single.month, single.day) if p is not None)


def test_slides_are_grouped_by_their_first_tag(files: dict[str, bytes], timeline: Timeline) -> None:
    slides = {s["unique_id"]: s for s in json.loads(files["data/timelinejs.json"])["events"]}
    tags = timeline.vocabulary.tags
    for event in timeline.events:
        assert slides[event.id]["group"] == tags[event.tags[0]].label


def test_text_is_escaped_html(options: ExportOptions) -> None:
    document = json.loads(build_exports(hostile_timeline(), options)["data/timelinejs.json"])
    _check(document)
    for slide in document["events"]:
        for html in slide["text"].values():
            parser = _Tags()
            parser.feed(html)
            assert not parser.tags & {"script", "img", "title"}
            assert not any(h.startswith("javascript:") for h in parser.hrefs)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.hrefs += [v or "" for k, v in attrs if k == "href"]

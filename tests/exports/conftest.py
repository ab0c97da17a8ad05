"""Timelines for the export tests: the repository's own events; a hand-made one with an event for
every kind of date the format has (days, months, years, approximate and uncertain dates, periods,
open-ended periods), whichever the repository has today; and one whose texts try to break out of every
format."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from generator import dates
from generator.exports import ExportOptions, build_exports
from generator.model import Citation, Claim, Event, Measure, Problem, Source, Span, Tag, Timeline, Vocabulary
from generator.validate import Project, validate_project

ROOT = Path(__file__).resolve().parents[2]
UPDATED = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)
HOSTILE = '</title><script>alert(1)</script> ]]> <img src=x onerror=alert(1)> "a,b";c\r\nEND:VEVENT &amp;'


@pytest.fixture(scope="session")
def timeline() -> Timeline:
    result = validate_project(Project(ROOT / "events", ROOT / "seeds", root=ROOT))
    assert result.ok, list(result.diagnostics)[:3]
    return result.timeline


@pytest.fixture(scope="session")
def options() -> ExportOptions:
    return ExportOptions("A cited timeline", UPDATED, description="What happened", license="CC BY 4.0")


@pytest.fixture(scope="session")
def online() -> ExportOptions:
    """The same site with a ``site_url``: every link absolute."""
    return ExportOptions(
        "A cited timeline", UPDATED, site_url="https://example.org/timeline", license="CC BY 4.0"
    )


@pytest.fixture(scope="session")
def files(timeline: Timeline, options: ExportOptions) -> dict[str, bytes]:
    return build_exports(timeline, options)


def hostile_timeline() -> Timeline:
    """One source and two events whose every text field is hostile markup or delimiters."""
    text = f"Headline {HOSTILE}\nThe figure was 1,100 {HOSTILE} according to officials.\n"
    start, end = text.index("The figure"), len(text) - 1
    source = Source(
        "evil", f"Title {HOSTILE}", None, None, dates.parse("2024-12-02"), "basis", "0" * 64, text
    )
    citation = Citation("evil", text[start:end], Span("evil", start, end), note=f"note {HOSTILE}")
    claim = Claim(
        "m", "range", f"Claimant {HOSTILE}", dates.parse("2024-12"), 0, None, 1000.0, 1100.5, note=HOSTILE
    )
    problem = Problem("error", 0, "1,100", f"Problem {HOSTILE}", correction=HOSTILE)
    events = tuple(
        Event(
            f"evil-{n}",
            f"events/evil-{n}.yaml",
            dates.parse(when),
            f"Title {HOSTILE}",
            f"Summary {HOSTILE} [x](javascript:alert(1)) *{HOSTILE}*",
            ("evil",),
            (citation,),
            (claim,),
            (problem,),
        )
        for n, when in enumerate(("2024-12-01", "2024-12~"))
    )
    vocabulary = Vocabulary(
        {"evil": Tag("evil", f"Tag {HOSTILE}", HOSTILE)},
        {"m": Measure("m", f"Measure {HOSTILE}", f"unit {HOSTILE}", HOSTILE)},
    )
    return Timeline(events, {"evil": source}, vocabulary)


DATES = (
    "2024",
    "2024-06",
    "2024-06?",
    "2024-08~",
    "2024-12-23",
    "2024-12-23?",
    "2024-08/2024-12",
    "2024-04?/2024-12?",
    "2024-08/..",
    "../2024-12?",
)


def dated_timeline() -> Timeline:
    """One event per kind of date in :data:`DATES`, each citing the same plain source."""
    text = "A council said on 23 December 2024 that 40 people had helped since August 2024.\n"
    source = Source(
        "plain", "A plain article", "A publisher", None, dates.parse("2024-12-24"), "dated", "0" * 64, text
    )
    citation = Citation("plain", text.strip(), Span("plain", 0, len(text) - 1))
    claim = Claim("people", "about", "The council", dates.parse("2024-12"), 0, 40.0)
    events = tuple(
        Event(
            f"event-{n}",
            f"events/event-{n}.yaml",
            dates.parse(when),
            f"Event dated {when}",
            "Something happened.",
            ("things", "more") if n % 2 else ("more",),
            (citation,),
            (claim,) if n == 0 else (),
        )
        for n, when in enumerate(DATES)
    )
    vocabulary = Vocabulary(
        {"things": Tag("things", "Things"), "more": Tag("more", "More things")},
        {"people": Measure("people", "People", "people")},
    )
    return Timeline(events, {"plain": source}, vocabulary)


@pytest.fixture(scope="session")
def dated() -> tuple[Timeline, dict[str, bytes]]:
    """The timeline with every kind of date, and its exports."""
    timeline = dated_timeline()
    return timeline, build_exports(timeline, ExportOptions("Dates", UPDATED))

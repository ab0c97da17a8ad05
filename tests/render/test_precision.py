"""Dates at their proven precision on the page: where an event is filed (groups.py), how its date reads
and which ``datetime`` its ``<time>`` elements carry (when.py), and why an uncertain date is uncertain."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from generator import dates
from generator.model import Citation, DateBasis, Event, Source, Span, Timeline, Vocabulary
from generator.render import Options, Renderer, render_site
from generator.render.groups import MONTH, UNTIL, YEAR, Group, group_of
from generator.render.when import as_of, runs, why, words


@pytest.mark.parametrize(
    ("value", "group", "key"),
    [
        ("2024-06", Group(MONTH, 2024, 6), "2024-06"),
        ("2024-06-19", Group(MONTH, 2024, 6), "2024-06"),
        ("2024-12?", Group(MONTH, 2024, 12), "2024-12"),
        ("2024", Group(YEAR, 2024), "2024"),  # never under a month
        ("2024?", Group(YEAR, 2024), "2024"),
        ("2024/2025", Group(YEAR, 2024), "2024"),
        ("2024-08/..", Group(MONTH, 2024, 8), "2024-08"),  # since August: filed where it began
        ("2024-04?/2024-12?", Group(MONTH, 2024, 4), "2024-04"),
        ("../2024-12-23", Group(UNTIL, 2024, 12), "by-2024-12"),  # by then: not a December event
        ("../2024", Group(UNTIL, 2024), "by-2024"),
    ],
)
def test_an_event_is_filed_no_more_precisely_than_its_date(value: str, group: Group, key: str) -> None:
    found = group_of(dates.parse(value))
    assert found == group and found.key == key


def test_groups_are_ordered_by_the_sort_rule() -> None:
    found = sorted(
        [Group(UNTIL, 2024, 12), Group(MONTH, 2024, 12), Group(YEAR, 2024), Group(MONTH, 2024, 4)],
        key=lambda g: g.order,
    )
    assert [g.label for g in found] == [
        "2024 — month not stated",  # a year's first day, coarser first
        "April 2024",
        "December 2024",
        "By December 2024 — date not stated",  # known only to be by the end of December
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-06", [("June 2024", "2024-06")]),
        ("2024-12-23", [("23 December 2024", "2024-12-23")]),
        ("2024", [("2024", "2024")]),
        ("2024-12?", [("probably ", None), ("December 2024", "2024-12")]),
        ("2024-08~", [("about ", None), ("August 2024", "2024-08")]),
        ("2024-08/..", [("since ", None), ("August 2024", "2024-08")]),
        ("../2024-12-23", [("by ", None), ("23 December 2024", "2024-12-23")]),
        ("2024-04/2024-12", [("April", "2024-04"), ("–", None), ("December 2024", "2024-12")]),
        ("2023-11/2024-02", [("November 2023", "2023-11"), (" – ", None), ("February 2024", "2024-02")]),
    ],
)
def test_every_date_in_words_has_a_machine_readable_value(value: str, expected: list[object]) -> None:
    assert runs(dates.parse(value)) == expected


def test_as_of_reads_as_words() -> None:
    assert as_of(dates.parse("2024-12")) == "as of December 2024"
    assert as_of(dates.parse("../2024-12-23")) == "by 23 December 2024"  # never "as of until …"
    assert words(dates.parse("2024-05?/2024-11?")) == "probably May–November 2024"


TEXT = "Undated article. It took effect this month.\n"


def _timeline(*events: Event, published: str = "2024-12?") -> Timeline:
    source = Source("s", "A source", None, None, dates.parse(published), "undated", "0" * 64, TEXT)
    return Timeline(events, {"s": source}, Vocabulary())


def _event(ident: str, value: str, basis: bool = True) -> Event:
    citation = Citation("s", TEXT[17:43], Span("s", 17, 43))
    found = (DateBasis(0, "this month", dates.parse(value)),) if basis else ()
    return Event(
        ident,
        f"events/{ident}.yaml",
        dates.parse(value),
        f"Event {ident}",
        "S.",
        ("t",),
        (citation,),
        (),
        (),
        found,
    )


def test_an_uncertain_date_says_why() -> None:
    timeline = _timeline(_event("a", "2024-12?"))
    assert why(timeline.events[0], timeline.sources) == (
        "uncertain: dated from an undated article, whose own date is inferred"
    )
    assert why(_event("b", "2024-12"), timeline.sources) is None


class _Times(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.times: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "time":
            self.times.append(dict(attrs))


def test_pages_and_counts_follow_the_groups() -> None:
    timeline = _timeline(
        _event("year-only", "2024", basis=False),
        _event("december", "2024-12", basis=False),
        _event("by-december", "../2024-12-23", basis=False),
    )
    pages = render_site(timeline, Options())
    assert "dated/2024.md" in pages and "dated/2024-12.md" in pages and "dated/by-2024-12.md" in pages
    assert "dated/2024-01.md" not in pages  # a year-only event has no month page
    assert "1 event, dated December 2024" in pages["dated/2024-12.md"]  # the "by" event is not counted
    assert "e-year-only" not in pages["dated/2024-12.md"]
    for path, text in pages.items():
        parser = _Times()
        parser.feed(text)
        assert all(t.get("datetime") for t in parser.times), path  # every <time> is machine-readable


def test_the_year_group_comes_first_in_its_year() -> None:
    timeline = _timeline(_event("december", "2024-12", basis=False), _event("year-only", "2024", basis=False))
    site = Renderer(timeline, Options()).site
    assert [g.key for g in site.groups] == ["2024", "2024-12"]

"""Page texts at the dates' precision (site-review 5, 14, 18, 24): a group page's lede and its
``description`` are built from the dates in words, so neither states a bare month for an event dated
only probably, or only as part of a span; headings and citation lines say "probably", not "?"; a group
page has one pager; a page alone in its nav section has no empty sidebar."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.dates import Interval
from generator.render import Options, Renderer, describe, when
from generator.render.context import Site
from generator.validate import Project, validate_project

ROOT = Path(__file__).resolve().parents[2]
MONTH_YEAR = re.compile(
    r"(?:\d{1,2} )?(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December) \d{4}"
)


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    result = validate_project(Project(ROOT / "events", ROOT / "seeds", root=ROOT))
    assert result.ok
    return Renderer(result.timeline, Options(periods={"2024-06": "June", "2024-12": "December"}))


@pytest.fixture(scope="module")
def site(renderer: Renderer) -> Site:
    return renderer.site


def test_every_group_description_states_each_date_in_words(site: Site) -> None:
    for group, events in site.groups.items():
        text = describe.summary(site, group)
        assert describe.group(site, group).startswith(text)
        for event in events:
            assert when.words(event.date) in text, (group.key, text)


def test_no_description_states_a_bare_month_for_an_uncertain_or_span_date(site: Site) -> None:
    checked = 0
    for group, events in site.groups.items():
        text = describe.group(site, group)
        certain = {
            when.words(e.date) for e in events if not when.unsure(e.date) and not isinstance(e.date, Interval)
        }
        for found in MONTH_YEAR.finditer(text):
            before = text[max(0, found.start() - 12) : found.start()]
            hedged = before.endswith(("probably ", "about ", "by ", "since ", "–"))
            if hedged or found.group(0) in certain:
                continue
            in_title = any(found.group(0) in e.title for e in events)
            assert in_title, (group.key, found.group(0), text)
        checked += any(when.unsure(e.date) or isinstance(e.date, Interval) for e in events)
    assert checked >= 4  # the repository has uncertain and span dates in April, May, June, August, December


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("2024-04", "1 event, dated probably April–December 2024"),
        ("2024-06", "1 event, dated probably June 2024"),
        ("2024-08", "1 event, dated since August 2024"),
    ],
)
def test_a_group_with_one_uncertain_or_span_event_says_so(site: Site, key: str, expected: str) -> None:
    group = next(g for g in site.groups if g.key == key)
    assert describe.summary(site, group) == expected


def test_a_mixed_month_counts_its_certain_and_probable_dates_apart(site: Site) -> None:
    group = next(g for g in site.groups if g.key == "2024-12")
    text = describe.summary(site, group)
    assert text.startswith("11 events under December 2024: 4 dated December 2024, 6 dated probably")
    until = next(g for g in site.groups if g.key == "by-2024-12")
    assert "no source says when they happened" in describe.summary(site, until)


def test_uncertain_dates_are_in_words_not_question_marks(renderer: Renderer, site: Site) -> None:
    """Headings, nav titles and citation lines say "(probably)" and "probably", never a bare "?"
    (site-review 14)."""
    titles = [site.group_title(g) for g in site.groups]
    assert "April 2024 (probably)" in titles and not any(t.endswith("?") for t in titles)
    rendered = renderer.markdown(renderer.pages["dated/2024-12.md"])
    assert "published probably December 2024" in rendered and "December 2024?" not in rendered


def test_group_pages_have_one_pager_and_lone_pages_no_empty_sidebar(renderer: Renderer) -> None:
    pages = renderer.pages
    assert "hide:\n  - footer\n" in pages["dated/2024-12.md"].title_markdown  # tl-pager only
    assert "hide:\n  - navigation\n" in pages["timeline.md"].title_markdown
    assert "hide:" not in pages["sources/index.md"].title_markdown


def test_events_with_one_date_are_certain_first_then_by_title_and_the_page_says_so(site: Site) -> None:
    group = next(g for g in site.groups if g.key == "2024-12")
    events = site.groups[group]
    same = [e for e in events if e.sort_key[:2] == events[0].sort_key[:2]]
    flags = [when.unsure(e.date) for e in same]
    assert flags == sorted(flags) and True in flags and False in flags  # certain, then probable
    sure = [e.title.casefold() for e in same if not when.unsure(e.date)]
    assert sure == sorted(sure)
    assert describe.ties(events) == describe.TIES
    assert describe.ties(events[:1]) == ""

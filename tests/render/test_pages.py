"""The pages a timeline gives, rendered one at a time in either form. What each page holds is checked
against the golden files of the built sites (test_site_golden.py, test_render_command.py)."""

from __future__ import annotations

import pytest

from generator.model import Timeline
from generator.render import Headings, Options, Permalinks, Renderer, render_site

PERMALINKS = Permalinks(symbol="&para;", auto_id=lambda text, used: text.lower().replace(" ", "-"))


def test_page_paths_kinds_and_titles(timeline: Timeline, options: Options) -> None:
    pages = Renderer(timeline, options).pages
    assert list(pages) == [
        "dated/2024-06.md",
        "dated/2024-08.md",
        "dated/2024-12.md",
        "dated/index.md",
        "figures.md",
        "sources/fixture-a.md",
        "sources/fixture-b.md",
        "sources/fixture-c.md",
        "sources/index.md",
        "tags/casualties.md",
        "tags/diplomacy.md",
        "tags/index.md",
        "tags/military.md",
        "timeline.md",
    ]
    month = pages["dated/2024-12.md"]
    assert (month.kind, month.key, month.title) == ("month", "2024-12", "December 2024 — casualty reports")
    assert month.title_markdown.endswith("\n---\n\n# December 2024 — casualty reports\n\n")
    assert month.description.startswith("4 events under December 2024: ")
    assert [p.path for p in pages.values() if p.in_nav] == [
        "dated/index.md",
        "figures.md",
        "sources/index.md",
        "tags/index.md",
        "timeline.md",
    ]


def _html(renderer: Renderer) -> dict[str, tuple[str, object]]:
    found = {}
    for path, page in renderer.pages.items():
        rendered = renderer.render(page, Headings(permalinks=PERMALINKS), search=True)
        found[path] = (rendered.html, [(h.level, h.id, str(h.title)) for h in rendered.headings])
    return found


def test_rendering_is_deterministic(timeline: Timeline, options: Options) -> None:
    assert render_site(timeline, options) == render_site(timeline, options)
    assert _html(Renderer(timeline, options)) == _html(Renderer(timeline, options))


def test_html_headings_are_recorded_for_the_table_of_contents(timeline: Timeline, options: Options) -> None:
    renderer = Renderer(timeline, options)
    rendered = renderer.render(renderer.pages["timeline.md"], Headings(permalinks=PERMALINKS))
    levels = [h.level for h in rendered.headings]
    assert levels.count(2) == 3 and levels.count(3) == 7
    assert rendered.headings[0].id == "m-2024-06"
    source = renderer.render(renderer.pages["sources/fixture-a.md"], Headings(permalinks=PERMALINKS))
    assert [h.id for h in source.headings] == ["cited-by", "the-article"]  # ids made from the text
    assert '<h2 id="cited-by">Cited by<a class="headerlink" href="#cited-by"' in source.html


@pytest.mark.parametrize("limit", [0, 3])
def test_long_timelines_list_events_compactly(timeline: Timeline, limit: int) -> None:
    page = render_site(timeline, Options(full_limit=limit))["timeline.md"]
    assert "### " not in page  # no full cards
    assert page.count('<ol class="tl-compact">') == 3  # one list per month
    assert page.count('<li><span class="tl-date">') == len(timeline.events)


def test_many_sources_sit_in_the_navigation_by_year_published(timeline: Timeline, options: Options) -> None:
    """A flat list of hundreds of sources made every source page render all of them in its navigation;
    above FLAT_SOURCES they are in sections by the year they were published, as certain as that date."""
    from dataclasses import replace

    from generator.dates import parse
    from generator.render import pages as pages_module

    few = Renderer(timeline, options).nav_sections()[pages_module.ctx.SOURCES_INDEX]
    assert [title for title, _ in few] == [None]  # a handful: one list
    base = next(iter(timeline.sources.values()))
    published = ["2024-12-23", "2024-12?", "2023", None, "2023-05/2024-02"]
    published += ["2022-01"] * pages_module.FLAT_SOURCES
    sources = {
        f"s{i:03d}": replace(base, id=f"s{i:03d}", title=f"Report {i:03d}", published=p and parse(p))
        for i, p in enumerate(published)
    }
    renderer = Renderer(replace(timeline, sources=sources), options)
    many = renderer.nav_sections()[pages_module.ctx.SOURCES_INDEX]
    titles = [title for title, _ in many]
    assert titles == ["2024", "2024 (probably)", "2023–2024", "2023", "2022", "Date not stated"], titles
    assert sum(len(paths) for _, paths in many) == len(sources)
    assert dict(many)["2024"] == ["sources/s000.md"]

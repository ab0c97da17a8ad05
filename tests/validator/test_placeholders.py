"""TL134: the TODO placeholders that `new` and `add-source` write are reported as such, once per value:
nothing else is said about a placeholder, and a source with one is not used (its events say nothing)."""

from __future__ import annotations

from .project import ALPHA, ALPHA_META, EVENT, EVENT_PATH, MiniProject, codes, variant, where


def test_placeholders_in_an_event_are_the_only_problems_reported_for_them(project: MiniProject) -> None:
    text = variant('date: "2024-12-23"', 'date: "TODO"')
    text = variant("title: South Korea's military estimates about 1,100", 'title: "TODO: one line"\n#', text)
    text = variant("tags: [casualties, north-korea]", "tags: [TODO, north-korea]", text)
    text = variant("  - measure: nk-casualties", "  - measure: TODO", text)
    project.event(text)
    result = project.validate()
    assert codes(result) == ["TL134"] * 4
    date, title, tag, measure = result.diagnostics
    assert (where(date), date.message) == ((EVENT_PATH, 2, 7), "date is still a placeholder")
    assert date.hint == 'fill it in, e.g. date: "2024-12"'
    assert (where(title), title.message) == ((EVENT_PATH, 3, 8), "title is still a placeholder")
    assert title.hint == "fill it in, e.g. title: <one neutral line: who said or did what>"
    assert (where(tag), tag.message) == ((EVENT_PATH, 8, 8), "tags[0] is still a placeholder")
    assert (where(measure), measure.message) == (
        (EVENT_PATH, 18, 14),
        "claims[0].measure is still a placeholder",
    )
    assert result.timeline.events == ()


def test_todo_inside_text_is_not_a_placeholder(project: MiniProject) -> None:
    project.event(variant("title: South Korea's military", "title: TODO list aside, South Korea's military"))
    assert project.validate().diagnostics == ()


def test_a_source_with_a_placeholder_is_not_used(project: MiniProject) -> None:
    meta = ALPHA_META.replace('published: "2024-12-26"', 'published: "TODO"').replace(
        "published_basis: the date line under the headline",
        'published_basis: "TODO: where the date comes from"',
    )
    project.source("alpha", ALPHA, meta)
    project.event(EVENT)
    result = project.validate()
    assert codes(result) == ["TL134", "TL134"]
    published, basis = result.diagnostics
    assert where(published) == ("seeds/alpha.yaml", 4, 12)
    assert published.hint.splitlines() == [
        'fill it in, e.g. published: "2024-12-23"',
        f"not checked until this is fixed: the dates of {EVENT_PATH}",
    ]
    assert where(basis) == ("seeds/alpha.yaml", 5, 18)
    assert basis.hint == "fill it in, e.g. published_basis: the date line under the headline"
    assert "alpha" not in result.timeline.sources and result.timeline.events == ()


def test_a_placeholder_spelt_with_an_escape_is_still_one(project: MiniProject) -> None:
    """Files without "TODO" in their text skip the search for placeholders, unless an escape could
    spell one."""
    project.event(variant('date: "2024-12-23"', 'date: "\\x54ODO"'))
    result = project.validate()
    assert codes(result) == ["TL134"] and where(result.diagnostics[0]) == (EVENT_PATH, 2, 7)

"""The valid baselines produce no diagnostics, so every failing test below fails for its own reason."""

from __future__ import annotations

from generator import dates
from generator.quotes import normalize

from .project import ALPHA, EVENT, PLAIN, MiniProject


def test_baseline_event_is_valid(project: MiniProject) -> None:
    project.event(EVENT)
    result = project.validate()
    assert result.diagnostics == ()
    assert result.ok
    assert (result.event_count, result.source_count) == (1, 2)
    [event] = result.timeline.events
    assert event.id == "jcs-casualties"
    assert event.path == "events/jcs-casualties.yaml"
    assert dates.to_edtf(event.date) == "2024-12-23"
    assert [c.measure for c in event.claims] == ["nk-casualties"]
    assert event.claims[0].unit == "soldiers"  # the measure's unit


def test_plain_event_is_valid(project: MiniProject) -> None:
    project.event(PLAIN)
    result = project.validate()
    assert result.diagnostics == ()
    assert [e.id for e in result.timeline.events] == ["jcs-casualties"]


def test_no_events_is_valid(project: MiniProject) -> None:
    result = project.validate()
    assert result.diagnostics == ()
    assert (result.event_count, result.source_count) == (0, 2)
    assert sorted(result.timeline.sources) == ["alpha", "beta"]


def test_citation_span_is_the_source_text_whitespace_and_all(project: MiniProject) -> None:
    """The quote is folded differently from the source (which breaks the line after 'had been'): the span
    is the source's own text, newline included."""
    project.event(EVENT)
    [event] = project.validate().timeline.events
    span = event.citations[0].span
    cited = ALPHA[span.start : span.end]
    assert cited.startswith("On Monday, South Korea’s") and cited.endswith("in the Kursk region.")
    assert "had been\nkilled" in cited
    assert normalize(cited) == normalize(event.citations[0].quote)

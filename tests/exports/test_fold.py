"""The calendar's own line folding (generator/exports/ical.py ``folded``) writes the very bytes
``icalendar`` writes, for any text: ASCII lines of every length, escapes at every fold position, and
lines with other characters (folded by icalendar itself)."""

from __future__ import annotations

import icalendar
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.exports.ical import folded


def to_ical(component: icalendar.Component) -> bytes:
    """``component.to_ical()`` as the calendar export writes it: the lines icalendar makes, folded by
    ``folded``."""
    return folded([line for line in component.content_lines() if line])


ASCII = st.text(alphabet=st.sampled_from("ab ,;:\\^\"'\n\t&<>x1"), max_size=400)
ANY = st.text(max_size=200).filter(lambda t: "\r" not in t)


def _event(summary: str, description: str) -> icalendar.Event:
    event = icalendar.Event()
    event.add("summary", summary)
    event.add("description", description)
    event.add("categories", [summary[:20] or "x", "y"])
    return event


@settings(max_examples=300, deadline=None)
@given(ASCII, ASCII)
def test_ascii_lines_fold_as_icalendar_folds_them(summary: str, description: str) -> None:
    event = _event(summary, description)
    assert to_ical(event) == event.to_ical()


@settings(max_examples=100, deadline=None)
@given(ANY, ANY)
def test_any_text_folds_as_icalendar_folds_it(summary: str, description: str) -> None:
    event = _event(summary, description)
    assert to_ical(event) == event.to_ical()


def test_a_fold_never_splits_an_escape() -> None:
    for n in range(60, 90):
        event = _event("s", "x" * n + "\\,;" * 10)
        assert to_ical(event) == event.to_ical()

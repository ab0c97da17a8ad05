"""The EDTF subset (generator/dates.py): parsing, bounds, labels, sort order; and TL150/TL151."""

from __future__ import annotations

from datetime import date

import pytest

from generator import dates
from generator.dates import Interval, Precision, Single

from .project import EVENT, EVENT_PATH, PLAIN, MiniProject, only, variant, where

# ---------------------------------------------------------------- parse


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024", Single(2024)),
        ("2024-06", Single(2024, 6)),
        ("2024-12-23", Single(2024, 12, 23)),
        ("2024-08~", Single(2024, 8, approximate=True)),
        ("2024-06?", Single(2024, 6, uncertain=True)),
        ("2024-06%", Single(2024, 6, approximate=True, uncertain=True)),
        ("2024-08/2024-12", Interval(Single(2024, 8), Single(2024, 12))),
        ("2024-08/..", Interval(Single(2024, 8), None)),
        ("../2024-12", Interval(None, Single(2024, 12))),
        ("2024-02-29", Single(2024, 2, 29)),
    ],
)
def test_parse(text: str, expected: dates.EDTF) -> None:
    assert dates.parse(text) == expected
    assert dates.to_edtf(expected) == text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2024-13", "month 13 does not exist"),
        ("2024-00", "month 00 does not exist"),
        ("2023-02-29", "February 2023 has no day 29"),
        ("2024-04-31", "April 2024 has no day 31"),
        ("garbage", "'garbage' is not a date"),
        ("2024-1", "'2024-1' is not a date"),
        ("24-12", "'24-12' is not a date"),
        ("2024-12-23T10:00", "is not a date"),
        ("../..", "needs at least one end"),
        ("2024/", "'' is not a date"),
    ],
)
def test_parse_refuses(text: str, message: str) -> None:
    with pytest.raises(dates.DateError, match=message):
        dates.parse(text)


def test_parse_refuses_non_strings() -> None:
    with pytest.raises(dates.DateError, match="quoted string"):
        dates.parse(2024)  # type: ignore[arg-type]


def test_reversed_interval_is_its_own_error() -> None:
    with pytest.raises(dates.IntervalOrderError, match=r"starts \(2024-12\) after it ends \(2024-08\)"):
        dates.parse("2024-12/2024-08")
    assert dates.parse("2024-12/2024")  # December 2024 lies within 2024: not reversed


def test_parse_refuses_non_ascii_digits() -> None:
    with pytest.raises(dates.DateError):
        dates.parse("٢٠٢٤")


@pytest.mark.parametrize("value", ["0000", "0001-01", "9999-12", "1799-12-31", "2101", "1800/2101"])
def test_a_year_outside_the_timeline_s_range_is_a_diagnostic_not_a_crash(
    project: MiniProject, value: str
) -> None:
    project.event(variant('date: "2024-12"', f'date: "{value}"', PLAIN))
    d = only(project.validate(), "TL150")
    assert where(d) == (EVENT_PATH, 2, 7)
    assert "is outside the years a timeline may use (1800–2100)" in d.message


def test_the_range_s_ends_are_dates() -> None:
    assert dates.parse("1800-01-01") == Single(1800, 1, 1)
    assert dates.parse("2100-12-31") == Single(2100, 12, 31)


def test_a_correction_after_publication_is_refused(project: MiniProject) -> None:
    wrong = "The JCS confirmed on December 18, 2023, that at least 100 North Korean soldiers had died."
    problems = (
        "problems:\n  - kind: wrong-date\n    citation: 2\n    text: December 18, 2023\n"
        '    correction: "2025-12-18"\n    note: The year is wrong.\n'
    )
    text = variant("Analysts expect the fighting to continue for several more months.", wrong, PLAIN)
    project.event(text + problems)
    d = only(project.validate(), "TL152")
    assert where(d) == (EVENT_PATH, 15, 17)
    assert (
        d.message == "the correction 18 December 2025 lies after its source was published (26 December 2024)"
    )


def test_a_source_published_out_of_range(project: MiniProject) -> None:
    meta = (project.seeds / "beta.yaml").read_text(encoding="utf-8")
    project.write("seeds/beta.yaml", meta.replace('published: "2024-12"', 'published: "9999-12"'))
    d = only(project.validate(), "TL150")
    assert where(d) == ("seeds/beta.yaml", 4, 12)


# ---------------------------------------------------------------- bounds


@pytest.mark.parametrize(
    ("text", "first", "last", "precision"),
    [
        ("2024", date(2024, 1, 1), date(2024, 12, 31), Precision.YEAR),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), Precision.MONTH),
        ("2023-02", date(2023, 2, 1), date(2023, 2, 28), Precision.MONTH),
        ("2024-08~", date(2024, 8, 1), date(2024, 8, 31), Precision.MONTH),  # strict bounds, no fuzz
        ("2024-12-23", date(2024, 12, 23), date(2024, 12, 23), Precision.DAY),
        ("2024-08/2024-12", date(2024, 8, 1), date(2024, 12, 31), Precision.MONTH),
        ("2024-08/..", date(2024, 8, 1), date(2024, 8, 31), Precision.MONTH),
        ("../2024-12-05", date(2024, 12, 5), date(2024, 12, 5), Precision.DAY),
    ],
)
def test_bounds(text: str, first: date, last: date, precision: Precision) -> None:
    value = dates.parse(text)
    assert (dates.earliest(value), dates.latest(value), dates.precision(value)) == (first, last, precision)


def test_covers() -> None:
    december = Single(2024, 12)
    assert december.covers(Single(2024, 12, 23))
    assert not Single(2024, 12, 23).covers(december)
    assert Single(2024).covers(december)
    assert not december.covers(Single(2024, 11, 30))


# ---------------------------------------------------------------- labels


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("2024-06", "June 2024"),
        ("2024-12-23", "23 December 2024"),
        ("2024-08~", "c. August 2024"),
        ("2024-08/2024-12", "August–December 2024"),
        ("2024-08/..", "since August 2024"),
        ("../2024-12", "until December 2024"),
        ("2024-06?", "June 2024?"),
        ("2024", "2024"),
        ("2024-12-01/2024-12-05", "1–5 December 2024"),
        ("2024-11-28/2024-12-02", "28 November–2 December 2024"),
        ("2023-12/2024-01", "December 2023 – January 2024"),
    ],
)
def test_label(text: str, label: str) -> None:
    assert dates.label(dates.parse(text)) == label


def test_month_key_and_label() -> None:
    assert dates.month_key(dates.parse("2024-08/2024-12")) == (2024, 8)
    assert dates.month_label(2024, 8) == "August 2024"


# ---------------------------------------------------------------- sort order


def test_sort_key_earliest_day_then_coarser_then_id() -> None:
    given = {
        "z-day": "2024-06-01",
        "a-day": "2024-06-01",
        "month": "2024-06",
        "year": "2024",
        "period": "2024-05/2024-07",
        "since": "2024-06/..",
        "until": "../2024-06-15",
        "late": "2024-06-02",
    }
    order = sorted(given, key=lambda ident: dates.sort_key(dates.parse(given[ident]), ident))
    # 2024-01-01 (year); 2024-05-01 (period); 2024-06-01: month-precise (month, since) before days
    # (a-day, z-day) by id; 2024-06-02; 2024-06-15.
    assert order == ["year", "period", "month", "since", "a-day", "z-day", "late", "until"]


def test_timeline_is_sorted(project: MiniProject) -> None:
    project.event(EVENT)  # 2024-12-23
    project.event(variant("id: jcs-casualties", "id: b-plain", PLAIN), name="b-plain")  # 2024-12
    project.event(
        variant('date: "2024-12"', 'date: "2024-12~"', variant("id: jcs-casualties", "id: a-plain", PLAIN)),
        name="a-plain",
    )
    result = project.validate()
    assert result.diagnostics == ()
    assert [e.id for e in result.timeline.events] == ["a-plain", "b-plain", "jcs-casualties"]


# ---------------------------------------------------------------- TL150 / TL151 in events


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2024-13", "month 13 does not exist"),
        ("2023-02-30", "February 2023 has no day 30"),
        ("garbage", "'garbage' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
    ],
)
def test_tl150_invalid_event_date(project: MiniProject, value: str, message: str) -> None:
    project.event(variant('date: "2024-12"', f'date: "{value}"', PLAIN))
    d = only(project.validate(), "TL150")
    assert where(d) == (EVENT_PATH, 2, 7)
    assert message in d.message
    assert '"2024-08/2024-12"' in d.hint


def test_tl150_invalid_claim_date(project: MiniProject) -> None:
    project.event(variant('as_of: "2024-12"', 'as_of: "2024-13"'))
    d = only(project.validate(), "TL150")
    assert where(d) == (EVENT_PATH, 21, 12)
    assert d.message == "as_of: month 13 does not exist"


def test_tl151_reversed_interval(project: MiniProject) -> None:
    project.event(variant('date: "2024-12"', 'date: "2024-12/2024-08"', PLAIN))
    d = only(project.validate(), "TL151")
    assert where(d) == (EVENT_PATH, 2, 7)
    assert d.message == "the interval starts (2024-12) after it ends (2024-08)"
    assert d.hint == "swap the two ends"

"""Dates as articles write them (generator/datetext.py): calendar mentions and relative phrases."""

from __future__ import annotations

from datetime import timedelta

import pytest

from generator import dates, datetext
from generator.dates import Single

PUBLISHED = Single(2024, 12, 26)  # a Thursday


def found(text: str) -> list[tuple[str, int | None, int | None, int | None]]:
    return [(m.text, m.year, m.month, m.day) for m in datetext.mentions(text)]


def test_mentions_of_every_form() -> None:
    text = (
        "The JCS confirmed on December 18, 2023, that 23 December 2024 was the day; in June and in "
        "February 2022 too, and on Dec. 5th; last December does not count."
    )
    assert found(text) == [
        ("December 18, 2023", 2023, 12, 18),
        ("23 December 2024", 2024, 12, 23),
        ("June", None, 6, None),
        ("February 2022", 2022, 2, None),
        ("Dec. 5th", None, 12, 5),
    ]


def test_a_year_alone_is_a_mention() -> None:
    assert found("Russia invaded Ukraine in 2022.") == [("2022", 2022, None, None)]


def test_impossible_days_are_not_mentions() -> None:
    assert found("on February 30 and on April 31") == []
    assert found("on February 29") == [("February 29", None, 2, 29)]


def test_numbers_are_not_years() -> None:
    assert found("about 1,100 casualties and 3,000 troops, 11,000 in all") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("December 23", Single(2024, 12, 23)),
        ("December 27", Single(2023, 12, 27)),  # after publication in 2024: the year before
        ("in June", Single(2024, 6)),
        ("December 18, 2023", Single(2023, 12, 18)),  # a written year stands, right or wrong
    ],
)
def test_resolve_mention_takes_the_missing_year_from_publication(text: str, expected: Single) -> None:
    [mention] = datetext.mentions(text)
    assert datetext.resolve_mention(mention, PUBLISHED) == expected


@pytest.mark.parametrize(
    ("month", "day", "future", "year"),
    [
        # an article of 14 March 2025 reports the past ...
        (12, None, False, 2024),  # "in December"
        (4, None, False, 2024),  # "in April" (last April)
        (3, None, False, 2025),  # "in March": this month
        (3, 20, False, 2024),  # "on March 20": not yet, so last year's
        # ... and, in future-tense wording, what is to come
        (4, None, True, 2025),  # "by the end of April"
        (3, None, True, 2025),  # "will ... in March": this month
        (3, 10, True, 2026),  # "will ... on March 10": already past this year
        (1, None, True, 2026),
    ],
)
def test_year_for_follows_the_tense(month: int, day: int | None, future: bool, year: int) -> None:
    assert datetext.year_for(month, day, Single(2025, 3, 14), future=future) == year


def test_year_for_with_only_the_year_of_publication() -> None:
    assert datetext.year_for(11, None, Single(2024), future=False) == 2024
    assert datetext.year_for(11, None, Single(2024), future=True) == 2024


def test_resolve_mention_without_publication() -> None:
    [mention] = datetext.mentions("December 23")
    assert datetext.resolve_mention(mention, None) is None
    [dated] = datetext.mentions("23 December 2024")
    assert datetext.resolve_mention(dated, None) == Single(2024, 12, 23)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("On Monday", "2024-12-23"),
        ("on Friday", "2024-12-20"),
        ("On Thursday", "2024-12-26"),  # the day of publication itself
        ("today", "2024-12-26"),
        ("yesterday", "2024-12-25"),
        ("this month", "2024-12"),
        ("earlier this month", "2024-12"),
        ("last month", "2024-11"),
        ("this year", "2024"),
        ("earlier this year", "2024"),
        ("last year", "2023"),
        ("last June", "2024-06"),
        ("last December", "2023-12"),  # strictly before the month of publication
        ("since August", "2024-08"),
        ("in January", "2024-01"),
        ("early December", "2024-12"),
        ("late November", "2024-11"),
        ("over the past eight months", "2024-04/2024-12"),
        ("in the past 3 weeks", "2024-12-05/2024-12-26"),
        ("over the past two years", "2022/2024"),
    ],
)
def test_resolve_phrase(phrase: str, expected: str) -> None:
    assert dates.to_edtf(datetext.resolve_phrase(phrase, PUBLISHED)) == expected


def test_resolve_phrase_across_new_year() -> None:
    assert datetext.resolve_phrase("last month", Single(2024, 1, 10)) == Single(2023, 12)
    assert datetext.resolve_phrase("yesterday", Single(2024, 3, 1)) == Single(2024, 2, 29)
    assert datetext.resolve_phrase("On Sunday", Single(2025, 1, 1)) == Single(2024, 12, 29)


@pytest.mark.parametrize(
    ("phrase", "published", "message"),
    [
        ("recently", PUBLISHED, "not a relative date phrase"),
        ("On Monday", Single(2024, 12), "needs the day of publication"),
        ("yesterday", Single(2024, 12, uncertain=True), "needs the day of publication"),
        ("last month", Single(2024), "needs the month of publication"),
        ("On Monday", None, "publication date is unknown"),
    ],
)
def test_resolve_phrase_refuses(phrase: str, published: Single | None, message: str) -> None:
    with pytest.raises(datetext.PhraseError, match=message):
        datetext.resolve_phrase(phrase, published)


def test_month_phrases_need_only_the_month() -> None:
    assert datetext.resolve_phrase("this month", Single(2024, 12)) == Single(2024, 12)
    assert datetext.resolve_phrase("last year", Single(2024)) == Single(2023)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [("over the past 18 months", "2023-06/2024-12"), ("in the past 30 days", "2024-11-26/2024-12-26")],
)
def test_over_the_past_n_with_large_n(phrase: str, expected: str) -> None:
    assert dates.to_edtf(datetext.resolve_phrase(phrase, PUBLISHED)) == expected


@pytest.mark.parametrize(
    ("phrase", "published", "days"),
    [
        ("over the past two days", Single(2024, 12), 2),
        ("in the past 3 weeks", Single(2024, 12), 21),
        ("over the past three months", Single(2024), 89),
    ],
)
def test_a_period_covers_every_day_it_can_mean(phrase: str, published: Single, days: int) -> None:
    try:
        value = datetext.resolve_phrase(phrase, published)
    except datetext.PhraseError:
        return  # refusing is honest too
    assert dates.earliest(value) <= published.earliest - timedelta(days=days)
    assert dates.latest(value) >= published.latest

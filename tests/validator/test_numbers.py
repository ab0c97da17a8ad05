"""TL160/TL161: every number an event states appears in one of its quotes; a claim's in its own."""

from __future__ import annotations

import pytest

from generator.checks.text import canonical, numbers

from .project import EVENT_PATH, MiniProject, only, variant, where

TITLE = "title: South Korea's military estimates about 1,100 North Korean casualties"
RANGE_QUOTE = "Estimates of the losses ranged from 1,100 to 3,000, with most near 2,000."
TWO = variant(
    "      had been killed or wounded in the Kursk region.\n",
    f"      had been killed or wounded in the Kursk region.\n  - source: alpha\n    quote: {RANGE_QUOTE}\n",
)


def test_numbers_are_canonical() -> None:
    assert set(numbers("about 1,100 of 12,000 (1.50%) in 2024")) == {"1100", "12000", "1.5", "2024"}
    assert canonical(1100.0) == "1100" and canonical(1.5) == "1.5" and canonical("3,000") == "3000"


def test_digits_inside_a_word_are_not_split() -> None:
    assert "7" not in numbers("Su57 jets")
    assert "4" not in numbers("base64")
    assert "100" not in numbers("x1,100")


def test_tl160_number_in_title_not_in_quotes(project: MiniProject) -> None:
    project.event(variant(TITLE, TITLE.replace("1,100", "1,200")))
    d = only(project.validate(), "TL160")
    assert where(d) == (EVENT_PATH, 3, 8)
    assert d.message == "the number 1200 in the title is in none of the quotes"


def test_tl160_number_in_summary_not_in_quotes(project: MiniProject) -> None:
    project.event(
        variant("  wounded in the Kursk region.", "  wounded in the Kursk region, 40 of them officers.")
    )
    d = only(project.validate(), "TL160")
    assert where(d) == (EVENT_PATH, 4, 10)
    assert d.message == "the number 40 in the summary is in none of the quotes"


@pytest.mark.parametrize("written", ["1100", "1,100", "1,100.0"])
def test_thousands_separators_do_not_matter(project: MiniProject, written: str) -> None:
    project.event(variant(TITLE, TITLE.replace("1,100", written)))
    assert project.validate().diagnostics == ()


def test_the_events_own_year_is_exempt(project: MiniProject) -> None:
    project.event(variant(TITLE, TITLE + " in 2024"))
    assert project.validate().diagnostics == ()


def test_another_year_is_not_exempt(project: MiniProject) -> None:
    project.event(variant(TITLE, TITLE + " in 2023"))
    d = only(project.validate(), "TL160")
    assert d.message == "the number 2023 in the title is in none of the quotes"


def test_tl160_claim_figure_in_no_quote(project: MiniProject) -> None:
    project.event(variant("    value: 1100", "    value: 1200"))
    d = only(project.validate(), "TL160")
    assert where(d) == (EVENT_PATH, 19, 12)
    assert d.message == "the figure 1200 is in none of the quotes"


def test_tl161_claim_figure_in_another_quote(project: MiniProject) -> None:
    project.event(variant("    value: 1100", "    value: 3000", TWO))
    d = only(project.validate(), "TL161")
    assert where(d) == (EVENT_PATH, 21, 12)
    assert d.message == "the figure 3000 is not in the quote of citation 1"
    assert "point `citation`" in d.hint


def test_a_claim_pointing_at_the_right_quote(project: MiniProject) -> None:
    text = variant("    value: 1100", "    value: 3000", TWO).replace(
        "    citation: 1\n", "    citation: 2\n"
    )
    text = text.replace("  - citation: 2\n    phrase", "  - citation: 1\n    phrase")
    project.event(text)
    assert project.validate().diagnostics == ()


def test_range_bounds_are_checked_too(project: MiniProject) -> None:
    text = variant("qualifier: about\n    value: 1100", "qualifier: range\n    min: 1100\n    max: 4000", TWO)
    project.event(text)
    d = only(project.validate(), "TL160")
    assert where(d) == (EVENT_PATH, 22, 10)
    assert d.message == "the figure 4000 is in none of the quotes"


def test_digits_in_a_link_target_are_not_numbers(project: MiniProject) -> None:
    project.event(
        variant(
            "  wounded in the Kursk region.\n",
            "  wounded in the Kursk region ([report](https://example.org/news/2023/story-77)).\n",
        )
    )
    assert project.validate().diagnostics == ()

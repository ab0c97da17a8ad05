"""Facts of a source looked up by span must equal scanning the quote itself, and a fact cut by a span's
edge must send the caller back to the quote."""

from __future__ import annotations

import random

from generator.datetext import mentions
from generator.facts import Facts, numbers

TEXT = (
    "On December 23, 2024, officials said 1,100 soldiers were hurt.\n"
    "A further 3,000 were reported\nby Ukraine in June, and 240mm launchers were sent."
)


def test_whole_sentence_matches_scanning_the_quote() -> None:
    facts = Facts(TEXT)
    end = TEXT.index("\n")
    assert facts.numbers(0, end) == numbers(TEXT[:end]) == {"23", "2024", "1100"}
    found = facts.mentions(0, end)
    assert found is not None
    assert [m.text for m in found] == [m.text for m in mentions(TEXT[:end])] == ["December 23, 2024"]


def test_a_number_cut_by_the_span_is_not_looked_up() -> None:
    facts = Facts(TEXT)
    cut = TEXT.index("1,100") + 3  # the span ends inside "1,100"
    assert facts.numbers(0, cut) is None
    assert facts.numbers(TEXT.index("1,100") + 1, len(TEXT)) is None


def test_a_date_cut_by_the_span_is_not_looked_up() -> None:
    facts = Facts(TEXT)
    assert facts.mentions(0, TEXT.index("December") + 5) is None


def test_dates_across_a_line_break_are_written_with_one_space() -> None:
    text = "It happened on December\n23 in the north."
    found = Facts(text).mentions(0, len(text))
    assert found is not None and [m.text for m in found] == ["December 23"]


def test_random_spans_agree_with_scanning() -> None:
    rng = random.Random(7)
    facts = Facts(TEXT)
    words = [i for i, c in enumerate(TEXT) if c == " "] + [len(TEXT)]
    for _ in range(300):
        a, b = sorted(rng.sample([0, *words], 2))
        start = a + 1 if a else 0
        looked_up = facts.numbers(start, b)
        if looked_up is not None:
            assert looked_up == numbers(TEXT[start:b]), TEXT[start:b]

"""TL140–TL144: every quote is in its source verbatim (but for whitespace), exactly once, in the story."""

from __future__ import annotations

import re

import pytest

from .project import ALPHA, EVENT_PATH, PLAIN, SECOND_QUOTE, MiniProject, only, variant, where

REPEATED = "Officials said the figures were still being reviewed."


def second_quote(lines: str) -> str:
    """PLAIN with its second citation's quote replaced by ``lines`` (YAML, indented 4)."""
    return variant(SECOND_QUOTE, lines, PLAIN)


# ---------------------------------------------------------------- TL140 not found


def test_tl140_straight_apostrophe_for_curly(project: MiniProject) -> None:
    project.event(
        second_quote("    quote: Seoul's spy agency said recently that more troops could follow.\n")
    )
    d = only(project.validate(), "TL140")
    assert where(d) == (EVENT_PATH, 10, 12)
    assert d.message == "the quote is not in alpha"
    first, *differences = d.hint.splitlines()
    assert first == (
        'closest passage in alpha, line 14: "Seoul’s spy agency said recently that more troops could follow."'
    )
    assert differences == [
        "the quote has 'Seoul's' where the source has 'Seoul’s': ''' (U+0027 APOSTROPHE) for '’' (U+2019 "
        "RIGHT SINGLE QUOTATION MARK)",
        "only quotes, dashes or letter case differ: copy the source's characters exactly",
    ]


def test_tl140_changed_word(project: MiniProject) -> None:
    project.event(second_quote("    quote: Analysts expect the fighting to last for several more months.\n"))
    d = only(project.validate(), "TL140")
    assert "closest passage in alpha" in d.hint
    assert "Analysts expect the fighting to continue for several more months." in d.hint


def test_tl140_nothing_similar(project: MiniProject) -> None:
    project.event(second_quote("    quote: The moon is made of green cheese, astronomers said.\n"))
    d = only(project.validate(), "TL140")
    assert d.hint == "no similar passage in alpha: is it the right source?"


def test_tl140_quote_from_the_other_source(project: MiniProject) -> None:
    project.event(
        second_quote("    quote: North Korea is supplying artillery shells to Russia, the agency said.\n")
    )
    d = only(project.validate(), "TL140")
    assert "not in alpha" in d.message


def test_tl140_closest_passage_is_the_sentence_itself(project: MiniProject) -> None:
    project.event(second_quote("    quote: Analysts expect fighting to continue for several more months.\n"))
    d = only(project.validate(), "TL140")
    first, *differences = d.hint.splitlines()
    assert first == (
        "closest passage in alpha, line 13: "
        '"Analysts expect the fighting to continue for several more months."'
    )
    assert differences == ["the source has 'the' after 'expect', which the quote lacks"]


# ---------------------------------------------------------------- whitespace may differ


@pytest.mark.parametrize(
    "quote",
    [
        # folded across a line break where the source has a space, and one line where the source breaks
        "    quote: >-\n      North Korean soldiers had been killed or\n      wounded in the Kursk region.\n",
        "    quote: North Korean soldiers had been killed or wounded in the Kursk region.\n",
        '    quote: "North Korean   soldiers had\\tbeen\\n\\nkilled or wounded in the Kursk region. "\n',
        "    quote: |\n      North Korean soldiers\n      had been\n"
        "      killed or wounded in the Kursk region.\n",
    ],
)
def test_whitespace_differences_are_accepted(project: MiniProject, quote: str) -> None:
    project.event(second_quote(quote))
    result = project.validate()
    assert result.diagnostics == ()
    span = result.timeline.events[0].citations[1].span
    assert ALPHA[span.start : span.end] == (
        "North Korean soldiers had been\nkilled or wounded in the Kursk region."
    )


def test_whitespace_is_not_allowed_inside_a_word(project: MiniProject) -> None:
    project.event(
        second_quote("    quote: Analysts expect the fight ing to continue for several more months.\n")
    )
    assert only(project.validate(), "TL140")


# ---------------------------------------------------------------- TL141 ambiguous


def test_tl141_ambiguous_quote_suggests_a_prefix_that_works(project: MiniProject) -> None:
    project.event(second_quote(f"    quote: {REPEATED}\n"))
    d = only(project.validate(), "TL141")
    assert where(d) == (EVENT_PATH, 10, 12)
    assert d.message == "the quote occurs 2 times in alpha"
    suggestion = re.fullmatch(r'add `prefix: "(.+)"` to pick one', d.hint)
    assert suggestion, d.hint
    assert (
        ALPHA.count(suggestion[1] + " " + REPEATED) == 1 or ALPHA.count(suggestion[1] + "\n" + REPEATED) == 1
    )

    project.event(second_quote(f'    quote: {REPEATED}\n    prefix: "{suggestion[1]}"\n'))
    assert project.validate().diagnostics == ()


def test_prefix_picks_the_second_occurrence(project: MiniProject) -> None:
    project.event(second_quote(f"    quote: {REPEATED}\n    prefix: had been killed or wounded.\n"))
    result = project.validate()
    assert result.diagnostics == ()
    span = result.timeline.events[0].citations[1].span
    assert span.start == ALPHA.rindex(REPEATED)
    assert ALPHA[span.start : span.end] == REPEATED


def test_suffix_picks_the_first_occurrence(project: MiniProject) -> None:
    project.event(second_quote(f"    quote: {REPEATED}\n    suffix: Ukraine’s President said\n"))
    result = project.validate()
    assert result.diagnostics == ()
    assert result.timeline.events[0].citations[1].span.start == ALPHA.index(REPEATED)


# ---------------------------------------------------------------- TL142 too short


def test_tl142_too_short(project: MiniProject) -> None:
    project.event(second_quote("    quote: he fighting to cont\n"))
    d = only(project.validate(), "TL142")
    assert where(d) == (EVENT_PATH, 10, 12)
    assert d.message == "the quote is 19 characters; at least 20 are needed"


def test_twenty_characters_are_enough(project: MiniProject) -> None:
    project.event(second_quote('    quote: "  the fighting to cont  "\n'))  # ends trimmed: 20 characters
    assert project.validate().diagnostics == ()


# ---------------------------------------------------------------- TL143 prefix / suffix


def test_tl143_prefix_that_matches_nothing(project: MiniProject) -> None:
    project.event(second_quote(SECOND_QUOTE + "    prefix: Something else entirely\n"))
    d = only(project.validate(), "TL143")
    assert where(d) == (EVENT_PATH, 11, 13)
    assert d.message == "the quote occurs 1 time(s) in alpha, and 0 with this prefix/suffix"


def test_tl143_suffix_that_matches_neither_occurrence(project: MiniProject) -> None:
    project.event(second_quote(f"    quote: {REPEATED}\n    suffix: Nothing like this\n"))
    d = only(project.validate(), "TL143")
    assert where(d) == (EVENT_PATH, 11, 13)
    assert "occurs 2 time(s)" in d.message and "0 with this prefix/suffix" in d.message


def test_tl143_prefix_that_matches_both_occurrences(project: MiniProject) -> None:
    project.event(second_quote(f'    quote: {REPEATED}\n    prefix: "."\n'))  # both follow a full stop
    d = only(project.validate(), "TL143")
    assert where(d) == (EVENT_PATH, 11, 13)
    assert "occurs 2 time(s)" in d.message and "2 with this prefix/suffix" in d.message


# ---------------------------------------------------------------- TL144 unrelated part


def test_tl144_quote_in_the_sidebar(project: MiniProject) -> None:
    project.event(second_quote("    quote: Stock markets rallied after a quiet week of trading in Seoul.\n"))
    d = only(project.validate(), "TL144")
    assert where(d) == (EVENT_PATH, 10, 12)
    assert "(The publisher's sidebar of unrelated headlines.)" in d.message
    assert "not the sidebar" in d.hint


def test_tl144_quote_overlapping_the_start_of_the_sidebar(project: MiniProject) -> None:
    project.event(second_quote("    quote: for several more months.\n"))  # control: fine
    assert project.validate().diagnostics == ()
    project.event(second_quote("    quote: in January 2025. Latest Contents\n"))
    assert only(project.validate(), "TL144")

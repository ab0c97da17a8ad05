"""Properties that hold for every input, checked with Hypothesis."""

from __future__ import annotations

import calendar
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from generator import dates, facts, yamlguard
from generator.dates import Interval, Single
from generator.quotes import IndexedText, locate, normalize


@st.composite
def singles(draw: st.DrawFn) -> Single:
    year = draw(st.integers(dates.EARLIEST_YEAR, dates.LATEST_YEAR))
    month = draw(st.none() | st.integers(1, 12))
    day = None if month is None else draw(st.none() | st.integers(1, calendar.monthrange(year, month)[1]))
    return Single(year, month, day, approximate=draw(st.booleans()), uncertain=draw(st.booleans()))


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    a, b = draw(singles()), draw(singles())
    if a.earliest > b.latest:
        a, b = b, a
    which = draw(st.sampled_from(["both", "open end", "open start"]))
    return Interval(None if which == "open start" else a, None if which == "open end" else b)


@given(singles())
def test_single_round_trips(value: Single) -> None:
    assert dates.parse(value.edtf()) == value
    assert dates.parse(dates.to_edtf(value)) == value


@given(intervals())
def test_interval_round_trips(value: Interval) -> None:
    assert dates.parse(dates.to_edtf(value)) == value


@given(singles() | intervals())
def test_earliest_not_after_latest(value: dates.EDTF) -> None:
    assert dates.earliest(value) <= dates.latest(value)
    assert dates.label(value)  # every valid date has a label
    for part in dates.parts(value):
        assert part.covers(part)


@settings(max_examples=50)
@given(st.lists(singles() | intervals(), min_size=2, max_size=6))
def test_sorting_follows_the_earliest_day(values: list[dates.EDTF]) -> None:
    keyed = sorted((dates.sort_key(v, f"e{i}"), v) for i, v in enumerate(values))
    firsts = [dates.earliest(v) for _, v in keyed]
    assert firsts == sorted(firsts)


WHITESPACE = st.text(alphabet=" \t\n\r\x0b\x0c\x1c\x85\xa0\u2028\u3000", min_size=1, max_size=4)
WORDS = st.text(alphabet="abcxyz’'.,1é", min_size=1, max_size=5)


@settings(max_examples=150)
@given(st.lists(st.tuples(WORDS, WHITESPACE), min_size=1, max_size=12), WHITESPACE, st.data())
def test_original_offsets_map_back(pairs: list[tuple[str, str]], lead: str, data: st.DataObject) -> None:
    """Whatever whitespace the source has, a normalized match maps back to a span of the original text
    that normalizes to the needle."""
    text = lead + "".join(word + space for word, space in pairs)
    words = [word for word, _ in pairs]
    i = data.draw(st.integers(0, len(words) - 1))
    j = data.draw(st.integers(i + 1, len(words)))
    needle = " ".join(words[i:j])
    index = IndexedText(text)
    hits = index.find_all(needle)
    assert hits
    for hit in hits:
        start, end = index.original(hit), index.original_end(hit + len(needle))
        assert normalize(text[start:end]) == needle
        assert not text[start].isspace() and not text[end - 1].isspace()


@settings(max_examples=100)
@given(st.lists(st.tuples(WORDS, WHITESPACE), min_size=3, max_size=12), st.data())
def test_a_quote_with_other_whitespace_is_found(pairs: list[tuple[str, str]], data: st.DataObject) -> None:
    text = "".join(word + space for word, space in pairs)
    words = [word for word, _ in pairs]
    i = data.draw(st.integers(0, len(words) - 1))
    j = data.draw(st.integers(i + 1, len(words)))
    quote = "".join(w + data.draw(WHITESPACE) for w in words[i:j])  # re-spaced any way at all
    found = locate(IndexedText(text), quote)
    needle = " ".join(words[i:j])
    assert found.occurrences >= 1
    if found.occurrences == 1:
        assert found.match is not None
        assert normalize(text[found.match.start : found.match.end]) == needle
    else:
        assert found.match is None  # ambiguous: a prefix or suffix must pick one


@given(st.text(alphabet=st.sampled_from("ab \t\n\r\x0b\x0c\x1c\x85\xa0\u2028\u3000é")))
def test_the_normalized_text_collapses_every_whitespace_run_to_one_space(text: str) -> None:
    """IndexedText's fast collapse agrees with the regular expression it replaces, ends included."""
    assert IndexedText(text).norm == re.sub(r"\s+", " ", text)


@given(st.text(alphabet=st.sampled_from("0129.,a_ -٣x")))
def test_numbers_are_found_where_the_plain_pattern_finds_them(text: str) -> None:
    """The digit-first number pattern (fast to search) matches exactly what its plain form matches."""
    plain = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*")
    assert [m.span() for m in facts._NUMBER.finditer(text)] == [m.span() for m in plain.finditer(text)]


@given(st.text(alphabet=st.sampled_from("&* \t\n:-[{,?ab")))
def test_the_anchor_prefilter_agrees_with_its_regex_form(text: str) -> None:
    """alias_like (str.find) flags exactly the texts its plain form flags: a marker followed by a
    non-space, at a spot where a node can start."""
    expected = any(
        text[max(0, m.start() - 40) : m.start()].rstrip(" \t")[-1:] in yamlguard._NODE_START
        for m in re.finditer(r"[&*]\S", text)
    )
    assert yamlguard.alias_like(text) == expected

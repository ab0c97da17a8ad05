"""The pieces: links, escaping and the summary subset, figures, and source highlighting."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest
from markupsafe import Markup

from generator import dates
from generator.model import Citation, Claim, Event, Source, Span, Tag, Timeline, Unrelated, Vocabulary
from generator.render import Options, render_site
from generator.render.context import Links
from generator.render.numbers import agreement, estimates, figure, spread, unnamed
from generator.render.text import md_text, safe_url, summary_html

# ---------------------------------------------------------------- links


@pytest.mark.parametrize(
    ("directory_urls", "source", "target", "anchor", "expected"),
    [
        (True, "index.md", "timeline.md", "", "timeline/"),
        (True, "timeline.md", "index.md", "", "../"),
        (True, "timeline.md", "dated/2024-06.md", "e-x", "../dated/2024-06/#e-x"),
        (True, "dated/2024-06.md", "sources/s1.md", "q-x-1", "../../sources/s1/#q-x-1"),
        (True, "dated/2024-06.md", "dated/index.md", "", "../../dated/"),
        (True, "dated/2024-06.md", "dated/2024-06.md", "e-x", "#e-x"),
        (True, "index.md", "index.md", "", "./"),
        (False, "index.md", "timeline.md", "", "timeline.html"),
        (False, "dated/2024-06.md", "sources/s1.md", "q-x-1", "../sources/s1.html#q-x-1"),
        (False, "timeline.md", "dated/index.md", "", "dated/index.html"),
    ],
)
def test_links(directory_urls: bool, source: str, target: str, anchor: str, expected: str) -> None:
    assert Links(directory_urls).href(source, target, anchor) == expected


# ---------------------------------------------------------------- text


def test_summary_subset() -> None:
    html = summary_html("Said *about* **1,100**, `code`, [a link](https://example.org/a?b=1&c=2).\n\nTwo")
    assert html == (
        "<p>Said <em>about</em> <strong>1,100</strong>, <code>code</code>, "
        '<a href="https://example.org/a?b=1&amp;c=2" rel="nofollow noopener">a link</a>.</p><p>Two</p>'
    )
    assert summary_html("snake_case_name and 2*3*4") == "<p>snake_case_name and 2<em>3</em>4</p>"


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        '[x](https://a.b/"onmouseover=alert(1))',
        "**<b onmouseover=alert(1)>bold</b>**",
    ],
)
def test_summary_never_lets_html_through(hostile: str) -> None:
    html = summary_html(f"Before {hostile} after")
    assert "<script" not in html and "<img" not in html and "<b " not in html
    assert "javascript:" not in re.sub(r"&[a-z]+;|\[click\]\(javascript:alert\(1\)\)", "", html) or (
        'href="javascript' not in html
    )
    assert not re.search(r"<[a-z]+[^>]*\son\w+=", html)


def test_md_text_is_inert() -> None:
    text = md_text("A *b* _c_ `d` [e](f) <script>x</script> # & :smile: ==m== ~~s~~ ++k++")
    assert re.fullmatch(r"[A-Za-z0-9 &#;.,'/-]*", text), text
    assert "<" not in text


def test_safe_url() -> None:
    assert safe_url("https://example.org/x") == "https://example.org/x"
    assert safe_url("HTTP://example.org") == "HTTP://example.org"
    for bad in ("javascript:alert(1)", "data:text/html,x", "//evil.org", 'https://a"b', "ftp://x", None):
        assert safe_url(bad) is None


# ---------------------------------------------------------------- figures


def _claim(
    qualifier: str,
    value: float | None = None,
    low: float | None = None,
    high: float | None = None,
    claimant: str = "A",
) -> Claim:
    return Claim("m", qualifier, claimant, dates.parse("2024-12"), 0, value, low, high)


@pytest.mark.parametrize(
    ("claim", "text"),
    [
        (_claim("exact", 1100), "1,100"),
        (_claim("about", 1100), "about 1,100"),
        (_claim("at-least", 100), "at least 100"),
        (_claim("at-most", 12.5), "at most 12.5"),
        (_claim("range", None, 1000, 3000), "1,000–3,000"),
        (_claim("range", 2000, 1000, 3000), "2,000 (1,000–3,000)"),
        (_claim("range", None, 3000), "3,000+"),
    ],
)
def test_figure(claim: Claim, text: str) -> None:
    assert figure(claim) == text


def test_spread() -> None:
    found = spread(
        [
            _claim("about", 1100, claimant="A"),
            _claim("at-least", 3000, claimant="B"),
            _claim("about", 1100, claimant="A"),
        ]
    )
    assert found is not None
    # each end keeps its qualifier; the same claim reported twice is one estimate, counted once
    assert (found.text, found.differ, found.estimates, found.claimants, found.reports) == (
        "about 1,100 to at least 3,000",
        True,
        2,
        2,
        3,
    )
    assert agreement(found) == "estimates differ: 2 estimates by 2 claimants"
    same = spread([_claim("at-least", 100, claimant="A"), _claim("at-least", 100, claimant="B")])
    assert same is not None and (same.text, same.differ) == ("at least 100", False)
    assert agreement(same) == "2 claimants give the same figure"


def test_unnamed_sources_are_counted_apart_from_claimants() -> None:
    found = spread(
        [
            _claim("at-least", 12000, claimant="Zelensky"),
            _claim("at-least", 10000, claimant="U.S. officials"),
            _claim("about", 10000, claimant="South Korean intelligence"),
            _claim("about", 12000, claimant="Not named in the article"),
        ]
    )
    assert found is not None
    assert (found.estimates, found.claimants, found.unnamed) == (4, 3, 1)
    assert agreement(found) == "estimates differ: 4 estimates, from 3 named claimants and 1 unnamed source"
    two = spread(
        [
            _claim("about", 100, claimant="Not named in the article"),
            _claim("about", 200, claimant='Not named in the article ("estimates suggest")'),
        ]
    )
    assert two is not None and (two.claimants, two.unnamed) == (0, 2)
    assert agreement(two) == "estimates differ: 2 estimates, from 2 unnamed sources"
    assert unnamed("Not named in the article") and not unnamed("Named Person")


def test_reports_of_one_estimate_are_one_estimate_never_agreement() -> None:
    reports = [
        replace(_claim("at-least", 1100, claimant="JCS"), estimate="jcs-dec", citation=0),
        replace(_claim("about", 1100, claimant="JCS"), estimate="jcs-dec", citation=1),
        replace(_claim("at-least", 1100, claimant="JCS"), estimate="jcs-dec", citation=2),
        replace(_claim("at-least", 1000, claimant="JCS"), estimate="jcs-dec", citation=3),
    ]
    (one,) = estimates(reports, lambda c: c)
    assert figure(one.headline) == "at least 1,100"  # the wording most reports use
    assert one.wordings == ["at least 1,100", "about 1,100", "at least 1,000"]
    found = spread(reports)
    assert found is not None
    assert (found.text, found.differ, found.estimates, found.claimants) == ("at least 1,100", False, 1, 1)
    assert agreement(found) == "one estimate, reported 4 times"


# ---------------------------------------------------------------- source highlighting

TEXT = "Title line\nFirst sentence is here. Second sentence follows.\n\nSidebar: unrelated stuff\n"


def _event(ident: str, quotes: list[tuple[int, int]], day: str = "2024-12-01") -> Event:
    citations = tuple(Citation("s", TEXT[a:b], Span("s", a, b)) for a, b in quotes)
    return Event(
        ident, f"events/{ident}.yaml", dates.parse(day), f"Title of {ident}", "Summary.", ("t",), citations
    )


def _source_page(events: list[Event]) -> str:
    sidebar = TEXT.index("Sidebar")
    source = Source(
        "s",
        "A source",
        None,
        None,
        dates.parse("2024-12-02"),
        "header",
        "0" * 64,
        TEXT,
        (Unrelated(sidebar, len(TEXT), "A sidebar"),),
    )
    timeline = Timeline(tuple(events), {"s": source}, Vocabulary({"t": Tag("t", "T")}, {}))
    return render_site(timeline, Options())["sources/s.md"]


class _Marks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.paragraphs = 0
        self.depth = 0
        self.max_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "mark":
            self.depth += 1
            self.max_depth = max(self.max_depth, self.depth)
            self.ids += [v or "" for k, v in attrs if k == "id"]
        if tag == "p":
            self.paragraphs += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self.depth -= 1


def test_overlapping_citations_split_into_segments() -> None:
    first = TEXT.index("First")
    second = TEXT.index("Second")
    end = TEXT.index("follows.") + len("follows.")
    page = _source_page([_event("a", [(first, second + 6)]), _event("b", [(first + 6, end)])])
    article = page.split('<div class="tl-article">', 1)[1]
    parser = _Marks()
    parser.feed(article)
    assert parser.ids == ["q-a-1", "q-b-1"]
    assert parser.paragraphs == 3  # title, sentences, sidebar: one per line, none for the blank line
    # the shared segment is one mark naming both events, where b begins; a's back-link follows it
    shared = (
        '<mark class="tl-q" id="q-b-1" title="Cited by: Title of a; Title of b">'
        "sentence is here. Second</mark>"
    )
    back = (
        '<sup class="tl-back" data-search-exclude><a href="../../dated/2024-12/#e-a-c1" title="back to: Title'
        ' of a"><span aria-hidden="true">↩1</span>'
        '<span class="tl-sr">back to event 1: Title of a</span></a></sup>'
    )
    assert shared + back in article  # to the citation on the event's card, named for screen readers
    assert article.count("↩") == 2
    assert '<span class="tl-unrelated-note">Not part of the article: A sidebar</span>' in article
    assert '<p class="tl-unrelated">' in article


def test_citations_starting_together_nest_their_ids() -> None:
    first = TEXT.index("First")
    page = _source_page(
        [_event("a", [(first, first + 14)]), _event("b", [(first, first + 14)], "2024-12-02")]
    )
    parser = _Marks()
    parser.feed(page)
    assert sorted(parser.ids) == ["q-a-1", "q-b-1"] and parser.max_depth == 2
    assert (
        '<span class="tl-sr">back to event 1: Title of a</span></a>, <a' in page
    )  # one mark, both back-links


def test_citation_across_a_line_break_keeps_paragraphs() -> None:
    start = TEXT.index("line")
    page = _source_page([_event("a", [(start, TEXT.index(" is here"))])])
    article = page.split('<div class="tl-article">', 1)[1]
    assert '<p>Title <mark class="tl-q" id="q-a-1"' in article
    assert '<p><mark class="tl-q" title="Cited by: Title of a">First sentence</mark><sup' in article


def test_a_badge_says_what_its_plus_counts() -> None:
    from generator.render import Renderer
    from generator.render.cards import badge

    claims = (_claim("about", 100), _claim("at-least", 300, claimant="B"), _claim("exact", 7, claimant="C"))
    event = replace(_event("e", [(11, 34)]), claims=claims)
    source = Source("s", "A source", None, None, dates.parse("2024-12-02"), "header", "0" * 64, TEXT)
    site = Renderer(Timeline((event,), {"s": source}, Vocabulary({"t": Tag("t", "T")}, {})), Options()).site
    assert badge(site, event) == "about 100 +2 more figures"
    assert badge(site, replace(event, claims=claims[:2])) == "about 100 +1 more figure"


def test_a_key_figures_date_is_no_more_precise_than_its_claims() -> None:
    from generator.render.home import _as_of

    assert _as_of([dates.parse("2024-12")]) == "as of December 2024"
    assert _as_of([dates.parse("../2024-12?"), dates.parse("../2024-12?")]) == "probably by December 2024"
    mixed = [dates.parse("2024-12"), dates.parse("../2024-12-23"), dates.parse("2024-12?")]
    assert _as_of(mixed) == "as of December 2024 (some only by then, some only probably)"
    assert _as_of([dates.parse("2024")]) == "as of 2024"  # not "January–December 2024"
    assert _as_of([dates.parse("2023"), dates.parse("2024-06")]) == "as of 2023–2024"


def test_a_year_or_by_group_of_only_probable_dates_says_so() -> None:
    from generator.render.context import Options, group_title
    from generator.render.groups import MONTH, UNTIL, YEAR, Group

    class _E:  # group_title reads only an event's date
        def __init__(self, date: str) -> None:
            self.date = dates.parse(date)

    options = Options()
    assert group_title(options, Group(YEAR, 2024), [_E("2024?")]) == "2024 (probably) — month not stated"
    assert group_title(options, Group(YEAR, 2024), [_E("2024")]) == "2024 — month not stated"
    by = Group(UNTIL, 2024, 12)
    assert group_title(options, by, [_E("../2024-12?")]) == "By December 2024 (probably) — date not stated"
    mixed = [_E("../2024-12?"), _E("../2024-12-23")]
    assert group_title(options, by, mixed) == "By December 2024 — date not stated"
    assert group_title(options, Group(MONTH, 2024, 4), [_E("2024-04?")]) == "April 2024 (probably)"


class _Html:
    def __html__(self) -> str:
        return "<b>safe</b>"


class _Text(str):
    pass


@pytest.mark.parametrize(
    "value",
    ['<a href="x">&\'</a>', "", "plain", Markup("<i>kept</i>"), _Html(), 12, 1.5, None, _Text("<s>")],
)
def test_the_templates_escape_exactly_as_markupsafe(value: object) -> None:
    from markupsafe import escape

    from generator.render.templates import Templates, _escape

    assert _escape(value) == escape(value) and type(_escape(value)) is Markup
    template = Templates().env.from_string("{{ v }}|{{ [v] | first }}")
    assert template.render(v=value) == f"{escape(value)}|{escape(value)}"

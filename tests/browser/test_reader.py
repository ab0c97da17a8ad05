"""What a reader gets, in Debian's Chromium on the repository's built site (issue 9): dates at their proven
precision, the overview axis, months that read, figures by claimant, truthful problem tags, source pages
that lead back and take the focus, a quiet search index, navigation that shows where one is."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.render.cards import problem_label
from generator.render.groups import YEAR, group_of
from generator.validate import Project, validate_project

from .served import DESKTOP, PHONE, PHONE_OPTIONS, ROOT, Session

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def timeline() -> Any:
    result = validate_project(Project(ROOT / "events", ROOT / "seeds", root=ROOT))
    assert result.ok
    return result.timeline


# ---------------------------------------------------------------- 1. dates at their proven precision


def test_a_year_only_event_is_on_no_month_page(desktop: Session, site: Path, timeline: Any) -> None:
    year_only = [e for e in timeline.events if group_of(e.date).kind == YEAR]
    assert year_only, "the repository's data has a year-only event"
    event = year_only[0]
    year = str(event.date.earliest.year)
    page = desktop.open(f"dated/{year}/")
    assert page.locator("h1").inner_text().startswith(f"{year} — month not stated")
    assert page.locator(f"#e-{event.id}").count() == 1
    assert not (site / "dated" / f"{year}-01").exists()
    for month in site.glob(f"dated/{year}-*/index.html"):
        assert f'id="e-{event.id}"' not in month.read_text(encoding="utf-8"), month


def test_month_counts_count_only_that_months_events(desktop: Session) -> None:
    page = desktop.open("dated/2024-12/")
    cards = page.locator(".tl-event").count()
    assert page.locator(".tl-lede").inner_text().startswith(f"{cards} events under December 2024: ")
    dates_shown = page.locator(".tl-event .tl-meta .tl-date").all_inner_texts()
    assert dates_shown and all("December 2024" in d and not d.startswith("by") for d in dates_shown)
    by = desktop.open("dated/by-2024-12/")
    assert all(
        d.startswith(("by ", "probably by "))
        for d in by.locator(".tl-event .tl-meta .tl-date").all_inner_texts()
    )


def test_every_time_element_is_machine_readable_and_uncertain_dates_say_why(desktop: Session) -> None:
    for path in ("", "timeline/", "dated/2024-12/", "dated/by-2024-12/", "tags/kursk/", "sources/"):
        page = desktop.open(path)
        missing = page.evaluate("[...document.querySelectorAll('time:not([datetime])')].length")
        assert missing == 0, path
        assert "EDTF" not in page.content(), path
    page = desktop.open("dated/2024-12/")
    why = page.locator(".tl-why").first.inner_text()
    assert why.startswith("(uncertain: ") and "inferred" in why


# ---------------------------------------------------------------- 2. the overview axis


@pytest.mark.parametrize("path", ["", "timeline/"])
def test_the_overview_links_every_event_by_name(desktop: Session, timeline: Any, path: str) -> None:
    page = desktop.open(path)
    marks = page.locator("svg.tl-overview-svg a")
    names = page.evaluate(
        "[...document.querySelectorAll('svg.tl-overview-svg a')]"
        ".map(a => a.querySelector('title').textContent)"
    )
    assert all(re.search(r"\(.*\d{4}.*\)$|^\d+ events, .*: the page for ", n) for n in names)
    counted = [int(n.split()[0]) for n in names if re.match(r"\d+ events, ", n)]
    assert len(names) - len(counted) + sum(counted) == len(timeline.events)  # each event, once
    box = page.locator("svg.tl-overview-svg").bounding_box()
    room = page.locator(".md-content").bounding_box()
    assert box is not None and room is not None and box["width"] <= room["width"]  # no sideways scroll
    assert page.locator(".tl-scroll-cue").is_hidden()
    desktop.shot(f"desktop-overview-{path.strip('/') or 'home'}")
    marks.first.focus()
    marks.first.press("Enter")
    page.wait_for_load_state("networkidle")
    assert "#e-" in page.url and page.locator(":target").count() == 1


def test_the_overview_shows_june_august_december_and_no_invented_start(desktop: Session) -> None:
    page = desktop.open("timeline/")
    months = page.locator("svg.tl-overview-svg text.tl-month").all_text_contents()
    assert {"Jun", "Aug", "Dec"} <= set(months)
    bands = page.evaluate(
        "[...document.querySelectorAll('svg.tl-overview-svg .tl-band')]"
        ".map(b => b.getBoundingClientRect().left)"
    )
    svg = page.locator("svg.tl-overview-svg").bounding_box()
    assert svg is not None and len(bands) == 3
    assert bands[0] - svg["x"] < 0.6 * svg["width"]  # June is not squeezed into the right fifth
    # every "by" event is an end tick and a dotted line with an open start, never a bar
    by = page.locator("svg.tl-overview-svg a.tl-om-by")
    assert by.count() >= 2
    assert page.locator("svg.tl-overview-svg a.tl-om-by rect[rx]").count() == 0
    title = page.locator("svg.tl-overview-svg > title").text_content() or ""
    assert "to by" not in title and title.startswith("Overview: ")


def test_the_overview_is_usable_on_a_phone(phone: Session) -> None:
    page = phone.open("")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1  # the page does not scroll sideways; the axis does, inside its region
    scroller = page.locator(".tl-overview .tl-scroll")
    assert scroller.get_attribute("role") == "region" and scroller.get_attribute("aria-labelledby")
    geometry = scroller.evaluate("s => ({scroll: s.scrollWidth, width: s.clientWidth, left: s.scrollLeft})")
    assert geometry["scroll"] > geometry["width"]
    assert page.locator(".tl-scroll-cue").is_visible()  # it says there is more to the left
    sizes = page.evaluate(
        "[...document.querySelectorAll('svg.tl-overview-svg text')]"
        ".map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)"
    )
    assert sizes and min(sizes) >= 12  # text at a readable size, not shrunk with the drawing
    targets = page.evaluate(
        "[...document.querySelectorAll('svg.tl-overview-svg a')]"
        ".map(a => { const r = a.getBoundingClientRect(); return [r.width, r.height]; })"
    )
    assert targets and all(w >= 24 and h >= 24 for w, h in targets)  # WCAG 2.5.8 target size
    latest = page.locator("svg.tl-overview-svg a").last
    latest.scroll_into_view_if_needed()
    phone.shot("phone-overview")


# ---------------------------------------------------------------- 3. months that read


def test_a_dense_month_opens_with_its_list_and_folds_long_cards(desktop: Session) -> None:
    page = desktop.open("dated/2024-12/")
    lines = page.locator("ol.tl-contents > li")
    assert lines.count() == page.locator(".tl-event").count() >= 6
    first = lines.first.locator("a").get_attribute("href")
    assert first and "#e-" in first
    assert page.locator("ol.tl-contents .tl-badge").count() >= 1
    assert page.locator("nav.tl-pager").count() == 1  # once, at the bottom
    pager_after_cards = """() => {
        const cards = document.querySelectorAll('.tl-event');
        const last = cards[cards.length - 1];
        return !!(last.compareDocumentPosition(document.querySelector('nav.tl-pager'))
                  & Node.DOCUMENT_POSITION_FOLLOWING);
    }"""
    assert page.evaluate(pager_after_cards)
    folded = page.locator("details.tl-more, details.tl-reports")
    assert folded.count() >= 1
    levels = page.evaluate("[...document.querySelectorAll('h1,h2,h3,h4')].map(h => +h.tagName[1])")
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels


def test_tag_chips_filter_with_javascript_and_link_without(browser: Any, base_url: str) -> None:
    session = Session(browser, base_url, DESKTOP)
    try:
        page = session.open("timeline/")
        more = page.locator("p.tl-filter a.tl-all-tags")  # the chips left out are a link away
        assert more.count() == 1 and (more.get_attribute("href") or "").endswith("tags/")
        page = session.open("dated/2024-12/")
        chip = page.locator("p.tl-filter button.tl-tag").first
        tag = chip.get_attribute("data-tag")
        chip.click()
        assert chip.get_attribute("aria-pressed") == "true"
        shown = page.locator(".tl-event:visible")
        assert 0 < shown.count() < page.locator(".tl-event").count()
        assert all(
            tag in (t or "").split()
            for t in [shown.nth(i).get_attribute("data-tags") for i in range(shown.count())]
        )
        assert "Showing" in page.locator(".tl-filter-status").inner_text()
        toc = page.locator(".md-sidebar--secondary a.md-nav__link[href^='#e-']")
        assert toc.count() > 0
        visible_toc = page.locator(".md-sidebar--secondary a.md-nav__link[href^='#e-']:visible")
        assert visible_toc.count() == shown.count()  # the table of contents lists only what is shown
        chip.click()
        assert page.locator(".tl-event:visible").count() == page.locator(".tl-event").count()
        assert visible_toc.count() == toc.count()
    finally:
        session.close()
    plain = Session(browser, base_url, DESKTOP, java_script_enabled=False)
    try:
        page = plain.open("dated/2024-12/")
        link = page.locator("p.tl-filter a.tl-tag").first
        assert (link.get_attribute("href") or "").startswith("../../tags/")
    finally:
        plain.close()


# ---------------------------------------------------------------- 4. figures by claimant


def test_figures_keep_a_claimants_colour_and_shape_and_never_join_claims(desktop: Session) -> None:
    page = desktop.open("figures/")
    assert page.locator("figure.tl-chart polyline").count() == 0
    seen = page.evaluate(
        """[...document.querySelectorAll('figure.tl-chart g.tl-series')].map(g => [
             g.querySelector('title').textContent.split(':')[0], g.getAttribute('class'),
             g.querySelector('path.tl-mark').getAttribute('d').replace(/[\\d.-]+/g, 'n')])"""
    )
    by_claimant: dict[str, set[tuple[str, str]]] = {}
    for claimant, cls, shape in seen:
        by_claimant.setdefault(claimant, set()).add((cls, shape))
    marks = [claimant for claimant, _, _ in seen]
    assert any(marks.count(c) > 1 for c in by_claimant)  # some claimant is in several charts …
    assert all(len(styles) == 1 for styles in by_claimant.values()), by_claimant  # … always alike
    assert page.locator("figure.tl-chart line.tl-span").count() >= 1  # month-precision estimates as spans
    labels = page.evaluate(
        "[...document.querySelectorAll('figure.tl-chart text.tl-label-text')].map(t => t.textContent)"
    )
    assert labels and all(re.search(r"\d", label) for label in labels)  # named directly, with the figure
    text = page.locator(".md-content").inner_text()
    assert "2 claimants agree" not in text
    assert re.search(r"in \d+ quotes? from \d+ articles?", text)  # 6 quotes from 5 articles: not 6 sources
    assert "Inference:" in text
    desktop.shot("desktop-figures-claimants")


def test_figures_charts_on_a_phone_show_the_plot_and_name_the_marks_below(phone: Session) -> None:
    page = phone.open("figures/")
    plot = page.locator("figure.tl-chart .tl-chart-labelled").first
    svg = plot.locator("svg")
    box, inner = plot.bounding_box(), svg.bounding_box()
    assert box is not None and inner is not None
    assert inner["width"] > box["width"] * 1.3  # the gutter is cut off: the plot takes the width
    assert not plot.locator("g.tl-labels").is_visible()
    items = page.locator("figure.tl-chart ul.tl-chart-list").first.locator("li")
    assert items.count() >= 2 and items.first.is_visible()
    assert re.search(r"\d", items.first.inner_text())
    ticks = plot.locator("g.tl-axis text").first.bounding_box()
    assert ticks is not None and ticks["height"] >= 10  # tick labels stay readable
    phone.shot("phone-figures-chart")


def test_headline_figures_keep_their_qualifier(desktop: Session) -> None:
    page = desktop.open("")
    bigs = page.locator(".tl-key-figures .tl-big").all_inner_texts()
    assert bigs and any(re.search(r"\b(about|at least)\b", big) for big in bigs)
    assert "claims by" not in page.locator(".tl-key-figures").inner_text()


# ---------------------------------------------------------------- 5. problem kinds


def test_problem_tags_say_what_the_problem_is(desktop: Session) -> None:
    expected = {"wrong-date": "[sic]", "error": "[sic]", "disagreement": "[disputed]", "note": None}
    in_data: set[str] = set()
    for path in sorted((ROOT / "events").glob("*.yaml")):
        if not path.name.startswith("_"):
            event = yaml.safe_load(path.read_text(encoding="utf-8"))
            in_data |= {problem["kind"] for problem in event.get("problems") or []}
    assert {"wrong-date", "disagreement", "note"} <= in_data
    by_label = {problem_label(kind)[0]: kind for kind in expected}
    page = desktop.open("timeline/")  # every card, in full
    checked: set[str] = set()
    for item in page.locator(".tl-problems li").all_inner_texts():
        kind = by_label.get(item.split(" in quote", 1)[0])
        if kind is None:
            continue
        checked.add(kind)
        tag = expected[kind]
        if tag:
            assert f"” {tag}." in item, item
        else:
            assert not re.search(r"” \[[a-z]+\]\.", item), item
    assert checked == in_data & set(expected), (checked, in_data)
    assert page.locator(".tl-sic-tag", has_text="[sic]").count() >= 1


# ---------------------------------------------------------------- 6. source pages


def test_back_links_return_to_the_citation_and_focus_follows(desktop: Session) -> None:
    page = desktop.open("dated/2024-12/")
    citation = page.locator(".tl-citations .tl-src a").first
    item_id = citation.evaluate("a => a.closest('li[id]').id")
    citation.click()
    page.wait_for_load_state("networkidle")
    target = page.evaluate("document.activeElement && document.activeElement.id")
    assert target == page.url.split("#", 1)[1] and target.startswith("q-")  # focus moved to the quote
    back = page.locator(f"sup.tl-back a[href$='#{item_id}']").first
    assert back.count() == 1
    name = back.evaluate("a => a.querySelector('.tl-sr').textContent")
    assert re.match(r"back to event \d+: \S", name)
    size = back.bounding_box()
    assert size is not None and size["width"] >= 24 and size["height"] >= 24  # WCAG 2.5.8
    assert back.evaluate("a => parseFloat(getComputedStyle(a).fontSize)") >= 15.9  # .8rem, not 10 px
    desktop.shot("desktop-source-focus")
    page.go_back()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith(f"#{item_id}")
    page.wait_for_function("id => document.activeElement && document.activeElement.id === id", arg=item_id)
    page.goto(desktop.base_url + "sources/003_d9eff1a3bdba8db9/")
    link = page.locator("sup.tl-back a").first
    href = link.get_attribute("href") or ""
    link.click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith(href.rsplit("/", 1)[-1])
    assert page.evaluate("document.activeElement.id") == href.split("#", 1)[1]
    # the citation landed on is marked: a bar, a tint and a ring, below the sticky header
    landed = page.evaluate(
        """() => { const li = document.activeElement, s = getComputedStyle(li);
                   const body = getComputedStyle(document.body).backgroundColor;
                   return {shadow: s.boxShadow, outline: s.outlineStyle, tint: s.backgroundColor !== body
                           && s.backgroundColor !== 'rgba(0, 0, 0, 0)', top: li.getBoundingClientRect().top,
                           header: document.querySelector('.md-header').getBoundingClientRect().bottom}; }"""
    )
    assert "inset" in landed["shadow"] and landed["outline"] == "solid" and landed["tint"], landed
    assert landed["top"] >= landed["header"] - 1, landed
    desktop.shot("desktop-citation-landed")


def test_citation_links_say_stored_copy_and_problems_link_their_quote(desktop: Session) -> None:
    page = desktop.open("dated/2024-12/")
    after = page.locator(".tl-citations .tl-src a").first.evaluate(
        "a => getComputedStyle(a, '::after').content"
    )
    assert "stored copy" in after and "↗" not in after
    links = page.locator(".tl-problems li a[href^='#e-']")
    assert links.count() >= 1
    for href in links.evaluate_all("as => as.map(a => a.getAttribute('href'))"):
        assert page.locator(href).count() == 1, href  # each "quote N" goes to that quote
    basis = page.locator(".tl-basis a[href^='#e-']")
    assert basis.count() >= 1


def test_source_pages_have_one_of_each_landmark_and_ordered_headings(desktop: Session) -> None:
    page = desktop.open("sources/003_d9eff1a3bdba8db9/")
    levels = page.evaluate(
        "[...document.querySelectorAll('article h1,article h2,article h3')].map(h => +h.tagName[1])"
    )
    assert levels[0] == 1 and all(b - a <= 1 for a, b in itertools.pairwise(levels))
    labels = page.evaluate(
        "[...document.querySelectorAll('nav[aria-label]')].filter(n => n.checkVisibility())"
        ".map(n => n.getAttribute('aria-label'))"
    )
    assert len(labels) == len(set(labels)), labels  # the landmarks one sees are told apart


# ---------------------------------------------------------------- 7. search


def test_search_indexes_each_event_once_without_noise(site: Path, timeline: Any) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = index["docs"]
    locations = [d["location"] for d in docs]
    assert not [loc for loc in locations if loc.startswith(("timeline/", "tags/")) and loc != "tags/"]
    anchors = [loc.split("#", 1)[1] for loc in locations if "#e-" in loc]
    assert sorted(anchors) == sorted(f"e-{e.id}" for e in timeline.events)  # once each
    titles = {d["location"].split("#", 1)[1]: d["title"] for d in docs if "#e-" in d["location"]}
    assert all(
        titles[f"e-{e.id}"] == e.title.replace("&", "&amp;").replace("<", "&lt;")
        for e in timeline.events
        if f"e-{e.id}" in titles
    )
    texts = " ".join(d["text"] for d in docs)
    assert "PreviousJune" not in texts and "Previous" not in texts.replace("previous", "")
    sources = " ".join(d["text"] for d in docs if d["location"].startswith("sources/0"))
    assert "Stored copy" not in sources and "back to:" not in sources  # metadata, back-links left out


def test_search_finds_an_event_on_its_month_page(desktop: Session) -> None:
    page = desktop.open("")
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("Kursk", delay=20)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(state="visible", timeout=15_000)
    hrefs = [
        results.nth(i).locator("a").first.get_attribute("href") or "" for i in range(min(results.count(), 5))
    ]
    assert hrefs and "/dated/" in hrefs[0] and not any("/tags/" in h or "/timeline/" in h for h in hrefs)
    desktop.shot("desktop-search-kursk")


# ---------------------------------------------------------------- 8. navigation


@pytest.mark.parametrize(
    ("path", "tab"),
    [("dated/2024-12/", "By month"), ("sources/003_d9eff1a3bdba8db9/", "Sources"), ("tags/kursk/", "Tags")],
)
def test_generated_pages_highlight_their_tab(desktop: Session, path: str, tab: str) -> None:
    page = desktop.open(path)
    assert page.locator(".md-tabs__item--active").inner_text().strip() == tab
    if tab == "By month":
        sidebar = page.locator(".md-sidebar--primary").inner_text()
        assert "2024" in sidebar and "December 2024" in sidebar


def test_phone_month_page_and_card_height(phone: Session) -> None:
    page = phone.open("dated/2024-12/")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1
    tallest = page.evaluate(
        "Math.max(...[...document.querySelectorAll('.tl-event')].map(e => e.offsetHeight))"
    )
    assert tallest < 2380  # the longest card folded (it was 2,380 px)
    phone.shot("phone-month-december")


def test_dark_phone_screens(browser: Any, base_url: str) -> None:
    session = Session(browser, base_url, PHONE, color_scheme="dark", **PHONE_OPTIONS)
    try:
        for path, name in (
            ("", "home"),
            ("figures/", "figures"),
            ("sources/003_d9eff1a3bdba8db9/#q-zelensky-over-3000-casualties-1", "source"),
        ):
            page = session.open(path)
            assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
            session.shot(f"phone-dark-{name}")
    finally:
        session.close()


def test_the_sources_index_fits_a_phone_without_a_column_of_unknowns(phone: Session) -> None:
    page = phone.open("sources/")
    assert "Publisher" not in page.locator("table.tl-sources").inner_text()  # every one is unknown here
    assert "No stored article records its publisher." in page.locator(".tl-lede").inner_text()
    wrap = page.locator(".md-typeset__scrollwrap").first
    assert wrap.evaluate("w => w.scrollWidth <= w.clientWidth + 1")  # nothing cut off at the right
    label = page.locator("table.tl-sources td[data-label='Cited by']").first
    assert label.evaluate("td => getComputedStyle(td, '::before').content") == '"Cited by: "'  # labelled
    phone.shot("phone-sources")

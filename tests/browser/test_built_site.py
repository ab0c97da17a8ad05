"""The built site in Debian's Chromium: the repository's site (mkdocs.yml, events/, seeds/), built with
``mkdocs build --strict`` and served from 127.0.0.1. Every request is recorded; none may leave the
machine. Desktop and phone screenshots land in tests/browser/screenshots/ (gitignored)."""

from __future__ import annotations

from typing import Any

import pytest

from .served import DESKTOP, PHONE, ROOT, Session

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _event_count() -> int:
    return len([p for p in (ROOT / "events").glob("*.yaml") if not p.name.startswith("_")])


def _busiest_month(page: Any) -> str:
    """The dated page with the most events, read off the month index."""
    links = page.locator("ol.tl-months li")
    best, count = "", -1
    for i in range(links.count()):
        item = links.nth(i)
        n = int(item.locator(".tl-n").inner_text().split()[0])
        if n > count:
            best, count = item.locator("a").get_attribute("href"), n
    return best


def test_timeline_shows_every_event(desktop: Session) -> None:
    page = desktop.open("timeline/")
    assert page.locator("h1").inner_text().startswith("Full timeline")
    assert page.locator(".tl-event").count() == _event_count()
    assert page.locator("h3.tl-title").first.is_visible()
    desktop.shot("desktop-timeline")


def test_dated_page_shows_its_events_with_neighbours(desktop: Session) -> None:
    index = desktop.open("dated/")
    href = _busiest_month(index)
    page = desktop.open("dated/" + href.removeprefix("../dated/").removeprefix("./"))
    assert page.locator(".tl-event").count() > 1
    assert page.locator("nav.tl-pager a").count() >= 1
    desktop.shot("desktop-dated")


def test_a_citation_lands_on_its_highlighted_span(desktop: Session) -> None:
    index = desktop.open("dated/")
    page = desktop.open("dated/" + _busiest_month(index).removeprefix("../dated/"))
    link = page.locator(".tl-src a").first
    anchor = link.get_attribute("href").split("#", 1)[1]
    link.click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("#" + anchor)
    mark = page.locator("mark:target")
    assert mark.count() == 1 and mark.get_attribute("id") == anchor
    assert mark.is_visible()
    box = mark.bounding_box()
    assert box is not None and 0 <= box["y"] < DESKTOP["height"], box
    colour = mark.evaluate("m => getComputedStyle(m).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    desktop.shot("desktop-source-target")


def test_figures_chart_is_drawn(desktop: Session) -> None:
    page = desktop.open("figures/")
    chart = page.locator("figure.tl-chart svg").first
    assert chart.is_visible()
    box = chart.bounding_box()
    assert box is not None and box["width"] > 400 and box["height"] > 150
    assert chart.locator("title").first.text_content()
    assert chart.locator("path.tl-mark").count() >= 2  # one mark per estimate
    desktop.shot("desktop-figures")


def test_home_page(desktop: Session) -> None:
    page = desktop.open("")
    assert page.locator(".tl-periods > ul > li").count() == 3
    assert page.locator(".tl-key-figures .tl-big").count() >= 1
    desktop.shot("desktop-home")


def test_the_timeline_reads_without_javascript(browser: Any, base_url: str) -> None:
    session = Session(browser, base_url, DESKTOP, java_script_enabled=False)
    try:
        page = session.open("timeline/")
        assert page.locator(".tl-event").count() == _event_count()
        assert page.locator(".tl-event").first.is_visible()
    finally:
        session.close()


@pytest.mark.parametrize("path", ["", "timeline/", "dated/", "figures/", "sources/", "tags/"])
def test_phone_pages_fit_the_screen(phone: Session, path: str) -> None:
    page = phone.open(path)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1, f"{path or 'home'} scrolls sideways by {overflow}px on a phone"
    phone.shot(f"phone-{path.strip('/') or 'home'}")


def test_phone_citation_and_source(phone: Session) -> None:
    index = phone.open("dated/")
    page = phone.open("dated/" + _busiest_month(index).removeprefix("../dated/"))
    phone.shot("phone-dated")
    page.locator(".tl-src a").first.click()
    page.wait_for_load_state("networkidle")
    mark = page.locator("mark:target")
    assert mark.count() == 1 and mark.is_visible()
    box = mark.bounding_box()
    assert box is not None and 0 <= box["y"] < PHONE["height"]
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1
    phone.shot("phone-source-target")


def test_dark_mode(browser: Any, base_url: str) -> None:
    session = Session(browser, base_url, DESKTOP, color_scheme="dark")
    try:
        page = session.open("figures/")
        scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        assert scheme == "slate"
        session.shot("desktop-figures-dark")
        session.open("dated/" + _busiest_month(session.open("dated/")).removeprefix("../dated/"))
        session.shot("desktop-dated-dark")
    finally:
        session.close()

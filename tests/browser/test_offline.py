"""The offline bundle in a real browser: unzipped into a folder, opened with file:// in Debian's Chromium,
every request that is not file: refused and recorded. Screenshots land in tests/browser/screenshots/."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHOTS = Path(__file__).resolve().parent / "screenshots"

NAME = "cited-timeline"  # generator.bundle.DEFAULT_NAME

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="session")
def index_url(offline_zip: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(folder)
    return (folder / f"{NAME}-offline" / "index.html").as_uri()


@dataclass
class Offline:
    page: Any
    refused: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def shot(self, name: str) -> Path:
        SHOTS.mkdir(exist_ok=True)
        path = SHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=False)
        return path

    def assert_offline(self) -> None:
        assert self.refused == [], f"requests to other hosts: {self.refused}"
        assert self.errors == [], f"script errors: {self.errors}"


@pytest.fixture
def offline(browser: Any) -> Iterator[Offline]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    page = context.new_page()
    state = Offline(page)

    def route(request_route: Any) -> None:
        url = request_route.request.url
        if url.startswith("file:"):
            request_route.continue_()
        else:
            state.refused.append(url)
            request_route.abort()

    context.route("**/*", route)
    # Anything that slipped past the routing (it must not) is still recorded.
    context.on(
        "request",
        lambda r: r.url.startswith(("file:", "data:", "blob:", "about:")) or state.refused.append(r.url),
    )
    page.on("pageerror", lambda e: state.errors.append(str(e)))
    yield state
    context.close()


def _wait_ready(page: Any) -> None:
    page.wait_for_load_state("load")
    page.wait_for_function("document.documentElement.classList.contains('js')")


def test_styles_apply_without_web_fonts(offline: Offline, index_url: str) -> None:
    page = offline.page
    page.goto(index_url)
    _wait_ready(page)
    header = page.evaluate(
        """() => { const s = getComputedStyle(document.querySelector('.md-header'));
                   return {position: s.position, background: s.backgroundColor, color: s.color} }"""
    )
    assert header["position"] == "sticky"  # Material's stylesheet is applied
    assert header["background"] not in ("rgba(0, 0, 0, 0)", "transparent")
    font = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert "Roboto" not in font
    offline.shot("01-index")
    offline.assert_offline()


def _open_month_through_the_navigation(page: Any, index_url: str, month: str) -> None:
    """Home → the "By month" tab → the month's link, by clicking as a reader would."""
    page.goto(index_url)
    _wait_ready(page)
    page.locator(".md-tabs a.md-tabs__link", has_text="By month").click()
    _wait_ready(page)
    assert page.url.endswith("/dated/index.html")
    page.locator(".md-content .tl-months a", has_text=month).first.click()
    _wait_ready(page)


def test_a_dated_page_through_the_navigation(offline: Offline, index_url: str) -> None:
    page = offline.page
    _open_month_through_the_navigation(page, index_url, "August 2024")
    assert page.url.startswith("file:") and page.url.endswith("/dated/2024-08.html")
    assert "August 2024" in page.locator(".md-content h1").inner_text()
    dates = page.locator(".md-content .tl-event time").all_inner_texts()
    assert dates and all(re.search(r"\b20\d\d\b", d) for d in dates), dates
    assert "Kursk" in page.locator(".md-content").inner_text()
    offline.shot("02-dated-page")
    offline.assert_offline()


def test_a_citation_lands_on_its_highlight(offline: Offline, index_url: str) -> None:
    page = offline.page
    _open_month_through_the_navigation(page, index_url, "August 2024")
    citation = page.locator(".md-content .tl-event a[href*='#q-']").first
    href = citation.get_attribute("href")
    assert href and "/sources/" in href
    quote = " ".join(citation.locator("xpath=ancestor::li[1]").inner_text().split())
    citation.click()
    _wait_ready(page)
    anchor = href.split("#", 1)[1]
    assert page.url.startswith("file:") and page.url.endswith(f"#{anchor}")
    target = page.evaluate(
        """() => { const t = document.querySelector(':target'); if (!t) return null;
                   const r = t.getBoundingClientRect();
                   return {tag: t.tagName, id: t.id, top: r.top, bottom: r.bottom, h: innerHeight,
                           background: getComputedStyle(t).backgroundColor, text: t.textContent} }"""
    )
    assert target is not None and target["tag"] == "MARK" and target["id"] == anchor, target
    assert 0 <= target["top"] < target["h"], target  # scrolled into view
    assert target["background"] not in ("rgba(0, 0, 0, 0)", "transparent")  # visibly highlighted
    opening = " ".join(target["text"].split()[:5])  # the mark begins where the quote begins
    assert opening and opening in quote, (opening, quote)
    offline.shot("03-citation-highlight")
    offline.assert_offline()


def test_search_finds_kursk(offline: Offline, index_url: str) -> None:
    page = offline.page
    page.goto(index_url)
    _wait_ready(page)
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("Kursk", delay=30)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(state="visible", timeout=15_000)
    assert results.count() >= 1
    assert "kursk" in page.locator(".md-search-result").inner_text().lower()
    offline.shot("04-search-kursk")
    results.first.locator("a").first.click()
    _wait_ready(page)
    assert page.url.startswith("file:")
    offline.assert_offline()


def test_no_page_depends_on_a_web_address(offline_zip: Path) -> None:
    """mkdocs-offline.yml sets no site_url: no canonical link or og:url to whatever SITE_URL was when the
    zip was built (which would also make two builds differ)."""
    with zipfile.ZipFile(offline_zip) as archive:
        pages = [n for n in archive.namelist() if n.endswith(".html")]
        assert len(pages) > 30
        for name in pages:
            text = archive.read(name).decode("utf-8")
            assert 'rel="canonical"' not in text and "og:url" not in text, name
            assert 'property="og:title"' in text, name


def test_the_footer_links_to_contributing(offline: Offline, index_url: str) -> None:
    page = offline.page
    page.goto(index_url)
    _wait_ready(page)
    assert "Contributing" not in page.locator(".md-tabs").inner_text()
    page.locator(".md-footer-meta a", has_text="Contributing").click()
    _wait_ready(page)
    assert page.url.startswith("file:") and page.url.endswith("/contributing/event-format.html")
    offline.assert_offline()

"""The theme in Debian's Chromium, where axe-core cannot judge: the colour-scheme preference and search
without JavaScript, the quote a citation lands on, the current tab, and what sits in the tabs and in the
footer. Colours are compared as WCAG contrast ratios computed from the browser's computed styles."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .served import DESKTOP, PHONE, PHONE_OPTIONS, Session

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# The WCAG contrast ratio of two computed colours (rgb()/rgba(); an alpha is composed over the second).
CONTRAST = """([fg, bg]) => {
  const parse = c => c.match(/[\\d.]+/g).map(Number);
  const [r1, g1, b1, a = 1] = parse(fg), [r2, g2, b2] = parse(bg);
  const mix = (x, y) => a * x + (1 - a) * y;
  const lin = v => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  const lum = ([r, g, b]) => 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  const [l1, l2] = [lum([mix(r1, r2), mix(g1, g2), mix(b1, b2)]), lum([r2, g2, b2])];
  return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
}"""


def contrast(page: Any, fg: str, bg: str) -> float:
    ratio: float = page.evaluate(CONTRAST, [fg, bg])
    return ratio


def style(page: Any, selector: str, *props: str) -> list[str]:
    values: list[str] = page.evaluate(
        "([s, props]) => { const c = getComputedStyle(document.querySelector(s));"
        " return props.map(p => c.getPropertyValue(p)); }",
        [selector, list(props)],
    )
    return values


@pytest.fixture(params=["light", "dark"])
def no_js(request: pytest.FixtureRequest, browser: Any, base_url: str) -> Iterator[Session]:
    session = Session(
        browser, base_url, PHONE, java_script_enabled=False, color_scheme=request.param, **PHONE_OPTIONS
    )
    yield session
    session.close()


def test_without_javascript_the_colour_scheme_preference_holds(no_js: Session) -> None:
    page = no_js.open("dated/")
    dark = page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    assert page.evaluate("document.documentElement.className") == "no-js"
    background, text = style(page, "body", "background-color", "color")
    assert (contrast(page, "rgb(0, 0, 0)", background) < 3) == dark  # a dark page for a dark preference
    assert contrast(page, text, background) >= 7
    link = page.locator(".md-content a:not(.headerlink)").first
    assert contrast(page, link.evaluate("a => getComputedStyle(a).color"), background) >= 4.5


def test_without_javascript_search_falls_back_to_the_one_page_timeline(no_js: Session) -> None:
    page = no_js.open("figures/")
    assert not page.locator(".md-search").is_visible()
    assert not page.locator("label.md-header__button[for=__search]").is_visible()
    fallback = page.locator("a.tl-search-fallback")
    assert fallback.is_visible() and fallback.inner_text().strip()
    fallback.click()
    page.wait_for_load_state("load")
    assert page.url == no_js.base_url + "timeline/"
    dark = page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    no_js.shot(f"phone-no-js-timeline-{'dark' if dark else 'light'}")


def test_with_javascript_search_is_the_search_box(desktop: Session) -> None:
    page = desktop.open("figures/")
    assert page.locator(".md-search").is_visible()
    assert not page.locator("a.tl-search-fallback").is_visible()
    assert page.locator(".md-search").get_attribute("aria-label") == "Search"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_quote_a_citation_lands_on_is_ringed(
    browser: Any, site: Path, base_url: str, scheme: str
) -> None:
    """Not by shade alone: a ring of >= 3:1 against the page and the highlight, text >= 4.5:1."""
    source = next(p for p in sorted((site / "sources").glob("*/index.html")))
    anchor = re.search(r'<mark class="tl-q" id="([^"]+)"', source.read_text(encoding="utf-8"))
    assert anchor
    session = Session(browser, base_url, DESKTOP, color_scheme=scheme)
    try:
        page = session.open(f"sources/{source.parent.name}/#{anchor.group(1)}")
        target = f"mark#{anchor.group(1)}"
        other = "mark.tl-q:not(:target):not(.tl-q-inner)"
        ring_style, ring_width, ring, fill, text = style(
            page, target, "outline-style", "outline-width", "outline-color", "background-color", "color"
        )
        (other_fill,) = style(page, other, "background-color")
        (page_bg,) = style(page, "body", "background-color")
        assert ring_style == "solid" and float(ring_width.removesuffix("px")) >= 2
        assert contrast(page, ring, page_bg) >= 3 and contrast(page, ring, other_fill) >= 3
        assert contrast(page, text, fill) >= 4.5
        assert style(page, other, "outline-style") == ["none"]
    finally:
        session.close()


def test_the_current_tab_is_underlined_and_contributing_is_in_the_footer(desktop: Session) -> None:
    page = desktop.open("figures/")
    tabs = page.locator(".md-tabs__link")
    names = [t.strip() for t in tabs.all_inner_texts()]
    assert "Contributing" not in names and "Figures" in names
    underlined = page.evaluate(
        "[...document.querySelectorAll('.md-tabs__link')]"
        ".filter(a => getComputedStyle(a).textDecorationLine.includes('underline'))"
        ".map(a => a.innerText.trim())"
    )
    assert underlined == ["Figures"]
    footer = page.locator(".md-footer-meta a", has_text="Contributing")
    footer.click()
    page.wait_for_load_state("networkidle")
    assert page.url == desktop.base_url + "contributing/event-format/"
    assert page.locator("h1").count() == 1

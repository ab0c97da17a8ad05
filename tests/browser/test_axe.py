"""axe-core on every page of the built site, in the light and the dark colour scheme: any serious or
critical violation fails. axe-core comes with axe-playwright-python (pinned in requirements.txt) and is
injected from disk, so the run needs no network.

Each source page is also checked with a citation's fragment in its address (``#q-…``), so that the
highlighted quote a reader lands on (``:target``) is checked in both schemes too."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import axe_playwright_python
import pytest

from .served import DESKTOP, PHONE, PHONE_OPTIONS, Session, site_pages

pytestmark = [pytest.mark.browser, pytest.mark.slow]

AXE = Path(axe_playwright_python.__file__).resolve().parent / "axe.min.js"
FAILING_IMPACTS = frozenset({"serious", "critical"})


def pages_to_check(site: Path) -> list[str]:
    """Every page; each source page once more with its first citation's fragment."""
    pages = site_pages(site)
    for path in list(pages):
        if path.startswith("sources/") and path != "sources/":
            html = (site / path / "index.html").read_text(encoding="utf-8")
            mark = re.search(r'<mark class="tl-q" id="([^"]+)"', html)
            if mark:
                pages.append(f"{path}#{mark.group(1)}")
    return pages


def run_axe(page: Any) -> list[dict[str, Any]]:
    result: dict[str, Any] = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return list(result["violations"])


def describe(path: str, violation: dict[str, Any]) -> str:
    nodes = violation["nodes"]
    where = "; ".join(" ".join(map(str, n["target"])) for n in nodes[:3])
    more = f" (+{len(nodes) - 3} more)" if len(nodes) > 3 else ""
    return f"/{path}: {violation['id']} ({violation['impact']}, {len(nodes)} nodes): {where}{more}"


def switch_scheme(page: Any) -> str:
    """Click the header's palette toggle, as a reader would; returns the scheme now shown. Material
    remembers the choice, so the next page opens in it."""
    before = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    page.locator("form[data-md-component=palette] button.tl-scheme").click()
    page.wait_for_function("s => document.body.getAttribute('data-md-color-scheme') !== s", arg=before)
    scheme: str = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    return scheme


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_every_page_in_both_schemes(browser: Any, site: Path, base_url: str, width: str) -> None:
    """One load of each page, checked in the scheme it opens in, then in the other one (one browser
    context; the palette toggle switches, and the next page opens in the scheme of the last); at a
    desktop's width and at a phone's (390 px), where code blocks and tables overflow."""
    if width == "desktop":
        session = Session(browser, base_url, DESKTOP, color_scheme="light")
    else:
        session = Session(browser, base_url, PHONE, color_scheme="light", **PHONE_OPTIONS)
    failures: list[str] = []
    checked: dict[str, int] = {}
    try:
        page = session.page
        for path in pages_to_check(site):
            page.goto(base_url + path, wait_until="load")
            if "#" in path:
                assert page.evaluate("document.querySelector(':target') !== null"), path
            page.add_script_tag(path=str(AXE))
            for switch in (False, True):
                scheme = (
                    switch_scheme(page)
                    if switch
                    else page.evaluate("document.body.getAttribute('data-md-color-scheme')")
                )
                failures += [
                    f"[{scheme}] {describe(path, v)}" for v in run_axe(page) if v["impact"] in FAILING_IMPACTS
                ]
                checked[scheme] = checked.get(scheme, 0) + 1
    finally:
        session.close()
    assert set(checked) == {"default", "slate"} and min(checked.values()) >= 30, checked
    assert failures == [], f"{len(failures)} serious or critical violations:\n" + "\n".join(failures)


def test_axe_reports_what_it_should(browser: Any, base_url: str) -> None:
    """The check can fail: on a home page whose link loses its underline and its text contrast, and
    whose search dialog loses its name, axe reports those."""
    session = Session(browser, base_url, DESKTOP)
    try:
        page = session.open("")
        page.add_script_tag(path=str(AXE))
        page.evaluate(
            """() => {
                 document.querySelector('.md-search').removeAttribute('aria-label');
                 const plain = document.querySelectorAll('.md-content .md-typeset > p:not([class])');
                 const p = [...plain].find(p => {
                   const a = p.querySelector('a:not(.md-button)');
                   return a && p.textContent.length > a.textContent.length + 20; });
                 p.style.color = '#aaa';
                 p.querySelector('a').style.cssText = 'color: inherit; text-decoration: none';
               }"""
        )
        found = {v["id"] for v in run_axe(page) if v["impact"] in FAILING_IMPACTS}
    finally:
        session.close()
    assert {"aria-dialog-name", "color-contrast", "link-in-text-block"} <= found, found

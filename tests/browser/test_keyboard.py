"""The colour-scheme toggle from the keyboard (site-review 12): one button, named for what it does in
the scheme shown, that Space and Enter both switch, with a visible focus ring."""

from __future__ import annotations

from typing import Any

import pytest

from .served import DESKTOP, Session

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _scheme(page: Any) -> str:
    return str(page.evaluate("document.body.getAttribute('data-md-color-scheme')"))


@pytest.mark.parametrize(
    ("start", "name"), [("light", "Switch to dark mode"), ("dark", "Switch to light mode")]
)
def test_the_scheme_toggle_is_one_button_named_for_what_it_does(
    browser: Any, base_url: str, start: str, name: str
) -> None:
    session = Session(browser, base_url, DESKTOP, color_scheme=start)
    try:
        page = session.open("")
        for _ in range(8):  # skip link, logo, then the toggle: Tab reaches it early
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.classList.contains('tl-scheme')"):
                break
        focused = page.evaluate(
            "(() => { const e = document.activeElement; return {tag: e.tagName,"
            " name: e.getAttribute('aria-label'), ring: getComputedStyle(e).outlineStyle}; })()"
        )
        assert focused == {"tag": "BUTTON", "name": name, "ring": "solid"}, focused
        assert page.locator("form[data-md-component=palette] input[tabindex='-1']").count() == 2
        before = _scheme(page)
        page.keyboard.press("Space")
        page.wait_for_function("s => document.body.getAttribute('data-md-color-scheme') !== s", arg=before)
        other = page.evaluate("document.activeElement.getAttribute('aria-label')")
        assert other != name and other.startswith("Switch to ")  # the name follows the scheme
        session.shot(f"keyboard-scheme-{start}")
        page.keyboard.press("Enter")
        page.wait_for_function("s => document.body.getAttribute('data-md-color-scheme') === s", arg=before)
        assert page.evaluate("document.activeElement.getAttribute('aria-label')") == name
    finally:
        session.close()

"""The error notice of a real ``mkdocs serve`` in Chromium: while the data is invalid, every page shows
it, and its text wraps (no line is cut off or scrolls sideways, on a phone either) and names the file
and line. Screenshots: tests/browser/screenshots/serve-notice-*.png."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from projects import fixture_project, mkdocs_serve

from .served import DESKTOP, PHONE, PHONE_OPTIONS, SHOTS

LONG_TAG = "an-unknown-tag-" + "x" * 120  # one unbroken word, far wider than a phone

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.mark.parametrize(
    ("name", "viewport", "options"),
    [
        ("desktop", DESKTOP, {}),
        ("phone", PHONE, PHONE_OPTIONS),
    ],
)
def test_the_notice_wraps_and_names_file_and_line(
    browser: Any, tmp_path: Path, name: str, viewport: dict[str, int], options: dict[str, Any]
) -> None:
    project = fixture_project(tmp_path)
    event = project / "events" / "jcs-1100-casualties.yaml"
    good = event.read_text(encoding="utf-8")
    with mkdocs_serve(project, tmp_path / "serve.log") as served:
        served.wait_for(lambda: "tl-event" in served.fetch("dated/2024-12/"), "the first build")
        event.write_text(
            good.replace("tags: [casualties]", f"tags: [casualties, {LONG_TAG}]"), encoding="utf-8"
        )
        served.wait_for(lambda: "tl-notice" in served.fetch("dated/2024-12/"), "the error notice")
        context = browser.new_context(viewport=viewport, **options)
        try:
            page = context.new_page()
            for path in ("dated/2024-12/", "sources/fixture-a/", "methodology/"):
                page.goto(served.url + path, wait_until="load")
                box = page.locator(".tl-notice")
                assert box.count() == 1 and box.is_visible(), path
                text = box.inner_text()
                assert "events/jcs-1100-casualties.yaml:7:" in text and LONG_TAG in text, path
                code = box.locator("pre > code")
                widths = code.evaluate(
                    "e => [e.scrollWidth, e.clientWidth, e.parentElement.scrollWidth,"
                    " e.parentElement.clientWidth]"
                )
                assert widths[0] <= widths[1] and widths[2] <= widths[3], (path, widths)  # nothing hidden
                page_width = page.evaluate("document.documentElement.scrollWidth")
                assert page_width <= viewport["width"], (path, page_width)
            page.goto(served.url + "dated/2024-12/", wait_until="load")
            page.locator(".tl-notice").scroll_into_view_if_needed()
            SHOTS.mkdir(exist_ok=True)
            page.screenshot(path=str(SHOTS / f"serve-notice-{name}.png"))
        finally:
            context.close()

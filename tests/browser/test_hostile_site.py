"""The payload site of the fuzz suite (tests/fuzz/payload_site.py: the repository's site with every
payload the validator lets through, in every kind of field) in Chromium: no page runs any of them."""

from __future__ import annotations

from typing import Any

import pytest
from fuzz.payload_site import payload_site  # tests/ is on sys.path (tests/conftest.py lives there)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Every way a payload could show that it ran: the dialogs it would open, counted instead.
TRAP = """
window.__ran = [];
for (const name of ["alert", "confirm", "prompt", "print"]) {
  window[name] = (...args) => { (window.top || window).__ran.push(name + "(" + args.join(",") + ")"); };
}
"""


def test_no_page_of_the_payload_site_runs_a_payload(browser: Any) -> None:
    site = payload_site()
    pages = sorted(site.site.rglob("*.html"))
    assert len(pages) > 30
    context = browser.new_context(service_workers="block")
    context.add_init_script(TRAP)
    elsewhere: list[str] = []

    def route(request_route: Any) -> None:
        url = request_route.request.url
        if url.startswith("file:"):
            request_route.continue_()
        else:
            elsewhere.append(url)
            request_route.abort()

    context.route("**/*", route)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    ran: dict[str, list[str]] = {}
    try:
        for path in pages:
            page.goto(path.as_uri())
            page.wait_for_load_state("load")
            calls = page.evaluate("window.__ran")
            if calls:
                ran[path.relative_to(site.site).as_posix()] = calls
    finally:
        context.close()
    assert ran == {}
    assert dialogs == []
    assert [url for url in elsewhere if "alert" in url or "javascript" in url] == []

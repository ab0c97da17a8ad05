"""What the browser tests of the built site share: the repository's site built with ``mkdocs build
--strict``, a local HTTP server for it, and a browser context that refuses every request that would
leave 127.0.0.1. (The fixtures that use these are in conftest.py.)"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SHOTS = Path(__file__).resolve().parent / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
PHONE_OPTIONS: dict[str, Any] = {"is_mobile": True, "has_touch": True, "device_scale_factor": 2}


def build_site(out: Path, **env: str) -> Path:
    """``mkdocs build --strict`` of the repository into ``out``; ``env`` adds variables (SITE_URL)."""
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    return out


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serve(folder: Path, handler: type[http.server.SimpleHTTPRequestHandler] = QuietHandler) -> Iterator[str]:
    """``folder`` over HTTP on 127.0.0.1 (a free port); yields the base URL, ending in /."""
    handle = functools.partial(handler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handle)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def site_pages(site: Path) -> list[str]:
    """Every page of a built site as a path below its root: "" for the home page, "dated/" …, and
    "404.html"."""
    pages = sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html"))
    return [("" if p == "./" else p) for p in pages] + (["404.html"] if (site / "404.html").is_file() else [])


class Session:
    """A browser context that records every request and refuses any that leaves 127.0.0.1."""

    def __init__(self, browser: Any, base_url: str, viewport: dict[str, int], **options: Any) -> None:
        self.base_url = base_url
        self.requests: list[str] = []
        self.context = browser.new_context(viewport=viewport, **options)
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()

    def _route(self, route: Any) -> None:
        url = route.request.url
        self.requests.append(url)
        if url.startswith(self.base_url):
            route.continue_()
        else:
            route.abort()

    def open(self, path: str) -> Any:
        self.page.goto(self.base_url + path, wait_until="networkidle")
        return self.page

    def shot(self, name: str) -> None:
        SHOTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{name}.png"))

    def close(self) -> None:
        self.context.close()
        strays = [u for u in self.requests if not u.startswith(self.base_url)]
        assert strays == [], f"requests left 127.0.0.1: {strays}"

"""What every browser test shares: Debian's Chromium driven by Playwright, one browser for the whole
session (Playwright's sync API allows one running instance per thread), the repository's site built
once and served from 127.0.0.1 (served.py), and the rule that under CI=true these tests run or fail,
never skip."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .served import DESKTOP, PHONE, PHONE_OPTIONS, Session, build_site, serve

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # A safety net under each test's request routing: no host resolves but 127.0.0.1.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


def need(ok: bool, why: str) -> None:
    """Skip on a developer machine without Chromium; never under CI=true, where it must run."""
    if not ok:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{why} (CI=true: the browser tests must run)")
        pytest.skip(why)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    need(CHROMIUM.is_file(), f"{CHROMIUM} is missing (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - pinned in requirements.txt
        need(False, "the playwright package is missing")
        raise
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's site, built once for every browser test that reads it."""
    return build_site(tmp_path_factory.mktemp("site") / "site")


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


@pytest.fixture
def desktop(browser: Any, base_url: str) -> Iterator[Session]:
    session = Session(browser, base_url, DESKTOP)
    yield session
    session.close()


@pytest.fixture
def phone(browser: Any, base_url: str) -> Iterator[Session]:
    session = Session(browser, base_url, PHONE, **PHONE_OPTIONS)
    yield session
    session.close()

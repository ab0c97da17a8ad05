"""Sharing and deployment: the site built as the Pages workflow builds it, for a project site served
from a sub-path (SITE_URL=…/repo/). Its sitemap lists every page, every page has a canonical link and
Open Graph tags, and its 404 page works at any depth below /repo/ in Debian's Chromium, served the way
GitHub Pages serves it (404.html, status 404, for any address it does not have)."""

from __future__ import annotations

import html.parser
import http.server
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from render.site_snapshot import build

from .served import DESKTOP, ROOT, QuietHandler, Session, build_site, serve, site_pages

pytestmark = [pytest.mark.slow]

SITE_URL = "http://127.0.0.1/repo/"  # only its path matters to the 404 page; the host is never asked
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def project_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the site under repo/, as GitHub Pages holds a project site."""
    root = tmp_path_factory.mktemp("pages")
    build_site(root / "repo", SITE_URL=SITE_URL.rstrip("/"))  # as configure-pages' base_url: no final /
    return root


class Head(html.parser.HTMLParser):
    """The <head>'s links and meta tags of a page, and every href in it."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.links: dict[str, str] = {}
        self.meta: dict[str, str] = {}
        self.hrefs: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "link" and "rel" in a:
            self.links[a["rel"]] = a.get("href", "")
        if tag == "meta" and ("property" in a or "name" in a):
            self.meta[a.get("property") or a["name"]] = a.get("content", "")
        if "href" in a:
            self.hrefs.append(a["href"])


def page_head(site: Path, path: str) -> Head:
    file = site / (path if path.endswith(".html") else path + "index.html")
    return Head(file.read_text(encoding="utf-8"))


def test_the_sitemap_lists_every_page(project_site: Path) -> None:
    site = project_site / "repo"
    tree = ET.parse(site / "sitemap.xml")
    listed = {loc.text for loc in tree.iter(f"{SITEMAP}loc")}
    pages = {SITE_URL + p for p in site_pages(site) if p != "404.html"}
    assert len(pages) > 30 and listed == pages


def test_every_page_has_a_canonical_link_and_open_graph_tags(project_site: Path) -> None:
    site = project_site / "repo"
    for path in site_pages(site):
        if path == "404.html":
            continue
        head = page_head(site, path)
        assert head.links["canonical"] == SITE_URL + path, path
        assert head.meta["og:url"] == SITE_URL + path, path
        assert head.meta["og:title"] and head.meta["og:site_name"], path
        assert head.meta["og:description"] == head.meta["description"], path


def test_a_page_description_is_its_own(project_site: Path) -> None:
    """A page's own description, not the site's, in its meta and Open Graph tags: the home page's front
    matter, a generated page's; a page without one falls back to the site's."""
    text = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---\n")[1])
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    home = page_head(project_site / "repo", "")
    assert home.meta["og:description"] == front["description"] != config["site_description"]
    assert (
        page_head(project_site / "repo", "methodology/").meta["og:description"] == config["site_description"]
    )
    month = page_head(project_site / "repo", "dated/2024-12/").meta["og:description"]
    assert re.match(r"\d+ events? under December 2024: \d+ dated December 2024, \d+ dated probably", month)


def test_the_404_page_links_below_the_project_path(project_site: Path) -> None:
    head = page_head(project_site / "repo", "404.html")
    assert head.hrefs and all(h.startswith("/repo/") for h in head.hrefs), head.hrefs
    assert "canonical" not in head.links and "og:url" not in head.meta


def test_the_pages_workflow_passes_its_base_url_to_the_build() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    configure = next(s for s in steps if s.get("uses", "").startswith("actions/configure-pages@"))
    build = next(s for s in steps if "make site" in s.get("run", ""))
    assert build["env"]["SITE_URL"] == "${{ steps." + configure["id"] + ".outputs.base_url }}"
    assert steps.index(configure) < steps.index(build)


def test_a_local_build_has_a_working_default(site: Path) -> None:
    """Without SITE_URL (a developer's `mkdocs build` or `serve`), site_url is the local server's."""
    home = page_head(site, "")
    assert home.links["canonical"] == "http://127.0.0.1:8000/"
    assert page_head(site, "404.html").hrefs[0].startswith("/")


class PagesHandler(QuietHandler):
    """Like GitHub Pages: an address with no file gets the site's 404.html, with status 404."""

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if not path.exists() and not path.with_name(path.name + ".html").exists():
            body = (Path(self.directory) / "repo" / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return None
        return super().send_head()


@pytest.fixture(scope="module")
def pages_url(project_site: Path) -> Iterator[str]:
    handler: type[http.server.SimpleHTTPRequestHandler] = PagesHandler
    with serve(project_site, handler) as url:
        yield url


@pytest.mark.browser
@pytest.mark.parametrize("missing", ["repo/no-such-page/", "repo/dated/2024-01/deeper/still/"])
def test_the_404_page_works_at_any_depth(browser: Any, pages_url: str, missing: str) -> None:
    session = Session(browser, pages_url, DESKTOP)
    try:
        response = session.page.goto(pages_url + missing, wait_until="networkidle")
        assert response is not None and response.status == 404
        page = session.page
        assert page.locator("h1").inner_text() == "Page not found"
        header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
        assert header == "rgb(55, 71, 79)"  # site.css and Material's styles loaded from /repo/
        links = page.locator(".tl-404-links a")
        assert links.count() >= 4
        for href in [links.nth(i).get_attribute("href") for i in range(links.count())]:
            assert session.context.request.get(pages_url.rstrip("/") + href).status == 200, href
        page.locator(".tl-404-links a", has_text="Full timeline").click()
        page.wait_for_load_state("networkidle")
        assert page.url == pages_url + "repo/timeline/"
        assert page.locator("h1").inner_text().startswith("Full timeline")
    finally:
        session.close()


def _small_site(tmp: Path, extra: str, offline: bool = False) -> Path:
    """tests/render/site in ``tmp`` with more timeline options (and Material's offline plugin)."""
    shutil.copytree(ROOT / "tests" / "render" / "site", tmp / "site")
    config = tmp / "site" / "mkdocs.yml"
    corpus = (ROOT / "tests" / "fixtures" / "corpus").as_posix()
    text = config.read_text(encoding="utf-8").replace("../../fixtures/corpus", corpus)
    text = text.replace("      periods:\n", f"{extra}      periods:\n", 1)
    if offline:
        text = text.replace("  - search:\n      lang: en\n", "  - search:\n      lang: en\n  - offline\n", 1)
    config.write_text(text, encoding="utf-8")
    docs = tmp / "site" / "docs" / "index.md"
    docs.write_text(docs.read_text(encoding="utf-8") + "\n<!-- timeline:offline -->\n", encoding="utf-8")
    (tmp / "site" / "bundle.zip").write_bytes(b"\0" * 12_345)
    return config


def _home(config: Path, out: Path) -> str:
    proc = build(config, out)
    assert proc.returncode == 0, proc.stderr
    return (out / "index.html").read_text(encoding="utf-8")


def test_the_home_page_links_the_offline_zip_with_its_size(tmp_path: Path) -> None:
    config = _small_site(tmp_path, "      download: bundle.zip\n      last_updated: true\n")
    home = _home(config, tmp_path / "out")
    assert '<a href="bundle.zip" download>' in home and "a 12.3 kB zip" in home
    assert (tmp_path / "out" / "bundle.zip").read_bytes() == b"\0" * 12_345  # beside the home page
    assert re.search(r'data last changed <time datetime="\d{4}-\d\d-\d\d">', home)


def test_the_offline_build_shows_no_link_to_itself(tmp_path: Path) -> None:
    config = _small_site(tmp_path, "      download: bundle.zip\n", offline=True)
    home = _home(config, tmp_path / "out")
    assert "bundle.zip" not in home and not (tmp_path / "out" / "bundle.zip").exists()

"""The exports in real `mkdocs build --strict` runs: written into the site next to the pages (the very
bytes the pure functions make), every feed link landing on an event's card, the Data page listing each
file with its size and the license line, in the offline bundle too; `exports: false` leaves them out;
a broken Data page template fails the build before site/ is touched."""

from __future__ import annotations

import os
import re
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
import yaml
from projects import run

from generator.exports import EXPORTS, ExportOptions, build_exports, updated_at
from generator.exports.page import size_label
from generator.validate import Project, validate_project

from .conftest import ROOT

CORPUS = ROOT / "tests" / "fixtures" / "corpus"
LICENSE = "Events CC BY 4.0; quoted articles remain their publishers' copyright."
A = "{http://www.w3.org/2005/Atom}"
ENV_KEYS = {"NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", "SOURCE_DATE_EPOCH": "1735000000"}

pytestmark = pytest.mark.slow


def _project(folder: Path, **settings: object) -> Path:
    plugin = {"events": str(CORPUS / "events"), "seeds": str(CORPUS / "seeds")}
    plugin.update(settings.pop("plugin", {}))  # type: ignore[call-overload]
    config = {
        "site_name": "Fixture timeline",
        "copyright": LICENSE,
        "theme": {"name": "material", "font": False},
        "plugins": ["search", {"timeline": plugin}],
        "markdown_extensions": ["attr_list", "md_in_html", {"toc": {"permalink": True}}],
        **settings,
    }
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "index.md").write_text("# Fixture timeline\n\n<!-- timeline:latest -->\n", "utf-8")
    (folder / "docs" / "methodology.md").write_text("# Methodology\n", "utf-8")
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    return folder


def _build(project: Path) -> subprocess.CompletedProcess[str]:
    return run(project, "-m", "mkdocs", "build", "--strict", env={**os.environ, **ENV_KEYS})


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = _project(tmp_path_factory.mktemp("exports-site"))
    proc = _build(project)
    assert proc.returncode == 0, proc.stderr
    return project / "site"


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids |= {v for k, v in attrs if k == "id" and v}
        if tag == "tr":
            self.rows.append([])
        elif tag == "td":
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self._cell is not None:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)

    @classmethod
    def of(cls, path: Path) -> _Ids:
        parser = cls()
        parser.feed(path.read_text(encoding="utf-8"))
        return parser


def _page(site: Path, url: str) -> Path:
    """The built file a site-relative URL (no scheme, no fragment) is served from."""
    path = site / urlsplit(url).path
    return path / "index.html" if url.endswith("/") or not path.suffix else path


def test_the_site_holds_exactly_what_the_pure_functions_make(site: Path) -> None:
    timeline = validate_project(Project(CORPUS / "events", CORPUS / "seeds", root=CORPUS)).timeline
    options = ExportOptions(
        "Fixture timeline", updated_at(int(ENV_KEYS["SOURCE_DATE_EPOCH"])), license=LICENSE
    )
    expected = build_exports(timeline, options)
    assert {path: (site / path).read_bytes() for path in expected} == expected


def test_every_feed_link_lands_on_an_events_card(site: Path) -> None:
    feed = ET.parse(site / "feed.xml").getroot()
    hrefs = [link.get("href") or "" for link in feed.iter(f"{A}link") if link.get("rel") == "alternate"]
    assert len(hrefs) == 1 + len(list(feed.iter(f"{A}entry")))
    for href in hrefs[1:]:
        page, anchor = urldefrag(urljoin("https://example.org/feed.xml", href))
        file = _page(site, page.removeprefix("https://example.org/"))
        assert anchor in _Ids.of(file).ids, href


def test_the_data_page_lists_every_file_with_its_size_and_the_license(site: Path) -> None:
    page = _Ids.of(site / "data" / "index.html")
    rows = [row for row in page.rows if row]
    assert [row[0] for row in rows] == [PurePosixPath(e.path).name for e in EXPORTS]
    for export, row in zip(EXPORTS, rows, strict=True):
        assert row[2] == size_label((site / export.path).stat().st_size)
    assert LICENSE in " ".join(" ".join(page.text).split())
    html = (site / "data" / "index.html").read_text(encoding="utf-8")
    for href in re.findall(r'href="([^"#]+)" type=', html):
        assert (site / "data" / href).resolve().is_file(), href


def test_site_url_makes_the_links_absolute(tmp_path: Path) -> None:
    project = _project(tmp_path, site_url="https://example.org/timeline/")
    proc = _build(project)
    assert proc.returncode == 0, proc.stderr
    feed = ET.parse(project / "site" / "feed.xml").getroot()
    links = [link.get("href") or "" for link in feed.iter(f"{A}link")]
    assert all(h.startswith("https://example.org/timeline/") for h in links), links[:3]


def test_exports_false_leaves_them_out(tmp_path: Path) -> None:
    project = _project(tmp_path, plugin={"exports": False})
    proc = _build(project)
    assert proc.returncode == 0, proc.stderr
    site = project / "site"
    assert not (site / "feed.xml").exists() and not (site / "data").exists()
    assert (site / "timeline" / "index.html").is_file()


def test_a_broken_data_template_fails_before_the_site_is_touched(tmp_path: Path) -> None:
    overrides = tmp_path / "overrides" / "timeline"
    overrides.mkdir(parents=True)
    (overrides / "data.html").write_text("<p>{{ files[0].sise }}</p>\n", encoding="utf-8")
    project = _project(tmp_path / "p", theme={"name": "material", "custom_dir": str(tmp_path / "overrides")})
    proc = _build(project)
    assert proc.returncode == 1
    assert re.search(r"overrides/timeline/data\.html:1: template error: .*sise", proc.stderr), proc.stderr
    assert not (project / "site").exists()


def test_the_offline_bundle_carries_the_exports_with_links_inside_it(offline_zip: Path) -> None:
    with zipfile.ZipFile(offline_zip) as archive:
        names = set(archive.namelist())
        top = next(iter(names)).split("/")[0]
        assert {f"{top}/{e.path}" for e in EXPORTS} | {f"{top}/data/index.html"} <= names
        feed = ET.fromstring(archive.read(f"{top}/feed.xml"))
        for entry in feed.iter(f"{A}entry"):
            href = next(link.get("href") or "" for link in entry.iter(f"{A}link"))
            page, anchor = urldefrag(href)
            assert not urlsplit(href).scheme and page.endswith(".html"), href  # inside the bundle
            assert f'id="{anchor}"' in archive.read(f"{top}/{page}").decode(), href


def test_the_stamp_is_the_datas_commit_time(site: Path) -> None:
    feed = ET.parse(site / "feed.xml").getroot()
    assert feed.findtext(f"{A}updated") == "2024-12-24T00:26:40Z"  # SOURCE_DATE_EPOCH of the build

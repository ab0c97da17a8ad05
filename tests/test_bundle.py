"""The offline bundle (``python -m generator bundle``): configuration, reproducibility, no network."""

from __future__ import annotations

import calendar
import hashlib
import json
import os
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from generator import bundle as b

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs-offline.yml"
FOLDER = f"{b.DEFAULT_NAME}-offline/"
# Hosts a page must never load from. Material's own bundle names unpkg.com in two loaders that run
# only when needed (a ResizeObserver polyfill for old browsers, Mermaid for diagrams); the browser test
# proves neither is requested. Everything else, HTML included, must not mention any of them.
EXTERNAL = re.compile(
    r"""[\w:/.-]*(?:fonts\.googleapis|fonts\.gstatic|unpkg\.com|cdn\.jsdelivr|cdnjs\.cloudflare)[^\s"'`)<>]*"""
)
MATERIAL_LOADERS = {
    "https://unpkg.com/resize-observer-polyfill",
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js",
}
SEARCH_INDEX_BUDGET = 1_000_000  # bytes; Material's search freezes under file:// with very large indexes


def build(out: Path, *, env: dict[str, str] | None = None) -> dict[str, str]:
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "bundle", "--out", str(out), "--json"],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    result: dict[str, str] = json.loads(proc.stdout.splitlines()[-1])
    return result


# ---------------------------------------------------------------- the configuration (fast)


def test_offline_config_keeps_up_with_mkdocs_yml() -> None:
    offline = b.load_config(CONFIG)
    main = b.load_config(ROOT / "mkdocs.yml")
    assert b.check_offline_config(offline, main) == []


def test_config_check_names_every_problem() -> None:
    main = {
        "theme": {"features": ["navigation.instant", "navigation.tabs"]},
        "plugins": ["search", {"timeline": {"events": "events"}}, "tags"],
        "hooks": ["hooks/x.py"],
    }
    bad = {
        "theme": {"features": ["navigation.instant.prefetch"]},
        "plugins": {"search": {"lang": "en"}, "offline": {"enabled": False}, "timeline": {}, "blog": {}},
        "repo_url": "https://github.com/o/r",
    }
    problems = "\n".join(b.check_offline_config(bad, main))
    for text in (
        "'offline' plugin",
        "use_directory_urls",
        "theme.font",
        "'navigation.instant.prefetch'",
        b.SHIM_TARGET,
        "repo_url",
        "'navigation.tabs' of mkdocs.yml",
        "'tags' of mkdocs.yml is missing",
        "'timeline' has other options",
        "hook 'hooks/x.py'",
        "plugin 'blog' is not in mkdocs.yml",
        "feature 'navigation.instant.prefetch' is not in mkdocs.yml",
    ):
        assert text in problems
    assert "'navigation.instant' of" not in problems
    assert "'search'" not in problems  # the offline build may tune search


def test_plugins_from_lists_and_mappings() -> None:
    listed = ["search", {"material/offline": {}}, {"x": {"enabled": False}}]
    assert b.plugins_of({"plugins": listed}) == {"search": {}, "offline": {}}
    mapping = {"search": None, "offline": {"enabled": True}}
    assert b.plugins_of({"plugins": mapping}) == {"search": {}, "offline": {"enabled": True}}
    assert b.plugins_of({}) == {"search": {}}  # MkDocs' default


def test_source_date_epoch(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1734912000")
    assert b.source_date_epoch(tmp_path) == 1734912000
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert b.source_date_epoch(tmp_path) == b.ZIP_EPOCH_MIN  # zip cannot hold times before 1980
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert b.source_date_epoch(tmp_path) == b.ZIP_EPOCH_MIN  # not a git checkout
    last_commit = subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if last_commit.returncode == 0:
        assert b.source_date_epoch(ROOT) == int(last_commit.stdout)


def test_zip_is_sorted_stamped_and_leaves_out_server_files(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for name in ("b.html", "a/z.js", "a/z.js.map", "sitemap.xml", "sitemap.xml.gz", "a/b/c.css"):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(name, encoding="utf-8")
    (site / "b.html").chmod(0o600)
    first, second = tmp_path / "1.zip", tmp_path / "2.zip"
    assert b.write_zip(site, first, "x", 1734912000) == 3
    os.utime(site / "b.html", (0, 0))
    b.write_zip(site, second, "x", 1734912000)
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        infos = archive.infolist()
    assert [i.filename for i in infos] == ["x/a/b/c.css", "x/a/z.js", "x/b.html"]
    assert {i.date_time for i in infos} == {(2024, 12, 23, 0, 0, 0)}
    assert {i.external_attr >> 16 for i in infos} == {0o100644}


# ---------------------------------------------------------------- the built bundle (slow)


@pytest.mark.slow
def test_two_builds_are_byte_identical(offline_zip: Path, tmp_path: Path) -> None:
    # The same timestamp as the first build, even if a commit landed in between (shared checkouts):
    # the feed's <updated> has it to the second (a zip entry's time only to two seconds).
    with zipfile.ZipFile(offline_zip) as archive:
        feed = archive.read(f"{archive.infolist()[0].filename.split('/')[0]}/feed.xml").decode()
    updated = re.search(r"<updated>([^<]+)</updated>", feed)
    assert updated is not None
    stamp = calendar.timegm(time.strptime(updated.group(1), "%Y-%m-%dT%H:%M:%SZ"))
    again = Path(build(tmp_path, env={"SOURCE_DATE_EPOCH": str(stamp)})["path"])
    first, second = (hashlib.sha256(p.read_bytes()).hexdigest() for p in (offline_zip, again))
    assert first == second


@pytest.mark.slow
def test_bundle_layout(offline_zip: Path) -> None:
    with zipfile.ZipFile(offline_zip) as archive:
        names = archive.namelist()
        shim = archive.read(FOLDER + b.SHIM_TARGET)
        index_html = archive.read(FOLDER + "index.html").decode()
        index_size = archive.getinfo(FOLDER + "search/search_index.js").file_size
    assert all(n.startswith(FOLDER) and ".." not in n.split("/") for n in names)
    assert names == sorted(names)
    assert shim == (ROOT / b.SHIM).read_bytes()
    assert f'src="{b.SHIM_TARGET}"' in index_html  # relative: works from any folder
    assert not any(n.endswith((".map", "sitemap.xml", "sitemap.xml.gz", "/404.html")) for n in names)
    assert index_size < SEARCH_INDEX_BUDGET, (
        f"search index {index_size:,} bytes: Material's search stalls under file:// with very large "
        "indexes; leave more out (SEARCH_EXCLUDED_PAGES in generator/bundle.py)"
    )


@pytest.mark.slow
def test_search_index_holds_every_event_once_and_no_article_text(offline_zip: Path) -> None:
    with zipfile.ZipFile(offline_zip) as archive:
        index = json.loads(archive.read(FOLDER + "search/search_index.json"))
        inlined = archive.read(FOLDER + "search/search_index.js").decode()
    prefix = "var __index = "  # what Material's offline plugin writes; file:// pages load it as a script
    assert inlined.startswith(prefix) and json.loads(inlined[len(prefix) :]) == index
    locations = [doc["location"] for doc in index["docs"]]
    events = sorted(p.stem for p in (ROOT / "events").glob("*.yaml") if not p.name.startswith("_"))
    for event in events:
        hits = [loc for loc in locations if loc.endswith(f"#e-{event}")]
        assert [h.split("#")[0].split("/")[0] for h in hits] == ["dated"], (event, hits)
    assert not [loc for loc in locations if loc.split("#")[0] == "timeline.html"]
    articles = [d for d in index["docs"] if re.fullmatch(r"sources/.+\.html#the-article", d["location"])]
    assert articles and all(d["text"] == "" for d in articles)  # headline only, no article text


@pytest.mark.slow
def test_no_fonts_or_cdns(offline_zip: Path) -> None:
    found: dict[str, set[str]] = {}
    with zipfile.ZipFile(offline_zip) as archive:
        for name in archive.namelist():
            if not name.endswith((".html", ".js", ".css", ".json", ".xml", ".svg", ".txt")):
                continue
            urls = set(EXTERNAL.findall(archive.read(name).decode("utf-8", "replace")))
            if name.startswith(FOLDER + "assets/javascripts/bundle."):
                urls -= MATERIAL_LOADERS
            if urls:
                found[name] = urls
    assert found == {}


@pytest.mark.slow
def test_pages_link_relatively(offline_zip: Path) -> None:
    """Under file://, a link starting with / points at the root of the disk."""
    rooted = re.compile(r"""\s(?:href|src)=["']?(/[^/]|file:)""")
    with zipfile.ZipFile(offline_zip) as archive:
        bad = [
            n for n in archive.namelist() if n.endswith(".html") and rooted.search(archive.read(n).decode())
        ]
    assert bad == []

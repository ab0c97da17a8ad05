"""Hostile text (hostile.py: every field a script, an event handler and Markdown syntax) ends up inert in
every page, title and search entry of a full MkDocs + Material build."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hostile import PERIODS, SITE, hostile_timeline, write_docs
from site_snapshot import build

from generator.render import Options, fill_home, render_site

pytestmark = pytest.mark.slow


class _Live(HTMLParser):
    """What would run or load in a page: event-handler attributes, scripts, images, javascript: links."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [f"<{tag} {k}=…>" for k, _ in attrs if k.lower().startswith("on")]
        values = dict(attrs)
        if tag == "img" and values.get("src") == "x":
            self.found.append("<img src=x>")
        if (values.get("href") or "").strip().lower().startswith("javascript"):
            self.found.append(f"<{tag} href=javascript:…>")
        self._script = tag == "script"

    def handle_data(self, data: str) -> None:
        if self._script and "alert" in data:
            self.found.append("<script>alert…")

    def handle_endtag(self, tag: str) -> None:
        self._script = False


def assert_inert(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 8
    for path in pages:
        parser = _Live()
        parser.feed(path.read_text(encoding="utf-8"))
        assert parser.found == [], path
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any("alert" in doc["text"] for doc in index["docs"])  # the hostile text is there, escaped
    for doc in index["docs"]:
        for value in (doc.get("title", ""), doc.get("text", "")):
            assert "<script" not in value and "<img" not in value, value


def test_hostile_text_ends_up_inert_through_the_plugin(hostile_site: Path) -> None:
    assert_inert(hostile_site)


def test_hostile_text_ends_up_inert_as_plain_markdown(tmp_path: Path) -> None:
    """The pages as Markdown, built by plain MkDocs + Material (no plugin)."""
    docs = tmp_path / "docs"
    write_docs(docs)
    timeline = hostile_timeline()
    options = Options(periods=PERIODS)
    for path, markdown in render_site(timeline, options).items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(markdown, encoding="utf-8")
    home = docs / "index.md"
    home.write_text(fill_home(home.read_text(encoding="utf-8"), timeline, options), encoding="utf-8")
    config = (SITE / "mkdocs.yml").read_text(encoding="utf-8")
    plain = re.sub(r"^  - timeline:\n(?: {6,}.*\n)*", "", config, flags=re.MULTILINE)
    (tmp_path / "mkdocs.yml").write_text(plain, encoding="utf-8")
    proc = build(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert proc.returncode == 0, proc.stderr
    assert_inert(tmp_path / "site")

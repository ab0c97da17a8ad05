"""Hostile text (hostile.py: every field a script, an event handler and Markdown syntax) ends up inert in
every page, title and search entry of a full MkDocs + Material build."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hostile import PERIODS, SITE, hostile_timeline, write_docs
from site_snapshot import build, live

from generator.render import Options, fill_home, render_site

pytestmark = pytest.mark.slow


def assert_inert(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 8
    for path in pages:
        assert live(path.read_text(encoding="utf-8")) == [], path
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

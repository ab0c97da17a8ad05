"""Golden tests: the fixture corpus renders to exactly the Markdown under tests/render/golden/.

After an intended change, regenerate and review the diff:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/render
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.model import Timeline
from generator.render import Options, fill_home, render_site

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
HOME = "".join(
    f"## {name}\n\n<!-- timeline:{name} -->\n\n"
    for name in ("stats", "periods", "figures", "latest", "check")
)


def _rendered(timeline: Timeline, options: Options) -> dict[str, str]:
    pages = {f"pages/{path}": text for path, text in render_site(timeline, options).items()}
    pages["home.md"] = fill_home(HOME, timeline, options)
    flat = Options(periods=options.periods, directory_urls=False)
    pages["flat-urls/dated/2024-12.md"] = render_site(timeline, flat)["dated/2024-12.md"]
    return pages


def test_pages_match_golden_files(timeline: Timeline, options: Options) -> None:
    pages = _rendered(timeline, options)
    if UPDATE:
        for old in GOLDEN.rglob("*.md"):
            old.unlink()
        for path, text in pages.items():
            target = GOLDEN / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    stored = {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8") for p in GOLDEN.rglob("*.md")}
    assert sorted(stored) == sorted(pages), "pages added or removed: run with UPDATE_GOLDEN=1 and review"
    for path, text in pages.items():
        assert text == stored[path], f"{path} differs from its golden file (UPDATE_GOLDEN=1 to accept)"


def test_page_paths(timeline: Timeline, options: Options) -> None:
    assert list(render_site(timeline, options)) == [
        "dated/2024-06.md",
        "dated/2024-08.md",
        "dated/2024-12.md",
        "dated/index.md",
        "figures.md",
        "sources/fixture-a.md",
        "sources/fixture-b.md",
        "sources/fixture-c.md",
        "sources/index.md",
        "tags/casualties.md",
        "tags/diplomacy.md",
        "tags/index.md",
        "tags/military.md",
        "timeline.md",
    ]


def test_rendering_is_deterministic(timeline: Timeline, options: Options) -> None:
    assert _rendered(timeline, options) == _rendered(timeline, options)


@pytest.mark.parametrize("limit", [0, 3])
def test_long_timelines_list_events_compactly(timeline: Timeline, limit: int) -> None:
    page = render_site(timeline, Options(full_limit=limit))["timeline.md"]
    assert "### " not in page  # no full cards
    assert page.count('<ol class="tl-compact">') == 3  # one list per month
    assert page.count("<li><time") == len(timeline.events)

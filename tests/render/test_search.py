"""Search entries built from the model equal what Material's own search parser makes of the rendered
HTML, section by section, on every generated page of several timelines (so a template change that the
search functions do not follow fails here). Material is pinned, and its parser is used as it is."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hostile import PERIODS as HOSTILE_PERIODS
from hostile import hostile_timeline
from material.plugins.search.plugin import Parser

from generator.model import Timeline
from generator.render import Headings, Options, Permalinks, Renderer
from generator.validate import Project, validate_project

ROOT = Path(__file__).resolve().parents[2]
SITE_LIKE = Permalinks(
    symbol="&para;", title="Link to this section", auto_id=lambda text, used: _unique(text.lower(), used)
)


def _unique(slug: str, used: set[str]) -> str:
    slug = "-".join("".join(ch for ch in slug if ch.isalnum() or ch in " -_").split()) or "_"
    found, n = slug, 0
    while found in used:
        n += 1
        found = f"{slug}_{n}"
    return found


def _material(html: str) -> list[tuple[str | None, str, str]]:
    parser = Parser()
    parser.feed(html)
    parser.close()
    return [(s.id, "".join(s.title).strip(), "".join(s.text).strip()) for s in parser.data]


def _validated(events: Path, seeds: Path) -> Timeline:
    result = validate_project(Project(events, seeds, root=events.parent))
    assert result.ok, list(result.diagnostics)[:3]
    return result.timeline


def _bench(tmp: Path) -> Timeline:
    sys.path.insert(0, str(ROOT / "bench"))
    from corpus import write_corpus

    write_corpus(tmp, 300, 20)
    return _validated(tmp / "events", tmp / "seeds")


CASES: dict[str, Callable[[Path, Timeline], tuple[Timeline, Options]]] = {
    "fixture": lambda tmp, fixture: (fixture, Options(periods={"2024-06": "June — the pact"})),
    "fixture, compact timeline, flat URLs": lambda tmp, fixture: (
        fixture,
        Options(directory_urls=False, full_limit=0),
    ),
    "hostile": lambda tmp, fixture: (hostile_timeline(), Options(periods=HOSTILE_PERIODS)),
    "repository": lambda tmp, fixture: (_validated(ROOT / "events", ROOT / "seeds"), Options()),
    "bench corpus": lambda tmp, fixture: (_bench(tmp), Options(full_limit=100)),
}


@pytest.mark.parametrize("case", list(CASES))
def test_entries_equal_materials_parse_of_the_html(case: str, tmp_path: Path, timeline: Timeline) -> None:
    data, options = CASES[case](tmp_path, timeline)
    renderer = Renderer(data, options)
    assert len(renderer.pages) >= 8
    for path, page in renderer.pages.items():
        first = Headings(permalinks=SITE_LIKE)  # the title, which Markdown writes in the plugin
        title = first(1, page.title)
        rendered = renderer.render(page, Headings(permalinks=SITE_LIKE, used=set(first.used)), search=True)
        ours = [(e.anchor, e.title, e.text) for e in rendered.search]
        if not page.searchable:  # left out of search (front matter): no entries are made for it
            assert ours == [] and "search:\n  exclude: true" in page.title_markdown, path
            continue
        assert ours == _material(f"{title}{rendered.html}"), path


def _build_spying(config_file: Path, site: Path, **changes: object) -> tuple[list[str], dict[str, object]]:
    """An in-process ``mkdocs build``; which pages Material's search parsed, and the index it wrote."""
    import json

    from material.plugins.search import plugin as search_plugin
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    parsed: list[str] = []
    original = search_plugin.SearchIndex.add_entry_from_context

    def spy(self: object, page: object) -> None:
        if not (page.meta.get("search") or {}).get("exclude"):  # type: ignore[attr-defined]
            parsed.append(page.file.src_uri)  # type: ignore[attr-defined]
        original(self, page)  # type: ignore[arg-type]

    config = load_config(str(config_file), site_dir=str(site), **changes)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_plugin.SearchIndex, "add_entry_from_context", spy)
        config.plugins.on_startup(command="build", dirty=False)
        build(config)
    return parsed, json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


SMALL_SITE = Path(__file__).resolve().parent / "site" / "mkdocs.yml"


@pytest.mark.slow
def test_material_parses_only_the_hand_written_pages(tmp_path: Path) -> None:
    parsed, index = _build_spying(SMALL_SITE, tmp_path / "site")
    # The Data page is generated too, but small, one per site: Material parses it (so a plain build of
    # `generator render OUT` indexes it the same way).
    assert sorted(parsed) == ["data/index.md", "index.md", "methodology.md"]
    locations = [doc["location"] for doc in index["docs"]]  # type: ignore[index]
    assert "dated/2024-12/#e-jcs-1100-casualties" in locations


@pytest.mark.slow
def test_an_overridden_template_hands_the_pages_back_to_materials_parser(tmp_path: Path) -> None:
    card = (ROOT / "generator" / "templates" / "timeline" / "card.html").read_text(encoding="utf-8")
    (tmp_path / "overrides" / "timeline").mkdir(parents=True)
    (tmp_path / "overrides" / "timeline" / "card.html").write_text(
        card.replace('<p class="tl-meta">', '<p class="tl-meta">Overridden: ', 1), encoding="utf-8"
    )
    parsed, index = _build_spying(
        SMALL_SITE, tmp_path / "site", theme={"name": "material", "custom_dir": str(tmp_path / "overrides")}
    )
    assert "dated/2024-12.md" in parsed and "timeline.md" not in parsed  # left out of search in any case
    texts = [doc["text"] for doc in index["docs"] if "#e-" in doc["location"]]  # type: ignore[index]
    assert texts and all(text.startswith("<p>Overridden: ") for text in texts)


def _plugin(module: str) -> Any:
    """An object of a class from ``module`` with a method ``f``: a plugin's page_context handler."""
    return type("Plugin", (), {"__module__": module, "f": lambda self: None})()


def test_pages_are_held_back_from_materials_search_pass_only_when_nothing_else_reads_them() -> None:
    from types import SimpleNamespace

    from generator.plugin_search import search_alone_between, search_changes

    def config(*handlers: object) -> Any:
        return SimpleNamespace(plugins=SimpleNamespace(events={"page_context": list(handlers)}))

    first, last = _plugin("generator.plugin").f, _plugin("generator.plugin").f
    search, other = _plugin("material.plugins.search.plugin").f, _plugin("someone.plugin").f
    assert search_alone_between(config(first, search, last), first, last)
    assert not search_alone_between(config(first, search, other, last), first, last)
    assert not search_alone_between(config(first, last), first, last)
    assert not search_alone_between(config(first, search), first, last)
    assert not search_changes('<p data-search-exclude class="x">')  # what the templates write
    assert search_changes('<p data-search-boost="2">')  # what Material's pass would remove

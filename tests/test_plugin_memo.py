"""`mkdocs serve` keeps the theme's page HTML (generator/plugin_memo.py) and the pages' Markdown
conversions (generator/plugin_mdmemo.py) between rebuilds: every rebuild must give the site that rendering
every page again gives, byte for byte, and reuse what it can.

The rebuilds run in this process as `mkdocs serve` runs them (a fresh config, the same plugin); the
reference for each runs in a fresh interpreter, with the memo off."""

from __future__ import annotations

import gc
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from projects import ROOT, fixture_project, run

pytestmark = pytest.mark.slow

SERVE_URL = "http://127.0.0.1:8000/"
# The reference: `mkdocs serve` with nothing kept by the memo, in a fresh interpreter: it builds the files
# as they are, saves the edit (argv[3]: the file, argv[4]: its new text), and builds again (the second
# build may keep the first's pages while the data is invalid, as serve does).
REFERENCE = f"""
import sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
from generator import plugin_memo
begin = plugin_memo.PageMemo.begin
plugin_memo.PageMemo.begin = lambda memo, config, owner, serve: begin(memo, config, owner, False)
for step in range(2):
    if step:
        Path(sys.argv[3]).write_text(sys.argv[4], encoding="utf-8")
    config = load_config(sys.argv[1], site_dir=sys.argv[2])
    config.plugins.on_startup(command="serve", dirty=False)
    build(config, serve_url="{SERVE_URL}")
    assert not config.plugins["timeline"]._memo.on
"""


def _pages(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _replace(path: Path, old: str, new: str) -> Callable[[], tuple[Path, str]]:
    def edit() -> tuple[Path, str]:
        text = path.read_text(encoding="utf-8")
        assert old in text, (path, old)
        return path, text.replace(old, new, 1)

    return edit


def test_serve_rebuilds_equal_cold_builds_and_render_only_what_changed(tmp_path: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project = fixture_project(tmp_path / "project")
    served, cold = tmp_path / "served", tmp_path / "cold"
    events, seeds = project / "events", project / "seeds"

    def rebuild() -> tuple[int, int, int, int]:
        """What `mkdocs serve` does on every change; the pages whose template HTML was reused and all
        pages, then the same for their Markdown conversions."""
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(served))
        config.plugins.on_startup(command="serve", dirty=False)
        build(config, serve_url=SERVE_URL)
        memo, markdown = config.plugins["timeline"]._memo, config.plugins["timeline"]._markdown
        assert memo.on and markdown.on
        assert gc.get_freeze_count() == 0  # frozen during the build only: what it replaced can be freed
        return memo.reused, len(memo._kept), markdown.reused, len(markdown._kept)

    _, pages, _, converted_pages = rebuild()

    def everything(reused: int, total: int) -> bool:
        return reused == total

    def all_but_one(reused: int, total: int) -> bool:
        return reused == total - 1

    def none(reused: int, total: int) -> bool:
        return reused == 0

    Check = Callable[[int, int], bool]
    steps: list[tuple[str, Callable[[], tuple[Path, str]], Check, Check]]
    steps = [
        (  # one month page, the full timeline and the event's tag pages change; no page's Markdown does
            "an event reworded",
            _replace(events / "jcs-100-killed.yaml", "had been killed", "had been reported killed"),
            lambda reused, total: 0 < reused < total,
            everything,
        ),
        (  # the source's page title is in the sidebar of the pages of its section only (and the Markdown
            # of its own page)
            "a source's title",
            _replace(seeds / "fixture-b.yaml", "title: ", "title: Revised "),
            lambda reused, total: 0 < reused < total,
            all_but_one,
        ),
        (  # the error notice goes on every page: after the template on generated pages, after the
            # Markdown on the others
            "an event broken",
            _replace(events / "jcs-1100-casualties.yaml", "around 1,100", "around 1,200"),
            lambda reused, total: 0 < reused < total,
            everything,
        ),
        (  # every page as it was two builds ago: all kept
            "the event fixed",
            _replace(events / "jcs-1100-casualties.yaml", "around 1,200", "around 1,100"),
            everything,
            everything,
        ),
        (  # a template of the theme's custom_dir: every page is rendered again (its Markdown is not)
            "a template override",
            _replace(
                project / "overrides" / "partials" / "copyright.html",
                "</",
                "<!-- edited --></",
            ),
            none,
            everything,
        ),
        (  # a hand-written page
            "a page in docs/",
            _replace(project / "docs" / "methodology.md", "\n\n", "\n\nAn added paragraph.\n\n"),
            lambda reused, total: 0 < reused < total,
            all_but_one,
        ),
        (
            "mkdocs.yml",
            _replace(project / "mkdocs.yml", 'site_name: "', 'site_name: "Renamed '),
            none,
            none,
        ),
    ]
    for name, edit, expected, converted in steps:
        path, text = edit()
        proc = run(project, "-c", REFERENCE, str(project / "mkdocs.yml"), str(cold), str(path), text)
        assert proc.returncode == 0, proc.stderr
        assert path.read_text(encoding="utf-8") == text
        reused, total, kept_markdown, converted_total = rebuild()
        got, want = _pages(served), _pages(cold)
        assert sorted(got) == sorted(want), name
        differ = [path for path in want if got[path] != want[path]]
        assert differ == [], (name, differ[:5])
        assert total == pages and expected(reused, total), (name, reused, total)
        assert converted_total == converted_pages and converted(kept_markdown, converted_total), (
            name,
            kept_markdown,
            converted_total,
        )


def test_the_memo_is_off_with_a_plugin_it_does_not_know_and_under_build(tmp_path: Path) -> None:
    """A plugin the fingerprint knows nothing of (here a hooks module) could change what a template
    sees: then every page is rendered, every time. Nor is anything kept by `mkdocs build`."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from generator.plugin_memo import PageMemo

    project = fixture_project(tmp_path / "project")
    (project / "hooks.py").write_text("def on_page_context(context, **kwargs):\n    return context\n")
    config_file = project / "mkdocs.yml"
    text = config_file.read_text(encoding="utf-8")
    config_file.write_text(re.sub(r"^plugins:\n", "hooks:\n  - hooks.py\n\nplugins:\n", text, flags=re.M))
    for _ in range(2):
        config = load_config(str(config_file), site_dir=str(tmp_path / "site"))
        config.plugins.on_startup(command="serve", dirty=False)
        build(config, serve_url=SERVE_URL)
        memo = config.plugins["timeline"]._memo
        assert not memo.on and memo.reused == 0 and not memo._kept
    plain = load_config(str(ROOT / "mkdocs.yml"))
    memo = PageMemo()
    memo.begin(plain, plain.plugins["timeline"], serve=True)
    assert memo.on
    memo.begin(plain, plain.plugins["timeline"], serve=False)
    assert not memo.on


def test_the_plugins_it_knows_are_named_by_module() -> None:
    from generator.plugin_memo import _known

    assert _known("mkdocs.contrib.search") and _known("material.plugins.search.plugin")
    assert _known("material.plugins.offline.plugin")
    assert not _known("material.plugins.searchlight") and not _known("material.plugins.tags.plugin")
    assert not _known("mkdocs_macros.plugin")


def test_a_template_showing_the_build_date_keeps_no_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`build_date_utc` changes with every build: if a template shows it, every page is rendered again."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project = fixture_project(tmp_path / "project")
    footer = project / "overrides" / "partials" / "copyright.html"
    footer.write_text(
        footer.read_text(encoding="utf-8") + "<p>{{ build_date_utc.year }}</p>\n", encoding="utf-8"
    )
    for year, epoch in ((2030, "1893456000"), (2031, "1924992000")):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
        config.plugins.on_startup(command="serve", dirty=False)
        build(config, serve_url=SERVE_URL)
        assert config.plugins["timeline"]._memo.reused == 0
        for page in ("index.html", "timeline/index.html", "dated/2024-12/index.html"):
            assert f"<p>{year}</p>" in (tmp_path / "site" / page).read_text(encoding="utf-8"), (year, page)


def test_a_kept_conversion_logs_its_warnings_again(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A page's broken link is reported on every rebuild, its Markdown converted or not; and so is a
    link to an anchor another page lacks (checked from what the conversion recorded)."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project = fixture_project(tmp_path / "project")
    page = project / "docs" / "methodology.md"
    page.write_text(
        page.read_text(encoding="utf-8")
        + "\n[gone](no-such-page.md) and [there](timeline.md#no-such-anchor)\n",
        encoding="utf-8",
    )
    for build_number in range(2):
        caplog.clear()
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
        config.plugins.on_startup(command="serve", dirty=False)
        with caplog.at_level(logging.INFO, logger="mkdocs"):
            build(config, serve_url=SERVE_URL)
        markdown = config.plugins["timeline"]._markdown
        assert markdown.reused == (len(markdown._kept) if build_number else 0)
        warned = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
        assert sum("'no-such-page.md'" in m for m in warned) == 1, warned
        assert sum("#no-such-anchor" in m for m in warned) == 1, warned


def test_markdown_extensions_that_read_other_files_turn_the_conversion_memo_off() -> None:
    from markdown.extensions.toc import TocExtension

    from generator.plugin_mdmemo import pure_extensions

    assert pure_extensions(["toc", "markdown.extensions.tables", "pymdownx.superfences", TocExtension()])
    assert not pure_extensions(["toc", "pymdownx.snippets"])
    assert not pure_extensions(["toc", "pymdownx.b64"])
    assert not pure_extensions(["mdx_truly_sane_lists"])

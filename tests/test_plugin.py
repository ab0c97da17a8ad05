"""The MkDocs plugin: real `mkdocs build --strict` runs in temporary projects.

Each project is the repository's mkdocs.yml and docs/ with the fixture corpus (tests/fixtures/corpus) as
its events/ and seeds/, so diagnostics read ``events/<id>.yaml:line:col`` exactly as the CLI prints them.
"""

from __future__ import annotations

import logging
import re
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from projects import fixture_project, mkdocs_serve, run, with_overrides
from render.site_snapshot import broken_links, tree

ROOT = Path(__file__).resolve().parent.parent
DIAGNOSTIC = re.compile(r"^events/[\w.-]+\.yaml:\d+:\d+: error\[TL\d+\]: .*$", re.MULTILINE)

pytestmark = pytest.mark.slow


def _build(
    project: Path, site: str = "site", *, config: str = "mkdocs.yml"
) -> subprocess.CompletedProcess[str]:
    return run(project, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", site)


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, str], Path]]:
    project = fixture_project(tmp_path_factory.mktemp("fixture-project"))
    before = tree(project / "docs")
    proc = _build(project)
    assert proc.returncode == 0, proc.stderr
    yield project, before, project / "site"


def test_fixture_site_builds_with_every_page(fixture_site: tuple[Path, dict[str, str], Path]) -> None:
    _, _, site = fixture_site
    for page in (
        "index",
        "timeline/index",
        "dated/index",
        "dated/2024-06/index",
        "dated/2024-12/index",
        "sources/index",
        "sources/fixture-a/index",
        "figures/index",
        "tags/index",
        "tags/casualties/index",
        "methodology/index",
    ):
        assert (site / f"{page}.html").is_file(), page
    timeline = (site / "timeline" / "index.html").read_text(encoding="utf-8")
    assert timeline.count('class="tl-event"') == 7
    assert 'id="e-jcs-1100-casualties"' in timeline
    december = (site / "dated" / "2024-12" / "index.html").read_text(encoding="utf-8")
    assert "<h1" in december and "December 2024 — casualty reports" in december
    assert 'href="../../sources/fixture-a/#q-jcs-1100-casualties-1"' in december
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "<!-- timeline:" not in home and "about 1,100 to at least 3,000" in home


def test_every_link_and_anchor_resolves(fixture_site: tuple[Path, dict[str, str], Path]) -> None:
    _, _, site = fixture_site
    assert broken_links(site) == []


def test_generated_pages_sit_in_nav_sections(fixture_site: tuple[Path, dict[str, str], Path]) -> None:
    """The index pages' tabs stay the tabs; each month, source and tag page sits in its index page's
    section (the left column lists them, by year for months) and keeps that tab highlighted."""
    _, _, site = fixture_site
    html = (site / "dated" / "2024-12" / "index.html").read_text(encoding="utf-8")
    nav = html[
        html.index('<nav class="md-nav md-nav--primary') : html.index(
            'class="md-sidebar md-sidebar--secondary"'
        )
    ]
    tabs = html[html.index('<nav class="md-tabs"') : html.index("</nav>", html.index('<nav class="md-tabs"'))]
    assert tabs.count("md-tabs__link") == 7  # Contributing is a footer link, not a tab
    active = tabs.split("md-tabs__item--active", 1)[1].split("</li>", 1)[0]
    assert "By month" in active
    assert "2024" in nav and 'href="../2024-06/"' in nav and "August 2024" in nav
    for page in ("sources/fixture-a", "tags/casualties"):
        assert page not in tabs
    source = (site / "sources" / "fixture-a" / "index.html").read_text(encoding="utf-8")
    assert "Sources" in source.split("md-tabs__item--active", 1)[1].split("</li>", 1)[0]


def test_plugin_never_writes_into_docs(fixture_site: tuple[Path, dict[str, str], Path]) -> None:
    project, before, _ = fixture_site
    assert tree(project / "docs") == before


def test_builds_are_byte_identical(fixture_site: tuple[Path, dict[str, str], Path]) -> None:
    project, _, site = fixture_site
    proc = _build(project, "site-again")
    assert proc.returncode == 0, proc.stderr
    assert tree(project / "site-again") == tree(site)


def test_invalid_data_fails_the_build_with_file_line_col(tmp_path: Path) -> None:
    project = fixture_project(tmp_path)
    event = project / "events" / "jcs-1100-casualties.yaml"
    event.write_text(
        event.read_text(encoding="utf-8").replace("around 1,100", "around 1,200"), encoding="utf-8"
    )
    proc = _build(project)
    assert proc.returncode != 0
    output = proc.stdout + proc.stderr
    cli = run(project, "-m", "generator", "validate")
    expected = DIAGNOSTIC.findall(cli.stdout)
    assert expected and all(line.startswith("events/jcs-1100-casualties.yaml:") for line in expected)
    for line in expected:
        assert line in output
    assert "Traceback" not in output
    assert ".md" not in output  # no word about a virtual page
    assert not (project / "site" / "timeline").exists()


def test_a_link_in_docs_fails_the_build_before_anything_is_published(tmp_path: Path) -> None:
    """MkDocs follows symbolic links in docs/: a pull request could publish any file of the machine."""
    project = fixture_project(tmp_path)
    secret = tmp_path / "outside.md"
    secret.write_text("# Outside\n\nnot for the site\n", encoding="utf-8")
    (project / "docs" / "leak.md").symlink_to(secret)
    proc = _build(project)
    assert proc.returncode != 0
    output = proc.stdout + proc.stderr
    assert "a symbolic link in the docs folder (docs/leak.md)" in output
    assert "Traceback" not in output and "not for the site" not in output
    assert not (project / "site").exists()


def test_removing_an_event_removes_its_traces(tmp_path: Path) -> None:
    project = fixture_project(tmp_path)
    assert _build(project).returncode == 0
    assert "estimates-differ" in (project / "site" / "search" / "search_index.json").read_text(
        encoding="utf-8"
    )
    (project / "events" / "estimates-differ.yaml").unlink()
    proc = _build(project)
    assert proc.returncode == 0, proc.stderr
    for path in (project / "site").rglob("*"):
        if path.suffix in {".html", ".json", ".xml"}:
            text = path.read_text(encoding="utf-8")
            assert "estimates-differ" not in text and "Seoul and Kyiv give" not in text, path


def test_the_repository_site_builds(tmp_path: Path) -> None:
    """The real mkdocs.yml with the real events/ and seeds/, strict; docs/ is left alone."""
    before = tree(ROOT / "docs")
    proc = _build(ROOT, str(tmp_path / "site"))
    assert proc.returncode == 0, proc.stderr
    assert tree(ROOT / "docs") == before
    assert broken_links(tmp_path / "site") == []
    # The site's templates link pages by source file (overrides/partials/links.html), relative to the page.
    for page, up in (("index.html", ""), ("dated/2024-12/index.html", "../../")):
        html = (tmp_path / "site" / page).read_text(encoding="utf-8")
        footer = html[html.index('<ul class="tl-footer-links">') :]
        for target in ("contributing/event-format/", "data/", "guide/"):
            assert f'<a href="{up}{target}">' in footer, (page, target)
        assert f'<a class="tl-search-fallback" href="{up}timeline/"' in html, page


# ---------------------------------------------------------------- serve


def test_serve_survives_invalid_data_and_keeps_the_last_good_pages(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    temp = tmp_path / "tmp"  # pages are in memory: the plugin writes no temporary files at all
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    project = fixture_project(tmp_path)
    site = tmp_path / "served"

    configs = []

    def rebuild() -> None:  # what `mkdocs serve` does on every change: a fresh config, the same plugin
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
        config.plugins.on_startup(command="serve", dirty=False)
        configs.append(config)
        build(config, serve_url="http://127.0.0.1:8000/")

    rebuild()
    good = (site / "dated" / "2024-12" / "index.html").read_text(encoding="utf-8")
    event = project / "events" / "jcs-1100-casualties.yaml"
    event.write_text(
        event.read_text(encoding="utf-8").replace("around 1,100", "around 1,200"), encoding="utf-8"
    )
    with caplog.at_level(logging.ERROR):
        rebuild()  # must not raise
    assert any("events/jcs-1100-casualties.yaml:" in r.getMessage() for r in caplog.records)
    month = (site / "dated" / "2024-12" / "index.html").read_text(encoding="utf-8")
    notice = re.compile(r'<div class="admonition failure tl-notice">.*?</pre></div>\n\n', re.DOTALL)
    assert len(notice.findall(month)) == 1
    assert notice.sub("", month) == good  # the last good page, under the notice
    timeline = (site / "timeline" / "index.html").read_text(encoding="utf-8")
    assert "The timeline data has errors" in timeline and "events/jcs-1100-casualties.yaml:" in timeline
    plugin = configs[-1].plugins["timeline"]
    assert plugin is configs[0].plugins["timeline"]  # one instance across rebuilds, as under serve
    configs[-1].plugins.on_shutdown()
    assert list(temp.iterdir()) == []


def test_mkdocs_serve_reports_an_invalid_edit_and_keeps_serving(tmp_path: Path) -> None:
    """The real `mkdocs serve`: an edit that breaks the data is reported, the server stays up and
    keeps the last good pages, every page (the one showing the edited event too) carries the error
    notice naming file:line, and fixing the edit brings the pages back without it."""
    project = fixture_project(tmp_path)
    event = project / "events" / "jcs-1100-casualties.yaml"
    good = event.read_text(encoding="utf-8")
    notice = "The timeline data has errors"
    pages = [
        "",  # home
        "timeline/",
        "dated/",
        "dated/2024-12/",  # the edited event's page
        "figures/",
        "sources/",
        "sources/fixture-a/",
        "tags/",
        "tags/casualties/",
        "methodology/",
    ]
    with mkdocs_serve(project, tmp_path / "serve.log") as served:
        served.wait_for(lambda: "tl-event" in served.fetch("timeline/"), "the first build")
        before = {page: served.fetch(page) for page in pages}
        assert not any(notice in html for html in before.values())
        event.write_text(good.replace("around 1,100", "around 1,200"), encoding="utf-8")
        served.wait_for(lambda: notice in served.fetch("timeline/"), "the error notice")
        assert "events/jcs-1100-casualties.yaml:" in served.output()
        for page in pages:
            html = served.fetch(page)
            assert notice in html, page
            box = html[html.index("tl-notice") : html.index("</pre>", html.index("tl-notice"))]
            assert re.search(r"events/jcs-1100-casualties\.yaml:\d+:\d+: error\[TL\d+\]", box), page
        month = served.fetch("dated/2024-12/")
        assert "tl-event" in month and 'id="e-jcs-1100-casualties"' in month  # the last good version
        assert "around 1,100" in month and "around 1,200" not in month
        event.write_text(good, encoding="utf-8")
        served.wait_for(lambda: notice not in served.fetch("timeline/"), "the fixed build")
        assert not any(notice in served.fetch(page) for page in pages)
        assert not (project / "docs" / "timeline.md").exists()


# ---------------------------------------------------------------- templates


def test_a_site_overrides_a_template_from_its_custom_dir(tmp_path: Path) -> None:
    card = (ROOT / "generator" / "templates" / "timeline" / "card.html").read_text(encoding="utf-8")
    changed = card.replace('<div class="tl-event"', '<div class="tl-event my-card"', 1)
    assert changed != card
    project = with_overrides(fixture_project(tmp_path), {"card.html": changed})
    proc = _build(project)
    assert proc.returncode == 0, proc.stderr
    timeline = (project / "site" / "timeline" / "index.html").read_text(encoding="utf-8")
    assert timeline.count('class="tl-event my-card"') == 7
    month = (project / "site" / "dated" / "2024-06" / "index.html").read_text(encoding="utf-8")
    assert 'class="tl-event my-card"' in month
    index = (project / "site" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Putin and Kim sign a mutual defense pact" in index  # indexed from the overridden HTML


@pytest.mark.parametrize(
    ("text", "line", "says"),
    [
        ("{# a card #}\n<div>\n{% if event.title %}\n<p>{{ event.title }}</p>\n", 4, "Unexpected end"),
        ("<div>\n{{ event.title }}\n{{ event.nowhere.deeper }}\n</div>\n", 3, "has no attribute 'nowhere'"),
        ("{{ heading(3, event.title, anchor) }}\n{{ 1 + }}\n", 2, "unexpected"),
    ],
    ids=["unclosed block", "undefined name", "bad expression"],
)
def test_a_broken_template_fails_with_its_file_and_line(
    tmp_path: Path, text: str, line: int, says: str
) -> None:
    project = with_overrides(fixture_project(tmp_path), {"card.html": text})
    (project / "site").mkdir()
    (project / "site" / "kept.html").write_text("an earlier build", encoding="utf-8")
    proc = _build(project)
    assert proc.returncode != 0
    output = proc.stdout + proc.stderr
    errors = [row for row in output.splitlines() if "template error" in row]
    assert len(errors) == 1 and f"overrides/timeline/card.html:{line}: template error:" in errors[0], output
    assert says in errors[0]
    assert "Traceback" not in output
    assert [p.name for p in (project / "site").iterdir()] == ["kept.html"]  # site/ untouched

"""``python -m generator render OUT``: the site as a plain MkDocs project. A plain ``mkdocs build --strict``
of OUT (Material, this project's Markdown extensions, no timeline plugin) gives the very same site as
the plugin; Zensical builds it too (skipped when Zensical is not installed)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from projects import run
from site_snapshot import ENV, broken_links, build, first_difference, snapshot, tree

HERE = Path(__file__).resolve().parent
SMALL_SITE = HERE / "site" / "mkdocs.yml"
GOLDEN = HERE / "golden-site" / "fixture"

pytestmark = pytest.mark.slow


def _render(config: Path, out: Path, *options: str) -> subprocess.CompletedProcess[str]:
    command = ["-m", "generator", "render", str(out), "--config", str(config), *options]
    return run(config.parent, *command, env=ENV)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("render") / "out"
    proc = _render(SMALL_SITE, out)
    assert proc.returncode == 0, proc.stderr
    return out


def test_render_writes_a_plain_project(rendered: Path) -> None:
    config = (rendered / "mkdocs.yml").read_text(encoding="utf-8")
    assert "timeline" not in config.split("plugins:", 1)[1].split("markdown_extensions:", 1)[0]
    assert "docs_dir: docs" in config and "- assets/timeline/timeline.css" in config
    for page in (
        "timeline.md",
        "dated/2024-12.md",
        "sources/fixture-a.md",
        "tags/military.md",
        "methodology.md",
    ):
        assert (rendered / "docs" / page).is_file(), page
    month = (rendered / "docs" / "dated" / "2024-12.md").read_text(encoding="utf-8")
    assert (
        month.startswith("---\ndescription: ") and "\n---\n\n# December 2024 — casualty reports\n\n" in month
    )
    heading = "## South Korea's military estimates about 1,100 North Korean casualties"
    assert f"{heading} {{#e-jcs-1100-casualties .tl-title}}" in month
    home = (rendered / "docs" / "index.md").read_text(encoding="utf-8")
    assert "<!-- timeline:" not in home and '<p class="tl-stats">' in home
    css = rendered / "docs" / "assets" / "timeline" / "timeline.css"
    assert css.read_bytes() == (HERE.parents[1] / "generator" / "assets" / "timeline.css").read_bytes()


def test_plain_mkdocs_builds_the_same_site_as_the_plugin(rendered: Path, tmp_path: Path) -> None:
    plain = build(rendered / "mkdocs.yml", tmp_path / "plain")
    assert plain.returncode == 0, plain.stderr
    plugin = build(SMALL_SITE, tmp_path / "plugin")
    assert plugin.returncode == 0, plugin.stderr
    ignored = {"sitemap.xml.gz"}  # gzip stamps the time it was written
    left = {k: v for k, v in tree(tmp_path / "plugin").items() if k not in ignored}
    right = {k: v for k, v in tree(tmp_path / "plain").items() if k not in ignored}
    assert sorted(left) == sorted(right)
    assert [k for k in left if left[k] != right[k]] == []
    files = snapshot(tmp_path / "plain")  # and the same as the golden files, page by page
    for path, text in files.items():
        if path.endswith(".html"):
            assert first_difference((GOLDEN / path).read_text(encoding="utf-8"), text) is None, path


def test_rendering_again_replaces_its_own_output(rendered: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    shutil.copytree(rendered, again)
    (again / "docs" / "stale.md").write_text("# Stale\n", encoding="utf-8")
    proc = _render(SMALL_SITE, again)
    assert proc.returncode == 0, proc.stderr
    assert not (again / "docs" / "stale.md").exists()
    assert tree(again) == tree(rendered)


def test_render_refuses_a_folder_it_did_not_write(tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me", encoding="utf-8")
    proc = _render(SMALL_SITE, out)
    assert proc.returncode == 1
    assert "was not written by this command" in proc.stderr and "Traceback" not in proc.stderr
    assert [p.name for p in out.iterdir()] == ["notes.txt"]


def test_render_writes_nothing_for_invalid_data(tmp_path: Path) -> None:
    corpus = HERE.parent / "fixtures" / "corpus"
    shutil.copytree(corpus, tmp_path / "corpus")
    site = tmp_path / "site"
    shutil.copytree(HERE / "site", site)
    config = site / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("../../fixtures/corpus", "../corpus"), encoding="utf-8"
    )
    event = tmp_path / "corpus" / "events" / "jcs-1100-casualties.yaml"
    event.write_text(event.read_text(encoding="utf-8").replace("around 1,100", "around 1,200"), "utf-8")
    proc = _render(config, tmp_path / "out")
    assert proc.returncode == 1
    assert "events/jcs-1100-casualties.yaml:" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "out").exists()


def test_zensical_builds_the_same_pages(tmp_path: Path) -> None:
    """Zensical reads mkdocs.yml and runs no MkDocs plugins. It rewrites every relative link in raw
    HTML as relative to the page's Markdown file (MkDocs leaves them alone), hence ``--for zensical``.
    Then each page's content and table of contents are those of the plugin's build (the golden files);
    what Zensical itself does differently (a skip anchor before the content, "Home - " in the home
    page's title, its own search index format, which leaves out what ``data-search-exclude`` marks
    and drops that attribute from the page) is left to it."""
    zensical = shutil.which("zensical") or shutil.which("zensical", path=str(Path(sys.executable).parent))
    if zensical is None:
        pytest.skip("Zensical is not installed (pip install zensical)")
    out = tmp_path / "out"
    proc = _render(SMALL_SITE, out, "--for", "zensical")
    assert proc.returncode == 0, proc.stderr
    built = subprocess.run(
        [zensical, "build"], cwd=out, env=ENV, capture_output=True, text=True, timeout=300, check=False
    )
    assert built.returncode == 0, built.stdout + built.stderr
    site = out / "site"
    assert broken_links(site) == []
    pages = snapshot(site)
    meta = json.loads(pages["pages.json"])
    golden = json.loads((GOLDEN / "pages.json").read_text(encoding="utf-8"))
    assert sorted(meta) == sorted(golden)
    for name, page in meta.items():
        assert page["toc"] == golden[name]["toc"], name
        article = re.sub(r'^<a id="__skip" tabindex="-1"></a>\s*', "", pages[f"pages/{name}"])
        expected = (GOLDEN / "pages" / name).read_text(encoding="utf-8").replace(" data-search-exclude", "")
        assert first_difference(expected, article.replace(" data-search-exclude", "")) is None, name

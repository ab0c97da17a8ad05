"""The plugin's exports step across builds: written by a forked process into a folder removed after the
build, or (serve) made in memory with the last good ones kept while the data is invalid."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from generator.exports import EXPORTS, ExportOptions, build_exports
from generator.exports.page import DATA_PAGE
from generator.model import Timeline
from generator.plugin_exports import SiteExports, data_page_body, export_options
from generator.render import Templates


@pytest.fixture
def config(tmp_path: Path) -> MkDocsConfig:
    (tmp_path / "docs").mkdir()
    settings = {"site_name": "T", "copyright": "CC BY 4.0", "plugins": [], "site_url": "https://example.org/"}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    loaded = load_config(str(tmp_path / "mkdocs.yml"))
    loaded.plugins._current_plugin = "timeline"  # what MkDocs sets while a plugin's event runs
    return loaded


def _files(exports: SiteExports, config: MkDocsConfig) -> Files:
    files = Files([])
    exports.add_files(files, config)
    return files


def test_options_come_from_mkdocs_yml(config: MkDocsConfig, tmp_path: Path) -> None:
    options = export_options(config, tmp_path)
    assert (options.title, options.license, options.site_url) == ("T", "CC BY 4.0", "https://example.org/")
    assert options.updated.year == 1980  # no git repository here, no SOURCE_DATE_EPOCH


def test_serve_keeps_the_last_good_exports_in_memory(
    timeline: Timeline, options: ExportOptions, config: MkDocsConfig
) -> None:
    exports = SiteExports()
    exports.start(timeline, options, background=False)
    files = _files(exports, config)
    assert {f.src_uri for f in files} == {*(e.path for e in EXPORTS), DATA_PAGE}
    feed = files.get_file_from_path("feed.xml")
    assert feed is not None and feed.abs_src_path is None and feed.content_bytes.startswith(b"<?xml")
    exports.finish(keep_last_good=True)
    exports.start(None, options, background=False)  # the data became invalid
    assert _files(exports, config).get_file_from_path("feed.xml") is not None
    body = exports.data_page(Templates(), "CC BY 4.0")
    assert body is not None and "feed.xml" in body and "CC BY 4.0" in body
    exports.finish(keep_last_good=False)
    exports.start(None, options, background=False)
    assert len(_files(exports, config)) == 0 and exports.data_page(Templates(), None) is None


def test_a_build_copies_the_files_into_the_site_and_fills_in_the_sizes(
    timeline: Timeline, options: ExportOptions, config: MkDocsConfig, tmp_path: Path
) -> None:
    exports = SiteExports()
    exports.start(timeline, options, background=True)
    files = _files(exports, config)
    assert [f.src_uri for f in files] == [DATA_PAGE]  # the files themselves come after the build
    body = exports.data_page(Templates(), None)
    assert body is not None and "No license is stated" in body and "@@timeline-size:feed.xml@@" in body
    site = Path(config.site_dir)
    (site / "data").mkdir(parents=True)
    (site / "data" / "index.html").write_text(body, encoding="utf-8")  # as MkDocs would have written it
    exports.write_into(site)
    expected = build_exports(timeline, options)
    assert {path: (site / path).read_bytes() for path in expected} == expected
    sizes = {path: len(data) for path, data in expected.items()}
    assert (site / "data" / "index.html").read_text("utf-8") == data_page_body(Templates(), sizes, None, None)
    folders = list(exports._folders)
    assert len(folders) == 1 and folders[0].is_dir()
    exports.finish(keep_last_good=False)
    assert not folders[0].exists()

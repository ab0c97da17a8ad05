"""The exports in an MkDocs build (the plugin's glue to ``generator.exports``).

Once the data is valid (``on_pre_build``) a forked process starts writing every export into a temporary
folder while MkDocs builds the pages; after the build (``on_post_build``) the files are copied into
``site/``. The Data page (``data/index.md``) lists them with their sizes: its body is rendered from
``data.html`` when MkDocs builds it, with marks where the sizes go, which are filled in then (they are
kept out of the search index, so the page's index entry is the same either way). Under ``mkdocs
serve`` the files are made at once, in memory, and added as the site's files; the last good ones stay
up while the data is invalid, as the pages do.
"""

from __future__ import annotations

import shutil
import tempfile
import time
import traceback
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from .bundle import BundleError, source_date_epoch
from .exports import EXPORTS, ExportOptions, Kept, build_exports, updated_at, write_exports
from .exports.background import ExportError, Pending, start
from .exports.page import DATA_PAGE, data_files, fill_sizes
from .model import Timeline
from .plugin_config import offline_build
from .render import Templates
from .render.context import Links
from .render.text import page_heading

DATA_TITLE = "Data"
DATA_HEADING = page_heading(DATA_TITLE)
GUIDE = "guide/exports.md"  # linked from the Data page when the site has it


def export_options(config: MkDocsConfig, base: Path, data: Sequence[Path] = ()) -> ExportOptions:
    """What the exports take from ``mkdocs.yml``; they are stamped with the last change of ``data`` (the
    events and sources folders). The offline build (Material's ``offline`` plugin) links within the
    bundle: no ``site_url``, whose pages have other URLs."""
    try:
        epoch = source_date_epoch(base, data)
    except BundleError as exc:
        raise PluginError(f"timeline: {exc}") from None
    offline = offline_build(config)
    return ExportOptions(
        title=config.site_name,
        updated=updated_at(epoch),
        site_url=None if offline else (config.site_url or None),
        directory_urls=bool(config.use_directory_urls),
        description=config.site_description or "",
        author=config.site_author or None,
        license=(config.copyright or "").strip() or None,
        language=str(config.theme.get("language") or "en"),
    )


@dataclass
class _Written:
    """One build's exports: on their way into ``folder`` (a forked process writes them), or made in
    memory (``mkdocs serve``: no folder to leave behind when the server is killed)."""

    folder: Path | None = None
    pending: Pending | None = None
    contents: dict[str, bytes] | None = None
    sizes: dict[str, int] | None = None


class SiteExports:
    """The exports of one plugin instance across builds (``serve`` rebuilds included)."""

    def __init__(self) -> None:
        self._current: _Written | None = None
        self._last_good: _Written | None = None  # serve: shown while the data is invalid
        self._folders: list[Path] = []
        self._directory_urls = True
        self._guide = False
        self._page_output: Path | None = None  # where MkDocs writes the Data page
        self._kept = Kept()  # serve: each event's parts of the files, reused while unchanged

    def start(self, timeline: Timeline | None, options: ExportOptions, *, background: bool) -> None:
        """Begin writing the exports of ``timeline``: in a forked process (``background``), else now,
        in memory. ``None`` (invalid data under serve) keeps the last good ones."""
        if timeline is None:
            self._current = self._last_good
            return
        self._directory_urls = options.directory_urls
        if not background:
            try:
                contents = build_exports(timeline, options, self._kept)
            except Exception:
                raise PluginError(f"timeline: the exports failed:\n{traceback.format_exc()}") from None
            sizes = {path: len(data) for path, data in contents.items()}
            self._current = self._last_good = _Written(contents=contents, sizes=sizes)
            return
        folder = Path(tempfile.mkdtemp(prefix="timeline-exports-"))
        self._folders.append(folder)
        try:
            pending = start(timeline, options, folder)
        except ExportError as exc:
            raise PluginError(f"timeline: the exports failed:\n{exc}") from None
        self._current = _Written(folder=folder, pending=pending)

    def add_files(self, files: Files, config: MkDocsConfig) -> None:
        """The Data page, and (made in memory) every export as a file of the site. Exports a forked
        process writes are copied into the site after the build (:meth:`write_into`); a file of
        ``docs/`` in their way fails the build all the same."""
        current = self._current
        if current is None:
            return
        self._guide = files.get_file_from_path(GUIDE) is not None
        for export in EXPORTS:
            if current.contents is not None:
                _replace(files, File.generated(config, export.path, content=current.contents[export.path]))
            else:
                _refuse(files, export.path)
        page = File.generated(config, DATA_PAGE, content=DATA_HEADING, inclusion=InclusionLevel.INCLUDED)
        _replace(files, page)
        self._page_output = Path(page.abs_dest_path)

    def write_into(self, site_dir: Path) -> float | None:
        """After the build: wait for the forked writer, copy its files into ``site_dir`` and put their
        sizes into the Data page MkDocs wrote. Returns how long it waited (``None``: nothing to do)."""
        current = self._current
        if current is None or current.folder is None:
            return None  # nothing this build, or made in memory (MkDocs wrote them)
        started = time.perf_counter()
        self.wait()
        waited = time.perf_counter() - started
        assert current.sizes is not None
        for path in current.sizes:
            target = site_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(current.folder / path, target)
        page = self._page_output
        if page is not None and page.is_file():
            page.write_text(fill_sizes(page.read_text(encoding="utf-8"), current.sizes), encoding="utf-8")
        return waited

    def wait(self) -> None:
        """Block until every file is written."""
        if self._current is None or self._current.sizes is not None:
            return
        assert self._current.pending is not None
        try:
            self._current.sizes = self._current.pending.wait()
        except ExportError as exc:
            raise PluginError(f"timeline: the exports failed:\n{exc}") from None

    def data_page(self, templates: Templates, license_line: str | None) -> str | None:
        """The Data page's body (``None`` when this build has no exports): with the sizes when they
        are known, else with marks :meth:`write_into` fills in. Never waits for the files."""
        if self._current is None:
            return None
        guide = Links(self._directory_urls).href(DATA_PAGE, GUIDE) if self._guide else None
        return data_page_body(templates, self._current.sizes, license_line, guide)

    def finish(self, *, keep_last_good: bool) -> None:
        """After a build: stop a child still writing (a failed build), remove the folders; under serve
        keep the last good exports (in memory) for the next build."""
        current = self._current
        if current is not None and current.pending is not None and current.sizes is None:
            current.pending.cancel()
        for folder in self._folders:
            shutil.rmtree(folder, ignore_errors=True)
        self._folders = []
        self._current = None
        self._page_output = None
        if not keep_last_good:
            self._last_good = None


def data_page_body(
    templates: Templates, sizes: dict[str, int] | None, license_line: str | None, guide: str | None
) -> str:
    """The Data page's body from ``data.html``: every export, its size, the license line."""
    context = {"files": data_files(sizes), "license": license_line, "guide": guide}
    return templates.render("data.html", context)


def write_plain(
    timeline: Timeline,
    config: MkDocsConfig,
    base: Path,
    templates: Templates,
    docs: Path,
    links: Links,
    data: Sequence[Path] = (),
) -> None:
    """The exports and the Data page (as Markdown) in a plain docs folder (``generator render OUT``):
    a build without the plugin then has the same files and the same Data page."""
    sizes = write_exports(timeline, export_options(config, base, data), docs)
    guide = links.href(DATA_PAGE, GUIDE) if (docs / GUIDE).is_file() else None
    body = data_page_body(templates, sizes, (config.copyright or "").strip() or None, guide)
    (docs / DATA_PAGE).write_text(DATA_HEADING + body.rstrip("\n") + "\n", encoding="utf-8")


def _refuse(files: Files, path: str) -> File | None:
    """The file at ``path`` a plugin generated before (to be replaced); one of ``docs/`` is an error."""
    existing = files.get_file_from_path(path)
    if existing is not None and existing.generated_by is None:
        raise PluginError(f"timeline: docs/{path} is in the way of an exported file; remove it")
    return existing


def _replace(files: Files, file: File) -> None:
    existing = _refuse(files, file.src_uri)
    if existing is not None:
        files.remove(existing)
    files.append(file)

"""The MkDocs plugin ``timeline``: validate the data, render the timeline, add the pages.

The core (``generator.validate``, ``generator.render``) knows nothing of MkDocs; this module is the
only glue. Pages are added as generated files, never written into ``docs/`` (that would make
``mkdocs serve`` rebuild forever). A failed validation fails ``mkdocs build`` with the same
``file:line:col`` lines as ``python -m generator validate``; under ``mkdocs serve`` it is reported and
the last good pages stay up, so an invalid edit never kills the server.
"""

from __future__ import annotations

import gc
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel, file_sort_key
from mkdocs.structure.pages import Page

from . import diagnostics as diag
from .render import INDEX_PAGES, Options, fill_home, home_parts, render_site
from .render.context import HOME, PERIOD_KEY
from .validate import Project, validate_project

log = get_plugin_logger("timeline")


class TimelineConfig(Config):  # type: ignore[no-untyped-call]
    events = c.Type(str, default="events")
    seeds = c.Type(str, default="seeds")
    vocabulary = c.Optional(c.Type(str))
    periods = c.DictOfItems(c.Type(str), default={})
    strict = c.Type(bool, default=False)
    full_timeline_limit = c.Type(int, default=500)
    latest = c.Type(int, default=5)
    key_figures = c.Type(int, default=3)


class TimelinePlugin(BasePlugin[TimelineConfig]):  # type: ignore[no-untyped-call]
    """``plugins: [search, timeline]`` in ``mkdocs.yml``.

    Rendered pages are written to a temporary folder outside ``docs/`` and added as generated files
    backed by those files: MkDocs then reads them exactly as it reads ``docs/``, and no second copy of
    every page stays in memory for the whole build. The timeline itself is dropped once the pages and
    the home page's parts are made.
    """

    def __init__(self) -> None:
        self._command = "build"
        # Kept across `serve` rebuilds on purpose: what to show while the data is invalid.
        self._last_good: _Rendered | None = None
        self._folders: list[Path] = []
        self._reset()

    def _reset(self) -> None:
        self._project: Project | None = None
        self._options = Options()
        self._home: dict[str, str] | None = None
        self._problem: str | None = None

    # ------------------------------------------------------------------ events

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._reset()
        bad = sorted(k for k in self.config.periods if not PERIOD_KEY.match(str(k)))
        if bad:
            raise PluginError(f'timeline: periods keys must be months like "2024-06", not {", ".join(bad)}')
        base = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        vocabulary = self.config.vocabulary
        # Diagnostics name files relative to the project root, as `python -m generator validate` does
        # when run there: events/x.yaml:12:5.
        self._project = Project(
            base / self.config.events,
            base / self.config.seeds,
            base / vocabulary if vocabulary else None,
            root=base,
        )
        self._options = Options(
            periods=dict(self.config.periods),
            directory_urls=bool(config.use_directory_urls),
            full_limit=self.config.full_timeline_limit,
            latest=self.config.latest,
            key_figures=self.config.key_figures,
        )
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self._project is not None
        started = time.perf_counter()
        for folder in (self._project.events, self._project.seeds):
            if not folder.is_dir():
                raise PluginError(f"timeline: {folder} is not a folder (see `events`/`seeds` in mkdocs.yml)")
        result = validate_project(self._project)
        found = diag.ordered(diag.strict(result.diagnostics) if self.config.strict else result.diagnostics)
        headline = diag.summary(found, result.event_count, result.source_count)
        errors = [d for d in found if d.severity is diag.Severity.ERROR]
        for d in found:
            if d.severity is diag.Severity.WARNING:
                log.warning(diag.format_text(d))
        self._discard(keep=self._last_good)
        if not errors:
            pages = render_site(result.timeline, self._options)
            rendered = _Rendered(self._write(pages), tuple(pages), home_parts(result.timeline, self._options))
            del pages
            if self._command == "serve":
                self._last_good = rendered
            sources = dict.fromkeys(rendered.paths, rendered.folder)
        else:
            text = "\n".join([*(diag.format_text(d) for d in errors), headline])
            if self._command != "serve":
                raise PluginError(text)
            log.error(text)  # under serve: report, keep the last good pages, keep serving
            self._problem = text
            rendered = self._last_good or _Rendered(self._write({}), (), {})
            notices = {
                path: _with_notice(_read(rendered.folder, path) or "# The timeline\n\n", text)
                for path in INDEX_PAGES
            }
            notice_folder = self._write(notices)
            sources = dict.fromkeys(rendered.paths, rendered.folder) | dict.fromkeys(notices, notice_folder)
        del result
        gc.collect()  # the validator's garbage, before MkDocs needs the memory
        self._home = rendered.home
        for path, folder in sorted(sources.items()):
            existing = files.get_file_from_path(path)
            if existing is not None:
                if existing.generated_by is None:
                    raise PluginError(f"timeline: docs/{path} is in the way of a generated page; remove it")
                files.remove(existing)
            inclusion = InclusionLevel.INCLUDED if path in INDEX_PAGES else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, path, abs_src_path=str(folder / path), inclusion=inclusion))
        log.info(f"{headline}; {len(sources)} pages in {time.perf_counter() - started:.2f} s")
        # In the order MkDocs gives files it finds in docs/: the build (and its search index) is then
        # the same as if these pages had been written there.
        return Files(sorted(files, key=file_sort_key))

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if page.file.src_uri != HOME or self._home is None:
            return markdown
        filled = fill_home(markdown, self._home)
        return _with_notice(filled, self._problem) if self._problem else filled

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        if self._project is not None:
            for folder in (self._project.events, self._project.seeds):
                server.watch(str(folder))
        return server

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self._command != "serve":
            self._discard()

    def on_build_error(self, *, error: Exception) -> None:
        if self._command != "serve":
            self._discard()

    def on_shutdown(self) -> None:
        self._last_good = None
        self._discard()

    # ------------------------------------------------------------------ page folders

    def _write(self, pages: dict[str, str]) -> Path:
        folder = Path(tempfile.mkdtemp(prefix="timeline-pages-"))
        self._folders.append(folder)
        for path, markdown in pages.items():
            target = folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(markdown, encoding="utf-8")
        return folder

    def _discard(self, keep: _Rendered | None = None) -> None:
        """Remove the page folders of earlier builds (all but ``keep``'s)."""
        kept = [] if keep is None else [keep.folder]
        for folder in self._folders:
            if folder not in kept:
                shutil.rmtree(folder, ignore_errors=True)
        self._folders = kept


@dataclass(frozen=True)
class _Rendered:
    """One successful render: the folder holding its pages, their paths, the home page's parts."""

    folder: Path
    paths: tuple[str, ...]
    home: dict[str, str]


def _read(folder: Path, path: str) -> str | None:
    try:
        return (folder / path).read_text(encoding="utf-8")
    except OSError:
        return None


def _with_notice(markdown: str, problem: str) -> str:
    """Put a visible error notice under the page's first heading (serve only)."""
    notice = (
        '<div class="admonition failure"><p class="admonition-title">The timeline data has errors; '
        "these pages show the last version that passed validation.</p>"
        f"<pre><code>{escape(problem)}</code></pre></div>\n\n"
    )
    head, sep, rest = markdown.partition("\n\n")
    if head.startswith("# "):
        return f"{head}{sep}{notice}{rest}"
    return notice + markdown

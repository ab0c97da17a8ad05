"""The MkDocs plugin ``timeline``: validate the data, render the timeline, add the pages.

The core (``generator.validate``, ``generator.render``) knows nothing of MkDocs; this module and
the other plugin_*.py modules are the only glue. Pages are added as in-memory files whose Markdown is
only their title, never written into ``docs/`` (that would make ``mkdocs serve`` rebuild forever);
each page's body is rendered to HTML from the templates when MkDocs builds that page, and dropped
once written. Search entries of those pages come from the model, not from parsing their HTML.

A failed validation fails ``mkdocs build`` with the same ``file:line:col`` lines as ``python -m
generator validate``, before anything in ``site/`` is touched; under ``mkdocs serve`` it is reported
and the last good pages stay up, so an invalid edit never kills the server.
"""

from __future__ import annotations

import gc
import threading
import time
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel, file_sort_key
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from . import diagnostics as diag
from . import plugin_pages as pp
from .checkcache import CheckCache
from .exports.page import DATA_PAGE
from .inputs import links_under
from .model import Timeline, Vocabulary
from .plugin_config import ASSETS, SCRIPT, STYLESHEET, TimelineConfig, project_root, site_settings
from .plugin_exports import SiteExports, export_options
from .plugin_mdmemo import MarkdownMemo
from .plugin_memo import NOTICE_AT, PageMemo
from .plugin_render import PageSource
from .plugin_search import SearchHandOff
from .plugin_site import Staging
from .render import (
    Options,
    Permalinks,
    Renderer,
    TemplateProblem,
    Templates,
    fill_home,
)
from .render.context import HOME
from .render.templates import MemoryBytecode
from .validate import Project, validate_project

log = get_plugin_logger("timeline")


def collect_soon() -> None:
    """A full pass of the cyclic collector, once MkDocs has logged the build (between `serve` rebuilds)."""
    timer = threading.Timer(0.1, gc.collect)
    timer.daemon = True
    timer.start()


class TimelinePlugin(BasePlugin[TimelineConfig]):  # type: ignore[no-untyped-call]
    """``plugins: [search, timeline]`` in ``mkdocs.yml``."""

    def __init__(self) -> None:
        self._command = "build"
        self._dirty = False
        self._last_good: Renderer | None = None  # kept across `serve` rebuilds on purpose
        self._checks = CheckCache()  # validation results, kept across `serve` rebuilds too
        self._pages = PageSource()  # rendered pages are kept across `serve` rebuilds too (plugin_render.py)
        self._bytecode = MemoryBytecode()  # compiled templates (ours and the theme's), likewise
        self._memo = PageMemo()  # the theme's page HTML, likewise (plugin_memo.py)
        self._markdown = MarkdownMemo()  # pages' Markdown conversions, likewise (plugin_mdmemo.py)
        self._exports = SiteExports()  # keeps the last good exports across `serve` rebuilds too
        self._staging = Staging()  # `mkdocs build` writes here, then replaces site/ (plugin_site.py)
        self._reset()

    def _reset(self) -> None:
        self._project: Project | None = None
        self._options = Options()
        self._templates: Templates | None = None
        self._renderer: Renderer | None = None
        self._problem: str | None = None
        self._notice_html: str | None = None
        self._home: dict[str, str] = {}
        self._search = SearchHandOff()
        self._permalinks = Permalinks()

    # ------------------------------------------------------------------ configuration and data

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._command, self._dirty = command, dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._reset()
        if self._command != "serve" and not self._dirty:
            self._staging.begin(config)
        serve = self._command == "serve"
        self._project, self._options, self._templates = site_settings(
            self.config, config, self._bytecode if serve else None
        )
        self._permalinks = pp.permalinks(config)
        if STYLESHEET not in config.extra_css:
            config.extra_css.insert(0, STYLESHEET)  # first: the site's own stylesheets can override it
        if SCRIPT not in [str(script) for script in config.extra_javascript]:
            config.extra_javascript.append(SCRIPT)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Validate and prepare the pages before MkDocs cleans ``site/``: bad data or a broken
        template never leaves a half-written site."""
        assert self._project is not None and self._templates is not None
        started = time.perf_counter()
        for folder in (self._project.events, self._project.seeds):
            if not folder.is_dir():
                raise PluginError(f"timeline: {folder} is not a folder (see `events`/`seeds` in mkdocs.yml)")
        links = links_under(Path(config.docs_dir))
        if links:
            shown = ", ".join(diag.visible(f"{Path(config.docs_dir).name}/{link}") for link in links[:5])
            raise PluginError(
                f"timeline: a symbolic link in the docs folder ({shown}); the site publishes only "
                "files inside it: replace the link with the file itself"
            )
        result = validate_project(self._project, cache=self._checks if self._command == "serve" else None)
        found = diag.ordered(diag.strict(result.diagnostics) if self.config.strict else result.diagnostics)
        headline = diag.summary(found, result.event_count, result.source_count)
        errors = [d for d in found if d.severity is diag.Severity.ERROR]
        for d in found:
            if d.severity is diag.Severity.WARNING:
                log.warning(diag.format_text(d))
        if errors:
            text = "\n".join([*(diag.format_text(d) for d in errors), headline])
            if self._command != "serve":
                raise PluginError(text)
            log.error(text)  # under serve: report, keep the last good pages, keep serving
            self._problem = text
            empty = Timeline((), {}, Vocabulary())
            self._renderer = self._last_good or Renderer(empty, self._options, self._templates)
        else:
            self._renderer = Renderer(result.timeline, self._options, self._templates)
            if self._command == "serve":
                self._last_good = self._renderer
        if self.config.exports:
            self._exports.start(
                None if errors else result.timeline,
                export_options(config, project_root(config), (self._project.events, self._project.seeds)),
                background=self._command != "serve",  # written while MkDocs builds the pages
            )
        del result
        steps = (self._index_page, self._unflag_page)
        self._search = SearchHandOff(config, steps, from_model=not self._templates.overridden)
        self._memo.begin(config, self, self._command == "serve")
        self._markdown.begin(config, self._memo.on)
        settings = repr(config.mdx_configs.get("toc"))
        serve = self._command == "serve"
        self._pages.start(
            self._renderer,
            self._permalinks,
            search=self._search.index is not None,
            serve=serve,
            settings=settings,
        )
        if self._staging.folder is not None:
            self._pages.start_ahead()  # as early as can be: nothing is rendered here before the build
        # The data lives as long as the build: the collector need not scan it again and again (its full
        # passes over it were a tenth of a big build's own time; under serve, 70 ms every other rebuild
        # of 1,000 events). Unfrozen when the build ends; under serve, a full pass then runs between
        # rebuilds, which frees what this one replaced.
        gc.freeze()
        try:
            self._home = self._renderer.home_parts()
            if self._staging.folder is None:  # then a template failing on this data fails now
                self._pages.render_early()
            self._exports.data_page(self._templates, None)  # a broken data.html fails now
        except TemplateProblem as problem:
            raise PluginError(str(problem)) from None
        if self._staging.folder is None:
            self._pages.start_ahead()  # after the early pages, which it leaves alone
        log.info(f"{headline}; {len(self._renderer.pages)} pages in {time.perf_counter() - started:.2f} s")

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self._renderer is not None
        shared = pp.SharedMarkdown()
        for path, page in self._renderer.pages.items():
            existing = files.get_file_from_path(path)
            if existing is not None:
                if existing.generated_by is None:
                    raise PluginError(f"timeline: docs/{path} is in the way of a generated page; remove it")
                files.remove(existing)
            inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, path, content=page.title_markdown, inclusion=inclusion)
            files.append(file)
            if not page.in_nav:  # its MkDocs page, now: one converting its title with the shared converter
                pp.TitlePage(file, config, shared)
        self._exports.add_files(files, config)
        for path in (STYLESHEET, SCRIPT):
            if files.get_file_from_path(path) is None:  # a docs/ copy of it wins
                files.append(File.generated(config, path, abs_src_path=str(ASSETS / Path(path).name)))
        if self._options.download and self.config.download:
            zipped = project_root(config) / self.config.download
            files.append(File.generated(config, self._options.download[0], abs_src_path=str(zipped)))
        # In the order MkDocs gives files it finds in docs/: the build (and its search index) is then
        # the same as if these pages had been written there.
        return Files(sorted(files, key=file_sort_key))

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        assert self._renderer is not None
        pp.add_sections(nav, files, self._renderer.nav_sections())
        return nav

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        env.globals["timeline_page_url"] = pp.PageUrls()  # for the site's own templates
        self._memo.install(env)
        if self._command == "serve":  # the theme's templates are compiled once, not on every rebuild
            env.bytecode_cache = self._bytecode
        return env

    # ------------------------------------------------------------------ pages

    @event_priority(-100)  # its Markdown as every other plugin left it
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self._markdown.wrap(page)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """The home page's parts; under ``mkdocs serve`` with invalid data, the error notice on every
        page written by hand (generated pages get it when rendered)."""
        self._memo.redirect(page)
        if page.file.src_uri == HOME:
            html = fill_home(html, self._home)
        elif self._renderer is not None and page.file.src_uri in self._renderer.pages:
            return html
        return self._with_notice(html) if self._problem else html

    @event_priority(100)  # before anything reads the page's HTML
    def _render_page(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        assert self._renderer is not None
        path = page.file.src_uri
        if path == DATA_PAGE:
            return self._data_page(context, page, config)
        if path not in self._renderer.pages:
            return context
        try:
            rendered, found = self._pages.get(path, pp.title_id(page))
        except TemplateProblem as problem:
            raise PluginError(str(problem)) from None
        body = rendered.html
        if self._memo.on and body.strip():  # any notice goes in after the theme's template (on_post_page)
            body = NOTICE_AT + body
        elif self._problem:  # every page: the one being edited is the last good version too
            body, found = self._notice() + body, None
        pp.place_body(page, body, rendered.headings, self._permalinks.levels, found)
        self._search.rendered(path, rendered)
        return context

    @event_priority(10)  # after plugins that mark the HTML (priority > 10), before search (0)
    def _index_page(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        self._search.take(page, self._markdown)
        return context

    @event_priority(-100)
    def _unflag_page(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        self._search.restore(page)
        return context

    on_page_context = CombinedEvent(_render_page, _index_page, _unflag_page)

    def _data_page(self, context: Any, page: Page, config: MkDocsConfig) -> Any:
        assert self._templates is not None
        try:
            body = self._exports.data_page(self._templates, (config.copyright or "").strip() or None)
        except TemplateProblem as problem:
            raise PluginError(str(problem)) from None
        if body is not None:
            pp.place_body(page, body, [], self._permalinks.levels)
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self._renderer is not None and page.file.src_uri in self._renderer.pages:
            page.content = (page.content or "").split("\n", 1)[0]  # written: keep only the title
            if self._memo.on:
                output = output.replace(NOTICE_AT, self._notice() if self._problem else "", 1)
        return output

    def _notice(self) -> str:
        assert self._templates is not None
        if self._notice_html is None:  # the same on every page of the build
            self._notice_html = self._templates.render("notice.html", {"problem": self._problem}) + "\n\n"
        return self._notice_html

    def _with_notice(self, html: str) -> str:
        """The error notice under the page's first heading (serve only)."""
        head, sep, rest = html.partition("</h1>")
        return f"{head}{sep}\n{self._notice()}{rest.lstrip()}" if sep else self._notice() + html

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        if self._project is not None:
            for folder in (self._project.events, self._project.seeds):
                server.watch(str(folder))
        return server

    @event_priority(-100)  # the last step of the build: the site is complete, then published
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._pages.stop()
        self._memo.finish()
        self._markdown.finish()
        try:
            waited = self._exports.write_into(Path(config.site_dir))  # written meanwhile by a 2nd process
            if waited is not None:
                log.info(f"exports written; the build waited {waited:.2f} s for them")
        finally:
            self._exports.finish(keep_last_good=self._command == "serve")
            gc.unfreeze()  # what was frozen in on_pre_build can be collected again
            if self._command == "serve":
                collect_soon()
        self._staging.finish(config)

    def on_build_error(self, *, error: Exception) -> None:
        gc.unfreeze()
        self._pages.stop()
        self._memo.finish()
        self._markdown.finish()
        self._exports.finish(keep_last_good=self._command == "serve")
        self._staging.fail(error)

    def on_shutdown(self) -> None:
        self._pages.stop()
        self._staging.end()
        self._last_good = None
        self._pages.reuse.clear()
        self._memo.clear()
        self._markdown.clear()
        self._exports.finish(keep_last_good=False)

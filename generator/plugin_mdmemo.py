"""Under ``mkdocs serve``, a page's Markdown is converted again, and its HTML parsed again for Material's
search index, only when what the conversion or the parse sees has changed.

Converting every page's Markdown and parsing the hand-written pages' HTML for search took a sixth of a
1,000-event rebuild, though an edit changes the Markdown of none of them (a generated page's Markdown is
only its title). What MkDocs' ``Page.render`` makes of a page is a function of:

* the page's Markdown (after every plugin's ``on_page_markdown``) and its source path;
* the settings (``mkdocs.yml`` and every setting given to MkDocs, the Markdown extensions' among them);
* every file of the site, by source, destination and URL (links are resolved against them), and whether
  MkDocs records links to other pages' anchors (its log level).

So what it made is kept with those: the HTML, the table of contents, the title, the anchors the page has
and the links it makes to others' anchors, and every log record the conversion wrote (a broken link's
warning), which a kept page writes again. Material's search index is given the sections its parser found
in the page's HTML the last time it was the same HTML.

It is on when plugin_memo.py's page memo is (``serve``, known plugins only), and only when every Markdown
extension is one that reads nothing but the page (Python-Markdown's own and PyMdown's, but not
``pymdownx.snippets`` or ``pymdownx.b64``, which read other files)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from mkdocs.structure import pages as mkdocs_pages
from mkdocs.structure.toc import get_toc

from .plugin_fingerprints import plain_data, settled

_BUILTIN = frozenset(
    "abbr admonition attr_list codehilite def_list extra fenced_code footnotes legacy_attrs legacy_em "
    "md_in_html meta nl2br sane_lists smarty tables toc wikilinks".split()
)
_READ_FILES = frozenset(("pymdownx.snippets", "pymdownx.b64"))


def pure_extensions(extensions: list[Any]) -> bool:
    """Whether every Markdown extension converts a page from its text and settings alone."""
    for extension in extensions:
        name = extension if isinstance(extension, str) else type(extension).__module__
        name = name.removeprefix("markdown.extensions.")
        if name in _READ_FILES or not (name in _BUILTIN or name.startswith("pymdownx.")):
            return False
    return True


@dataclass(frozen=True)
class _Converted:
    key: tuple[Any, ...]
    content: str
    toc: list[Any]  # as Python-Markdown's toc tokens
    title: str | None
    anchors: frozenset[str]
    links: dict[str, dict[str, str]] | None  # by the linked file's source path
    records: tuple[logging.LogRecord, ...]


class _Capture(logging.Handler):
    """The log records this thread writes (not the server's, which logs from threads of its own)."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []
        self.thread = threading.get_ident()

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.thread and not any(r is record for r in self.records):
            self.records.append(record)


class MarkdownMemo:
    """Pages' Markdown conversions and search sections, kept across ``serve`` rebuilds."""

    def __init__(self) -> None:
        self._kept: dict[str, _Converted] = {}
        self._sections: dict[str, tuple[str, list[tuple[str | None, list[str], list[str]]]]] = {}
        self._site: tuple[Any, ...] | None = None  # this build's part of every key
        self._last_site: tuple[Any, ...] | None = None
        self._built: set[str] = set()
        self.on = False
        self.reused = 0  # conversions reused in this build

    def begin(self, config: Any, on: bool) -> None:
        self.on = on and pure_extensions(config["markdown_extensions"])
        self._site, self._built, self.reused = None, set(), 0
        if not self.on:
            self._kept.clear()
            self._sections.clear()

    def wrap(self, page: Any) -> None:
        """Route the page's ``render`` (which MkDocs calls next) through the memo."""
        if self.on:
            convert = page.render
            page.render = lambda config, files: self._render(page, convert, config, files)

    def _render(self, page: Any, convert: Callable[[Any, Any], None], config: Any, files: Any) -> None:
        if self._site is None:
            level = mkdocs_pages.log.getEffectiveLevel()
            listed = tuple((f.src_uri, f.dest_uri, f.url, f.inclusion) for f in files)
            site = (plain_data(config), listed, level > logging.DEBUG)
            self._site = self._last_site = settled(site, self._last_site)
        key = (self._site, page.markdown)
        self._built.add(page.file.src_uri)
        kept = self._kept.get(page.file.src_uri)
        if kept is not None and kept.key == key:
            self.reused += 1
            page.content, page.toc, page._title_from_render = kept.content, get_toc(kept.toc), kept.title
            page.present_anchor_ids = set(kept.anchors)
            if kept.links is not None:
                page.links_to_anchors = {
                    files.get_file_from_path(uri): dict(v) for uri, v in kept.links.items()
                }
            for record in kept.records:
                logging.getLogger(record.name).handle(record)
            return
        capture = _Capture()
        loggers = (logging.getLogger(), logging.getLogger("mkdocs"))
        for logger in loggers:
            logger.addHandler(capture)
        try:
            convert(config, files)
        finally:
            for logger in loggers:
                logger.removeHandler(capture)
        links = page.links_to_anchors
        self._kept[page.file.src_uri] = _Converted(
            key,
            page.content,
            _tokens(page.toc),
            page._title_from_render,
            frozenset(page.present_anchor_ids or ()),
            None if links is None else {f.src_uri: dict(v) for f, v in links.items()},
            tuple(capture.records),
        )

    def sections(self, html: str, uri: str, parse: Callable[[str], list[Any]]) -> list[Any]:
        """The sections Material's search parser finds in the page's HTML (``parse``: parse it)."""
        self._built.add(uri)
        kept = self._sections.get(uri)
        if kept is None or kept[0] != html:
            kept = (html, [(s.id, list(s.title), list(s.text)) for s in parse(html)])
            self._sections[uri] = kept
        return kept[1]

    def clear(self) -> None:
        self._kept.clear()
        self._sections.clear()
        self._last_site = None
        self.on = False

    def finish(self) -> None:
        """At the end of a build: keep only the pages it had."""
        for kept in (self._kept, self._sections):
            for uri in kept.keys() - self._built:
                del kept[uri]


def _tokens(toc: Any) -> list[Any]:
    return [
        {"level": i.level, "id": i.id, "name": i.title, "children": _tokens(i.children)} for i in toc or ()
    ]

"""Search entries handed to Material's search index (plugin.py's ``on_page_context`` steps).

A generated page's entries come from the model (its titles, summaries, quotes and anchors), in the
sections Material's own parser would have found, and Material's pass over its HTML is skipped. Under
``mkdocs serve``, a hand-written page's sections are those Material's parser found the last time the page
had the same HTML (plugin_mdmemo.py). Nothing here runs when Material's search plugin is off: MkDocs' own
search plugin, or none, indexes pages from their HTML as usual."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page as MkDocsPage

from .plugin_mdmemo import MarkdownMemo
from .render import SearchEntry
from .render.pages import SEARCH_EXCLUDE, Rendered


class SearchHandOff:
    """One build's search entries: taken from each page between the plugin's first and last
    ``on_page_context`` steps (Material's search plugin runs between them)."""

    def __init__(
        self,
        config: MkDocsConfig | None = None,
        steps: tuple[Callable[..., Any], Callable[..., Any]] | None = None,
        from_model: bool = True,
    ) -> None:
        """``steps``: the plugin's first and last; ``from_model``: whether generated pages' entries come
        from the model (not when a template is overridden: then Material indexes their HTML)."""
        self.index = search_index(config) if config is not None else None  # Material's, if it is on
        self._pending: dict[str, Rendered] = {}  # generated pages whose entries wait for their turn
        self._flagged: set[str] = set()
        self._held: dict[str, str] = {}  # HTML of pages held back from Material's search plugin
        # whether it may be (nothing else reads a page's HTML meanwhile)
        self._hold = config is not None and steps is not None and search_alone_between(config, *steps)
        self._from_model = from_model

    def rendered(self, path: str, rendered: Rendered) -> None:
        """A generated page's body is placed: its entries are handed over at its turn."""
        self._pending[path] = rendered

    def take(self, page: MkDocsPage, markdown: MarkdownMemo) -> None:
        """The page's entries, just before Material's search plugin would parse its HTML for them."""
        rendered = self._pending.pop(page.file.src_uri, None)
        if self.index is None or (page.meta.get("search") or {}).get("exclude"):
            return
        if rendered is None:
            if markdown.on:  # Material's parse of the page's HTML, kept
                found = markdown.sections(page.content or "", page.file.src_uri, parse_sections)
                add_sections_found(self.index, page, found)
                self._flag(page)
            return
        if not self._from_model or (page.content or "").count(SEARCH_EXCLUDE) > rendered.excluded:
            return  # overridden templates, parts excluded since: Material indexes the page's HTML
        add_entries(self.index, page, rendered.search)
        self._flag(page)
        if self._hold and not search_changes(page.content or ""):  # its pass over the HTML is moot
            self._held[page.file.src_uri], page.content = page.content or "", ""

    def _flag(self, page: MkDocsPage) -> None:
        """Its entries are made: Material's search plugin skips the page."""
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        self._flagged.add(page.file.src_uri)

    def restore(self, page: MkDocsPage) -> None:
        """After Material's search plugin: the page as it was."""
        if page.file.src_uri in self._held:
            page.content = self._held.pop(page.file.src_uri)
        if page.file.src_uri in self._flagged:
            self._flagged.discard(page.file.src_uri)
            page.meta["search"].pop("exclude", None)
            if not page.meta["search"]:
                del page.meta["search"]


def search_index(config: MkDocsConfig) -> Any | None:
    """Material's search index when its search plugin is on (``None`` otherwise: MkDocs' own search
    plugin, or none, indexes the pages from their HTML as usual)."""
    for name, plugin in config.plugins.items():
        if name.split("/")[-1] == "search" and type(plugin).__module__.startswith("material.plugins.search"):
            return getattr(plugin, "search_index", None)
    return None


# What Material's search plugin removes from every page's HTML when it indexes it (a ``data-search-*``
# attribute with a value); the templates write none, so for a page indexed from the model that pass
# (a regular expression over the whole page: 6% of a big build's main process) changes nothing.
_STRIPPED_BY_SEARCH = re.compile(r"data-search-\w+=\"[^\"]+\"")


def search_alone_between(config: MkDocsConfig, first: Callable[..., Any], last: Callable[..., Any]) -> bool:
    """Whether Material's search plugin is all that handles ``on_page_context`` between the handlers
    ``first`` and ``last`` (then a page's HTML may be held back from it, as nothing else reads it)."""
    handlers = config.plugins.events["page_context"]
    if first not in handlers or last not in handlers:
        return False
    between = handlers[handlers.index(first) + 1 : handlers.index(last)]
    return bool(between) and all(
        type(getattr(h, "__self__", None)).__module__.startswith("material.plugins.search") for h in between
    )


def search_changes(html: str) -> bool:
    """Whether Material's search plugin would change this HTML (see ``_STRIPPED_BY_SEARCH``)."""
    return "data-search-" in html and _STRIPPED_BY_SEARCH.search(html) is not None


@dataclass
class _Section:
    """What Material's ``SearchIndex.create_entry_for_section`` reads of a parsed section."""

    id: str | None
    title: list[str]
    text: list[str]


def add_entries(index: Any, page: MkDocsPage, entries: list[SearchEntry]) -> None:
    """Hand ``entries`` to Material's search index, as its parser would have (its own method makes
    each entry, so tags, boost and segmentation follow the page's settings as usual)."""
    for entry in entries:
        section = _Section(entry.anchor, [entry.title], [entry.text])
        index.create_entry_for_section(section, page.toc, page.url, page)


def parse_sections(html_text: str) -> list[Any]:
    """The sections Material's search plugin would index in a page's HTML (its own parser's)."""
    from material.plugins.search.plugin import Parser  # only when Material's search index is there

    parser = Parser()
    parser.feed(html_text)
    parser.close()
    return [section for section in parser.data if not section.is_excluded()]


def add_sections_found(
    index: Any, page: MkDocsPage, found: list[tuple[str | None, list[str], list[str]]]
) -> None:
    """Hand sections that ``parse_sections`` found (id, title, text) to Material's search index."""
    for anchor, title, text in found:
        index.create_entry_for_section(_Section(anchor, list(title), list(text)), page.toc, page.url, page)

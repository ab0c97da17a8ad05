"""What the MkDocs plugin (plugin.py) does to a generated page once its body is rendered: the headings
as the site's ``toc`` extension would write them, the page's table of contents and anchors, its section
in the navigation. (Its search entries: plugin_search.py.)
"""

from __future__ import annotations

import html
import logging
import re
from typing import Any

import jinja2
import jinja2.runtime
import markdown
from markdown.extensions.toc import TocExtension, nest_toc_tokens, unique
from markdown.util import parseBoolValue
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure import pages as mkdocs_pages
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.structure.toc import AnchorLink, get_toc

from .render import Heading, Permalinks

_ID = re.compile(r'\sid="([^"]*)"')
_H1_ID = re.compile(r'<h1[^>]*\sid="([^"]*)"')


def permalinks(config: MkDocsConfig) -> Permalinks:
    """How the site's ``toc`` extension writes headings (``markdown_extensions: [toc: …]``)."""
    settings = TocExtension(**(config.mdx_configs.get("toc") or {})).getConfigs()
    symbol = settings["permalink"]
    flag = parseBoolValue(symbol, False, preserve_none=True) if not isinstance(symbol, bool) else symbol
    shown = None if flag in (False, None) else "&para;" if flag is True else str(escape(symbol))
    slugify, separator = settings["slugify"], settings["separator"]
    depth = settings["toc_depth"]
    if isinstance(depth, str) and "-" in depth:
        top, bottom = (int(x) for x in depth.split("-", 1))
    else:
        top, bottom = 1, int(depth)
    return Permalinks(
        symbol=shown,
        css_class=settings["permalink_class"],
        title=settings["permalink_title"],
        leading=bool(parseBoolValue(settings["permalink_leading"], False)),
        auto_id=lambda text, used: unique(slugify(text, separator), used),
        levels=range(top, bottom + 1),
    )


def title_id(page: MkDocsPage) -> str | None:
    """The id Markdown gave the page's title (its ``<h1>``)."""
    found = _H1_ID.search(page.content or "")
    return html.unescape(found.group(1)) if found else None


def anchors(html_text: str) -> set[str]:
    """Every ``id`` in an HTML fragment this package wrote (the anchors links may point to)."""
    return {html.unescape(m) for m in _ID.findall(html_text)}


def place_body(
    page: MkDocsPage, body: str, written: list[Heading], levels: range, found: set[str] | None = None
) -> None:
    """Put the rendered ``body`` under the page's title and set what MkDocs knows of the page from it:
    its table of contents (the title's entry, then every heading) and its anchors (every id;
    ``found``: the body's, if already known)."""
    head = page.content or ""
    ids = {h.id for h in written}
    first = title_id(page)
    if first is not None and first in ids:  # Markdown would have made the title's id unique
        fresh = unique(first, set(ids) | {first})
        head = head.replace(f'id="{first}"', f'id="{fresh}"').replace(f'href="#{first}"', f'href="#{fresh}"')
        for item in page.toc:
            if item.id == first:
                item.id = fresh
    body = body.rstrip()  # as Python-Markdown ends its output
    page.content = f"{head}\n{body}" if head else body
    tokens: list[dict[str, Any]] = [_token(item) for item in _flatten(page.toc)]
    tokens += [
        {"level": h.level, "id": h.id, "name": str(h.title), "children": []}
        for h in written
        if h.level in levels
    ]
    page.toc = get_toc(nest_toc_tokens(tokens))
    ids = anchors(page.content) if found is None else anchors(head) | found
    page.present_anchor_ids = (page.present_anchor_ids or set()) | ids


def _flatten(items: Any) -> list[AnchorLink]:
    found: list[AnchorLink] = []
    for item in items:
        found.append(item)
        found.extend(_flatten(item.children))
    return found


def _token(item: AnchorLink) -> dict[str, Any]:
    return {"level": item.level, "id": item.id, "name": item.title, "children": []}


class PageUrls:
    """The Jinja global ``timeline_page_url(src_uri)`` the site's templates may call: the URL of the page
    made from ``src_uri`` (as ``file.url``; ``None`` when there is none), found in a table of the
    context's ``pages`` built once per build rather than by looping over every page on every call."""

    def __init__(self) -> None:
        self._pages: object = None
        self._urls: dict[str, str] = {}

    @jinja2.pass_context
    def __call__(self, context: jinja2.runtime.Context, src_uri: str) -> str | None:
        pages = context.get("pages")
        if pages is not self._pages:
            self._pages, self._urls = pages, {f.src_uri: f.url for f in pages or ()}
        return self._urls.get(src_uri)


def add_sections(nav: Navigation, files: Files, plan: dict[str, list[tuple[str | None, list[str]]]]) -> None:
    """Turn each index page of ``plan`` that is a top-level nav item into a section holding it and the
    pages of its kind (subsections where titled), so that the tab stays highlighted on those pages and
    the left column lists them; then redo what MkDocs derives from the nav (parents, page order,
    previous and next)."""
    items: list[Any] = []
    for item in nav.items:
        path = item.file.src_uri if isinstance(item, MkDocsPage) else None
        if path not in plan:
            items.append(item)
            continue
        children: list[Any] = [item]
        for title, paths in plan[path]:
            pages: list[Any] = [f.page for p in paths if (f := files.get_file_from_path(p)) and f.page]
            if not pages:
                continue
            children.extend([Section(title, pages)] if title else pages)
        items.append(Section(item.title, children))
    nav.items = items
    _parents(items, None)
    nav.pages = _pages(items)
    ordered = [None, *nav.pages, None]
    for before, page, after in zip(ordered[:-2], nav.pages, ordered[2:], strict=True):
        page.previous_page, page.next_page = before, after


def _parents(items: list[Any], parent: Section | None) -> None:
    for item in items:
        item.parent = parent
        if isinstance(item, Section):
            _parents(item.children, item)


def _pages(items: list[Any]) -> list[MkDocsPage]:
    found: list[MkDocsPage] = []
    for item in items:
        if isinstance(item, MkDocsPage):
            found.append(item)
        elif isinstance(item, Section):
            found.extend(_pages(item.children))
    return found


class SharedMarkdown:
    """One Markdown converter for every generated page of a build (see :class:`TitlePage`)."""

    def __init__(self) -> None:
        self.converter: markdown.Markdown | None = None
        self.config: MkDocsConfig | None = None

    def get(self, config: MkDocsConfig) -> markdown.Markdown:
        if self.converter is None or self.config is not config:
            self.converter = markdown.Markdown(
                extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"] or {}
            )
            self.config = config
        return self.converter.reset()


class TitlePage(MkDocsPage):
    """A generated page, whose Markdown is only its title (and front matter). MkDocs makes a new
    Markdown converter with every extension for every page, which cost more than converting the
    title; these pages share one, reset between pages, and record what the conversion gives exactly as
    ``Page.render`` does (MkDocs 1.6)."""

    def __init__(self, file: File, config: MkDocsConfig, shared: SharedMarkdown) -> None:
        super().__init__(None, file, config)
        self.shared = shared

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        md = self.shared.get(config)
        raw_html = mkdocs_pages._RawHTMLPreprocessor()
        raw_html._register(md)
        anchors = mkdocs_pages._ExtractAnchorsTreeprocessor(self.file, files, config)
        anchors._register(md)
        relative = mkdocs_pages._RelativePathTreeprocessor(self.file, files, config)
        relative._register(md)
        title = mkdocs_pages._ExtractTitleTreeprocessor()
        title._register(md)
        self.content = md.convert(self.markdown)
        self.toc = get_toc(getattr(md, "toc_tokens", []))
        self._title_from_render = title.title
        self.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
        if mkdocs_pages.log.getEffectiveLevel() > logging.DEBUG:
            self.links_to_anchors = relative.links_to_anchors

"""Under ``mkdocs serve``, the theme's template is rendered again only for pages whose context changed.

Rendering the theme's page template (Material's: navigation, header, footer, table of contents) was half
of every rebuild of a 1,000-event site, though an edit changes only a few pages. What a template makes
is a function of what it is given, so each page's HTML is kept with a fingerprint of all of it:

* the page: its source, URL, title, HTML, table of contents, metadata, canonical and edit URLs, the
  template it asks for, and the stylesheets and scripts as it links them;
* the site: the shape of its navigation (every item's kind, URL and children, in order), its pages'
  sources and URLs, the configuration as written (``mkdocs.yml`` and every setting given to MkDocs), its
  URL, and every template file the theme may load (path, size, modification time);
* of the other pages, sections and links: each attribute the template *read* while it rendered the
  page (their titles, URLs, children, metadata: every ``item.attribute`` in a template goes through the
  environment's ``getattr``, which records it), and its value. A page whose sidebar shows one section
  (Material's ``navigation.prune``) does not depend on the titles in the others.

A page whose fingerprint equals one of the last two kept for it (an invalid edit puts a notice on every
page; fixing it brings the pages back) gets that build's HTML. Everything else in the build (plugins'
events, writing the file) runs as before.

It is on only under ``serve``, and only when every plugin is one whose effect on a page the fingerprint
covers (this one, Material's search and offline plugins, MkDocs' own search): another plugin may put into
the template's context or environment what the fingerprint does not see.

How: each page asks MkDocs for a one-line template (``STUB``) that calls ``timeline_memo()``, which has
the page's full template context; it puts the page's own template choice back and returns kept HTML, or
renders that template with the same context and keeps the result."""

from __future__ import annotations

import hashlib
import os
import sysconfig
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup
from mkdocs.plugins import BasePlugin
from mkdocs.theme import Theme

# Where a generated page's error notice goes (serve, invalid data): it is put in after the template, so
# that the page's fingerprint is the same with and without it (plugin.py).
NOTICE_AT = "<!--timeline-notice-->"
STUB = "timeline/memo-page.html"  # this plugin's folder, its own name: no theme has it
_GLOBAL = "timeline_memo"
_SAFE = ("material.plugins.search", "material.plugins.offline", "mkdocs.contrib.search")  # modules
_UNSET = object()
KEPT_PER_PAGE = 2
BUDGET = 256 * 2**20  # characters of kept HTML above which only the latest build's is kept

Where = tuple[Any, ...]  # where an item is: ("page", src_uri), or its place in the navigation
Read = tuple[Where, Any]  # an item and the attribute (or ("[]", key)) a template read of it
_UNKEPT = object()  # a read that makes a page's HTML not worth keeping
# Read of another page while the pages are built, these change (this plugin sets a generated page's
# HTML and table of contents when MkDocs builds it and drops its HTML once written): a page whose
# template reads them of another page is rendered every time.
_CHANGING = frozenset(("content", "toc", "present_anchor_ids", "markdown"))
# The page's own, in its fingerprint already. (Whether an item is active is not recorded either: it
# follows from which page is being built and the shape of the navigation.)
_OWN = frozenset(("content", "toc", "meta", "title", "url", "canonical_url", "edit_url", "file"))


@dataclass(frozen=True)
class _Kept:
    key: tuple[Any, ...]  # the page's and the site's fingerprint
    reads: tuple[Read, ...]  # what its template read of other items
    values: tuple[Any, ...]  # and what that was
    html: str


class _Site:
    """What every page of one build shares: the site's fingerprint, and the items a template may read
    (every page, section and link), where they are, and what was read of them."""

    def __init__(self, context: jinja2.runtime.Context, env: jinja2.Environment) -> None:
        config, nav = context["config"], context["nav"]
        self.where: dict[int, Where] = {}
        self.items: dict[Where, Any] = {}
        self._values: dict[Read, Any] = {}
        self._getattr, self._getitem = env.getattr, env.getitem  # unrecorded (install() replaces them)
        for file in context.get("pages") or ():
            if file.page is not None:
                self._add(file.page, ("page", file.src_uri))
        shape = self._shape(nav.items, ())
        templates, dated = _templates(config.theme.dirs)
        self.key = (
            shape,
            getattr(nav.homepage, "url", None),
            tuple((f.src_uri, f.url) for f in context.get("pages") or ()),
            _plain(config),
            config.site_url,
            context.get("mkdocs_version"),
            templates,
            context.get("build_date_utc") if dated else None,  # a time that changes with every build
        )

    def _add(self, item: Any, where: Where) -> Where:
        self.items.setdefault(self.where.setdefault(id(item), where), item)
        return self.where[id(item)]

    def _shape(self, items: Any, at: Where) -> tuple[Any, ...]:
        shape = []
        for i, item in enumerate(items or ()):
            where = self._add(item, (*at, i))
            children = self._shape(item.children, (*at, i))
            shape.append((where, type(item).__name__, getattr(item, "url", None), children))
        return tuple(shape)

    def values(self, reads: tuple[Read, ...]) -> tuple[Any, ...]:
        known, value = self._values, self.value
        return tuple([known[read] if read in known else value(read) for read in reads])

    def value(self, read: Read) -> Any:
        """What the item gives for the attribute (or key) in this build, as comparable data."""
        if read not in self._values:
            where, name = read
            item = self.items.get(where)
            if item is None or name in _CHANGING:
                self._values[read] = _UNKEPT
            else:
                got = self._getitem(item, name[1]) if isinstance(name, tuple) else self._getattr(item, name)
                self._values[read] = self._plain(got)
        return self._values[read]

    def _plain(self, value: Any) -> Any:
        where = self.where.get(id(value))
        if where is not None:
            return ("item", where)
        if value is None or isinstance(value, (str, int, float)):
            return value
        if isinstance(value, (list, tuple)):
            return tuple(self._plain(v) for v in value)
        if isinstance(value, Mapping):  # metadata: without the stub this module gives pages to build
            return tuple((str(k), self._plain(v)) for k, v in value.items() if v != STUB)
        return (type(value).__qualname__, repr(value))


class PageMemo:
    """The theme's page HTML, kept across ``serve`` rebuilds with the fingerprint of what made it."""

    def __init__(self) -> None:
        self._kept: dict[str, list[_Kept]] = {}  # src_uri: the latest first
        self._asked: dict[str, Any] = {}  # src_uri: the template a page asked for (_UNSET: the default)
        self._site: _Site | None = None  # made by the build's first page
        self._reads: set[Read] | None = None  # what the page being rendered has read of other items
        self._current: Any = None  # the page being rendered
        self._env: jinja2.Environment | None = None
        self._built: set[str] = set()
        self.on = False
        self.reused = 0  # pages given kept HTML in this build

    def begin(self, config: Any, owner: object, serve: bool) -> None:
        """At the start of a build: whether to keep pages at all (see the module's docstring)."""
        plugins = config.plugins.values()
        self.on = serve and all(p is owner or _known(type(p).__module__) for p in plugins)
        self._asked, self._site, self._reads, self._built, self.reused = {}, None, None, set(), 0
        if not self.on:
            self._kept.clear()

    def redirect(self, page: Any) -> None:
        """Before MkDocs picks the page's template (``on_page_content``): make it the stub."""
        if self.on:
            self._asked[page.file.src_uri] = page.meta.get("template", _UNSET)
            page.meta["template"] = STUB

    def install(self, env: jinja2.Environment) -> None:
        """The stub, the function it calls, and the recording of reads, in the theme's environment
        (``on_env``)."""
        if not self.on:
            return
        assert env.loader is not None
        env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({STUB: f"{{{{ {_GLOBAL}() }}}}"}), env.loader])
        env.globals[_GLOBAL] = self._page
        self._env = env
        getattr_, getitem = env.getattr, env.getitem

        def read_attribute(obj: Any, attribute: str) -> Any:
            if self._reads is not None:
                self._note(obj, attribute)
            return getattr_(obj, attribute)

        def read_item(obj: Any, argument: Any) -> Any:
            if self._reads is not None:
                self._note(obj, argument if isinstance(argument, str) else ("[]", argument))
            return getitem(obj, argument)

        env.getattr, env.getitem = read_attribute, read_item  # type: ignore[method-assign]

    def _note(self, obj: Any, name: Any) -> None:
        assert self._reads is not None and self._site is not None
        where = self._site.where.get(id(obj))
        if where is None or name == "active" or (obj is self._current and name in _OWN):
            return
        try:
            self._reads.add((where, name))
        except TypeError:  # an unhashable key
            self._reads.add((where, ("[]", repr(name))))

    @jinja2.pass_context
    def _page(self, context: jinja2.runtime.Context) -> Markup:
        page = context["page"]
        uri = page.file.src_uri
        asked = self._asked.pop(uri, _UNSET)
        if asked is _UNSET:
            page.meta.pop("template", None)
        else:
            page.meta["template"] = asked
        name = page.meta.get("template", "main.html")
        if self._site is None:
            assert self._env is not None
            self._site = _Site(context, self._env)
        site = self._site
        key = (site.key, name, _page_key(page, context))
        self._built.add(uri)
        kept = self._kept.setdefault(uri, [])
        for i, entry in enumerate(kept):
            if entry.key == key and site.values(entry.reads) == entry.values:
                kept.insert(0, kept.pop(i))  # the latest first
                self.reused += 1
                return Markup(entry.html)
        self._reads, self._current = set(), page
        try:
            html = context.environment.get_template(name).render(context.get_all())
            reads = tuple(self._reads)
        finally:
            self._reads = self._current = None
        values = site.values(reads)
        if _UNKEPT not in values:
            kept.insert(0, _Kept(key, reads, values, html))
            del kept[KEPT_PER_PAGE:]
        return Markup(html)

    def finish(self) -> None:
        """At the end of a build: keep only the pages it had, and older HTML only within the budget."""
        for uri in self._kept.keys() - self._built:
            del self._kept[uri]
        if sum(len(e.html) for kept in self._kept.values() for e in kept) > BUDGET:
            for kept in self._kept.values():
                del kept[1:]
        self._asked, self._site = {}, None

    def clear(self) -> None:
        self._kept.clear()
        self.on = False


def _known(module: str) -> bool:
    return any(module == known or module.startswith(known + ".") for known in _SAFE)


def _page_key(page: Any, context: jinja2.runtime.Context) -> tuple[Any, ...]:
    return (
        page.file.src_uri,
        page.url,
        page.title,
        hashlib.blake2b((page.content or "").encode("utf-8", "surrogatepass"), digest_size=16).digest(),
        _toc(page.toc),
        repr(page.meta),
        page.canonical_url,
        page.edit_url,
        context.get("base_url"),
        tuple(map(str, context.get("extra_css") or ())),
        tuple(map(repr, context.get("extra_javascript") or ())),
    )


def _plain(value: Any, depth: int = 0) -> Any:
    """A setting as plain data: settings, plugins' settings and the theme's, as nested tuples (a plugin
    by its kind and settings, not its state; anything else by its ``repr``)."""
    if value is None or isinstance(value, (str, int, float)) or depth > 30:
        return value if depth <= 30 else repr(value)
    if isinstance(value, BasePlugin):
        return (type(value).__qualname__, _plain(value.config, depth + 1))
    if isinstance(value, (list, tuple)):
        return tuple(_plain(v, depth + 1) for v in value)
    if isinstance(value, (Mapping, Theme)) or hasattr(value, "items"):
        return (type(value).__qualname__, tuple((str(k), _plain(v, depth + 1)) for k, v in value.items()))
    return (type(value).__qualname__, repr(value))


def _toc(items: Any) -> tuple[Any, ...]:
    return tuple((i.title, i.id, i.level, _toc(i.children)) for i in items or ())


def _templates(folders: list[str]) -> tuple[tuple[Any, ...], bool]:
    """Every file the theme's folders hold (path, size, modification time), and whether a template
    shows the build's date (``build_date_utc``: then no page can be kept from one build to the next).
    The icons of an installed theme (thousands of files) are left out: they change only when the theme
    is reinstalled."""
    installed = {Path(sysconfig.get_paths()[k]).resolve() for k in ("purelib", "platlib")}
    found = []
    dated = False
    for folder in folders:
        package = any(Path(folder).resolve().is_relative_to(p) for p in installed)
        for top, subfolders, files in os.walk(folder):
            if package and ".icons" in subfolders:
                subfolders.remove(".icons")
            subfolders.sort()
            for name in sorted(files):
                path = os.path.join(top, name)
                info = os.stat(path)
                found.append((top, name, info.st_size, info.st_mtime_ns))
                dated = dated or (name.endswith((".html", ".xml", ".j2")) and _shows_date(path, info))
    return tuple(found), dated


_SHOWS_DATE: dict[tuple[str, int, int], bool] = {}  # by path, size and modification time


def _shows_date(path: str, info: os.stat_result) -> bool:
    key = (path, info.st_size, info.st_mtime_ns)
    if key not in _SHOWS_DATE:
        with open(path, "rb") as template:
            _SHOWS_DATE[key] = b"build_date_utc" in template.read()
    return _SHOWS_DATE[key]

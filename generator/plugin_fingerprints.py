"""The fingerprints of plugin_memo.py: what a page's HTML under ``mkdocs serve`` is made of, as data to
compare from one build to the next (the page, the site, and what the theme's template read of the
other pages, sections and links)."""

from __future__ import annotations

import hashlib
import os
import sysconfig
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.plugins import BasePlugin

STUB = "timeline/memo-page.html"  # what every page asks MkDocs for: in this plugin's folder, no theme has it
Where = tuple[Any, ...]  # where an item is: ("page", src_uri), or its place in the navigation
Read = tuple[Where, Any]  # an item and the attribute (or ("[]", key)) a template read of it
UNKEPT = object()  # a read that makes a page's HTML not worth keeping
# Read of another page while the pages are built, these change (this plugin sets a generated page's
# HTML and table of contents when MkDocs builds it and drops its HTML once written): a page whose
# template reads them of another page is rendered every time.
_CHANGING = frozenset(("content", "toc", "present_anchor_ids", "markdown"))
# The page's own, in its fingerprint already. (Whether an item is active is not recorded either: it
# follows from which page is being built and the shape of the navigation.)
OWN = frozenset(("content", "toc", "meta", "title", "url", "canonical_url", "edit_url", "file"))


class Site:
    """What every page of one build shares: the site's fingerprint, and the items a template may read
    (every page, section and link), where they are, and what was read of them."""

    def __init__(self, context: jinja2.runtime.Context, env: jinja2.Environment) -> None:
        config, nav = context["config"], context["nav"]
        self.where: dict[int, Where] = {}
        self.items: dict[Where, Any] = {}
        self._values: dict[Read, Any] = {}
        self._by_reads: dict[int, tuple[tuple[Read, ...], tuple[Any, ...]]] = {}
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
            plain_data(config),  # the site's URL among them
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
        """The values of ``reads`` in this build (found once per tuple of reads: pages share them)."""
        found = self._by_reads.get(id(reads))
        if found is None or found[0] is not reads:
            known, value = self._values, self.value
            found = (reads, tuple([known[read] if read in known else value(read) for read in reads]))
            self._by_reads[id(reads)] = found
        return found[1]

    def value(self, read: Read) -> Any:
        """What the item gives for the attribute (or key) in this build, as comparable data."""
        if read not in self._values:
            where, name = read
            item = self.items.get(where)
            if item is None or name in _CHANGING:
                self._values[read] = UNKEPT
            else:
                got = self._getitem(item, name[1]) if isinstance(name, tuple) else self._getattr(item, name)
                self._values[read] = self._comparable(got)
        return self._values[read]

    def _comparable(self, value: Any) -> Any:
        """A value read of an item: another item by where it is, data as nested tuples."""
        where = self.where.get(id(value))
        if where is not None:
            return ("item", where)
        if value is None or isinstance(value, (str, int, float)):
            return value
        if isinstance(value, (list, tuple)):
            return tuple(self._comparable(v) for v in value)
        if isinstance(value, Mapping):  # metadata: without the stub this module gives pages to build
            return tuple((str(k), self._comparable(v)) for k, v in value.items() if v != STUB)
        return (type(value).__qualname__, repr(value))


def settled(key: tuple[Any, ...], last: tuple[Any, ...] | None) -> tuple[Any, ...]:
    """``key``, or the last build's if equal: the same object, a page's key holding it then compares with
    a kept one at once rather than element by element."""
    return last if last is not None and key == last else key


def page_key(page: Any, context: jinja2.runtime.Context) -> tuple[Any, ...]:
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


def plain_data(value: Any, depth: int = 0) -> Any:
    """A setting as plain data: settings, plugins' settings and the theme's, as nested tuples (a plugin
    by its kind and settings, not its state; anything else by its ``repr``)."""
    if value is None or isinstance(value, (str, int, float)):
        return value
    if depth > 30:
        return repr(value)
    if isinstance(value, BasePlugin):
        return (type(value).__qualname__, plain_data(value.config, depth + 1))
    if isinstance(value, (list, tuple)):
        return tuple(plain_data(v, depth + 1) for v in value)
    if isinstance(value, Mapping) or hasattr(value, "items"):  # settings, the theme's among them
        return (type(value).__qualname__, tuple((str(k), plain_data(v, depth + 1)) for k, v in value.items()))
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

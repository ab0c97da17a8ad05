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

from dataclasses import dataclass
from typing import Any

import jinja2
from markupsafe import Markup

from .plugin_fingerprints import OWN, STUB, UNKEPT, Read, Site, page_key, settled

# Where a generated page's error notice goes (serve, invalid data): it is put in after the template, so
# that the page's fingerprint is the same with and without it (plugin.py).
NOTICE_AT = "<!--timeline-notice-->"
_GLOBAL = "timeline_memo"
_SAFE = ("material.plugins.search", "material.plugins.offline", "mkdocs.contrib.search")  # modules
_UNSET = object()
KEPT_PER_PAGE = 2
BUDGET = 256 * 2**20  # characters of kept HTML above which only the latest build's is kept


@dataclass(frozen=True)
class _Kept:
    key: tuple[Any, ...]  # the page's and the site's fingerprint
    reads: tuple[Read, ...]  # what its template read of other items
    values: tuple[Any, ...]  # and what that was
    html: str


class PageMemo:
    """The theme's page HTML, kept across ``serve`` rebuilds with the fingerprint of what made it."""

    def __init__(self) -> None:
        self._kept: dict[str, list[_Kept]] = {}  # src_uri: the latest first
        self._asked: dict[str, Any] = {}  # src_uri: the template a page asked for (_UNSET: the default)
        self._site: Site | None = None  # made by the build's first page
        self._reads: set[Read] | None = None  # what the page being rendered has read of other items
        self._current: Any = None  # the page being rendered
        self._env: jinja2.Environment | None = None
        self._built: set[str] = set()
        # The last build's site fingerprint, and each set of reads as one shared tuple: equal ones are
        # then the same object, which compares at once, and their values are found once per build.
        self._site_key: tuple[Any, ...] | None = None
        self._shared: dict[frozenset[Read], tuple[Read, ...]] = {}
        self.on = False
        self.reused = 0  # pages given kept HTML in this build

    def begin(self, config: Any, owner: object, serve: bool) -> None:
        """At the start of a build: whether to keep pages at all (see the module's docstring)."""
        plugins = config.plugins.values()
        self.on = serve and all(p is owner or _known(type(p).__module__) for p in plugins)
        self._asked, self._site, self._reads, self._built, self.reused = {}, None, None, set(), 0
        if not self.on:
            self._kept.clear()
            self._shared.clear()

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
        if where is None or name == "active" or (obj is self._current and name in OWN):
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
            self._site = Site(context, self._env)
            self._site.key = self._site_key = settled(self._site.key, self._site_key)
        site = self._site
        key = (site.key, name, page_key(page, context))
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
            reads = self._shared.setdefault(frozenset(self._reads), tuple(self._reads))
        finally:
            self._reads = self._current = None
        values = site.values(reads)
        if UNKEPT not in values:
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
        live = {id(e.reads) for kept in self._kept.values() for e in kept}
        self._shared = {k: v for k, v in self._shared.items() if id(v) in live}
        self._asked, self._site = {}, None

    def clear(self) -> None:
        self._kept.clear()
        self._shared.clear()
        self._site_key = None
        self.on = False


def _known(module: str) -> bool:
    return any(module == known or module.startswith(known + ".") for known in _SAFE)

"""Where the MkDocs plugin (plugin.py) gets each generated page's rendering from, whichever is cheapest:

* **ahead** (``mkdocs build`` of a big site, where fork is safe): a second process renders the pages in
  the order MkDocs builds them while MkDocs works on the pages before (generator/render/parallel.py);
* **kept** (``mkdocs serve``): the page as rendered on the last rebuild, when nothing it is made of has
  changed (generator/render/reuse.py);
* **early** (builds that are not staged, ``--dirty``): the first page of each kind, rendered before
  MkDocs cleans the site folder so that a template failing on this data fails before that;
* else rendered here, when MkDocs asks for the page.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from . import plugin_pages as pp
from .forking import fork_safe
from .render import Headings, Permalinks, Renderer, parallel
from .render.pages import Rendered
from .render.reuse import Reuse

# From this many generated pages on, `mkdocs build` renders them ahead in a second process.
PARALLEL_MIN_PAGES = 100


def _anchors(rendered: Rendered) -> set[str]:
    """A page's anchors, found in the process that rendered it."""
    return pp.anchors(rendered.html)


def build_order(path: str) -> tuple[tuple[str, ...], bool, str]:
    """``file_sort_key`` of the page's file: the order MkDocs builds pages in."""
    parts = PurePosixPath(path).parts
    return parts[:-1], PurePosixPath(path).stem != "index", parts[-1]


class PageSource:
    """One build's generated pages; :attr:`reuse` lives as long as the plugin (``serve`` rebuilds)."""

    def __init__(self) -> None:
        self.reuse = Reuse()
        self.renderer: Renderer | None = None
        self.permalinks = Permalinks()
        self.search = False
        self.serve = False
        self.early: dict[str, tuple[str | None, Rendered]] = {}
        self.ahead: parallel.Ahead | None = None

    def start(
        self, renderer: Renderer, permalinks: Permalinks, *, search: bool, serve: bool, settings: str
    ) -> None:
        """A new build of ``renderer``'s pages. ``search``: make their search entries; ``settings``:
        anything else the pages depend on (how headings are written)."""
        self.stop()
        self.renderer, self.permalinks, self.search, self.serve = renderer, permalinks, search, serve
        self.early = {}
        if serve:
            self.reuse.start(renderer, settings)

    def title_id(self, path: str) -> str:
        """The id Markdown will give the page's title (checked when the page is built)."""
        assert self.renderer is not None
        return self.permalinks.auto_id(" ".join(self.renderer.pages[path].title.split()), set())

    def render(self, path: str, title_id: str | None) -> Rendered:
        renderer, search = self.renderer, self.search
        assert renderer is not None

        def render() -> Rendered:
            headings = Headings(permalinks=self.permalinks, used={title_id} if title_id else set())
            return renderer.render(renderer.pages[path], headings, search=search)

        if self.serve:  # pages nothing changed for are kept from the last rebuild
            return self.reuse.get(path, title_id, search, render)
        return render()

    def render_early(self) -> None:
        """The first page of each kind, now (raises :class:`TemplateProblem`)."""
        assert self.renderer is not None
        kinds: set[str] = set()
        for path, page in self.renderer.pages.items():
            if page.kind not in kinds:
                kinds.add(page.kind)
                first = self.title_id(path)
                self.early[path] = (first, self.render(page.path, first))

    def start_ahead(self) -> None:
        """Render the pages ahead in a second process, if this is a build worth it and fork is safe."""
        assert self.renderer is not None
        pages = self.renderer.pages
        if self.ahead is None and not self.serve and len(pages) >= PARALLEL_MIN_PAGES and fork_safe():
            order = sorted(pages, key=build_order)
            self.ahead = parallel.Ahead(order, self._render_ahead, set(self.early), _anchors)

    def _render_ahead(self, path: str) -> Rendered:
        return self.render(path, self.title_id(path))

    def get(self, path: str, title_id: str | None) -> tuple[Rendered, set[str] | None]:
        """The page whose title has ``title_id``, and its anchors when they are already known (raises
        :class:`TemplateProblem`)."""
        early = self.early.pop(path, None)
        if early is not None and early[0] == title_id:
            return early[1], None
        if self.ahead is not None and title_id == self.title_id(path):
            rendered = self.ahead.get(path)
            return rendered, self.ahead.extras.pop(path, None)
        return self.render(path, title_id), None

    def stop(self) -> None:
        """Stop the second process, if any (at once when the build failed)."""
        if self.ahead is not None:
            self.ahead.close()
            self.ahead = None

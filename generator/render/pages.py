"""Which pages the site has, at which paths, and how each is rendered: one page at a time, on demand.

:class:`Renderer` lists the pages (:class:`Page`: a path, a title, a kind) without rendering any, then
renders whichever is asked for: its body as HTML (the MkDocs plugin, with the headings it wrote: the
table of contents) and its search entries, or the whole page as Markdown (``python -m generator
render``). Snippets several pages share are rendered once (see ``Site.memo``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from markupsafe import Markup

from .. import dates
from ..model import Event, Source, Timeline
from . import context as ctx
from . import describe, home, search, search_more, when
from .cards import card, compact_item
from .context import Options, Site
from .figures import figures_context
from .groups import Group
from .numbers import plural
from .output import Heading, Headings
from .search import Sections
from .sources import Cite, citations_by_source, source_context, sources_context
from .tags import events_by_tag, tag_context, tag_title, tags_context
from .templates import Templates
from .text import page_heading
from .timeline import month_context, months_context, timeline_context

SEARCH_EXCLUDE = "data-search-exclude"
# Kinds of page search leaves out (see Page.searchable).
UNSEARCHED = frozenset({"timeline", "tag", "tags"})
# The pages meant for the navigation; every other generated page is reached through them.
INDEX_PAGES = (ctx.TIMELINE, ctx.DATED_INDEX, ctx.FIGURES, ctx.SOURCES_INDEX, ctx.TAGS_INDEX)


# Parts of Material's page left out: a group's page has its own pager (tl-pager), so not Material's
# footer one too; the full timeline and the figures are alone in their nav section (an empty sidebar).
HIDE = {"month": ("footer",), "timeline": ("navigation",), "figures": ("navigation",)}


FLAT_SOURCES = 30  # up to this many sources, the navigation lists them in one list


def _published_year(source: Source) -> str:
    """The navigation section of a source page when they are many: the year it was published, no more
    certain than its date ("2024", "2024 (probably)", "2023–2024", "Date not stated")."""
    published = source.published
    if published is None:
        return "Date not stated"
    first, last = dates.earliest(published).year, dates.latest(published).year
    if first != last:
        return f"{first}–{last}"
    return f"{first} (probably)" if when.unsure(published) else str(first)


@dataclass(frozen=True, slots=True)
class Page:
    """One generated page: its path (``dated/2024-06.md``), title, kind (the template that renders
    it, ``month`` → ``month.html``) and key (the month ``2024-06``, the source or tag id)."""

    path: str
    title: str
    kind: str
    key: str = ""
    description: str = ""  # for link previews and search engines (page.meta.description)

    @property
    def in_nav(self) -> bool:
        return self.path in INDEX_PAGES

    @property
    def searchable(self) -> bool:
        """Whether search indexes the page: each event once, on its month's page, so neither the full
        timeline nor the tag pages (their events are there too; a tag's name is no search result)."""
        return self.kind not in UNSEARCHED

    @property
    def title_markdown(self) -> str:
        """The page's Markdown when the body is supplied as HTML: its title only (MkDocs takes the
        page title and the first heading from it)."""
        return page_heading(
            self.title, searched=self.searchable, description=self.description, hide=HIDE.get(self.kind, ())
        )


@dataclass(frozen=True, slots=True)
class SearchEntry:
    """One section of a page as Material's search indexes it: ``anchor`` ``None`` is the page itself."""

    anchor: str | None
    title: str
    text: str


@dataclass(frozen=True, slots=True)
class Rendered:
    """A page's body (everything after its title), the headings written in it, its search entries, and
    how many of its elements carry ``data-search-exclude`` (the entries already leave them out)."""

    html: str
    headings: list[Heading]
    search: list[SearchEntry]
    excluded: int = 0


class Renderer:
    """One timeline's pages, rendered on demand. Deterministic for a given input."""

    def __init__(
        self, timeline: Timeline, options: Options | None = None, templates: Templates | None = None
    ) -> None:
        self.site = Site(timeline, options or Options(), templates)

    @cached_property
    def by_source(self) -> dict[str, list[Cite]]:
        return citations_by_source(self.site)

    @cached_property
    def groups_by_key(self) -> dict[str, Group]:
        return {group.key: group for group in self.site.groups}

    @cached_property
    def by_tag(self) -> dict[str, list[Event]]:
        return events_by_tag(self.site)

    @cached_property
    def pages(self) -> dict[str, Page]:
        """Every generated page by path, sorted by path."""
        site = self.site
        events, sources = plural(len(site.events), "event"), plural(len(site.timeline.sources), "source")
        found = [
            Page(ctx.TIMELINE, "Full timeline", "timeline", "", describe.timeline(events, sources)),
            Page(ctx.DATED_INDEX, "By month", "months", "", describe.months(events)),
            Page(ctx.FIGURES, "Figures", "figures", "", describe.figures(site)),
            Page(ctx.SOURCES_INDEX, "Sources", "sources", "", describe.sources(sources)),
            Page(ctx.TAGS_INDEX, "Tags", "tags", "", describe.tags(events)),
        ]
        found += [
            Page(ctx.dated(g), site.group_title(g), "month", g.key, describe.group(site, g))
            for g in site.groups
        ]
        found += [
            Page(
                ctx.source(sid), s.title, "source", sid, describe.source(s, len(self.by_source.get(sid, ())))
            )
            for sid, s in site.timeline.sources.items()
        ]
        found += [
            Page(ctx.tag(tid), tag_title(site, tid), "tag", tid, describe.tag(site, tid, evs))
            for tid, evs in self.by_tag.items()
        ]
        return {page.path: page for page in sorted(found, key=lambda p: p.path)}

    def nav_sections(self) -> dict[str, list[tuple[str | None, list[str]]]]:
        """Where the generated pages go in the navigation: under the index page of their kind, as
        ``{index path: [(subsection title or None, [page paths])]}``: the group pages by year (the left
        column's year → month jump list), the source pages by title (in sections by the year they were
        published when there are more than ``FLAT_SOURCES``: every page renders its section's whole
        list, so a flat list of hundreds of sources made each source page's navigation, and the
        build, grow with their number), the tag pages."""
        site = self.site
        years: dict[int, list[str]] = {}
        for group in site.groups:
            years.setdefault(group.year, []).append(ctx.dated(group))
        by_title = sorted(site.timeline.sources.items(), key=lambda kv: (kv[1].title.casefold(), kv[0]))
        many = len(by_title) > FLAT_SOURCES
        if many:  # newest year first, then by title
            by_title.sort(key=lambda kv: -dates.latest(kv[1].published).year if kv[1].published else 1)
        sources: dict[str | None, list[str]] = {}
        for sid, source in by_title:
            sources.setdefault(_published_year(source) if many else None, []).append(ctx.source(sid))
        return {
            ctx.DATED_INDEX: [(str(year), paths) for year, paths in years.items()],
            ctx.SOURCES_INDEX: list(sources.items()),
            ctx.TAGS_INDEX: [(None, [p.path for p in self.pages.values() if p.kind == "tag"])],
        }

    # ------------------------------------------------------------------ one page

    def context(self, page: Page) -> dict[str, Any]:
        """What ``<kind>.html`` gets for ``page`` (see docs/guide/templates.md)."""
        site, kind = self.site, page.kind
        if kind == "month":
            return month_context(site, self.groups_by_key[page.key])
        if kind == "source":
            return source_context(site, site.timeline.sources[page.key], self.by_source.get(page.key, []))
        if kind == "tag":
            return tag_context(site, page.key, self.by_tag[page.key])
        if kind == "sources":
            return sources_context(site, self.by_source)
        if kind == "tags":
            return tags_context(site, self.by_tag)
        return {"timeline": timeline_context, "months": months_context, "figures": figures_context}[kind](
            site
        )

    def render(self, page: Page, headings: Headings, *, search: bool = False) -> Rendered:
        """``page``'s body, its headings written by ``headings`` (HTML or Markdown), and (``search``)
        its search entries."""
        site = self.site
        context = self.context(page)
        helpers = {
            "page": page,
            "heading": headings,
            "card": lambda c: card(site, c, headings),
            "compact": lambda e: compact_item(site, e, page.path),
            "chart": lambda c: Markup(site.templates.render("chart.html", c)),
        }
        html = site.templates.render(f"{page.kind}.html", {**context, **helpers})
        entries = self._search(page, context, headings.written) if search and page.searchable else []
        return Rendered(html, list(headings.written), entries, html.count(SEARCH_EXCLUDE))

    def markdown(self, page: Page) -> str:
        """The whole page as Markdown: its title, then the body with Markdown headings."""
        body = self.render(page, Headings(markdown=True)).html
        return page.title_markdown + body.rstrip("\n") + "\n"

    def _search(self, page: Page, context: dict[str, Any], written: list[Heading]) -> list[SearchEntry]:
        sections = Sections(page.title)
        build: dict[str, Callable[[], None]] = {
            "month": lambda: search.month(sections, context),
            "months": lambda: search.months(sections, context),
            "figures": lambda: search_more.figures(sections, context),
            "sources": lambda: search_more.sources(sections, context),
            "source": lambda: search_more.source(sections, context),
        }
        build[page.kind]()
        if len(sections.items) != len(written) + 1:
            raise RuntimeError(f"{page.path}: the search sections do not follow the template's headings")
        anchors: list[str | None] = [None, *(h.id for h in written)]
        return [
            SearchEntry(anchor, name, text.result())
            for anchor, (name, text) in zip(anchors, sections.items, strict=True)
        ]

    # ------------------------------------------------------------------ the home page

    def home_parts(self) -> dict[str, str]:
        """The generated parts of the home page, by placeholder name (``stats``, ``periods``, …)."""
        site = self.site
        compact = {"compact": lambda e: compact_item(site, e, ctx.HOME)}
        return {
            name: site.templates.render(f"home-{name}.html", {**make(site), **compact})
            for name, make in home.PARTS.items()
        }


def render_site(timeline: Timeline, options: Options | None = None) -> dict[str, str]:
    """Every generated page as Markdown: ``{path: markdown}``, sorted by path."""
    renderer = Renderer(timeline, options)
    return {path: renderer.markdown(page) for path, page in renderer.pages.items()}


def home_parts(timeline: Timeline, options: Options | None = None) -> dict[str, str]:
    """The generated parts of the home page, by placeholder name (``stats``, ``periods``, …)."""
    return Renderer(timeline, options).home_parts()


def fill_home(text: str, timeline: Timeline | dict[str, str], options: Options | None = None) -> str:
    """The home page (its Markdown or its HTML) with its ``<!-- timeline:… -->`` placeholders filled,
    from a timeline or from parts made earlier by :func:`home_parts`."""
    generated = timeline if isinstance(timeline, dict) else home_parts(timeline, options)
    return home.fill(text, generated)

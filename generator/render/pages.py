"""Which pages the site has, at which paths: one call turns a timeline into Markdown pages."""

from __future__ import annotations

from ..model import Timeline
from . import context as ctx
from . import home
from .context import Options, Site
from .figures import figures_page
from .sources import citations_by_source, source_pages, sources_index
from .tags import events_by_tag, tag_pages, tags_index
from .timeline import dated_index, dated_pages, timeline_page

# The pages meant for the navigation; every other generated page is reached through them.
INDEX_PAGES = (ctx.TIMELINE, ctx.DATED_INDEX, ctx.FIGURES, ctx.SOURCES_INDEX, ctx.TAGS_INDEX)


def render_site(timeline: Timeline, options: Options | None = None) -> dict[str, str]:
    """Every generated page: ``{path: markdown}``, sorted by path. Deterministic for a given input."""
    site = Site(timeline, options or Options())
    by_source = citations_by_source(site)
    by_tag = events_by_tag(site)
    pages: dict[str, str] = {
        ctx.TIMELINE: timeline_page(site),
        ctx.DATED_INDEX: dated_index(site),
        ctx.FIGURES: figures_page(site),
        ctx.SOURCES_INDEX: sources_index(site, by_source),
        ctx.TAGS_INDEX: tags_index(site, by_tag),
    }
    pages.update(dated_pages(site))
    pages.update(source_pages(site, by_source))
    pages.update(tag_pages(site, by_tag))
    return dict(sorted(pages.items()))


def home_parts(timeline: Timeline, options: Options | None = None) -> dict[str, str]:
    """The generated parts of the home page, by placeholder name (``stats``, ``periods``, …)."""
    return home.parts(Site(timeline, options or Options()))


def fill_home(markdown: str, timeline: Timeline | dict[str, str], options: Options | None = None) -> str:
    """The home page's Markdown with its ``<!-- timeline:… -->`` placeholders filled, from a timeline
    or from parts made earlier by :func:`home_parts`."""
    generated = timeline if isinstance(timeline, dict) else home_parts(timeline, options)
    return home.fill(markdown, generated)

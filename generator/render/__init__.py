"""Timeline → pages. Pure functions, no MkDocs: the plugin and the CLI use :class:`Renderer` (one page
at a time, as HTML or Markdown) and :func:`fill_home`."""

from .context import Options
from .output import Heading, Headings, Permalinks
from .pages import INDEX_PAGES, Page, Rendered, Renderer, SearchEntry, fill_home, home_parts, render_site
from .templates import TemplateProblem, Templates

__all__ = [
    "INDEX_PAGES",
    "Heading",
    "Headings",
    "Options",
    "Page",
    "Permalinks",
    "Rendered",
    "Renderer",
    "SearchEntry",
    "TemplateProblem",
    "Templates",
    "fill_home",
    "home_parts",
    "render_site",
]

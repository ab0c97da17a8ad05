"""Timeline → Markdown pages. Pure functions, no MkDocs: the plugin (and anything else) only calls
:func:`render_site` and :func:`fill_home`."""

from .context import Options
from .pages import INDEX_PAGES, fill_home, home_parts, render_site

__all__ = ["INDEX_PAGES", "Options", "fill_home", "home_parts", "render_site"]

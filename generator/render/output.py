"""The two forms a page is rendered in, which differ only in their headings.

* **HTML** (the MkDocs plugin): a heading is the HTML that Python-Markdown's ``toc`` extension would
  make of it, permalink included (:class:`Permalinks` says how the site configures it), and every
  heading is recorded: the page's table of contents.
* **Markdown** (``python -m generator render``): a heading is a Markdown line with attr_list syntax,
  ``## Title {#id .cls}``, which MkDocs (or another builder) turns into that same HTML.

Everything else on a page is a raw HTML block, the same in both forms.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from .text import md_text, squash


def _no_auto_id(text: str, used: set[str]) -> str:
    raise ValueError(f"a heading without an id ({text!r}) needs Permalinks.auto_id")


@dataclass(frozen=True)
class Permalinks:
    """How HTML headings look: the ``toc`` extension's settings in ``markdown_extensions``.

    ``symbol`` is the permalink's text (``None``: no permalink); ``auto_id(text, used)`` gives a
    heading written without an id the one the ``toc`` extension would (slugified, unique in
    ``used``); ``levels`` are the heading levels its table of contents holds."""

    symbol: str | None = None
    css_class: str = "headerlink"
    title: str = "Permanent link"
    leading: bool = False
    auto_id: Callable[[str, set[str]], str] = _no_auto_id
    levels: range = range(1, 7)


@dataclass(frozen=True, slots=True)
class Heading:
    """One heading of a rendered page: its level, id and title (as escaped HTML, the way Python-Markdown
    writes it from the Markdown form, so both forms give the same page and table of contents)."""

    level: int
    id: str
    title: Markup


@dataclass
class Headings:
    """Writes the headings of one page (templates call it: ``heading(level, text, id, cls)``) in
    ``markdown`` or HTML form and records them. ``used``: ids already taken on the page (its title's)."""

    markdown: bool = False
    permalinks: Permalinks = field(default_factory=Permalinks)
    used: set[str] = field(default_factory=set)
    written: list[Heading] = field(default_factory=list)

    def __call__(self, level: int, text: str, anchor: str | None = None, css: str | None = None) -> Markup:
        if self.markdown:
            attrs = " ".join(([f"#{anchor}"] if anchor else []) + ([f".{css}"] if css else []))
            suffix = f" {{{attrs}}}" if attrs else ""
            return Markup(f"{'#' * level} {md_text(text)}{suffix}\n\n")
        plain = squash(text)
        title = Markup(md_text(plain))  # as Python-Markdown writes the Markdown form: same bytes
        ident = anchor or self.permalinks.auto_id(plain, self.used)
        self.used.add(ident)
        self.written.append(Heading(level, ident, title))
        link = Markup("")
        if self.permalinks.symbol is not None:
            parts = [f'class="{escape(self.permalinks.css_class)}"', f'href="#{escape(ident)}"']
            if self.permalinks.title:
                parts.append(f'title="{escape(self.permalinks.title)}"')
            link = Markup(f"<a {' '.join(parts)}>{self.permalinks.symbol}</a>")
        inner = link + title if self.permalinks.leading else title + link
        cls = f' class="{escape(css)}"' if css else ""
        return Markup(f'<h{level}{cls} id="{escape(ident)}">{inner}</h{level}>\n')

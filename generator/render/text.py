"""Text from YAML on its way to a page: escaped Markdown, the summary subset as HTML, safe URLs.

Templates escape every string they print (MarkupSafe). What reaches a page outside a template goes
through these functions, and none of them lets raw HTML through: ``<script>`` becomes
``&lt;script&gt;``, a link is only made for http(s) URLs.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from markupsafe import Markup, escape

_WS = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)
def squash(text: str) -> str:
    """Collapse every run of whitespace to one space (YAML folding, source line breaks). Remembered:
    the pages and every export squash each title and summary again."""
    return _WS.sub(" ", text).strip()


_MD_SPECIAL = re.compile(r"[\\`*_{}\[\]()#+!|~^=:&<>\"]")
_HTML_SPECIAL = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}


def md_text(text: str) -> str:
    """Text for a Markdown line (a heading): HTML-escaped, and every character Markdown or one of its
    extensions could read as syntax written as a numeric entity (inert, shown as itself). MkDocs keeps
    entities in the page title it takes from the heading, so only these few are written as entities."""
    return _MD_SPECIAL.sub(lambda m: _HTML_SPECIAL.get(m.group(0)) or f"&#{ord(m.group(0))};", squash(text))


def page_heading(
    title: str, *, searched: bool = True, description: str = "", hide: tuple[str, ...] = ()
) -> str:
    """A page's ``# title`` line (MkDocs takes the page title from it), after front matter when needed.

    Material's template writes the page title into ``<title>`` through Jinja's ``striptags``, which turns
    ``&lt;`` back into ``<``: a title holding ``</title><script>`` would come alive there. Such titles get
    front matter with ``<`` and ``>`` replaced by ``‹`` and ``›`` for that use; the heading itself keeps
    every character, escaped. A page search leaves out (``searched=False``) gets ``search: exclude``;
    a ``description`` goes into ``description:`` (Material's meta description; the site's Open Graph tags);
    ``hide`` names parts of Material's page to leave out (``footer``, ``navigation``).
    """
    heading = f"# {md_text(title)}\n\n"
    front = []
    if "<" in title or ">" in title:
        shown = str(escape(squash(title).replace("<", "‹").replace(">", "›")))
        front.append("title: " + json.dumps(shown, ensure_ascii=False))
    if description:
        front.append("description: " + json.dumps(plain_attribute(description), ensure_ascii=False))
    if not searched:
        front.append("search:\n  exclude: true")
    if hide:
        front.append("hide:\n" + "".join(f"  - {part}\n" for part in hide).rstrip("\n"))
    return "---\n" + "\n".join(front) + "\n---\n\n" + heading if front else heading


def plain_attribute(text: str) -> str:
    """Text that stays text in any HTML attribute, even where a theme writes it unescaped (Material
    writes a page's description so): ``<`` and ``>`` as ``‹`` and ``›``, straight double quotes as
    curly ones, in pairs."""
    text = squash(text).replace("<", "‹").replace(">", "›")
    parts = text.split('"')
    return "".join(p + ("“" if i % 2 == 0 else "”") for i, p in enumerate(parts[:-1])) + parts[-1]


def safe_url(url: str | None) -> str | None:
    """The URL if it is a plain http(s) address, else None."""
    if url is None:
        return None
    url = url.strip()
    if _URL.fullmatch(url) is None:
        return None
    return url


_URL = re.compile(r"https?://[^\s<>\"'`\\]+", re.IGNORECASE)

# The summary subset: `code`, [text](http(s) URL), **strong**, *emphasis*, _emphasis_, \escapes.
_INLINE = re.compile(
    r"(?P<esc>\\[\\`*_{}\[\]()#+\-.!<>])"
    r"|(?P<tick>`+)(?P<code>.+?)(?P=tick)"
    r"|\[(?P<label>[^\[\]\n]+)\]\((?P<url>[^()\s]*)\)"
    r"|\*\*(?P<strong>\S(?:.*?\S)??)\*\*"
    r"|(?<![A-Za-z0-9])__(?P<strong2>\S(?:.*?\S)??)__(?![A-Za-z0-9])"
    r"|\*(?P<em>[^\s*](?:.*?[^\s*])??)\*"
    r"|(?<![A-Za-z0-9])_(?P<em2>[^\s_](?:.*?[^\s_])??)_(?![A-Za-z0-9])"
)
_PARAGRAPHS = re.compile(r"\n[ \t]*\n")


def inline_html(text: str) -> Markup:
    """Render one paragraph of the summary subset to HTML; everything else is escaped text."""
    out: list[str] = []
    pos = 0
    for match in _INLINE.finditer(text):
        out.append(escape(text[pos : match.start()]))
        pos = match.end()
        groups = match.groupdict()
        if groups["esc"] is not None:
            out.append(escape(groups["esc"][1]))
        elif groups["code"] is not None:
            out.append(Markup("<code>%s</code>") % (groups["code"].strip() or groups["code"]))
        elif groups["label"] is not None:
            url = safe_url(groups["url"])
            if url is None:  # not an http(s) link: show what was written, inert
                out.append(escape(match.group(0)))
            else:
                link = Markup('<a href="%s" rel="nofollow noopener">%s</a>')
                out.append(link % (url, inline_html(groups["label"])))
        elif (inner := groups["strong"] or groups["strong2"]) is not None:
            out.append(Markup("<strong>%s</strong>") % inline_html(inner))
        else:
            inner = groups["em"] or groups["em2"] or ""
            out.append(Markup("<em>%s</em>") % inline_html(inner))
    out.append(escape(text[pos:]))
    return Markup("").join(out)


def summary_paragraphs(markdown: str) -> list[Markup]:
    """The summary's paragraphs, each as HTML of the summary subset (without the ``<p>``)."""
    paragraphs = [squash(p) for p in _PARAGRAPHS.split(markdown.strip())]
    return [inline_html(p) for p in paragraphs if p]


def summary_html(markdown: str) -> Markup:
    """The summary as HTML paragraphs, on one line (safe inside a raw HTML block)."""
    return Markup("").join(Markup("<p>%s</p>") % p for p in summary_paragraphs(markdown))


def size_label(size: int) -> str:
    """Bytes for people: ``950 bytes``, ``77.6 kB``, ``15.2 MB`` (decimal units)."""
    if size < 1000:
        return f"{size} bytes"
    value = float(size)
    for unit in ("kB", "MB"):
        value /= 1000
        if value < 999.95:  # what would print as 1000.0 is the next unit's 1.0
            return f"{value:.1f} {unit}"
    return f"{value / 1000:.1f} GB"

"""Text from YAML on its way to a page: escaped HTML, escaped Markdown, and the summary subset.

Every string a contributor wrote reaches the page through one of these functions. None of them lets
raw HTML through: ``<script>`` becomes ``&lt;script&gt;``, a link is only made for http(s) URLs.
"""

from __future__ import annotations

import json
import re

_WS = re.compile(r"\s+")


def esc(text: str) -> str:
    """HTML-escape text for element content and double-quoted attribute values (every attribute this
    package writes is double-quoted, so ``'`` may stay as it is)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def squash(text: str) -> str:
    """Collapse every run of whitespace to one space (YAML folding, source line breaks)."""
    return _WS.sub(" ", text).strip()


_MD_SPECIAL = re.compile(r"[\\`*_{}\[\]()#+!|~^=:]")


def md_text(text: str) -> str:
    """Text for a Markdown line (a heading): HTML-escaped, and every character Markdown or one of
    its extensions could read as syntax written as a numeric entity (inert, shown as itself)."""
    escaped = esc(squash(text))
    return _MD_SPECIAL.sub(lambda m: f"&#{ord(m.group(0))};", escaped)


def page_heading(title: str) -> str:
    """A page's ``# title`` line (MkDocs takes the page title from it).

    Material's template writes the page title into ``<title>`` through Jinja's ``striptags``, which turns
    ``&lt;`` back into ``<``: a title holding ``</title><script>`` would come alive there. Such titles get
    front matter with ``<`` and ``>`` replaced by ``‹`` and ``›`` for that use; the heading itself keeps
    every character, escaped.
    """
    heading = f"# {md_text(title)}\n\n"
    if "<" not in title and ">" not in title:
        return heading
    shown = esc(squash(title).replace("<", "‹").replace(">", "›"))
    return "---\ntitle: " + json.dumps(shown, ensure_ascii=False) + "\n---\n\n" + heading


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


def inline_html(text: str) -> str:
    """Render one paragraph of the summary subset to HTML; everything else is escaped text."""
    out: list[str] = []
    pos = 0
    for match in _INLINE.finditer(text):
        out.append(esc(text[pos : match.start()]))
        pos = match.end()
        groups = match.groupdict()
        if groups["esc"] is not None:
            out.append(esc(groups["esc"][1]))
        elif groups["code"] is not None:
            out.append(f"<code>{esc(groups['code'].strip() or groups['code'])}</code>")
        elif groups["label"] is not None:
            url = safe_url(groups["url"])
            if url is None:  # not an http(s) link: show what was written, inert
                out.append(esc(match.group(0)))
            else:
                out.append(f'<a href="{esc(url)}" rel="nofollow noopener">{inline_html(groups["label"])}</a>')
        elif (inner := groups["strong"] or groups["strong2"]) is not None:
            out.append(f"<strong>{inline_html(inner)}</strong>")
        else:
            inner = groups["em"] or groups["em2"] or ""
            out.append(f"<em>{inline_html(inner)}</em>")
    out.append(esc(text[pos:]))
    return "".join(out)


def summary_html(markdown: str) -> str:
    """The summary as HTML paragraphs, on one line (safe inside a raw HTML block)."""
    paragraphs = [squash(p) for p in _PARAGRAPHS.split(markdown.strip())]
    return "".join(f"<p>{inline_html(p)}</p>" for p in paragraphs if p)

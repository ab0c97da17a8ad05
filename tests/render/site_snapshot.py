"""What readers get from a built site, as golden files: for every page its ``<title>``, the inner HTML of
Material's ``<article class="md-content__inner md-typeset">`` (the page's content) and its table of
contents, plus every search index entry.

Comparison is of parsed HTML, not bytes (:func:`canonical`), with exactly these normalisations:

* character references are decoded: ``&para;``, ``&#182;`` and ``¶`` are one character to every HTML
  parser (Python-Markdown writes ``&para;``; MarkupSafe writes ``&#34;`` and ``&#39;`` where the old
  hand-written escaping wrote ``&quot;`` and a bare ``'``);
* attributes are compared as a set, not in the order they are written (attr_list puts ``class``
  before ``id``; a template may not);
* a self-closing tag (``<line/>``) is its start tag followed by its end tag.

Text, whitespace included, tags, attribute values and their nesting must be equal.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from projects import ENV, run

ARTICLE = ("article", "md-content__inner md-typeset")
TOC_NAV = ("nav", "md-nav md-nav--secondary")


def build(config: Path, site_dir: Path, *, stamp: str | None = None) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` of ``config`` into ``site_dir``, in its own process (with
    ``SOURCE_DATE_EPOCH=stamp`` when given)."""
    env = ENV if stamp is None else {**ENV, "SOURCE_DATE_EPOCH": stamp}
    command = ["-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)]
    return run(config.parent, *command, env=env, timeout=600)


def tree(folder: Path) -> dict[str, str]:
    """Every file below ``folder`` and the SHA-256 of its bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


class _Links(HTMLParser):
    """The ids and the link targets of one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")


class _Live(HTMLParser):
    """What in a page could run or load: event handlers, script-like URLs, frames and plugins, an
    image from a payload's ``src=x``, inline scripts that call alert()."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._script = tag == "script"
        for name, raw in attrs:
            value = (raw or "").strip().lower()
            if name.lower().startswith("on"):
                self.found.append(f"<{tag} {name}=...>")
            if name in {"href", "src", "action", "formaction", "data"} and value.startswith(
                ("javascript:", "data:", "vbscript:")
            ):
                self.found.append(f"<{tag} {name}={value[:40]}>")
        if tag in {"iframe", "object", "embed"} or (tag == "img" and dict(attrs).get("src") == "x"):
            self.found.append(f"<{tag}>")

    def handle_data(self, data: str) -> None:
        if self._script and "alert" in data:
            self.found.append(f"<script>{data[:60]}</script>")

    def handle_endtag(self, tag: str) -> None:
        self._script = False


def live(html: str) -> list[str]:
    """The parts of ``html`` that could run or load something (empty for an inert page)."""
    parser = _Live()
    parser.feed(html)
    return parser.found


def broken_links(site: Path) -> list[str]:
    """Every same-site link that points at a missing page or a missing id on an existing page."""
    pages = {}
    for path in sorted(site.rglob("*.html")):
        page = pages[path] = _Links()
        page.feed(path.read_text(encoding="utf-8"))
    broken = []
    for path, page in pages.items():
        if path.name == "404.html":  # served at any depth, so its links are site-absolute
            continue
        for href in page.links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith("mailto:"):
                continue
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if target.is_dir():
                target = target / "index.html"
            if target not in pages:
                if not target.is_file():
                    broken.append(f"{path.relative_to(site)}: {href}")
                continue
            if parts.fragment and unquote(parts.fragment) not in pages[target].ids:
                broken.append(f"{path.relative_to(site)}: {href} (no such id)")
    return broken


class _Page(HTMLParser):
    """Finds the article's inner HTML (by source offsets), the table of contents and the title."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self._lines = [0]
        for line in html.splitlines(keepends=True):
            self._lines.append(self._lines[-1] + len(line))
        self._html = html
        self._stack: list[tuple[str, str]] = []
        self._article: tuple[int, int] | None = None  # (depth, inner start offset)
        self.article = ""
        self._toc_depth: int | None = None
        self._link: list[str] | None = None  # [href, text] of the TOC entry being read
        self._lists = 0
        self.toc: list[list[object]] = []
        self._in_title = False
        self.title = ""
        self.feed(html)
        self.close()

    def _offset(self) -> int:
        line, col = self.getpos()
        return self._lines[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        kind = (tag, values.get("class") or "")
        if kind == ARTICLE and self._article is None:
            start = self._offset() + len(self.get_starttag_text() or "")
            self._article = (len(self._stack), start)
        if kind == TOC_NAV and self._toc_depth is None and not self.toc:
            self._toc_depth = len(self._stack)
        if self._toc_depth is not None:
            if tag == "ul":
                self._lists += 1
            if tag == "a" and values.get("href", "").startswith("#"):  # type: ignore[union-attr]
                self._link = [values["href"] or "", ""]
        if tag == "title":
            self._in_title = True
        self._stack.append(kind)

    def handle_endtag(self, tag: str) -> None:
        while self._stack:
            kind = self._stack.pop()
            if kind[0] == tag:
                break
        depth = len(self._stack)
        if self._article is not None and not self.article and depth == self._article[0] and tag == "article":
            self.article = self._html[self._article[1] : self._offset()].strip()
        if self._toc_depth is not None:
            if tag == "a" and self._link is not None:
                self.toc.append([self._lists, self._link[0], " ".join(self._link[1].split())])
                self._link = None
            if tag == "ul":
                self._lists -= 1
            if tag == "nav" and depth == self._toc_depth:
                self._toc_depth = None
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._link is not None:
            self._link[1] += data
        if self._in_title:
            self.title += data


def snapshot(site_dir: Path) -> dict[str, str]:
    """Golden files of a built site: ``pages/<page>.html`` (the article's inner HTML), ``pages.json``
    (each page's title and table of contents) and ``search.json`` (the search index)."""
    files: dict[str, str] = {}
    meta: dict[str, object] = {}
    for path in sorted(site_dir.rglob("*.html")):
        name = path.relative_to(site_dir).as_posix()
        if name == "404.html":
            continue
        page = _Page(path.read_text(encoding="utf-8"))
        files[f"pages/{name}"] = page.article + "\n"
        meta[name] = {"title": page.title.strip(), "toc": page.toc}
    files["pages.json"] = _json(meta)
    index = site_dir / "search" / "search_index.json"
    if index.is_file():  # Material's (other builders index differently)
        files["search.json"] = _json(json.loads(index.read_text(encoding="utf-8")))
    return files


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1) + "\n"


class _Canonical(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple[object, ...]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append(("<", tag, tuple(sorted(attrs, key=lambda a: (a[0], a[1] or "")))))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        self.events.append(("</", tag))

    def handle_data(self, data: str) -> None:
        if self.events and self.events[-1][0] == "text":
            self.events[-1] = ("text", str(self.events[-1][1]) + data)
        else:
            self.events.append(("text", data))

    def handle_comment(self, data: str) -> None:
        self.events.append(("comment", data))


def canonical(html: str) -> list[tuple[object, ...]]:
    """``html`` as parse events, normalised as the module docstring says."""
    parser = _Canonical()
    parser.feed(html)
    parser.close()
    return parser.events


def first_difference(expected: str, actual: str) -> str | None:
    """``None`` when the two are the same parsed HTML, else where they first differ, readably."""
    left, right = canonical(expected), canonical(actual)
    if left == right:
        return None
    pairs = enumerate(zip(left, right, strict=False))
    at = next((i for i, (a, b) in pairs if a != b), min(len(left), len(right)))
    before = left[max(0, at - 3) : at]
    return f"after {before!r}:\n  golden: {left[at : at + 3]!r}\n  built:  {right[at : at + 3]!r}"

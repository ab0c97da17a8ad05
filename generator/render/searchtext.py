"""Search text as Material for MkDocs' search plugin makes it from a page's HTML, made without HTML.

Material's search plugin (``material/plugins/search/plugin.py``, class ``Parser``) splits a page at
its headings and, per section, keeps the text and only the tags ``p``, ``code``, ``pre``, ``li``,
``ol``, ``ul``, ``sub`` and ``sup`` (bare, without attributes). :class:`Text` does the same from calls
that follow a template's markup (``open``, ``text``, ``close``), so search.py can build the entries of
a generated page from its context instead of parsing its HTML. tests/render/test_search.py checks the
two agree, page by page, against Material's own parser.
"""

from __future__ import annotations

import re
from html import escape, unescape

KEEP = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})
_OPEN = {tag: f"<{tag}>" for tag in KEEP}
_CLOSE = {tag: f"</{tag}>" for tag in KEEP}
_TAG = re.compile(r"<(/?)([a-zA-Z0-9]+)[^>]*>")


def _escaped(data: str) -> str:
    """``html.escape(data, quote=False)`` with line breaks as spaces, inlined: it runs for every run of
    text of every page."""
    if "&" in data:
        data = data.replace("&", "&amp;")
    if "<" in data:
        data = data.replace("<", "&lt;")
    if ">" in data:
        data = data.replace(">", "&gt;")
    return data.replace("\n", " ") if "\n" in data else data


class Text:
    """One section's text, built as Material's parser would build it from the same markup.

    It runs for every element of every generated page, so the common cases take short paths; what
    they do is what the general rules in :meth:`_put` and :meth:`close` say."""

    __slots__ = ("_first", "_parts", "_pending")

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._pending: list[str] = []
        self._first: dict[str, int] = {}  # where each kept tag first opens (Material looks it up there)

    def text(self, value: str) -> None:
        """Text between tags (consecutive calls are one run of text, as in the HTML)."""
        if value:
            self._pending.append(value)

    def _flush(self) -> None:
        pending = self._pending
        if pending:
            data = pending[0] if len(pending) == 1 else "".join(pending)
            pending.clear()
            self._put(data)

    def _put(self, data: str) -> None:
        """A run of text (not empty): whitespace becomes one space, unless one is there already."""
        parts = self._parts
        if data.isspace():
            if not parts or not parts[-1].isspace():
                parts.append(" ")
        else:
            parts.append(_escaped(data))

    def open(self, tag: str) -> None:
        if self._pending:
            self._flush()
        if tag in KEEP:
            self._first.setdefault(tag, len(self._parts))
            self._parts.append(_OPEN[tag])

    def close(self, tag: str) -> None:
        if self._pending:
            self._flush()
        if tag not in KEEP:
            return
        parts = self._parts
        start = self._first[tag]  # the first one in the section, as Material looks it up
        last = len(parts) - 1
        if (last > start and not parts[last].isspace()) or any(
            not parts[i].isspace() for i in range(start + 1, last)
        ):
            parts.append(_CLOSE[tag])
        else:
            del parts[start:]  # an empty element leaves nothing
            self._first = {t: at for t, at in self._first.items() if at < start}

    def element(self, tag: str, value: str) -> None:
        """``<tag>value</tag>``."""
        if tag in KEEP:
            self.open(tag)
            self.text(value)
            self.close(tag)
            return
        if self._pending:
            self._flush()
        if value:
            self._put(value)

    def html(self, markup: str) -> None:
        """A fragment of well-formed inline HTML this package made (the summary subset)."""
        at = 0
        for match in _TAG.finditer(markup):
            self.text(unescape(markup[at : match.start()]))
            (self.close if match.group(1) else self.open)(match.group(2).lower())
            at = match.end()
        self.text(unescape(markup[at:]))

    def result(self) -> str:
        self._flush()
        return "".join(self._parts).strip()


def title(value: str) -> str:
    """A heading's text as Material's search shows it."""
    return escape(" ".join(value.split()), quote=False)

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
_TAG = re.compile(r"<(/?)([a-zA-Z0-9]+)[^>]*>")


class Text:
    """One section's text, built as Material's parser would build it from the same markup."""

    __slots__ = ("_parts", "_pending")

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._pending: list[str] = []

    def text(self, value: str) -> None:
        """Text between tags (consecutive calls are one run of text, as in the HTML)."""
        if value:
            self._pending.append(value)

    def _flush(self) -> None:
        if not self._pending:
            return
        data = "".join(self._pending)
        self._pending.clear()
        parts = self._parts
        if data.isspace():
            if not parts or not parts[-1].isspace():
                parts.append(" ")
        else:
            parts.append(escape(data.replace("\n", " "), quote=False))

    def open(self, tag: str) -> None:
        self._flush()
        if tag in KEEP:
            self._parts.append(f"<{tag}>")

    def close(self, tag: str) -> None:
        self._flush()
        if tag not in KEEP:
            return
        parts = self._parts
        start = parts.index(f"<{tag}>")  # the first one in the section, as Material looks it up
        if any(not parts[i].isspace() for i in range(start + 1, len(parts))):
            parts.append(f"</{tag}>")
        else:
            del parts[start:]  # an empty element leaves nothing

    def element(self, tag: str, value: str) -> None:
        """``<tag>value</tag>``."""
        self.open(tag)
        self.text(value)
        self.close(tag)

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

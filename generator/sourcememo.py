"""Sources kept from one validation to the next in one process (``mkdocs serve`` rebuilds): a source
whose text and metadata files hold the same bytes, under the same names, is not loaded again. Its
searchable text and the numbers and dates found in it come with it.

What loading a source reads is its two files; the one exception, an ``original:`` page beside them, is
read and hashed again on every run: a source whose metadata mentions one is never kept."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from . import inputs
from .diagnostics import Diagnostic
from .facts import Facts
from .model import Source
from .quotes import IndexedText

if TYPE_CHECKING:  # sources.py imports this module
    from .sources import SourceSet

Key = tuple[bytes, bytes, str, str]  # the two files' bytes and names, as shown
LoadOne = Callable[..., Source | None]


class SourceMemo:
    """The last run's sources, by id (for :func:`generator.sources.load_sources`)."""

    def __init__(self) -> None:
        self._kept: dict[
            str, tuple[Key, Source | None, IndexedText | None, Facts | None, list[Diagnostic]]
        ] = {}
        self._seen: set[str] = set()
        self.reused = 0

    def begin(self) -> None:
        self._seen, self.reused = set(), 0

    def finish(self) -> None:
        for stem in self._kept.keys() - self._seen:
            del self._kept[stem]

    def load(
        self,
        stem: str,
        txt: Path,
        meta: Path,
        shown: Callable[[Path], str],
        out: SourceSet,
        load_one: LoadOne,
    ) -> Source | None:
        """``load_one(stem, txt, meta, shown, out)``, or what it gave last time for the same files."""
        self._seen.add(stem)
        key = _key(txt, meta, shown)
        kept = self._kept.get(stem)
        if key is not None and kept is not None and kept[0] == key:
            _, source, index, facts, found = kept
            out.diagnostics += found
            if index is not None:
                out.indexes[stem] = index
            if facts is not None:
                out.facts[stem] = facts
            self.reused += 1
            return source
        before = len(out.diagnostics)
        source = load_one(stem, txt, meta, shown, out)
        if key is not None:
            found = out.diagnostics[before:]
            self._kept[stem] = (key, source, out.indexes.get(stem), out.facts.get(stem), found)
        else:
            self._kept.pop(stem, None)
        return source


def _key(txt: Path, meta: Path, shown: Callable[[Path], str]) -> Key | None:
    text, _ = inputs.read(txt, shown(txt), inputs.SOURCE_TEXT)
    data, _ = inputs.read(meta, shown(meta), inputs.SOURCE_META)
    if text is None or data is None or b"original" in data:
        return None
    return text, data, shown(txt), shown(meta)

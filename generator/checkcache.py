"""Validation results kept between runs in one process (``mkdocs serve`` rebuilds), so that after an
edit only what the edit can change is checked again.

An event file's result (its :class:`~generator.crossfile.Checked`) is reused when all of these are as
they were when it was made:

* the file's bytes (compared by their BLAKE2b hash) and the name it is shown under;
* the vocabulary (all of it: tags and measures);
* the sources it depends on: for a file that checked clean, the sources it cites (each one's text,
  metadata and load problems); for a file with any diagnostic, every source (its hints may name
  another source that holds the quote, or the closest source id).

Everything else (duplicate ids, estimates, the order of events) is checked across all files on every
run, from the results, exactly as in a cold run: the outcome is the same as validating from scratch.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from . import inputs
from .crossfile import Checked
from .model import Vocabulary
from .sourcememo import SourceMemo
from .sources import SourceSet

ALL = ("*",)  # depends on every source


def _hash(*parts: str | bytes) -> bytes:
    digest = hashlib.blake2b(digest_size=20)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.digest()


@dataclass(frozen=True, slots=True)
class _Entry:
    content: bytes
    vocabulary: bytes
    depends: tuple[str, ...]
    sources: bytes
    checked: Checked


class CheckCache:
    """Results by file, for :func:`generator.validate.validate_project` (``cache=``). Counts what it
    reused and what was checked again in the last run (``reused``, ``checked``)."""

    def __init__(self) -> None:
        self._entries: dict[str, _Entry] = {}
        self._vocabulary = b""
        self._sources: dict[str, bytes] = {}
        self._all = b""
        self._pending: dict[str, bytes] = {}
        self.reused = 0
        self.checked = 0
        self.sources = SourceMemo()  # the sources themselves, loaded again only where their files changed

    def begin(self, vocabulary: Vocabulary | None, sources: SourceSet) -> None:
        """A new run against this vocabulary and these sources."""
        self._vocabulary = _hash(repr(vocabulary))
        problems: dict[str, list[str]] = {}
        for d in sources.diagnostics:
            problems.setdefault(Path(d.path).stem, []).append(repr(d))
        ids = sorted(sources.known_ids | set(sources.sources) | set(problems))
        self._sources = {sid: _hash(repr(sources.sources.get(sid)), *problems.get(sid, ())) for sid in ids}
        self._all = _hash(*ids, *self._sources.values())
        self._pending = {}
        self.reused = self.checked = 0

    def _depends(self, depends: tuple[str, ...]) -> bytes:
        if depends == ALL:
            return self._all
        return _hash(*(self._sources.get(sid, b"missing") for sid in depends))

    def get(self, file: Path | str, shown: str) -> Checked | None:
        """The result kept for ``file`` if nothing it depends on changed, else None."""
        data, _ = inputs.read(file, shown, inputs.EVENT)  # what is wrong with it: reported by the checks
        if data is None:
            self._entries.pop(shown, None)
            return None
        content = _hash(shown, data)
        entry = self._entries.get(shown)
        if (
            entry is not None
            and entry.content == content
            and entry.vocabulary == self._vocabulary
            and entry.sources == self._depends(entry.depends)
        ):
            self.reused += 1
            return entry.checked
        self._pending[shown] = content
        return None

    def put(self, checked: Checked) -> None:
        """Keep the result just made for a file :meth:`get` did not have."""
        self.checked += 1
        content = self._pending.pop(checked.shown, None)
        if content is None:
            return
        depends = ALL if checked.diagnostics else tuple(sorted(set(checked.cited)))
        entry = _Entry(content, self._vocabulary, depends, self._depends(depends), checked)
        self._entries[checked.shown] = entry

    def keep_only(self, shown: set[str]) -> None:
        """Forget files that are gone."""
        for name in [name for name in self._entries if name not in shown]:
            del self._entries[name]

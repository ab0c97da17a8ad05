"""Pages rendered ahead in a second process while the builder does its own work on the pages before.

A site builder asks for generated pages one at a time, and between two of them spends as long on its
own work (its page template, the search index, writing the file) as rendering a page takes. With
:class:`Ahead`, a forked process renders the pages in the order they will be asked for and sends each
back; the process that asks renders a page itself when the other has not taken it yet, so the two
share the pages and neither waits for long. Every page is rendered once, by the same code from the
same data, whichever process does it: the output is the same as rendering them all here.

Only where ``fork`` is available and safe (no other thread running): the second process is a copy of
this one, data included, so nothing needs sending to it. A page the other process cannot render (a
template error, say) is simply rendered here again, where its error surfaces as usual.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import queue
import signal
from collections.abc import Callable, Collection, Sequence
from multiprocessing.context import ForkProcess
from typing import Any

from markupsafe import Markup

from .output import Heading
from .pages import Rendered, SearchEntry

RenderOne = Callable[[str], Rendered]
Extra = Callable[[Rendered], Any]
LOOKAHEAD = 64  # pages rendered ahead and not yet taken, at most (bounds the memory they hold)
_FREE, _TAKEN = 0, 1


def _pack(rendered: Rendered) -> tuple[Any, ...]:
    """Plain tuples cross the pipe faster than the dataclasses do (every field of ``Rendered``: a test
    checks that nothing is lost on the way)."""
    headings = [(h.level, h.id, str(h.title)) for h in rendered.headings]
    entries = [(e.anchor, e.title, e.text) for e in rendered.search]
    return rendered.html, headings, entries, rendered.excluded


def _unpack(packed: tuple[Any, ...]) -> Rendered:
    html, headings, entries, excluded = packed
    return Rendered(
        html,
        [Heading(level, ident, Markup(title)) for level, ident, title in headings],
        [SearchEntry(anchor, title, text) for anchor, title, text in entries],
        excluded,
    )


class Ahead:
    """Renders ``paths`` (in the order they will be asked for) in a forked process; :meth:`get` gives
    each page's result, rendering it here when the other process has not taken it. ``done``: paths
    already rendered (left alone). ``extra(rendered)``, if given, is computed there too, for pages
    that process renders: :meth:`get` leaves it in ``extras[path]``. Call :meth:`close` when the
    build ends, however it ends."""

    def __init__(
        self, paths: Sequence[str], render: RenderOne, done: Collection[str] = (), extra: Extra | None = None
    ) -> None:
        self.paths = list(paths)
        self.extra = extra  # computed from a page where it is rendered: see extras()
        self.extras: dict[str, Any] = {}
        self.rendered_here = self.rendered_there = 0  # pages, by where they were rendered
        self.index = {path: i for i, path in enumerate(self.paths)}
        self.render = render
        context = mp.get_context("fork")
        self.claims = context.Array("b", [(_TAKEN if p in done else _FREE) for p in self.paths])
        self.slots = context.Semaphore(LOOKAHEAD)
        self.results: Any = context.Queue()  # sends from a thread: rendering never waits for the reader
        self.received: dict[int, Any] = {}
        self.finished = False
        self.own: dict[int, Rendered] = {}  # pages this process rendered ahead, from the far end
        self.back = len(self.paths) - 1
        self.process: ForkProcess | None = context.Process(target=self._work, daemon=True)
        self.process.start()

    # ------------------------------------------------------------------ the other process

    def _work(self) -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the parent, which stops this
        gc.freeze()  # this process's copy of the data stays shared with the parent's: no collector writes
        claims = self.claims
        for i, path in enumerate(self.paths):
            if claims[i] == _TAKEN:  # unlocked peek: taken stays taken
                continue
            self.slots.acquire()
            with claims.get_lock():
                mine = claims[i] == _FREE
                claims[i] = _TAKEN
            if not mine:
                self.slots.release()
                continue
            try:
                rendered = self.render(path)
                packed: Any = (_pack(rendered), self.extra(rendered) if self.extra else None)
            except Exception:
                packed = None
            self.results.put((i, packed))
        self.results.put((-1, None))

    # ------------------------------------------------------------------ the asking process

    def get(self, path: str) -> Rendered:
        """``path`` rendered: by the other process if it took the page, else here and now. While the
        page it needs is still being rendered there, this process renders pages from the far end."""
        i = self.index.get(path)
        if i is None or self.process is None or self._claim(i):
            self.rendered_here += 1
            return self.render(path)
        if i in self.own:
            return self.own.pop(i)
        while i not in self.received:
            if self.finished:  # asked twice: the other process sent it once, already taken
                self.rendered_here += 1
                return self.render(path)
            try:
                j, packed = self.results.get(block=False)
            except queue.Empty:
                last = self._claim_last(after=i)
                if last is not None:
                    self.rendered_here += 1
                    self.own[last] = self.render(self.paths[last])
                    continue
                j, packed = self.results.get()
            if j < 0:
                self.finished = True
            else:
                self.received[j] = packed
        packed = self.received.pop(i)
        self.slots.release()
        if packed is None:
            self.rendered_here += 1
            return self.render(path)
        self.rendered_there += 1
        if packed[1] is not None:
            self.extras[path] = packed[1]
        return _unpack(packed[0])

    def _claim(self, i: int) -> bool:
        with self.claims.get_lock():
            mine = bool(self.claims[i] == _FREE)
            self.claims[i] = _TAKEN
        return mine

    def _claim_last(self, after: int) -> int | None:
        """The last page nobody has taken (after page ``after``), now taken by this process."""
        with self.claims.get_lock():
            while self.back > after and self.claims[self.back] == _TAKEN:
                self.back -= 1
            if self.back <= after:
                return None
            self.claims[self.back] = _TAKEN
            return self.back

    def close(self) -> None:
        """Stop the other process (at once, if the build ended early) and drop what it sent."""
        process, self.process = self.process, None
        if process is not None and process.is_alive():
            process.terminate()
        if process is not None:
            process.join()
        self.received.clear()
        self.own.clear()
        self.results.close()
        self.results.join_thread()

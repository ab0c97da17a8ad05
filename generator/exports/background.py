"""Exports written by a forked process while the caller goes on (MkDocs renders its pages meanwhile: on
two cores the files cost the build next to no time), or here and now when forking is not safe.

A forked child inherits the timeline as it is in memory (nothing is pickled) and writes the files
straight into the folder; only the sizes, or the error, come back. Fork is used only when this process
runs a single thread (``mkdocs serve`` runs a server thread: then the files are written before
:func:`start` returns).
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import signal
import traceback
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from ..forking import fork_safe
from ..model import Timeline
from . import write_exports
from .common import ExportOptions


class ExportError(Exception):
    """The exports could not be written; the message says why (with the child's traceback)."""


class Pending:
    """Exports on their way into ``folder``: :meth:`wait` for their sizes."""

    def __init__(
        self,
        folder: Path,
        *,
        sizes: dict[str, int] | None = None,
        process: BaseProcess | None = None,
        connection: Connection | None = None,
    ) -> None:
        self.folder = folder
        self._sizes = sizes
        self._process = process
        self._connection = connection

    def wait(self) -> dict[str, int]:
        """``{path: size in bytes}`` once every file is written; raises :class:`ExportError`."""
        if self._sizes is not None:
            return self._sizes
        assert self._process is not None and self._connection is not None
        try:
            message = self._connection.recv()
        except EOFError:
            self._process.join()
            raise ExportError(
                f"the process writing the exports ended without a result (exit code {self._process.exitcode})"
            ) from None
        finally:
            self._connection.close()
        self._process.join()
        if isinstance(message, str):
            raise ExportError(message)
        self._sizes = dict(message)
        return self._sizes

    def cancel(self) -> None:
        """Stop a child still writing (a failed build); the folder's contents are then incomplete."""
        if self._process is not None and self._sizes is None:
            if self._process.is_alive():
                self._process.terminate()
            self._process.join()
            if self._connection is not None:
                self._connection.close()


def _child(connection: Connection, timeline: Timeline, options: ExportOptions, folder: Path) -> None:
    gc.freeze()  # the inherited heap is never garbage here: the collector need not scan (or copy) it
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the parent, which stops this
    try:
        connection.send(write_exports(timeline, options, folder))
    except BaseException:  # reported to the parent, which fails the build with it
        connection.send(traceback.format_exc())
    finally:
        connection.close()


def start(timeline: Timeline, options: ExportOptions, folder: Path, *, background: bool = True) -> Pending:
    """Begin writing every export into ``folder``: in a forked process when ``background`` and forking
    is safe, else before returning."""
    if not (background and fork_safe()):
        try:
            return Pending(folder, sizes=write_exports(timeline, options, folder))
        except Exception as exc:
            raise ExportError(traceback.format_exc()) from exc
    context = mp.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    process = context.Process(
        target=_child, args=(sending, timeline, options, folder), name="timeline-exports", daemon=True
    )
    process.start()
    sending.close()  # the child holds its own copy: EOF here when it dies
    return Pending(folder, process=process, connection=receiving)

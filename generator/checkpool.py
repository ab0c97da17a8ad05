"""Checking many event files: in this process, or, with many files, in worker processes that take
batches of files from a shared counter (validate.py decides what to check; this module only runs it)."""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.sharedctypes import Synchronized
from pathlib import Path

from .checks.event import check_event
from .crossfile import Checked, summarize
from .forking import fork_safe
from .loading import load_yaml
from .model import Vocabulary
from .sources import SourceSet

Job = tuple[Path | str, str]  # an event file (a path) and how diagnostics name it


def _check_file(
    file: Path | str, shown: str, sources: SourceSet, vocabulary: Vocabulary | None, model: bool = True
) -> Checked:
    """One file's result (``model`` False: without its event, only whether it gave one)."""
    doc, found = load_yaml(file, shown)
    if doc is None:
        return Checked(shown, None, found, None)
    stem = os.path.splitext(os.path.basename(file))[0]
    event, found = check_event(doc, stem, sources, vocabulary, found)
    return summarize(doc.data, doc.mark, shown, event, found, keep=model)


# Above this many event files, validation uses every core. Below it, starting workers costs more than it
# saves.
PARALLEL_MIN_FILES = 2000
# Processes take files in batches of this many from a shared counter: a process that runs slower (a busy
# core, a bigger heap, results to unpickle) simply takes fewer batches, and all finish together.
BATCH = 50
BATCHES_PER_TASK = 10


@dataclass(frozen=True)
class _Share:
    """What every process checking files needs: the files, the shared index of the next batch to take,
    the sources and the vocabulary."""

    jobs: list[Job]
    next_batch: Synchronized[int]
    sources: SourceSet
    vocabulary: Vocabulary | None
    model: bool = True  # send the events back (False: only what the checks across files need)


_share: _Share | None = None  # a pool worker's own, set by fork or by _start_worker


def _start_worker(
    load: Callable[[], tuple[SourceSet, Vocabulary | None]],
    jobs: list[Job],
    next_batch: Synchronized[int],
    model: bool,
) -> None:
    global _share  # noqa: PLW0603 - per-process state of a pool worker
    # A worker lives for one validation: its collector stays off, pickling the results included (with
    # it on, pickling them took more than twice as long: every record is a container it tracks).
    gc.disable()
    if _share is not None:  # forked: inherited from the parent
        return
    sources, vocabulary = load()
    _share = _Share(jobs, next_batch, sources, vocabulary, model)


def _take_batches(share: _Share | None = None, limit: int = -1) -> list[tuple[int, list[Checked]]]:
    """Check batches of files until none are left (or ``limit`` batches are done); each batch comes with
    the index of its first file."""
    share = share or _share
    assert share is not None
    done: list[tuple[int, list[Checked]]] = []
    with collector_paused():
        while len(done) != limit:
            with share.next_batch.get_lock():
                start = share.next_batch.value
                share.next_batch.value = start + BATCH
            if start >= len(share.jobs):
                return done
            batch = share.jobs[start : start + BATCH]
            # Without the model, the events stay here: sending them would cost more than making them.
            sources, vocabulary, model = share.sources, share.vocabulary, share.model
            checked = [_check_file(file, shown, sources, vocabulary, model) for file, shown in batch]
            done.append((start, checked))
    return done


def check_all(
    jobs: list[Job],
    sources: SourceSet,
    vocabulary: Vocabulary | None,
    workers: int,
    load: Callable[[], tuple[SourceSet, Vocabulary | None]],
    model: bool = True,
) -> list[Checked]:
    """Check every file, in order. With many files, ``workers`` processes take batches of files from a
    shared counter until none are left (this one among them when ``model`` is off). ``load``: how a
    spawned worker loads the sources and vocabulary (picklable). ``model``: keep every event (else only
    what the checks across files need)."""
    if workers <= 1 or len(jobs) < PARALLEL_MIN_FILES:
        return [_check_file(file, shown, sources, vocabulary) for file, shown in jobs]
    # fork is cheap, and a forked worker inherits the sources already loaded here; but fork is unsafe in
    # a threaded process (mkdocs serve), where a spawned worker loads its own.
    global _share  # noqa: PLW0603 - inherited by forked workers
    fork = fork_safe()
    context = mp.get_context("fork" if fork else "spawn")
    share = _Share(jobs, context.Value("q", 0), sources, vocabulary, model)
    _share = share if fork else None
    if fork:  # scan the sources here once, rather than in every process
        for facts in sources.facts.values():
            facts.scan()
    try:
        # Sending the events back (``model``), this process takes in the results as they come, in the
        # executor's thread; checking files here as well, the two contended for the interpreter lock and
        # the checks took a tenth longer than leaving them all to ``workers`` processes. Without the
        # events, the results are small: this process is one of the ``workers``.
        here = not model
        with ProcessPoolExecutor(
            workers - 1 if here else workers, context, _start_worker, (load, jobs, share.next_batch, model)
        ) as pool:
            # Workers return their results a few batches at a time, so that sending and unpickling them
            # overlaps with checking; tasks that find no batches left return at once.
            tasks = -(-len(jobs) // (BATCH * BATCHES_PER_TASK))
            pending = [pool.submit(_take_batches, None, BATCHES_PER_TASK) for _ in range(tasks)]
            batches = _take_batches(share) if here else []
            for future in pending:
                batches += future.result()
    finally:
        _share = None
    batches.sort(key=lambda batch: batch[0])
    return [checked for _, batch in batches for checked in batch]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Validation allocates millions of short-lived, acyclic objects (YAML nodes, dicts, dataclasses);
    Python's cyclic collector would rescan the growing set of survivors again and again (a quarter of
    the time at 10,000 events). Reference counting still frees everything; cycles wait until the end."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()

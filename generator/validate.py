"""Load → check → typed model. The one entry point the CLI and the MkDocs plugin share."""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.sharedctypes import Synchronized
from pathlib import Path

from . import dates, inputs
from .checks.event import check_event
from .diagnostics import Diagnostic, Severity, error, ordered
from .loading import load_yaml
from .model import Event, Measure, Tag, Timeline, Vocabulary
from .pickling import by_fields
from .schema import VocabularyIn, check, reserved
from .sources import SourceSet, load_sources

VOCABULARY_FILE = "_vocabulary.yaml"


@dataclass(frozen=True)
class Project:
    """Where the data lives. ``vocabulary`` defaults to ``<events>/_vocabulary.yaml``; paths in
    diagnostics are shown relative to ``root`` (default: the current directory)."""

    events: Path
    seeds: Path
    vocabulary: Path | None = None
    root: Path | None = None


@dataclass(frozen=True)
class Result:
    timeline: Timeline
    diagnostics: tuple[Diagnostic, ...]
    event_count: int
    source_count: int

    @property
    def ok(self) -> bool:
        return not any(d.severity is Severity.ERROR for d in self.diagnostics)


def _display(path: Path, root: Path | None) -> str:
    base = (root or Path.cwd()).resolve()
    try:  # the folder resolved, not the file: a link is shown as itself, never as what it points to
        return (path.parent.resolve() / path.name).relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()


def load_vocabulary(path: Path, root: Path | None) -> tuple[Vocabulary, list[Diagnostic]]:
    shown = _display(path, root)
    if not os.path.lexists(path):
        return _unread(), [
            error(
                "TL133",
                shown,
                1,
                1,
                "the vocabulary file is missing",
                "create it with `tags:` and `measures:`",
            )
        ]
    doc, problems = load_yaml(path, shown, inputs.VOCABULARY)
    if doc is None:
        return _unread(), problems
    parsed, more = check(VocabularyIn, doc)
    problems += more
    if parsed is None:  # reported; every id it names still counts, so that events do not say it again
        return _named_in(doc.data), problems
    for group in ("tags", "measures"):
        for key in getattr(parsed, group):
            why = reserved(key)
            if why is not None:
                mark = doc.mark((group, key), key=True)
                problems.append(
                    error(
                        "TL120",
                        shown,
                        mark.line,
                        mark.col,
                        f"the {group[:-1]} id '{key}' cannot be used: {why}",
                        "choose another id (and use it in the events)",
                    )
                )
    tags = {k: Tag(k, v.label, v.description) for k, v in parsed.tags.items()}
    measures = {k: Measure(k, v.label, v.unit, v.description) for k, v in parsed.measures.items()}
    return Vocabulary(tags, measures), problems


class _AnyTag(dict[str, Tag]):
    """The tags of a vocabulary that could not be read: every id counts as known (the vocabulary's own
    diagnostic says what is wrong; every event saying it again would bury it)."""

    def __contains__(self, key: object) -> bool:
        return True

    def get(self, key: str, default: object = None) -> Tag:
        return Tag(key, key)


class _AnyMeasure(dict[str, Measure]):
    """The measures of a vocabulary that could not be read (see _AnyTag)."""

    def __contains__(self, key: object) -> bool:
        return True

    def get(self, key: str, default: object = None) -> Measure:
        return Measure(key, key, "")


def _unread() -> Vocabulary:
    return Vocabulary(_AnyTag(), _AnyMeasure())


def _named_in(data: object) -> Vocabulary:
    """The tag and measure ids an invalid vocabulary names (labelled with themselves)."""

    def ids(group: str) -> list[str]:
        entries = data.get(group) if isinstance(data, dict) else None
        return [k for k in entries if isinstance(k, str)] if isinstance(entries, dict) else []

    return Vocabulary({k: Tag(k, k) for k in ids("tags")}, {k: Measure(k, k, "") for k in ids("measures")})


EVENT_SUFFIXES = (".yaml", ".yml")


def list_events(events: Path, shown: str) -> inputs.Listing:
    """Event files: every ``*.yaml``/``*.yml`` in the folder except those starting with ``_``, with
    what is wrong with the others (links, near-miss names)."""
    return inputs.list_folder(events, shown, EVENT_SUFFIXES)


def event_files(events: Path) -> list[Path]:
    """The event files :func:`list_events` finds, sorted by name."""
    return list(list_events(events, events.as_posix()).files.values())


@by_fields
@dataclass(frozen=True, slots=True)
class _Checked:
    """What one event file gave: its event (if valid), its problems, and the id it claims."""

    shown: str
    event: Event | None
    diagnostics: list[Diagnostic]
    ident: str | None
    id_line: int = 1
    id_col: int = 1
    # (estimate id, measure, claimant, as_of, line, col) of each claim that names an estimate
    estimates: tuple[tuple[str, str, str, str, int, int], ...] = ()


def _check_file(file: Path, shown: str, sources: SourceSet, vocabulary: Vocabulary) -> _Checked:
    doc, found = load_yaml(file, shown)
    if doc is None:
        return _Checked(shown, None, found, None)
    event, more = check_event(doc, file.stem, sources, vocabulary)
    ident = doc.data.get("id") if isinstance(doc.data, dict) else None
    if not isinstance(ident, str):
        return _Checked(shown, event, found + more, None)
    mark = doc.mark(("id",))
    estimates: tuple[tuple[str, str, str, str, int, int], ...] = ()
    if event is not None and any(c.estimate for c in event.claims):
        estimates = tuple(
            (c.estimate, c.measure, c.claimant, dates.to_edtf(c.as_of), *doc.mark(("claims", i, "estimate")))
            for i, c in enumerate(event.claims)
            if c.estimate
        )
    return _Checked(shown, event, found + more, ident, mark.line, mark.col, estimates)


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

    jobs: list[tuple[Path, str]]
    next_batch: Synchronized[int]
    sources: SourceSet
    vocabulary: Vocabulary


_share: _Share | None = None  # a pool worker's own, set by fork or by _start_worker


def _start_worker(project: Project, jobs: list[tuple[Path, str]], next_batch: Synchronized[int]) -> None:
    global _share  # noqa: PLW0603 - per-process state of a pool worker
    if _share is not None:  # forked: inherited from the parent
        return
    vocabulary, _ = load_vocabulary(project.vocabulary or project.events / VOCABULARY_FILE, project.root)
    _share = _Share(jobs, next_batch, load_sources(project.seeds, project.root), vocabulary)


def _take_batches(share: _Share | None = None, limit: int = -1) -> list[tuple[int, list[_Checked]]]:
    """Check batches of files until none are left (or ``limit`` batches are done); each batch comes with
    the index of its first file."""
    share = share or _share
    assert share is not None
    done: list[tuple[int, list[_Checked]]] = []
    with _collector_paused():
        while len(done) != limit:
            with share.next_batch.get_lock():
                start = share.next_batch.value
                share.next_batch.value = start + BATCH
            if start >= len(share.jobs):
                return done
            batch = share.jobs[start : start + BATCH]
            done.append(
                (start, [_check_file(file, shown, share.sources, share.vocabulary) for file, shown in batch])
            )
    return done


def _check_all(
    project: Project, jobs: list[tuple[Path, str]], sources: SourceSet, vocabulary: Vocabulary, workers: int
) -> list[_Checked]:
    """Check every file, in order. With many files, ``workers - 1`` processes and this one take batches
    of files from a shared counter until none are left."""
    if workers <= 1 or len(jobs) < PARALLEL_MIN_FILES:
        return [_check_file(file, shown, sources, vocabulary) for file, shown in jobs]
    # fork is cheap, and a forked worker inherits the sources already loaded here; but fork is unsafe in
    # a threaded process (mkdocs serve), where a spawned worker loads its own.
    global _share  # noqa: PLW0603 - inherited by forked workers
    fork = threading.active_count() == 1 and "fork" in mp.get_all_start_methods()
    context = mp.get_context("fork" if fork else "spawn")
    share = _Share(jobs, context.Value("q", 0), sources, vocabulary)
    _share = share if fork else None
    if fork:  # scan the sources here once, rather than in every process
        for facts in sources.facts.values():
            facts.scan()
    try:
        with ProcessPoolExecutor(
            workers - 1, context, _start_worker, (project, jobs, share.next_batch)
        ) as pool:
            # Workers return their results a few batches at a time, so that sending and unpickling them
            # overlaps with checking; tasks that find no batches left return at once.
            tasks = -(-len(jobs) // (BATCH * BATCHES_PER_TASK))
            pending = [pool.submit(_take_batches, None, BATCHES_PER_TASK) for _ in range(tasks)]
            batches = _take_batches(share)
            for future in pending:
                batches += future.result()
    finally:
        _share = None
    batches.sort(key=lambda batch: batch[0])
    return [checked for _, batch in batches for checked in batch]


def _check_estimates(
    checked: _Checked, seen: dict[str, tuple[str, str, str, str, int, int]]
) -> list[Diagnostic]:
    """Claims that share an ``estimate`` id report one estimate: one measure, claimant and as_of."""
    found = []
    for estimate, measure, claimant, as_of, line, col in checked.estimates:
        first = seen.setdefault(estimate, (checked.shown, measure, claimant, as_of, line, col))
        where, *said, first_line, _ = first
        for field, mine, theirs in zip(
            ("measure", "claimant", "as_of"), (measure, claimant, as_of), said, strict=True
        ):
            if mine != theirs:
                found.append(
                    error(
                        "TL174",
                        checked.shown,
                        line,
                        col,
                        f"estimate '{estimate}' has {field} '{mine}' here but '{theirs}' at "
                        f"{where}:{first_line}",
                        f"one estimate has one measure, claimant and as_of: set {field}: {theirs!r}, "
                        "or give this claim an estimate id of its own",
                    )
                )
                break
    return found


@contextmanager
def _collector_paused() -> Iterator[None]:
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


def validate_project(project: Project, workers: int | None = None) -> Result:
    """Check every event against its sources. Never raises on bad data: problems are diagnostics.
    ``workers``: processes to use for many files (default: one per core)."""
    with _collector_paused():
        return _validate(project, workers)


def _validate(project: Project, workers: int | None) -> Result:
    root = project.root
    diagnostics: list[Diagnostic] = []
    vocabulary, found = load_vocabulary(project.vocabulary or project.events / VOCABULARY_FILE, root)
    diagnostics += found
    sources = load_sources(project.seeds, root)
    diagnostics += sources.diagnostics
    folder = _display(project.events, root)
    listing = list_events(project.events, folder)
    diagnostics += listing.diagnostics
    files = listing.files
    jobs = [(file, f"{folder}/{name}") for name, file in files.items()]
    workers = workers if workers is not None else (os.cpu_count() or 1)
    events: list[Event] = []
    first_seen: dict[str, str] = {}
    estimates: dict[str, tuple[str, str, str, str, int, int]] = {}
    for checked in _check_all(project, jobs, sources, vocabulary, workers):
        diagnostics += checked.diagnostics
        if checked.ident is not None:
            if checked.ident in first_seen:
                diagnostics.append(
                    error(
                        "TL122",
                        checked.shown,
                        checked.id_line,
                        checked.id_col,
                        f"the id '{checked.ident}' is already used by {first_seen[checked.ident]}",
                        "every event needs its own id",
                    )
                )
                continue
            first_seen[checked.ident] = checked.shown
        if checked.event is not None:
            events.append(checked.event)
            diagnostics += _check_estimates(checked, estimates)
    events.sort(key=lambda e: dates.sort_key(e.date, e.id))
    timeline = Timeline(tuple(events), dict(sorted(sources.sources.items())), vocabulary)
    return Result(timeline, tuple(ordered(diagnostics)), len(files), len(sources.known_ids))

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
from pathlib import Path

from . import dates
from .checks.event import check_event
from .diagnostics import Diagnostic, Severity, error, ordered
from .loading import load_yaml
from .model import Event, Measure, Tag, Timeline, Vocabulary
from .schema import VocabularyIn, check
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
    try:
        return path.resolve().relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()


def load_vocabulary(path: Path, root: Path | None) -> tuple[Vocabulary, list[Diagnostic]]:
    shown = _display(path, root)
    if not path.is_file():
        return Vocabulary(), [
            error(
                "TL133",
                shown,
                1,
                1,
                "the vocabulary file is missing",
                "create it with `tags:` and `measures:`",
            )
        ]
    doc, problems = load_yaml(path, shown)
    if doc is None:
        return Vocabulary(), problems
    parsed, more = check(VocabularyIn, doc)
    if parsed is None:
        return Vocabulary(), problems + more
    tags = {k: Tag(k, v.label, v.description) for k, v in parsed.tags.items()}
    measures = {k: Measure(k, v.label, v.unit, v.description) for k, v in parsed.measures.items()}
    return Vocabulary(tags, measures), problems


def event_files(events: Path) -> list[Path]:
    """Event files: every ``*.yaml``/``*.yml`` in the folder except those starting with ``_``."""
    found = [p for p in events.iterdir() if p.suffix in {".yaml", ".yml"} and not p.name.startswith("_")]
    return sorted(found, key=lambda p: p.name)


@dataclass(frozen=True, slots=True)
class _Checked:
    """What one event file gave: its event (if valid), its problems, and the id it claims."""

    shown: str
    event: Event | None
    diagnostics: list[Diagnostic]
    ident: str | None
    id_line: int = 1
    id_col: int = 1


def _check_file(file: Path, shown: str, sources: SourceSet, vocabulary: Vocabulary) -> _Checked:
    doc, found = load_yaml(file, shown)
    if doc is None:
        return _Checked(shown, None, found, None)
    event, more = check_event(doc, file.stem, sources, vocabulary)
    ident = doc.data.get("id") if isinstance(doc.data, dict) else None
    if not isinstance(ident, str):
        return _Checked(shown, event, found + more, None)
    mark = doc.mark(("id",))
    return _Checked(shown, event, found + more, ident, mark.line, mark.col)


# Above this many event files, validation uses every core: each worker loads the sources once and checks
# a share of the files. Below it, starting workers costs more than it saves.
PARALLEL_MIN_FILES = 2000
_worker: tuple[SourceSet, Vocabulary] | None = None


def _start_worker(project: Project) -> None:
    global _worker  # noqa: PLW0603 - per-process state of a pool worker
    vocabulary, _ = load_vocabulary(project.vocabulary or project.events / VOCABULARY_FILE, project.root)
    _worker = (load_sources(project.seeds, project.root), vocabulary)


def _check_chunk(chunk: list[tuple[Path, str]]) -> list[_Checked]:
    assert _worker is not None
    with _collector_paused():
        return [_check_file(file, shown, *_worker) for file, shown in chunk]


def _check_all(
    project: Project, jobs: list[tuple[Path, str]], sources: SourceSet, vocabulary: Vocabulary, workers: int
) -> list[_Checked]:
    """Check every file, in order. With many files, ``workers - 1`` processes take an equal share each
    while this process checks the first share itself."""
    if workers <= 1 or len(jobs) < PARALLEL_MIN_FILES:
        return [_check_file(file, shown, sources, vocabulary) for file, shown in jobs]
    share = -(-len(jobs) // workers)
    chunks = [jobs[i : i + share] for i in range(share, len(jobs), share)]
    # fork is cheap but unsafe in a threaded process (mkdocs serve): spawn there.
    method = "fork" if threading.active_count() == 1 and "fork" in mp.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(len(chunks), mp.get_context(method), _start_worker, (project,)) as pool:
        pending = [pool.submit(_check_chunk, chunk) for chunk in chunks]
        checked = [_check_file(file, shown, sources, vocabulary) for file, shown in jobs[:share]]
        for future in pending:
            checked += future.result()
    return checked


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
    files = event_files(project.events)
    folder = _display(project.events, root)
    jobs = [(file, f"{folder}/{file.name}") for file in files]
    workers = workers if workers is not None else (os.cpu_count() or 1)
    events: list[Event] = []
    first_seen: dict[str, str] = {}
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
    events.sort(key=lambda e: dates.sort_key(e.date, e.id))
    timeline = Timeline(tuple(events), dict(sorted(sources.sources.items())), vocabulary)
    return Result(timeline, tuple(ordered(diagnostics)), len(files), len(sources.known_ids))

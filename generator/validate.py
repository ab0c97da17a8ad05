"""Load → check → typed model. The one entry point the CLI and the MkDocs plugin share."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from . import checkpool, dates, inputs
from .causes import by_cause, note
from .checkcache import CheckCache
from .crossfile import Checked, check_estimates, note_broken, record, scan
from .diagnostics import Diagnostic, Severity, error
from .loading import load_yaml
from .model import Event, Measure, Tag, Timeline, Vocabulary
from .schema import VocabularyIn, check, reserved
from .sources import SourceSet, load_sources

VOCABULARY_FILE = "_vocabulary.yaml"


@dataclass(frozen=True)
class Project:
    """Where the data lives. ``vocabulary`` defaults to ``<events>/_vocabulary.yaml``; paths in
    diagnostics are shown relative to ``root`` (default: the current directory). ``files``: check only
    these event files (and report only the sources they cite and the vocabulary); None: everything."""

    events: Path
    seeds: Path
    vocabulary: Path | None = None
    root: Path | None = None
    files: tuple[Path, ...] | None = None


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


def load_vocabulary(path: Path, root: Path | None) -> tuple[Vocabulary | None, list[Diagnostic]]:
    """The vocabulary, or None (with diagnostics saying why) when it cannot be used."""
    shown = _display(path, root)
    if not os.path.lexists(path):
        return None, [
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
        return None, problems
    parsed, more = check(VocabularyIn, doc)
    if parsed is None:
        return None, problems + more
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


EVENT_SUFFIXES = (".yaml", ".yml")


def list_events(events: Path, shown: str) -> inputs.Listing:
    """Event files: every ``*.yaml``/``*.yml`` in the folder except those starting with ``_``, with
    what is wrong with the others (links, near-miss names)."""
    return inputs.list_folder(events, shown, EVENT_SUFFIXES)


def event_files(events: Path) -> list[Path]:
    """The event files :func:`list_events` finds, sorted by name."""
    return list(list_events(events, events.as_posix()).files.values())


def _worker_inputs(project: Project) -> tuple[SourceSet, Vocabulary | None]:
    """What a spawned worker process loads for itself: the project's sources and vocabulary."""
    vocabulary, _ = load_vocabulary(project.vocabulary or project.events / VOCABULARY_FILE, project.root)
    return load_sources(project.seeds, project.root), vocabulary


def validate_project(
    project: Project, workers: int | None = None, cache: CheckCache | None = None, *, model: bool = True
) -> Result:
    """Check every event against its sources. Never raises on bad data: problems are diagnostics.
    ``workers``: processes to use for many files (default: one per core). ``cache``: results kept
    from the last run with it, reused where nothing they depend on changed (checkcache.py).
    ``model=False``: only the diagnostics are wanted (``validate``): the result's timeline has no
    events, and worker processes need not send them back."""
    with checkpool.collector_paused():
        return _validate(project, workers, cache, model)


def _check_cached(
    project: Project,
    jobs: list[checkpool.Job],
    sources: SourceSet,
    vocabulary: Vocabulary | None,
    workers: int,
    cache: CheckCache | None,
    model: bool = True,
) -> list[Checked]:
    """:func:`checkpool.check_all`, for only the files whose kept result cannot be reused."""
    load = partial(_worker_inputs, project)
    if cache is None:
        return checkpool.check_all(jobs, sources, vocabulary, workers, load, model)
    cache.begin(vocabulary, sources)
    kept = [cache.get(file, shown) for file, shown in jobs]
    todo = [job for job, got in zip(jobs, kept, strict=True) if got is None]
    fresh = iter(checkpool.check_all(todo, sources, vocabulary, workers, load, model))
    checked = []
    for got in kept:
        result = got if got is not None else next(fresh)
        if got is None:
            cache.put(result)
        checked.append(result)
    cache.keep_only({shown for _, shown in jobs})
    return checked


def _validate(project: Project, workers: int | None, cache: CheckCache | None, model: bool) -> Result:
    root = project.root
    vocabulary_path = project.vocabulary or project.events / VOCABULARY_FILE
    vocabulary, vocabulary_found = load_vocabulary(vocabulary_path, root)
    sources = load_sources(project.seeds, root, cache.sources if cache is not None else None)
    folder = _display(project.events, root)  # resolved once: files are shown as <folder>/<name>
    listing = list_events(project.events, folder)
    files, named_sources, vocabulary_named = _named(project, vocabulary_path)
    jobs: list[checkpool.Job]
    if files is None:  # the whole folder: its paths as strings (see Listing.paths)
        jobs = list(zip(listing.paths(), [f"{folder}/{name}" for name in listing.names], strict=True))
    else:
        jobs = [(file, _shown(project, file, folder)) for file in files]
    workers = workers if workers is not None else (os.cpu_count() or 1)
    events: list[Event] = []
    # what is wrong with the folder's other entries (links, pipes, near-miss names): a full run's
    diagnostics: list[Diagnostic] = listing.diagnostics if project.files is None else []
    first_seen: dict[str, str] = {}
    estimates: dict[str, tuple[str, str, str, str, int, int]] = {}
    checked_all = _check_cached(project, jobs, sources, vocabulary, workers, cache, model)
    if files is not None:  # ids and estimates of the files not checked, for the cross-file checks
        named = {file.resolve() for file in files}
        for other in listing.files.values():
            if other.resolve() not in named:
                record(scan(other, _shown(project, other, folder)), first_seen, estimates)
    for checked in checked_all:
        diagnostics += checked.diagnostics
        problem = record(checked, first_seen, estimates)
        if problem is not None:
            diagnostics.append(problem)
            continue
        if checked.valid:
            if checked.event is not None and model:
                events.append(checked.event)
            diagnostics += check_estimates(checked, estimates)
    cited = sorted({source for checked in checked_all for source in checked.cited})
    source_found = sources.diagnostics
    if project.files is not None:
        source_found = [d for d in source_found if Path(d.path).stem in {*cited, *named_sources}]
        if not files and not vocabulary_named:
            vocabulary_found = []
    source_found = note_broken(sources, source_found, checked_all)
    if vocabulary is None and jobs:
        at = [i for i, d in enumerate(vocabulary_found) if d.severity is Severity.ERROR]
        note(vocabulary_found, at, "the tags and measures of every event", ())
    events.sort(key=lambda e: dates.sort_key(e.date, e.id))
    timeline = Timeline(tuple(events), dict(sorted(sources.sources.items())), vocabulary or Vocabulary())
    ordered = by_cause(source_found, vocabulary_found + diagnostics)
    return Result(timeline, tuple(ordered), len(jobs), len(sources.known_ids))


def _named(project: Project, vocabulary: Path) -> tuple[list[Path] | None, set[str], bool]:
    """The event files to check (None: every one in the folder), the sources named, and whether the
    vocabulary is named: everything for a full run; for ``validate FILE…``, what the FILEs are."""
    if project.files is None:
        return None, set(), True
    seeds = project.seeds.resolve()
    files: list[Path] = []
    sources: set[str] = set()
    named_vocabulary = False
    for file in project.files:
        where = file.resolve()
        if where == vocabulary.resolve():
            named_vocabulary = True
        elif where.parent == seeds:
            sources.add(file.stem)
        else:
            files.append(file)
    return files, sources, named_vocabulary


def _shown(project: Project, file: Path, folder: str) -> str:
    if project.files is None or file.parent.resolve() == project.events.resolve():
        return f"{folder}/{file.name}"
    return _display(file, project.root)

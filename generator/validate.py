"""Load → check → typed model. The one entry point the CLI and the MkDocs plugin share."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import dates
from .checks.event import check_event
from .diagnostics import Diagnostic, Severity, error, ordered
from .loading import load_yaml
from .model import Event, Measure, Tag, Timeline, Vocabulary
from .schema import VocabularyIn, check
from .sources import load_sources

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


def validate_project(project: Project) -> Result:
    """Check every event against its sources. Never raises on bad data: problems are diagnostics."""
    root = project.root
    diagnostics: list[Diagnostic] = []
    vocabulary, found = load_vocabulary(project.vocabulary or project.events / VOCABULARY_FILE, root)
    diagnostics += found
    sources = load_sources(project.seeds, root)
    diagnostics += sources.diagnostics
    events: list[Event] = []
    first_seen: dict[str, str] = {}
    files = event_files(project.events)
    folder = _display(project.events, root)
    for file in files:
        shown = f"{folder}/{file.name}"
        doc, found = load_yaml(file, shown)
        diagnostics += found
        if doc is None:
            continue
        event, found = check_event(doc, file.stem, sources, vocabulary)
        diagnostics += found
        ident = doc.data.get("id") if isinstance(doc.data, dict) else None
        if isinstance(ident, str):
            if ident in first_seen:
                mark = doc.mark(("id",))
                diagnostics.append(
                    error(
                        "TL122",
                        shown,
                        mark.line,
                        mark.col,
                        f"the id '{ident}' is already used by {first_seen[ident]}",
                        "every event needs its own id",
                    )
                )
                continue
            first_seen[ident] = shown
        if event is not None:
            events.append(event)
    events.sort(key=lambda e: dates.sort_key(e.date, e.id))
    timeline = Timeline(tuple(events), dict(sorted(sources.sources.items())), vocabulary)
    return Result(timeline, tuple(ordered(diagnostics)), len(files), len(sources.known_ids))

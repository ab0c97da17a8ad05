"""Load → check → typed model. The one entry point the CLI and the MkDocs plugin share."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Diagnostic, Severity
from .model import Timeline, Vocabulary


@dataclass(frozen=True)
class Project:
    """Where the data lives. ``vocabulary`` defaults to ``<events>/_vocabulary.yaml``."""

    events: Path
    seeds: Path
    vocabulary: Path | None = None


@dataclass(frozen=True)
class Result:
    timeline: Timeline
    diagnostics: tuple[Diagnostic, ...]
    event_count: int
    source_count: int

    @property
    def ok(self) -> bool:
        return not any(d.severity is Severity.ERROR for d in self.diagnostics)


def validate_project(project: Project) -> Result:  # replaced by the full pipeline below
    return Result(Timeline((), {}, Vocabulary()), (), 0, 0)

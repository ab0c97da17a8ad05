"""Checking on several cores gives exactly what checking in one process gives: same events, same order,
same diagnostics (including a duplicate id split across the shares)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from generator import validate
from generator.validate import Project, validate_project

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from corpus import write_corpus


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    write_corpus(tmp_path, events=90, sources=6)
    events = tmp_path / "events"
    # one broken event, and a duplicate id in the last share
    broken = events / "event-00003.yaml"
    broken.write_text(broken.read_text().replace("quote: ", "quote: XX", 1), encoding="utf-8")
    shutil.copy(events / "event-00001.yaml", events / "zz-copy.yaml")
    return tmp_path


@pytest.mark.parametrize("workers", [2, 3])
def test_parallel_equals_sequential(corpus: Path, workers: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validate, "PARALLEL_MIN_FILES", 10)
    project = Project(corpus / "events", corpus / "seeds", root=corpus)
    one = validate_project(project, workers=1)
    many = validate_project(project, workers=workers)
    assert [e.id for e in many.timeline.events] == [e.id for e in one.timeline.events]
    assert many.timeline.events == one.timeline.events
    assert many.diagnostics == one.diagnostics
    codes = sorted(d.code for d in one.diagnostics)
    assert "TL140" in codes and "TL121" in codes and "TL122" in codes
    assert (many.event_count, many.source_count) == (91, 6)

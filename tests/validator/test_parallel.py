"""Checking on several cores gives exactly what checking in one process gives: same events, same order,
same diagnostics (including a duplicate id split across the batches), with forked and spawned workers."""

from __future__ import annotations

import pickle
import shutil
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from generator import checkpool
from generator.dates import Interval, Single
from generator.diagnostics import Diagnostic
from generator.model import Citation, Claim, DateBasis, Event, Problem, Span
from generator.pickling import by_fields
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


@contextmanager
def another_thread() -> Iterator[None]:
    """A second running thread, as under `mkdocs serve`: validation must spawn its workers, not fork."""
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def _checked_here(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Make checking a file slow in this process and count the files it checks (``[count]``); forked
    workers count theirs in their own copy."""
    here = [0]
    check_file = checkpool._check_file

    def slow_check_file(*args: Any) -> Any:
        here[0] += 1
        time.sleep(0.02)
        return check_file(*args)

    monkeypatch.setattr(checkpool, "_check_file", slow_check_file)
    return here


@pytest.mark.parametrize(("workers", "threaded"), [(2, False), (3, False), (2, True)])
def test_parallel_equals_sequential(
    corpus: Path, workers: int, threaded: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(checkpool, "PARALLEL_MIN_FILES", 10)
    monkeypatch.setattr(checkpool, "BATCH", 4)  # many batches, taken by whichever process is free
    project = Project(corpus / "events", corpus / "seeds", root=corpus)
    one = validate_project(project, workers=1)
    here = _checked_here(monkeypatch)
    with another_thread() if threaded else nullcontext():
        many = validate_project(project, workers=workers)
    assert here == [0]  # with the model wanted, this process only takes in results: workers check all
    assert [e.id for e in many.timeline.events] == [e.id for e in one.timeline.events]
    assert many.timeline.events == one.timeline.events
    assert many.diagnostics == one.diagnostics
    codes = sorted(d.code for d in one.diagnostics)
    assert "TL140" in codes and "TL121" in codes and "TL122" in codes
    assert (many.event_count, many.source_count) == (91, 6)


@pytest.mark.parametrize("workers", [1, 2])
def test_without_the_model_the_diagnostics_are_the_same(
    corpus: Path, workers: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``model=False`` (what `validate` asks for): no events come back, every diagnostic does, the
    checks across files included (an estimate reported differently in two files, a duplicate id)."""
    events = corpus / "events"
    for name in ("event-00002.yaml", "event-00004.yaml"):
        path = events / name
        text = path.read_text(encoding="utf-8")
        assert "claims:" in text
        path.write_text(
            text.replace("    citation: 1\n", "    citation: 1\n    estimate: shared\n", 1), "utf-8"
        )
    monkeypatch.setattr(checkpool, "PARALLEL_MIN_FILES", 10)
    monkeypatch.setattr(checkpool, "BATCH", 4)
    project = Project(events, corpus / "seeds", root=corpus)
    whole = validate_project(project, workers=workers)
    light = validate_project(project, workers=workers, model=False)
    assert light.diagnostics == whole.diagnostics and light.timeline.events == ()
    assert (light.event_count, light.source_count) == (whole.event_count, whole.source_count)
    assert {"TL174", "TL122", "TL140"} <= {d.code for d in whole.diagnostics}
    assert len(whole.timeline.events) > 80


def test_without_the_model_this_process_checks_files_too(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Results without events are small: this process is one of the workers. It checks slowly here, so
    the other must take batches too."""
    monkeypatch.setattr(checkpool, "PARALLEL_MIN_FILES", 10)
    monkeypatch.setattr(checkpool, "BATCH", 4)
    project = Project(corpus / "events", corpus / "seeds", root=corpus)
    one = validate_project(project, workers=1, model=False)
    here = _checked_here(monkeypatch)
    many = validate_project(project, workers=2, model=False)
    assert 0 < here[0] < one.event_count
    assert many.diagnostics == one.diagnostics


def test_events_cross_processes_whole(repo_root: Path) -> None:
    """The repository's events (with claims, recorded problems and date bases) survive pickling as
    workers send them: every record rebuilt through its own constructor, equal to the original."""
    events = validate_project(
        Project(repo_root / "events", repo_root / "seeds", root=repo_root)
    ).timeline.events
    assert (
        any(e.claims for e in events)
        and any(e.problems for e in events)
        and any(e.date_basis for e in events)
    )
    assert pickle.loads(pickle.dumps(events, pickle.HIGHEST_PROTOCOL)) == events
    for record in (Event, Citation, Span, Claim, Problem, DateBasis, Single, Interval, Diagnostic):
        assert record.__reduce__ is not object.__reduce__, record


def test_by_fields_refuses_records_it_cannot_rebuild() -> None:
    with pytest.raises(TypeError, match="__init__ argument"):

        @by_fields
        @dataclass(frozen=True, slots=True)
        class Derived:
            a: int
            b: int = field(init=False, default=0)

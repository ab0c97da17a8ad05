"""Exports written by a forked process give the same files as in memory; a failure or a dead child is an
error with a message, never a hang or a half-reported success."""

from __future__ import annotations

import os
import signal
import threading
from pathlib import Path
from typing import BinaryIO

import pytest

from generator import exports
from generator.exports import EXPORTS, Build, Export, ExportOptions, write_exports
from generator.exports.background import ExportError, can_fork, start
from generator.model import Timeline

needs_fork = pytest.mark.skipif(not can_fork(), reason="fork is not available or threads are running")


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@needs_fork
def test_a_forked_process_writes_the_same_files(
    timeline: Timeline, options: ExportOptions, files: dict[str, bytes], tmp_path: Path
) -> None:
    pending = start(timeline, options, tmp_path)
    assert pending._process is not None, "forked, not written here"
    sizes = pending.wait()
    assert _tree(tmp_path) == files
    assert sizes == {path: len(data) for path, data in files.items()}
    assert pending.wait() is sizes  # waiting twice is harmless


def test_without_fork_the_files_are_written_before_start_returns(
    timeline: Timeline, options: ExportOptions, files: dict[str, bytes], tmp_path: Path
) -> None:
    pending = start(timeline, options, tmp_path, background=False)
    assert _tree(tmp_path) == files  # already there
    assert pending.wait() == {path: len(data) for path, data in files.items()}


def test_threads_make_it_write_here(timeline: Timeline, options: ExportOptions, tmp_path: Path) -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        pending = start(timeline, options, tmp_path)
        assert pending._process is None
    finally:
        stop.set()
        thread.join()
    assert set(pending.wait()) == {e.path for e in EXPORTS}


def _broken(build: Build, out: BinaryIO) -> None:
    out.write(b"half")
    raise ValueError("the broken export")


@pytest.mark.parametrize("background", [pytest.param(True, marks=needs_fork), False])
def test_a_failing_export_is_reported_with_its_traceback(
    timeline: Timeline,
    options: ExportOptions,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    background: bool,
) -> None:
    monkeypatch.setattr(exports, "EXPORTS", (*EXPORTS, Export("x.bin", "", "", "", _broken)))
    with pytest.raises(ExportError, match=r"(?s)Traceback.*ValueError: the broken export"):
        start(timeline, options, tmp_path, background=background).wait()


@needs_fork
def test_a_child_that_dies_is_an_error(
    timeline: Timeline, options: ExportOptions, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def die(build: Build, out: BinaryIO) -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    monkeypatch.setattr(exports, "EXPORTS", (Export("x.bin", "", "", "", die),))
    with pytest.raises(ExportError, match="ended without a result"):
        start(timeline, options, tmp_path).wait()


@needs_fork
def test_cancel_stops_the_child(timeline: Timeline, options: ExportOptions, tmp_path: Path) -> None:
    pending = start(timeline, options, tmp_path)
    pending.cancel()
    assert pending._process is not None and not pending._process.is_alive()


def test_write_exports_reports_sizes(timeline: Timeline, options: ExportOptions, tmp_path: Path) -> None:
    sizes = write_exports(timeline, options, tmp_path)
    assert all((tmp_path / path).stat().st_size == size for path, size in sizes.items())

"""Exports written by a forked process give the same files as in memory; a failure or a dead child is an
error with a message, never a hang or a half-reported success.

The forking cases run in a fresh interpreter of their own: the test session itself may run threads (the
browser tests' Chromium driver), and then :func:`start` rightly refuses to fork.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import BinaryIO

import pytest

from generator import exports
from generator.exports import EXPORTS, Build, Export, ExportOptions, write_exports
from generator.exports.background import ExportError, start
from generator.model import Timeline

from .conftest import ROOT

FORKED = """
import json, os, signal, sys
from pathlib import Path
from generator import exports
from generator.exports import EXPORTS, Export, build_exports
from generator.exports.background import ExportError, start
from generator.forking import fork_safe
sys.path.insert(0, sys.argv[1])
from exports.conftest import UPDATED, hostile_timeline
from generator.exports import ExportOptions

timeline, options, out = hostile_timeline(), ExportOptions("T", UPDATED), Path(sys.argv[2])
report = {"can_fork": fork_safe()}
pending = start(timeline, options, out / "good")
report["forked"] = pending._process is not None
report["sizes"] = pending.wait()
good = out / "good"
files = {p.relative_to(good).as_posix(): p.read_bytes() for p in good.rglob("*") if p.is_file()}
report["same"] = files == build_exports(timeline, options)

def broken(build, stream):
    stream.write(b"half")
    raise ValueError("the broken export")

def die(build, stream):
    os.kill(os.getpid(), signal.SIGKILL)

for name, write in (("broken", broken), ("dead", die)):
    exports.EXPORTS = (*EXPORTS, Export("x.bin", "", "", "", write))
    try:
        start(timeline, options, out / name).wait()
        report[name] = "no error"
    except ExportError as exc:
        report[name] = str(exc)
def endless(build, stream):
    import time
    time.sleep(600)

exports.EXPORTS = (*EXPORTS, Export("x.bin", "", "", "", endless))
pending = start(timeline, options, out / "cancelled")
pending.cancel()
report["cancelled"] = pending._process.exitcode
exports.EXPORTS = EXPORTS
print(json.dumps(report))
"""


@pytest.fixture(scope="module")
def forked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    out = tmp_path_factory.mktemp("forked")
    proc = subprocess.run(
        [sys.executable, "-c", FORKED, str(ROOT / "tests"), str(out)],
        cwd=ROOT,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    report: dict[str, object] = json.loads(proc.stdout)
    if not report["can_fork"]:
        pytest.skip("this platform cannot fork")
    return report


def test_a_forked_process_writes_the_same_files(forked: dict[str, object]) -> None:
    assert forked["forked"] is True, "forked, not written in the parent"
    assert forked["same"] is True
    sizes = forked["sizes"]
    assert isinstance(sizes, dict) and set(sizes) == {e.path for e in EXPORTS}


def test_a_failing_export_in_the_child_comes_back_with_its_traceback(forked: dict[str, object]) -> None:
    assert "Traceback" in str(forked["broken"]) and "ValueError: the broken export" in str(forked["broken"])


def test_a_child_that_dies_is_an_error(forked: dict[str, object]) -> None:
    assert "ended without a result (exit code -9)" in str(forked["dead"])


def test_cancel_stops_the_child(forked: dict[str, object]) -> None:
    """The child is stuck in an export that never ends: only terminate() stops it (exit code -15)."""
    assert forked["cancelled"] == -signal.SIGTERM


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


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


def test_a_failing_export_is_reported_with_its_traceback(
    timeline: Timeline, options: ExportOptions, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exports, "EXPORTS", (*EXPORTS, Export("x.bin", "", "", "", _broken)))
    with pytest.raises(ExportError, match=r"(?s)Traceback.*ValueError: the broken export"):
        start(timeline, options, tmp_path, background=False)


def test_write_exports_reports_sizes(timeline: Timeline, options: ExportOptions, tmp_path: Path) -> None:
    sizes = write_exports(timeline, options, tmp_path)
    assert set(sizes) == {e.path for e in EXPORTS}
    assert all((tmp_path / path).stat().st_size == size for path, size in sizes.items())

"""The same timeline gives byte-identical exports: twice in one process, in another process with
another hash seed, and whatever order the events arrive in."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from dataclasses import replace

from generator.exports import EXPORTS, ExportOptions, build_exports
from generator.model import Timeline

from .conftest import ROOT

SCRIPT = """
import hashlib, json, sys
from datetime import UTC, datetime
from pathlib import Path
from generator.exports import ExportOptions, build_exports
from generator.validate import Project, validate_project
root = Path(sys.argv[1])
timeline = validate_project(Project(root / "events", root / "seeds", root=root)).timeline
options = ExportOptions("A cited timeline", datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC),
                        description="What happened", license="CC BY 4.0")
print(json.dumps({k: hashlib.sha256(v).hexdigest() for k, v in build_exports(timeline, options).items()}))
"""


def _digests(files: dict[str, bytes]) -> dict[str, str]:
    return {path: hashlib.sha256(data).hexdigest() for path, data in files.items()}


def test_every_export_is_built(files: dict[str, bytes]) -> None:
    assert list(files) == [e.path for e in EXPORTS]
    assert all(files.values())


def test_rebuilds_are_byte_identical(
    timeline: Timeline, options: ExportOptions, files: dict[str, bytes]
) -> None:
    assert build_exports(timeline, options) == files


def test_event_order_does_not_matter(
    timeline: Timeline, options: ExportOptions, files: dict[str, bytes]
) -> None:
    shuffled = replace(timeline, events=tuple(reversed(timeline.events)))
    assert build_exports(shuffled, options) == files


def test_another_process_and_hash_seed_give_the_same_bytes(files: dict[str, bytes]) -> None:
    for seed in ("1", "2"):
        proc = subprocess.run(
            [sys.executable, "-c", SCRIPT, str(ROOT)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        assert json.loads(proc.stdout) == _digests(files)

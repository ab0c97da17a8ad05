"""Fixtures shared by every test folder. Keep this small: put folder-specific fixtures in that folder's
own conftest.py."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository checkout (its events/, seeds/ and docs/)."""
    return ROOT


@pytest.fixture(scope="session")
def offline_zip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline bundle, built once per session by the real command (`python -m generator bundle`)
    for tests/test_bundle.py and tests/browser/test_offline.py."""
    out = tmp_path_factory.getbasetemp() / "offline-bundle"
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "bundle", "--out", str(out), "--json"],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return Path(json.loads(proc.stdout.splitlines()[-1])["path"])

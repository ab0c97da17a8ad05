from __future__ import annotations

from pathlib import Path

import pytest

from .project import MiniProject, make_project


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MiniProject:
    """A valid synthetic project (no event yet); the test runs from its root."""
    monkeypatch.chdir(tmp_path)
    return make_project(tmp_path)

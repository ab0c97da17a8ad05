"""Fixtures shared by every test folder. Keep this small: put folder-specific fixtures in that folder's
own conftest.py."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository checkout (its events/, seeds/ and docs/)."""
    return ROOT

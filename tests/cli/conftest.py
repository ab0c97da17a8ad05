"""Fixtures for the contributor commands (add-source, new, cite): a small project to work in, the
fixture pages, and a web server on 127.0.0.1 that serves them (the only address the tests fetch from)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser.served import serve
from validator.project import MiniProject, make_project

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MiniProject:
    """The validator tests' project (sources alpha and beta, a vocabulary); the test runs from its root."""
    monkeypatch.chdir(tmp_path)
    return make_project(tmp_path)


@pytest.fixture
def served() -> Iterator[str]:
    """The fixture pages at http://127.0.0.1:<port> for as long as the test runs."""
    with serve(FIXTURES) as url:
        yield url.rstrip("/")

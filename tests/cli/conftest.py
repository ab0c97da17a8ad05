"""Fixtures for the contributor commands (add-source, new, cite): a small project to work in, the
fixture pages, and a web server on 127.0.0.1 that serves them (the only address the tests fetch from)."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from validator.project import MiniProject, make_project

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MiniProject:
    """The validator tests' project (sources alpha and beta, a vocabulary); the test runs from its root."""
    monkeypatch.chdir(tmp_path)
    return make_project(tmp_path)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def served() -> Iterator[str]:
    """The fixture pages at http://127.0.0.1:<port>/ for as long as the test runs."""
    handler = functools.partial(_Quiet, directory=str(FIXTURES))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)

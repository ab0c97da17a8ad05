"""A real ``mkdocs serve`` for tests: started in a project folder on a free port, its output kept, its
pages fetched over HTTP, stopped at the end."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}


class Served:
    def __init__(self, project: Path, log: Path) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log = log.open("w+", encoding="utf-8")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{self.port}"],
            cwd=project,
            env=ENV,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            text=True,
        )

    def fetch(self, path: str) -> str:
        with urllib.request.urlopen(self.url + path, timeout=5) as response:
            return str(response.read().decode("utf-8"))

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read()

    def wait_for(self, check: Callable[[], bool], what: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"the server died while waiting for {what}"
            try:
                if check():
                    return
            except OSError:
                pass
            time.sleep(0.3)
        pytest.fail(f"timed out waiting for {what}; server output:\n{self.output()}")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()


@contextmanager
def mkdocs_serve(project: Path, log: Path) -> Iterator[Served]:
    served = Served(project, log)
    try:
        yield served
    finally:
        served.stop()

"""Projects for tests that run MkDocs: a copy of the repository's docs and mkdocs.yml with the fixture
corpus as its events and seeds, template overrides from a custom_dir, and a real ``mkdocs serve``
(started on a free port, its output kept, its pages fetched over HTTP, stopped at the end)."""

from __future__ import annotations

import os
import shutil
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
ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "corpus"


def run(
    cwd: Path, *arguments: str, env: dict[str, str] | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """``python <arguments>`` (``-m mkdocs build …``, ``-m generator …``) in ``cwd``, output captured,
    never raising on a failing exit: the tests read the code and the output."""
    return subprocess.run(
        [sys.executable, *arguments],
        cwd=cwd,
        env=ENV if env is None else env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def fixture_project(root: Path, *, corpus: Path | None = CORPUS) -> Path:
    """The repository's docs/, overrides/ (its theme custom_dir) and mkdocs.yml in ``root``, with
    ``corpus``'s events/ and seeds/."""
    shutil.copytree(ROOT / "docs", root / "docs")
    shutil.copytree(ROOT / "overrides", root / "overrides")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    if corpus is not None:
        shutil.copytree(corpus / "events", root / "events")
        shutil.copytree(corpus / "seeds", root / "seeds")
    return root


def with_overrides(project: Path, templates: dict[str, str]) -> Path:
    """``theme.custom_dir: overrides`` holding ``overrides/timeline/<name>`` for each template given."""
    for name, text in templates.items():
        target = project / "overrides" / "timeline" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if "\n  custom_dir: overrides" not in text:
        config.write_text(
            text.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n", 1)
        )
    return project


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

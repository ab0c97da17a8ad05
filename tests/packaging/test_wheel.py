"""The built wheel, installed into a clean virtual environment, used from outside the repository:
`cited-timeline --help`, the `timeline` MkDocs plugin's entry point, `init` and the new project's
`make test` (its validation and `mkdocs build --strict` run the installed code).

Kept cheap, so that it runs on every `make test`:

* the wheel is built with the project venv's pinned setuptools (``--no-build-isolation``: no download);
* the clean venv has no pip and no packages (``--without-pip``, a fraction of a second) and the wheel is
  installed into it by the project venv's pip (``--python``, ``--no-deps``, ``--no-index``);
* its dependencies come from the project venv through a ``.pth`` line naming that venv's
  site-packages. Such a line only appends the folder to ``sys.path``: ``.pth`` files in it (the editable
  install of this checkout) are not run, so ``generator`` and its metadata can only come from the wheel,
  which the tests check.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from generator import __version__

ROOT = Path(__file__).resolve().parents[2]
PIP = [sys.executable, "-m", "pip"]  # the project venv's pip
pytestmark = pytest.mark.slow


def _run(command: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME"}}
    proc = subprocess.run(
        command,
        cwd=cwd,
        env={**clean, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", **env},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, f"{command}\n{proc.stdout}\n{proc.stderr}"
    return proc


def _package_files() -> list[str]:
    """The files of the package as git has them (tracked, or new and not ignored)."""
    out = _run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "generator"], ROOT
    ).stdout
    return sorted(p for p in out.split("\0") if p and (ROOT / p).is_file())


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built from a copy of the package's files only (no stale build/ folder can leak in)."""
    tmp = tmp_path_factory.mktemp("wheel")
    source = tmp / "src"
    for name in ["pyproject.toml", "README.md", *_package_files()]:
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        (source / name).write_bytes((ROOT / name).read_bytes())
    _run(
        [*PIP, "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(tmp / "dist"), str(source)],
        tmp,
        PIP_DISABLE_PIP_VERSION_CHECK="1",
    )
    (found,) = (tmp / "dist").glob("*.whl")
    return found


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clean venv with the wheel installed and the project venv's packages visible through a .pth."""
    folder = tmp_path_factory.mktemp("clean") / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(folder)], folder.parent)
    python = folder / "bin" / "python"
    purelib = _run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], folder)
    site_packages = Path(purelib.stdout.strip())
    (site_packages / "project-dependencies.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )
    _run(
        [*PIP, "--python", str(python), "install", "--quiet", "--no-deps", "--no-index", str(wheel)],
        folder.parent,
        PIP_DISABLE_PIP_VERSION_CHECK="1",
    )
    return folder


def test_the_wheel_holds_every_package_file_and_nothing_else(wheel: Path) -> None:
    assert wheel.name == f"cited_timeline-{__version__}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        metadata = archive.read(f"cited_timeline-{__version__}.dist-info/METADATA").decode()
        entry_points = archive.read(f"cited_timeline-{__version__}.dist-info/entry_points.txt").decode()
    packaged = sorted(n for n in names if not n.startswith("cited_timeline-"))
    assert packaged == _package_files()
    assert any(n.startswith("generator/scaffold/dot-github/") for n in packaged)
    assert any(n.startswith("generator/exports/templates/") for n in packaged)
    assert f"Version: {__version__}" in metadata
    assert re.search(r"^Requires-Dist: icalendar==", metadata, re.MULTILINE)
    assert "cited-timeline = generator.__main__:main" in entry_points
    assert "timeline = generator.plugin:TimelinePlugin" in entry_points


def test_the_installed_command_and_plugin_come_from_the_wheel(venv: Path, tmp_path: Path) -> None:
    command = venv / "bin" / "cited-timeline"
    assert "init" in _run([str(command), "--help"], tmp_path).stdout
    assert _run([str(command), "--version"], tmp_path).stdout.strip() == f"cited-timeline {__version__}"
    probe = (
        "import generator, importlib.metadata as m;"
        "(ep,) = m.entry_points(group='mkdocs.plugins', name='timeline');"
        "print(generator.__file__); print(ep.dist.locate_file('')); print(ep.load().__module__)"
    )
    lines = _run([str(venv / "bin" / "python"), "-c", probe], tmp_path).stdout.splitlines()
    assert all(Path(line).resolve().is_relative_to(venv.resolve()) for line in lines[:2]), lines
    assert lines[2] == "generator.plugin"


def test_a_new_project_builds_with_the_installed_generator(venv: Path, tmp_path: Path) -> None:
    _run([str(venv / "bin" / "cited-timeline"), "init", "news"], tmp_path)
    project = tmp_path / "news"
    (venv / ".installed").touch()  # the project's Makefile then takes this venv as set up
    proc = _run(["make", "test", f"VENV={venv}"], project)
    assert "1 events, 1 sources: 0 errors" in proc.stdout + proc.stderr
    site = venv / "test-site"
    assert (site / "timeline" / "index.html").is_file()
    assert (site / "dated" / "2025-03" / "index.html").is_file()

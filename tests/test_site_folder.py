"""All-or-nothing `mkdocs build` (issue 12, finding 9): a build that fails for any reason leaves the
previous site/ exactly as it was, says why on one line, and leaves no staging folder behind; a build
that succeeds replaces site/ as a whole and keeps the hidden entries MkDocs keeps (.git, .nojekyll);
staging folders of killed builds are removed by the next build. Real `mkdocs build` runs on copies of
the fixture project; a full disk is a small tmpfs when this runs as root, else ENOSPC injected into
MkDocs' file writes."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from projects import ENV, fixture_project, run, with_overrides
from render.site_snapshot import tree

ROOT = Path(__file__).resolve().parent.parent
# Runs `mkdocs build` with every file MkDocs writes after the first few failing with ENOSPC.
FULL_DISK = """
import errno, shutil, sys
from mkdocs import utils
from mkdocs.__main__ import cli
count = [0]
def full(write):
    def wrapped(*args, **kwargs):
        count[0] += 1
        if count[0] > 5:
            raise OSError(errno.ENOSPC, "No space left on device")
        return write(*args, **kwargs)
    return wrapped
utils.write_file = full(utils.write_file)
utils.copy_file = full(utils.copy_file)
sys.argv = ["mkdocs", *sys.argv[1:]]
cli()
"""

pytestmark = pytest.mark.slow


def _build(
    project: Path, *args: str, site: Path | None = None, full_disk: bool = False
) -> subprocess.CompletedProcess[str]:
    where = ["-d", str(site)] if site is not None else []
    command = ["-c", FULL_DISK] if full_disk else ["-m", "mkdocs"]
    return run(project, *command, "build", "--strict", *where, *args)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".building-" in p.name or ".old-" in p.name)


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A project with a good site/ (and a hidden file in it, as MkDocs users keep .nojekyll)."""
    project = fixture_project(tmp_path / "project")
    proc = _build(project)
    assert proc.returncode == 0, proc.stderr
    (project / "site" / ".nojekyll").write_text("", encoding="utf-8")
    return project, tree(project / "site")


def _break_an_event(project: Path) -> None:
    event = project / "events" / "jcs-1100-casualties.yaml"
    event.write_text(
        event.read_text(encoding="utf-8").replace("around 1,100", "around 1,200"), encoding="utf-8"
    )


def test_invalid_data_leaves_the_site_as_it_was(built: tuple[Path, dict[str, str]]) -> None:
    project, before = built
    _break_an_event(project)
    proc = _build(project)
    assert proc.returncode != 0
    assert "events/jcs-1100-casualties.yaml:" in proc.stderr and "Traceback" not in proc.stderr
    assert tree(project / "site") == before
    assert _leftovers(project) == []


def test_a_template_failing_on_a_later_page_leaves_the_site_as_it_was(
    built: tuple[Path, dict[str, str]],
) -> None:
    project, before = built
    card = (ROOT / "generator" / "templates" / "timeline" / "card.html").read_text(encoding="utf-8")
    broken = '{% if event.id == "troops-sent" %}{{ event.nowhere.deeper }}{% endif %}\n' + card
    with_overrides(project, {"card.html": broken})
    proc = _build(project)
    assert proc.returncode != 0
    errors = [line for line in proc.stderr.splitlines() if "template error" in line]
    assert len(errors) == 1 and "overrides/timeline/card.html:1:" in errors[0], proc.stderr
    assert "Traceback" not in proc.stderr
    assert tree(project / "site") == before
    assert _leftovers(project) == []


def test_a_successful_build_replaces_the_site_and_keeps_hidden_entries(
    built: tuple[Path, dict[str, str]],
) -> None:
    project, before = built
    assert 'id="e-kursk-incursion"' in (project / "site" / "timeline" / "index.html").read_text(
        encoding="utf-8"
    )
    (project / "site" / "stale.html").write_text("from an old build", encoding="utf-8")
    (project / "events" / "kursk-incursion.yaml").unlink()
    proc = _build(project)
    assert proc.returncode == 0, proc.stderr
    after = tree(project / "site")
    assert ".nojekyll" in after and "stale.html" not in after
    assert after != before
    assert 'id="e-kursk-incursion"' not in (project / "site" / "timeline" / "index.html").read_text(
        encoding="utf-8"
    )
    assert oct((project / "site").stat().st_mode & 0o777) == oct(0o777 & ~_umask())
    assert _leftovers(project) == []


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@pytest.fixture(params=["tmpfs", "injected"])
def small_disk(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Path | None]:
    """A 12 MiB tmpfs (when this process may mount one: root), or None: ENOSPC injected."""
    if request.param == "injected":
        yield None
        return
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root; the injected variant covers a full disk")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=12m", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_is_one_line_and_leaves_the_site_as_it_was(
    tmp_path: Path, small_disk: Path | None
) -> None:
    project = fixture_project(tmp_path / "project")
    site = (small_disk or tmp_path) / "site"
    proc = _build(project, site=site)
    assert proc.returncode == 0, proc.stderr
    before = tree(site)
    (project / "events" / "kursk-incursion.yaml").unlink()  # a change the failed build would have made
    if small_disk is not None:  # fill the disk, leaving room for a few files only
        free = shutil.disk_usage(small_disk).free
        (small_disk / "filler").write_bytes(b"\0" * max(free - 300_000, 0))
    proc = _build(project, site=site, full_disk=small_disk is None)
    assert proc.returncode != 0
    output = proc.stdout + proc.stderr
    assert "Traceback" not in output, output
    said = [line for line in output.splitlines() if "No space left on device" in line]
    assert len(said) == 1 and "site/ is as it was" in said[0], output
    assert tree(site) == before
    assert _leftovers(site.parent) == []


def test_killed_builds_leave_nothing_the_next_build_keeps(built: tuple[Path, dict[str, str]]) -> None:
    project, before = built
    stale = project / ".site.building-999999999-abc"  # no such process
    stale.mkdir()
    (stale / "index.html").write_text("half a site", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    mine = f".site.building-{process.pid}-"
    while not any(p.name.startswith(mine) for p in project.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.005)
    assert any(p.name.startswith(mine) for p in project.iterdir()), "the build never began staging"
    process.send_signal(signal.SIGKILL)  # killed mid-build: no chance to clean up
    process.wait()
    assert tree(project / "site") == before
    assert _leftovers(project) != []  # its staging folder (and the old stale one) are still there
    proc = _build(project)
    assert proc.returncode == 0, proc.stderr
    assert _leftovers(project) == []


def test_ctrl_c_leaves_the_site_and_no_staging_folder(built: tuple[Path, dict[str, str]]) -> None:
    project, before = built
    _break_an_event(project)  # so the interrupted build could not have replaced the site anyway
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    mine = f".site.building-{process.pid}-"
    while not any(p.name.startswith(mine) for p in project.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.005)
    assert process.poll() is None, "the build ended before it could be interrupted"
    process.send_signal(signal.SIGINT)
    process.wait(timeout=60)
    assert tree(project / "site") == before
    assert _leftovers(project) == []

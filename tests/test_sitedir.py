"""generator/sitedir.py on its own: staging beside the site, the swap (atomic where Linux allows it,
else two renames, else for a mount point its contents replaced), stale folders of dead processes."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from generator import sitedir


def _site(root: Path) -> Path:
    site = root / "site"
    (site / "old").mkdir(parents=True)
    (site / "old" / "page.html").write_text("old", encoding="utf-8")
    (site / ".nojekyll").write_text("", encoding="utf-8")
    return site


def _staged(site: Path) -> Path:
    staging = sitedir.stage(site)
    assert staging.parent == site.parent and staging.name.startswith(f".site.building-{os.getpid()}-")
    (staging / "index.html").write_text("new", encoding="utf-8")
    return staging


def _check(site: Path) -> None:
    assert sorted(p.name for p in site.iterdir()) == [".nojekyll", "index.html"]
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "two renames"])
def test_publish_replaces_the_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exchange: bool) -> None:
    site = _site(tmp_path)
    staging = _staged(site)
    if not exchange:
        monkeypatch.setattr(sitedir, "_exchange", lambda one, other: False)
    sitedir.publish(staging, site)
    _check(site)


def test_a_mount_point_gets_its_contents_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = _site(tmp_path)
    staging = _staged(site)
    rename = os.rename

    def busy(source: object, target: object) -> None:
        if Path(str(source)) == site:
            raise OSError(errno.EBUSY, "Device or resource busy")
        rename(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(sitedir, "_exchange", lambda one, other: False)
    monkeypatch.setattr(sitedir.os, "rename", busy)
    sitedir.publish(staging, site)
    _check(site)


def test_a_first_build_creates_the_site(tmp_path: Path) -> None:
    site = tmp_path / "site"
    staging = _staged(site)
    sitedir.publish(staging, site)
    assert [p.name for p in site.iterdir()] == ["index.html"]


def test_stale_folders_of_dead_processes_are_removed(tmp_path: Path) -> None:
    site = _site(tmp_path)
    dead = tmp_path / ".site.building-999999999-x"
    old = tmp_path / ".site.old-999999999-y"
    alive = tmp_path / f".site.building-{os.getppid()}-z"  # a running process's: left alone
    other = tmp_path / ".other.building-999999999-w"  # another site's
    for folder in (dead, old, alive, other):
        folder.mkdir()
    assert sorted(sitedir.clean_stale(site)) == sorted([dead, old])
    assert alive.is_dir() and other.is_dir() and site.is_dir()


def test_a_swap_that_fails_leaves_the_old_site_its_hidden_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """publish moves the old site's hidden entries (.nojekyll, a .git) into staging before the swap; when
    the swap then fails, they go back, since the failed build's staging folder is deleted."""
    site = _site(tmp_path)
    staging = _staged(site)

    def full(**_: object) -> str:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(sitedir, "_exchange", lambda one, other: False)
    monkeypatch.setattr(sitedir.tempfile, "mkdtemp", full)
    with pytest.raises(OSError):
        sitedir.publish(staging, site)
    assert sorted(p.name for p in site.iterdir()) == [".nojekyll", "old"]
    assert not (staging / ".nojekyll").exists()

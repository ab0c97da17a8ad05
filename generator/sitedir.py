"""All-or-nothing site folders: a build writes into a hidden sibling of ``site/`` and replaces ``site/``
with it only once everything is written, so a build that fails (bad data, a broken template, a full
disk, a killed process) leaves the previous ``site/`` as it was.

* :func:`stage` makes ``.site.building-<pid>-<random>/`` beside ``site/`` (the same filesystem, so the
  swap is a rename), after removing what builds that were killed left there;
* :func:`publish` moves the hidden entries MkDocs keeps in ``site/`` across builds (``.git``,
  ``.nojekyll``) into the new folder, then swaps the two folders in one step where the system can
  (``renameat2`` with ``RENAME_EXCHANGE``), else with two renames, and removes the old one;
* :func:`discard` removes a staging folder.

Nothing here imports MkDocs: ``plugin.py`` calls these around MkDocs' own build.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import re
import shutil
import tempfile
from pathlib import Path

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _names(site: Path) -> re.Pattern[str]:
    return re.compile(rf"^\.{re.escape(site.name)}\.(?:building|old)-(\d+)-")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_stale(site: Path) -> list[Path]:
    """Remove the staging and old folders that builds left beside ``site`` when they were killed
    (their process is gone); returns them."""
    pattern, removed = _names(site), list[Path]()
    try:
        entries = list(os.scandir(site.parent))
    except OSError:
        return removed
    for entry in entries:
        found = pattern.match(entry.name)
        if found and not _alive(int(found.group(1))) and entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, ignore_errors=True)
            removed.append(Path(entry.path))
    return removed


def target(site_dir: str | Path) -> Path:
    """The folder a build finally writes: ``site_dir`` absolute, through a symlink to it."""
    return Path(os.path.realpath(site_dir))


def stage(site: Path) -> Path:
    """A new, empty staging folder beside ``site`` (stale ones removed first)."""
    clean_stale(site)
    site.parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=f".{site.name}.building-{os.getpid()}-", dir=site.parent))
    umask = os.umask(0o022)
    os.umask(umask)
    os.chmod(folder, 0o777 & ~umask)  # as a folder MkDocs made (mkdtemp makes it private)
    return folder


def discard(staging: Path | None) -> None:
    if staging is not None:
        shutil.rmtree(staging, ignore_errors=True)


def _exchange(one: Path, other: Path) -> bool:
    """Swap two folders atomically (Linux ``renameat2``); False where that is not possible."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    done = renameat2(_AT_FDCWD, os.fsencode(one), _AT_FDCWD, os.fsencode(other), _RENAME_EXCHANGE)
    return bool(done == 0)


def publish(staging: Path, site: Path) -> None:
    """Make ``staging`` the new ``site``; the old one's hidden entries move over, the rest goes."""
    if not site.is_dir():
        if site.exists():
            site.unlink()  # a file in the way
        os.rename(staging, site)
        return
    moved = [e.name for e in os.scandir(site) if e.name.startswith(".") and not (staging / e.name).exists()]
    for name in moved:
        os.rename(site / name, staging / name)
    try:
        if _exchange(staging, site):
            shutil.rmtree(staging, ignore_errors=True)  # now the old site
            return
        _replace(staging, site)
    except BaseException:
        for name in moved:  # the old site keeps its hidden entries (.git): a failed build deletes staging
            if site.is_dir() and (staging / name).exists() and not (site / name).exists():
                os.rename(staging / name, site / name)
        raise


def _replace(staging: Path, site: Path) -> None:
    """``publish`` where the two folders cannot be exchanged in one step."""
    old = Path(tempfile.mkdtemp(prefix=f".{site.name}.old-{os.getpid()}-", dir=site.parent))
    try:
        os.rename(site, old / site.name)
    except OSError as exc:
        if exc.errno not in (errno.EBUSY, errno.EXDEV, errno.EPERM):
            raise
        _replace_contents(staging, site)  # a mount point: its contents are replaced, not the folder
    else:
        os.rename(staging, site)
    shutil.rmtree(old, ignore_errors=True)


def _replace_contents(staging: Path, site: Path) -> None:
    for entry in os.scandir(site):
        if not entry.name.startswith("."):
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path)
            else:
                os.unlink(entry.path)
    for entry in os.scandir(staging):
        shutil.move(entry.path, site / entry.name)
    shutil.rmtree(staging, ignore_errors=True)

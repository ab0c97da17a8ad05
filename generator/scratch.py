"""Temporary folders that go on every way out, and the stale ones of killed runs.

A folder is removed when its ``with`` block ends, however it ends (an error, Ctrl-C, SIGTERM turned into
an exception by the caller). Only a killed process (SIGKILL, a lost machine) leaves one behind, so
while it is in use a folder holds a lock on a file inside it: the kernel releases the lock when the
process ends, however it ends, and the next run removes every folder of its kind whose lock nobody
holds. Folders of other users, and links, are never touched.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_FILE = ".in-use"
# A folder without a lock file (made by an older version, or being made right now) counts as stale
# only after this long.
UNLOCKED_GRACE = 600
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


@contextmanager
def scratch_folder(prefix: str) -> Iterator[Path]:
    """A new folder ``<tmp>/<prefix>…``, locked while in use and removed on every way out. Stale
    folders with the same prefix are removed first."""
    remove_stale_folders(prefix)
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    lock = None
    try:
        lock = os.open(folder / LOCK_FILE, os.O_RDWR | os.O_CREAT | _NOFOLLOW, 0o600)
        _lock(lock, wait=True)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        if lock is not None:
            os.close(lock)


def remove_stale_folders(prefix: str, tmp: Path | None = None) -> list[Path]:
    """Remove the folders ``<tmp>/<prefix>…`` that killed runs left behind; return them."""
    uid = os.getuid() if hasattr(os, "getuid") else None
    removed = []
    for folder in sorted(Path(tmp or tempfile.gettempdir()).glob(prefix + "*")):
        try:
            info = folder.lstat()
            if not stat.S_ISDIR(info.st_mode) or (uid is not None and info.st_uid != uid):
                continue
            if _in_use(folder, info.st_mtime):
                continue
        except OSError:
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


def _in_use(folder: Path, mtime: float) -> bool:
    try:
        fd = os.open(folder / LOCK_FILE, os.O_RDWR | _NOFOLLOW)
    except FileNotFoundError:
        return time.time() - mtime < UNLOCKED_GRACE
    try:
        return not _lock(fd, wait=False)
    finally:
        os.close(fd)


def _lock(fd: int, *, wait: bool) -> bool:
    """Take an exclusive lock on ``fd``; False if another process holds it."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no stale folder counts as stale
        return wait
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    return True

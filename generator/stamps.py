"""When the data last changed: the one time stamp the feeds, the home page's "data last changed" line
and the offline zip's entries share, so that a rebuild of the same commit gives the same bytes.

``SOURCE_DATE_EPOCH`` (the reproducible-builds convention) wins when set; otherwise the time of the last
commit that touched the given paths (the events and the sources), or of the last commit at all.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path


class StampError(ValueError):
    """``SOURCE_DATE_EPOCH`` is set to something that is not a number of seconds."""


def data_epoch(root: Path, paths: Sequence[Path] = ()) -> int | None:
    """Seconds since 1970: ``SOURCE_DATE_EPOCH``, else the last commit touching ``paths`` (every path
    when empty); None outside a git checkout."""
    env = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if env:
        if not env.isdigit():
            raise StampError(f"SOURCE_DATE_EPOCH must be a number of seconds, not {env!r}")
        return int(env)
    command = ["git", "log", "-1", "--format=%ct"]
    if paths:  # asked where the data lives: it may be in another checkout than the configuration
        command += ["--", *(str(Path(p).resolve()) for p in paths)]
    where = Path(paths[0]).resolve() if paths else root
    try:
        out = subprocess.run(
            command, cwd=where, capture_output=True, text=True, check=True, timeout=30
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return int(out) if out.isdigit() else None


def data_date(root: Path, paths: Sequence[Path] = ()) -> date | None:
    """The UTC day of :func:`data_epoch` (None when unknown)."""
    epoch = data_epoch(root, paths)
    return None if epoch is None else datetime.fromtimestamp(epoch, UTC).date()

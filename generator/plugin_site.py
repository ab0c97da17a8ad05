"""How the MkDocs plugin (plugin.py) makes ``mkdocs build`` all-or-nothing: MkDocs builds into a
hidden sibling of ``site_dir`` (generator/sitedir.py), which replaces ``site_dir`` only after the
last step of a successful build. A build that fails, for whatever reason (invalid data, a broken
template, a full disk, a warning under ``--strict``), leaves the previous site as it was and its
staging folder removed; a disk or permission error is reported on one line, without a traceback.

Not for ``mkdocs serve`` (it serves a temporary folder of its own) nor ``--dirty`` builds (which
update the site in place by definition).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.utils import CountHandler

from . import sitedir

log = get_plugin_logger("timeline")


def _shown(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def _strict_warnings() -> bool:
    """Whether ``mkdocs build --strict`` is about to abort on the warnings logged so far."""
    handlers = logging.getLogger("mkdocs").handlers
    return any(h.get_counts() for h in handlers if isinstance(h, CountHandler))


class Staging:
    """One build's staging folder: :meth:`begin` in ``on_config``, :meth:`finish` as the very last
    ``on_post_build``, :meth:`fail` in ``on_build_error``, :meth:`end` in ``on_shutdown``."""

    def __init__(self) -> None:
        self.site: Path | None = None
        self.folder: Path | None = None
        self.config: MkDocsConfig | None = None

    def begin(self, config: MkDocsConfig) -> None:
        self.end()
        self.site = sitedir.target(config.site_dir)
        self.folder = sitedir.stage(self.site)
        self.config = config
        config.site_dir = str(self.folder)
        log.info(f"building into {_shown(self.folder)}, which replaces {_shown(self.site)} once complete")

    def finish(self, config: MkDocsConfig) -> None:
        if self.folder is None or self.site is None:
            return
        if config.strict and _strict_warnings():
            return  # MkDocs aborts right after this: fail() removes the folder
        folder, self.folder = self.folder, None
        config.site_dir = str(self.site)
        try:
            sitedir.publish(folder, self.site)
        except OSError as exc:
            sitedir.discard(folder)
            raise PluginError(f"timeline: could not replace {_shown(self.site)}: {exc.strerror}") from None

    def fail(self, error: Exception) -> None:
        site, folder = self.site, self.folder
        self.end()
        if isinstance(error, OSError) and site is not None:
            where = ""
            if isinstance(error.filename, str):
                written = Path(error.filename)
                if folder is not None and written.is_relative_to(folder):
                    written = site / written.relative_to(folder)  # as it would have been named
                where = f" ({_shown(written)})"
            raise Abort(
                f"timeline: the site could not be written: {error.strerror or error}{where}; "
                f"{_shown(site)}/ is as it was"
            ) from None

    def end(self) -> None:
        """Remove the staging folder if it is still there (the build did not finish)."""
        sitedir.discard(self.folder)
        if self.config is not None and self.site is not None and self.folder is not None:
            self.config.site_dir = str(self.site)
        self.folder = None

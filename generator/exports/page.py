"""What the site's Data page lists: every export with its link, format, description and size."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass

from ..render.text import size_label
from . import EXPORTS

DATA_PAGE = "data/index.md"
# Stands for a size in the Data page while the file is still being written (filled in by fill_sizes).
PENDING = "@@timeline-size:{}@@"


@dataclass(frozen=True)
class DataFile:
    path: str  # in the site: data/events.json
    href: str  # from the Data page: events.json, ../feed.xml
    name: str
    description: str
    media_type: str
    size: int | None  # bytes; None while the file is still being written
    size_label: str  # "77.6 kB"; the PENDING mark while it is written


def data_files(sizes: Mapping[str, int] | None = None) -> list[DataFile]:
    """Every export, in the order of :data:`generator.exports.EXPORTS`, with its size, or (``None``)
    a mark that :func:`fill_sizes` replaces once the files are written."""
    page_folder = posixpath.dirname(DATA_PAGE)
    return [
        DataFile(
            export.path,
            posixpath.relpath(export.path, page_folder),
            export.name,
            export.description,
            export.media_type,
            None if sizes is None else sizes[export.path],
            PENDING.format(export.path) if sizes is None else size_label(sizes[export.path]),
        )
        for export in EXPORTS
    ]


def fill_sizes(html: str, sizes: Mapping[str, int]) -> str:
    """The Data page rendered before the files were written, with their sizes in place of the marks:
    the same text as rendering it with the sizes."""
    for path, size in sizes.items():
        html = html.replace(PENDING.format(path), size_label(size))
    return html

"""A source's original page (``original:`` in its metadata, written by ``add-source``): kept beside the
text so that anyone can extract it again and compare. Checked like the text: it must be there, and be
byte for byte the file its SHA-256 names."""

from __future__ import annotations

import hashlib
from pathlib import Path

from . import inputs
from .diagnostics import Diagnostic, error
from .loading import Document
from .schema import OriginalIn

MAX_ORIGINAL_BYTES = inputs.ORIGINAL.limit


def check_original(original: OriginalIn, folder: Path, doc: Document) -> list[Diagnostic]:
    mark = doc.mark(("original", "file"))
    name = original.file
    if "/" in name or "\\" in name or name.startswith(".") or name.endswith((".txt", ".yaml")):
        return [
            error(
                "TL113",
                doc.path,
                mark.line,
                mark.col,
                f"original.file '{name}' is not a page's file name in the sources folder",
                "write the file name alone, e.g. file: 005_0123456789abcdef.html",
            )
        ]
    raw, _ = inputs.read(folder / name, f"{doc.path}", inputs.ORIGINAL)  # a regular file, within its limit
    if raw is None:
        return [
            error(
                "TL133",
                doc.path,
                mark.line,
                mark.col,
                f"the original page {name} is missing or unreadable",
                "add the page's file beside the text, or remove `original:`",
            )
        ]
    digest = hashlib.sha256(raw).hexdigest()
    if digest == original.sha256:
        return []
    at = doc.mark(("original", "sha256"))
    return [
        error(
            "TL131",
            doc.path,
            at.line,
            at.col,
            f"{name} has SHA-256 {digest}, not the one recorded here",
            "the original page is kept byte for byte: restore it (or, for a new page, "
            f"write sha256: {digest})",
        )
    ]

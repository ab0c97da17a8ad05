"""What the subcommands share: exit codes, the project's folders, messages on stderr."""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path

from .. import inputs
from ..diagnostics import visible
from ..hints import did_you_mean

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
VOCABULARY_FILE = "_vocabulary.yaml"
_MODELINE = re.compile(r"#\s*yaml-language-server:\s*\$schema=(\S+)")
DEFAULT_SCHEMAS = Path(".schema")


def project_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--events", type=Path, default=Path("events"), help="events folder (default: events)")
    parser.add_argument("--seeds", type=Path, default=Path("seeds"), help="sources folder (default: seeds)")


def fail(message: str, code: int = EXIT_USAGE) -> int:
    print(f"error: {visible(message)}", file=sys.stderr)
    return code


def say(message: str) -> None:
    """Progress and explanations go to stderr; stdout carries only what can be piped (YAML, paths)."""
    print(message, file=sys.stderr)


def source_ids(seeds: Path) -> list[str]:
    return sorted(p.stem for p in seeds.glob("*.txt"))


def unknown_source(ident: str, seeds: Path) -> str:
    hint = did_you_mean(ident, source_ids(seeds))
    return f"no source '{ident}' in {seeds}/" + (f"; {hint}" if hint else "")


def schema_folder(events: Path, seeds: Path) -> Path:
    """Where the project's JSON Schemas live: the folder its data files' ``$schema`` comments point at
    (the vocabulary's first, then events', then sources'), else ``.schema`` beside the events folder."""
    candidates = [events / VOCABULARY_FILE, *sorted(events.glob("*.yaml")), *sorted(seeds.glob("*.yaml"))]
    for file in candidates:
        raw, problems = inputs.read(file, file.name, inputs.VOCABULARY)  # never a link, FIFO or device
        if raw is None or problems:
            continue
        first = raw[:4096].split(b"\n", 1)[0].decode("utf-8", "replace")
        found = _MODELINE.search(first)
        if found:
            return Path(os.path.normpath(file.parent / found[1])).parent
    return events.parent / DEFAULT_SCHEMAS


def modeline(schema: Path, data_folder: Path) -> str:
    """The ``$schema`` comment for a data file in ``data_folder``."""
    relative = os.path.relpath(schema, data_folder)
    return f"# yaml-language-server: $schema={Path(relative).as_posix()}"


def write_new(path: Path, data: bytes) -> None:
    """Write a file that must not exist yet, whole or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.link(temporary, path)  # fails if the path exists: never overwrite
    finally:
        os.unlink(temporary)


def replace_file(path: Path, data: bytes) -> None:
    """Replace a file's content whole (a temporary file renamed over it)."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise

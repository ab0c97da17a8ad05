"""``cited-timeline init DIR``: start a new timeline project.

The project is made from the scaffold shipped inside the package (``generator/scaffold/``): files are
copied as they are, except that ``*.jinja`` files are rendered with the project's title (and lose the
suffix) and a path part ``dot-NAME`` becomes ``.NAME`` (so that the scaffold's ``.github`` and
``.gitignore`` do not act on this repository). The editors' JSON Schemas, with the new project's tag,
measure and source ids, are written to ``.schema/``, where its data files' ``$schema`` comments point.

Nothing is written unless everything can be: the project is made in a temporary folder next to DIR and
moved into place at the end. DIR must not exist yet, or be an empty folder.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path, PurePosixPath
from typing import Any

import jinja2

from .. import __version__
from .common import DEFAULT_SCHEMAS as SCHEMAS
from .common import EXIT_INVALID, EXIT_OK
from .schema import write_schemas

TEMPLATE_SUFFIX = ".jinja"
DOT_PREFIX = "dot-"


class InitError(Exception):
    """Something the person running ``init`` has to fix; the message says what."""


def default_title(folder: Path) -> str:
    """``my-timeline`` → ``My timeline``."""
    words = re.sub(r"[-_.]+", " ", folder.resolve().name).strip()
    return (words[:1].upper() + words[1:]) if words else "A cited timeline"


def default_requirement() -> str:
    return f"cited-timeline=={__version__}"


def _walk(folder: Traversable, prefix: PurePosixPath) -> Iterator[tuple[PurePosixPath, Traversable]]:
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name == "__pycache__":
            continue
        path = prefix / entry.name
        if entry.is_dir():
            yield from _walk(entry, path)
        else:
            yield path, entry


def _target(path: PurePosixPath) -> str:
    parts = ["." + p.removeprefix(DOT_PREFIX) if p.startswith(DOT_PREFIX) else p for p in path.parts]
    return str(PurePosixPath(*parts)).removesuffix(TEMPLATE_SUFFIX)


def project_files(title: str, requirement: str) -> dict[str, bytes]:
    """The scaffold's files for a new project, ``{relative path: content}``, sorted by path."""
    environment = jinja2.Environment(
        autoescape=False,  # YAML, Markdown and text; values that need quoting use |tojson
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    values = {"title": title, "requirement": requirement, "version": __version__}
    out: dict[str, bytes] = {}
    for path, entry in _walk(files("generator") / "scaffold", PurePosixPath()):
        data = entry.read_bytes()
        if path.name.endswith(TEMPLATE_SUFFIX):
            data = environment.from_string(data.decode("utf-8")).render(values).encode("utf-8")
        out[_target(path)] = data
    return dict(sorted(out.items()))


def init(target: Path, title: str | None = None, requirement: str | None = None) -> list[str]:
    """Make a new project in ``target``; returns the paths written, relative to it."""
    if target.exists() and not target.is_dir():
        raise InitError(f"{target} exists and is not a folder")
    if target.is_dir() and any(target.iterdir()):
        raise InitError(f"{target} is not empty: give a new folder, or an empty one")
    made = project_files(title or default_title(target), requirement or default_requirement())
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        for name, data in made.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        schemas = write_schemas(staging / "events", staging / "seeds", staging / SCHEMAS)
        staging.chmod(0o777 & ~_umask())  # mkdtemp made it private; a project folder is not
        if target.is_dir():
            target.rmdir()  # empty, checked above
        staging.replace(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return sorted([*made, *(p.relative_to(staging).as_posix() for p in schemas)])


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def _cmd_init(args: argparse.Namespace) -> int:
    try:
        written = init(args.dir, args.title, args.requirement)
    except (InitError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_INVALID
    for name in written:
        print(args.dir / name)
    print(
        f"\nA new timeline in {args.dir}. Next:\n"
        f"  cd {args.dir}\n"
        "  make site    # validate the example data and build the site into site/\n"
        "  make test    # the same checks CI runs on every pull request\n"
        "Then replace the example source and event (their files say EXAMPLE) with your own."
    )
    return EXIT_OK


def add_command(commands: Any) -> None:
    """Register ``init`` on the CLI's subparsers."""
    parser = commands.add_parser("init", help="start a new timeline project in a new or empty folder")
    parser.add_argument("dir", type=Path, metavar="DIR", help="the project folder (new, or empty)")
    parser.add_argument("--title", help="the site's name (default: from the folder's name)")
    parser.add_argument(
        "--requirement",
        help=f"how the project's requirements.txt names the generator (default: {default_requirement()}; "
        "a wheel's path or a VCS URL work too)",
    )
    parser.set_defaults(run=_cmd_init)

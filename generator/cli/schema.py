"""``python -m generator schema``: the JSON Schemas editors use, with this project's tag, measure and
source ids as completions. They are project data: written where the data files' ``$schema`` comments
point (``.schema/`` in a new project), rewritten whenever ids change (``add-source`` does it itself)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..schema import json_schemas
from ..validate import load_vocabulary
from .common import EXIT_OK, VOCABULARY_FILE, project_args, schema_folder, source_ids


def schemas_for(events: Path, seeds: Path) -> dict[str, str]:
    """The schema files for this project's data, by file name."""
    vocabulary, _ = load_vocabulary(events / VOCABULARY_FILE, None)
    tags = sorted(vocabulary.tags) if vocabulary else []
    measures = sorted(vocabulary.measures) if vocabulary else []
    return json_schemas(tags=tags, measures=measures, sources=source_ids(seeds))


def write_schemas(events: Path, seeds: Path, out: Path | None = None) -> list[Path]:
    """Write the project's schemas (where they live unless ``out``); the files whose text changed."""
    folder = out or schema_folder(events, seeds)
    folder.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, text in schemas_for(events, seeds).items():
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed


def _run(args: argparse.Namespace) -> int:
    folder = args.out or schema_folder(args.events, args.seeds)
    changed = write_schemas(args.events, args.seeds, folder)
    for name in sorted(schemas_for(args.events, args.seeds)):
        path = folder / name
        print(f"{path}{'' if path in changed else ' (unchanged)'}")
    return EXIT_OK


def add_command(commands: Any) -> None:
    parser = commands.add_parser(
        "schema",
        help="write the JSON Schemas editors use (with the project's tag, measure and source ids)",
        description=__doc__,
    )
    project_args(parser)
    parser.add_argument(
        "--out",
        type=Path,
        help="folder (default: where the data files' $schema comments point, else .schema)",
    )
    parser.set_defaults(run=_run)

"""``python -m generator validate [FILE…]``: check every event against its sources, or only the named
files (event files, with the sources they cite and the vocabulary; or sources' own files). The same codes
and output formats either way."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from .. import diagnostics as diag
from ..validate import Project, validate_project
from .common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, fail, project_args


def _run(args: argparse.Namespace) -> int:
    for folder in (args.events, args.seeds):
        if not folder.is_dir():
            return fail(f"{folder} is not a folder")
    for file in args.files:
        if not file.is_file():
            return fail(f"{file}: no such file" if not file.exists() else f"{file} is not a file")
        if file.suffix not in {".yaml", ".yml", ".txt"}:
            return fail(f"{file}: validate checks event files (.yaml) and sources (seeds/<id>.txt or .yaml)")
    files = tuple(args.files) if args.files else None
    result = validate_project(Project(args.events, args.seeds, files=files), model=False)
    found = diag.strict(result.diagnostics) if args.strict else list(result.diagnostics)
    headline = diag.summary(found, result.event_count, result.source_count)
    if args.format == "json":
        print(diag.to_json(found))
    else:
        formatter = diag.format_github if args.format == "github" else diag.format_text
        for d in found:
            print(formatter(d))
        print(headline)
    summary_file = args.summary_file or (
        os.environ.get("GITHUB_STEP_SUMMARY") if args.format == "github" else None
    )
    if summary_file:
        try:
            with open(summary_file, "a", encoding="utf-8") as handle:
                handle.write(diag.to_markdown_table(found, headline))
        except OSError as exc:
            print(f"error: cannot write the summary to {summary_file}: {exc.strerror}", file=sys.stderr)
            return EXIT_USAGE
    return EXIT_INVALID if diag.count(found, diag.Severity.ERROR) else EXIT_OK


def add_command(commands: Any) -> None:
    parser = commands.add_parser(
        "validate", help="check every event (or the FILEs named) against its sources", description=__doc__
    )
    parser.add_argument(
        "files",
        nargs="*",
        type=Path,
        metavar="FILE",
        help="check only these event files (and the sources and vocabulary they use)",
    )
    project_args(parser)
    parser.add_argument("--format", choices=("text", "github", "json"), default="text")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors (CI does)")
    parser.add_argument(
        "--summary-file",
        help="also append a Markdown table of all problems here "
        "(default with --format github: $GITHUB_STEP_SUMMARY)",
    )
    parser.set_defaults(run=_run)

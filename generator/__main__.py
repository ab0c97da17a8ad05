"""The command line: ``python -m generator validate|schema|bundle``. A thin shell over the core."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import diagnostics as diag
from .validate import Project, validate_project

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def _project_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--events", type=Path, default=Path("events"), help="events folder (default: events)")
    parser.add_argument("--seeds", type=Path, default=Path("seeds"), help="sources folder (default: seeds)")


def _cmd_validate(args: argparse.Namespace) -> int:
    for folder in (args.events, args.seeds):
        if not folder.is_dir():
            print(f"error: {diag.visible(str(folder))} is not a folder", file=sys.stderr)
            return EXIT_USAGE
    result = validate_project(Project(args.events, args.seeds))
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


def _cmd_schema(args: argparse.Namespace) -> int:
    from .schema import json_schemas

    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in json_schemas().items():
        (args.out / name).write_text(text, encoding="utf-8")
        print(args.out / name)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser("validate", help="check every event against its sources")
    _project_args(validate)
    validate.add_argument("--format", choices=("text", "github", "json"), default="text")
    validate.add_argument("--strict", action="store_true", help="treat warnings as errors")
    validate.add_argument(
        "--summary-file",
        help="also append a Markdown table of all problems here "
        "(default with --format github: $GITHUB_STEP_SUMMARY)",
    )
    validate.set_defaults(run=_cmd_validate)

    schema = commands.add_parser("schema", help="write the JSON Schema files for editors")
    schema.add_argument("--out", type=Path, default=Path("generator/schema"))
    schema.set_defaults(run=_cmd_schema)

    try:
        from .bundle import add_command
    except ImportError:  # the bundle command arrives with the offline bundle
        pass
    else:
        add_command(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):  # a terminal that cannot show a character gets an escape
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())

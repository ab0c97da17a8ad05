"""The command line: ``cited-timeline`` (or ``python -m generator``)
``validate|schema|add-source|new|cite|render|bundle|init``. A thin shell over the core; each subcommand
lives in its own module (``generator/cli/``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .cli import add_source, cite, init, new, render, schema, validate
from .cli.common import EXIT_INVALID, EXIT_OK, EXIT_USAGE

__all__ = ["EXIT_INVALID", "EXIT_OK", "EXIT_USAGE", "build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    prog = "cited-timeline" if Path(sys.argv[0]).name == "cited-timeline" else "python -m generator"
    parser = argparse.ArgumentParser(prog=prog, description=__doc__)
    parser.add_argument("--version", action="version", version=f"cited-timeline {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    for module in (validate, schema, add_source, new, cite, render, init):
        module.add_command(commands)

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

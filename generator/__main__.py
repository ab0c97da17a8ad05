"""The command line: ``cited-timeline`` (or ``python -m generator``)
``validate|schema|bundle|render|init``. A thin shell over the core."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .cli import add_source, cite, new, render, schema, validate
from .cli.common import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from . import __version__
from . import diagnostics as diag
from .validate import Project, validate_project

__all__ = ["EXIT_INVALID", "EXIT_OK", "EXIT_USAGE", "build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    prog = "cited-timeline" if Path(sys.argv[0]).name == "cited-timeline" else "python -m generator"
    parser = argparse.ArgumentParser(prog=prog, description=__doc__)
    parser.add_argument("--version", action="version", version=f"cited-timeline {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    for module in (validate, schema, add_source, new, cite, render):
        module.add_command(commands)

    try:
        from .bundle import add_command
    except ImportError:  # the bundle command arrives with the offline bundle
        pass
    else:
        add_command(commands)

    from .cli.init import add_command as add_init

    add_init(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())

"""``python -m generator cite SOURCE_ID "the quote as you typed it" [--event FILE]``: find the passage in
a stored source (straight or curly quotes and apostrophes, any dash, whitespace and letter case may
differ) and print the citation as YAML in the source's exact characters, with a ``prefix`` or
``suffix`` when the passage occurs more than once. ``--event`` appends it to an event file, keeping
every comment and line of it. When nothing matches, exits 1 and shows the closest sentences."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..citing import MIN_QUOTE, Found, OccurrenceError, find
from ..eventfile import EditError, append_citation, citation_lines
from ..loading import load_yaml
from ..passages import explain
from ..quotes import IndexedText
from .common import EXIT_INVALID, EXIT_OK, fail, project_args, replace_file, say, source_ids, unknown_source


def lookup(seeds: Path, source: str, quote: str, occurrence: int = 1) -> Found | int:
    """The citation, or the exit code after saying why there is none."""
    if source not in source_ids(seeds):
        return fail(unknown_source(source, seeds))
    try:
        text = (seeds / f"{source}.txt").read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return fail(f"cannot read {seeds}/{source}.txt: {exc}")
    index = IndexedText(text)
    try:
        found = find(source, index, quote, occurrence)
    except OccurrenceError as exc:
        return fail(str(exc))
    if not isinstance(found, Found):
        say(f"the quote is not in {source}")
        for line in explain(source, found):
            say(f"  {line}")
        return EXIT_INVALID
    if len(found.quote) < MIN_QUOTE:
        return fail(
            f"the passage is {len(found.quote)} characters; quote at least {MIN_QUOTE}: a whole clause"
        )
    return found


def describe(found: Found, typed: str) -> None:
    place = f"{found.source}, line {found.line}"
    if found.occurrences > 1:
        which = f"prefix: {found.prefix!r}" if found.prefix else f"suffix: {found.suffix!r}"
        say(f"found in {place}; it occurs {found.occurrences} times, and the {which} picks this one")
    else:
        say(f"found in {place}")
    if " ".join(typed.split()) != found.quote:
        say("the citation has the source's own characters (quotes, dashes, case), not the ones typed")


def _run(args: argparse.Namespace) -> int:
    found = lookup(args.seeds, args.source, args.quote, args.occurrence)
    if isinstance(found, int):
        return found
    describe(found, args.quote)
    item = found.as_yaml_item()
    print("\n".join(citation_lines(item, 2)))
    if args.event is None:
        return EXIT_OK
    return append_to(args.event, item)


def append_to(event: Path, item: dict[str, str]) -> int:
    if not event.is_file():
        return fail(f"{event}: no such event file")
    try:
        text = event.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return fail(f"cannot read {event}: {exc}")
    doc, problems = load_yaml(event, event.as_posix())
    if doc is None:
        return fail(f"{event} cannot be read as YAML ({problems[0].message}): fix it first")
    try:
        edited, number = append_citation(text, doc, item)
    except EditError as exc:
        return fail(f"{event}: {exc}")
    replace_file(event, edited.encode("utf-8"))
    say(f"added as citation {number} of {event}")
    return EXIT_OK


def add_command(commands: Any) -> None:
    parser = commands.add_parser(
        "cite", help="find a quote in a stored source and print (or add) its citation", description=__doc__
    )
    parser.add_argument(
        "source", metavar="SOURCE_ID", help="the source's id: its file name in seeds/ without .txt"
    )
    parser.add_argument("quote", help="the quote as you typed or copied it")
    parser.add_argument("--event", type=Path, help="append the citation to this event file")
    parser.add_argument(
        "--occurrence",
        type=int,
        default=1,
        help="when the passage occurs more than once: which one (default 1)",
    )
    project_args(parser)
    parser.set_defaults(run=_run)

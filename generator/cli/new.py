"""``python -m generator new EVENT_ID [--source ID --quote "…"]``: write ``events/<EVENT_ID>.yaml`` from
a template: the schema comment, the fields in the documented order, the citation (found as ``cite``
finds it) and a date proposed from what the quote says, which the validator itself has accepted. What
only you can write (title, summary, tags) is left as TODO, which ``validate`` reports until it is done.
Prints the path."""

from __future__ import annotations

import argparse
import re
import tempfile
from pathlib import Path
from typing import Any

from .. import dates, datetext
from ..checks.evidence import future_wording, phrase_spans
from ..citing import Found
from ..eventfile import new_event
from ..schema import SLUG
from ..validate import Project, load_vocabulary, validate_project
from .cite import describe, lookup
from .common import (
    EXIT_OK,
    VOCABULARY_FILE,
    fail,
    modeline,
    project_args,
    say,
    schema_folder,
    write_new,
)

Candidate = tuple[str, str, dict[str, Any] | None]  # date, comment, date_basis entry


def candidates(found: Found, published: dates.Single | None) -> list[Candidate]:
    """Dates the quote may support, the most precise first: calendar dates it writes, relative phrases
    it uses, and last its publication (for a fact it reports as current)."""
    quote = found.quote
    out: list[tuple[int, Candidate]] = []
    for mention in datetext.mentions(quote):
        future = future_wording(quote, mention.start, mention.end)
        resolved = datetext.resolve_mention(mention, published, future=bool(future))
        if resolved is not None and not future:
            out.append((resolved.precision, (resolved.edtf(), f"from '{mention.text}' in citation 1", None)))
    for phrase, future in phrase_spans(quote):
        if future:
            continue  # a plan dates nothing that happened
        try:
            resolved_phrase = datetext.resolve_phrase(phrase, published)
        except datetext.PhraseError:
            continue
        value = dates.to_edtf(resolved_phrase)
        basis = {"citation": 1, "phrase": phrase}
        out.append((dates.precision(resolved_phrase), (value, f"'{phrase}' in citation 1", basis)))
    ranked = [c for _, c in sorted(out, key=lambda pc: -pc[0])]
    if published is not None:
        note = (
            f"the quote gives no date: its article's publication ({dates.label(published)}), see date_basis; "
            "keep it only if the quote reports a current fact"
        )
        ranked.append((published.edtf(), note, {"citation": 1, "as_of": "publication"}))
    return ranked


def _date_problems(args: argparse.Namespace, text: str) -> list[str]:
    """The validator's date diagnostics for the event ``text`` would be (its own code decides)."""
    with tempfile.TemporaryDirectory(prefix="timeline-new-") as folder:
        path = Path(folder) / f"{args.event_id}.yaml"
        path.write_text(text, encoding="utf-8")
        result = validate_project(
            Project(args.events, args.seeds, vocabulary=args.events / VOCABULARY_FILE, files=(path,)),
            workers=1,
        )
    # TL155 (a year the source likely got wrong) is about the quote, not the date: validate reports it
    return [d.code for d in result.diagnostics if d.code.startswith("TL15") and d.code != "TL155"]


def _run(args: argparse.Namespace) -> int:
    if not re.fullmatch(SLUG, args.event_id):
        return fail(f"'{args.event_id}' is not an event id: lowercase letters, digits and single hyphens")
    path = args.events / f"{args.event_id}.yaml"
    if path.exists():
        return fail(f"{path} already exists; edit it, or pick another id")
    if (args.source is None) != (args.quote is None):
        return fail("give both --source and --quote, or neither")
    vocabulary, _ = load_vocabulary(args.events / VOCABULARY_FILE, None)
    tags = sorted(vocabulary.tags) if vocabulary else []
    schema = modeline(schema_folder(args.events, args.seeds) / "event.schema.json", args.events).split(
        "=", 1
    )[1]
    found: Found | None = None
    choices: list[Candidate] = []
    if args.source is not None:
        looked = lookup(args.seeds, args.source, args.quote)
        if isinstance(looked, int):
            return looked
        found = looked
        describe(found, args.quote)
        choices = candidates(found, _published(args.seeds, found.source))
    citation = found.as_yaml_item() if found else None
    text = None
    for value, comment, basis in choices:
        attempt = new_event(
            args.event_id, schema, date=value, date_note=comment, tags=tags, citation=citation, basis=basis
        )
        if not _date_problems(args, attempt):
            text = attempt
            say(f"date {value}: {comment}")
            break
    if text is None:
        why = "the quote dates nothing the validator accepts" if found else "no quote yet"
        text = new_event(
            args.event_id,
            schema,
            date=None,
            date_note=f"{why}: write it, no more precise than the quotes",
            tags=tags,
            citation=citation,
            basis=None,
        )
    try:
        write_new(path, text.encode("utf-8"))
    except FileExistsError:
        return fail(f"{path} already exists; edit it, or pick another id")
    print(path)
    return EXIT_OK


def _published(seeds: Path, source: str) -> dates.Single | None:
    from ..sources import load_sources

    loaded = load_sources(seeds).sources.get(source)
    if loaded is None or loaded.published is None:
        return None
    value = loaded.published
    return value if isinstance(value, dates.Single) else (value.end or value.start)


def add_command(commands: Any) -> None:
    parser = commands.add_parser("new", help="write a new event file from a template", description=__doc__)
    parser.add_argument("event_id", metavar="EVENT_ID", help="the event's id, also its file name")
    parser.add_argument("--source", help="the source id of its first citation")
    parser.add_argument("--quote", help="the quote, as you typed or copied it")
    project_args(parser)
    parser.set_defaults(run=_run)

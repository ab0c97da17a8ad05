"""``python -m generator add-source PAGE.html|PAGE.txt|URL [--id] [--title] [--publisher] [--published]
[--url]``: store an article as a source. For a page (a file, or a URL fetched once), the article's text
is extracted (navigation, cookie banners, related stories, bylines and footers left out) with its
title, publisher, address and publication date; the page's bytes are kept beside the text with their
own hash, so anyone can extract again and compare. Writes ``seeds/<id>.txt`` (UTF-8, NFC, LF: exactly
what will be cited) and ``seeds/<id>.yaml``; whatever is not known becomes a TODO that ``validate``
reports. Never overwrites, never asks; prints the new id."""

from __future__ import annotations

import argparse
import hashlib
import re
from pathlib import Path
from typing import Any

from .. import dates
from ..ingest import MAX_PAGE_BYTES, MAX_TEXT_BYTES, Extracted, IngestError, from_html, from_text
from ..schema import SOURCE_ID
from ..yamltext import field, quoted_date
from .common import (
    EXIT_INVALID,
    EXIT_OK,
    fail,
    modeline,
    project_args,
    say,
    schema_folder,
    write_new,
)
from .schema import write_schemas

PLACEHOLDERS = {
    "title": "TODO: the article's headline",
    "publisher": "TODO: the publisher's name, or null if the page does not name it",
    "url": "TODO: the article's address, or null if it is not known",
    "published": "TODO",
    "published_basis": "TODO: where the date comes from, e.g. the date line under the headline",
}
_NUMBERED = re.compile(r"^([0-9]+)_")


def next_id(seeds: Path, digest: str) -> str:
    """The repository's rule: the next running number, three digits, and the first 16 hex digits of the
    text's SHA-256 (``005_0123456789abcdef``)."""
    numbers = [int(m[1]) for p in seeds.glob("*.txt") if (m := _NUMBERED.match(p.name))]
    return f"{max(numbers, default=-1) + 1:03d}_{digest[:16]}"


def _read(where: str, url: str | None) -> tuple[bytes, bool, str | None]:
    """The input's bytes, whether it is HTML, and its address."""
    if re.match(r"https?://", where, re.IGNORECASE):
        return _fetch(where), True, where
    path = Path(where)
    if not path.is_file():
        raise IngestError(f"{where}: no such file" if not path.exists() else f"{where} is not a file")
    size = path.stat().st_size
    html = path.suffix.lower() in {".html", ".htm", ".xhtml"}
    limit = MAX_PAGE_BYTES if html else MAX_TEXT_BYTES
    if size > limit:
        raise IngestError(f"{where} is {size:,} bytes; the limit is {limit:,}")
    with path.open("rb") as handle:
        raw = handle.read(limit + 1)
    if not html and path.suffix.lower() != ".txt":
        html = raw.lstrip()[:200].lower().startswith((b"<!doctype html", b"<html"))
    return raw, html, url


def _fetch(url: str) -> bytes:
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": "cited-timeline add-source"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            raw: bytes = response.read(MAX_PAGE_BYTES + 1)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise IngestError(f"cannot fetch {url}: {getattr(exc, 'reason', exc)}") from None
    if len(raw) > MAX_PAGE_BYTES:
        raise IngestError(f"{url} is larger than {MAX_PAGE_BYTES:,} bytes")
    return raw


def _already_stored(seeds: Path, digest: str) -> str | None:
    for path in sorted(seeds.glob("*.txt")):
        try:
            if hashlib.sha256(path.read_bytes()).hexdigest() == digest:
                return path.stem
        except OSError:
            continue
    return None


def metadata_text(
    header: str, found: Extracted, args: argparse.Namespace, digest: str, original: tuple[str, str] | None
) -> tuple[str, list[str]]:
    """The metadata file's text, and the fields left as placeholders."""
    values: dict[str, str | None] = {
        "title": args.title or found.title,
        "publisher": args.publisher or found.publisher,
        "url": args.url or found.url,
        "published": args.published or found.published,
        "published_basis": args.published_basis
        or (
            f"given when the source was added: {args.published}" if args.published else found.published_basis
        ),
    }
    todo = [name for name, value in values.items() if not value]
    lines = [header]
    for name, value in values.items():
        text = value or PLACEHOLDERS[name]
        lines.append(f"{name}: {quoted_date(text)}" if name == "published" else field(name, text))
    lines.append(f"sha256: {digest}")
    if original is not None:
        lines += ["original:", f"  file: {original[0]}", f"  sha256: {original[1]}"]
        lines.append(f"  extracted_with: {found.extractor}")
    return "\n".join(lines) + "\n", todo


def _run(args: argparse.Namespace) -> int:
    seeds: Path = args.seeds
    if not seeds.is_dir():
        return fail(f"{seeds} is not a folder")
    if args.published:
        try:
            dates.parse(args.published)
        except dates.DateError as exc:
            return fail(f"--published: {exc}")
    try:
        raw, is_html, url = _read(args.input, args.url)
        found = from_html(raw, args.input, url) if is_html else from_text(raw, args.input)
    except IngestError as exc:
        return fail(str(exc))
    data = found.text.encode("utf-8")
    if len(data) > MAX_TEXT_BYTES:
        return fail(f"the article's text is {len(data):,} bytes; the limit is {MAX_TEXT_BYTES:,}")
    digest = hashlib.sha256(data).hexdigest()
    stored = _already_stored(seeds, digest)
    if stored is not None:
        return fail(f"this text is already stored as {stored} ({seeds}/{stored}.txt)", EXIT_INVALID)
    ident = args.id or next_id(seeds, digest)
    if not re.match(SOURCE_ID, ident):
        return fail(f"'{ident}' is not a source id: letters, digits, '_', '.' and '-'")
    taken = sorted(p.name for p in seeds.glob(f"{ident}.*"))
    if taken:
        return fail(f"the id {ident} is taken ({', '.join(taken)}): nothing was written")
    header = modeline(schema_folder(args.events, seeds) / "source.schema.json", seeds)
    original = (f"{ident}.html", hashlib.sha256(raw).hexdigest()) if is_html else None
    meta, todo = metadata_text(header, found, args, digest, original)
    written: list[Path] = []
    try:
        for name, content in ((f"{ident}.txt", data), (f"{ident}.yaml", meta.encode("utf-8"))):
            write_new(seeds / name, content)
            written.append(seeds / name)
        if original is not None:
            write_new(seeds / original[0], raw)
            written.append(seeds / original[0])
    except OSError as exc:
        for path in written:
            path.unlink(missing_ok=True)
        return fail(f"cannot write into {seeds}: {exc.strerror or exc}: nothing was written")
    print(ident)
    for path in written:
        say(f"wrote {path}")
    for note in found.notes:
        say(f"normalized: {note}")
    for path in write_schemas(args.events, seeds):
        say(f"updated {path} (the new id completes in editors)")
    if todo:
        say(f"to fill in, in {seeds}/{ident}.yaml: {', '.join(todo)} (validate reports them until then)")
    say(f'next: python -m generator new EVENT_ID --source {ident} --quote "…"')
    return EXIT_OK


def add_command(commands: Any) -> None:
    parser = commands.add_parser(
        "add-source", help="store an article (a page, a URL or a text) as a source", description=__doc__
    )
    parser.add_argument("input", metavar="PAGE.html|PAGE.txt|URL")
    parser.add_argument("--id", help="the source id (default: the next number and the text's hash)")
    parser.add_argument("--title", help="the article's headline")
    parser.add_argument("--publisher", help="who published it")
    parser.add_argument(
        "--published", help='the publication date, EDTF: "2025-03-14", "2025-03" or "2025-03?"'
    )
    parser.add_argument("--published-basis", help="where the publication date comes from")
    parser.add_argument("--url", help="the article's address")
    project_args(parser)
    parser.set_defaults(run=_run)

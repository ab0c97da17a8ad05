"""The stored articles: ``seeds/<id>.txt`` (the record, never edited) with ``seeds/<id>.yaml`` beside it.

Checks that each text is exactly the one its metadata describes (SHA-256), and is UTF-8, NFC and LF, so
that a quote's offsets mean the same thing on every machine."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import dates, inputs
from .diagnostics import Diagnostic, error
from .facts import Facts
from .loading import load_yaml
from .model import Source, Unrelated
from .originals import check_original
from .quotes import IndexedText, locate
from .schema import SOURCE_ID, SourceIn, check, reserved
from .sourcememo import SourceMemo


@dataclass
class SourceSet:
    """Loaded sources, their searchable texts, and the problems found loading them."""

    sources: dict[str, Source] = field(default_factory=dict)
    indexes: dict[str, IndexedText] = field(default_factory=dict)
    facts: dict[str, Facts] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    known_ids: set[str] = field(default_factory=set)  # every id with a .txt, valid or not


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _check_text(raw: bytes, display: str) -> tuple[str | None, list[Diagnostic]]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return None, [
            error(
                "TL132",
                display,
                line,
                1,
                f"byte 0x{raw[exc.start]:02x} is not valid UTF-8",
                "store the article as UTF-8",
            )
        ]
    problems = [
        error("TL132", display, *_line_col(text, at), message, hint)
        for at, message, hint in _text_problems(text)
    ]
    return text, problems


def _text_problems(text: str) -> Iterator[tuple[int, str, str]]:
    """(offset, message, hint) of each way the text is not stored as every text must be."""
    bad = inputs.first_invisible(text, carriage_return=False)
    if bad == 0 and text[0] == "\ufeff":
        yield (
            0,
            "the text starts with a byte order mark (U+FEFF)",
            "store it without the mark: UTF-8 needs none",
        )
    elif bad is not None:
        yield (
            bad,
            f"the text holds {inputs.describe(text[bad])}, which is not allowed in text",
            "remove the character: it is invisible, and no article needs it",
        )
    if "\r" in text:
        yield (
            text.index("\r"),
            "the text has CR (Windows or old Mac) line ends",
            "store it with LF line ends; .gitattributes keeps git from converting them",
        )
    if not unicodedata.is_normalized("NFC", text):
        offset = next(
            i
            for i, c in enumerate(text)
            if not unicodedata.is_normalized("NFC", c)
            or unicodedata.normalize("NFC", text[i : i + 2]) != text[i : i + 2]
        )
        yield (
            offset,
            "the text is not in Unicode NFC form",
            "normalize it to NFC before storing (python: unicodedata.normalize('NFC', t))",
        )


def load_sources(seeds: Path, display_root: Path | None = None, memo: SourceMemo | None = None) -> SourceSet:
    """The sources in ``seeds`` (shown relative to ``display_root``); ``memo``: sources kept from the
    last run, reused where their files are unchanged (sourcememo.py)."""
    out = SourceSet()
    if memo is not None:
        memo.begin()
    folder = _display(seeds, display_root)  # resolved once: paths are shown as <folder>/<name>

    def shown(path: Path) -> str:
        return f"{folder}/{path.name}"

    listing = inputs.list_folder(seeds, folder, (".txt", ".yaml"), skip="", misspelt=((".yml", ".yaml"),))
    out.diagnostics += listing.diagnostics
    texts = {name.removesuffix(".txt"): p for name, p in listing.files.items() if name.endswith(".txt")}
    metas = {name.removesuffix(".yaml"): p for name, p in listing.files.items() if name.endswith(".yaml")}
    refused = {name.rsplit(".", 1)[0] for name in listing.refused}  # already reported: nothing follows
    out.known_ids = set(texts) | {
        name.removesuffix(".txt") for name in listing.refused if name.endswith(".txt")
    }
    for stem in sorted(set(metas) - set(texts) - refused):
        out.diagnostics.append(
            error(
                "TL133",
                shown(metas[stem]),
                1,
                1,
                f"metadata for '{stem}' but no {stem}.txt beside it",
                "add the article's text, or delete the metadata file",
            )
        )
    first_of: dict[str, str] = {}
    for stem, txt in texts.items():
        if stem in refused:
            continue
        first = first_of.setdefault(stem.lower(), stem)
        if first != stem:
            out.diagnostics.append(
                error(
                    "TL122",
                    shown(txt),
                    1,
                    1,
                    f"the source id '{stem}' differs from '{first}' only in case",
                    "rename one of them: where case does not count (macOS, Windows) their pages are one file",
                )
            )
            continue
        if stem not in metas:
            out.diagnostics.append(
                error(
                    "TL133",
                    shown(txt),
                    1,
                    1,
                    f"the article '{stem}' has no metadata file",
                    f"add {stem}.yaml with title, publisher, url, published, published_basis and sha256",
                )
            )
            continue
        if memo is not None:
            source = memo.load(stem, txt, metas[stem], shown, out, _load_one)
        else:
            source = _load_one(stem, txt, metas[stem], shown, out)
        if source is not None:
            out.sources[stem] = source
    if memo is not None:
        memo.finish()
    return out


def _display(path: Path, root: Path | None) -> str:
    base = root or Path.cwd()
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _load_one(
    stem: str, txt: Path, meta_path: Path, shown: Callable[[Path], str], out: SourceSet
) -> Source | None:
    meta_display = shown(meta_path)
    found: list[Diagnostic] = []
    why = "letters, digits, '_', '.' and '-' only" if not re.match(SOURCE_ID, stem) else reserved(stem)
    if why is not None:
        found.append(
            error(
                "TL120",
                shown(txt),
                1,
                1,
                f"'{stem}' is not a usable source id: {why}",
                "rename the .txt and its .yaml (for instance after the publisher and the date)",
            )
        )
    raw, problems = inputs.read(txt, shown(txt), inputs.SOURCE_TEXT)
    if raw is None:
        out.diagnostics += found + problems
        return None
    text, problems = _check_text(raw, shown(txt))
    found += problems
    doc, problems = load_yaml(meta_path, meta_display, inputs.SOURCE_META)
    found += problems
    meta: SourceIn | None = None
    if doc is not None:
        meta, problems = check(SourceIn, doc)
        found += problems
    if meta is None or doc is None or text is None:
        out.diagnostics += found
        return None
    digest = hashlib.sha256(raw).hexdigest()
    if digest != meta.sha256:
        mark = doc.mark(("sha256",))
        found.append(
            error(
                "TL131",
                meta_display,
                mark.line,
                mark.col,
                f"{stem}.txt has SHA-256 {digest}, not the one recorded here",
                "the articles are the record: restore the text byte for byte; "
                f"only a new article gets a new hash (then write sha256: {digest})",
            )
        )
    if meta.original is not None:
        found += check_original(meta.original, txt.parent, doc)
    published = None
    if meta.published is not None:
        try:
            published = dates.parse(meta.published)
        except dates.DateError as exc:
            mark = doc.mark(("published",))
            found.append(
                error(
                    "TL150",
                    meta_display,
                    mark.line,
                    mark.col,
                    f"published: {exc}",
                    'use EDTF: "2024-12-23", "2024-12" or "2024-12?"',
                )
            )
    index = IndexedText(text)
    unrelated = []
    for i, part in enumerate(meta.unrelated):
        start = locate(index, part.starts)
        end = locate(index, part.ends) if part.ends else None
        for key, res in (("starts", start), ("ends", end)):
            if res is not None and res.match is None:
                mark = doc.mark(("unrelated", i, key))
                found.append(
                    error(
                        "TL140",
                        meta_display,
                        mark.line,
                        mark.col,
                        f"unrelated[{i}].{key} is not found exactly once in {stem}.txt "
                        f"({res.occurrences} times)",
                        "quote a unique passage of the text",
                    )
                )
        if start.match is None or (end is not None and end.match is None):
            continue
        stop = end.match.end if end is not None and end.match is not None else len(text)
        if stop <= start.match.start:
            mark = doc.mark(("unrelated", i, "ends"))
            found.append(
                error(
                    "TL113",
                    meta_display,
                    mark.line,
                    mark.col,
                    f"unrelated[{i}] ends before it starts",
                    "`ends` must quote text after `starts`",
                )
            )
            continue
        unrelated.append(Unrelated(start.match.start, stop, part.note))
    out.diagnostics += found
    out.indexes[stem] = index
    out.facts[stem] = Facts(text)
    if any(d.severity.value == "error" for d in found):
        return None
    return Source(
        stem,
        meta.title,
        meta.publisher,
        meta.url,
        published,
        meta.published_basis,
        meta.sha256,
        text,
        tuple(unrelated),
    )

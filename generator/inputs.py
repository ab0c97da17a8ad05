"""The one input policy: every file the generator reads is a regular file listed in one of the
project's folders, read no further than its kind's size limit.

As in Jekyll's safe mode, a symbolic link is refused, never followed: a link in a pull request could
publish any file of the machine that builds the site. So are folders, FIFOs (reading one blocks
forever), sockets and devices. A file is opened with ``O_NOFOLLOW | O_NONBLOCK`` and the opened
descriptor is checked (``fstat``): nothing can be swapped in between a check and the read. Files whose
names nearly match what the generator reads (``x.YAML``, ``x.yml~``) are reported, not silently skipped.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .diagnostics import Diagnostic, error, warning


@dataclass(frozen=True)
class Kind:
    """A kind of input file: what it is called in messages, its size limit, how to get under it."""

    what: str
    limit: int
    hint: str


EVENT = Kind("an event file", 32 * 1024, "one event per file: split it, or shorten long quotes")
VOCABULARY = Kind("the vocabulary", 256 * 1024, "keep labels and descriptions short")
SOURCE_META = Kind("a source's metadata", 32 * 1024, "keep the metadata to the fields of the format")
ORIGINAL = Kind("an original page", 8 * 1024 * 1024, "keep the page as it was downloaded, without more")
SOURCE_TEXT = Kind("a source text", 1024 * 1024, "store the article's own text only, without pages around it")

_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
)
_LINK_ERRORS = {errno.ELOOP, errno.EMLINK}  # what O_NOFOLLOW gives for a link (Linux; BSD)
_NOT_FILES = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)


def not_a_file(display: str, what: str) -> Diagnostic:
    return error(
        "TL108",
        display,
        1,
        1,
        f"this is {what}, not a regular file: it is not read",
        "commit the file itself; links, folders, pipes and devices are never read"
        if what == "a symbolic link"
        else "make it a regular file, or remove it",
    )


def unreadable(display: str, exc: OSError) -> Diagnostic:
    reason = exc.strerror or type(exc).__name__
    return error(
        "TL108",
        display,
        1,
        1,
        f"the file cannot be read: {reason}",
        "make it a readable regular file, or remove it",
    )


def read(path: Path | str, display: str, kind: Kind) -> tuple[bytes | None, list[Diagnostic]]:
    """The bytes of a regular file, or None and what is wrong: a link or not a regular file (TL108),
    unreadable (TL108), or over ``kind``'s size limit (TL105, read no further than the limit)."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        if exc.errno in _LINK_ERRORS:
            return None, [not_a_file(display, "a symbolic link")]
        return None, [unreadable(display, exc)]
    try:
        info = os.fstat(fd)  # of what was opened: nothing can be swapped in after a check
        if not stat.S_ISREG(info.st_mode):
            what = next((what for test, what in _NOT_FILES if test(info.st_mode)), "not a regular file")
            return None, [not_a_file(display, what)]
        raw = _read_to(fd, info.st_size, kind.limit)
    except OSError as exc:
        return None, [unreadable(display, exc)]
    finally:
        os.close(fd)
    if len(raw) > kind.limit:
        size = info.st_size
        stated = f"{size:,} bytes" if size > kind.limit else f"more than {kind.limit:,} bytes"
        message = f"the file is {stated}; the limit for {kind.what} is {kind.limit:,}"
        return None, [error("TL105", display, 1, 1, message, kind.hint)]
    return raw, []


def _read_to(fd: int, size: int, limit: int) -> bytes:
    """Up to ``limit + 1`` bytes. A file is read at its stated size in one go (a read sized to the limit
    would allocate the whole limit for every file); one that grew since is read on, never past it."""
    raw = os.read(fd, size + 1) if 0 < size <= limit else b""
    if 0 < len(raw) <= size:  # all there is (the usual case: no second read to find the end)
        return raw
    while len(raw) <= limit:
        more = os.read(fd, limit + 1 - len(raw))
        if not more:
            break
        raw += more
    return raw


# ---------------------------------------------------------------- characters in text

# Never in text: control characters but tab and line feed (escape sequences, carriage returns), DEL,
# the C1 controls, line and paragraph separators, byte order marks and noncharacters. They are
# invisible, some rewrite a terminal or a CI log, and some break the YAML front matter of a page.
# (Searched for in two parts, each a class the regex engine checks by table: one list of all of them
# made the search 6 times slower.)
_INVISIBLE = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufdd0-\ufdef\ufffe\uffff"
_IN_TEXT = re.compile(f"[\r{_INVISIBLE}]")
_IN_ARTICLE = re.compile(f"[{_INVISIBLE}]")  # a carriage return there has a message of its own
_ASTRAL = re.compile("[\U0001fffe-\U0010ffff]")  # of these, U+xFFFE and U+xFFFF are noncharacters


def first_invisible(text: str, *, carriage_return: bool = True) -> int | None:
    """Where the first character that text may not hold stands, or None."""
    if text.replace("\n", "").replace("\t", "").isprintable():  # none there (3 times faster to know)
        return None
    found = (_IN_TEXT if carriage_return else _IN_ARTICLE).search(text)
    end = found.start() if found is not None else len(text)
    for high in _ASTRAL.finditer(text, 0, end):
        if ord(high.group()) & 0xFFFE == 0xFFFE:
            return high.start()
    return found.start() if found is not None else None


# How a YAML file's value can come to hold one of them: a backslash (an escape in a double-quoted value)
# or one of the few that libyaml reads as they are (NEL, the separators, noncharacters); it refuses the
# rest where they are written. A file without any of these bytes (nearly every file) needs no check of
# every value. Found by byte search, which is 50 times faster than a regex over the text.
def may_hold_invisible(raw: bytes) -> bool:
    if raw.isascii():
        return b"\\" in raw
    return (
        b"\\" in raw
        or b"\xc2\x85" in raw
        or b"\xe2\x80\xa8" in raw
        or b"\xe2\x80\xa9" in raw
        or b"\xef\xb7" in raw
        or b"\xbf\xbe" in raw
        or b"\xbf\xbf" in raw
    )


_KINDS = {"\u2028": "a line separator", "\u2029": "a paragraph separator", "\ufeff": "a byte order mark"}


def describe(char: str) -> str:
    """A character that is not allowed in text, named without printing it: ``U+001B (a control
    character)``."""
    kind = _KINDS.get(char) or (
        "a control character" if unicodedata.category(char) == "Cc" else "a noncharacter"
    )
    return f"U+{ord(char):04X} ({kind})"


# ---------------------------------------------------------------- listing a folder

# Decorations editors and tools add to a file name: a name that is one of the wanted names under them
# was most likely meant to be read. (Hidden names are left alone: an editor's swap and lock files come
# and go while a file is edited.)
_DECORATIONS = ("~", ".bak", ".orig", ".old", ".tmp", ".save", ".rej", ".part", ".copy")


@dataclass(frozen=True)
class Listing:
    """What a folder holds for the generator: the names of the files to read (sorted), and what was
    found wrong with the others."""

    folder: Path
    names: tuple[str, ...]
    diagnostics: list[Diagnostic]
    refused: frozenset[str] = frozenset()  # names with a wanted ending that are not regular files

    @cached_property
    def files(self) -> dict[str, Path]:
        """``{name: path}`` of the files to read, sorted by name."""
        return {name: self.folder / name for name in self.names}

    def paths(self) -> list[str]:
        """The files' paths, as strings: for a folder of 100,000 events, making a ``Path`` of each took
        longer than listing the folder."""
        base = os.fspath(self.folder)
        return [os.path.join(base, name) for name in self.names]


def list_folder(
    folder: Path,
    shown: str,
    suffixes: tuple[str, ...],
    *,
    skip: str = "_",
    misspelt: tuple[tuple[str, str], ...] = (),
) -> Listing:
    """The files in ``folder`` whose names end in one of ``suffixes`` (and do not start with ``skip``).

    A link, folder, pipe or device under such a name is refused (TL108) without being opened; a name
    that nearly matches (another case, a backup's ending, a space at the end, or one of the
    ``(misspelt, meant)`` endings) is reported (TL109). Nothing else in the folder is looked at.
    ``shown`` is the folder as diagnostics name it."""
    files: list[str] = []
    found: list[Diagnostic] = []
    refused: set[str] = set()
    with os.scandir(folder) as entries:
        for entry in entries:
            name = entry.name
            if name.endswith(suffixes):
                if skip and name.startswith(skip):
                    continue
                if entry.is_file(follow_symlinks=False):
                    files.append(name)
                else:
                    found.append(not_a_file(f"{shown}/{name}", _what(entry)))
                    refused.add(name)
                continue
            meant = near_miss(name, suffixes, misspelt)
            if meant is not None and not (skip and meant.startswith(skip)):
                found.append(
                    warning(
                        "TL109",
                        f"{shown}/{name}",
                        1,
                        1,
                        f"this file is not read: its name is not {meant}",
                        f"rename it to {meant} if it is meant to be read; otherwise move it out of {shown}/",
                    )
                )
    return Listing(folder, tuple(sorted(files)), found, frozenset(refused))


def _what(entry: os.DirEntry[str]) -> str:
    if entry.is_symlink():
        return "a symbolic link"
    mode = entry.stat(follow_symlinks=False).st_mode
    return next((what for test, what in _NOT_FILES if test(mode)), "not a regular file")


def near_miss(name: str, suffixes: tuple[str, ...], misspelt: tuple[tuple[str, str], ...] = ()) -> str | None:
    """The name that ``name`` was probably meant to have, if it nearly ends in one of ``suffixes``."""
    if name.startswith((".", "#")) or name.endswith("#"):
        return None
    bare = name.strip()
    changed = True
    while changed:
        changed = False
        for decoration in _DECORATIONS:
            if bare.lower().endswith(decoration) and len(bare) > len(decoration):
                bare = bare[: -len(decoration)].rstrip()
                changed = True
    for ending, meant in (*((s, s) for s in suffixes), *misspelt):
        if bare.lower().endswith(ending) and len(bare) > len(ending):
            return bare[: -len(ending)] + meant
    return None


def links_under(folder: Path) -> list[str]:
    """Symbolic links anywhere under ``folder`` (relative POSIX paths, sorted), never followed. MkDocs
    follows links in ``docs/``, so a link there would publish a file from outside the project."""
    found = []
    for top, folders, files in os.walk(folder, followlinks=False):
        for name in folders + files:
            path = Path(top, name)
            if path.is_symlink():
                found.append(path.relative_to(folder).as_posix())
    return sorted(found)

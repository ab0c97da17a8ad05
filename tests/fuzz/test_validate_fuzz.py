"""Properties of validation on hostile input, over mutations of the real events, vocabulary and sources:
validation never raises and never hangs, no output line starts with '::' or holds a control character,
and everything that validates renders (generator.render.render_site) with no live markup from the data."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from . import payloads
from .harness import FUZZ, check, project
from .strategies import (
    VOCABULARY,
    base,
    event_names,
    event_projects,
    payload_in_every_field,
    real_files,
    source_projects,
    vocabulary_projects,
)


@FUZZ
@given(event_projects())
def test_mutated_events(files: dict[str, bytes]) -> None:
    with project(files) as root:
        check(root)


@FUZZ
@given(vocabulary_projects())
def test_mutated_vocabulary(files: dict[str, bytes]) -> None:
    with project(files) as root:
        check(root)


@FUZZ
@given(source_projects())
def test_mutated_sources(files: dict[str, bytes]) -> None:
    with project(files) as root:
        check(root)


LAYOUTS = (
    "link to a file outside",
    "link inside",
    "dangling link",
    "fifo",
    "folder",
    "near-miss name",
    "name not UTF-8",
    "name with a line break",
    "name with an escape sequence",
    "empty",
    "over the limit",
)


def _lay_out(root: Path, target: Path, layout: str) -> None:
    """Turn the file ``target`` (written) into ``layout``."""
    data = target.read_bytes()
    target.unlink()
    folder, name = target.parent, target.name
    outside = root.parent / f"{root.name}-outside"
    if layout == "link to a file outside":
        outside.write_bytes(data)
        target.symlink_to(outside)
    elif layout == "link inside":
        (root / "elsewhere").write_bytes(data)
        target.symlink_to(root / "elsewhere")
    elif layout == "dangling link":
        target.symlink_to(root / "nowhere")
    elif layout == "fifo":
        os.mkfifo(target)
    elif layout == "folder":
        target.mkdir()
    elif layout == "near-miss name":
        (folder / (name.upper() if name.endswith(".yaml") else name + "~")).write_bytes(data)
    elif layout == "name not UTF-8":
        (folder / os.fsdecode(b"x\xff" + name.encode())).write_bytes(data)
    elif layout == "name with a line break":
        (folder / ("x\n::warning::" + name)).write_bytes(data)
    elif layout == "name with an escape sequence":
        (folder / ("\x1b[31m" + name)).write_bytes(data)
    elif layout == "empty":
        target.write_bytes(b"")
    else:
        target.write_bytes(data + b"#" * (1024 * 1024 + 1))


@FUZZ
@given(st.sampled_from(sorted(real_files())), st.sampled_from(LAYOUTS))
def test_odd_files(path: str, layout: str) -> None:
    """Links, pipes, folders and odd names where a file should be: refused or read, never followed,
    never blocking."""
    files = base([*event_names()[:2], *([path] if path.startswith("events/") else [])])
    with project(files) as root:
        try:
            _lay_out(root, root / path, layout)
            check(root)
        finally:
            (root.parent / f"{root.name}-outside").unlink(missing_ok=True)


@FUZZ
@given(st.data())
def test_a_payload_in_any_text_field(data: st.DataObject) -> None:
    """A payload in one text field of a real event, the vocabulary or a source's metadata, the rest
    intact: more of these validate, so the rendered pages are checked too."""
    files = base(event_names()[:3])
    path = data.draw(
        st.sampled_from(
            [
                *event_names()[:3],
                VOCABULARY,
                *(n for n in files if n.endswith(".yaml") and n.startswith("seeds/")),
            ]
        )
    )
    content = yaml.safe_load(files[path])
    place, _ = data.draw(st.sampled_from(payload_in_every_field(content)))
    _set(content, place, data.draw(st.sampled_from(payloads.ALL)))
    files[path] = yaml.safe_dump(content, allow_unicode=True, sort_keys=False).encode(
        "utf-8", "surrogatepass"
    )
    with project(files) as root:
        check(root)


def _set(data: Any, place: tuple[Any, ...], value: Any) -> None:
    for part in place[:-1]:
        data = data[part]
    data[place[-1]] = value


def _text_places() -> list[tuple[str, tuple[Any, ...]]]:
    """Every place holding text in one real event (the one with the most fields), the vocabulary and one
    source's metadata."""
    files = real_files()
    event = max(event_names(), key=lambda name: len(payload_in_every_field(yaml.safe_load(files[name]))))
    meta = next(n for n in files if n.startswith("seeds/") and n.endswith(".yaml"))
    return [
        (path, place)
        for path in (event, VOCABULARY, meta)
        for place, _ in payload_in_every_field(yaml.safe_load(files[path]))
    ]


def _pairs() -> list[tuple[str, tuple[Any, ...], str]]:
    """Every payload at least once and every text place at least once."""
    places, corpus = _text_places(), payloads.ALL
    count = max(len(places), len(corpus))
    return [(*places[i % len(places)], corpus[i % len(corpus)]) for i in range(count)]


@pytest.mark.parametrize("chunk", range(4))
def test_every_payload_and_every_text_field(chunk: int) -> None:
    """The payload corpus spread over every text field of an event, the vocabulary and a source."""
    pairs = _pairs()[chunk::4]
    for path, place, value in pairs:
        files = base([path] if path.startswith("events/") and path != VOCABULARY else event_names()[:1])
        content = yaml.safe_load(files[path])
        _set(content, place, value)
        files[path] = yaml.safe_dump(content, allow_unicode=True, sort_keys=False).encode(
            "utf-8", "surrogatepass"
        )
        with project(files) as root:
            check(root)

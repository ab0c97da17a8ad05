"""Hypothesis strategies that mutate the repository's real files: its events, its vocabulary and its
stored sources (seeds/), as a stranger's pull request could. Two kinds of mutation:

- on the data: a value anywhere in the file (every field, list entry and key) replaced by a payload,
  a value of another type, an edge number or date, a long or deep value; a key removed, added, renamed;
  a list emptied or filled; written back as YAML in block or flow style;
- on the text: YAML syntax, payloads, control characters and random text inserted, cut or repeated
  anywhere, including inside quotes, keys and indentation.

Each strategy gives ``{relative path: bytes}``: the files of one project, ready to be written.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

from . import payloads

ROOT = Path(__file__).resolve().parents[2]
EVENTS, SEEDS = ROOT / "events", ROOT / "seeds"
VOCABULARY = "events/_vocabulary.yaml"
Files = dict[str, bytes]


@cache
def real_files() -> dict[str, bytes]:
    """Every real event, the vocabulary and every stored source, by path relative to the repository."""
    found = {f"events/{p.name}": p.read_bytes() for p in sorted(EVENTS.glob("*.yaml"))}
    found |= {
        f"seeds/{p.name}": p.read_bytes() for p in sorted(SEEDS.iterdir()) if p.suffix in {".txt", ".yaml"}
    }
    return found


def event_names() -> list[str]:
    return [name for name in real_files() if name.startswith("events/") and name != VOCABULARY]


def seed_ids() -> list[str]:
    return sorted({Path(name).stem for name in real_files() if name.startswith("seeds/")})


def base(events: list[str]) -> Files:
    """The vocabulary, every source, and the given events."""
    files = real_files()
    return {name: data for name, data in files.items() if not name.startswith("events/")} | {
        VOCABULARY: files[VOCABULARY],
        **{name: files[name] for name in events},
    }


# ---------------------------------------------------------------- values


def _deep(depth: int) -> Any:
    value: Any = "x"
    for _ in range(depth):
        value = [value]
    return value


EDGE_VALUES: tuple[Any, ...] = (
    None,
    True,
    0,
    -1,
    2**63,
    1e308,
    float("inf"),
    float("nan"),
    "",
    " ",
    [],
    {},
    ["a"] * 50,
    {"a": "b"},
    _deep(40),
    "x" * 6000,
    "1800-01-01",
    "2100-12-31",
    "2024-06-19/2024-06-18",
    "2024-06?~",
)

texts = st.text(st.characters(codec="utf-8"), max_size=40)
payload = st.sampled_from(payloads.ALL)
values = st.one_of(payload, st.sampled_from(EDGE_VALUES), texts, st.integers(), st.floats())


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in ``data`` that holds a value (mapping values and list entries), depth first."""
    found = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found += _paths(value, (*prefix, i))
    return found


def _parent(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


@st.composite
def mutated_data(draw: st.DrawFn, raw: bytes) -> bytes:
    """The YAML file ``raw`` with one to three changes to its data, written back as YAML."""
    data = yaml.safe_load(raw)
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(data)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent, last = _parent(data, path), path[-1]
        action = draw(
            st.sampled_from(["value", "value", "value", "remove", "add key", "rename key", "repeat"])
        )
        if action == "value":
            parent[last] = draw(values)
        elif action == "remove":
            del parent[last]
        elif action == "add key" and isinstance(parent, dict):
            parent[draw(st.one_of(payload, texts))] = draw(values)
        elif action == "rename key" and isinstance(parent, dict):
            parent[draw(st.one_of(payload, texts, st.sampled_from(payloads.PATHS)))] = parent.pop(last)
        elif action == "repeat" and isinstance(parent, list):
            parent.extend([parent[last]] * draw(st.integers(1, 30)))
    flow = draw(st.sampled_from([False, None, True]))
    try:
        text = yaml.safe_dump(
            data, allow_unicode=draw(st.booleans()), sort_keys=False, default_flow_style=flow
        )
    except (yaml.YAMLError, RecursionError, ValueError):
        text = repr(data)
    return text.encode("utf-8", "surrogatepass")


SYNTAX = (
    "- ", ": ", "? ", "[", "]", "{", "}", ",", "&a ", "*a", "!!str ", "!!python/object:os.system ",
    "<<: ", "#", "'", '"', "|", ">", "\t", "\n", "\n---\n", "\n...\n", "  ", "\\", "%", "@", "`",
)  # fmt: skip


@st.composite
def mutated_text(draw: st.DrawFn, raw: bytes) -> bytes:
    """``raw`` with one to four cuts, repeats or insertions anywhere in its text."""
    text = raw.decode("utf-8")
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "insert", "cut", "repeat"]))
        if action == "insert":
            piece = draw(st.one_of(st.sampled_from(SYNTAX), payload, texts))
            text = text[:at] + piece + text[at:]
        else:
            end = min(len(text), at + draw(st.integers(1, 200)))
            text = (
                text[:at]
                + (text[at:end] * draw(st.integers(2, 5)) if action == "repeat" else "")
                + text[end:]
            )
    data = text.encode("utf-8", "surrogatepass")
    if draw(st.integers(0, 9)) == 0:  # now and then, bytes that are not UTF-8
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(min_size=1, max_size=4)) + data[at:]
    return data


def mutated(raw: bytes) -> st.SearchStrategy[bytes]:
    return st.one_of(mutated_data(raw), mutated_text(raw))


# ---------------------------------------------------------------- projects


@st.composite
def event_projects(draw: st.DrawFn) -> Files:
    """The real sources and vocabulary, one real event mutated and two more as they are."""
    names = draw(st.lists(st.sampled_from(event_names()), min_size=3, max_size=3, unique=True))
    files = base(names)
    files[names[0]] = draw(mutated(files[names[0]]))
    return files


@st.composite
def vocabulary_projects(draw: st.DrawFn) -> Files:
    names = draw(st.lists(st.sampled_from(event_names()), min_size=2, max_size=2, unique=True))
    files = base(names)
    files[VOCABULARY] = draw(mutated(files[VOCABULARY]))
    return files


ARTICLE_PIECES = (
    "\x00", "\ufeff", "\r\n", "\r", "\u0301", "\u2028", "\x1b[31m", "\x85", "\uffff", "\t", "\n\n",
    "<script>alert(1)</script>", "&amp;", "\U0001f600",
)  # fmt: skip


@st.composite
def source_projects(draw: st.DrawFn) -> Files:
    """One real source changed: its text (then its hash updated, as for a new article, or not) or its
    metadata; or a new source with a hostile id or text."""
    names = draw(st.lists(st.sampled_from(event_names()), min_size=2, max_size=2, unique=True))
    files = base(names)
    ident = draw(st.sampled_from(seed_ids()))
    txt, meta = f"seeds/{ident}.txt", f"seeds/{ident}.yaml"
    action = draw(st.sampled_from(["text", "metadata", "new source"]))
    if action == "metadata":
        files[meta] = draw(mutated(files[meta]))
        return files
    text = files[txt].decode("utf-8")
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.one_of(st.sampled_from(ARTICLE_PIECES), payload, texts)) + text[at:]
    data = text.encode("utf-8", "surrogatepass")
    if action == "new source":
        new = draw(st.one_of(st.sampled_from(payloads.PATHS), texts).filter(_usable_name))
        txt, meta = f"seeds/{new}.txt", f"seeds/{new}.yaml"
        files[meta] = files[f"seeds/{ident}.yaml"]
    files[txt] = data
    if draw(st.booleans()):
        digest = hashlib.sha256(data).hexdigest()
        files[meta] = b"\n".join(
            b"sha256: " + digest.encode() if line.startswith(b"sha256:") else line
            for line in files[meta].split(b"\n")
        )
    return files


def _usable_name(name: str) -> bool:
    """A name a file can have here (no folder separator, no NUL, not too long, not . or ..)."""
    return (
        bool(name)
        and "/" not in name
        and "\x00" not in name
        and name not in {".", ".."}
        and len(name.encode("utf-8", "surrogatepass")) < 200
    )


def payload_in_every_field(data: Any) -> list[tuple[tuple[Any, ...], Any]]:
    """Every place holding text in ``data``, paired with it (for the payload-in-every-field test)."""
    return [(path, value) for path in _paths(data) if isinstance(value := _parent(data, path)[path[-1]], str)]

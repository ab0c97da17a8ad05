"""YAML with line marks, and nothing YAML can do behind a reader's back.

The C parser (libyaml) composes a node graph; we turn it into plain Python values ourselves and keep the
``line:col`` of every key and value. Along the way we refuse what PyYAML would silently accept:
duplicate keys, anchors and aliases (no alias bombs), unquoted dates that YAML turns into ``date``
objects, multiple documents, non-UTF-8 bytes and oversized files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .diagnostics import Diagnostic, error

try:  # libyaml's parser when it is available: same marks, several times faster.
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

MAX_BYTES = 256 * 1024

Loc = tuple[str | int, ...]

_STR = "tag:yaml.org,2002:str"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_SCALARS: dict[str, Callable[[yaml.ScalarNode], Any]] = {
    "tag:yaml.org,2002:null": _CONSTRUCTOR.construct_yaml_null,
    "tag:yaml.org,2002:bool": _CONSTRUCTOR.construct_yaml_bool,
    "tag:yaml.org,2002:int": _CONSTRUCTOR.construct_yaml_int,
    "tag:yaml.org,2002:float": _CONSTRUCTOR.construct_yaml_float,
}


@dataclass(frozen=True, slots=True)
class Mark:
    line: int
    col: int


@dataclass
class Document:
    """A loaded YAML file: its plain data and where each value (and each mapping key) stands."""

    path: str
    data: Any
    values: dict[Loc, Mark] = field(default_factory=dict)
    keys: dict[Loc, Mark] = field(default_factory=dict)

    def mark(self, loc: Loc, *, key: bool = False) -> Mark:
        """The mark of ``loc`` (its key's mark with ``key=True``), else of its nearest ancestor."""
        table = self.keys if key else self.values
        probe = tuple(loc)
        while probe:
            found = table.get(probe) or self.values.get(probe)
            if found is not None:
                return found
            probe = probe[:-1]
        return self.values.get((), Mark(1, 1))


def _mark(node: yaml.Node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    """Walks a composed node graph once, building values and marks, collecting problems."""

    def __init__(self, doc: Document, problems: list[Diagnostic]) -> None:
        self.doc = doc
        self.problems = problems
        self.seen: set[int] = set()

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        mark = _mark(node)
        self.doc.values[loc] = mark
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, mark)
        if id(node) in self.seen:
            self.problems.append(
                error(
                    "TL104",
                    self.doc.path,
                    mark.line,
                    mark.col,
                    "a YAML alias repeats a value defined elsewhere",
                    "write the value out in full; anchors (&name) and aliases (*name) are not allowed",
                )
            )
            return None
        self.seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*loc, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.MappingNode)
        return self.mapping(node, loc)

    def scalar(self, node: yaml.ScalarNode, mark: Mark) -> Any:
        tag = node.tag
        if tag == _STR:
            return node.value
        if tag == _TIMESTAMP:
            self.problems.append(
                error(
                    "TL107",
                    self.doc.path,
                    mark.line,
                    mark.col,
                    f"the date {node.value} is not quoted, so YAML reads it as a date object",
                    f'quote it: "{node.value}"',
                )
            )
            return node.value
        construct = _SCALARS.get(tag)
        if construct is None:
            self.problems.append(
                error(
                    "TL111",
                    self.doc.path,
                    mark.line,
                    mark.col,
                    f"the YAML tag {tag} is not allowed",
                    "remove the tag; write plain values",
                )
            )
            return node.value
        return construct(node)

    def mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key_mark = _mark(key_node)
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(
                    error(
                        "TL111",
                        self.doc.path,
                        key_mark.line,
                        key_mark.col,
                        "a mapping key must be a plain word",
                        "write keys as `name: value`",
                    )
                )
                continue
            key = key_node.value
            if key == "<<":
                self.problems.append(
                    error(
                        "TL104",
                        self.doc.path,
                        key_mark.line,
                        key_mark.col,
                        "YAML merge keys (<<) are not allowed",
                        "write the fields out in full",
                    )
                )
                continue
            if key in result:
                first = self.doc.keys[(*loc, key)]
                self.problems.append(
                    error(
                        "TL103",
                        self.doc.path,
                        key_mark.line,
                        key_mark.col,
                        f"the key '{key}' appears twice in this mapping (first at line {first.line})",
                        "keep one of them; YAML would silently use the last",
                    )
                )
                continue
            self.doc.keys[(*loc, key)] = key_mark
            result[key] = self.build(value_node, (*loc, key))
        return result


def _decode(raw: bytes, path: str, problems: list[Diagnostic]) -> str | None:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        problems.append(
            error(
                "TL102",
                path,
                line,
                col,
                f"byte 0x{raw[exc.start]:02x} is not valid UTF-8",
                "save the file as UTF-8 (most editors: File > Save with encoding > UTF-8)",
            )
        )
        return None


def parse_yaml(text: str, path: str) -> tuple[Document | None, list[Diagnostic]]:
    """Compose one YAML document from text. Returns the document (or None) and its problems."""
    problems: list[Diagnostic] = []
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        problems.append(
            error("TL101", path, 1, 1, "the file is empty", "write the event's fields, or delete the file")
        )
        return None, problems
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = " ".join(p for p in (exc.context, exc.problem) if p)
        problems.append(error("TL100", path, line, col, f"YAML syntax: {message}", _syntax_hint(message)))
        return None, problems
    except yaml.YAMLError as exc:  # pragma: no cover - libyaml reports everything with marks
        problems.append(error("TL100", path, 1, 1, f"YAML syntax: {exc}"))
        return None, problems
    finally:
        loader.dispose()
    if node is None:
        problems.append(
            error("TL101", path, 1, 1, "the file is empty", "write the event's fields, or delete the file")
        )
        return None, problems
    doc = Document(path, None)
    doc.data = _Builder(doc, problems).build(node, ())
    return doc, problems


def _syntax_hint(message: str) -> str:
    if "but found another document" in message:
        return "one event per file: remove the extra '---' document"
    if "mapping values are not allowed" in message:
        return "a value that contains ': ' must be quoted"
    if "found character '\\t'" in message:
        return "indent with spaces, not tabs"
    return "check the indentation and quoting near this position"


def load_yaml(
    file: Path, display: str, max_bytes: int = MAX_BYTES
) -> tuple[Document | None, list[Diagnostic]]:
    """Read and compose one YAML file, refusing oversized and non-UTF-8 files."""
    size = file.stat().st_size
    if size > max_bytes:
        return None, [
            error(
                "TL105",
                display,
                1,
                1,
                f"the file is {size:,} bytes; the limit is {max_bytes:,}",
                "one event per file: split it, or shorten long quotes",
            )
        ]
    problems: list[Diagnostic] = []
    text = _decode(file.read_bytes(), display, problems)
    if text is None:
        return None, problems
    doc, more = parse_yaml(text, display)
    return doc, problems + more

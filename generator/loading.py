"""YAML with line marks, and nothing YAML can do behind a reader's back.

The C parser (libyaml) composes a node graph; we turn it into plain Python values ourselves and keep the
graph, which can tell the ``line:col`` of every key and value. Along the way we refuse what PyYAML would
silently accept:
duplicate keys, anchors and aliases (no alias bombs), tags, nesting deep enough to crash libyaml,
unquoted dates that YAML turns into ``date`` objects, multiple documents and non-UTF-8 bytes. Files are
read as :mod:`generator.inputs` says (regular files only, within a size limit).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from . import inputs
from .diagnostics import Diagnostic, error
from .inputs import EVENT, Kind
from .yamlguard import (
    MAP,
    MAX_DEPTH,
    SEQ,
    STR,
    Loader,
    alias_like,
    implicit_tag,
    report_anchors,
    shown_tag,
    too_deep,
)

MAX_BYTES = EVENT.limit
Loc = tuple[str | int, ...]

_STR = STR
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_NULL = "tag:yaml.org,2002:null"
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_SCALARS: dict[str, Callable[[yaml.ScalarNode], Any]] = {
    _NULL: _CONSTRUCTOR.construct_yaml_null,
    "tag:yaml.org,2002:bool": _CONSTRUCTOR.construct_yaml_bool,
    "tag:yaml.org,2002:int": _CONSTRUCTOR.construct_yaml_int,
    "tag:yaml.org,2002:float": _CONSTRUCTOR.construct_yaml_float,
}


PLACEHOLDER = "TODO"  # a value that is not written yet (hints.py reports it)


class Mark(NamedTuple):
    line: int
    col: int


@dataclass
class Document:
    """A loaded YAML file: its plain data, and the composed node graph that knows where each value
    (and each mapping key) stands. Marks are looked up only when a diagnostic asks for one."""

    path: str
    data: Any
    root: yaml.Node | None = None
    # False when no value can be a placeholder: the text has no "TODO" and no escape that could
    # spell one (hints.placeholders need not look)
    placeholders: bool = True

    def mark(self, loc: Loc, *, key: bool = False) -> Mark:
        """The mark of ``loc`` (its key's mark with ``key=True``), else of its nearest ancestor."""
        node = self.root
        if node is None:
            return Mark(1, 1)
        found = node.start_mark
        for depth, part in enumerate(loc):
            last = depth == len(loc) - 1
            if isinstance(node, yaml.MappingNode):
                pair = next(
                    (kv for kv in node.value if isinstance(kv[0], yaml.ScalarNode) and kv[0].value == part),
                    None,
                )
                if pair is None:
                    break
                node = pair[1]
                found = pair[0].start_mark if key and last else node.start_mark
            elif (
                isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value)
            ):
                node = node.value[part]
                found = node.start_mark
            else:
                break
        return Mark(found.line + 1, found.column + 1)


def _mark(node: yaml.Node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    """Walks a composed node graph once, building plain values and collecting problems. When the file
    holds anchors or aliases (already reported where they are written), a node met twice is not built
    again, so an alias bomb cannot expand."""

    def __init__(self, doc: Document, problems: list[Diagnostic], *, aliases: bool, texts: bool) -> None:
        self.doc = doc
        self.problems = problems
        self.seen: set[int] | None = set() if aliases else None
        self.texts = texts  # check every text for characters no text may hold
        self.in_place = not aliases and not texts  # string values can be taken as they are
        self.too_deep = False

    def report(self, code: str, node: yaml.Node, message: str, hint: str) -> None:
        mark = _mark(node)
        self.problems.append(error(code, self.doc.path, mark.line, mark.col, message, hint))

    def build(self, node: yaml.Node, depth: int = 0) -> Any:
        if self.seen is not None:
            if id(node) in self.seen:
                return None
            self.seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _STR:
                if self.texts:
                    self.check_text(node)
                return node.value
            return self.scalar(node)
        if depth >= MAX_DEPTH:
            if not self.too_deep:
                self.too_deep = True
                mark = _mark(node)
                self.problems.append(_too_deep(self.doc.path, mark.line, mark.col))
            return None
        if isinstance(node, yaml.SequenceNode):
            if node.tag != SEQ:
                self.refuse_tag(node)
            return [self.build(item, depth + 1) for item in node.value]
        assert isinstance(node, yaml.MappingNode)
        if node.tag != MAP:
            self.refuse_tag(node)
        return self.mapping(node, depth)

    def refuse_tag(self, node: yaml.Node, what: str = "is not allowed") -> None:
        self.report(
            "TL111",
            node,
            f"the YAML tag {shown_tag(node.tag)} {what}",
            "remove the tag; write plain values (tags can make other YAML readers run code)",
        )

    def check_text(self, node: yaml.ScalarNode) -> None:
        bad = inputs.first_invisible(node.value)
        if bad is not None:
            self.report(
                "TL193",
                node,
                f"the text holds {inputs.describe(node.value[bad])} as its character {bad + 1}, "
                "which is not allowed in text",
                "delete it: it is invisible (in a quoted text it may be written as an escape, e.g. \\u0085)",
            )

    def scalar(self, node: yaml.ScalarNode) -> Any:
        tag = node.tag
        # Only a null and a date need telling whether YAML or the writer gave the tag: !!null abc is
        # read as null, !!timestamp abc is no date; the other core tags refuse a value that is not theirs.
        implicit = tag not in {_NULL, _TIMESTAMP} or tag == implicit_tag(node.value)
        if tag == _TIMESTAMP and implicit:
            self.report(
                "TL107",
                node,
                f"the date {node.value} is not quoted, so YAML reads it as a date object",
                f'quote it: "{node.value}"',
            )
            return node.value
        construct = _SCALARS.get(tag)
        if construct is not None and (implicit or tag != _NULL):
            # An explicit core tag (!!int 12) is fine if the value is one; !!int abc is not.
            with contextlib.suppress(ValueError, KeyError, IndexError):
                return construct(node)
            self.refuse_tag(node, "does not fit the value that follows it")
            return node.value
        self.refuse_tag(node)
        return node.value

    def mapping(self, node: yaml.MappingNode, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.report(
                    "TL111", key_node, "a mapping key must be a plain word", "write keys as `name: value`"
                )
                continue
            key = key_node.value
            if self.texts:
                self.check_text(key_node)
            if key_node.tag != _STR and key_node.tag != implicit_tag(key):
                self.refuse_tag(key_node)  # and the key is taken as written: nothing follows from it
            if key == "<<":
                self.report(
                    "TL104", key_node, "YAML merge keys (<<) are not allowed", "write the fields out in full"
                )
                continue
            if key in result:
                first = next(k for k, _ in node.value if isinstance(k, yaml.ScalarNode) and k.value == key)
                self.report(
                    "TL103",
                    key_node,
                    f"the key '{key}' appears twice in this mapping (first at line {_mark(first).line})",
                    "keep one of them; YAML would silently use the last",
                )
                continue
            if self.in_place and value_node.tag == _STR and type(value_node) is yaml.ScalarNode:
                # most values are strings: taken in place
                result[key] = value_node.value
            else:
                result[key] = self.build(value_node, depth + 1)
        return result


def _too_deep(path: str, line: int, col: int) -> Diagnostic:
    return error(
        "TL111",
        path,
        line,
        col,
        f"the YAML is nested more than {MAX_DEPTH} levels deep",
        "an event is a flat mapping with a few lists; remove the extra brackets or list markers",
    )


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


def parse_yaml(text: str, path: str, raw: bytes | None = None) -> tuple[Document | None, list[Diagnostic]]:
    """Compose one YAML document from text (``raw``: its bytes, if at hand: some checks are faster on
    them). Returns the document (or None) and its problems."""
    problems: list[Diagnostic] = []
    deep = too_deep(text, raw)
    if deep is not None:  # composing it could crash the interpreter: libyaml's composer recurses in C
        problems.append(_too_deep(path, *deep))
        return None, problems
    loader = Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = " ".join(p for p in (exc.context, exc.problem) if p)
        lines = text.splitlines()
        near = lines[line - 1] if 0 < line <= len(lines) else ""
        problems.append(
            error("TL100", path, line, col, f"YAML syntax: {message}", _syntax_hint(message, near))
        )
        return None, problems
    except yaml.YAMLError as exc:  # pragma: no cover - libyaml reports everything with marks
        problems.append(error("TL100", path, 1, 1, f"YAML syntax: {exc}"))
        return None, problems
    finally:
        loader.dispose()
    if node is None:  # nothing but blank lines, comments and document markers
        problems.append(
            error("TL101", path, 1, 1, "the file is empty", "write the event's fields, or delete the file")
        )
        return None, problems
    aliases = alias_like(text) and report_anchors(text, path, problems)
    doc = Document(path, None, node, PLACEHOLDER in text or "\\" in text)
    texts = inputs.may_hold_invisible(raw if raw is not None else text.encode("utf-8", "surrogatepass"))
    doc.data = _Builder(doc, problems, aliases=aliases, texts=texts).build(node)
    return doc, problems


def _syntax_hint(message: str, line: str) -> str:
    if "\t" in line[: len(line) - len(line.lstrip())] or "found character '\\t'" in message:
        return "indent with spaces, not tabs"
    if "but found another document" in message:
        return "one event per file: remove the extra '---' document"
    if "mapping values are not allowed" in message:
        return "a value that contains ': ' must be quoted"
    return "check the indentation and quoting near this position"


def load_yaml(file: Path | str, display: str, kind: Kind = EVENT) -> tuple[Document | None, list[Diagnostic]]:
    """Read (as the input policy says: a regular file, within ``kind``'s size limit) and compose one
    YAML file, refusing non-UTF-8 files."""
    raw, problems = inputs.read(file, display, kind)
    if raw is None:
        return None, problems
    text = _decode(raw, display, problems)
    if text is None:
        return None, problems
    doc, more = parse_yaml(text, display, raw)
    return doc, problems + more

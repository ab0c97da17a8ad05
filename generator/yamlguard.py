"""What YAML can do behind a reader's back, caught before or while composing: libyaml's loader with a
lean resolver, a pre-check for anchors and aliases (reported where they are written), and a nesting
limit checked before composing (libyaml's composer recurses in C, so deep enough nesting would crash
the interpreter)."""

from __future__ import annotations

from typing import Any

import yaml

from .diagnostics import Diagnostic, error

MAX_DEPTH = 32  # an event is a few levels deep; anything deeper is a mistake or an attack

try:  # libyaml's parser when it is available: same marks, several times faster.
    from yaml._yaml import CParser as _CParser

    _Base: type = yaml.CSafeLoader
except (AttributeError, ImportError):  # pragma: no cover - depends on how PyYAML was built
    _CParser = None  # type: ignore[assignment,misc]
    _Base = yaml.SafeLoader

_IMPLICIT = yaml.SafeLoader.yaml_implicit_resolvers
_CORE = "tag:yaml.org,2002:"
STR, SEQ, MAP = _CORE + "str", _CORE + "seq", _CORE + "map"
_DEFAULT_TAGS = {yaml.ScalarNode: STR, yaml.SequenceNode: SEQ, yaml.MappingNode: MAP}


# The tags of short plain scalars met so far (mapping keys, mostly: the same few in every file).
_PLAIN: dict[str, str] = {}
_PLAIN_LONGEST, _PLAIN_MOST = 24, 4096


class Loader(_Base):  # type: ignore[misc]
    """The safe loader with the same implicit types (int, float, bool, null, timestamp), resolved without
    the path-resolver bookkeeping the parser would otherwise call into Python for at every node. It only
    composes nodes: the constructor's and resolver's own state is never set up."""

    def __init__(self, stream: str) -> None:
        if _CParser is not None:
            _CParser.__init__(self, stream)
        else:  # pragma: no cover - depends on how PyYAML was built
            super().__init__(stream)

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is not yaml.ScalarNode:
            return _DEFAULT_TAGS[kind]
        if not implicit[0]:
            return STR
        tag = _PLAIN.get(value)  # this runs for every plain value
        if tag is None:
            tag = implicit_tag(value)
            if len(value) <= _PLAIN_LONGEST and len(_PLAIN) < _PLAIN_MOST:
                _PLAIN[value] = tag
        return tag


def implicit_tag(value: str) -> str:
    """The tag YAML gives a plain (unquoted, untagged) scalar: int, float, bool, null, timestamp, str."""
    for tag, regexp in _IMPLICIT.get(value[0] if value else "", ()):
        if regexp.match(value):
            return str(tag)
    return STR


def shown_tag(tag: str) -> str:
    """A tag as it is written (``!!int``, ``!local``), cut short if long."""
    shown = "!!" + tag.removeprefix(_CORE) if tag.startswith(_CORE) else tag
    return shown if len(shown) <= 60 else shown[:57] + "..."


_NODE_START = frozenset(("", "\n", ":", "-", "[", "{", ",", "?"))


def alias_like(text: str) -> bool:
    """Could the text hold an anchor or alias? They only start a node: at a line's start, or after ':',
    '-', '[', '{', ',' or '?'. Files without such a spot (nearly all) skip the alias bookkeeping.
    (``str.find`` rather than a regex: this runs on every file, and the regex was 50 times slower.)"""
    for marker in "&*":
        at = text.find(marker)
        while at != -1:
            if at + 1 < len(text) and not text[at + 1].isspace():
                before = text[max(0, at - 40) : at].rstrip(" \t")
                if before[-1:] in _NODE_START:
                    return True
            at = text.find(marker, at + 1)
    return False


# Each level of nesting needs at least one character of its own that can open it: '[' or '{' (flow
# style), '-' (a block sequence entry), ':' (a key, block or flow) or '?' (an explicit, complex key).
_OPENERS = "-:[{?"
# libyaml's composer recurses in C, a few hundred bytes of stack a level: tens of thousands of levels
# crash the interpreter (SIGSEGV). This many are safe on any thread's stack.
COMPOSE_SAFE = 256


_NOT_OPENERS = bytes(set(range(256)) - set(_OPENERS.encode()))


def too_deep(text: str, raw: bytes | None = None) -> tuple[int, int] | None:
    """Where (line, col) the text first nests deeper than MAX_DEPTH, else None: checked before composing.

    Counting the characters that can open a level bounds the depth from above in one pass (a real
    event has 20 to 100 of them). Only a text with more is scanned, on libyaml's event stream, which
    knows quoting, comments, block and flow style and complex keys alike, and only up to the first node
    that is too deep. A syntax error ends the scan: the composer stops at that error too. ``raw``: the
    text's bytes, when at hand (counted in one pass)."""
    openers = len(raw.translate(None, _NOT_OPENERS)) if raw is not None else sum(map(text.count, _OPENERS))
    if openers <= COMPOSE_SAFE:
        return None
    depth = 0
    try:
        for event in yaml.parse(text, Loader=Loader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                mark = event.start_mark
                if depth > MAX_DEPTH and mark is not None:  # libyaml marks every event
                    return mark.line + 1, mark.column + 1
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return None
    return None


def report_anchors(text: str, path: str, problems: list[Diagnostic]) -> bool:
    """Report each anchor (``&name``) where it is written, and the first alias (``*name``) of each, with
    how often it is used. True if there were any."""
    aliases: dict[str, list[yaml.Event]] = {}
    found = False
    for event in yaml.parse(text, Loader=Loader):
        if isinstance(event, yaml.AliasEvent):
            aliases.setdefault(str(event.anchor), []).append(event)
        elif isinstance(event, yaml.NodeEvent) and event.anchor is not None:
            found = True
            _anchor_problem(
                problems, path, event, f"the anchor &{event.anchor} names a value to repeat elsewhere"
            )
    for name, uses in aliases.items():
        times = f" ({len(uses)} uses)" if len(uses) > 1 else ""
        _anchor_problem(
            problems, path, uses[0], f"the alias *{name}{times} repeats a value anchored elsewhere"
        )
    return found or bool(aliases)


def _anchor_problem(problems: list[Diagnostic], path: str, event: yaml.Event, message: str) -> None:
    mark = event.start_mark
    assert mark is not None  # libyaml marks every event
    problems.append(
        error(
            "TL104",
            path,
            mark.line + 1,
            mark.column + 1,
            message,
            "write every value out in full; YAML anchors and aliases are not allowed",
        )
    )

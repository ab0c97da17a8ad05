"""Writing event files for a contributor: a new one from a template (``new``), and one more citation
appended to an existing one (``cite --event``) by inserting lines, so that every comment, blank line
and bit of layout the contributor wrote stays as it was. The result is read back and compared with
what was meant before anything is written."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml

from .loading import Document
from .yamltext import field, quoted_date, scalar

# Top-level fields in the documented order (docs/contributing/event-format.md).
ORDER = ("id", "date", "title", "summary", "tags", "citations", "claims", "date_basis", "problems")


class EditError(ValueError):
    """The file cannot be edited safely; the message says why and what to do."""


def citation_lines(item: dict[str, str], indent: int) -> list[str]:
    """A citation as a block list item whose dash stands at column ``indent``."""
    keys = list(item)
    first = field(keys[0], item[keys[0]], indent + 2)
    lines = [" " * indent + "- " + first.lstrip(" ")]
    for key in keys[1:]:
        lines += field(key, item[key], indent + 2).split("\n")
    return [line for chunk in lines for line in chunk.split("\n")]


def append_citation(text: str, doc: Document, item: dict[str, str]) -> tuple[str, int]:
    """``text`` (the file ``doc`` was loaded from) with ``item`` appended to its citations, and the new
    citation's 1-based number. Raises :class:`EditError` when that cannot be done by adding lines."""
    if not isinstance(doc.data, dict) or not isinstance(doc.root, yaml.MappingNode):
        raise EditError("the file is not a mapping of fields: fix it first (validate says how)")
    lines = text.split("\n")
    pairs = {k.value: (k, v) for k, v in doc.root.value if isinstance(k, yaml.ScalarNode)}
    current = doc.data.get("citations")
    if "citations" not in pairs:
        at = _before_later_fields(pairs, len(lines))
        new = ["citations:", *citation_lines(item, 2)]
        number = 1
    else:
        key, node = pairs["citations"]
        if isinstance(node, yaml.SequenceNode) and not node.flow_style and node.value:
            last = node.value[-1]
            dash = node.value[0].start_mark.column - 2
            at = last.end_mark.line if last.end_mark.column == 0 else last.end_mark.line + 1
            while at > last.start_mark.line + 1 and lines[at - 1].strip()[:1] in ("", "#"):
                at -= 1  # blank lines and comments after the list stay with what follows it
            new = citation_lines(item, dash)
            number = len(node.value) + 1
        elif current in (None, []) and key.start_mark.line == node.end_mark.line:
            # `citations:` or `citations: []` alone on its line: the list starts on the next line
            row = key.start_mark.line
            lines[row] = lines[row][: key.end_mark.column] + ":" + _comment(lines[row], node)
            at = row + 1
            new = citation_lines(item, 2)
            number = 1
        else:
            raise EditError(
                "citations is written in flow style ([…]): write it as a list of `- source:` items"
            )
    edited = "\n".join(lines[:at] + new + lines[at:])
    _verify(edited, doc.data, item)
    return edited, number


def _comment(line: str, node: yaml.Node) -> str:
    rest = line[node.end_mark.column :] if node.end_mark.line == node.start_mark.line else ""
    hash_at = rest.find("#")
    return "  " + rest[hash_at:].rstrip() if hash_at != -1 else ""


def _before_later_fields(pairs: dict[str, Any], end: int) -> int:
    later = [pairs[name][0].start_mark.line for name in ORDER[6:] if name in pairs]
    return min(later) if later else end - (1 if end > 0 else 0)


def _verify(edited: str, before: dict[str, Any], item: dict[str, str]) -> None:
    try:
        after = yaml.safe_load(edited)
    except yaml.YAMLError as exc:
        raise EditError(f"adding the citation would break the file's YAML ({exc}); add it by hand") from exc
    expected = dict(before)
    expected["citations"] = [*(before.get("citations") or []), item]
    if after != expected:
        raise EditError("the file's layout is unusual: add the citation by hand (cite printed it above)")


def new_event(
    ident: str,
    schema: str,
    *,
    date: str | None,
    date_note: str,
    tags: Sequence[str],
    citation: dict[str, str] | None,
    basis: dict[str, Any] | None,
) -> str:
    """The text of a new event file: the schema comment, the fields in the documented order,
    placeholders (TODO) where only the contributor can write the text."""
    lines = [f"# yaml-language-server: $schema={schema}", f"id: {ident}"]
    lines.append(f"date: {quoted_date(date or 'TODO')}  # {date_note}")
    lines.append('title: "TODO: one neutral line that says who said or did what"')
    lines.append("summary: >-")
    lines.append("  TODO: two or three sentences, each attributed (who said it)")
    lines.append(f"tags: [TODO]  # one or more of: {', '.join(tags)}" if tags else "tags: [TODO]")
    if citation is None:
        lines.append(
            'citations: []  # add one: python -m generator cite SOURCE_ID "the quote" --event <this file>'
        )
    else:
        lines += ["citations:", *citation_lines(citation, 2)]
    if basis is not None:
        lines.append("date_basis:")
        lines.append(f"  - citation: {basis['citation']}")
        for key in ("phrase", "as_of"):
            if key in basis:
                lines.append(f"    {key}: {scalar(basis[key])}")
    return "\n".join(lines) + "\n"

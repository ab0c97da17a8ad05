"""Schema problems in plain words: every pydantic error becomes a diagnostic at ``file:line:col`` that
says what is wrong without the library's wording, and the YAML to write instead.

Placeholders (a value ``TODO`` or ``TODO: …``, as ``new`` and ``add-source`` write them) are reported
as such (TL134), and other checks of the same value stay quiet."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import Any

from pydantic import BaseModel, ValidationError

from .diagnostics import Diagnostic, error
from .loading import PLACEHOLDER, Document

# What to write, field by field; "{stem}" is the file's name without .yaml.
EXAMPLES = {
    "id": "id: {stem}",
    "date": 'date: "2024-12"',
    "title": "title: <one neutral line: who said or did what>",
    "summary": "summary: <two or three sentences, each attributed: who said it>",
    "tags": "tags: [<a tag of events/_vocabulary.yaml>]",
    "citations": "citations:\n  - source: <a source id>\n    quote: <the sentence, copied exactly>",
    "claims": "claims: []",
    "date_basis": "date_basis:\n  - citation: 1\n    as_of: publication",
    "problems": "problems: []",
    "source": "source: <a source id: its file name in seeds/ without .txt>",
    "quote": "quote: <the sentence, copied exactly>",
    "measure": "measure: <a measure of events/_vocabulary.yaml>",
    "qualifier": "qualifier: about",
    "value": "value: 1100",
    "min": "min: 1000",
    "max": "max: 1200",
    "claimant": "claimant: <who asserts the figure, not the outlet that reports it>",
    "as_of": 'as_of: "2024-12"',
    "citation": "citation: 1",
    "estimate": "estimate: <a slug shared by the claims that report one estimate>",
    "kind": "kind: wrong-date",
    "text": "text: <the words exactly as the quote has them>",
    "correction": 'correction: "2024-12-18"',
    "note": "note: <a remark for readers>",
    "phrase": 'phrase: "On Monday"',
    "publisher": "publisher: null",
    "url": "url: null",
    "published": 'published: "2024-12-23"',
    "published_basis": "published_basis: the date line under the headline",
    "sha256": "sha256: <the output of: sha256sum seeds/{stem}.txt>",
    "unrelated": "unrelated: []",
    "starts": "starts: <text at which the unrelated part begins>",
    "label": "label: <a short name readers see>",
    "unit": "unit: <what is counted, e.g. people>",
}
_DATES = frozenset(("date", "as_of", "published", "correction"))
_TYPES = {
    "string_type": "text",
    "int_type": "a whole number",
    "float_type": "a number",
    "list_type": "a list",
    "dict_type": "a mapping (field: value lines)",
    "model_type": "a mapping (field: value lines)",
    "model_attributes_type": "a mapping (field: value lines)",
    "bool_type": "true or false",
}
_LIBRARY_NAMES = frozenset(("float", "str", "int", "none", "literal['publication']"))


def did_you_mean(word: str, choices: Any) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


def where(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "the file"


def example(field: object, doc: Document) -> str:
    stem = PurePosixPath(doc.path).stem
    return EXAMPLES.get(str(field), f"{field}: …").replace("{stem}", stem)


def check(model: type[BaseModel], doc: Document) -> tuple[Any | None, list[Diagnostic]]:
    """Validate ``doc.data`` against ``model``. Every schema problem becomes a diagnostic. A source's
    metadata with placeholders is not used at all; an event's is checked on (its placeholders are the
    only problems reported for those values)."""
    if not isinstance(doc.data, dict):
        return None, [
            error(
                "TL106",
                doc.path,
                1,
                1,
                "the file must be a mapping of fields (key: value)",
                f"start with the fields of {model.__name__.removesuffix('In').lower()}, e.g. "
                + example("title", doc),
            )
        ]
    held = [_placeholder(doc, loc) for loc in placeholders(doc.data)] if doc.placeholders else []
    if held and getattr(model, "placeholders_block", False):
        return None, held
    try:
        return model.model_validate(doc.data), held
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    problems = held + [_diagnostic(model, doc, e) for e in errors]
    if all(e["type"] == "extra_forbidden" for e in errors):
        # Unknown fields alone: check the rest of the file as if they were not there, so that every
        # other problem is reported in the same run.
        trimmed = _without(doc.data, [tuple(e["loc"]) for e in errors])
        try:
            return model.model_validate(trimmed), problems
        except ValidationError:
            pass
    return None, problems


def _is_placeholder(value: str) -> bool:
    return value.startswith(PLACEHOLDER) and (
        len(value) == len(PLACEHOLDER) or value[len(PLACEHOLDER)] == ":"
    )


def _any_placeholder(data: Any) -> bool:
    """Whether ``data`` holds a placeholder anywhere (no locations: the quick test for every file)."""
    stack = [data]
    while stack:
        value = stack.pop()
        if type(value) is str:
            if value[:1] == "T" and _is_placeholder(value):
                return True
        elif type(value) is dict:
            stack.extend(value.values())
        elif type(value) is list:
            stack.extend(value)
    return False


def placeholders(data: Any, loc: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Where ``data`` holds a placeholder value (``TODO``, or text starting ``TODO:``)."""
    if not loc and not _any_placeholder(data):
        return
    if isinstance(data, str):
        if _is_placeholder(data):
            yield loc
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from placeholders(value, (*loc, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from placeholders(value, (*loc, i))


def _placeholder(doc: Document, loc: tuple[Any, ...]) -> Diagnostic:
    mark = doc.mark(loc)
    field = next((p for p in reversed(loc) if isinstance(p, str)), "")
    return error(
        "TL134",
        doc.path,
        mark.line,
        mark.col,
        f"{where(loc)} is still a placeholder",
        f"fill it in, e.g. {example(field, doc)}",
    )


def _without(data: Any, locs: list[tuple[Any, ...]]) -> Any:
    """A copy of ``data`` with the values at ``locs`` removed."""
    copy = json.loads(json.dumps(data))
    for loc in locs:
        parent = copy
        for part in loc[:-1]:
            parent = parent[part]
        parent.pop(loc[-1], None)
    return copy


def _fields(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The field names allowed where ``loc`` points (for did-you-mean)."""
    current: Any = model
    keyed = False  # the previous part was a mapping of models: this part is a free key, not a field
    for part in loc[:-1]:
        if isinstance(part, int) or keyed:
            keyed = False
            continue
        field = current.model_fields.get(part) if hasattr(current, "model_fields") else None
        if field is None:
            return []
        keyed = getattr(field.annotation, "__origin__", None) is dict
        current = _inner_model(field.annotation)
    return list(current.model_fields) if current is not None and hasattr(current, "model_fields") else []


def _inner_model(annotation: Any) -> Any:
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def _diagnostic(model: type[BaseModel], doc: Document, err: Any) -> Diagnostic:
    # pydantic appends union member names ("float", "str") and "[key]" to locations; keep the real path.
    raw = tuple(err["loc"])
    loc = tuple(
        p for p in raw if isinstance(p, int) or (not p.endswith(("]", ")")) and p not in _LIBRARY_NAMES)
    )
    kind = err["type"]
    field = loc[-1] if loc else ""
    if kind == "extra_forbidden":
        mark = doc.mark(loc, key=True)
        allowed = _fields(model, loc)
        hint = did_you_mean(str(field), allowed) or f"allowed here: {', '.join(allowed)}"
        return error("TL110", doc.path, mark.line, mark.col, f"unknown field '{field}'", hint)
    if kind == "missing":
        parent = doc.mark(loc[:-1])
        return error(
            "TL112",
            doc.path,
            parent.line,
            parent.col,
            f"missing required field '{field}' in {where(loc[:-1])}",
            f"add it, e.g. {example(field, doc)}",
        )
    key = "[key]" in raw
    mark = doc.mark(loc, key=key)
    if kind in _TYPES:
        return error(
            "TL111",
            doc.path,
            mark.line,
            mark.col,
            f"{where(loc)} must be {_TYPES[kind]}",
            _type_hint(kind, field, err.get("input"), doc),
        )
    if kind in {"string_too_long", "too_long"}:  # the limits (docs/contributing/event-format.md)
        size = f"{len(err['input']):,} characters long" if kind == "string_too_long" else None
        size = size or f"{len(err['input']):,} entries"
        return error(
            "TL114",
            doc.path,
            mark.line,
            mark.col,
            f"{where(loc)} {'is' if kind == 'string_too_long' else 'has'} {size}; "
            f"the limit is {err['ctx']['max_length']:,}",
            "see the limits in docs/contributing/event-format.md: shorten it, or split the event",
        )
    message, hint = _value(kind, loc, err, doc, key=key)
    return error("TL113", doc.path, mark.line, mark.col, message, hint)


def _type_hint(kind: str, field: object, given: Any, doc: Document) -> str:
    name = str(field) if isinstance(field, str) else ""
    if kind == "string_type" and isinstance(given, int | float) and not isinstance(given, bool):
        if name in _DATES:
            return f'put the date in quotes: {name}: "{given}"'
        return f'put it in quotes: {name}: "{given}"' if name else f'put it in quotes: "{given}"'
    if kind in {"float_type", "int_type"} and isinstance(given, str):
        digits = given.replace(",", "").strip()
        if re.fullmatch(r"-?[0-9]+(?:\.[0-9]+)?", digits):
            return f"write the number without quotes or commas: {name}: {digits}"
    if kind == "list_type" and isinstance(given, str) and name:
        return f"write a list: {name}: [{given}]"
    if name in EXAMPLES:
        return f"e.g. {example(name, doc)}"
    return "see docs/contributing/event-format.md for what goes here"


def _value(kind: str, loc: tuple[Any, ...], err: Any, doc: Document, *, key: bool) -> tuple[str, str]:
    """Message and hint for a value of the right type that is not allowed."""
    field = str(loc[-1]) if loc else ""
    given = err.get("input")
    context = err.get("ctx") or {}
    if kind == "literal_error":
        choices = re.findall(r"'([^']*)'", str(context.get("expected", "")))
        close = did_you_mean(str(given), choices)
        return (
            f"{where(loc)} must be one of: {', '.join(choices)}",
            close or (f"e.g. {field}: {choices[0]}" if choices else ""),
        )
    if kind == "greater_than_equal":
        return (
            f"{where(loc)} must be {context.get('ge')} or more",
            "citations are numbered from 1: citation: 1",
        )
    if kind == "too_short":
        return f"{where(loc)} needs at least one entry", f"e.g. {example(field, doc)}"
    if kind == "string_too_short":
        return f"{where(loc)} is empty", f"write it, e.g. {example(field, doc)}"
    if kind == "string_too_long":
        return f"{where(loc)} is longer than {context.get('max_length')} characters", "shorten it"
    if kind == "string_pattern_mismatch":
        what = f"the key '{given}' in {where(loc[:-1])}" if key else where(loc)
        return (
            f"{what} must be lowercase letters, digits and single hyphens",
            f"e.g. {_slugify(str(given))}",
        )
    if kind == "finite_number":
        return f"{where(loc)} must be a finite number", f"e.g. {example(field, doc)}"
    return f"{where(loc)} is not an allowed value", f"e.g. {example(field, doc)}"


def _slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "a-name"

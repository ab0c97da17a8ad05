"""``data/events.schema.json``: the JSON Schema (draft 2020-12) of ``data/events.json``.

Written by hand next to the code that writes the file (exports/records.py) and strict
(``additionalProperties: false``), so that a field added on one side and not the other fails the tests.
"""

from __future__ import annotations

import json
from typing import Any, BinaryIO

from .common import Build
from .records import FORMAT_VERSION

SCHEMA_ID = f"urn:cited-timeline:schema:events:{FORMAT_VERSION}"  # a name, not a place to fetch


def _object(properties: dict[str, Any], *, optional: tuple[str, ...] = ()) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "required": [name for name in properties if name not in optional],
        "additionalProperties": False,
    }


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


STRING = {"type": "string"}
TEXT = {"type": "string", "minLength": 1}
DAY = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
SLUG = {"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$"}
EDTF = {
    "type": "string",
    "description": "An EDTF (ISO 8601-2) date of the subset the timeline uses",
    "pattern": r"^(\d{4}(-\d{2}(-\d{2})?)?[~?%]?|\.\.)(/(\d{4}(-\d{2}(-\d{2})?)?[~?%]?|\.\.))?$",
}
CITATION_NUMBER = {"type": "integer", "minimum": 1, "description": "1-based, as in the event file"}
COUNT = {"type": "integer", "minimum": 0}
NUMBER = _nullable({"type": "number"})


def events_schema() -> dict[str, Any]:
    date = _object(
        {
            "edtf": EDTF,
            "label": {**TEXT, "description": "The date as readers see it: June 2024, c. August 2024"},
            "earliest": {**_nullable(DAY), "description": "The earliest day it may be; null: open start"},
            "latest": {**_nullable(DAY), "description": "The latest day it may be; null: open end"},
            "precision": {"enum": ["year", "month", "day"]},
            "approximate": {"type": "boolean"},
            "uncertain": {"type": "boolean"},
        }
    )
    citation = _object(
        {
            "number": CITATION_NUMBER,
            "source": {**TEXT, "description": "The id of a source in `sources`"},
            "quote": {**TEXT, "description": "The quote on one line (runs of whitespace as one space)"},
            "start": {**COUNT, "description": "Where the quote starts in the source's text (code points)"},
            "end": {**COUNT, "description": "Where it ends (exclusive)"},
            "note": _nullable(STRING),
        }
    )
    claim = _object(
        {
            "measure": {**TEXT, "description": "The id of a measure in `measures`"},
            "qualifier": {"enum": ["exact", "about", "at-least", "at-most", "range"]},
            "value": NUMBER,
            "min": NUMBER,
            "max": NUMBER,
            "unit": STRING,
            "claimant": {**TEXT, "description": "Who asserts the figure (not the outlet reporting it)"},
            "as_of": EDTF,
            "citation": CITATION_NUMBER,
            "source": TEXT,
            "estimate": {**_nullable(SLUG), "description": "Shared by claims reporting one estimate"},
            "inference": {**_nullable(STRING), "description": "What an inferred attribution rests on"},
            "note": _nullable(STRING),
        }
    )
    problem = _object(
        {
            "kind": {"enum": ["wrong-date", "error", "disagreement", "uncorroborated", "note"]},
            "citation": CITATION_NUMBER,
            "source": TEXT,
            "text": {**STRING, "description": "The words in the quote the problem is about"},
            "correction": _nullable(STRING),
            "note": STRING,
        }
    )
    basis = _object({"citation": CITATION_NUMBER, "phrase": _nullable(STRING), "resolved": EDTF})
    event = _object(
        {
            "id": SLUG,
            "url": {**TEXT, "description": "The event's card on its month's page"},
            "date": date,
            "title": TEXT,
            "summary": {**TEXT, "description": "Markdown: emphasis, code and http(s) links only"},
            "tags": {"type": "array", "items": SLUG},
            "citations": {"type": "array", "items": citation, "minItems": 1},
            "claims": {"type": "array", "items": claim},
            "problems": {"type": "array", "items": problem},
            "date_basis": {"type": "array", "items": basis},
        }
    )
    source = _object(
        {
            "title": TEXT,
            "publisher": _nullable(STRING),
            "url": _nullable(STRING),
            "published": _nullable(EDTF),
            "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
            "page": {**TEXT, "description": "The source's page on the site, every cited span highlighted"},
        }
    )
    label = _object({"label": TEXT, "description": STRING})
    measure = _object({"label": TEXT, "unit": STRING, "description": STRING})
    document = _object(
        {
            "format": {"const": "cited-timeline events"},
            "format_version": {"const": FORMAT_VERSION},
            "title": TEXT,
            "license": _nullable(STRING),
            "updated": {"type": "string", "format": "date-time"},
            "base": {**TEXT, "description": "What relative `url` and `page` values are relative to"},
            "events": {"type": "array", "items": event},
            "sources": {"type": "object", "additionalProperties": source},
            "tags": {"type": "object", "additionalProperties": label},
            "measures": {"type": "object", "additionalProperties": measure},
        }
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "A cited timeline's events",
        "description": "data/events.json: every event with its dates, quotes, claims and problems",
        **document,
    }


def events_schema_json(build: Build, out: BinaryIO) -> None:
    """The schema does not depend on the timeline; it is written indented, for people to read."""
    out.write((json.dumps(events_schema(), ensure_ascii=False, indent=1) + "\n").encode("utf-8"))

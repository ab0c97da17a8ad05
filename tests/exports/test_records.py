"""data/events.json against its JSON Schema (jsonschema, draft 2020-12), and the two CSV files read back
with the csv module."""

from __future__ import annotations

import copy
import csv
import io
import json
from typing import Any

import jsonschema
import pytest

from generator import dates
from generator.exports import ExportOptions, build_exports
from generator.exports.records import CLAIM_COLUMNS, EVENT_COLUMNS
from generator.model import Timeline

from .conftest import DATES, HOSTILE, hostile_timeline


def _document(files: dict[str, bytes]) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(files["data/events.json"])
    return data


def _validator(files: dict[str, bytes]) -> jsonschema.Draft202012Validator:
    schema = json.loads(files["data/events.schema.json"])
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_events_json_validates_against_its_schema(files: dict[str, bytes]) -> None:
    errors = sorted(_validator(files).iter_errors(_document(files)), key=str)
    assert errors == [], errors[0].message if errors else ""


def test_hostile_and_fractional_data_validate_too(options: ExportOptions) -> None:
    files = build_exports(hostile_timeline(), options)
    document = _document(files)
    _validator(files).validate(document)
    claim = document["events"][0]["claims"][0]
    assert (claim["min"], claim["max"], claim["value"]) == (1000, 1100.5, None)
    assert isinstance(claim["min"], int)  # 1000.0 is written as 1000
    assert document["events"][0]["title"] == " ".join(f"Title {HOSTILE}".split())


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d["events"][0].pop("date"),
        lambda d: d["events"][0]["date"].update(precision="week"),
        lambda d: d["events"][0]["citations"].clear(),
        lambda d: d["events"][0].update(colour="red"),
        lambda d: d["events"][0]["date"].update(earliest="June 2024"),
        lambda d: d.update(format_version=2),
    ],
)
def test_the_schema_refuses_what_the_format_is_not(files: dict[str, bytes], damage: Any) -> None:
    document = copy.deepcopy(_document(files))
    damage(document)
    assert not _validator(files).is_valid(document)


def test_events_json_holds_every_event_in_timeline_order(files: dict[str, bytes], timeline: Timeline) -> None:
    document = _document(files)
    ordered = sorted(timeline.events, key=lambda e: e.sort_key)
    assert [e["id"] for e in document["events"]] == [e.id for e in ordered]
    for record, event in zip(document["events"], ordered, strict=True):
        assert record["date"]["edtf"] == dates.to_edtf(event.date)
        assert record["date"]["label"] == event.date_label
        assert len(record["claims"]) == len(event.claims)
        assert [p["kind"] for p in record["problems"]] == [p.kind for p in event.problems]
        assert [c["estimate"] for c in record["claims"]] == [c.estimate for c in event.claims]
        assert [c["inference"] for c in record["claims"]] == [c.inference for c in event.claims]


def test_earliest_and_latest_bound_the_date_honestly(dated: tuple[Timeline, dict[str, bytes]]) -> None:
    files = dated[1]
    _validator(files).validate(_document(files))
    by_edtf = {e["date"]["edtf"]: e["date"] for e in _document(files)["events"]}
    assert set(by_edtf) == set(DATES)
    assert by_edtf["2024-06?"] == {
        "edtf": "2024-06?",
        "label": "June 2024?",
        "earliest": "2024-06-01",
        "latest": "2024-06-30",
        "precision": "month",
        "approximate": False,
        "uncertain": True,
    }
    assert (by_edtf["2024"]["earliest"], by_edtf["2024"]["latest"]) == ("2024-01-01", "2024-12-31")
    assert by_edtf["2024-08/.."]["latest"] is None  # an open end has no latest day
    assert by_edtf["../2024-12?"]["earliest"] is None  # nor an open start an earliest one
    assert by_edtf["2024-12-23"]["earliest"] == by_edtf["2024-12-23"]["latest"] == "2024-12-23"
    approximate = by_edtf["2024-08~"]
    assert (approximate["label"], approximate["approximate"], approximate["uncertain"]) == (
        "c. August 2024",
        True,
        False,
    )
    assert (approximate["earliest"], approximate["latest"]) == ("2024-08-01", "2024-08-31")
    assert by_edtf["2024-04?/2024-12?"]["uncertain"] is True


def test_every_quote_is_the_span_its_offsets_name(files: dict[str, bytes], timeline: Timeline) -> None:
    document = _document(files)
    for event in document["events"]:
        for citation in event["citations"]:
            source = timeline.sources[citation["source"]]
            exact = source.text[citation["start"] : citation["end"]]
            assert " ".join(exact.split()) == citation["quote"]
            assert citation["source"] in document["sources"]
    assert all(len(s["sha256"]) == 64 for s in document["sources"].values())


def _rows(data: bytes) -> list[dict[str, str]]:
    assert b"\r\n" in data and data.endswith(b"\r\n")  # RFC 4180 line ends
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def test_events_csv_has_one_row_per_event(files: dict[str, bytes]) -> None:
    rows = _rows(files["data/events.csv"])
    records = _document(files)["events"]
    assert list(rows[0]) == EVENT_COLUMNS
    assert [r["id"] for r in rows] == [e["id"] for e in records]
    for row, record in zip(rows, records, strict=True):
        assert row["date"] == record["date"]["edtf"]
        assert row["earliest"] == (record["date"]["earliest"] or "")
        assert row["tags"].split(";") == record["tags"]
        assert int(row["claims"]) == len(record["claims"])
        assert row["url"] == record["url"]


def test_claims_csv_has_one_row_per_claim(files: dict[str, bytes], timeline: Timeline) -> None:
    rows = _rows(files["data/claims.csv"])
    assert list(rows[0]) == CLAIM_COLUMNS
    expected = [(e.id, c) for e in sorted(timeline.events, key=lambda e: e.sort_key) for c in e.claims]
    assert len(rows) == len(expected) > 0
    for row, (event_id, claim) in zip(rows, expected, strict=True):
        assert row["event_id"] == event_id
        assert (row["measure"], row["qualifier"], row["claimant"]) == (
            claim.measure,
            claim.qualifier,
            claim.claimant,
        )
        if claim.value is not None:
            assert float(row["value"]) == claim.value
        assert row["as_of"] == dates.to_edtf(claim.as_of)
        citation = next(e for e in timeline.events if e.id == event_id).citations[claim.citation]
        assert row["source_id"] == citation.source
        assert row["quote"] == " ".join(citation.quote.split())
        assert row["unit"], "the measure's unit when the claim names none"


def test_csv_survives_delimiters_quotes_and_line_breaks(options: ExportOptions) -> None:
    files = build_exports(hostile_timeline(), options)
    event = _rows(files["data/events.csv"])[0]
    assert event["title"] == " ".join(f"Title {HOSTILE}".split())
    claim = _rows(files["data/claims.csv"])[0]
    assert claim["note"] == HOSTILE  # a note keeps its commas, quotes and CRLF
    assert (claim["min"], claim["max"], claim["value"]) == ("1000", "1100.5", "")

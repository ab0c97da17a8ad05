"""Diagnostics as text, GitHub workflow commands, JSON and a Markdown summary table."""

from __future__ import annotations

import json
import re

from generator import diagnostics as diag
from generator.diagnostics import CODES, Diagnostic, Severity

HINTED = Diagnostic(
    "TL140",
    Severity.ERROR,
    "events/a.yaml",
    10,
    12,
    "the quote is not in alpha",
    'closest: "x"\nthe quote has y',
)
WARNED = Diagnostic("TL155", Severity.WARNING, "events/b.yaml", 3, 1, "citation 2 says 'December 18, 2023'")
AWKWARD = Diagnostic(
    "TL150", Severity.ERROR, "events/odd,name:1.yaml", 2, 7, "50% of 'x, y: z'\r\nline two", "e.g. 100%: a, b"
)


def unescape(text: str) -> str:
    return re.sub("%(25|0D|0A|3A|2C)", lambda m: bytes.fromhex(m[1]).decode(), text)


def parse_github(line: str) -> tuple[str, dict[str, str], str]:
    """Split a workflow command as the runner does: ``::kind k=v,k=v::data``."""
    match = re.fullmatch(r"::(error|warning) ([^:]*)::(.*)", line)
    assert match, line
    props = dict(pair.split("=", 1) for pair in match[2].split(","))
    return match[1], {k: unescape(v) for k, v in props.items()}, unescape(match[3])


def test_text_format_with_hint() -> None:
    assert diag.format_text(HINTED) == (
        "events/a.yaml:10:12: error[TL140]: the quote is not in alpha\n"
        '  hint: closest: "x"\n'
        "        the quote has y"
    )


def test_text_format_warning_without_hint() -> None:
    assert (
        diag.format_text(WARNED) == "events/b.yaml:3:1: warning[TL155]: citation 2 says 'December 18, 2023'"
    )


def test_github_format_exact() -> None:
    assert diag.format_github(AWKWARD) == (
        "::error file=events/odd%2Cname%3A1.yaml,line=2,col=7,title=TL150 invalid date::"
        "50%25 of 'x, y: z'%0D%0Aline two%0Ae.g. 100%25: a, b"
    )
    assert diag.format_github(WARNED).startswith("::warning file=events/b.yaml,line=3,col=1,title=TL155 ")


def test_github_format_round_trips() -> None:
    for d in (HINTED, WARNED, AWKWARD):
        line = diag.format_github(d)
        assert "\n" not in line and "\r" not in line
        kind, props, data = parse_github(line)
        assert kind == ("error" if d.severity is Severity.ERROR else "warning")
        assert props == {
            "file": d.path,
            "line": str(d.line),
            "col": str(d.col),
            "title": f"{d.code} {d.title}",
        }
        assert data == d.message + (f"\n{d.hint}" if d.hint else "")


def test_json() -> None:
    rows = json.loads(diag.to_json([HINTED, WARNED]))
    assert rows == [
        {
            "code": "TL140",
            "severity": "error",
            "path": "events/a.yaml",
            "line": 10,
            "col": 12,
            "message": "the quote is not in alpha",
            "hint": 'closest: "x"\nthe quote has y',
            "title": "quote not in source",
        },
        {
            "code": "TL155",
            "severity": "warning",
            "path": "events/b.yaml",
            "line": 3,
            "col": 1,
            "message": "citation 2 says 'December 18, 2023'",
            "hint": "",
            "title": "wrong year in source",
        },
    ]
    assert json.loads(diag.to_json([])) == []


def test_summary_line() -> None:
    assert diag.summary([], 20, 5) == "20 events, 5 sources: 0 errors"
    assert diag.summary([HINTED], 20, 5) == "20 events, 5 sources: 1 error"
    assert diag.summary([HINTED, AWKWARD, WARNED], 2, 1) == "2 events, 1 sources: 2 errors, 1 warning"


def test_strict_turns_warnings_into_errors() -> None:
    [d] = diag.strict([WARNED])
    assert d.severity is Severity.ERROR
    assert (d.code, d.path, d.line, d.message) == (WARNED.code, WARNED.path, WARNED.line, WARNED.message)


def test_ordered_keeps_the_cause_order_without_duplicates() -> None:
    """validate_project orders diagnostics causes first; ordered() (used by the MkDocs plugin) keeps it."""
    assert diag.ordered([WARNED, HINTED, AWKWARD, HINTED]) == [WARNED, HINTED, AWKWARD]


def test_the_cause_groups() -> None:
    from generator.causes import group

    assert [group(code) for code in ("TL100", "TL113", "TL134", "TL180", "TL130", "TL140", "TL192")] == [
        0,
        0,
        0,
        0,
        1,
        1,
        1,
    ]
    assert [group(code) for code in ("TL152", "TL159", "TL160", "TL174")] == [2, 2, 3, 4]


def test_markdown_table() -> None:
    piped = Diagnostic("TL190", Severity.ERROR, "events/c.yaml", 4, 10, "a | b <script>", "x & y")
    table = diag.to_markdown_table([HINTED, WARNED, piped], "3 events, 2 sources: 2 errors, 1 warning")
    lines = table.splitlines()
    assert lines[0] == "### Timeline data: 3 events, 2 sources: 2 errors, 1 warning"
    rows = [line for line in lines if line.startswith("| ") and "`" in line]
    assert len(rows) == 3
    assert rows[0] == (
        '| ❌ | `events/a.yaml:10:12` | TL140 | the quote is not in alpha | closest: "x"<br>the quote has y |'
    )
    assert rows[1].startswith("| ⚠️ | `events/b.yaml:3:1` | TL155 |")
    assert rows[2] == "| ❌ | `events/c.yaml:4:10` | TL190 | a \\| b &lt;script&gt; | x &amp; y |"


def test_markdown_table_without_problems() -> None:
    assert "No problems found." in diag.to_markdown_table([], "0 events, 0 sources: 0 errors")


def test_every_code_has_a_title() -> None:
    assert all(re.fullmatch(r"TL\d{3}", code) and title for code, title in CODES.items())
    assert HINTED.title == "quote not in source"

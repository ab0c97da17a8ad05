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
        "50%25 of 'x, y: z'\\r\\nline two%0Ae.g. 100%25: a, b"
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
        assert data == diag.visible(d.message) + (f"\n{d.hint}" if d.hint else "")


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


# ---------------------------------------------------------------- hostile text in diagnostics

INJECTED = Diagnostic(
    "TL180",
    Severity.ERROR,
    "events/nl\n::warning file=x::y\x1b[2J.yaml",
    7,
    8,
    "unknown tag 'x\n::warning title=Injected::boom\r::error::x \x1b]0;title\x07 \x9b31m \x7f \u202eevil'",
    "first line\n::notice::second line \x1b[31m",
)
NOT_UTF8 = Diagnostic("TL121", Severity.ERROR, "events/bad\udcff\udcfe.yaml", 1, 5, "name 'bad\udcff'")
CONTROLS = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def test_text_format_escapes_control_characters_and_starts_no_line_with_two_colons() -> None:
    """A tag value "x\\n::warning …" printed a line starting with ::warning (a workflow command on
    GitHub), a newline in a file name did the same, and ANSI escape sequences reached the terminal."""
    text = diag.format_text(INJECTED)
    lines = text.split("\n")
    assert len(lines) == 3  # the head and the hint's own two lines: nothing else breaks a line
    assert not any(line.startswith("::") for line in lines)
    assert not any(CONTROLS.search(line) for line in lines)
    assert lines[0] == (
        "events/nl\\n::warning file=x::y\\x1b[2J.yaml:7:8: error[TL180]: unknown tag "
        "'x\\n::warning title=Injected::boom\\r::error::x \\x1b]0;title\\x07 \\x9b31m \\x7f \\u202eevil'"
    )
    assert lines[2] == "        ::notice::second line \\x1b[31m"


def test_a_file_name_that_is_not_utf8_prints_its_bytes() -> None:
    line = diag.format_text(NOT_UTF8)
    assert line == "events/bad\\xff\\xfe.yaml:1:5: error[TL121]: name 'bad\\xff'"
    line.encode("utf-8")  # strict: no lone surrogate left
    for out in (
        diag.format_github(NOT_UTF8),
        diag.to_json([NOT_UTF8]),
        diag.to_markdown_table([NOT_UTF8], "x"),
    ):
        out.encode("utf-8")


def test_a_path_starting_with_a_colon_cannot_start_a_line() -> None:
    odd = Diagnostic("TL101", Severity.ERROR, "::error::x.yaml", 1, 1, "the file is empty")
    assert diag.format_text(odd) == "./::error::x.yaml:1:1: error[TL101]: the file is empty"


def test_github_annotations_hold_no_control_characters() -> None:
    line = diag.format_github(INJECTED)
    assert "\n" not in line and "\r" not in line and not CONTROLS.search(line)
    _, props, data = parse_github(line)
    assert props["file"] == "events/nl\\n::warning file=x::y\\x1b[2J.yaml"
    assert data.split("\n") == [
        diag.visible(INJECTED.message),
        "first line",
        "::notice::second line \\x1b[31m",
    ]


def test_json_escapes_what_a_terminal_would_act_on_and_keeps_the_data() -> None:
    out = diag.to_json([INJECTED, NOT_UTF8])
    assert not CONTROLS.search(out.replace("\n", ""))  # JSON's own line breaks only
    rows = json.loads(out)
    assert [r["message"] for r in rows] == [INJECTED.message, NOT_UTF8.message]
    assert [r["path"] for r in rows] == [INJECTED.path, NOT_UTF8.path]


def _cells(row: str) -> list[str]:
    """A GFM table row's cells: split at every '|' that no backslash escapes."""
    return re.split(r"(?<!\\)\|", row)[1:-1]


def test_markdown_table_escapes_links_images_and_table_syntax() -> None:
    """A Markdown link or image in a value was live in $GITHUB_STEP_SUMMARY, and '|' plus a backtick in
    a file name forged table cells."""
    hostile = Diagnostic(
        "TL130",
        Severity.ERROR,
        "events/a`|b` | ``x.yaml",
        9,
        13,
        "no source '[click](https://evil.example/x)' ![img](https://evil.example/p.png) <img src=x>",
        "see https://evil.example and www.evil.example, *now* _please_ ~~x~~ \\",
    )
    table = diag.to_markdown_table([hostile], "1 events, 1 sources: 1 error")
    [row] = [line for line in table.splitlines() if line.startswith("| ❌")]
    cells = _cells(row)
    assert len(cells) == 5, cells
    where, message, hint = cells[1].strip(), cells[3].strip(), cells[4].strip()
    assert where == "```events/a`\\|b` \\| ``x.yaml:9:13```"  # a code span no backtick closes
    for text in (message, hint):
        assert not re.search(r"(?<!\\)[\[\]()!*_~`<>]", text), text
        assert not re.search(r"(?<!\\)://", text) and "www." not in text  # no autolinks
    assert message.startswith("no source '\\[click\\]\\(https\\://evil.example/x\\)' \\!\\[img\\]")

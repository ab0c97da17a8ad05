"""Diagnostics are data: a code, a place, a message and a hint. Formatters turn them into text, GitHub
workflow annotations, JSON, or a Markdown table for ``$GITHUB_STEP_SUMMARY``."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from enum import StrEnum

from .pickling import by_fields


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@by_fields
@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem in the data, at ``path:line:col`` (1-based)."""

    code: str
    severity: Severity
    path: str
    line: int
    col: int
    message: str
    hint: str = ""

    @property
    def title(self) -> str:
        return CODES.get(self.code, self.code)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.col, self.code)


# Stable codes. Never renumber; retire a code by leaving it here with "(retired)".
CODES: dict[str, str] = {
    # files and YAML
    "TL100": "YAML syntax error",
    "TL101": "empty file",
    "TL102": "file is not UTF-8",
    "TL103": "duplicate key",
    "TL104": "YAML anchor or alias",
    "TL105": "file too large",
    "TL106": "not a mapping",
    "TL107": "unquoted date",
    "TL108": "unreadable file",
    "TL109": "file name not read",
    # schema
    "TL110": "unknown field",
    "TL111": "wrong type",
    "TL112": "missing field",
    "TL113": "invalid value",
    "TL114": "over a limit",
    # ids
    "TL120": "invalid id",
    "TL121": "id differs from file name",
    "TL122": "duplicate id",
    # sources
    "TL130": "unknown source",
    "TL131": "source text changed",
    "TL132": "source text encoding",
    "TL133": "source files incomplete",
    "TL134": "placeholder left in",
    # quotes
    "TL140": "quote not in source",
    "TL141": "quote is ambiguous",
    "TL142": "quote too short",
    "TL143": "prefix or suffix does not match",
    "TL144": "quote cites an unrelated part",
    # dates
    "TL150": "invalid date",
    "TL151": "interval ends before it starts",
    "TL152": "dated after its sources",
    "TL153": "date more precise than sources",
    "TL154": "date not supported by sources",
    "TL155": "wrong year in source",
    "TL156": "relative phrase not usable",
    "TL157": "date more certain than sources",
    "TL159": "date rests on future-tense wording",
    # numbers and claims
    "TL160": "number not in quotes",
    "TL161": "figure not in supporting quote",
    "TL170": "unknown measure",
    "TL171": "figures out of order",
    "TL172": "claim without claimant",
    "TL173": "no such citation",
    "TL174": "one estimate, different claims",
    # vocabulary and text
    "TL180": "unknown tag",
    "TL190": "raw HTML in text",
    "TL191": "unsafe link",
    "TL192": "recorded problem does not match",
    "TL193": "invisible character in text",
}


def error(code: str, path: str, line: int, col: int, message: str, hint: str = "") -> Diagnostic:
    return Diagnostic(code, Severity.ERROR, path, line, col, message, hint)


def warning(code: str, path: str, line: int, col: int, message: str, hint: str = "") -> Diagnostic:
    return Diagnostic(code, Severity.WARNING, path, line, col, message, hint)


def strict(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """``--strict``: every warning becomes an error."""
    return [replace(d, severity=Severity.ERROR) for d in diagnostics]


def ordered(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Each diagnostic once, in the order given: ``validate_project`` already lists them causes first
    (sources, then each file's fields, quotes, dates, numbers, claims; see ``generator.causes``)."""
    return list(dict.fromkeys(diagnostics))


def count(diagnostics: Sequence[Diagnostic], severity: Severity) -> int:
    return sum(1 for d in diagnostics if d.severity is severity)


def summary(diagnostics: Sequence[Diagnostic], events: int, sources: int) -> str:
    errors = count(diagnostics, Severity.ERROR)
    warnings = count(diagnostics, Severity.WARNING)
    text = f"{events} events, {sources} sources: {errors} error{'s' if errors != 1 else ''}"
    if warnings:
        text += f", {warnings} warning{'s' if warnings != 1 else ''}"
    return text


# ---------------------------------------------------------------- formatters


# Never written to a terminal or a CI log as they are: control characters (escape sequences, carriage
# returns, a line feed inside a value: a line of its own could be a workflow command), DEL, C1 controls,
# line and paragraph separators, bidirectional overrides and lone surrogates (the bytes of a file name
# that is not UTF-8). Tabs stay.
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r"}


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # how Python keeps a byte of a file name that is not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every character that could change what a terminal or a CI log shows (see
    ``_UNSAFE``) written as an escape: ``\\x1b``, ``\\n``, ``\\u202e``, ``\\xff``."""
    return _UNSAFE.sub(_escaped, text) if _UNSAFE.search(text) else text


def _hint_lines(d: Diagnostic) -> list[str]:
    """The hint's lines (a hint may have several), each made visible."""
    return [visible(line) for line in d.hint.split("\n")] if d.hint else []


def format_text(d: Diagnostic) -> str:
    """``path:line:col: severity[code]: message`` and the hint's lines, indented: no line can start
    with ``::`` (a GitHub workflow command) or hold a control character."""
    head = f"{visible(d.path)}:{d.line}:{d.col}: {d.severity.value}[{d.code}]: {visible(d.message)}"
    if head.startswith(":"):
        head = "./" + head
    if not d.hint:
        return head
    first, *rest = _hint_lines(d)
    return "\n".join([head, f"  hint: {first}", *(f"        {line}" for line in rest)])


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(d: Diagnostic) -> str:
    """A workflow command: ``::error file=…,line=…,col=…,title=…::message``, escaped as the runner
    expects (``%``, CR, LF everywhere; ``:`` and ``,`` in properties), every value made visible first:
    the message is one line, the hint's own lines become lines of the annotation."""
    kind = "error" if d.severity is Severity.ERROR else "warning"
    props = ",".join(
        f"{k}={_escape_property(v)}"
        for k, v in (
            ("file", visible(d.path)),
            ("line", str(d.line)),
            ("col", str(d.col)),
            ("title", f"{d.code} {d.title}"),
        )
    )
    body = "\n".join([visible(d.message), *_hint_lines(d)])
    return f"::{kind} {props}::{_escape_data(body)}"


def to_json(diagnostics: Sequence[Diagnostic]) -> str:
    """JSON (an array of objects); what JSON leaves raw but a terminal would act on is escaped too."""
    rows = []
    for d in diagnostics:
        row = asdict(d)
        row["severity"] = d.severity.value
        row["title"] = d.title
        rows.append(row)
    text = json.dumps(rows, indent=2, ensure_ascii=False)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# In a table cell of GitHub-flavoured Markdown: what would start a link, an image, emphasis, code, raw
# HTML or a new cell is escaped, and URLs are kept from turning into links.
_MARKDOWN = re.compile(r"[\\`*_\[\]()!~|]")
_AUTOLINK = re.compile(r"(?<=[A-Za-z]):(?=//)|(?<=\bwww)\.", re.IGNORECASE)


def _cell(text: str) -> str:
    return "<br>".join(_cell_line(line) for line in text.split("\n"))


def _cell_line(line: str) -> str:
    html = visible(line).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _AUTOLINK.sub(_backslashed, _MARKDOWN.sub(_backslashed, html))


def _backslashed(match: re.Match[str]) -> str:
    return "\\" + match.group()


def _code(text: str) -> str:
    """``text`` as a code span that no backtick in it can close, in a table cell."""
    text = visible(text).replace("|", "\\|")
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def to_markdown_table(diagnostics: Sequence[Diagnostic], headline: str) -> str:
    """A Markdown table of every diagnostic, for ``$GITHUB_STEP_SUMMARY`` (GitHub shows only ten
    annotations per step; the summary shows them all)."""
    lines = [f"### Timeline data: {_cell(headline)}", ""]
    if not diagnostics:
        lines.append("No problems found.")
        return "\n".join(lines) + "\n"
    lines += ["| | Where | Code | Problem | How to fix |", "|---|---|---|---|---|"]
    for d in diagnostics:
        icon = "❌" if d.severity is Severity.ERROR else "⚠️"
        where = _code(f"{d.path}:{d.line}:{d.col}")
        message = _cell(d.message.replace("\n", "\\n"))  # one line: a value's line feed is shown
        lines.append(f"| {icon} | {where} | {d.code} | {message} | {_cell(d.hint)} |")
    return "\n".join(lines) + "\n"

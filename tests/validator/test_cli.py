"""`python -m generator validate`: output formats, the summary line, --strict, --summary-file, exit codes."""

from __future__ import annotations

import json
import os

import pytest

from .project import EVENT, EVENT_PATH, MiniProject, plain, run_module, variant
from .test_formatters import parse_github

BROKEN = variant(
    "South Korea’s Joint", "South Korea's Joint", variant("tags: [casualties", "tags: [casualty")
)
WRONG_YEAR = "The JCS confirmed on December 18, 2023, that at least 100 North Korean soldiers had died."


def test_valid_project_exits_0(project: MiniProject) -> None:
    project.event(EVENT)
    run = project.cli()
    assert run.code == 0
    assert run.out == "1 events, 2 sources: 0 errors\n"
    assert run.err == ""


def test_text_format(project: MiniProject) -> None:
    project.event(BROKEN)
    run = project.cli()
    assert run.code == 1
    lines = run.out.splitlines()
    assert f"{EVENT_PATH}:7:8: error[TL180]: unknown tag 'casualty'" in lines
    at = lines.index(f"{EVENT_PATH}:10:12: error[TL140]: the quote is not in alpha")
    assert at > lines.index(f"{EVENT_PATH}:7:8: error[TL180]: unknown tag 'casualty'")  # fields, then quotes
    assert lines[at + 1].startswith(
        '  hint: closest passage in alpha, line 4: "On Monday, South Korea’s Joint'
    )
    assert lines[at + 2].startswith("        the quote has 'Korea's' where the source has 'Korea’s': '''")
    assert lines[at + 3 :] == [
        "        only quotes, dashes or letter case differ: copy the source's characters exactly",
        "        not checked until this is fixed: the event's date, claim 1's as_of",
        "1 events, 2 sources: 2 errors",  # TL180 and TL140; the date the quote supported is not checked
    ]


def test_github_format_matches_json(project: MiniProject) -> None:
    """Every annotation decodes to exactly the diagnostic the JSON output gives, commas, colons and
    newlines included."""
    project.event(BROKEN)
    project.write("events/odd,name:1.yaml", EVENT.replace("id: jcs-casualties", "id: odd-name"))
    github = project.cli("--format", "github")
    as_json = project.cli("--format", "json")
    assert github.code == as_json.code == 1
    *annotations, headline = github.out.splitlines()
    rows = json.loads(as_json.out)
    assert headline == f"2 events, 2 sources: {len(rows)} errors"
    assert len(annotations) == len(rows) == 3
    assert any("," in r["path"] and ":" in r["path"] for r in rows)
    assert any("\n" in r["hint"] for r in rows)
    for line, row in zip(annotations, rows, strict=True):
        kind, props, data = parse_github(line)
        assert kind == row["severity"]
        assert props == {
            "file": row["path"],
            "line": str(row["line"]),
            "col": str(row["col"]),
            "title": f"{row['code']} {row['title']}",
        }
        assert data == row["message"] + (f"\n{row['hint']}" if row["hint"] else "")


def test_json_format(project: MiniProject) -> None:
    project.event(BROKEN)
    run = project.cli("--format", "json")
    rows = json.loads(run.out)  # nothing but JSON on stdout
    assert isinstance(rows, list)
    assert {tuple(sorted(r)) for r in rows} == {
        ("code", "col", "hint", "line", "message", "path", "severity", "title")
    }
    assert [(r["code"], r["path"], r["line"], r["col"]) for r in rows] == [
        ("TL180", EVENT_PATH, 7, 8),
        ("TL140", EVENT_PATH, 10, 12),
    ]
    assert all(r["severity"] == "error" for r in rows)


def test_json_format_valid_project(project: MiniProject) -> None:
    project.event(EVENT)
    run = project.cli("--format", "json")
    assert (run.code, json.loads(run.out)) == (0, [])


# ---------------------------------------------------------------- --strict


def test_warning_exits_0_without_strict(project: MiniProject) -> None:
    project.event(plain(quote=WRONG_YEAR))
    run = project.cli()
    assert run.code == 0
    assert f"{EVENT_PATH}:10:12: warning[TL155]: citation 2 says 'December 18, 2023'" in run.out
    assert run.out.splitlines()[-1] == "1 events, 2 sources: 0 errors, 1 warning"


def test_strict_makes_a_warning_an_error(project: MiniProject) -> None:
    project.event(plain(quote=WRONG_YEAR))
    run = project.cli("--strict")
    assert run.code == 1
    assert f"{EVENT_PATH}:10:12: error[TL155]: citation 2 says 'December 18, 2023'" in run.out
    assert run.out.splitlines()[-1] == "1 events, 2 sources: 1 error"
    assert project.cli("--strict", "--format", "github").out.startswith("::error file=")


# ---------------------------------------------------------------- usage errors


@pytest.mark.parametrize(
    ("args", "stderr"),
    [
        (("--events", "nowhere"), "error: nowhere is not a folder"),
        (("--seeds", "nowhere"), "error: nowhere is not a folder"),
        (("--events", "events/_vocabulary.yaml"), "is not a folder"),
        (("--format", "xml"), "invalid choice: 'xml'"),
        (("--colour",), "unrecognized arguments: --colour"),
    ],
)
def test_usage_errors_exit_2(project: MiniProject, args: tuple[str, ...], stderr: str) -> None:
    project.event(BROKEN)  # invalid data: 2 must win over 1
    run = project.cli(*args)
    assert run.code == 2
    assert stderr in run.err
    assert run.out == ""


# ---------------------------------------------------------------- summary file


def test_summary_file_lists_every_diagnostic(project: MiniProject) -> None:
    project.event(BROKEN)
    rows = json.loads(project.cli("--format", "json").out)
    run = project.cli("--summary-file", "summary.md")
    assert run.code == 1
    table = (project.root / "summary.md").read_text(encoding="utf-8")
    assert table.startswith("### Timeline data: 1 events, 2 sources: 2 errors\n")
    body = [line for line in table.splitlines() if line.startswith("| ❌ ")]
    assert len(body) == len(rows) == 2
    for line, row in zip(body, rows, strict=True):
        assert f"`{row['path']}:{row['line']}:{row['col']}` | {row['code']} |" in line
    project.cli("--summary-file", "summary.md")  # appends
    assert (project.root / "summary.md").read_text(encoding="utf-8") == table * 2


def test_github_format_writes_the_step_summary(project: MiniProject, monkeypatch: pytest.MonkeyPatch) -> None:
    project.event(EVENT)
    summary = project.root / "step-summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    project.cli()  # text format: leaves it alone
    assert not summary.exists()
    project.cli("--format", "github")
    assert summary.read_text(encoding="utf-8") == (
        "### Timeline data: 1 events, 2 sources: 0 errors\n\nNo problems found.\n"
    )


# ---------------------------------------------------------------- a real process


def test_module_entry_point_exit_code(project: MiniProject) -> None:
    project.event(BROKEN)
    proc = run_module(project.root, "validate", "--format", "json", timeout=60)
    assert proc.returncode == 1, proc.stderr
    assert [r["code"] for r in json.loads(proc.stdout)] == ["TL180", "TL140"]


def test_unwritable_summary_file_is_a_usage_error(project: MiniProject) -> None:
    project.event(EVENT)
    run = project.cli("--summary-file", "missing-folder/summary.md")
    assert run.code == 2
    assert "missing-folder/summary.md" in run.err


# ---------------------------------------------------------------- hostile text on the way out

INJECTION = "x\\n::warning title=Injected::boom"  # an escape sequence in a value is TL193


def test_no_output_line_starts_a_workflow_command(project: MiniProject) -> None:
    """A tag "x\\n::warning title=Injected::…" printed a line starting with ::warning in the text output
    (CI runs it on GitHub, where that line is a workflow command), a newline in a file name did the same,
    and ANSI escape sequences reached the terminal."""
    project.event(variant("tags: [casualties, north-korea]", f'tags: [casualties, "{INJECTION}"]'))
    project.write("events/nl\n::warning title=Injected::y\x1b[31m.yaml", EVENT)
    for args in ((), ("--strict",), ("--format", "json")):
        run = project.cli(*args)
        assert run.code == 1
        assert not [line for line in run.out.splitlines() if line.startswith("::")], run.out
        assert "\x1b" not in run.out
    text = project.cli().out
    assert "unknown tag 'x\\n::warning title=Injected::boom'" in text
    assert "events/nl\\n::warning title=Injected::y\\x1b[31m.yaml:1:5: error[TL121]" in text
    github = project.cli("--format", "github").out.splitlines()
    assert all(line.startswith(("::error ", "::warning ")) for line in github[:-1])
    assert len(github) == len(json.loads(project.cli("--format", "json").out)) + 1


def test_a_file_name_that_is_not_utf8_under_a_strict_utf8_stdout(project: MiniProject) -> None:
    """It crashed the CLI with UnicodeEncodeError (a traceback)."""
    (project.events / os.fsdecode(b"bad\xff.yaml")).write_bytes(EVENT.encode())
    for fmt in ("text", "github", "json"):
        proc = run_module(project.root, "validate", "--format", fmt, env={"PYTHONIOENCODING": "utf-8:strict"})
        assert proc.returncode == 1, proc.stderr
        assert "Traceback" not in proc.stderr
        assert "bad\\xff.yaml" in proc.stdout or "bad\\udcff.yaml" in proc.stdout


def test_an_ascii_terminal_gets_escapes_not_a_traceback(project: MiniProject) -> None:
    project.event(BROKEN)  # its hint quotes ’ (U+2019), which ASCII cannot encode
    proc = run_module(project.root, "validate", env={"PYTHONIOENCODING": "ascii"})
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "\\u2019" in proc.stdout

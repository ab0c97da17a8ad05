"""Hostile data through real MkDocs builds: the payload site (every payload the validator lets through,
in every kind of field) builds with --strict and its pages carry no live markup; invalid data fails the
build with plain lines (no workflow command, no escape sequence); nesting that crashed libyaml is one
diagnostic for `mkdocs build` and `mkdocs serve`."""

from __future__ import annotations

from pathlib import Path

import pytest
from projects import mkdocs_serve
from render.site_snapshot import live

from generator.render import render_site
from generator.validate import Project, validate_project

from .harness import UNSAFE
from .payload_site import copy_repository, mkdocs_build, payload_site

pytestmark = pytest.mark.slow


def test_the_payload_site_builds_strict_with_plain_output() -> None:
    site = payload_site()
    assert site.placed >= 60, site  # most payloads are text the validator accepts
    assert site.refused > 0  # and some it refuses (raw HTML, script links in event text)
    lines = site.output.splitlines()
    assert not [line for line in lines if line.startswith("::") or UNSAFE.search(line)]


def test_the_payload_site_has_no_live_markup_from_the_data() -> None:
    site = payload_site()
    pages = sorted(site.site.rglob("*.html"))
    assert len(pages) > 30
    running = {}
    for page in pages:
        if found := live(page.read_text(encoding="utf-8")):
            running[page.relative_to(site.site).as_posix()] = found
    assert running == {}


def test_invalid_data_fails_the_build_with_plain_lines(tmp_path: Path) -> None:
    """A tag "x\\n::warning …" and a file name with a line break printed workflow commands through the
    plugin's log (it formats diagnostics as the CLI does)."""
    project = copy_repository(tmp_path)
    event = project / "events" / "defense-pact-signed.yaml"
    text = event.read_text(encoding="utf-8")
    event.write_text(
        text.replace("tags: [agreements,", 'tags: ["x\\n::warning title=Injected::boom", agreements,'),
        encoding="utf-8",
    )
    (project / "events" / "nl\n::error::x\x1b[31m.yaml").write_text(text, encoding="utf-8")
    proc = mkdocs_build(project)
    assert proc.returncode == 1
    output = proc.stdout + proc.stderr
    assert "unknown tag 'x\\n::warning title=Injected::boom'" in output
    assert "events/nl\\n::error::x\\x1b[31m.yaml" in output
    assert not [line for line in output.splitlines() if line.startswith("::") or UNSAFE.search(line)]


DEEP = "- " * 30000 + "y\n"  # 60 KB: libyaml's composer crashed the interpreter on it (SIGSEGV)
# As an event file it is now refused for its size (32 KiB), before it is parsed; the vocabulary may be
# that large, so there it meets the nesting check.
DEEP_ERRORS = [
    "events/_vocabulary.yaml:1:65: error[TL111]: the YAML is nested more than 32 levels deep",
    "events/deep.yaml:1:1: error[TL105]: the file is 60,002 bytes; the limit for an event file is 32,768",
]


def _deep(project: Path) -> None:
    (project / "events" / "deep.yaml").write_text(DEEP, encoding="utf-8")
    (project / "events" / "_vocabulary.yaml").write_text(DEEP, encoding="utf-8")


def _diagnostics(output: str) -> list[str]:
    """The diagnostic lines of MkDocs' output, without MkDocs' own prefix."""
    return [line[line.index("events/") :] for line in output.splitlines() if "error[TL" in line]


def test_deep_nesting_is_one_diagnostic_for_mkdocs_build(tmp_path: Path) -> None:
    project = copy_repository(tmp_path)
    _deep(project)
    proc = mkdocs_build(project)
    assert proc.returncode == 1, (proc.returncode, proc.stderr[-2000:])
    assert _diagnostics(proc.stderr) == DEEP_ERRORS


def test_deep_nesting_is_one_diagnostic_for_mkdocs_serve(tmp_path: Path) -> None:
    project = copy_repository(tmp_path)
    _deep(project)
    with mkdocs_serve(project, tmp_path / "serve.log") as served:
        served.wait_for(lambda: "Serving on" in served.output(), "the first build", timeout=120)
        assert served.process.poll() is None  # it was exiting with -11 (SIGSEGV)
        assert _diagnostics(served.output()) == DEEP_ERRORS


@pytest.mark.parametrize("as_of", ["9999-12", "0001-01"])
def test_a_claim_at_the_calendar_edge_is_refused_or_rendered(tmp_path: Path, as_of: str) -> None:
    """Issue 12, finding 5: such an as_of validated, then render/chart.py raised OverflowError (fixed
    by the contributor-tools task's date range checks)."""
    project = copy_repository(tmp_path)
    event = project / "events" / "jcs-1100-casualties.yaml"
    text = event.read_text(encoding="utf-8")
    at = text.index("as_of: ")
    end = text.index("\n", at)
    event.write_text(text[:at] + f'as_of: "{as_of}"' + text[end:], encoding="utf-8")
    result = validate_project(Project(project / "events", project / "seeds", root=project), workers=1)
    if result.ok:
        render_site(result.timeline)

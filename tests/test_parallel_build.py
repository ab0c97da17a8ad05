"""Pages rendered ahead in a second process (generator/render/parallel.py) give the very site a build
rendering every page itself gives: the fixture project built in this process both ways, byte for
byte, with the second process shown to have rendered pages; and a template that fails on a page the
other process renders fails the build with its one-line error all the same."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from projects import fixture_project, with_overrides
from render.site_snapshot import tree

from generator import plugin_render
from generator.forking import fork_safe
from generator.render import parallel

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "corpus"

pytestmark = pytest.mark.slow
INNER = "TIMELINE_PARALLEL_TEST_INNER"


def _elsewhere(name: str) -> bool:
    """Run test ``name`` in a fresh interpreter when this one has other threads (the browser tests' servers
    stay up for the session, and fork is not safe beside them), so the test runs in every full run rather
    than skipping. Returns whether it ran there."""
    if fork_safe():
        return False
    if os.environ.get(INNER) or "fork" not in parallel.mp.get_all_start_methods():
        pytest.skip(f"fork is not available or not safe here ({threading.active_count()} threads)")
    ran = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"{Path(__file__).name}::{name}"],
        check=False,
        cwd=Path(__file__).parent,
        env={**os.environ, INNER: "1"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert ran.returncode == 0, ran.stdout[-4000:] + ran.stderr[-2000:]
    assert " passed" in ran.stdout and "skipped" not in ran.stdout, ran.stdout[-2000:]
    return True


def _build(project: Path, site: Path, monkeypatch: pytest.MonkeyPatch, *, ahead: bool) -> list[Any]:
    """``mkdocs build`` in this process; returns the Ahead instances it made."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    made: list[Any] = []

    class Recorded(parallel.Ahead):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            made.append(self)

    monkeypatch.setattr(plugin_render.parallel, "Ahead", Recorded)
    monkeypatch.setattr(plugin_render, "PARALLEL_MIN_PAGES", 0 if ahead else 10**9)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.chdir(project)
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return made


def test_pages_rendered_ahead_make_the_same_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if _elsewhere("test_pages_rendered_ahead_make_the_same_site"):
        return
    project = fixture_project(tmp_path / "project")
    assert _build(project, tmp_path / "alone", monkeypatch, ahead=False) == []
    made = _build(project, tmp_path / "ahead", monkeypatch, ahead=True)
    assert len(made) == 1 and made[0].rendered_there > 0
    assert made[0].process is None  # stopped when the build ended
    assert tree(tmp_path / "ahead") == tree(tmp_path / "alone")


def test_a_template_failing_in_the_other_process_fails_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    if _elsewhere("test_a_template_failing_in_the_other_process_fails_the_build"):
        return
    project = fixture_project(tmp_path / "project")
    card = (ROOT / "generator" / "templates" / "timeline" / "card.html").read_text(encoding="utf-8")
    with_overrides(
        project, {"card.html": '{% if event.id == "troops-sent" %}{{ event.nowhere.x }}{% endif %}\n' + card}
    )
    from mkdocs.exceptions import Abort

    with pytest.raises(Abort):
        _build(project, tmp_path / "site", monkeypatch, ahead=True)
    errors = [r.getMessage() for r in caplog.records if "template error" in r.getMessage()]
    assert len(errors) == 1 and "overrides/timeline/card.html:1:" in errors[0], errors
    assert "\n" not in errors[0]
    assert not (tmp_path / "site").exists()
    assert [p for p in os.listdir(tmp_path) if ".building-" in p] == []


def test_a_page_crosses_between_processes_whole() -> None:
    """What the other process sends back is the page as rendered, every field of it (a field left
    behind once made Material parse every page's HTML again for its search entries)."""
    from generator.render import Headings, Permalinks, Renderer
    from generator.validate import Project, validate_project

    result = validate_project(Project(CORPUS / "events", CORPUS / "seeds", root=CORPUS))
    renderer = Renderer(result.timeline)
    permalinks = Permalinks(symbol="&para;", auto_id=lambda text, used: text.lower().replace(" ", "-"))
    for page in renderer.pages.values():
        rendered = renderer.render(page, Headings(permalinks=permalinks), search=True)
        assert parallel._unpack(parallel._pack(rendered)) == rendered, page.path
    assert any(renderer.render(p, Headings(permalinks=permalinks)).excluded for p in renderer.pages.values())

"""The fixture corpus (tests/fixtures/corpus), validated by the real pipeline, the render options the
site uses for it, and the hostile timeline (hostile.py) built into a site through the plugin."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hostile import PERIODS as HOSTILE_PERIODS
from hostile import SITE, hostile_timeline, write_docs

from generator import plugin
from generator.model import Timeline
from generator.render import Options
from generator.validate import Project, Result, validate_project

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
PERIODS = {
    "2024-06": "June 2024 — the defense pact",
    "2024-08": "August 2024 — the Kursk incursion",
    "2024-12": "December 2024 — casualty reports",
}


@pytest.fixture(scope="session")
def timeline() -> Timeline:
    result = validate_project(Project(CORPUS / "events", CORPUS / "seeds", root=CORPUS))
    assert result.ok, list(result.diagnostics)
    assert len(result.timeline.events) == 7
    return result.timeline


@pytest.fixture(scope="session")
def options() -> Options:
    return Options(periods=PERIODS)


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The small site of tests/render/site/ built with ``mkdocs build --strict`` in this process, the
    plugin's validation replaced by the hostile timeline; the folder it was built into."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    tmp = tmp_path_factory.mktemp("hostile")
    docs = tmp / "docs"
    write_docs(docs)
    timeline = hostile_timeline()
    config = load_config(
        str(SITE / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(tmp / "site"), strict=True
    )
    config.plugins["timeline"].config.periods = HOSTILE_PERIODS
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(plugin, "validate_project", lambda project, **_: Result(timeline, (), 1, 1))
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    yield tmp / "site"

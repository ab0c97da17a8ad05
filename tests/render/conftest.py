"""The fixture corpus (tests/fixtures/corpus), validated by the real pipeline, and the render options the
site uses for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.model import Timeline
from generator.render import Options
from generator.validate import Project, validate_project

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

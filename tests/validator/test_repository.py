"""The repository's own data (events/ and seeds/) is valid, warnings included."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator.validate import Project, validate_project


def test_repository_data_passes_strict(repo_root: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "validate", "--strict"],
        cwd=repo_root,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.splitlines()[-1].endswith("sources: 0 errors")


def test_repository_timeline(repo_root: Path) -> None:
    result = validate_project(Project(repo_root / "events", repo_root / "seeds", root=repo_root))
    assert result.diagnostics == ()
    events = result.timeline.events
    assert len(events) == result.event_count > 0
    assert result.source_count == len(list((repo_root / "seeds").glob("*.txt")))
    assert [e.sort_key for e in events] == sorted(e.sort_key for e in events)
    for event in events:
        for citation in event.citations:
            text = result.timeline.sources[citation.source].text
            cited = text[citation.span.start : citation.span.end]
            assert " ".join(cited.split()) == " ".join(citation.quote.split()), (event.id, citation.source)
